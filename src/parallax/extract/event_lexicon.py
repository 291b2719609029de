"""Event triggers: the verbs and nouns that report an act, with their PLOVER type and mode.

PLOVER (manual 0.8) has sixteen event types; news reports them with a few hundred verbs and
nouns ("struck", "air strikes", "drove out", "talks", "sent troops"). The lexicon is data, kept
apart from the matching so an analyst can read and extend it. A trigger's mode refines the type
the PLOVER way (ASSAULT ``aerial``, COERCE ``seize``, MOBILIZE ``troops``); the weapon words
in the sentence can refine an ASSAULT mode further (:func:`assault_mode`). Statements ("said",
"called for") are not events: PLOVER dropped CAMEO's statement categories, and quotes are kept
by :mod:`parallax.extract.quotes`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

from parallax.nlp.lemmas import inflections

#: What an embargo or boycott stops: "banned *flights* to Turkey", "suspended *imports*".
_TRADE_AND_TRAVEL: Final = (
    "flights", "flight", "imports", "exports", "trade", "travel", "goods", "products",
    "shipments", "visas", "supplies", "deliveries",
)  # fmt: skip


#: What an order makes a body do that is coercion, not a request ("forced her to leave" can
#: be said of an illness, so "force" is not one).
_CLOSING: Final = (
    "suspend", "close", "shut", "stop", "cease", "halt", "leave", "vacate", "disband",
    "dissolve", "evacuate",
)  # fmt: skip


#: What blocking is coercion for (CAMEO 191, restricting movement): "blocked Philippine
#: supply *boats*", "blocked aid *convoys*"; roads blocked by crowds are protest.
_BLOCKED: Final = (
    "boats", "boat", "ships", "ship", "vessels", "vessel", "convoy", "convoys", "trucks",
    "access", "entry", "passage", "deliveries", "shipments", "aid",
)  # fmt: skip


#: What closing restricts movement through (CAMEO 191): "closed the border", "the airport".
_CLOSED_PASSAGES: Final = (
    "border", "borders", "crossing", "crossings", "airspace", "airport", "airports", "port",
    "ports", "highway",
)  # fmt: skip


#: What is launched or fired at someone: the instrument of the attack, never its target.
FIRED_WEAPONS: Final = frozenset(
    {
        "rockets", "missiles", "rocket", "missile", "shells", "mortars", "mortar",
        "artillery", "grenades",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Trigger:
    """A PLOVER type and mode for one trigger lemma; ``territory`` marks acts that take or
    lose ground (ACLED tells government from non-state territorial gains)."""

    type: str
    mode: str | None = None
    territory: bool = False


def _entries(plover_type: str, mode: str | None, words: str) -> dict[str, Trigger]:
    return dict.fromkeys(words.split(), Trigger(plover_type, mode))


def _territory(words: str) -> dict[str, Trigger]:
    return dict.fromkeys(words.split(), Trigger("ASSAULT", None, territory=True))


#: Verb lemmas that report an act.
VERB_TRIGGERS: Final[dict[str, Trigger]] = {
    **_entries("ASSAULT", None, "attack assault storm raid ambush fight battle clash invade hit"),
    **_entries("ASSAULT", "aerial", "bomb airstrike"),
    **_entries("ASSAULT", "heavy-weapons", "shell bombard pound"),
    **_entries("ASSAULT", "firearms", "shoot gun"),
    **_entries("ASSAULT", "targeted", "assassinate"),
    **_entries("ASSAULT", "destroy", "destroy demolish raze bulldoze"),
    **_entries("ASSAULT", None, "down"),
    **_entries("ASSAULT", "abduct", "abduct kidnap"),
    **_entries("ASSAULT", "torture", "torture"),
    **_entries("ASSAULT", "sexual", "rape"),
    **_entries("ASSAULT", None, "kill massacre slaughter execute behead murder wound injure"),
    **_entries("ASSAULT", None, "strike target"),
    # Taking ground in a fight is ASSAULT; holding or annexing it is COERCE "seize" and a
    # blockade or siege COERCE "restrict" (CAMEO 192 and 191 in the 2021 CAMEO-to-PLOVER table).
    **_territory("capture recapture retake liberate overrun conquer lose seize"),
    **dict.fromkeys(("occupy", "annex"), Trigger("COERCE", "seize", territory=True)),
    **_entries("COERCE", "restrict", "besiege encircle blockade"),
    **_entries("COERCE", "seize", "confiscate"),
    **_entries("COERCE", "arrest", "arrest detain imprison jail"),
    **_entries("COERCE", "deport", "deport"),
    **_entries("COERCE", "restrict", "ban restrict"),
    **_entries("COERCE", "censor", "censor"),
    **_entries("RETREAT", "withdraw", "withdraw retreat evacuate flee"),
    **_entries("RETREAT", "release", "free"),
    **_entries("RETREAT", "disarm", "disarm"),
    **_entries("RETREAT", "resign", "resign"),
    **_entries("MOBILIZE", "troops", "deploy mobilize mobilise station dispatch"),
    **_entries("AID", None, "aid donate fund supply provide"),
    **_entries("COOPERATE", None, "cooperate coordinate ally partner extradite"),
    **_entries("SUPPORT", None, "support endorse praise welcome recognize recognise sign"),
    **_entries("SUPPORT", None, "apologize apologise"),
    **_entries("AGREE", None, "agree pledge offer promise accept"),
    **_entries("CONCEDE", None, "lift ease relax shorten"),
    **_entries("RETREAT", "disarm", "demobilize demobilise"),
    **_entries("REJECT", None, "renege oppose dismiss"),
    **_entries("SANCTION", "discontinue", "halt freeze"),
    **_entries("COERCE", "restrict", "prevent"),
    **_entries("ACCUSE", "disapprove", "complain"),
    **_entries("ASSAULT", "beat", "beat"),
    **_entries("CONSULT", None, "meet negotiate consult talk discuss confer telephone host"),
    **_entries("CONSULT", None, "receive"),
    **_entries("SUPPORT", None, "commend hail applaud congratulate thank back reaffirm"),
    **_entries("REJECT", None, "spurn defy"),
    **_entries("REQUEST", None, "ask plead implore"),
    **_entries("ASSAULT", "explosives", "explode detonate"),
    **_entries("ASSAULT", None, "burn"),
    **_entries("MOBILIZE", "troops", "mass reinforce"),
    **_entries("AID", None, "assist finance airdrop"),
    **_entries("CONCEDE", None, "allow permit accede yield relent cave"),
    # CAMEO 0812 (ease a ban on political parties or politicians)
    **_entries("CONCEDE", None, "legalize legalise unban decriminalize decriminalise"),
    # Broader CAMEO verb classes (from the CAMEO codebook's category descriptions):
    **_entries("AGREE", None, "guarantee consent"),
    **_entries("CONSULT", None, "convene"),
    **_entries("SUPPORT", None, "ratify forgive reassure"),
    **_entries("RETREAT", None, "surrender capitulate repatriate"),
    **_entries("REQUEST", None, "beg petition"),
    **_entries("ACCUSE", "disapprove", "slam blast lambast rebuke censure deplore decry"),
    **_entries("ACCUSE", "allege", "prosecute"),
    **_entries("REJECT", None, "snub disregard"),
    **_entries("PROTEST", "demo", "picket"),
    **_entries("ASSAULT", "abduct", "hijack"),
    **_entries("ASSAULT", "primitive", "stab lynch torch"),
    **_entries("ASSAULT", "destroy", "sabotage"),
    **_entries("COERCE", "seize", "loot"),
    **_entries("CONSULT", "visit", "visit"),
    **_entries("CONSULT", "third-party", "mediate"),
    **_entries("CONCEDE", None, "concede compromise"),
    **_entries("REQUEST", None, "demand request appeal urge pressure press order"),
    **_entries("ACCUSE", "disapprove", "condemn criticize criticise denounce blame"),
    **_entries("ACCUSE", "allege", "accuse allege sue indict charge"),
    **_entries("ACCUSE", "investigate", "investigate probe"),
    **_entries("REJECT", None, "reject refuse veto rebuff"),
    **_entries("THREATEN", None, "threaten"),
    **_entries("PROTEST", "demo", "protest demonstrate march rally"),
    **_entries("PROTEST", "riot", "riot"),
    **_entries("PROTEST", "boycott", "boycott"),
    **_entries("SANCTION", "discontinue", "sanction embargo suspend sever blacklist"),
    **_entries("SANCTION", "expel", "expel"),
    **_entries("SANCTION", "convict", "convict sentence"),
    # CAMEO verb dictionary (PETRARCH2 CAMEO.2.0) verbs the lexicon lacked:
    **_entries("ASSAULT", None, "terrorize terrorise mistreat ram blitz scuffle overthrow"),
    **_entries("ASSAULT", "primitive", "stone"),  # "settlers stoned cars" (verbs only)
    **_entries("COERCE", "restrict", "forbid criminalize criminalise"),
    **_entries("SANCTION", "withdraw", "secede"),
    **_entries("MOBILIZE", "troops", "overfly"),
    **_entries("REJECT", None, "defect"),
    **_entries("PROTEST", None, "immolate"),
    # Modes of the PLOVER 0.8 manual's tables the lexicon had no word for.
    **_entries("COERCE", "cyber", "hack"),
    **_entries("PROTEST", "vandalize", "vandalize vandalise deface desecrate"),
    **_entries("REJECT", None, "violate flout"),
    # More of the CAMEO cue categories' verbs (02-18 of the 2021 CAMEO-to-PLOVER table).
    **_entries("CONSULT", "phone", "phone"),
    **_entries("SUPPORT", None, "laud salute extol"),
    **_entries("COOPERATE", None, "collaborate"),
    **_entries("RETREAT", "release", "pardon"),
    **_entries("ACCUSE", "disapprove", "chide castigate reproach"),
    # Verbs of the same CAMEO classes that no dev record has (held-out coverage, 2026-11-24).
    **_entries("ACCUSE", "disapprove", "berate chastise scold reprimand excoriate vilify"),
    **_entries("THREATEN", None, "menace"),
    **_entries("REJECT", None, "renounce repudiate shun disown"),
    **_entries("RETREAT", "resign", "abdicate"),
    **_entries("CONCEDE", None, "cede"),
    **_entries("AID", None, "rescue"),
    **_entries("REQUEST", None, "lobby beseech entreat"),
    **_entries("ACCUSE", "disapprove", "fault"),
    **_entries("COERCE", "deport", "evict"),
    **_entries("ASSAULT", None, "slay"),
    **_entries("COERCE", "seize", "ransack plunder"),
    **_entries("RETREAT", "disarm", "disband"),
    # Further verbs of the CAMEO classes, none taken from a GSR record (2026-11-24, later).
    **_entries("ASSAULT", None, "counterattack rout repel repulse maim mutilate decapitate"),
    **_entries("ASSAULT", "aerial", "strafe"),
    **_entries("ASSAULT", "firearms", "snipe"),
    **_entries("ASSAULT", "heavy-weapons", "pummel"),
    **_entries("COERCE", "deport", "exile banish"),
    **_entries("COERCE", "seize", "expropriate"),
    **_entries("COERCE", "arrest", "intern incarcerate"),
    **_entries("COERCE", "restrict", "outlaw suppress repress persecute quell"),
    **_entries("COERCE", "censor", "muzzle"),
    **_entries("COERCE", None, "penalize penalise"),  # CAMEO 170, as PETRARCH's PUNISH
    **_entries("CONCEDE", None, "backtrack rescind unfreeze retract"),
    **_entries("CONCEDE", None, "reinstate unblock loosen unban"),
    **_entries("RETREAT", "withdraw", "vacate"),
    **_entries("RETREAT", "disarm", "demilitarize demilitarise decommission"),
    **_entries("REJECT", None, "obstruct balk stonewall overrule disavow abrogate"),
    **_entries("REQUEST", None, "exhort"),
    **_entries("ACCUSE", "disapprove", "lambaste assail admonish reprove denigrate ridicule"),
    **_entries("ACCUSE", "disapprove", "deride insult mock disparage belittle slander smear"),
    **_entries("ACCUSE", "allege", "impeach"),
    **_entries("THREATEN", None, "blackmail"),
    **_entries("CONSULT", None, "parley"),
    **_entries("CONSULT", "third-party", "broker"),
    **_entries("COOPERATE", None, "liaise"),
    **_entries("AID", None, "airlift"),
    **_entries("MOBILIZE", "troops", "redeploy"),
    **_entries("SUPPORT", None, "acclaim compliment sympathize sympathise"),
    # Acts of force only between armed parties (event_figurative.unarmed_contest): "the army
    # defeated the Tamil Tigers", "troops surrounded Marawi" - not "Trump defeated Clinton".
    **_entries("ASSAULT", None, "defeat"),
    **_entries("COERCE", "restrict", "surround"),
    # Executed by hanging; only the form "hanged" (event_figurative.hung_not_hanged).
    **_entries("ASSAULT", None, "hang"),
    # Verbs of the same CAMEO classes in PETRARCH2's CAMEO verb dictionary that the lexicon
    # lacked (read as a reference, 2026-11-25; none taken from a GSR record).
    **_entries("ASSAULT", None, "butcher annihilate skirmish bludgeon strangle rampage pelt"),
    **_entries("ASSAULT", "beat", "flog"),
    **_entries("COERCE", "arrest", "apprehend nab rearrest re-arrest"),
    **_entries("COERCE", "seize", "commandeer nationalize nationalise pillage"),
    **_entries("COERCE", "restrict", "proscribe"),
    **_entries("COERCE", None, "subdue"),
    **_entries("MOBILIZE", "troops", "muster"),
    **_entries("ACCUSE", "investigate", "interrogate"),
    **_entries("ACCUSE", "allege", "implicate"),
    **_entries("ACCUSE", "disapprove", "pillory"),
    **_entries("CONCEDE", None, "acquit exonerate relinquish"),
    **_entries("RETREAT", "withdraw", "disengage"),
    **_entries("AID", None, "bankroll"),
    **_entries("ASSAULT", None, "retaliate decimate obliterate subjugate"),
    **_entries("ASSAULT", "destroy", "flatten"),
    **_entries("COERCE", "restrict", "reimpose re-impose interdict confine"),
    **_entries("MOBILIZE", "troops", "marshal patrol"),
    **_entries("CONCEDE", None, "absolve waive"),
    **_entries("ACCUSE", "disapprove", "impugn malign"),
    # Weapons tests are a show of force short of its use (PLOVER manual: MOBILIZE "weapons");
    # the pipeline keeps these hyphenated verbs one token (parallax.nlp.pipeline).
    **_entries("MOBILIZE", "weapons", "test-fire test-launch"),
}

#: Noun lemmas that report an act ("the downing of", "air strikes", "talks").
NOUN_TRIGGERS: Final[dict[str, Trigger]] = {
    **_entries("ASSAULT", None, "attack assault raid ambush offensive fighting battle clash"),
    **_entries("ASSAULT", None, "strike incursion push"),
    **_entries("ASSAULT", None, "invasion killing massacre execution murder"),
    **_entries("ASSAULT", "aerial", "airstrike bombing bombardment sortie"),
    **_entries("ASSAULT", "heavy-weapons", "shelling"),
    **_entries("ASSAULT", "firearms", "shooting"),
    **_entries("ASSAULT", "targeted", "assassination"),
    **_entries("ASSAULT", "destroy", "destruction"),
    **_entries("ASSAULT", None, "downing"),
    **_entries("ASSAULT", "abduct", "abduction kidnapping"),
    **_entries("ASSAULT", "suicide-attack", "suicide-bombing"),
    **_territory("capture seizure recapture"),
    **dict.fromkeys(("occupation", "annexation"), Trigger("COERCE", "seize", territory=True)),
    **_entries("COERCE", "restrict", "siege blockade"),
    **_entries("COERCE", "arrest", "arrest detention"),
    **_entries("RETREAT", "withdraw", "withdrawal retreat pullout evacuation"),
    **_entries("RETREAT", "ceasefire", "ceasefire truce cease-fire armistice"),
    **_entries("MOBILIZE", "troops", "deployment mobilization mobilisation"),
    **_entries("AID", None, "aid assistance donation"),
    **_entries("COOPERATE", None, "cooperation collaboration"),
    **_entries("AGREE", None, "agreement accord deal treaty"),
    **_entries("CONSULT", None, "talks talk meeting summit negotiation negotiations"),
    **_entries("CONSULT", None, "conference consultation"),
    **_entries("CONSULT", "visit", "visit"),
    **_entries("ACCUSE", "disapprove", "condemnation criticism"),
    **_entries("REQUEST", None, "demand appeal request"),
    **_entries("THREATEN", "relations", "ultimatum"),
    **_entries("ACCUSE", "investigate", "investigation inquiry probe"),
    **_entries("REJECT", None, "rejection refusal veto"),
    **_entries("THREATEN", None, "threat"),
    **_entries("PROTEST", "demo", "protest demonstration rally march"),
    **_entries("PROTEST", "riot", "riot unrest"),
    **_entries("SANCTION", "discontinue", "sanction embargo"),
    **_entries("CONSULT", "third-party", "mediation"),
    **_entries("COERCE", "cyber", "cyberattack cyber-attack hacking"),
    **_entries("PROTEST", "demo", "sit-in walkout"),
    # Nouns of acts whose verbs the lexicon has (held-out coverage, 2026-11-24).
    **_entries("COERCE", "restrict", "crackdown"),
    **_entries("COERCE", "deport", "deportation"),
    **_entries("SANCTION", "expel", "expulsion"),
    **_entries("RETREAT", "resign", "resignation abdication"),
    **_entries("RETREAT", None, "surrender capitulation"),
    **_entries("ACCUSE", "allege", "accusation indictment lawsuit"),
    **_entries("ASSAULT", "torture", "torture"),
    **_entries("ASSAULT", "sexual", "rape"),
    **_entries("ASSAULT", "beat", "beating"),
    **_entries("ASSAULT", "primitive", "stabbing lynching"),
    **_entries("ASSAULT", None, "beheading"),
    **_entries("ASSAULT", "abduct", "hijacking"),
    **_entries("COERCE", "seize", "looting"),
    **_entries("ASSAULT", "explosives", "blast explosion"),
    **_entries("RETREAT", "release", "pardon"),
    **_entries("SUPPORT", None, "apology endorsement ratification"),
    **_entries("COOPERATE", None, "extradition"),
    **_entries("RETREAT", None, "repatriation"),
    **_entries("RETREAT", "disarm", "disarmament demobilization demobilisation"),
    **_entries("MOBILIZE", "troops", "reinforcement"),
    **_entries("AID", None, "airdrop"),
    **_entries("PROTEST", "boycott", "boycott"),
    # Nouns of the further verbs above and of their classes (2026-11-24, later).
    **_entries("ASSAULT", None, "onslaught skirmish firefight gunfight counteroffensive"),
    **_entries("ASSAULT", None, "counter-offensive counterattack counter-attack"),
    **_entries("COERCE", "arrest", "internment imprisonment"),
    **_entries("COERCE", "seize", "confiscation expropriation"),
    **_entries("COERCE", "censor", "censorship"),
    **_entries("AGREE", None, "pact"),
    **_entries("CONSULT", None, "parley"),
    **_entries("AID", None, "airlift"),
    **_entries("SUPPORT", None, "praise condolence"),
    **_entries("REQUEST", None, "plea petition"),
    **_entries("MOBILIZE", "troops", "buildup build-up"),
    **_entries("PROTEST", "demo", "picket"),
    **_entries("RETREAT", "disarm", "demilitarization demilitarisation"),
    # Nouns of the acts the verbs above name (2026-11-25, none from a GSR record).
    **_entries("ASSAULT", "firearms", "shootout shoot-out"),
    **_entries("ASSAULT", "explosives", "detonation"),
    **_entries("ASSAULT", "destroy", "demolition sabotage"),
    **_entries("COERCE", "deport", "eviction"),
    **_entries("CONCEDE", None, "amnesty"),
}

#: Words that make sent or deployed troops peacekeepers: aid to the host (CAMEO 074).
PEACEKEEPING_WORDS: Final = ("peacekeepers", "peacekeeper", "peacekeeping")

#: Verb + object pairs whose object decides the event: "sent troops", "imposed sanctions".
VERB_OBJECT_TRIGGERS: Final[dict[tuple[str, str], Trigger]] = {
    **{
        (verb, noun): Trigger("MOBILIZE", "troops")
        for verb in ("send", "deploy", "dispatch", "add", "commit")
        for noun in ("troops", "soldiers", "forces", "marines", "advisers", "advisors", "jets")
    },
    **{
        (verb, noun): Trigger("AID", None)
        for verb in ("provide", "send", "give", "deliver", "offer")
        for noun in (
            "aid",
            "assistance",
            "weapons",
            "arms",
            "supplies",
            "support",
            "training",
            "ammunition",
            "munitions",
            "equipment",
            "tanks",
        )
    },
    **{
        ("test", noun): Trigger("MOBILIZE", "weapons")
        for noun in ("missile", "missiles", "rocket", "rockets", "warhead", "warheads", "bomb")
    },
    ("impose", "sanction"): Trigger("SANCTION", "discontinue"),
    ("impose", "curfew"): Trigger("COERCE", "curfew"),
    ("drive", "out"): Trigger("ASSAULT", None, territory=True),
    ("push", "out"): Trigger("ASSAULT", None, territory=True),
    ("take", "control"): Trigger("ASSAULT", None, territory=True),
    ("wrest", "control"): Trigger("ASSAULT", None, territory=True),
    ("lose", "control"): Trigger("ASSAULT", None, territory=True),
    ("blow", "up"): Trigger("ASSAULT", "explosives"),
    ("drop", "bombs"): Trigger("ASSAULT", "aerial"),
    ("drop", "bomb"): Trigger("ASSAULT", "aerial"),
    ("shoot", "down"): Trigger("ASSAULT", None),
    ("bring", "down"): Trigger("ASSAULT", None),
    ("return", "fire"): Trigger("ASSAULT", "firearms"),
    ("use", "gas"): Trigger("ASSAULT", "unconventional"),
    ("use", "weapons"): Trigger("ASSAULT", "unconventional"),
    ("open", "fire"): Trigger("ASSAULT", "firearms"),
    ("set", "fire"): Trigger("ASSAULT", None),  # "set fire to the embassy" (arson)
    ("share", "expertise"): Trigger("COOPERATE", None),
    **{
        (verb, noun): Trigger("SUPPORT", None)
        for verb in (
            "establish",
            "upgrade",
            "restore",
            "normalize",
            "normalise",
            "resume",
            "deepen",
            "strengthen",
            "mend",
            "forge",
            "cement",
        )
        for noun in ("ties", "relations", "tie", "relation")
    },
    # CAMEO 050 (SUPPORT): diplomatic relations put back ("exchanged ambassadors").
    **{
        (verb, noun): Trigger("SUPPORT", None)
        for verb in ("exchange", "restore", "appoint")
        for noun in ("ambassadors", "envoys")
    },
    # Manual 0.8 (AGREE): "invitations for state visits" ("invited Erdogan *to* Berlin");
    # "invited criticism" has no "to".
    **{
        ("invite", partner): Trigger("AGREE", None)
        for partner in ("to", "visit", "attend", "join", "participate")
    },
    **{
        (verb, noun): Trigger("SANCTION", "discontinue")
        for verb in ("sever", "cut", "break", "downgrade", "suspend")
        for noun in ("ties", "relations", "tie", "relation", "aid", "off")
    },
    ("grant", "asylum"): Trigger("AID", None),
    **{
        (verb, noun): Trigger("AID", None)
        for verb in ("deliver", "airdrop", "airlift", "send", "provide", "supply", "ship")
        for noun in ("food", "medicine", "medicines", "supplies", "ammunition", "fuel", "water")
    },
    **{
        ("release", noun): Trigger("RETREAT", "release")
        for noun in ("soldiers", "detainees", "captives", "prisoners", "hostages", "prisoner")
    },
    ("warn", "consequences"): Trigger("THREATEN", None),
    ("warn", "retaliation"): Trigger("THREATEN", "violence"),
    ("warn", "sanctions"): Trigger("THREATEN", "relations"),  # CAMEO 1312
    ("fire", "at"): Trigger("ASSAULT", "firearms"),
    ("fire", "on"): Trigger("ASSAULT", "firearms"),
    ("meet", "demands"): Trigger("CONCEDE", None),  # "the demands were met": no meeting
    ("meet", "demand"): Trigger("CONCEDE", None),
    ("accept", "demands"): Trigger("CONCEDE", None),
    ("accept", "demand"): Trigger("CONCEDE", None),
    ("accept", "conditions"): Trigger("CONCEDE", None),
    ("call", "off"): Trigger("CONCEDE", None),
    ("call", "on"): Trigger("REQUEST", None),
    ("call", "for"): Trigger("REQUEST", None),
    ("rule", "out"): Trigger("REJECT", None),
    ("turn", "down"): Trigger("REJECT", None),
    ("back", "down"): Trigger("CONCEDE", None),
    ("give", "in"): Trigger("CONCEDE", None),
    ("step", "down"): Trigger("RETREAT", "resign"),
    ("hand", "over"): Trigger("RETREAT", "release"),
    ("crack", "down"): Trigger("COERCE", "restrict"),
    ("recall", "ambassador"): Trigger("SANCTION", "withdraw"),
    ("withdraw", "ambassador"): Trigger("SANCTION", "withdraw"),
    ("expel", "diplomats"): Trigger("SANCTION", "expel"),
    ("impose", "law"): Trigger("COERCE", "martial-law"),
    # PLOVER 0.8 COERCE modes "curfew" and "martial-law": declaring or extending them too.
    ("extend", "curfew"): Trigger("COERCE", "curfew"),
    ("declare", "curfew"): Trigger("COERCE", "curfew"),
    ("declare", "law"): Trigger("COERCE", "martial-law"),
    ("declare", "emergency"): Trigger("COERCE", "martial-law"),
    ("impose", "emergency"): Trigger("COERCE", "martial-law"),
    ("extend", "emergency"): Trigger("COERCE", "martial-law"),
    ("give", "aid"): Trigger("AID", None),
    **{
        (verb, noun): Trigger("ASSAULT", "heavy-weapons")
        for verb in ("launch", "fire")
        for noun in FIRED_WEAPONS
    },
    ("pull", "out"): Trigger("RETREAT", "withdraw"),
    # PLOVER SANCTION "withdraw": one's non-military resources (observers, diplomats,
    # peacekeepers, aid), unlike troops leaving ground (RETREAT).
    **{
        (verb, noun): Trigger("SANCTION", "withdraw")
        for verb in ("withdraw", "recall", "pull")
        for noun in (
            "inspectors",
            "observers",
            "monitors",
            "peacekeepers",
            "diplomats",
            "envoy",
            "ambassadors",
            "staff",
            "mission",
            "embassy",
        )
    },
    # "laid down their arms" ("lay down the strategy" is not disarming).
    ("lay", "arms"): Trigger("RETREAT", "disarm"),
    ("lay", "weapons"): Trigger("RETREAT", "disarm"),
    ("reach", "agreement"): Trigger("AGREE", None),
    ("express", "support"): Trigger("SUPPORT", None),
    ("express", "solidarity"): Trigger("SUPPORT", None),
    ("express", "condolences"): Trigger("SUPPORT", None),
    ("join", "forces"): Trigger("COOPERATE", None),
    ("join", "coalition"): Trigger("COOPERATE", None),
    **{
        ("summon", noun): Trigger("ACCUSE", "disapprove")
        for noun in ("ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats")
    },
    # CAMEO 111 / 114: a formal complaint or a voiced objection disapproves; opposition
    # voiced rejects, as "opposed" does.
    **{
        (verb, noun): Trigger("ACCUSE", "disapprove")
        for verb in ("lodge", "file")
        for noun in ("complaint", "complaints", "protests")
    },
    **{
        (verb, "opposition"): Trigger("REJECT", None)
        for verb in ("express", "voice", "reiterate", "restate")
    },
    # CAMEO 10: a call renewed is made again ("demand" and "appeal" are noun triggers, whose
    # content names the party: "reiterated its demand that *Israel* ease…").
    **{
        (verb, noun): Trigger("REQUEST", None)
        for verb in ("renew", "reiterate", "repeat", "restate")
        for noun in ("call", "calls")
    },
    ("return", "territory"): Trigger("RETREAT", "withdraw"),
    ("put", "alert"): Trigger("MOBILIZE", "troops"),
    # CAMEO 062 (COOPERATE, military): training, arming or equipping another's fighters.
    **{
        (verb, noun): Trigger("COOPERATE", None)
        for verb in ("train", "arm", "equip")
        for noun in (
            "forces",
            "troops",
            "soldiers",
            "fighters",
            "police",
            "army",
            "rebels",
            "militias",
            "militiamen",
            "recruits",
        )
    },
    # CAMEO 071 (AID, economic): a loan or credit granted.
    **{
        (verb, noun): Trigger("AID", None)
        for verb in ("approve", "grant", "extend", "disburse")
        for noun in ("loan", "loans", "credit", "credits", "bailout")
    },
    ("reach", "deal"): Trigger("AGREE", None),
    ("lodge", "protest"): Trigger("ACCUSE", "disapprove"),
    ("reduce", "supplies"): Trigger("SANCTION", "discontinue"),
    ("reduce", "aid"): Trigger("SANCTION", "discontinue"),
    ("force", "out"): Trigger("SANCTION", "expel"),
    ("strengthen", "forces"): Trigger("MOBILIZE", "troops"),
    ("reinforce", "troops"): Trigger("MOBILIZE", "troops"),
    **{
        ("block", noun): Trigger("PROTEST", "obstruct")
        for noun in ("road", "roads", "roadway", "bridge", "highway", "traffic", "transport")
    },
    # CAMEO 191 (COERCE "restrict"): stopping others' movement or supplies.
    **dict.fromkeys((("block", noun) for noun in _BLOCKED), Trigger("COERCE", "restrict")),
    ("hold", "talks"): Trigger("CONSULT", None),
    ("walk", "out"): Trigger("PROTEST", "demo"),
    ("call", "up"): Trigger("MOBILIZE", "troops"),
    **{
        ("seek", noun): Trigger("REQUEST", None)
        for noun in (
            "aid",
            "help",
            "assistance",
            "asylum",
            "support",
            "extradition",
            "release",
            "talks",
            "compensation",
            "clarification",
            "protection",
            "guarantees",
        )
    },
    # RETREAT "access" (manual 0.8; CAMEO 086, 0861-0863): letting observers, inspectors,
    # peacekeepers or aid in. Aid *received* is the giver's act (the noun "aid", AID), not a
    # door opened: "Kiev received military aid from Washington".
    **{
        (verb, noun): Trigger("RETREAT", "access")
        for verb in ("receive", "admit", "accept", "allow", "welcome", "permit")
        for noun in (
            "peacekeepers",
            "peacekeeper",
            "observers",
            "inspectors",
            "monitors",
            "mission",
            "aid",
            "access",
            "convoy",
            "convoys",
            "investigators",
        )
        if not (verb == "receive" and noun == "aid")
    },
    **{(verb, "access"): Trigger("RETREAT", "access") for verb in ("grant", "restore")},
    # CAMEO 0831 (CONCEDE): giving up power to others.
    **{
        (verb, "power"): Trigger("CONCEDE", None)
        for verb in ("hand", "transfer", "cede", "relinquish", "surrender")
    },
    # AID (CAMEO 074): providing military protection or peacekeepers is aid, not a mobilization.
    **{
        (verb, noun): Trigger("AID", None)
        for verb in ("send", "deploy", "dispatch", "contribute", "commit", "provide", "offer")
        for noun in PEACEKEEPING_WORDS
    },
    ("contribute", "troops"): Trigger("MOBILIZE", "troops"),
    **{
        (verb, "alert"): Trigger("MOBILIZE", "troops")
        for verb in ("remain", "place", "go", "stay", "keep")
    },
    ("call", "reservists"): Trigger("MOBILIZE", "troops"),
    # CAMEO 150/154 (MOBILIZE): scrambling aircraft, sending warships or a carrier.
    **{
        ("scramble", noun): Trigger("MOBILIZE", "troops")
        for noun in ("jets", "fighters", "aircraft", "warplanes", "planes", "interceptors")
    },
    **{
        (verb, noun): Trigger("MOBILIZE", "troops")
        for verb in ("send", "deploy", "dispatch")
        for noun in ("carrier", "carriers", "warship", "warships", "destroyer", "destroyers")
    },
    **{
        (verb, noun): Trigger("ASSAULT", None)  # CAMEO 196: violate a ceasefire
        for verb in ("violate", "breach", "break")
        for noun in ("ceasefire", "cease-fire", "truce", "armistice")
    },
    # Pairs of PETRARCH2's CAMEO verb dictionary (read as a reference, 2026-11-25) that the
    # lexicon lacked; none taken from a GSR record.
    **{("wage", noun): Trigger("ASSAULT", None) for noun in ("war", "wars")},
    **{("launch", noun): Trigger("ASSAULT", None) for noun in ("operation", "operations")},
    **{
        ("plant", noun): Trigger("ASSAULT", "explosives")
        for noun in ("bomb", "bombs", "explosives", "mine", "mines", "landmines", "device")
    },
    **{
        (verb, noun): Trigger("ASSAULT", "abduct")
        for verb in ("take", "hold", "seize")
        for noun in ("hostage", "hostages")
    },
    **{
        ("amass", noun): Trigger("MOBILIZE", "troops")
        for noun in ("troops", "soldiers", "forces", "tanks")
    },
    ("clamp", "down"): Trigger("COERCE", "restrict"),
    ("set", "ablaze"): Trigger("ASSAULT", None),
    # "struck a deal": an agreement reached, no blow (CAMEO 057 is signing; striking a
    # deal is agreeing).
    **{
        ("strike", noun): Trigger("AGREE", None)
        for noun in ("deal", "deals", "agreement", "accord", "bargain", "compromise", "pact")
    },
    # CAMEO 072 (AID military): selling arms to a state ("approved the sale of F-16 jets").
    **{
        ("sell", noun): Trigger("AID", None)
        for noun in ("arms", "weapons", "jets", "missiles", "tanks", "fighters", "drones")
    },
    ("cordon", "off"): Trigger("COERCE", "restrict"),
    ("hunt", "down"): Trigger("COERCE", "arrest"),
    **{("issue", noun): Trigger("COERCE", "arrest") for noun in ("warrant", "warrants")},
    **{("close", noun): Trigger("SANCTION", "withdraw") for noun in ("embassy", "embassies")},
    **{("drop", noun): Trigger("CONCEDE", None) for noun in ("charges", "charge")},
    **{
        ("impose", noun): Trigger("COERCE", "restrict")
        for noun in ("restrictions", "restriction", "curbs", "limits", "ban", "controls")
    },
    **{
        ("disperse", noun): Trigger("ASSAULT", "crowd-control")
        for noun in ("protesters", "demonstrators", "crowd", "crowds", "protest", "rally")
    },
    # CAMEO 073: evacuating the wounded or civilians is humanitarian aid, not a retreat.
    **{
        ("evacuate", noun): Trigger("AID", None)
        for noun in ("wounded", "injured", "civilians", "residents", "refugees", "children")
    },
    **{
        ("reopen", noun): Trigger("CONCEDE", None)
        for noun in ("border", "borders", "crossing", "crossings")
    },
    ("reopen", "embassy"): Trigger("SUPPORT", None),
    # CAMEO 191: closing borders or airspace restricts movement; 1721: silencing the press.
    **{("close", noun): Trigger("COERCE", "restrict") for noun in _CLOSED_PASSAGES},
    # CAMEO 172 and 191 (PETRARCH2's verb dictionary as a reference): tightening controls,
    # stopping ships at sea.
    **{
        ("tighten", noun): Trigger("COERCE", "restrict")
        for noun in ("restrictions", "curfew", "controls", "grip")  # "blockade": a noun trigger
    },
    **{
        ("intercept", noun): Trigger("COERCE", "restrict")
        for noun in ("vessel", "vessels", "ship", "ships", "boat", "boats", "convoy", "tanker")
    },
    **{("chant", noun): Trigger("PROTEST", "demo") for noun in ("slogans", "slogan")},
    # Crowds going out in protest: "took to the streets", "poured into the streets" (the
    # plural only: "took the street to the left" goes somewhere).
    **{
        (verb, "streets"): Trigger("PROTEST", "demo") for verb in ("take", "pour", "flood", "spill")
    },
    # CAMEO 12 (REJECT): ignoring or resisting what another asks ("ignored an *ultimatum*",
    # "resisted German *pressure*"), and the phrasal verbs of dismissal.
    **{
        (verb, noun): Trigger("REJECT", None)
        for verb in ("ignore", "resist")
        for noun in (
            "ultimatum",
            "pressure",
            "call",
            "calls",
            "demand",
            "demands",
            "appeal",
            "appeals",
            "request",
            "requests",
            "plea",
            "pleas",
            "warning",
            "warnings",
        )
    },
    ("brush", "aside"): Trigger("REJECT", None),
    ("shrug", "off"): Trigger("REJECT", None),
    ("vote", "down"): Trigger("REJECT", None),
    ("block", "extradition"): Trigger("REJECT", None),
    # CAMEO 138 (THREATEN "violence"): vowing revenge; CAMEO 130: issuing a warning.
    **{
        ("vow", noun): Trigger("THREATEN", "violence")
        for noun in ("revenge", "retaliation", "reprisals", "vengeance")
    },
    **{("issue", noun): Trigger("THREATEN", None) for noun in ("warning", "warnings")},
    **{
        (verb, noun): Trigger("COERCE", "censor")
        for verb in ("close", "shut", "suspend")
        for noun in ("newspaper", "newspapers", "publication", "station", "website")
    },
    # CAMEO 164: calling off talks or a visit halts negotiations.
    **{
        (verb, noun): Trigger("SANCTION", "withdraw")
        for verb in ("cancel", "suspend", "break", "postpone")
        for noun in ("talks", "negotiations", "visit", "meeting", "summit")
    },
    # CAMEO 12: denying someone entry, access or a request rejects it (a bare "denied" is a
    # denial of a claim, which PLOVER does not code).
    **{
        ("deny", noun): Trigger("REJECT", None)
        for noun in (
            "access",
            "entry",
            "permission",
            "request",
            "requests",
            "visa",
            "visas",
            "allocation",
            "application",
            "asylum",
        )
    },
    ("build", "up"): Trigger("MOBILIZE", "troops"),
    **{
        (verb, noun): Trigger("ASSAULT", "primitive")
        for verb in ("throw", "hurl", "pelt")
        for noun in ("stones", "rocks", "bricks", "firebombs")
    },
    **{
        (verb, noun): Trigger("ASSAULT", "explosives")
        for verb in ("throw", "hurl", "lob")
        for noun in ("grenade", "grenades", "explosives")
    },
    # CAMEO 190/195 (ASSAULT): lobbing mortar rounds or shells; spraying with bullets.
    **{
        ("lob", noun): Trigger("ASSAULT", None)
        for noun in ("mortars", "mortar", "shells", "rockets", "bombs")
    },
    **{("spray", noun): Trigger("ASSAULT", "firearms") for noun in ("bullets", "gunfire")},
    ("gun", "down"): Trigger("ASSAULT", "firearms"),
    ("hack", "death"): Trigger("ASSAULT", "primitive"),
    ("seek", "help"): Trigger("REQUEST", None),
    ("seek", "aid"): Trigger("REQUEST", None),
    ("seek", "support"): Trigger("REQUEST", None),
    ("seek", "assistance"): Trigger("REQUEST", None),
    # CAMEO 04 (CONSULT): sending someone to talk; a mediator mediates (PLOVER "third-party").
    **{
        (verb, noun): Trigger("CONSULT", "third-party" if noun.startswith("media") else None)
        for verb in ("send", "dispatch")
        for noun in ("mediator", "mediators", "envoy", "envoys", "emissary", "emissaries")
    },
    # CAMEO 190 (ASSAULT): an exchange of fire, each side the other's target.
    **{
        (verb, noun): Trigger("ASSAULT", "firearms")
        for verb in ("exchange", "trade")
        for noun in ("fire", "gunfire", "shots")
    },
    # CAMEO 0841 (RETREAT "release"): returning or releasing persons, in a swap too.
    **{
        (verb, noun): Trigger("RETREAT", "release")
        for verb in ("release", "exchange", "swap", "hand")
        for noun in ("prisoners", "hostages", "detainees", "captives", "prisoners-of-war")
    },
    # CAMEO 162, 1621-1623 (SANCTION "discontinue"): reducing or stopping aid.
    **{
        (verb, noun): Trigger("SANCTION", "discontinue")
        for verb in ("stop", "cut", "halt", "suspend", "freeze", "withhold", "end", "slash")
        for noun in ("aid", "assistance", "funding")
    },
    # Tariffs raised against a state reduce relations ("imposed tariffs on US goods").
    **{
        (verb, noun): Trigger("SANCTION", "discontinue")
        for verb in ("impose", "slap", "levy")
        for noun in ("tariffs", "tariff", "duties")
    },
    # CAMEO 163 (SANCTION): an embargo or boycott, i.e. banning trade or travel with another
    # state ("banned charter flights to Turkey"); banning parties, rallies or papers stays
    # COERCE "restrict" (CAMEO 172).
    **{
        (verb, noun): Trigger("SANCTION", "discontinue")
        for verb in ("ban", "bar", "prohibit", "halt", "suspend", "stop", "cut", "withhold")
        for noun in _TRADE_AND_TRAVEL
    },
    # CAMEO 172 (COERCE): an authority ordering a body to close, stop or leave
    # ("ordered the opposition newspaper to suspend publication"); an order to do anything
    # else stays a REQUEST.
    **{("order", act): Trigger("COERCE", None) for act in _CLOSING},
    # CAMEO 154 (MOBILIZE "troops"): increasing armed forces.
    **{
        (verb, noun): Trigger("MOBILIZE", "troops")
        for verb in ("increase", "boost", "expand", "double", "triple", "bolster")
        for noun in ("troops", "forces", "soldiers", "presence")
    },
    # Manual 0.8 SANCTION "convict" (CAMEO 116): finding someone guilty or liable; the
    # adjective is the verb's predicate ("found the journalist guilty of espionage").
    ("find", "guilty"): Trigger("SANCTION", "convict"),
    ("find", "liable"): Trigger("SANCTION", "convict"),
    # CAMEO 041 (CONSULT "phone"): talking by telephone.
    **{(verb, "phone"): Trigger("CONSULT", "phone") for verb in ("speak", "talk", "confer")},
    # CAMEO 051 (SUPPORT): voicing support.
    ("voice", "support"): Trigger("SUPPORT", None),
    ("voice", "solidarity"): Trigger("SUPPORT", None),
    # CAMEO 064 (COOPERATE): sharing intelligence or information.
    **{
        (verb, noun): Trigger("COOPERATE", None)
        for verb in ("share", "exchange", "pool")
        for noun in ("intelligence", "information", "data")
    },
    # CAMEO 071 (AID, economic): debt relief.
    ("forgive", "debt"): Trigger("AID", None),
    ("cancel", "debt"): Trigger("AID", None),
    # CAMEO 083 (CONCEDE): acceding to demands ("agreed to the protesters' demands").
    ("agree", "demands"): Trigger("CONCEDE", None),
    ("agree", "demand"): Trigger("CONCEDE", None),
    ("bow", "pressure"): Trigger("CONCEDE", None),
    # Munitions that "slammed into" a place were fired at it; "slammed the decision" is words.
    ("slam", "into"): Trigger("ASSAULT", None),
    # CAMEO 173 (COERCE "arrest"): mass arrests.
    ("round", "up"): Trigger("COERCE", "arrest"),
    # Manual 0.8 SANCTION "discontinue": listing a group as terrorist is a sanction.
    **{
        ("designate", noun): Trigger("SANCTION", "discontinue")
        for noun in ("organization", "organisation", "terrorists", "terrorist", "entity")
    },
    # CAMEO 151 and 153 (MOBILIZE "police"): raising police alert or police power ("stepped
    # up security in the capital", "deployed riot police").
    **{
        (verb, noun): Trigger("MOBILIZE", "police")
        for verb in ("tighten", "heighten", "step", "beef")  # not "boost economic security"
        for noun in ("security", "patrols", "vigilance", "checkpoints")
    },
    **{
        (verb, noun): Trigger("MOBILIZE", "police")
        for verb in ("increase", "intensify", "double")
        for noun in ("patrols", "checkpoints")
    },
    **{
        (verb, noun): Trigger("MOBILIZE", "police")
        for verb in ("send", "deploy", "dispatch", "mass", "mobilize", "mobilise")
        for noun in ("police", "policemen", "gendarmes", "officers")
    },
    # CAMEO 154 (MOBILIZE): moving forces or weapons somewhere.
    **{
        ("move", noun): Trigger("MOBILIZE", "troops")
        for noun in ("troops", "forces", "soldiers", "tanks", "missiles", "warships", "artillery")
    },
    # CAMEO 150 (MOBILIZE "weapons"): a show of military power.
    **{
        ("parade", noun): Trigger("MOBILIZE", "weapons")
        for noun in ("missiles", "weapons", "tanks", "rockets", "warplanes")
    },
    # CAMEO 184 (ASSAULT "abduct"): using people as human shields.
    ("use", "shields"): Trigger("ASSAULT", "abduct"),
    # Manual 0.8 SANCTION "withdraw": leaving talks, a mediation, an agreement or a group
    # (CAMEO 164-166); troops withdrawing from a place stay RETREAT.
    **{
        ("withdraw", noun): Trigger("SANCTION", "withdraw")
        for noun in (
            "talks",
            "negotiations",
            "mediation",
            "deal",
            "agreement",
            "accord",
            "treaty",
            "pact",
            "alliance",
            "coalition",
            "organization",
            "organisation",
            "council",
        )
    },
    # CAMEO 053 (SUPPORT): rallying support on someone's behalf.
    **{(verb, "support"): Trigger("SUPPORT", None) for verb in ("rally", "mobilize", "mobilise")},
    # CAMEO 0872 (RETREAT "withdraw"): easing a military blockade or siege ends an act of
    # conflict; lifting sanctions or a ban stays CONCEDE (manual 0.8).
    **{
        (verb, noun): Trigger("RETREAT", "withdraw")
        for verb in ("lift", "ease", "end")
        for noun in ("blockade", "siege")
    },
    # Manual 0.8 COERCE "censor": restricting access to information ("shut down the internet").
    **{
        (verb, noun): Trigger("COERCE", "censor")
        for verb in ("shut", "cut", "block", "restrict", "suspend")
        for noun in ("internet", "broadband", "telecommunications")
    },
    # Manual 0.8 COERCE "seize": confiscating property; seizing ground stays ASSAULT.
    **{
        ("seize", noun): Trigger("COERCE", "seize")
        for noun in (
            "weapons",
            "arms",
            "ammunition",
            "cache",
            "assets",
            "property",
            "documents",
            "equipment",
            "tanker",
            "ship",
            "vessel",
            "cargo",
            "passports",
        )
    },
}

#: Nouns of the acts of verbs in the verb-and-object lexicon, which take the verb's object in
#: an "of" phrase: "the *seizure* of a tanker" is "seized a tanker" (COERCE "seize"), not the
#: seizure of ground the noun alone means.
NOMINALIZED_VERBS: Final[dict[str, str]] = {
    "seizure": "seize",
    "withdrawal": "withdraw",
    "expulsion": "expel",
    "deployment": "deploy",
    "closure": "close",
    "suspension": "suspend",
    "postponement": "postpone",
    "cancellation": "cancel",
    "delivery": "deliver",
    "imposition": "impose",
    "interception": "intercept",
    "violation": "violate",
    "shipment": "ship",
    "provision": "provide",
    "resumption": "resume",
    "restoration": "restore",
    "acceptance": "accept",
    "sale": "sell",
    "sales": "sell",
}

#: Noun triggers a modifier changes: a hunger strike is a protest, not an air strike.
COMPOUND_TRIGGERS: Final[dict[tuple[str, str], Trigger]] = {
    ("hunger", "strike"): Trigger("PROTEST", "hunger"),
    ("general", "strike"): Trigger("PROTEST", "strike"),
    ("labour", "strike"): Trigger("PROTEST", "strike"),
    ("labor", "strike"): Trigger("PROTEST", "strike"),
    ("war", "games"): Trigger("COOPERATE", None),
    ("arms", "sale"): Trigger("AID", None),
    ("arms", "sales"): Trigger("AID", None),
    ("weapons", "sale"): Trigger("AID", None),
    ("weapons", "sales"): Trigger("AID", None),
    # CAMEO 064: "resumed *intelligence sharing*"
    **{
        (what, act): Trigger("COOPERATE", None)
        for what in ("intelligence", "information")
        for act in ("sharing", "exchange", "exchanges")
    },
    ("joint", "exercises"): Trigger("COOPERATE", None),
    ("joint", "exercise"): Trigger("COOPERATE", None),
    ("joint", "patrols"): Trigger("COOPERATE", None),
    ("joint", "drills"): Trigger("COOPERATE", None),
    ("air", "campaign"): Trigger("ASSAULT", "aerial"),
    ("bombing", "campaign"): Trigger("ASSAULT", "aerial"),
    # "began *lifting sanctions* on Cuba", "considering *easing sanctions*": the parse reads
    # the verb as the noun's modifier, and the pair is sanctions relief (CONCEDE), not a sanction.
    **{
        (verb, noun): Trigger("CONCEDE", None)
        for verb in ("lifting", "easing", "relaxing", "loosening")
        for noun in ("sanction", "sanctions", "embargo", "embargoes", "ban")
    },
    **{
        (verb, noun): Trigger("RETREAT", "withdraw")
        for verb in ("lifting", "easing")
        for noun in ("blockade", "siege")
    },
    ("joint", "manoeuvres"): Trigger("COOPERATE", None),
    ("joint", "maneuvers"): Trigger("COOPERATE", None),
    ("peace", "talks"): Trigger("CONSULT", None),
    ("military", "operation"): Trigger("ASSAULT", None),
    ("ground", "operation"): Trigger("ASSAULT", None),
    ("military", "operations"): Trigger("ASSAULT", None),
    ("mediation", "effort"): Trigger("CONSULT", "third-party"),
    ("mediation", "efforts"): Trigger("CONSULT", "third-party"),
    ("mediation", "mission"): Trigger("CONSULT", "third-party"),
    ("cyber", "attack"): Trigger("COERCE", "cyber"),
    # Manual 0.8: single-country exercises are MOBILIZE; joint ones (above) COOPERATE.
    **{
        (modifier, noun): Trigger("MOBILIZE", "troops")
        for modifier in ("military", "naval", "live-fire", "army")
        for noun in ("exercises", "exercise", "drills", "drill", "maneuvers", "manoeuvres")
    },
    ("cyber", "attacks"): Trigger("COERCE", "cyber"),
    **{
        (modifier, noun): Trigger("MOBILIZE", "weapons")
        for modifier in ("missile", "nuclear", "rocket", "weapons", "weapon")
        for noun in ("test", "tests", "launch", "launches")
    },
}

#: Types that are verbal acts about another act: "urged X to withdraw" is one REQUEST, "agreed
#: to cooperate" one AGREE — the act they are about is their content, not a second event.
VERBAL_TYPES: Final = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT"})
#: Cooperative and conflictual types, for the PLOVER rule that an intended cooperative act is
#: AGREE and an intended conflictual act THREATEN (never "type + future").
COOPERATIVE_TYPES: Final = frozenset(
    {"SUPPORT", "AID", "RETREAT", "CONSULT", "COOPERATE", "CONCEDE", "AGREE"}
)
CONFLICT_TYPES: Final = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
#: THREATEN's mode is the content of the threat.
THREAT_MODES: Final[dict[str, str]] = {
    "ASSAULT": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
    "MOBILIZE": "violence",
    "PROTEST": "restrict",
}

#: Verbs that only carry a nominal trigger ("carried out strikes", "launched an offensive"):
#: the noun is the event, the verb's subject its actor.
LIGHT_VERBS: Final = frozenset(
    [
        "carry",
        "conduct",
        "launch",
        "stage",
        "mount",
        "hold",
        "make",
        "wage",
        "step",
        "continue",
        "begin",
        "start",
        "lead",
        "intensify",
        "escalate",
        "undertake",
        "perform",
        "fly",
    ]
)

#: Weapon words in the sentence that make an ASSAULT's mode precise.
_WEAPON_MODES: Final[dict[str, str]] = {
    **dict.fromkeys(
        [
            "warplane",
            "warplanes",
            "jets",
            "jet",
            "bombers",
            "bomber",
            "aircraft",
            "airstrike",
            "airstrikes",
        ],
        "aerial",
    ),
    **dict.fromkeys(["helicopter", "helicopters", "gunships", "sorties", "air"], "aerial"),
    **dict.fromkeys(["drone", "drones", "uav", "uavs"], "drone"),
    **dict.fromkeys(
        [
            "artillery",
            "shells",
            "mortar",
            "mortars",
            "rockets",
            "rocket",
            "missiles",
            "missile",
            "tank",
            "tanks",
        ],
        "heavy-weapons",
    ),
    **dict.fromkeys(
        [
            "ied",
            "ieds",
            "bomb",
            "bombs",
            "explosives",
            "explosive",
            "landmine",
            "landmines",
            "mine",
        ],
        "explosives",
    ),
    **dict.fromkeys(["suicide"], "suicide-attack"),
    **dict.fromkeys(
        ["gunmen", "gunman", "rifles", "guns", "gunfire", "sniper", "snipers"], "firearms"
    ),
}


#: Modifiers of a bombing that say the bomb was planted or driven, not dropped: "a *truck*
#: bombing", "a *roadside* bomb".
_PLANTED: Final = frozenset(
    {"car", "truck", "lorry", "roadside", "vehicle", "motorcycle", "bicycle", "parcel", "van"}
)


def assault_mode(words: list[str], modifiers: Collection[str] = ()) -> str | None:
    """The ASSAULT mode the sentence's weapon words point to, the most specific first;
    ``modifiers`` are the trigger's own ("car" in "car bombing")."""
    found = {_WEAPON_MODES[w] for w in words if w in _WEAPON_MODES}
    if _PLANTED.intersection(modifiers):
        found = (found & {"suicide-attack"}) or {"explosives"}
    for mode in ("suicide-attack", "drone", "aerial", "heavy-weapons", "explosives", "firearms"):
        if mode in found:
            return mode
    return None


#: PLOVER quad class of each type (README of the PLOVER repository).
QUAD: Final[dict[str, str]] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), "material conflict"),
}
PLOVER_TYPES: Final = tuple(QUAD)


def hyphenated_words() -> frozenset[str]:
    """The lexicon's words written with a hyphen, in the forms a text writes them ("a
    *cease-fire*", "two *sit-ins*", "was *re-arrested*"): the tokenizer must keep each one
    token, or the trigger is never seen."""
    words: set[str] = set()
    for noun in NOUN_TRIGGERS:
        if "-" in noun:
            words |= {noun, noun + "s"}
    for verb in VERB_TRIGGERS:
        if "-" in verb:
            words |= inflections(verb)
    for pair in (*VERB_OBJECT_TRIGGERS, *COMPOUND_TRIGGERS):
        words.update(word for word in pair if "-" in word)
    return frozenset(words)
