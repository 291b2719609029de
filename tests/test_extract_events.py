"""Events extractor: triggers, PLOVER types, actors and recipients, status, place, date, ACLED.

Runs the trained pipeline with the knowledge base and every extractor, on sentences written
here; the lexicon and the crosswalks are also tested on their own.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from parallax.evaluation.plover import GoldRecord, countries_of, score_records, split_of
from parallax.extract.event_acled import acled_code
from parallax.extract.event_args import code_actor
from parallax.extract.event_lexicon import assault_mode
from parallax.nlp.lemmas import lemma_candidates
from parallax.schema import Actor, Event
from parses import hand_parsed


@pytest.fixture(scope="module")
def nlp() -> Language:
    from parallax.extract.annotate import build_full_pipeline

    return build_full_pipeline()


def events(nlp: Language, text: str, published: dt.date = dt.date(2016, 9, 1)) -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.published = published
    found: list[Event] = nlp(doc)._.events
    return found


def the_event(nlp: Language, text: str, trigger: str) -> Event:
    found = [e for e in events(nlp, text) if e.trigger is not None and e.trigger.text == trigger]
    assert found, f"no event on {trigger!r}: {[(e.type, e.trigger) for e in events(nlp, text)]}"
    return found[0]


def triggers(nlp: Language, text: str) -> set[str]:
    """The trigger words of the events found in ``text``."""
    return {e.trigger.text for e in events(nlp, text) if e.trigger is not None}


def place_of(nlp: Language, text: str, trigger: str) -> str | None:
    """The place name of the event on ``trigger``, if it has one."""
    place = the_event(nlp, text, trigger).place
    return place.text if place is not None else None


def actor_of(nlp: Language, text: str, trigger: str) -> Actor:
    """The actor of the event on ``trigger``, which must have one."""
    event = the_event(nlp, text, trigger)
    assert event.actor is not None, f"no actor for {trigger!r} in {text!r}"
    return event.actor


# --- lexicon and crosswalks ----------------------------------------------------------------


def test_aides_are_people_not_aid(nlp: Language) -> None:
    assert "aid" not in lemma_candidates("aide", "aides")
    assert "aides" not in triggers(nlp, "Two aides of the minister resigned on Monday.")


def test_weapon_words_make_the_assault_mode_precise() -> None:
    assert assault_mode(["a", "suicide", "bomber", "blew", "himself", "up"]) == "suicide-attack"
    assert assault_mode(["drones", "and", "jets", "struck"]) == "drone"
    assert assault_mode(["gunmen", "opened", "fire"]) == "firearms"
    assert assault_mode(["they", "met"]) is None


def test_acled_crosswalk_by_mode_and_parties() -> None:
    aerial = acled_code("ASSAULT", "aerial", "MIL", None)
    assert aerial is not None
    assert aerial.sub_event_type == "Air/drone strike"
    on_civilians = acled_code("ASSAULT", None, "INS", "CVL")
    assert on_civilians is not None
    assert on_civilians.event_type == "Violence against civilians"
    state_gain = acled_code("ASSAULT", None, "MIL", "INS", actor_is_state=True, territory=True)
    assert state_gain is not None
    assert state_gain.sub_event_type == "Government regains territory"
    rebel_gain = acled_code("ASSAULT", None, "INS", "MIL", territory=True)
    assert rebel_gain is not None
    assert rebel_gain.sub_event_type == "Non-state actor overtakes territory"
    assert acled_code("ACCUSE", "disapprove", "GOV", "GOV") is None


# --- types, actors, recipients -------------------------------------------------------------


def test_verbal_trigger_with_coded_actor_recipient_and_place(nlp: Language) -> None:
    event = the_event(
        nlp, "Turkish troops shelled Kurdish positions near Afrin on Tuesday.", "shelled"
    )
    assert event.type == "ASSAULT"
    assert event.mode == "heavy-weapons"
    assert event.actor is not None
    assert event.actor.country == "TUR"
    assert event.actor.sector == "MIL"
    assert event.place is not None
    assert event.place.text == "Afrin"
    assert event.date is not None
    assert event.date.value == "2016-08-30"
    assert event.status == "asserted"


def test_passive_voice_swaps_actor_and_recipient(nlp: Language) -> None:
    event = the_event(nlp, "Two villages were captured by Russian forces last week.", "captured")
    assert event.type == "ASSAULT"
    assert event.acled is not None
    assert event.acled.sub_event_type == "Government regains territory"
    assert event.actor is not None
    assert event.actor.country == "RUS"
    assert event.recipient is not None
    assert "villages" in event.recipient.text


def test_losing_a_town_to_someone_makes_them_the_actor(nlp: Language) -> None:
    event = the_event(nlp, "The rebels lost Palmyra to Syrian government forces.", "lost")
    assert event.type == "ASSAULT"
    assert event.actor is not None
    assert event.actor.country == "SYR"
    assert event.recipient is not None
    assert event.recipient.sector == "REB"


def test_nominal_trigger_with_possessive_actor(nlp: Language) -> None:
    event = the_event(nlp, "Russia's airstrikes hit a hospital in Idlib.", "airstrikes")
    assert event.type == "ASSAULT"
    assert event.mode == "aerial"
    assert event.actor is not None
    assert event.actor.actor_id == "RUSMIL"  # a state's air strikes are its military's
    assert event.acled is not None
    assert event.acled.event_type == "Explosions/Remote violence"


def test_verb_with_object_trigger_sends_troops(nlp: Language) -> None:
    event = the_event(nlp, "Britain sent 300 additional troops to Estonia.", "sent")
    assert event.type == "MOBILIZE"
    assert event.mode == "troops"
    assert event.place is not None
    assert event.place.text == "Estonia"
    assert [f.text for f in event.figures] == ["300"]


def test_a_party_named_after_a_preposition_beats_an_object_that_is_a_thing(
    nlp: Language,
) -> None:
    event = the_event(nlp, "Norway granted asylum to two Iranian dissidents.", "granted")
    assert countries_of(event.recipient) == {"IRN"}
    threat = the_event(
        nlp, "Moscow threatened to cut off gas supplies to Ukraine this winter.", "threatened"
    )
    assert countries_of(threat.recipient) == {"UKR"}


def test_a_weekday_is_never_the_recipient(nlp: Language) -> None:
    event = the_event(
        nlp, "Estonia complained on Monday to NATO about the incursion.", "complained"
    )
    assert event.recipient is None or "Monday" not in event.recipient.text


def test_a_dateline_time_between_subject_and_verb_is_not_part_of_the_actor(
    nlp: Language,
) -> None:
    for text, actor in (
        ("Russia on Tuesday rejected the peace plan.", "Russia"),
        ("The Security Council today agreed to extend the mandate.", "The Security Council"),
        ("A senior Kenyan official today praised the ceasefire.", "A senior Kenyan official"),
        # The time hangs on a word inside the phrase, or is read as part of a name.
        ("Rebels in the north on Friday rejected the government's offer.", "Rebels in the north"),
        (
            "Prime Minister Nawaz Sharif-Khan today rejected the proposal.",
            "Prime Minister Nawaz Sharif-Khan",
        ),
        (
            "Rebel leader Joseph Kony-Otti yesterday rejected the offer.",
            "Rebel leader Joseph Kony-Otti",
        ),
    ):
        event = events(nlp, text)[0]
        assert event.actor is not None
        assert event.actor.text == actor


@pytest.mark.parametrize(
    ("text", "trigger", "plover_type", "mode"),
    [
        ("Kenya sent 300 peacekeeping troops to Somalia.", "sent", "AID", None),
        ("The deployment of NATO peacekeeping troops began in Bosnia.", "deployment", "AID", None),
        (
            "Kyrgyzstan received a mission of observers from the OSCE.",
            "received",
            "RETREAT",
            "access",
        ),
        (
            "Qatar launched a mediation effort between the two states.",
            "effort",
            "CONSULT",
            "third-party",
        ),
        ("Hackers defaced the websites of three ministries.", "defaced", "PROTEST", "vandalize"),
        ("Police dispersed the protesters with tear gas.", "dispersed", "ASSAULT", "crowd-control"),
        ("UN helicopters evacuated the wounded from the town.", "evacuated", "AID", None),
        ("Militants hacked two villagers to death.", "hacked", "ASSAULT", "primitive"),
        ("Russia closed its border with Turkey.", "closed", "COERCE", "restrict"),
        ("The government shut down the opposition newspaper.", "shut", "COERCE", "censor"),
        ("Iran cancelled talks with the EU.", "cancelled", "SANCTION", "withdraw"),
        ("Israel denied entry to the UN investigators.", "denied", "REJECT", None),
        ("The minister berated the French envoy.", "berated", "ACCUSE", "disapprove"),
        ("The junta renounced the border treaty.", "renounced", "REJECT", None),
        ("The king abdicated after the riots.", "abdicated", "RETREAT", "resign"),
        ("The rebels' surrender ended the siege.", "surrender", "RETREAT", None),
        ("The deportation of 300 migrants began.", "deportation", "COERCE", "deport"),
        (
            "The junta declared a state of emergency in the north.",
            "declared",
            "COERCE",
            "martial-law",
        ),
        ("The army extended the curfew in the capital.", "extended", "COERCE", "curfew"),
        ("Two guards died after the torture of the prisoners.", "torture", "ASSAULT", "torture"),
        ("Iran declined the invitation to the summit.", "declined", "REJECT", None),
        ("Refugees sought asylum in Germany.", "sought", "REQUEST", None),
        ("The opposition walked out of parliament.", "walked", "PROTEST", "demo"),
        ("Jets strafed the convoy near the border.", "strafed", "ASSAULT", "aerial"),
        ("The junta exiled the opposition leader.", "exiled", "COERCE", "deport"),
        ("The rebels vacated their positions in the hills.", "vacated", "RETREAT", "withdraw"),
        ("Moscow rescinded the ban on Turkish imports.", "rescinded", "CONCEDE", None),
        ("The ministry lambasted the British ambassador.", "lambasted", "ACCUSE", "disapprove"),
        ("Egypt brokered a truce between the factions.", "brokered", "CONSULT", "third-party"),
        ("A brief firefight broke out with smugglers.", "firefight", "ASSAULT", None),
        ("Police stepped up security in the capital.", "stepped", "MOBILIZE", "police"),
        ("Egypt deployed riot police around the square.", "deployed", "MOBILIZE", "police"),
        ("China held naval exercises near Taiwan.", "exercises", "MOBILIZE", "troops"),
        ("Russia and Belarus held joint exercises.", "exercises", "COOPERATE", None),
        ("The junta loosened restrictions on the press.", "loosened", "CONCEDE", None),
        ("Police apprehended three suspects in Lagos.", "apprehended", "COERCE", "arrest"),
        ("Militiamen butchered 30 villagers near Beni.", "butchered", "ASSAULT", None),
        ("The court acquitted the opposition leader.", "acquitted", "CONCEDE", None),
        (
            "Soldiers interrogated the detained journalists.",
            "interrogated",
            "ACCUSE",
            "investigate",
        ),
        ("The rebels breached the ceasefire near Donetsk.", "breached", "ASSAULT", None),
        ("Militants planted a bomb outside the station.", "planted", "ASSAULT", "explosives"),
        ("Russia amassed troops on the border.", "amassed", "MOBILIZE", "troops"),
        ("Britain closed its embassy in Tehran.", "closed", "SANCTION", "withdraw"),
        ("Israel retaliated with air strikes on Gaza.", "retaliated", "ASSAULT", "aerial"),
        ("US warships patrolled the Strait of Hormuz.", "patrolled", "MOBILIZE", "troops"),
        ("The army reimposed the curfew in Srinagar.", "reimposed", "COERCE", "restrict"),
        ("The authorities closed the airport in Sanaa.", "closed", "COERCE", "restrict"),
        ("The navy intercepted a vessel bound for Yemen.", "intercepted", "COERCE", "restrict"),
        ("Iran postponed talks with the EU.", "postponed", "SANCTION", "withdraw"),
        ("Protesters chanted slogans outside parliament.", "chanted", "PROTEST", "demo"),
        ("Two policemen died in a shootout with smugglers.", "shootout", "ASSAULT", "firearms"),
        ("The demolition of 40 homes began in Silwan.", "demolition", "ASSAULT", "destroy"),
        ("The junta announced an amnesty for the rebels.", "amnesty", "CONCEDE", None),
        ("Kabul ignored calls for early elections.", "ignored", "REJECT", None),
        ("Serbia resisted pressure from Brussels to recognise Kosovo.", "resisted", "REJECT", None),
        ("The president brushed aside criticism of the election.", "brushed", "REJECT", None),
        ("The clan vowed revenge for the murder of its elder.", "vowed", "THREATEN", "violence"),
        ("Iran condemned the seizure of its oil tanker.", "seizure", "COERCE", "seize"),
        ("Donors deplored the suspension of aid to Gaza.", "suspension", "SANCTION", "discontinue"),
        ("Beijing expressed opposition to the visit.", "expressed", "REJECT", None),
        ("Egypt renewed its call for a ceasefire in Gaza.", "renewed", "REQUEST", None),
        ("Chad lodged a complaint with the UN.", "lodged", "ACCUSE", "disapprove"),
        ("Ankara summoned the Swedish envoy.", "summoned", "ACCUSE", "disapprove"),
        (
            "The Philippines protested to China over the collision.",
            "protested",
            "ACCUSE",
            "disapprove",
        ),
        ("Farmers protested outside parliament.", "protested", "PROTEST", "demo"),
        ("Pretoria released Nelson Mandela in 1990.", "released", "RETREAT", "release"),
        ("Iran released the jailed aid worker.", "released", "RETREAT", "release"),
        ("Myanmar granted UN investigators access to Rakhine.", "granted", "RETREAT", "access"),
        ("The junta handed power to a civilian government.", "handed", "CONCEDE", None),
        ("Thousands took to the streets of Caracas.", "took", "PROTEST", "demo"),
        ("Turkey trained Syrian rebels near Kilis.", "trained", "COOPERATE", None),
        ("The IMF extended a $3 billion loan to Pakistan.", "extended", "AID", None),
        (
            "Japan scrambled fighter jets over the East China Sea.",
            "scrambled",
            "MOBILIZE",
            "troops",
        ),
        ("The Pentagon sent an aircraft carrier to the Gulf.", "sent", "MOBILIZE", "troops"),
        ("Gunmen sprayed the minibus with bullets.", "sprayed", "ASSAULT", "firearms"),
        ("Assailants hurled grenades at a police post.", "hurled", "ASSAULT", "explosives"),
        ("The army bulldozed the camp.", "bulldozed", "ASSAULT", "destroy"),
        ("Obama invited the Cuban president to the White House.", "invited", "AGREE", None),
        ("China has invited Putin to visit Beijing next month.", "invited", "AGREE", None),
        ("Moscow and Beijing deepened their ties.", "deepened", "SUPPORT", None),
        (
            "Tokyo and Seoul resumed intelligence sharing on Monday.",
            "intelligence",
            "COOPERATE",
            None,
        ),
        (
            "China retaliated by imposing tariffs on US goods.",
            "imposing",
            "SANCTION",
            "discontinue",
        ),
        ("Washington sent Kyiv more ammunition.", "sent", "AID", None),
        ("The president caved to the demands of the protesters.", "caved", "CONCEDE", None),
        ("The government legalized opposition parties.", "legalized", "CONCEDE", None),
        ("Settlers stoned Palestinian cars near Hebron.", "stoned", "ASSAULT", "primitive"),
        ("A coast guard ship rammed a fishing boat.", "rammed", "ASSAULT", None),
        ("The army overthrew the elected president.", "overthrew", "ASSAULT", None),
        ("The junta forbade public gatherings.", "forbade", "COERCE", "restrict"),
        ("Police cordoned off the square.", "cordoned", "COERCE", "restrict"),
        ("Crimea seceded from Ukraine.", "seceded", "SANCTION", "withdraw"),
        ("Russian bombers overflew the Baltic states.", "overflew", "MOBILIZE", "troops"),
        ("A senior general defected to the opposition.", "defected", "REJECT", None),
        ("A monk immolated himself in protest.", "immolated", "PROTEST", None),
        ("Police hunted down the gunmen.", "hunted", "COERCE", "arrest"),
        ("The EU and Turkey struck a deal on migrants.", "struck", "AGREE", None),
        ("Egypt and Sudan held joint air force drills.", "drills", "COOPERATE", None),
        ("Saudi Arabia and Iran exchanged ambassadors.", "exchanged", "SUPPORT", None),
        (
            "The junta released the former president from house arrest.",
            "released",
            "RETREAT",
            "release",
        ),
        ("The US approved the sale of F-16 jets to Turkey.", "sale", "AID", None),
        ("Washington sold Saudi Arabia precision-guided missiles.", "sold", "AID", None),
        ("The court issued arrest warrants for three generals.", "issued", "COERCE", "arrest"),
        ("Militants set the police station ablaze.", "set", "ASSAULT", None),
    ],
)
def test_modes_of_the_plover_manual_tables(
    nlp: Language, text: str, trigger: str, plover_type: str, mode: str | None
) -> None:
    event = the_event(nlp, text, trigger)
    assert (event.type, event.mode) == (plover_type, mode)


def test_an_unknown_official_takes_the_state_of_his_title(nlp: Language) -> None:
    event = the_event(
        nlp, "Serbian President Vojislav Kostunica promised to democratize Serbia.", "promised"
    )
    assert event.actor is not None
    assert event.actor.country == "SRB"
    assert event.actor.text.endswith("Kostunica")


def test_arguments_the_parse_hangs_elsewhere(nlp: Language) -> None:
    resign = the_event(
        nlp, "Montenegro's prime minister has been indicted by the court and will resign.", "resign"
    )
    assert resign.actor is not None
    assert resign.actor.country == "MNE"
    talks = the_event(
        nlp, "American and Russian negotiators return to Geneva this week for talks.", "talks"
    )
    assert talks.actor is not None
    assert set((talks.actor.country or "").split("+")) == {"USA", "RUS"}


def test_an_act_announced_unless_the_other_side_acts_is_a_threat(nlp: Language) -> None:
    event = the_event(
        nlp,
        "Nigeria said it will withdraw its peacekeepers from Chad unless a ceasefire is agreed.",
        "withdraw",
    )
    assert event.type == "THREATEN"


def test_the_state_behind_the_air_strikes_that_killed_is_the_actor(nlp: Language) -> None:
    event = the_event(
        nlp, "At least 56 civilians were killed in Russian air strikes near Idlib.", "killed"
    )
    assert event.actor is not None
    assert (event.actor.country, event.actor.sector) == ("RUS", "MIL")


@pytest.mark.parametrize(
    ("text", "trigger", "role", "country"),
    [
        # whom a demand or threat is aimed at; a "by" phrase beside an active subject is not
        # the doer; wire-copy subjects the parse cut off from their verb
        (
            "China demanded that the United States cancel the arms sale to Taiwan.",
            "demanded",
            "recipient",
            "USA",
        ),
        (
            "Israel threatened to ban the vote if Hamas took part in the election.",
            "threatened",
            "recipient",
            "PSE",
        ),
        (
            "Azerbaijan threatened on Monday to break relations with Russia.",
            "threatened",
            "recipient",
            "RUS",
        ),
        (
            "Albania denounced Serbia's crackdown on the protesters.",
            "denounced",
            "recipient",
            "SRB",
        ),
        # a document speaks for whoever issued it
        (
            "Iran's foreign ministry issued a statement condemning the attack.",
            "condemning",
            "actor",
            "IRN",
        ),
        (
            "A statement by the Egyptian government called for a ceasefire.",
            "called",
            "actor",
            "EGY",
        ),
        # a past verb the morphologizer called an adjective
        (
            "Hundreds of Palestinians clashed with Israeli troops in Hebron on Friday.",
            "clashed",
            "actor",
            "PSE",
        ),
        # condemning an act whose doer the parse hung outside its phrase is aimed at the doer
        (
            "France denounced the bombing of the hospital by Russian jets.",
            "denounced",
            "recipient",
            "RUS",
        ),
        ("Poland demanded an apology by Russia for the massacre.", "demanded", "recipient", "RUS"),
        (
            "The US on Thursday rejected calls by Kofi Annan to adopt the reforms.",
            "rejected",
            "actor",
            "USA",
        ),
        ("Denmark today accepted a formula for ending the dispute.", "accepted", "actor", "DNK"),
        ("Iraqi forces Sunday retook the city of Ramadi from ISIS.", "retook", "actor", "IRQ"),
        (
            "Bangladesh has once again outright rejected an Indian proposal.",
            "rejected",
            "actor",
            "BGD",
        ),
        # the "to" phrase of a verb handing over a message; "they" is not the state in a
        # person's title
        (
            "Ghana issued an ultimatum to Nigeria to withdraw its troops.",
            "ultimatum",
            "recipient",
            "NGA",
        ),
        (
            "UK Prime Minister David Cameron told Maliki that he would help rebuild the Iraqi "
            "army so they could retake Mosul.",
            "retake",
            "actor",
            "IRQ",
        ),
        # a possessive in a clause whose subject is a pronoun of its kind; a subject pronoun
        # opening its sentence continues the main subject before it; one in what a relative
        # clause reports stands for the relative's noun
        (
            "Turkey has an air base in Qatar, from where it launches its drone strikes.",
            "strikes",
            "actor",
            "TUR",
        ),
        (
            "Erdogan wanted Putin's support for the plan. He has promised to send more troops to "
            "Syria.",
            "promised",
            "actor",
            "TUR",
        ),
        (
            "Merkel thanked Lavrov, who announced he would expel the diplomats.",
            "expel",
            "actor",
            "RUS",
        ),
    ],
)
def test_the_party_in_each_role(
    nlp: Language, text: str, trigger: str, role: str, country: str
) -> None:
    party = getattr(the_event(nlp, text, trigger), role)
    assert party is not None
    assert party.country == country


def test_a_plural_act_noun_misread_as_a_verb_is_still_the_act(nlp: Language) -> None:
    found = events(
        nlp,
        "Tens of thousands of university students throughout Indonesia staged mass "
        "demonstrations Saturday to demand political reforms.",
    )
    assert "PROTEST" in {e.type for e in found}
    according = events(nlp, "According to the monitor, Turkish jets struck Kurdish positions.")
    assert [e.type for e in according] == ["ASSAULT"]


def test_a_plural_misread_as_a_verb_before_a_past_tense_is_the_actor(nlp: Language) -> None:
    event = the_event(
        nlp, "Syrian regime warplanes bombed rebel-held districts of eastern Aleppo.", "bombed"
    )
    assert event.actor is not None
    assert event.actor.text.endswith("warplanes")
    assert event.actor.country == "SYR"
    modifier = the_event(nlp, "Russian warplanes bombed rebel positions in Aleppo.", "bombed")
    assert modifier.actor is not None
    assert modifier.actor.text == "Russian warplanes"
    assert modifier.actor.country == "RUS"


def test_a_pronoun_for_a_people_is_coded_as_that_people(nlp: Language) -> None:
    text = "Bosnian Croats said they had completed their withdrawal from the village."
    event = the_event(nlp, text, "withdrawal")
    assert event.actor is not None
    assert event.actor.country == "BIH"


def test_a_capital_addressed_by_a_verbal_act_is_its_government(nlp: Language) -> None:
    event = the_event(nlp, "Seoul demanded an apology from Tokyo.", "demanded")
    assert event.recipient is not None
    assert event.recipient.actor_id == "JPNGOV"


def test_a_plural_and_past_tense_folded_into_the_object_is_subject_and_verb(
    nlp: Language,
) -> None:
    jets = the_event(nlp, "UK jets bombed oil facilities in Syria.", "bombed")
    assert jets.actor is not None
    assert jets.actor.actor_id == "GBRMIL"
    city = the_event(nlp, "Russian warplanes bombed Aleppo.", "bombed")
    assert city.place is not None
    assert city.place.name == "Aleppo"


def test_a_people_is_coded_by_the_state_it_lives_in(nlp: Language) -> None:
    event = the_event(nlp, "Bosnian Serbs demanded a truce with Moslem forces.", "demanded")
    assert event.actor is not None
    assert event.actor.country == "BIH"


def test_a_capital_that_acts_is_its_government_but_a_capital_attacked_is_a_place(
    nlp: Language,
) -> None:
    rejected = the_event(nlp, "Ankara rejected the proposal from Athens.", "rejected")
    assert rejected.actor is not None
    assert (rejected.actor.country, rejected.actor.sector) == ("TUR", "GOV")
    struck = the_event(nlp, "Syrian warplanes struck Damascus on Friday, killing 12.", "struck")
    assert struck.recipient is None or not struck.recipient.actor_id


def test_a_title_state_overrules_a_namesake_linked_by_first_name(nlp: Language) -> None:
    event = the_event(nlp, "Russian President Boris Yeltsin hosted the talks.", "hosted")
    assert countries_of(event.actor) == {"RUS"}


def test_it_before_a_word_of_readiness_is_the_actor(nlp: Language) -> None:
    event = the_event(nlp, "Turkey says it is willing to withdraw its troops.", "withdraw")
    assert countries_of(event.actor) == {"TUR"}


def test_compound_actor_keeps_every_member(nlp: Language) -> None:
    event = the_event(
        nlp, "French and German diplomats met the Iranian delegation in Vienna.", "met"
    )
    assert event.type == "CONSULT"
    assert event.actor is not None
    assert countries_of(event.actor) == {"FRA", "DEU"}


def test_sponsor_is_not_the_actor(nlp: Language) -> None:
    event = the_event(nlp, "Iranian-backed militias stormed the town of Tikrit.", "stormed")
    assert event.actor is not None
    assert event.actor.country != "IRN"


def test_a_force_led_by_a_state_is_that_state_and_a_later_modifier_is_not_a_sponsor(
    nlp: Language,
) -> None:
    led = actor_of(nlp, "Ethiopian-led troops recaptured the town of Baidoa.", "recaptured")
    assert led.country == "ETH"
    armed = actor_of(nlp, "Nigerian soldiers armed with rifles raided the village.", "raided")
    assert armed.country == "NGA"


def test_an_unknown_official_takes_the_one_state_his_sentence_names(nlp: Language) -> None:
    text = "President Tomas Alvarenga banned Paraguayan opposition newspapers."
    assert actor_of(nlp, text, "banned").country == "PRY"
    # The state the act is aimed at is the other party, not the official's own.
    text = "Senator Bill Hartwell threatened sanctions against Venezuela."
    assert actor_of(nlp, text, "threatened").country != "VEN"
    # A state named in another clause says nothing about him.
    text = "Senator Adam Ruiz banned the rally after critics said Mexican groups had funded it."
    assert actor_of(nlp, text, "banned").country is None


@pytest.mark.parametrize(
    ("text", "trigger", "country", "actor_text"),
    [
        (
            "Mosul was retaken from the jihadists by Iraqi soldiers on Sunday.",
            "retaken",
            "IRQ",
            "Iraqi soldiers",
        ),
        (
            "Two nurses were shot dead by Congolese militiamen in the town of Beni.",
            "shot",
            "COD",
            "Congolese militiamen",
        ),
        (
            "Kenya, an African Union member, shot down a Somali drone on Friday.",
            "shot",
            "KEN",
            "Kenya",
        ),
        # an act noun's "by" phrase hung on the active verb above it …
        (
            "Aid agencies warned of the consequences stemming from the siege of Madaya by "
            "government troops.",
            "siege",
            None,
            "government troops",
        ),
        # … or on the noun the act is done to, whose phrase must not swallow it
        (
            "Outrage followed the shelling of a market in Douma by government forces.",
            "shelling",
            None,
            "government forces",
        ),
        (
            "Diplomats gathered in Geneva after the bombing of a hospital in Aleppo by Russian "
            "jets.",
            "bombing",
            "RUS",
            "Russian jets",
        ),
        # a wire dateline the parse hung as a second subject is not the doer
        (
            "KABUL, Oct 3 (AFP) - A Taliban suicide bomber attacked a NATO convoy in Kabul on "
            "Saturday, killing three soldiers.",
            "killing",
            "AFG",
            "A Taliban suicide bomber",
        ),
        # the "by" phrase of the passive light verb an act noun is the subject of
        (
            "The attack was carried out by Syrian rebels.",
            "attack",
            "SYR",
            "Syrian rebels",
        ),
        # a light verb the parse made a modifier of its act noun, the doers left as the root
        ("Activists staged rallies in Gaza.", "rallies", "PSE", "Activists"),
        (
            "Angry activists from the defeated Fatah Party have staged rallies in the Gaza Strip.",
            "rallies",
            "PSE",
            "Angry activists from the defeated Fatah Party",
        ),
    ],
)
def test_the_doer_the_parse_hangs_one_level_down(
    nlp: Language, text: str, trigger: str, country: str | None, actor_text: str
) -> None:
    event = the_event(nlp, text, trigger)
    assert event.actor is not None
    assert event.actor.text == actor_text
    assert event.actor.country == country
    assert event.recipient is None or " by " not in event.recipient.text


@pytest.mark.parametrize(
    ("text", "trigger", "country", "sector"),
    [
        (
            "Judge Maria Ochoa opened investigations against 12 Peruvian government officials.",
            "investigations",
            "PER",
            "JUD",
        ),
        (
            "Gen. Tomas Ruiz resigned to allow Bolivia's first free elections.",
            "resigned",
            "BOL",
            "MIL",
        ),
    ],
)
def test_an_unknown_titled_person_takes_the_title_sector_and_the_story_state(
    nlp: Language, text: str, trigger: str, country: str, sector: str
) -> None:
    actor = actor_of(nlp, text, trigger)
    assert (actor.country, actor.sector) == (country, sector)


def test_an_act_measured_out_takes_the_measures_verb_subject(nlp: Language) -> None:
    text = "Greek and Italian warships on Monday began 10 days of war games in the Aegean."
    actor = actor_of(nlp, text, "games")
    assert set((actor.country or "").split("+")) == {"GRC", "ITA"}


def test_every_state_of_a_list_the_parse_half_read_is_a_recipient(nlp: Language) -> None:
    text = (
        "The Senate agreed to lift embargoes on food sales in early May to Iran, Syria, "
        "North Korea and Venezuela."
    )
    recipients = [e.recipient for e in events(nlp, text) if e.recipient is not None]
    assert recipients
    countries = set((recipients[0].country or "").split("+"))
    assert {"IRN", "SYR", "PRK", "VEN"} <= countries


def test_a_conjunct_phrase_does_not_start_with_its_and(nlp: Language) -> None:
    text = (
        "The deal could mean a warming of ties between Cuba and Western nations that have "
        "shunned it for decades."
    )
    actor = actor_of(nlp, text, "shunned")
    assert actor.text == "Western nations"


def test_a_subject_pronoun_continues_the_earlier_subject(nlp: Language) -> None:
    text = (
        "Malian rebels on Friday rejected an Algerian peace plan, and said they opposed the "
        "deployment of UN troops."
    )
    event = the_event(nlp, text, "opposed")
    assert event.actor is not None
    assert event.actor.country == "MLI"


def test_he_or_she_after_a_person_the_registry_does_not_know_is_not_an_earlier_actor(
    nlp: Language,
) -> None:
    text = "Hillary Clinton spoke on Monday. Amandla Stenberg said she would accept the award."
    accepted = the_event(nlp, text, "accept")
    assert accepted.actor is not None
    assert accepted.actor.actor_id is None
    known = the_event(nlp, "Hillary Clinton spoke on Monday. She would accept the award.", "accept")
    assert known.actor is not None
    assert known.actor.actor_id == "HILLARY_CLINTON"


def test_who_a_demand_is_made_of_is_the_subject_of_its_that_clause(nlp: Language) -> None:
    event = the_event(
        nlp,
        "The rebels demanded that Kenya withdraw its troops from Somalia's border towns.",
        "demanded",
    )
    assert event.recipient is not None
    assert event.recipient.country == "KEN"


def test_who_a_demand_noun_is_made_of_is_the_subject_of_its_that_clause(nlp: Language) -> None:
    text = "UNICEF repeated its demand on Monday that Ethiopia reopen the border crossings."
    event = the_event(nlp, text, "demand")
    assert event.recipient is not None
    assert event.recipient.country == "ETH"
    assert event.actor is not None
    assert event.actor.actor_id == "UNICEF"


def test_a_verb_of_protest_or_recognition_with_a_that_clause_is_no_event(nlp: Language) -> None:
    assert "demonstrates" not in triggers(nlp, "This demonstrates that the rebels can win.")
    assert "recognized" not in triggers(nlp, "The envoy recognized that the plan had failed.")
    assert the_event(nlp, "Britain recognized the new government of Libya.", "recognized")


def test_the_coalition_and_the_group_point_back_to_the_actor_named_before(
    nlp: Language,
) -> None:
    text = (
        "The US-led coalition met in Kuwait. The coalition struck oil trucks near Mayadin. "
        "Islamic State fighters attacked Kobani. The group later shelled the town."
    )
    struck = the_event(nlp, text, "struck")
    assert struck.actor is not None
    assert struck.actor.actor_id == "COALITION"
    shelled = the_event(nlp, text, "shelled")
    assert shelled.actor is not None
    assert shelled.actor.actor_id == "ISIS"


def test_an_act_in_a_since_clause_of_a_refusal_is_an_event_of_its_own(nlp: Language) -> None:
    text = "Western nations have shunned Belarus since Minsk annexed the Ukrainian town of Rivne."
    found = {e.trigger.text: e for e in events(nlp, text) if e.trigger is not None}
    assert "annexed" in found
    shunned = found["shunned"]
    assert shunned.type == "REJECT"
    assert shunned.actor is not None
    assert shunned.actor.country is None  # "Western nations" are not where Minsk acts


def test_act_inside_a_request_is_one_request_event(nlp: Language) -> None:
    found = events(nlp, "The council urged Israel to lift the blockade of Gaza.")
    assert [e.type for e in found] == ["REQUEST"]


# --- status --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Government jets did not bomb the town.", "bomb", "negated"),
        ("The army could attack the city within days.", "attack", "hypothetical"),
        ("If the talks fail, the rebels might attack Aleppo.", "attack", "hypothetical"),
        ("The group claimed it had attacked the convoy.", "attacked", "reported"),
        ("Police arrested twelve suspects in Brussels.", "arrested", "asserted"),
        ("The militia swore to attack the airport.", "attack", "future"),
        # a known act referred to in a prepositional phrase keeps its own status …
        (
            "Germany said it would send jets in response to the Brussels bombings.",
            "bombings",
            "reported",
        ),
        (
            "Analysts say the fallout from the siege of Aleppo could last for years.",
            "siege",
            "reported",
        ),
        # … but what a trip is for is still ahead
        ("The delegates will travel to Geneva for the talks.", "talks", "future"),
    ],
)
def test_status(nlp: Language, text: str, trigger: str, status: str) -> None:
    assert the_event(nlp, text, trigger).status == status


def test_intended_conflict_is_a_threat_and_intended_help_an_agreement(nlp: Language) -> None:
    threat = the_event(nlp, "Ankara vowed to attack the militia if it crossed the river.", "attack")
    assert threat.type == "THREATEN"
    assert threat.status == "future"
    promise = the_event(nlp, "Japan will provide emergency aid to the refugees.", "provide")
    assert promise.type == "AGREE"
    assert promise.status == "future"


@pytest.mark.parametrize(
    ("text", "trigger", "plover_type"),
    [
        ("A Turkish court found the journalist guilty of espionage.", "found", "SANCTION"),
        ("Dock workers went on strike over wages.", "strike", "PROTEST"),
        ("Washington withdrew from the nuclear deal.", "withdrew", "SANCTION"),
        ("The army withdrew from the city.", "withdrew", "RETREAT"),
        ("North Korea paraded its missiles through Pyongyang.", "paraded", "MOBILIZE"),
        ("Militants used civilians as human shields.", "used", "ASSAULT"),
        ("Rioters torched cars in the capital.", "torched", "PROTEST"),
        ("Blinken spoke by phone with his Chinese counterpart.", "spoke", "CONSULT"),
        ("Beijing voiced support for Pakistan's position on Kashmir.", "voiced", "SUPPORT"),
        ("The two agencies exchanged intelligence on the suspects.", "exchanged", "COOPERATE"),
        ("Egypt and Sudan conducted joint military drills.", "drills", "COOPERATE"),
        ("The government agreed to the protesters' demands.", "agreed", "CONCEDE"),
        ("The release of the hostages was welcomed by the families.", "release", "RETREAT"),
        ("Mortar rounds slammed into a school in Aleppo.", "slammed", "ASSAULT"),
        ("Police rounded up hundreds of migrants.", "rounded", "COERCE"),
        ("Washington designated the group as a terrorist organization.", "designated", "SANCTION"),
        ("The EU blacklisted 11 Russian officials.", "blacklisted", "SANCTION"),
        ("Turkey moved more tanks to the Syrian border.", "moved", "MOBILIZE"),
        ("Russia began a bombing campaign in Syria in 2015.", "campaign", "ASSAULT"),
        ("Washington halted military assistance to Pakistan.", "halted", "SANCTION"),
        ("Russia increased its troops near the Ukrainian border.", "increased", "MOBILIZE"),
        ("Brazil rallied support for the Venezuelan opposition.", "rallied", "SUPPORT"),
        ("The army lifted the siege of the town.", "lifted", "RETREAT"),
        ("Security forces seized the weapons cache.", "seized", "COERCE"),
        ("Rebels seized the town of Tal Abyad.", "seized", "ASSAULT"),
        ("The government shut down the internet in the region.", "shut", "COERCE"),
        ("The EU warned Belarus of new sanctions.", "warned", "THREATEN"),
        ("China banned imports of Australian coal.", "banned", "SANCTION"),
        ("Ghana sent 300 soldiers to the UN peacekeeping mission in Mali.", "sent", "AID"),
        ("The military government ordered the radio station to close.", "ordered", "COERCE"),
        ("The president ordered the army to prepare a report.", "ordered", "REQUEST"),
        ("Nepal will send 800 troops to a peace-keeping force in Lebanon.", "send", "AGREE"),
        ("The junta banned two opposition newspapers.", "banned", "COERCE"),
        ("Chinese coast guard vessels blocked Philippine supply boats.", "blocked", "COERCE"),
        ("Protesters blocked roads in Beirut.", "blocked", "PROTEST"),
        ("Militants set fire to a school in Kandahar.", "set", "ASSAULT"),
        ("The US ambassador was summoned to the foreign ministry.", "summoned", "ACCUSE"),
        ("Japan provided $200 million to the Philippines.", "provided", "AID"),
        (
            "The Iraqi government welcomed the UN decision to extend its mission.",
            "welcomed",
            "SUPPORT",
        ),
        ("Protesters set fire to the US embassy in Tripoli.", "set", "PROTEST"),
    ],
)
def test_acts_the_cameo_codebook_names_by_verb_and_object(
    nlp: Language, text: str, trigger: str, plover_type: str
) -> None:
    assert the_event(nlp, text, trigger).type == plover_type


def test_a_release_of_no_captive_is_no_event(nlp: Language) -> None:
    assert "release" not in triggers(nlp, "The release of the report was delayed.")


@pytest.mark.parametrize(
    ("text", "trigger", "accused"),
    [
        ("Kyiv blamed Moscow for shelling the power plant.", "shelling", "Moscow"),
        ("Ankara accused the YPG of attacking a Turkish patrol.", "attacking", "the YPG"),
    ],
)
def test_the_act_an_accusation_alleges_is_reported_with_the_accused_as_actor(
    nlp: Language, text: str, trigger: str, accused: str
) -> None:
    act = the_event(nlp, text, trigger)
    assert act.type == "ASSAULT"
    assert act.status == "reported"
    assert act.actor is not None
    assert act.actor.text == accused


@pytest.mark.parametrize(
    ("text", "trigger", "claimant"),
    [
        ("Al-Shabaab claimed responsibility for the bombing of a hotel in Mogadishu.", "bombing",
         "Al-Shabaab"),
        ("The Pakistani Taliban claimed responsibility for attacking the school.", "attacking",
         "The Pakistani Taliban"),
        ("Officials said Boko Haram was responsible for the attack on the market.", "attack",
         "Boko Haram"),
    ],
)  # fmt: skip
def test_who_claims_responsibility_for_an_act_is_its_actor(
    nlp: Language, text: str, trigger: str, claimant: str
) -> None:
    assert actor_of(nlp, text, trigger).text == claimant


def test_what_an_act_did_was_done_by_the_acts_doer(nlp: Language) -> None:
    text = "Al-Shabaab claimed responsibility for a car bombing that killed 14 soldiers in Baidoa."
    assert actor_of(nlp, text, "bombing").actor_id == "AL_SHABAAB"
    assert actor_of(nlp, text, "killed").actor_id == "AL_SHABAAB"


def test_fire_opened_is_the_act_and_whom_it_is_opened_on_the_recipient(nlp: Language) -> None:
    event = the_event(nlp, "Police opened fire on striking miners near Rustenburg.", "opened")
    assert event.recipient is not None
    assert "miners" in event.recipient.text
    returned = the_event(nlp, "The border guards returned fire.", "returned")
    assert returned.recipient is None


def test_an_act_in_a_when_phrase_is_its_own_not_what_was_agreed(nlp: Language) -> None:
    text = "Iran and Iraq agreed on a prisoner exchange after talks in Muscat."
    talks = the_event(nlp, text, "talks")
    assert talks.type == "CONSULT"
    assert talks.status == "asserted"


def test_a_warning_names_whom_it_warns_and_the_act_it_is_for(nlp: Language) -> None:
    text = "Erdogan warned Moscow of grave consequences for the shelling of the Turkish post."
    warning = the_event(nlp, text, "warned")
    assert warning.type == "THREATEN"
    assert warning.recipient is not None
    assert warning.recipient.country == "RUS"
    assert the_event(nlp, text, "shelling").type == "ASSAULT"


def test_weapons_dropped_or_fired_are_not_the_recipient(nlp: Language) -> None:
    dropped = the_event(nlp, "Syrian helicopters dropped bombs on Douma.", "dropped")
    assert dropped.recipient is not None
    assert dropped.recipient.text == "Douma"


def test_a_verb_the_parse_folded_into_a_verbless_noun_phrase_is_the_act(nlp: Language) -> None:
    text = "A Red Cross convoy delivered medicine to 8,000 people in Taiz."
    aid = the_event(nlp, text, "delivered")
    assert aid.type == "AID"
    assert aid.actor is not None
    assert "Red Cross" in aid.actor.text


@pytest.mark.parametrize(
    ("text", "trigger", "plover_type", "actor", "recipient"),
    [
        # the plural heads a reported clause, not the root
        (
            "Ethiopian warplanes bombed rebel positions in the Tigray region, residents said.",
            "bombed",
            "ASSAULT",
            "Ethiopian warplanes",
            "rebel positions",
        ),
        # the verb hung on a modifier of the root noun (an older parser's reading; the
        # present one hangs "to Yemen" on the verb, and the state cut off is the recipient)
        (
            "The World Food Programme suspended food deliveries to Yemen.",
            "suspended",
            "SANCTION",
            "The World Food Programme",
            "Yemen",
        ),
        # the parse gave the verb its subject but made its object the root
        (
            "Zimbabwean police detained opposition leader Nelson Chamisa on Friday.",
            "detained",
            "COERCE",
            "Zimbabwean police",
            "opposition leader",
        ),
        # a verb coordinated with a root the tagger called a noun and the morphology an adjective
        (
            "Myanmar's military seized power in a coup and detained Aung San Suu Kyi.",
            "detained",
            "COERCE",
            "Myanmar's military",
            "Aung San Suu Kyi",
        ),
    ],
)
def test_a_clause_the_parse_read_as_one_noun_phrase_keeps_its_parties(
    nlp: Language, text: str, trigger: str, plover_type: str, actor: str, recipient: str
) -> None:
    event = the_event(nlp, text, trigger)
    assert event.type == plover_type
    assert event.actor is not None
    assert event.actor.text == actor
    assert event.recipient is not None
    assert event.recipient.text.startswith(recipient)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Israeli aircraft attacked Hamas targets after a rocket was fired at Israel.",
            "fired",
        ),
        (
            "Gross became involved in gun violence prevention after his brother was shot on the "
            "observation deck.",
            "shot",
        ),
    ],
)
def test_a_passive_clause_with_its_own_subject_has_no_doer_from_the_main_clause(
    nlp: Language, text: str, trigger: str
) -> None:
    assert the_event(nlp, text, trigger).actor is None


def test_the_actors_own_possessive_is_not_the_recipient(nlp: Language) -> None:
    text = "Morocco and Algeria agreed to reopen their border."
    agreed = the_event(nlp, text, "agreed")
    assert agreed.recipient is None or agreed.recipient.country is None


def test_who_denies_an_accusation_did_not_make_it(nlp: Language) -> None:
    text = "Iran denied accusations that it supplied weapons to the Houthis."
    accusation = the_event(nlp, text, "accusations")
    assert accusation.actor is None or accusation.actor.country != "IRN"


def test_donors_giving_money_is_no_aid_but_a_state_giving_it_is(nlp: Language) -> None:
    assert "gave" not in triggers(nlp, "Two donors gave $2 million to a super PAC.")
    assert "gave" in triggers(nlp, "Saudi Arabia gave $1 billion to Egypt.")


def test_envoys_sent_to_mediate_mediate_for_their_sender(nlp: Language) -> None:
    text = "The African Union sent a delegation to Burundi to mediate between the parties."
    mediation = the_event(nlp, text, "mediate")
    assert mediation.actor is not None
    assert mediation.actor.text == "The African Union"


def test_a_word_after_according_to_is_no_act(nlp: Language) -> None:
    text = "Russian warplanes bombed a hospital in Idlib, according to aid workers."
    assert triggers(nlp, text) == {"bombed"}


@pytest.mark.parametrize(
    ("text", "trigger", "members"),
    [
        # the "and" and both subjects hung on the verb
        (
            "The Yemeni government and the Houthis exchanged more than 1,000 prisoners.",
            "exchanged",
            ("YEMGOV", "HOUTHIS"),
        ),
        # the verb hung on the second conjunct of a noun root
        (
            "Colombia's government and the FARC rebels signed a historic peace accord in Havana.",
            "signed",
            ("COLGOV",),
        ),
    ],
)
def test_both_subjects_the_parse_split_are_the_actor(
    nlp: Language, text: str, trigger: str, members: tuple[str, ...]
) -> None:
    actor = the_event(nlp, text, trigger).actor
    assert actor is not None
    assert " and " in actor.text
    assert actor.actor_id is not None
    assert all(member in actor.actor_id.split("+") for member in members)


def test_a_name_in_a_passive_subject_is_not_the_doer(nlp: Language) -> None:
    text = "Venezuelan opposition leader Leopoldo Lopez was sentenced to 14 years in prison."
    sentenced = the_event(nlp, text, "sentenced")
    assert sentenced.actor is None
    assert sentenced.recipient is not None
    assert sentenced.recipient.country == "VEN"


def test_a_consequence_of_a_coordinated_verb_is_its_doers(nlp: Language) -> None:
    text = (
        "Militants loyal to Islamic State attacked an army checkpoint in North Sinai, killing 12 "
        "soldiers, the Egyptian military said."
    )
    killing = the_event(nlp, text, "killing")
    assert killing.actor is not None
    assert killing.actor.text.startswith("Militants")


def test_forces_of_a_rebel_leader_are_his_groups(nlp: Language) -> None:
    text = "Forces loyal to Riek Machar attacked the town of Bor in South Sudan."
    attacked = the_event(nlp, text, "attacked")
    assert attacked.actor is not None
    assert (attacked.actor.actor_id, attacked.actor.sector) == ("SPLM_IO", "REB")
    assert attacked.place is not None
    assert attacked.place.country_code == "SSD"


def test_a_qualifier_opening_a_phrase_keeps_its_at(nlp: Language) -> None:
    text = "A car bomb exploded in Mogadishu, killing at least 10 people."
    killing = the_event(nlp, text, "killing")
    assert killing.recipient is not None
    assert killing.recipient.text == "at least 10 people"


def test_a_force_sent_in_the_passive_is_its_states_mobilisation(nlp: Language) -> None:
    sent = the_event(nlp, "In July, 560 more American troops were sent to Iraq.", "sent")
    assert sent.type == "MOBILIZE"
    assert sent.actor is not None
    assert sent.actor.country == "USA"
    assert sent.recipient is None


def test_a_withdrawn_force_and_its_owner_are_not_the_recipient(nlp: Language) -> None:
    withdrawal = the_event(nlp, "Britain withdrew its troops from Basra.", "withdrew")
    assert withdrawal.type == "RETREAT"
    assert withdrawal.recipient is None or withdrawal.recipient.country != "GBR"
    fled = the_event(nlp, "His father fled Cuba in 1960.", "fled")
    assert fled.recipient is not None
    assert fled.recipient.country == "CUB"  # a place fled is not a force withdrawn


def test_the_other_side_of_a_deal_is_its_recipient_when_the_object_is_a_thing(
    nlp: Language,
) -> None:
    text = "The Philippine government signed a peace agreement with Muslim rebels in Manila."
    signed = the_event(nlp, text, "signed")
    assert signed.recipient is not None
    assert signed.recipient.text.startswith("Muslim rebels")
    assert signed.recipient.country == "PHL"


def test_words_that_stand_for_no_party_are_no_actor(nlp: Language) -> None:
    text = "This provides an opportunity to attack the rebels."
    assert all(e.actor is None for e in events(nlp, text))
    text = "Anything less will allow the militants to attack the town again."
    assert all(e.actor is None or e.actor.text != "Anything less" for e in events(nlp, text))


def test_a_named_armed_group_keeps_its_code_before_a_sector_word(nlp: Language) -> None:
    fighters = actor_of(nlp, "Hezbollah fighters stormed the village of Qusayr.", "stormed")
    assert fighters.actor_id == "HEZBOLLAH"
    # A state before a sector word is still that state's sector.
    troops = actor_of(nlp, "Kenyan troops stormed the village of Kismayo.", "stormed")
    assert troops.actor_id == "KENMIL"


def test_separatists_and_bombers_have_their_sectors(nlp: Language) -> None:
    assert actor_of(nlp, "Separatists shelled the airport overnight.", "shelled").sector == "REB"
    text = "A suicide bomber killed nine people at a wedding in Kirkuk."
    assert actor_of(nlp, text, "killed").sector == "INS"


def test_a_pro_or_anti_prefix_does_not_make_the_state_the_actor(nlp: Language) -> None:
    text = "Pro-Moldovan militias attacked a checkpoint in Bender."
    assert actor_of(nlp, text, "attacked").country != "MDA"
    text = "The army launched an offensive against anti-Kenyan militants."
    recipient = the_event(nlp, text, "offensive").recipient
    assert recipient is not None
    assert recipient.country != "KEN"


def test_the_doer_of_an_act_noun_described_by_a_participle(nlp: Language) -> None:
    text = "The raids carried out by Russian jets killed ten civilians."
    assert actor_of(nlp, text, "raids").country == "RUS"
    text = "Iraqi helicopters carrying out strikes near Tikrit hit a convoy."
    assert actor_of(nlp, text, "strikes").country == "IRQ"


def test_a_force_named_by_its_owners_pronoun_is_that_owners(nlp: Language) -> None:
    jets = actor_of(nlp, "Jordan said its warplanes struck depots near Palmyra.", "struck")
    assert jets.actor_id == "JORMIL"
    # Not an object: the troops offered are not the party they are offered to.
    offer = the_event(nlp, "Chad has offered its troops to the Malian government.", "offered")
    assert offer.recipient is not None
    assert offer.recipient.country == "MLI"


def test_a_place_inside_a_party_phrase_does_not_make_it_that_places(nlp: Language) -> None:
    text = "Turkish jets said they had struck PKK shelters in northern Iraq."
    recipient = the_event(nlp, text, "struck").recipient
    assert recipient is not None
    assert recipient.actor_id == "PKK"
    text = "Its jets had struck depots in southern Lebanon."
    recipient = the_event(nlp, text, "struck").recipient
    assert recipient is not None
    assert recipient.country == "LBN"  # with no owner named, the place is all there is


def test_where_the_speaker_is_does_not_place_the_event(nlp: Language) -> None:
    attack = the_event(
        nlp, "Gunmen attacked a hotel in the capital, officials in Kabul said.", "attacked"
    )
    assert attack.place is None
    assert attack.actor is not None
    assert attack.actor.country is None  # the gunmen are not Afghan because the officials are


def test_where_something_comes_from_does_not_place_the_event(nlp: Language) -> None:
    text = "Rebels attacked the convoy after fighters arrived from Turkey."
    assert the_event(nlp, text, "attacked").place is None
    text = "The group rejected the plan, which would bring independence from Britain."
    rejection = the_event(nlp, text, "rejected")
    assert rejection.place is None
    assert rejection.recipient is not None
    assert rejection.recipient.country is None


def test_a_place_of_another_act_does_not_place_the_event(nlp: Language) -> None:
    text = (
        "Turkish troops occupied the Syrian town of Manbij a week after the bombing of a"
        " market in Baghdad."
    )
    assert place_of(nlp, text, "bombing") == "Baghdad"
    assert place_of(nlp, text, "occupied") == "Manbij"  # named in its own object, not Baghdad


def test_an_act_that_sets_the_scene_lends_its_place(nlp: Language) -> None:
    text = "Mass protests in Charlotte broke out on Tuesday, with many turning to looting."
    assert place_of(nlp, text, "looting") == "Charlotte"


def test_a_place_a_party_is_in_places_the_event(nlp: Language) -> None:
    text = "ISIS claimed it downed a Russian passenger plane over Sinai."
    assert place_of(nlp, text, "downed") == "Sinai"
    assert countries_of(the_event(nlp, text, "downed").recipient) == {"RUS"}


def test_a_local_party_is_placed_by_where_its_phrase_says_it_is_from(nlp: Language) -> None:
    rally = the_event(nlp, "Protesters from Lagos rallied in Accra on Monday.", "rallied")
    assert rally.place is not None
    assert rally.place.text == "Accra"
    assert countries_of(rally.actor) == {"NGA"}


def test_what_is_fired_is_the_weapon_and_whom_at_is_the_target(nlp: Language) -> None:
    event = the_event(nlp, "Police fired tear gas at protesters in Caracas.", "fired")
    assert event.recipient is not None
    assert "protesters" in event.recipient.text
    assert "gas" not in event.recipient.text


def test_the_actors_own_object_is_not_the_recipient(nlp: Language) -> None:
    event = the_event(nlp, "Japan recalled its ambassador from Beijing on Tuesday.", "recalled")
    assert event.type == "SANCTION"
    assert countries_of(event.recipient) == {"CHN"}


def test_stopping_supplies_to_a_state_is_a_sanction(nlp: Language) -> None:
    event = the_event(nlp, "Saudi Arabia stopped oil supplies to Qatar.", "stopped")
    assert event.type == "SANCTION"
    assert countries_of(event.recipient) == {"QAT"}


def test_a_dismissal_from_office_is_no_rejection(nlp: Language) -> None:
    assert "dismissed" not in triggers(nlp, "Ukraine's president dismissed the defence minister.")
    rejection = the_event(nlp, "Moscow dismissed the accusations as absurd.", "dismissed")
    assert rejection.type == "REJECT"


def test_a_prisoner_swap_is_a_release(nlp: Language) -> None:
    event = the_event(nlp, "Iran and Iraq exchanged prisoners of war on Monday.", "exchanged")
    assert (event.type, event.mode) == ("RETREAT", "release")
    assert countries_of(event.actor) == {"IRN", "IRQ"}


def test_who_goes_on_strike_is_the_protester(nlp: Language) -> None:
    strike = the_event(nlp, "Thousands of workers went on strike in Lagos on Monday.", "strike")
    assert strike.type == "PROTEST"
    assert strike.actor is not None
    assert "workers" in strike.actor.text


def test_the_partner_of_a_joint_act_named_on_its_verb_is_the_recipient(
    nlp: Language,
) -> None:
    text = "Jordan launched joint patrols with Iraqi forces along the border."
    patrols = the_event(nlp, text, "patrols")
    assert patrols.type == "COOPERATE"
    assert countries_of(patrols.recipient) == {"IRQ"}


def test_an_exchange_of_fire_is_an_assault_by_both_sides(nlp: Language) -> None:
    text = "Armenian and Azerbaijani forces exchanged fire along the frontier."
    event = the_event(nlp, text, "exchanged")
    assert event.type == "ASSAULT"
    assert countries_of(event.actor) == {"ARM", "AZE"}


def test_the_noun_a_verb_pair_is_made_of_is_no_second_event(nlp: Language) -> None:
    found = events(nlp, "Seoul lodged a formal protest with Tokyo over the textbook.")
    assert [e.type for e in found] == ["ACCUSE"]


def test_a_consequence_after_a_comma_is_done_by_the_main_subject(nlp: Language) -> None:
    text = "Gunmen ambushed a police patrol near Peshawar, killing four officers."
    killing = the_event(nlp, text, "killing")
    assert killing.actor is not None
    assert killing.actor.text == "Gunmen"
    fighting = the_event(nlp, "Government forces fighting ISIS retook the town.", "fighting")
    assert fighting.actor is not None
    assert "forces" in fighting.actor.text  # no comma: the noun the participle describes


def test_sending_a_mediator_is_a_third_party_consultation(nlp: Language) -> None:
    text = "South Africa sent a mediator to Lesotho to end the political crisis."
    event = the_event(nlp, text, "sent")
    assert (event.type, event.mode) == ("CONSULT", "third-party")
    assert countries_of(event.actor) == {"ZAF"}


def test_the_noun_a_passive_participle_describes_is_done_to(nlp: Language) -> None:
    captured = the_event(nlp, "Rebels freed 20 soldiers captured by ISIS last year.", "captured")
    assert captured.actor is not None
    assert captured.actor.actor_id == "ISIS"
    assert captured.recipient is not None
    assert "soldiers" in captured.recipient.text
    text = "The lawyer defended two officials accused of fraud."
    accused = the_event(nlp, text, "accused")
    assert accused.recipient is not None
    assert "officials" in accused.recipient.text


def test_a_caption_shows_the_act_it_pictures(nlp: Language) -> None:
    text = "This picture shows a Russian bomber dropping bombs at targets in Syria."
    found = events(nlp, text)
    assert [(e.type, e.mode) for e in found] == [("ASSAULT", "aerial")]
    assert countries_of(found[0].actor) == {"RUS"}
    assert countries_of(found[0].recipient) == {"SYR"}


def test_what_shows_an_act_did_not_do_it(nlp: Language) -> None:
    text = "The Islamic State released a video showing the beheading of a Japanese journalist."
    beheading = the_event(nlp, text, "beheading")
    assert beheading.actor is None or "video" not in beheading.actor.text


def test_a_bombing_by_car_or_truck_is_explosives_not_aerial(nlp: Language) -> None:
    assert the_event(nlp, "A car bombing killed six people in Baghdad.", "bombing").mode != (
        "aerial"
    )
    assert assault_mode(["a", "truck", "bombing"], ["truck"]) == "explosives"
    assert assault_mode(["a", "suicide", "car", "bombing"], ["car"]) == "suicide-attack"


def test_a_condemned_attack_is_an_event_not_done_by_whoever_condemned_it(nlp: Language) -> None:
    attack = the_event(nlp, "The foreign ministry condemned the attack on the embassy.", "attack")
    assert attack.type == "ASSAULT"
    assert attack.actor is None


def test_what_a_criticism_says_was_not_done_is_no_event(nlp: Language) -> None:
    text = "Baghdad criticised Washington for not doing enough to destroy ISIS."
    assert "destroy" not in triggers(nlp, text)


def test_a_verb_the_tagger_read_as_a_noun_is_still_the_act(nlp: Language) -> None:
    shooting = the_event(nlp, "Turkey shot down a Russian warplane near the Syrian border.", "shot")
    assert shooting.type == "ASSAULT"
    assert shooting.recipient is not None
    assert shooting.recipient.country == "RUS"


def test_a_month_is_no_march(nlp: Language) -> None:
    text = "Car sales rebounded in the last week of March, and the index rose from March 12."
    assert "March" not in triggers(nlp, text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Pentagon deployed 300 more soldiers to Syria on Monday.", "deployed"),
        ("Russia has reinforced its troops in Crimea.", "reinforced"),
        ("Critics feared the sending of 2,000 troops into Syria.", "sending"),
    ],
)
def test_the_force_a_mobilisation_moves_is_no_recipient(
    nlp: Language, text: str, trigger: str
) -> None:
    event = the_event(nlp, text, trigger)
    assert event.type == "MOBILIZE"
    assert event.recipient is None


def test_announced_withdrawals_follow_the_plover_manual(nlp: Language) -> None:
    troops = the_event(nlp, "Canada said it will withdraw its troops from the region.", "withdraw")
    assert troops.type == "CONCEDE"  # a promised retreat concedes (manual 0.8, RETREAT notes)
    observers = the_event(
        nlp, "The league announced that it will withdraw its observers from Yemen.", "withdraw"
    )
    assert observers.type == "THREATEN"  # a promised SANCTION "withdraw" threatens
    recalled = the_event(nlp, "Qatar recalled its envoy from Cairo.", "recalled")
    assert (recalled.type, recalled.mode) == ("SANCTION", "withdraw")


def test_a_warning_addressed_to_a_named_party_is_a_threat_to_it(nlp: Language) -> None:
    warning = the_event(nlp, "Belgrade warned Albania not to interfere in Kosovo.", "warned")
    assert warning.type == "THREATEN"
    assert warning.recipient is not None
    assert warning.recipient.country == "ALB"
    warning = the_event(
        nlp, "Nigeria warned Niger's junta against harming the president.", "warned"
    )
    assert warning.type == "THREATEN"
    assert warning.recipient is not None
    assert warning.recipient.country == "NER"
    for text in (
        "Forecasters warned residents to stay indoors.",
        "Economists warned that prices would rise.",
    ):
        assert "warned" not in triggers(nlp, text)


def test_a_protest_is_against_the_state_its_clause_names_or_where_it_happens(
    nlp: Language,
) -> None:
    strike = the_event(
        nlp, "Hundreds of Kurds began a hunger strike to protest against Germany's ban.", "strike"
    )
    assert strike.type == "PROTEST"
    assert strike.recipient is not None
    assert strike.recipient.country == "DEU"
    rally = the_event(nlp, "Thousands of people rallied in Basra against power cuts.", "rallied")
    assert rally.recipient is not None
    assert rally.recipient.country == "IRQ"  # aimed at a policy: the authority of the place
    reported = the_event(
        nlp, "Police made no arrests during the demonstration in Cairo.", "demonstration"
    )
    assert reported.recipient is None  # a demonstration merely mentioned is against no one


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Angry workers blocked the main road on Monday to press their demands for higher "
            "wages from Prime Minister Narendra Modi.",
            "IND",
        ),
        (
            "Truckers blocked the highway for six hours to protest against Germany's new toll.",
            "DEU",
        ),
    ],
)
def test_what_a_protest_blocks_is_not_whom_it_is_against(
    nlp: Language, text: str, country: str
) -> None:
    blocked = the_event(nlp, text, "blocked")
    assert blocked.type == "PROTEST"
    assert blocked.recipient is not None
    assert blocked.recipient.country == country


def test_showing_rallying_supporters_and_campaign_rallies_are_no_protest(nlp: Language) -> None:
    for text in (
        "The senator demonstrated his skill as a negotiator.",
        "The candidate rallied supporters in Ohio on Friday.",
        "At a campaign rally in Ohio, the senator criticized the plan.",
        "Black voters rallied behind the senator in the primary.",
    ):
        assert not any(e.type == "PROTEST" for e in events(nlp, text)), text


def test_a_call_for_an_act_against_a_party_is_a_request_aimed_at_it(nlp: Language) -> None:
    request = the_event(nlp, "The bishop called for sanctions against Nigeria on Sunday.", "called")
    assert request.type == "REQUEST"
    assert request.recipient is not None
    assert request.recipient.country == "NGA"


def test_the_sides_of_an_act_between_two_parties_are_actor_and_recipient(nlp: Language) -> None:
    talks = the_event(nlp, "Talks between Israel and Hamas resumed in Cairo.", "Talks")
    assert talks.actor is not None
    assert talks.recipient is not None
    assert (talks.actor.text, talks.recipient.text) == ("Israel", "Hamas")
    text = "Heavy fighting broke out between the army and the rebels near Aleppo."
    fighting = the_event(nlp, text, "fighting")
    assert fighting.actor is not None
    assert fighting.recipient is not None
    assert fighting.actor.text == "the army"
    assert fighting.recipient.text.startswith("the rebels")


def test_what_an_act_noun_does_to_an_object_makes_it_the_recipient_only_for_an_impact(
    nlp: Language,
) -> None:
    hit = the_event(nlp, "Russian air strikes hit a hospital in Idlib.", "strikes")
    assert hit.recipient is not None
    assert hit.recipient.text.startswith("a hospital")
    reminder = the_event(nlp, "The bombings provided a grim reminder of the danger.", "bombings")
    assert reminder.recipient is None


def test_giving_something_in_a_place_is_not_giving_in(nlp: Language) -> None:
    assert "gave" not in triggers(nlp, "The minister gave a speech in Toledo on Monday.")
    assert the_event(nlp, "The government finally gave in to the strikers.", "gave").type == (
        "CONCEDE"
    )


def test_what_aid_gives_is_not_whom_it_is_given_to(nlp: Language) -> None:
    given = the_event(nlp, "Qatar supplied weapons to the rebels in Idlib.", "supplied")
    assert given.recipient is not None
    assert given.recipient.text.startswith("the rebels")
    alone = the_event(nlp, "The agencies will provide humanitarian assistance.", "provide")
    assert alone.recipient is None
    provided = the_event(nlp, "Iran provided the militia with rockets.", "provided")
    assert provided.recipient is not None
    assert provided.recipient.text == "the militia"


def test_an_aim_or_a_goal_is_no_actor(nlp: Language) -> None:
    text = "The rebels advanced with the aim to capture the airport."
    assert the_event(nlp, text, "capture").actor is None
    assert "lay" not in triggers(nlp, "The summit will lay down the strategy for the year.")


def test_an_unknown_name_before_an_attack_is_not_its_doer(nlp: Language) -> None:
    text = "The Charlie Hebdo attacks shocked France."
    assert the_event(nlp, text, "attacks").actor is None
    known = the_event(nlp, "The Taliban offensive in Helmand continued.", "offensive")
    assert known.actor is not None
    assert known.actor.text == "Taliban"


def test_an_object_pronoun_is_not_its_own_clauses_subject(nlp: Language) -> None:
    text = "Islamic State seized the town, but Russia is fighting it day and night."
    fighting = the_event(nlp, text, "fighting")
    assert fighting.recipient is not None
    assert fighting.recipient.actor_id == "ISIS"


@pytest.mark.parametrize(
    "text",
    [
        "Ted Cruz captured Texas and Oklahoma in the Super Tuesday primaries.",
        "Clinton beat Sanders in the Nevada caucuses on Saturday.",
        "The senator lost Ohio to his rival by ten points in the primary.",
        "Thousands of families lost their homes in the crash.",
        "Trump is bracing for a tumultuous delegate battle before the convention.",
        # a fight for a cause, with no one fought and no one armed, is advocacy
        "The senator has always fought for lower taxes and fair wages.",
        "The two governors are fighting for third place in the polls.",
    ],
)
def test_elections_won_and_things_lost_are_no_assault(nlp: Language, text: str) -> None:
    assert not any(e.type == "ASSAULT" for e in events(nlp, text)), text


def test_ground_lost_in_war_is_still_an_assault(nlp: Language) -> None:
    text = "Islamic State lost Sinjar to Kurdish Peshmerga forces on Friday."
    assert the_event(nlp, text, "lost").type == "ASSAULT"
    parts = "ISIS has lost important parts of its territory this year."
    assert the_event(nlp, parts, "lost").type == "ASSAULT"
    armed = "Rebels captured the town during the election campaign."
    assert the_event(nlp, armed, "captured").type == "ASSAULT"
    deadly = "Fighting ahead of the election killed twelve people in the north."
    assert the_event(nlp, deadly, "Fighting").type == "ASSAULT"
    for text, trigger in (
        ("Kurdish rebels are fighting for independence.", "fighting"),
        ("The battle for Mosul began in October.", "battle"),
        ("Thousands of foreigners fought for ISIS.", "fought"),
    ):
        assert the_event(nlp, text, trigger).type == "ASSAULT"


def test_one_person_attacking_another_in_words_is_criticism(nlp: Language) -> None:
    text = "Clinton attacked Trump on Monday, saying he was unfit to lead."
    attack = the_event(nlp, text, "attacked")
    assert (attack.type, attack.mode) == ("ACCUSE", "disapprove")
    shot = "A gunman attacked the senator with a knife outside his office."
    assert the_event(nlp, shot, "attacked").type == "ASSAULT"


def test_an_obligation_of_the_speakers_side_or_of_the_past_is_no_demand(nlp: Language) -> None:
    demand = "The minister said Israel must withdraw its troops from the town."
    assert any(e.type == "REQUEST" for e in events(nlp, demand))
    for text in (
        "We must not overreact to the rhetoric, the senator said.",
        "The analyst said the sanctions must have hurt the regime.",
        "He said things should be wrapped up by July.",
    ):
        assert not any(e.type == "REQUEST" for e in events(nlp, text)), text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We are talking about a Senate on a knife's edge, the analyst said.", "talking"),
        ("In discussing the scandals, the ambassador blamed the press.", "discussing"),
        ("The bankers received quarterly bonuses for the sales.", "received"),
        ("He also hosts a Sunday talk show.", "hosts"),
        ("The candidate offered no proof of the claim.", "offered"),
    ],
)
def test_words_of_consultation_that_consult_no_one_are_no_event(
    nlp: Language, text: str, word: str
) -> None:
    assert word not in triggers(nlp, text)


def test_a_trigger_word_inside_a_name_is_no_act(nlp: Language) -> None:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan

    from parallax.extract.event_figurative import part_of_a_name

    words = ["Officials", "at", "Homeland", "Security", "Investigations", "said", "so"]
    doc = SpacyDoc(nlp.vocab, words=words)
    doc.ents = [SpacySpan(doc, 2, 5, label="ORG")]
    assert part_of_a_name(doc[4])
    assert not part_of_a_name(doc[0])


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The ministry did not respond to requests for comment.", "requests"),
        ("The moderator asked, 'Will you accept the result?'", "asked"),
        ("After the speech he was asked about the border.", "asked"),
        ("Thank you for your service, the senator said.", "Thank"),
    ],
)
def test_questions_courtesies_and_press_requests_are_no_event(
    nlp: Language, text: str, word: str
) -> None:
    assert word not in triggers(nlp, text)


def test_asking_someone_to_act_or_for_something_is_a_request(nlp: Language) -> None:
    for text, word in (
        ("Iraq asked Turkey to withdraw its troops.", "asked"),
        ("The mayor asked for international help.", "asked"),
    ):
        assert the_event(nlp, text, word).type == "REQUEST", text


def test_a_past_act_inside_a_future_phrase_is_no_threat(nlp: Language) -> None:
    text = "Police have no plans to release the recordings of the shooting."
    shooting = the_event(nlp, text, "shooting")
    assert shooting.type == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Campaign reform is needed to prevent donors from buying elections.", "prevent"),
        ("Republicans seized upon the candidate's remarks on Monday.", "seized"),
        ("The governor said he beat expectations in the state.", "beat"),
        ("The region continues to occupy a key role in the calculations of the powers.", "occupy"),
        ("The film captured the imagination of a generation.", "captured"),
        ("Oil prices hit a record high on Tuesday.", "hit"),
        ("The senator will hit the campaign trail with the nominee next week.", "hit"),
        ("The president seized the opportunity to speak.", "seized"),
        ("Crowds cheered as women burned their veils in the square.", "burned"),
    ],
)
def test_verbs_of_force_that_report_no_act(nlp: Language, text: str, word: str) -> None:
    """Preventing without authority, seizing on, and a figurative object ("beat the odds",
    "occupy a key role", "hit a record high")."""
    assert word not in triggers(nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Rebels occupied the town on Monday.", "occupied"),
        ("Kurdish forces captured Manbij.", "captured"),
        ("Coalition airstrikes hit ISIS positions near Mosul.", "hit"),
        ("Troops seized the airport.", "seized"),
    ],
)
def test_a_verb_of_force_with_a_real_object_still_acts(nlp: Language, text: str, word: str) -> None:
    assert word in triggers(nlp, text) or any(e.type == "ASSAULT" for e in events(nlp, text))


def test_an_authority_preventing_or_a_force_seizing_still_acts(nlp: Language) -> None:
    police = "Turkish police prevented the demonstration in Ankara."
    assert the_event(nlp, police, "prevented").type == "COERCE"
    seized = "Rebels seized the airport on Monday."
    assert the_event(nlp, seized, "seized").type == "ASSAULT"


def test_consultations_with_someone_stay_events(nlp: Language) -> None:
    for text, word in (
        ("European leaders gathered in Brussels to discuss the crisis.", "discuss"),
        ("The Saudi king received the Pakistani prime minister in Riyadh.", "received"),
        ("Morocco will host a meeting between the two sides.", "host"),
        ("Qatar offered talks to the rebels.", "offered"),
    ):
        assert word in triggers(nlp, text), text


def test_declining_to_comment_or_in_price_is_no_refusal(nlp: Language) -> None:
    for text in ("The minister declined to comment on the report.", "Oil prices declined."):
        assert "declined" not in triggers(nlp, text)


def test_opinion_without_an_act_gives_no_event(nlp: Language) -> None:
    assert events(nlp, "This is a deeply troubling and complicated situation.") == []


# --- scorer --------------------------------------------------------------------------------


def test_team_plover_sentences_load_with_every_type() -> None:
    from parallax.evaluation.plover import load_team
    from parallax.evaluation.report import PLOVER_TEAM

    records = load_team(PLOVER_TEAM)
    assert len(records) >= 60
    assert len({r.id for r in records}) == len(records)
    types = {r.type for r in records}
    assert types >= {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "COOPERATE",
        "AID",
        "RETREAT",
        "CONCEDE",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "MOBILIZE",
        "SANCTION",
        "COERCE",
        "ASSAULT",
    }
    assert all(len(code) == 3 for r in records for code in r.sources | r.targets)


def test_split_is_stable_and_roughly_even() -> None:
    ids = [f"PLOVER-GSR01-ASSAULT-{n:04d}" for n in range(200)]
    assert split_of(ids[0]) == split_of(ids[0])
    assert 70 < sum(split_of(i) == "dev" for i in ids) < 130


def test_plover_scorer_counts_types_and_countries() -> None:
    gold = GoldRecord("x", "t", "ASSAULT", ("struck",), frozenset({"RUS"}), frozenset({"SYR"}))
    actor = Actor(start=0, end=1, text="R", country="RUS")
    right = Event(start=0, end=1, text="t", type="ASSAULT", actor=actor)
    wrong = Event(start=0, end=1, text="t", type="CONSULT")
    scores = score_records([gold, gold], [[right], [wrong]])
    assert scores["type_accuracy"] == 0.5
    assert scores["source_country_f1"] == pytest.approx(2 / 3, abs=0.001)
    assert scores["target_country_f1"] == 0.0


def test_the_actor_of_a_relative_clause_on_a_copula_predicate_is_the_predicate_noun(
    nlp: Language,
) -> None:
    """ "X is *a rebel army* that shells…": the subject and copula of the clause the noun
    heads are not part of the doer's phrase."""
    event = the_event(
        nlp, "Its main rival is a rebel army that shells the city every night.", "shells"
    )
    assert event.actor is not None
    assert event.actor.text == "a rebel army"


