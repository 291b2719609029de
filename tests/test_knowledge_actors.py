"""Actor resolution: aliases, sectors, time-aware roles and namesakes, with no model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parallax.knowledge.actors import GENERIC_TITLES, ActorResolver, fold
from parallax.knowledge.loader import load_knowledge

MID_2015 = dt.date(2015, 6, 1)
MID_2017 = dt.date(2017, 6, 1)


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver(load_knowledge())


def actor_id(resolver: ActorResolver, mention: str, **kwargs: object) -> str | None:
    found = resolver.resolve(mention, **kwargs)  # type: ignore[arg-type]
    return found.actor_id if found else None


@pytest.mark.parametrize(
    "mention",
    ["ISIS", "ISIL", "IS", "Islamic State", "Daesh", "the Islamic State", "Islamic State's"],
)
def test_islamic_state_aliases_are_one_actor(resolver: ActorResolver, mention: str) -> None:
    assert actor_id(resolver, mention) == actor_id(resolver, "ISIS")
    assert resolver.resolve(mention).sector == "INS"  # type: ignore[union-attr]


def test_short_acronyms_match_case(resolver: ActorResolver) -> None:
    assert actor_id(resolver, "is") is None
    assert actor_id(resolver, "us") is None


def test_a_name_in_lower_case_is_a_common_noun_unless_its_alias_is(
    resolver: ActorResolver,
) -> None:
    assert actor_id(resolver, "National Unity Government") == "NATIONAL_UNITY_GOVERNMENT"
    assert actor_id(resolver, "national unity government") is None  # a kind of government
    assert actor_id(resolver, "al qaeda") == actor_id(resolver, "al-Qaeda")  # "al" is lower


def test_nusra_and_hts_are_distinct_groups(resolver: ActorResolver) -> None:
    nusra = actor_id(resolver, "Jabhat al-Nusra")
    assert nusra is not None
    assert actor_id(resolver, "Nusra Front") == nusra
    hts = actor_id(resolver, "Hayat Tahrir al-Sham")
    assert hts is not None
    assert hts != nusra
    assert actor_id(resolver, "HTS") == hts


@pytest.mark.parametrize("mention", ["YPG", "SDF", "Peshmerga", "Hezbollah", "NATO", "Arab League"])
def test_groups_and_igos_are_known(resolver: ActorResolver, mention: str) -> None:
    assert actor_id(resolver, mention) is not None


def test_states_by_name_adjective_and_demonym(resolver: ActorResolver) -> None:
    assert actor_id(resolver, "Iraq") == "IRQ"
    assert actor_id(resolver, "Iraqis") == "IRQ"
    assert resolver.state_of("French") == "FRA"
    assert resolver.state_of("the U.S.") == "USA"
    assert resolver.state_of("Britain") == "GBR"


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("US forces", "USAMIL"),
        ("Iraqi troops", "IRQMIL"),
        ("the Syrian regime", "SYRGOV"),
        ("Russian warplanes", "RUSMIL"),
        ("Turkish police", "TURCOP"),
        ("Kurdish fighters", None),  # Kurds are not a state: no state sector to give
        ("Egyptian newspaper", "EGYMED"),  # one paper, not only "newspapers"
        ("the Turkish reporter", "TURMED"),
    ],
)
def test_sector_phrases(resolver: ActorResolver, mention: str, expected: str | None) -> None:
    assert actor_id(resolver, mention) == expected


def test_people_resolve_with_their_role_of_the_day(resolver: ActorResolver) -> None:
    kerry = resolver.resolve("Kerry", day=MID_2015)
    assert kerry is not None
    assert kerry.country == "USA"
    assert kerry.sector == "GOV"
    assert actor_id(resolver, "President Obama") == actor_id(resolver, "Barack Obama")
    assert actor_id(resolver, "Erdogan") == actor_id(resolver, "Erdoğan")


def test_the_president_depends_on_the_date(resolver: ActorResolver) -> None:
    us = {"USA": 5}
    assert resolver.resolve_role("the president", day=MID_2015, context=us).actor_id == (  # type: ignore[union-attr]
        actor_id(resolver, "Barack Obama")
    )
    assert resolver.resolve_role("the president", day=MID_2017, context=us).actor_id == (  # type: ignore[union-attr]
        actor_id(resolver, "Donald Trump")
    )


def test_roles_with_a_state_in_the_phrase(resolver: ActorResolver) -> None:
    hammond = actor_id(resolver, "Philip Hammond")
    assert hammond is not None
    found = resolver.resolve_role("the British foreign secretary", day=MID_2015)
    assert found is not None
    assert found.actor_id == hammond
    found = resolver.resolve_role("Iraq's prime minister", day=MID_2015)
    assert found is not None
    assert found.actor_id == actor_id(resolver, "Haider al-Abadi")
    found = resolver.resolve_role("the US foreign minister", day=MID_2015)
    assert found is not None
    assert found.actor_id == actor_id(resolver, "John Kerry")


def test_a_successor_takes_the_office_from_the_day_the_predecessor_left(
    resolver: ActorResolver,
) -> None:
    """An office holder marked as still in office would keep the office for every later
    article; the registry closes a role when its holder leaves and opens the successor's."""
    before, after = dt.date(2025, 6, 1), dt.date(2026, 3, 1)
    for phrase, old, new in (
        ("the Czech prime minister", "Petr Fiala", "Andrej Babiš"),
        ("Moldova's prime minister", "Dorin Recean", "Alexandru Munteanu"),
        ("the Algerian prime minister", "Nadir Larbaoui", "Sifi Ghrieb"),
        ("the Tanzanian prime minister", "Kassim Majaliwa", "Mwigulu Nchemba"),
    ):
        then, now = (
            resolver.resolve_role(phrase, day=before),
            resolver.resolve_role(phrase, day=after),
        )
        assert then is not None, phrase
        assert now is not None, phrase
        assert then.actor_id == actor_id(resolver, old), phrase
        assert now.actor_id == actor_id(resolver, new), phrase