def test_a_rally_behind_someone_is_support_even_with_a_half_stripped_lemma() -> None:
    """The lemmatizer sometimes half-strips a past form ("rallied" -> "rallie"); the check
    that a rally *behind* someone is support, not protest, reads every form of the verb."""
    import spacy
    from spacy.tokens import Doc

    from parallax.extract.events import _shows_or_gathers

    doc = Doc(
        spacy.blank("en").vocab,
        words=["Supporters", "rallied", "behind", "him"],
        heads=[1, 1, 3, 1],
        deps=["nsubj", "ROOT", "case", "obl"],
        lemmas=["supporter", "rallie", "behind", "he"],
    )
    assert _shows_or_gathers(doc[1])


def test_aid_workers_read_as_a_verb_and_its_object_are_no_aid_event(nlp: Language) -> None:
    text = "Rebels shelled the town, killing ten people, aid workers in Nairobi said."
    assert "aid" not in triggers(nlp, text)
    assert "aid" in triggers(nlp, "The fund will aid workers who lost their jobs.")


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Washington began lifting sanctions on Cuba.", "USA", "CUB"),
        ("The EU is considering easing sanctions on Russia.", None, "RUS"),
    ],
)
def test_lifting_sanctions_read_as_one_noun_phrase_is_sanctions_relief(
    nlp: Language, text: str, actor: str | None, recipient: str
) -> None:
    """The parse reads "lifting sanctions" as a noun with its modifier: the event is CONCEDE
    (relief), one event, with the doer and the state relieved."""
    found = events(nlp, text)
    assert [e.type for e in found] == ["CONCEDE"]
    assert found[0].recipient is not None
    assert found[0].recipient.country == recipient
    if actor is not None:
        assert found[0].actor is not None
        assert found[0].actor.country == actor


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The US-led coalition met. Some 2,000 coalition air strikes hit ISIS.", "strikes"),
        ("Coalition jets struck Raqqa on Sunday, the US-led coalition said.", "struck"),
        ("The US-led coalition said the coalition forces hit 12 targets near Mosul.", "hit"),
    ],
)
def test_a_coalition_named_elsewhere_in_the_text_is_the_party(
    nlp: Language, text: str, trigger: str
) -> None:
    """A number before "coalition" counts the strikes, a sector word after it is the
    coalition's arm, and its full name may come after the bare word."""
    assert actor_of(nlp, text, trigger).actor_id == "COALITION"