def test_bare_role_without_context_or_date_stays_unresolved(resolver: ActorResolver) -> None:
    assert resolver.resolve_role("the president", day=MID_2015) is None
    assert resolver.resolve_role("the president", day=None, context={"USA": 3}) is None


def test_user_overlay_adds_a_local_official(tmp_path: Path) -> None:
    overlay = tmp_path / "local.yaml"
    overlay.write_text(
        "people:\n"
        "  - id: JANE_ROE\n    name: Jane Roe\n    aliases: [Roe]\n    roles:\n"
        "      - {title: governor, kind: official, country: IRQ, start: 2016-01-01}\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(load_knowledge([overlay]))
    assert actor_id(resolver, "Roe") == "JANE_ROE"
    found = resolver.resolve_role("the Iraqi governor", day=MID_2017)
    assert found is not None
    assert found.actor_id == "JANE_ROE"
    assert resolver.resolve_role("the Iraqi governor", day=MID_2015) is None


def test_user_overlay_adds_a_sector_cue(tmp_path: Path) -> None:
    overlay = tmp_path / "cues.yaml"
    overlay.write_text("sectors:\n  UAF: {cues: [lashkar]}\n", encoding="utf-8")
    assert actor_id(ActorResolver(load_knowledge()), "the Afghan lashkar") is None
    resolver = ActorResolver(load_knowledge([overlay]))
    assert actor_id(resolver, "the Afghan lashkar") == "AFGUAF"
    assert actor_id(resolver, "Afghan militias") == "AFGUAF"  # shipped cues are kept


def test_fold_ignores_case_accents_and_dashes() -> None:
    assert fold("Erdoğan") == fold("erdogan")
    assert fold("al‑Abadi") == fold("Al-Abadi")
    assert fold("U.S.") == "us"


def test_office_index_finds_what_a_scan_of_every_office_finds(resolver: ActorResolver) -> None:
    people = list(resolver.kb.people.values())
    titles = {fold(r.title) for p in people for r in p.roles} | set(GENERIC_TITLES)
    assert len(titles) > 20
    for title in titles:
        scanned = [
            (p.id, r)
            for p in people
            for r in p.roles
            if fold(r.title) == title or GENERIC_TITLES.get(title) == r.kind
        ]
        assert [(p.id, r) for _, p, r in resolver.offices_titled(title)] == scanned, title


@pytest.mark.parametrize(
    ("mention", "country", "sectors"),
    [
        ("FARC rebels", "COL", {"REB"}),
        ("ELN", "COL", {"REB"}),
        ("Tamil Tigers", "LKA", {"REB"}),
        ("New People's Army", "PHL", {"REB"}),
        ("Abu Sayyaf", "PHL", {"INS"}),
        ("M23", "COD", {"REB"}),
        ("Allied Democratic Forces", "COD", {"INS"}),
        ("Lord's Resistance Army", "UGA", {"REB"}),
        ("SPLM-IO", "SSD", {"REB"}),
        ("Rapid Support Forces", "SDN", {"REB"}),
        ("TPLF", "ETH", {"REB"}),
        ("Tatmadaw", "MMR", {"MIL"}),
        ("Arakan Army", "MMR", {"REB"}),
        ("Balochistan Liberation Army", "PAK", {"REB"}),
        ("Polisario Front", "ESH", {"REB"}),
        ("Shining Path", "PER", {"REB"}),
    ],
)
def test_armed_groups_of_wars_beyond_the_middle_east(
    resolver: ActorResolver, mention: str, country: str, sectors: set[str]
) -> None:
    found = resolver.resolve(mention)
    assert found is not None
    assert (found.country, found.sector in sectors) == (country, True)


@pytest.mark.parametrize("word", ["ADF", "OPM", "mend", "KIA", "PDF"])
def test_acronyms_that_name_other_things_too_are_not_armed_groups(
    resolver: ActorResolver, word: str
) -> None:
    """ "ADF" is also the Australian Defence Force, "KIA" killed in action, "OPM" a US office."""
    assert actor_id(resolver, word) is None


def test_a_shared_acronym_goes_to_the_national_body_only_in_its_country(
    resolver: ActorResolver,
) -> None:
    """ "RSF" is Reporters Without Borders, or Sudan's Rapid Support Forces in a Sudan story."""
    assert actor_id(resolver, "RSF") == "RSF"
    sudan = resolver.resolve("RSF", context={"SDN": 2, "USA": 1})
    assert sudan is not None
    assert (sudan.actor_id, sudan.country) == ("RAPID_SUPPORT_FORCES", "SDN")
    assert resolver.resolve("RSF", context={"FRA": 1}).actor_id == "RSF"  # type: ignore[union-attr]


def test_the_armed_body_a_person_leads(resolver: ActorResolver) -> None:
    """Machar's office of 2021 is the vice presidency, but his forces are still the SPLM-IO's;
    a minister's office (the Pentagon) is no armed body he leads."""
    machar = resolver.armed_group_of("RIEK_MACHAR", dt.date(2021, 1, 1))
    assert machar is not None
    assert (machar.actor_id, machar.sector) == ("SPLM_IO", "REB")
    assert resolver.armed_group_of("RIEK_MACHAR", dt.date(2012, 1, 1)) is None
    assert resolver.armed_group_of("ASHTON_CARTER", dt.date(2016, 1, 1)) is None
    assert resolver.armed_group_of("ISIS", None) is None


@pytest.mark.parametrize(
    ("mention", "day", "person", "country"),
    [
        ("Kiir", dt.date(2016, 1, 1), "SALVA_KIIR", "SSD"),
        ("Machar", dt.date(2015, 1, 1), "RIEK_MACHAR", "SSD"),
        ("Hemedti", dt.date(2023, 6, 1), "MOHAMED_HAMDAN_DAGALO", "SDN"),
        ("Modi", dt.date(2019, 1, 1), "NARENDRA_MODI", "IND"),
        ("Tshisekedi", dt.date(2023, 1, 1), "FELIX_TSHISEKEDI", "COD"),
    ],
)
def test_leaders_of_the_other_wars(
    resolver: ActorResolver, mention: str, day: dt.date, person: str, country: str
) -> None:
    found = resolver.resolve(mention, day=day)
    assert found is not None
    assert (found.actor_id, found.country) == (person, country)


def test_a_rebel_leaders_role_of_the_day_gives_his_sector(resolver: ActorResolver) -> None:
    """Machar led the armed opposition from December 2013; in 2012 he was vice president."""
    assert resolver.resolve("Machar", day=dt.date(2015, 1, 1)).sector == "REB"  # type: ignore[union-attr]
    assert resolver.resolve("Machar", day=dt.date(2012, 1, 1)).sector == "GOV"  # type: ignore[union-attr]