def test_a_town_where_others_gathered_after_an_act_does_not_place_it(nlp: Language) -> None:
    text = "Diplomats gathered in Geneva after the bombing of a hospital in Aleppo by Russian jets."
    assert place_of(nlp, text, "bombing") == "Aleppo"
    text = (
        "On Friday, Merkel met with Hollande to discuss the expansion of military operations "
        "by both states, further sanctions against Russia and, in the aftermath of the bombing "
        "in Brussels, stricter border checks."
    )
    assert place_of(nlp, text, "operations") is None
    assert place_of(nlp, text, "sanctions") is None
    assert place_of(nlp, text, "bombing") == "Brussels"


def test_who_suffers_or_survives_an_act_is_its_recipient_not_its_doer(nlp: Language) -> None:
    attack = the_event(nlp, "Kurdish fighters survived an attack by ISIS near Kobani.", "attack")
    assert attack.actor is not None
    assert attack.actor.actor_id == "ISIS"
    assert attack.recipient is not None
    assert attack.recipient.text == "Kurdish fighters"
    criticism = the_event(nlp, "The senator has endured criticism from his own party.", "criticism")
    assert criticism.actor is None or criticism.actor.text != "The senator"
    assert criticism.recipient is not None
    assert criticism.recipient.text == "The senator"


def test_a_relative_pronoun_party_is_the_noun_its_clause_describes(nlp: Language) -> None:
    for text, trigger, noun in (
        ("Kurds fought for Raqqa, which is bombed daily by Russian jets.", "bombed", "Raqqa"),
        ("Peshmerga fighters retook Sinjar, which ISIS had seized in 2014.", "seized", "Sinjar"),
    ):
        recipient = the_event(nlp, text, trigger).recipient
        assert recipient is not None
        assert recipient.text == noun


def test_a_place_told_of_at_another_time_does_not_place_the_event(nlp: Language) -> None:
    text = "The summit opened a day after rebels seized a town near Aleppo."
    assert place_of(nlp, text, "summit") is None
    assert place_of(nlp, text, "seized") == "Aleppo"
    # A phrase of another time that holds both the act and its place keeps them together.
    text = "The ministers met on the eve of the offensive in Idlib."
    assert place_of(nlp, text, "offensive") == "Idlib"


def test_allied_before_a_noun_says_whose_side_not_an_act(nlp: Language) -> None:
    assert "allied" not in triggers(
        nlp, "The number of US and allied advisers in Syria has doubled."
    )
    assert "allied" in triggers(nlp, "The rebels allied with the Kurds against Damascus.")


def test_an_ethnic_group_is_coded_by_where_it_lives_not_by_its_kin_state(nlp: Language) -> None:
    text = "Police killed two ethnic Uzbeks in clashes in southern Kyrgyzstan."
    killed = the_event(nlp, text, "killed")
    assert killed.recipient is not None
    assert killed.recipient.country == "KGZ"
    text = "Ethnic Hungarians in Romania have staged a rally in Cluj."
    assert actor_of(nlp, text, "rally").country == "ROU"
    # with nowhere to live named, the kin state is the best guess left
    assert actor_of(nlp, "Ethnic Albanians protested.", "protested").country == "ALB"


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("The Serbs of Bosnia rejected the plan.", "rejected", "BIH"),
        ("The Albanians of southern Serbia demanded autonomy.", "demanded", "SRB"),
        ("Americans in Iraq protested.", "protested", "USA"),
    ],
)
def test_a_people_of_a_place_lives_there(
    nlp: Language, text: str, trigger: str, country: str
) -> None:
    """A people "of" a state is coded by where it lives, as CAMEO codes residents; a people
    "in" a state is only there."""
    assert actor_of(nlp, text, trigger).country == country


def test_a_border_is_where_and_a_named_town_in_apposition_places_the_event(nlp: Language) -> None:
    capture = the_event(
        nlp, "Congolese troops captured a rebel camp on the Ugandan border.", "captured"
    )
    assert capture.recipient is None or capture.recipient.country != "UGA"
    text = (
        "Rebels shelled the regional capital Juba on Sunday, killing ten people, aid workers "
        "in Nairobi said."
    )
    assert place_of(nlp, text, "shelled") == "Juba"


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        # whom a call asks to act; what is asked for still names whom it is aimed at
        (
            "Kenya's president has called for Britain and Canada to join a wider alliance.",
            "called",
            "GBR+CAN",
        ),
        ("The UN called for sanctions against Nigeria.", "called", "NGA"),
        # a complaint is aimed at what it is about; with nothing named, at whom it is made to
        (
            "Georgia complained to the United Nations on Monday over two Russian air raids.",
            "complained",
            "RUS",
        ),
        ("Kenya complained to the UN.", "complained", "UN"),
    ],
)
def test_whom_a_call_or_a_complaint_is_aimed_at(
    nlp: Language, text: str, trigger: str, code: str
) -> None:
    recipient = the_event(nlp, text, trigger).recipient
    assert recipient is not None
    assert (recipient.country or recipient.actor_id) == code


def test_a_passive_infinitive_is_done_to_what_its_verb_is_about(nlp: Language) -> None:
    disarmed = the_event(nlp, "Analysts say the militia needs to be disarmed.", "disarmed")
    assert disarmed.actor is None
    assert disarmed.recipient is not None
    assert disarmed.recipient.text == "the militia"
    arrested = the_event(nlp, "The minister wants the smugglers to be arrested.", "arrested")
    assert arrested.recipient is not None
    assert arrested.recipient.text == "the smugglers"


def test_an_act_noun_from_a_named_party_is_that_partys(nlp: Language) -> None:
    text = "She defended the charity against recent attacks from Senator Marco Rubio."
    assert actor_of(nlp, text, "attacks").actor_id == "MARCO_RUBIO"
    # insults and derision are criticism
    assert the_event(nlp, "The spokesman derided the opposition leader.", "derided").type == (
        "ACCUSE"
    )


def test_an_act_noun_of_a_participle_or_infinitive_is_its_sentence_subjects(
    nlp: Language,
) -> None:
    text = "France began conducting airstrikes on rebel positions in 2013."
    assert actor_of(nlp, text, "airstrikes").country == "FRA"
    text = "The army entered the town after midnight, conducting raids on several houses."
    assert actor_of(nlp, text, "raids").text == "The army"
    # … but whoever receives a peaceful act is its recipient, and a battle won the winner's
    text = "The senator has not received a single endorsement from his colleagues."
    endorsement = the_event(nlp, text, "endorsement")
    assert endorsement.recipient is not None
    assert endorsement.recipient.text == "The senator"
    assert actor_of(nlp, "Kurdish fighters won the battle for the airport.", "battle").text == (
        "Kurdish fighters"
    )


def test_an_act_of_terrorism_is_an_assault_unless_it_names_another_act(nlp: Language) -> None:
    text = "Kenya suffered an act of terrorism by al-Shabaab last year."
    act = the_event(nlp, text, "act")
    assert act.type == "ASSAULT"
    assert act.actor is not None
    assert act.actor.actor_id == "AL_SHABAAB"
    for text in (
        "Police said the fire was an act of sabotage.",
        "Critics called the law an act of aggression against the press.",
    ):
        assert "act" not in triggers(nlp, text)


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("The Sri Lankan army defeated the Tamil Tigers in May 2009.", "defeated", "ASSAULT"),
        ("Philippine troops surrounded Marawi city.", "surrounded", "COERCE"),
    ],
)
def test_a_win_or_an_encirclement_by_armed_parties_is_force(
    nlp: Language, text: str, trigger: str, kind: str
) -> None:
    assert the_event(nlp, text, trigger).type == kind


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Trump defeated Clinton in November.", "defeated"),
        ("She was surrounded by supporters.", "surrounded"),
    ],
)
def test_a_win_or_an_encirclement_with_no_one_armed_is_none(
    nlp: Language, text: str, trigger: str
) -> None:
    assert trigger not in triggers(nlp, text)


def test_hanged_is_an_execution_and_hung_is_not(nlp: Language) -> None:
    hanged = the_event(nlp, "Iran hanged two men on Tuesday.", "hanged")
    assert hanged.type == "ASSAULT"
    assert hanged.actor is not None
    assert hanged.actor.actor_id == "IRN"
    assert "hung" not in triggers(nlp, "A cloud of doubt hung over the talks in Geneva.")


@pytest.mark.parametrize(
    ("text", "trigger", "state"),
    [
        ("North Korea test-fired two ballistic missiles into the sea.", "test-fired", "PRK"),
        ("Iran tested a new ballistic missile on Sunday.", "tested", "IRN"),
    ],
)
def test_a_weapons_test_is_a_show_of_force_by_the_state(
    nlp: Language, text: str, trigger: str, state: str
) -> None:
    event = the_event(nlp, text, trigger)
    assert (event.type, event.mode) == ("MOBILIZE", "weapons")
    assert event.actor is not None
    assert event.actor.country == state


def test_a_participle_right_after_people_is_what_they_do(nlp: Language) -> None:
    text = "Police fired tear gas at protesters in Khartoum demanding civilian rule."
    assert actor_of(nlp, text, "demanding").text.startswith("protesters")
    text = "Al-Shabaab fighters stormed a hotel in Mogadishu, killing at least 15 people."
    assert actor_of(nlp, text, "killing").text == "Al-Shabaab fighters"


def test_a_clause_after_after_has_its_own_doer(nlp: Language) -> None:
    text = "The Indonesian military deployed 600 troops to Papua after rebels killed 19 workers."
    assert actor_of(nlp, text, "killed").text == "rebels"


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "code"),
    [
        ("The missile launch drew condemnation from Japan.", "condemnation", "Japan", "JPN"),
        ("The strikes drew sharp criticism from Moscow.", "criticism", "Moscow", "RUS"),
        ("The town came under attack from ISIS fighters.", "attack", "ISIS fighters", "ISIS"),
    ],
)
def test_an_act_that_comes_from_a_party_is_that_partys(
    nlp: Language, text: str, trigger: str, doer: str, code: str
) -> None:
    actor = actor_of(nlp, text, trigger)
    assert actor.text == doer
    assert code in (actor.actor_id, actor.country)


def test_aid_received_from_a_donor_is_the_donors_to_the_receiver(nlp: Language) -> None:
    aid = the_event(nlp, "Kiev received military aid from Washington.", "aid")
    assert aid.type == "AID"
    assert aid.actor is not None
    assert aid.actor.country == "USA"
    assert aid.recipient is not None
    assert aid.recipient.text == "Kiev"


def test_a_salvo_is_aimed_where_it_was_fired(nlp: Language) -> None:
    fired = the_event(nlp, "Hezbollah fired dozens of rockets into northern Israel.", "fired")
    assert fired.recipient is not None
    assert fired.recipient.country == "ISR"
    assert "rockets" not in fired.recipient.text


def test_a_reported_act_the_parse_hid_in_a_noun_phrase(nlp: Language) -> None:
    text = "Wagner mercenaries executed dozens of civilians in Moura, the UN said."
    executed = the_event(nlp, text, "executed")
    assert executed.actor is not None
    assert executed.actor.actor_id == "WAGNER_GROUP"
    assert executed.status == "reported"


def test_aid_goes_to_whom_it_is_given_even_when_hung_on_the_aid(nlp: Language) -> None:
    provided = the_event(nlp, "The US provided aid to the rebels.", "provided")
    assert provided.recipient is not None
    assert provided.recipient.text == "the rebels"
    delivered = events(nlp, "The UN delivered aid to Aleppo.")
    assert [e.type for e in delivered] == ["AID"]  # the verb restates its object: one act
    sent = the_event(nlp, "Washington sent more weapons to Kiev.", "sent")
    assert sent.recipient is not None
    assert sent.recipient.actor_id == "UKRGOV"  # a capital given aid is its government


def test_an_object_the_parse_hangs_as_an_oblique_without_preposition_is_the_recipient() -> None:
    """The parser, meeting the object of "forced out on Wednesday 1,000 refugees" after a date,
    hangs it on the verb as an oblique with no preposition; it is still what was done to.
    A bare date so hung ("met Sunday") is not."""
    from parallax.extract.event_args import verbal_arguments

    doc = hand_parsed(
        ["The", "army", "forced", "out", "on", "Wednesday", "1,000", "refugees"],
        [1, 2, 2, 2, 5, 2, 7, 2],
        ["det", "nsubj", "ROOT", "compound:prt", "case", "obl", "nummod", "obl"],
        ["DET", "NOUN", "VERB", "ADP", "ADP", "PROPN", "NUM", "NOUN"],
    )
    actor, recipient = verbal_arguments(doc[2])
    assert (actor, recipient) == (doc[1], doc[7])
    dated = hand_parsed(
        ["The", "ministers", "met", "Sunday"],
        [1, 2, 2, 2],
        ["det", "nsubj", "ROOT", "obl"],
        ["DET", "NOUN", "VERB", "PROPN"],
        ents=["O", "O", "O", "B-DATE"],
    )
    assert verbal_arguments(dated[2])[1] is None


def test_the_object_behind_a_particle_read_as_a_preposition_is_the_recipient() -> None:
    """ "shot down her plane" parsed with "down" as the preposition of "her plane": the verb
    and particle are a lexicon pair, so the noun is what was shot down; "marched down the
    street" (no such pair) keeps the street out."""
    from parallax.extract.event_args import verbal_arguments

    def parsed(verb: str, lemma: str, noun: list[str]) -> Doc:
        return hand_parsed(
            ["Rebels", verb, "down", *noun],
            [1, 1, 4, 4, 1],
            ["nsubj", "ROOT", "case", "det", "obl"],
            ["NOUN", "VERB", "ADP", "DET", "NOUN"],
            lemmas=["rebel", lemma, "down", noun[0].lower(), noun[1]],
        )

    shot = parsed("shot", "shoot", ["her", "plane"])
    assert verbal_arguments(shot[1]) == (shot[0], shot[4])
    marched = parsed("marched", "march", ["the", "street"])
    assert verbal_arguments(marched[1]) == (marched[0], None)


@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        ("Government troops fired artillery at the rebel-held village.", "fired", None),
        ("Vietnamese forces launched artillery against Kampuchean camps.", "launched", "KHM"),
    ],
)
def test_what_is_fired_or_launched_is_the_weapon_never_the_target(
    nlp: Language, text: str, trigger: str, recipient: str | None
) -> None:
    event = the_event(nlp, text, trigger)
    assert event.type == "ASSAULT"
    if recipient is None:
        assert event.recipient is None
    else:
        assert event.recipient is not None
        assert event.recipient.country == recipient


def test_a_surname_of_another_bearer_is_not_linked_through_the_actor_phrase(
    nlp: Language,
) -> None:
    """After "Ivanka Trump", "Trump" is not the registry's Donald Trump, in the event's
    actor either (its phrase text alone would resolve to him); after "Jeb Bush", "Bush" is
    Jeb Bush."""
    text = "Ivanka Trump criticized Marco Rubio on Sunday. Later, Trump condemned Rubio again."
    condemned = the_event(nlp, text, "condemned")
    assert condemned.actor is not None
    assert condemned.actor.actor_id is None
    text = "Jeb Bush criticized Marco Rubio on Sunday. Later, Bush condemned Rubio again."
    condemned = the_event(nlp, text, "condemned")
    assert condemned.actor is not None
    assert condemned.actor.actor_id == "JEB_BUSH"


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Kenya eased security measures in Somalia's border towns on Tuesday.", "eased", "SOM"),
        (
            "Peru lifted the state of emergency in three Bolivian border provinces.",
            "lifted",
            "BOL",
        ),
    ],
)
def test_a_party_named_further_in_the_phrase_is_whom_the_act_affects(
    nlp: Language, text: str, trigger: str, country: str
) -> None:
    """The object is a thing ("security measures"); the state named later in the act's own
    phrase is whom the act is done to (parallax.extract.event_affected)."""
    recipient = the_event(nlp, text, trigger).recipient
    assert recipient is not None
    assert recipient.country == country


@pytest.mark.parametrize(
    ("text", "trigger", "not_country"),
    [
        ("Canada froze the assets of two traders who bought oil from Iran.", "froze", "IRN"),
        ("Jordan agreed to hold joint drills soon, an Egyptian official said.", "agreed", "EGY"),
        (
            "Japan suspended talks after a call between Chinese and Korean leaders.",
            "suspended",
            "CHN",
        ),
        ("Britain sent 500 troops to Estonia.", "sent", "EST"),
    ],
)  # fmt: skip
def test_a_party_in_a_clause_of_its_own_is_not_whom_the_act_affects(
    nlp: Language, text: str, trigger: str, not_country: str
) -> None:
    """A party in a relative clause, an aside, a clause that says when, or where troops go is
    not the recipient of the act."""
    recipient = the_event(nlp, text, trigger).recipient
    assert recipient is None or not_country not in (recipient.country or "")


def test_which_acts_look_for_the_party_they_affect() -> None:
    """A thing as recipient sends the search on; a coded party, a sector or an act type whose
    recipient is settled otherwise (mobilisation, meeting, attack) does not."""
    from parallax.extract.event_affected import needs_affected_party

    thing = Actor(start=0, end=8, text="measures")
    state = Actor(start=0, end=5, text="Syria", actor_id="SYR", country="SYR")
    civilians = Actor(start=0, end=9, text="civilians", sector="CVL")
    assert needs_affected_party("CONCEDE", None)
    assert needs_affected_party("CONCEDE", thing)
    assert not needs_affected_party("CONCEDE", state)
    assert not needs_affected_party("CONCEDE", civilians)
    assert not needs_affected_party("ASSAULT", None)
    assert not needs_affected_party("MOBILIZE", thing)


@pytest.mark.parametrize("verb", ["converged", "assembled", "gathered"])
def test_who_goes_somewhere_for_a_protest_holds_it(nlp: Language, verb: str) -> None:
    """The subject of a verb of going or gathering takes part in what it goes there for."""
    text = f"Hundreds of Kenyan teachers {verb} for a protest outside parliament."
    actor = actor_of(nlp, text, "protest")
    assert actor.country == "KEN"


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        (
            "King Hassan of Morocco said he would host talks between Israel and Egypt.",
            "host",
            "MAR",
        ),
        ("President Dos Santos of Angola said he would visit Zambia and Namibia.", "visit", "AGO"),
    ],
)
def test_he_stands_for_the_party_an_unknown_persons_own_phrase_names(
    nlp: Language, text: str, trigger: str, country: str
) -> None:
    """A pronoun whose person the registry does not know is coded by the state that
    person's own phrase names ("X of Morocco"), as the person would be (and not by the other
    states of the sentence)."""
    actor = actor_of(nlp, text, trigger)
    assert actor.text == "he"
    assert actor.country == country


@pytest.mark.parametrize(
    "text",
    [
        "He will send troops to Iraq.",
        "She said she would send troops to Syria.",
        "His attack on Mosul killed 20 people.",
    ],
)
def test_a_person_pronoun_is_not_placed_where_the_act_happens(nlp: Language, text: str) -> None:
    """ "He" stands for someone named elsewhere, not for a local of the place the act
    happens in (or troops are sent to), as an uncoded crowd would be."""
    event = next(
        e for e in nlp(text)._.events if e.trigger and e.trigger.text in ("send", "attack")
    )
    assert event.actor is None or event.actor.country is None


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Spain refused any assistance to the US-led war against Iraq.", "refused", "USA"),
        ("Italy offered support to the Saudi-led war against the Houthis.", "offered", "SAU"),
        ("Germany refused to support the American war against Iraq.", "refused", "USA"),
    ],
)
def test_the_adversary_inside_a_recipient_phrase_is_not_its_owner(
    nlp: Language, text: str, trigger: str, country: str
) -> None:
    """Help for "the US-led war *against Iraq*" goes to the war's owner, not its adversary,
    when the phrase names both."""
    recipient = the_event(nlp, text, trigger).recipient
    assert recipient is not None
    assert recipient.country == country
    assert recipient.actor_id is not None
    assert "+" not in recipient.actor_id


def test_the_verb_bomb_is_an_air_raid_not_a_planted_bomb(nlp: Language) -> None:
    """The base form of the verb ("did not *bomb*", "to *bomb*") is no weapon word: its own
    mode (aerial) stands, as for "bombed"; the noun still names a planted bomb."""
    assert the_event(nlp, "Russia did not bomb Aleppo, the Kremlin said.", "bomb").mode == "aerial"
    assert the_event(nlp, "A bomb killed 12 people in Baghdad.", "killed").mode == "explosives"


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        ("Turkish troops were preparing to attack Manbij.", "attack", "troops"),
        ("The Iraqi army is preparing an offensive on Mosul.", "offensive", "troops"),
        ("Rebels are preparing to attack the city.", "attack", "militia"),
    ],
)
def test_preparing_an_attack_is_a_mobilisation(
    nlp: Language, text: str, trigger: str, mode: str
) -> None:
    """PLOVER: a military move short of force is MOBILIZE; THREATEN is verbal ("will strike")."""
    event = the_event(nlp, text, trigger)
    assert (event.type, event.mode) == ("MOBILIZE", mode)
    assert the_event(nlp, "Russia will strike Idlib.", "strike").type == "THREATEN"


@pytest.mark.parametrize(
    ("text", "trigger", "actor_id"),
    [
        (
            "Kenzo Oshima, the United Nations relief coordinator, visited Baghdad on Monday.",
            "visited",
            "UN",
        ),
        ("Ahmed Ali, a commander of the Syrian Democratic Forces, met Russian officials.", "met",
         "SDF"),
    ],
)  # fmt: skip
def test_an_unknown_person_is_coded_by_the_apposition_that_introduces_them(
    nlp: Language, text: str, trigger: str, actor_id: str
) -> None:
    """ "X, the UN relief coordinator," is the UN's, not a local of where X acts."""
    assert actor_of(nlp, text, trigger).actor_id == actor_id


def test_an_apposition_that_sets_a_person_against_a_party_does_not_code_them(
    nlp: Language,
) -> None:
    actor = actor_of(nlp, "John Smith, a critic of Assad, visited Damascus.", "visited")
    assert actor.actor_id is None


def test_shots_fired_to_drive_people_off_are_fired_at_them(nlp: Language) -> None:
    """ "opened fire *to disperse* demonstrators" is aimed at the demonstrators; "to protect
    the convoy" names whom the shots were for, not at."""
    text = "Police opened fire to disperse the demonstrators in Cairo."
    recipient = the_event(nlp, text, "opened").recipient
    assert recipient is not None
    assert "demonstrators" in recipient.text
    assert the_event(nlp, "Troops opened fire to protect the convoy.", "opened").recipient is None


def test_a_place_the_parse_hung_as_an_oblique_on_a_noun_still_only_says_where(
    nlp: Language,
) -> None:
    """ "US bases in Iraq" are the United States' even when the parse labels "in Iraq" an
    oblique of "bases" instead of its nominal modifier."""
    recipient = the_event(nlp, "Militias attacked US bases in Iraq.", "attacked").recipient
    assert recipient is not None
    assert recipient.actor_id == "USA"


def test_the_next_name_of_a_list_does_not_describe_an_unknown_person(nlp: Language) -> None:
    """ "John Smith, Angela Merkel and Emmanuel Macron": Merkel is the list's next item, which
    the parse reads as Smith's apposition; Smith alone is not Merkel's."""
    doc = nlp("John Smith, Angela Merkel and Emmanuel Macron visited Kabul on Monday.")
    smith = code_actor(doc, doc[0], None, acting=True, conjuncts=False)
    assert smith.text == "John Smith"
    assert smith.actor_id is None


@pytest.mark.parametrize(
    ("text", "trigger", "actor_id"),
    [
        ("Two gunmen linked to Islamic State killed four policemen in Arish.", "killed", "ISIS"),
        ("Gunmen affiliated with al Qaeda attacked a hotel in Bamako.", "attacked", "AL_QAEDA"),
        ("Fighters belonging to the Taliban ambushed a convoy.", "ambushed", "TALIBAN"),
    ],
)
def test_a_group_affiliated_with_a_body_is_coded_as_that_body(
    nlp: Language, text: str, trigger: str, actor_id: str
) -> None:
    # The parse reads "Gunmen linked to X killed…" as "linked" the verb; the act had no doer.
    actor = actor_of(nlp, text, trigger)
    assert actor.actor_id == actor_id
    assert actor.text.startswith(text.split()[0])


def test_an_ally_is_not_the_group_it_is_allied_with(nlp: Language) -> None:
    # "allied with Turkey": another party, as "Turkish-backed" is (the sponsor rule).
    actor = actor_of(nlp, "Rebels allied with Turkey shelled the town of Afrin.", "shelled")
    assert actor.text == "Rebels"
    assert actor.actor_id is None
    assert actor.country != "TUR"


def test_an_infinitive_of_purpose_on_a_things_object_is_the_doers(nlp: Language) -> None:
    # The parse hangs "to demand" on "building": the protesters demand, not the building.
    text = "Protesters stormed the parliament building to demand the resignation of the mayor."
    assert actor_of(nlp, text, "demand").text == "Protesters"


def test_people_named_by_their_fight_against_a_party_are_not_that_party(
    nlp: Language,
) -> None:
    text = "The meeting of 68 allies in the fight against ISIS took place in Washington."
    meeting = the_event(nlp, text, "meeting")
    assert meeting.recipient is None or meeting.recipient.actor_id != "ISIS"
    # An act against a party still names it when nothing else does.
    condemned = the_event(nlp, "Syria condemned the war against Iraq.", "condemned")
    assert condemned.recipient is not None
    assert condemned.recipient.country == "IRQ"


def test_a_states_ally_or_proxy_is_not_that_state(nlp: Language) -> None:
    # The sponsor rule ("Iranian-backed militias" are not Iran) for the noun that says so.
    text = "Hezbollah guerrillas killed a commander of Israel's militia ally in southern Lebanon."
    killed = the_event(nlp, text, "killed")
    assert killed.recipient is not None
    assert killed.recipient.country != "ISR"
    # Whose own army it is still codes the phrase.
    army = actor_of(nlp, "Russia's army shelled the town of Idlib.", "shelled")
    assert army.actor_id == "RUSMIL"


def test_what_an_act_is_done_without_is_not_done_and_names_no_recipient(
    nlp: Language,
) -> None:
    eased = the_event(
        nlp, "Serbia eased the curfew without consulting the European Union.", "eased"
    )
    consulting = the_event(
        nlp, "Serbia eased the curfew without consulting the European Union.", "consulting"
    )
    assert consulting.status == "negated"
    assert consulting.type == "CONSULT"  # not done, and not refused either
    assert eased.recipient is None or eased.recipient.actor_id != "EU"
    text = "President Akayev has agreed to resign without returning to Kyrgyzstan."
    agreed = the_event(nlp, text, "agreed")
    assert agreed.recipient is None or agreed.recipient.country != "KGZ"


def test_he_for_an_unknown_person_is_coded_by_the_apposition_introducing_him(
    nlp: Language,
) -> None:
    text = "Ahmed Ali, a commander of the Syrian Democratic Forces, said he had attacked the town."
    assert actor_of(nlp, text, "attacked").actor_id == "SDF"
    # Without one, nothing is made up.
    assert actor_of(nlp, "John Smith said he had attacked the town.", "attacked").actor_id is None


def test_the_object_of_an_act_noun_is_not_an_act_of_its_own(nlp: Language) -> None:
    """ "the suspension of aid" is one sanction; the aid is what stops, not aid given."""
    assert "aid" not in triggers(nlp, "Donors deplored the suspension of aid to Gaza.")
    assert "suspension" in triggers(nlp, "Donors deplored the suspension of aid to Gaza.")


def test_an_act_protested_is_not_the_protesters(nlp: Language) -> None:
    closure = the_event(nlp, "Egypt protested the closure of the Rafah crossing.", "closure")
    assert (closure.type, closure.mode) == ("COERCE", "restrict")
    assert closure.actor is None


def test_a_state_name_the_tagger_read_as_an_adjective_is_still_the_subject(
    nlp: Language,
) -> None:
    veto = the_event(nlp, "Hungary vetoed the joint statement on Hong Kong.", "vetoed")
    assert veto.type == "REJECT"
    assert veto.actor is not None
    assert veto.actor.country == "HUN"


def test_a_party_owned_or_seated_by_a_capital_is_that_states(nlp: Language) -> None:
    """ "Baghdad's government" and "the regime in Damascus" are Iraq's and Syria's, not the
    state another phrase of the sentence names."""
    owned = the_event(nlp, "Baghdad's government rejected the Turkish demand.", "rejected")
    assert owned.actor is not None
    assert (owned.actor.country, owned.actor.actor_id) == ("IRQ", "IRQGOV")
    seated = the_event(nlp, "The regime in Damascus rejected the Turkish offer.", "rejected")
    assert seated.actor is not None
    assert (seated.actor.country, seated.actor.actor_id) == ("SYR", "SYRGOV")


def test_capitals_joined_as_the_doer_stand_for_their_states(nlp: Language) -> None:
    joined = the_event(nlp, "Moscow and Beijing condemned the strikes.", "condemned")
    assert joined.actor is not None
    assert set((joined.actor.country or "").split("+")) == {"RUS", "CHN"}
    mixed = the_event(nlp, "Washington and Texas sued the company.", "sued")
    assert mixed.actor is not None
    assert mixed.actor.country is None  # a state of the union is no capital


def test_a_name_read_as_an_adjective_of_its_verb_is_the_subject(nlp: Language) -> None:
    mediation = the_event(nlp, "The Vatican mediated talks between the two sides.", "mediated")
    assert mediation.actor is not None
    assert mediation.actor.country == "VAT"


def test_the_act_a_charge_names_by_a_gerund_is_the_accused_ones(nlp: Language) -> None:
    shelling = the_event(nlp, "Armenia accused Azerbaijan of shelling villages.", "shelling")
    assert shelling.type == "ASSAULT"
    assert shelling.actor is not None
    assert shelling.actor.country == "AZE"
    assert shelling.status == "reported"


def test_an_act_to_be_investigated_took_place(nlp: Language) -> None:
    """ "will investigate the killings": the killings are no future act (nor a threat)."""
    killings = the_event(nlp, "The UN will investigate the killings.", "killings")
    assert (killings.type, killings.status) == ("ASSAULT", "asserted")
    offensive = the_event(nlp, "The army will launch the offensive next week.", "offensive")
    assert offensive.status == "future"


def test_an_act_noun_tagged_as_an_adjective_is_still_an_act(nlp: Language) -> None:
    """ "an offensive next week": the tagger reads "offensive" as an adjective there."""
    offensive = the_event(nlp, "The army will launch an offensive next week.", "offensive")
    assert offensive.status == "future"
    assert offensive.actor is not None


@pytest.mark.parametrize(
    ("text", "trigger", "plover_type"),
    [
        ("A cease-fire took effect in the north.", "cease-fire", "RETREAT"),
        ("Students staged sit-ins at three universities.", "sit-ins", "PROTEST"),
        ("Police re-arrested the activist on Monday.", "re-arrested", "COERCE"),
    ],
)
def test_hyphenated_triggers_stay_one_word(
    nlp: Language, text: str, trigger: str, plover_type: str
) -> None:
    assert the_event(nlp, text, trigger).type == plover_type


def test_a_declared_truce_is_done_not_reported(nlp: Language) -> None:
    truce = the_event(nlp, "The rebels declared a unilateral truce.", "truce")
    assert (truce.type, truce.status) == ("RETREAT", "asserted")


def test_a_past_verb_read_as_an_adjective_after_a_verbless_subject_is_the_act(
    nlp: Language,
) -> None:
    """ "supporters clashed/JJ with police" was one noun phrase with no verb at all."""
    clash = the_event(nlp, "Opposition supporters clashed with police in Kinshasa.", "clashed")
    assert clash.actor is not None
    assert clash.actor.text == "Opposition supporters"


def test_releasing_words_or_figures_is_no_release_of_people(nlp: Language) -> None:
    for text in (
        "Tehran released a statement on the talks.",
        "Developers can release them for free.",
    ):
        assert "released" not in triggers(nlp, text)
        assert "release" not in triggers(nlp, text)


def test_one_granted_something_is_not_who_granted_it(nlp: Language) -> None:
    text = "Todenhofer, the first journalist granted access to ISIS, spent ten days in Mosul."
    access = the_event(nlp, text, "granted")
    assert access.actor is None


def test_people_killed_in_an_attack_are_not_its_doers(nlp: Language) -> None:
    """ "the soldiers killed in the attack" (a past form the tagger calls VBD, on a noun
    inside another verb's phrase) is passive: the soldiers are the ones killed."""
    text = "The minister paid tribute to the soldiers killed in the attack."
    killing = the_event(nlp, text, "killed")
    assert killing.actor is None
    assert killing.recipient is not None
    assert killing.recipient.text == "the soldiers"


def test_an_act_warned_of_is_yet_to_come(nlp: Language) -> None:
    attacks = the_event(nlp, "The Taliban warned of attacks on polling stations.", "attacks")
    assert attacks.status == "future"


def test_the_release_of_a_named_person_is_a_release(nlp: Language) -> None:
    release = the_event(nlp, "The release of Nelson Mandela changed South Africa.", "release")
    assert (release.type, release.mode) == ("RETREAT", "release")
    assert "release" not in triggers(nlp, "The release of the new model was delayed.")


def test_an_invitation_needs_somewhere_or_something_to_be_invited_to(nlp: Language) -> None:
    assert triggers(nlp, "The remarks invited ridicule.") == set()


def test_an_act_one_is_put_under_is_done_by_the_subject_to_the_object(nlp: Language) -> None:
    event = the_event(nlp, "The army placed the former president under house arrest.", "arrest")
    assert (event.actor.text if event.actor else None) == "The army"
    assert (event.recipient.text if event.recipient else None) == "the former president"
    passive = the_event(nlp, "The opposition leader was placed under house arrest.", "arrest")
    assert passive.actor is None
    assert (passive.recipient.text if passive.recipient else None) == "The opposition leader"


def test_the_agent_of_a_verb_renewing_an_act_does_the_act(nlp: Language) -> None:
    text = "Sanctions against Pyongyang were tightened by the Security Council."
    event = the_event(nlp, text, "Sanctions")
    assert (event.actor.text if event.actor else None) == "the Security Council"
    condemned = the_event(nlp, "The attack was condemned by the UN.", "attack")
    assert condemned.actor is None  # who condemns an act did not do it


def test_an_act_noun_drawn_from_someone_is_theirs(nlp: Language) -> None:
    event = the_event(nlp, "The decision invited criticism from Washington.", "criticism")
    assert (event.actor.country if event.actor else None) == "USA"


@pytest.mark.parametrize(
    ("text", "actor", "fled"),
    [
        ("The militia forced thousands of villagers to flee.", "The militia", "thousands"),
        ("Families fled the Taliban.", "the Taliban", "Families"),
        ("Syrian refugees fled from Assad's barrel bombs.", "Assad", "Syrian refugees"),
        ("Thousands of residents fled the fighting in Marawi.", None, "Thousands"),
        ("Hundreds of civilians fled to Turkey.", None, "Hundreds"),
        ("Civilians fled their homes as the army advanced.", None, "Civilians"),
    ],
)
def test_civilians_fleeing_are_driven_out_by_whoever_made_them(
    nlp: Language, text: str, actor: str | None, fled: str
) -> None:
    """Manual 0.8: refugees fleeing are SANCTION "expel", the causative agent the actor."""
    event = next(e for e in events(nlp, text) if e.trigger and e.trigger.text.startswith("fle"))
    assert (event.type, event.mode) == ("SANCTION", "expel")
    assert (event.actor.text if event.actor else None) == actor
    assert event.recipient is not None
    assert event.recipient.text.startswith(fled)


@pytest.mark.parametrize("text", ["The army fled the town.", "His father fled Cuba in 1960."])
def test_forces_or_a_person_fleeing_still_withdraw(nlp: Language, text: str) -> None:
    event = the_event(nlp, text, "fled")
    assert (event.type, event.mode) == ("RETREAT", "withdraw")


def test_an_act_requited_for_took_place(nlp: Language) -> None:
    text = "Hezbollah vowed to retaliate for the killing of its commander."
    assert the_event(nlp, text, "killing").status != "future"
    assert the_event(nlp, "Hezbollah vowed to retaliate for any attack.", "attack").status == (
        "future"
    )


def test_a_retaliation_by_another_act_is_that_act(nlp: Language) -> None:
    found = events(nlp, "Moscow retaliated by expelling 60 American diplomats.")
    assert [(e.trigger.text if e.trigger else None, e.type) for e in found] == [
        ("expelling", "SANCTION")
    ]


def test_the_first_object_of_a_verb_of_giving_receives(nlp: Language) -> None:
    ultimatum = the_event(nlp, "The rebels gave the government an ultimatum.", "ultimatum")
    assert (ultimatum.recipient.text if ultimatum.recipient else None) == "the government"
    aid = the_event(nlp, "Washington gave Kyiv new military aid.", "gave")
    assert (aid.type, aid.recipient.country if aid.recipient else None) == ("AID", "UKR")
    money = the_event(nlp, "Saudi Arabia gave Egypt 4 billion dollars.", "gave")
    assert (money.type, money.recipient.country if money.recipient else None) == ("AID", "EGY")


def test_a_demand_or_threat_of_a_party_is_theirs(nlp: Language) -> None:
    text = "The president caved to the demands of the protesters."
    demands = the_event(nlp, text, "demands")
    assert (demands.actor.text if demands.actor else None) == "the protesters"
    assert demands.recipient is None
    released = the_event(nlp, "The release of the hostages came on Monday.", "release")
    assert (released.recipient.text if released.recipient else None) == "the hostages"


def test_an_act_foiled_is_not_the_foilers(nlp: Language) -> None:
    assert the_event(nlp, "Police foiled an attack on the embassy.", "attack").actor is None


def test_demands_met_are_conceded_not_a_meeting(nlp: Language) -> None:
    event = the_event(nlp, "The government met the demands of the teachers.", "met")
    assert event.type == "CONCEDE"


def test_who_denies_responsibility_is_not_the_doer(nlp: Language) -> None:
    denied = the_event(nlp, "The Taliban denied responsibility for the bombing.", "bombing")
    assert denied.actor is None
    claimed = the_event(nlp, "The Taliban claimed responsibility for the bombing.", "bombing")
    assert (claimed.actor.actor_id if claimed.actor else None) == "TALIBAN"


def test_an_act_banned_is_not_the_banners(nlp: Language) -> None:
    assert [
        e.trigger.text for e in events(nlp, "A monk immolated himself in protest.") if e.trigger
    ] == ["immolated"]
    rally = [e for e in events(nlp, "The government forbade the rally.") if e.type == "PROTEST"]
    assert all(e.actor is None for e in rally)


def test_by_force_is_how_not_who(nlp: Language) -> None:
    event = the_event(nlp, "Kiev hopes to retake Crimea by force.", "retake")
    assert (event.actor.text if event.actor else None) == "Kiev"


def test_an_act_said_to_be_likely_is_hypothetical(nlp: Language) -> None:
    text = "The rebels are unlikely to accept the offer."
    assert the_event(nlp, text, "accept").status == "hypothetical"


def test_subjects_cut_at_and_both_act(nlp: Language) -> None:
    event = the_event(nlp, "India and the US agreed to expand defence cooperation.", "agreed")
    assert (event.actor.actor_id if event.actor else None) == "IND+USA"


def test_an_expulsion_is_no_flight_of_civilians(nlp: Language) -> None:
    # A lexicon "expel" has the flight's type and mode; only fleeing skips the search for
    # the party behind an uncoded object.
    text = "Caracas expelled the head of the delegation from the European Union."
    event = the_event(nlp, text, "expelled")
    assert (event.recipient.actor_id if event.recipient else None) == "EU"


def test_driving_a_force_out_of_a_place_is_an_assault(nlp: Language) -> None:
    # "out of Homs" hangs on the object, not on the verb as its particle.
    event = the_event(nlp, "The army drove the rebels out of Homs.", "drove")
    assert event.type == "ASSAULT"


def test_the_passive_subject_of_a_verb_an_infinitive_completes_acts(nlp: Language) -> None:
    text = "Iraqi troops are set to launch the long-awaited offensive on Mosul within days."
    assert actor_of(nlp, text, "offensive").country == "IRQ"


def test_a_counted_group_gives_the_sector(nlp: Language) -> None:
    text = "Thousands of protesters rallied in Diyarbakir on Sunday."
    assert actor_of(nlp, text, "rallied").sector == "OPP"


def test_the_subject_of_a_chain_of_complements_acts(nlp: Language) -> None:
    text = "The Turkish army prepared to resume shelling the town."
    assert actor_of(nlp, text, "shelling").country == "TUR"


def test_the_condition_of_an_ultimatum_is_no_threat(nlp: Language) -> None:
    text = "Unless the Houthis withdraw from Hodeidah, the coalition may launch an assault."
    assert the_event(nlp, text, "withdraw").type == "RETREAT"
    assert the_event(nlp, text, "assault").type == "THREATEN"


def test_a_by_phrase_hung_on_the_verb_past_a_noun_act_is_the_deeper_acts(nlp: Language) -> None:
    text = (
        "Kerry joined 20 states in London on Thursday in crisis talks over the offensive by "
        "the militants of Islamic State."
    )
    assert actor_of(nlp, text, "offensive").actor_id == "ISIS"


def test_a_noun_after_a_comma_is_no_far_object(nlp: Language) -> None:
    text = (
        "Cameron met with Obama to discuss the escalation of operations, further NATO "
        "provocations against Russia and greater repression."
    )
    met = the_event(nlp, text, "met")
    assert (met.recipient.actor_id if met.recipient else None) == "BARACK_OBAMA"


def test_who_a_call_asks_to_act_receives_it(nlp: Language) -> None:
    text = "Hollande has called for Russia and America to join a coalition against Islamic State."
    called = the_event(nlp, text, "called")
    assert (called.recipient.country if called.recipient else None) == "RUS+USA"


def test_a_verb_coordinated_with_a_participle_clause_shares_its_doer(nlp: Language) -> None:
    text = (
        "Egyptian police opened fire on demonstrators on Monday, killing one person and "
        "arresting 12, security sources said."
    )
    assert actor_of(nlp, text, "arresting").country == "EGY"


def test_a_verb_the_morphologizer_calls_a_preposition_still_acts(nlp: Language) -> None:
    assert the_event(nlp, "The EU froze the assets.", "froze").type == "SANCTION"


def test_a_meeting_as_subject_does_not_swallow_what_its_members_did(nlp: Language) -> None:
    text = "Foreign ministers meeting in Luxembourg froze the assets of those named."
    assert the_event(nlp, text, "froze").type == "SANCTION"
    assert "hit" not in triggers(nlp, "Russian airstrikes hit a hospital in Idlib.")
