"""Conflict verbs used figuratively: elections won and lost, opponents attacked in words.

Political news borrows the vocabulary of war: a candidate *captures* Texas, *beats* a rival,
*loses* Ohio; a senator *attacks* or *hits* an opponent in a speech. Coded literally these are
ASSAULT events between politicians, which is noise to an analyst of a conflict. The tests here
look only at the sentence and the parties: an electoral sentence without an armed party is no
act of force, and an "attack" by one person on another with no weapon or casualty in the
sentence is criticism (PLOVER ACCUSE "disapprove", as CAMEO codes verbal attacks).
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Span, Token

from parallax.extract.event_lexicon import assault_mode
from parallax.extract.syntax import NAMED, case_of, is_people, mark_of
from parallax.nlp.lemmas import forms_of
from parallax.schema import Actor

#: Words that place a sentence in an election (lemmas and lower-case forms); not "campaign"
#: or "race", which wars and peoples have too.
_ELECTORAL: Final = frozenset(
    {
        "primary", "primaries", "caucus", "caucuses", "delegate", "delegates", "nomination",
        "election", "elections", "vote", "votes", "voter", "voters", "ballot", "poll", "polls",
        "candidate", "candidates", "nominee", "runoff", "electorate", "contest", "contests",
        "percent", "points",
    }
)  # fmt: skip

#: Trigger lemmas that also name winning or losing a contest.
_CONTEST_VERBS: Final = frozenset(
    {"capture", "take", "lose", "seize", "beat", "defeat", "sweep", "overrun", "retake", "win"}
)

#: Words of fighting that elections borrow.
_CAMPAIGN_FIGHTS: Final = frozenset({"battle", "fight", "fighting", "clash", "war"})

#: Trigger lemmas that also name a verbal attack.
_VERBAL_ATTACKS: Final = frozenset(
    {"attack", "hit", "target", "pound", "assault", "slam", "blast", "assail", "savage"}
)

#: Sectors of parties that fight with arms: their captures and attacks are literal.
_ARMED: Final = frozenset({"MIL", "REB", "INS", "UAF", "COP", "SPY"})

#: Words of injury or death: an attack that wounds is no speech.
_HARM: Final = frozenset(
    {
        "killed", "killing", "dead", "death", "deaths", "wounded", "injured", "injuring",
        "shot", "stabbed", "bomb", "bombs", "gunman", "gunmen", "weapon", "weapons",
        "knife", "gun", "guns", "police", "troops", "soldiers", "militants", "victims",
    }
)  # fmt: skip

#: Words of land: an object that is ground can be captured or lost in a war.
_GROUND: Final = frozenset(
    {
        "town", "towns", "city", "cities", "village", "villages", "territory", "ground",
        "base", "bases", "airport", "area", "areas", "region", "province", "district",
        "control", "positions", "position", "stronghold", "strongholds", "border", "hill",
        "island", "port", "capital", "neighbourhood", "neighborhood", "oilfield", "dam",
        "part", "parts", "swathes", "swaths", "land", "lands", "caliphate", "enclave",
    }
)  # fmt: skip


def _armed(actor: Actor | None) -> bool:
    return actor is not None and actor.sector in _ARMED


def _person(token: Token | None) -> bool:
    """A person named or pointed to ("Clinton", "he"), the usual party of a political
    contest or quarrel."""
    if token is None:
        return False
    return token.ent_type_ == "PERSON" or token.lower_ in ("he", "she", "him", "her", "his")


def electoral(trigger: Token, sentence: Span, actor: Actor | None) -> bool:
    """ "Ted Cruz has *captured* Texas", "Trump clinched Florida, *beating* Rubio", "Sanders
    *lost* Ohio to Clinton": a contest verb in a sentence about an election, with no armed
    party doing it, is a result, not an act of force."""
    forms = forms_of(trigger)
    if _armed(actor):
        return False
    words = {t.lower_ for t in sentence} | {t.lemma_.lower() for t in sentence}
    if not _ELECTORAL & words:
        return False
    if _CONTEST_VERBS.intersection(forms):
        return True
    # "a tumultuous delegate *battle*", "continue *fighting* for the nomination": a fight in
    # an election with no one armed and no one hurt is the campaign.
    return bool(_CAMPAIGN_FIGHTS.intersection(forms)) and not _HARM.intersection(words)


def lost_nothing_of_ground(trigger: Token) -> bool:
    """ "Lost his son", "lost 350,000 jobs", "losing their homes": losing is an act of war
    only when what is lost is ground ("lost Sinjar", "lost control of the town")."""
    if "lose" not in forms_of(trigger):
        return False
    lost = next((c for c in trigger.children if c.dep_ == "obj"), None)
    if lost is None or any(c.dep_ == "obl" and case_of(c) == "to" for c in trigger.children):
        return False  # "lost to Kurdish forces", "lost X *to* Y": taken by someone
    for word in lost.subtree:  # "lost *important parts of its caliphate*"
        if word.pos_ == "PROPN" or word.ent_type_ in ("GPE", "LOC", "FAC") or word.is_title:
            return False  # a name: a place, or a contest the electoral test judges
        if _GROUND.intersection(forms_of(word)):
            return False
    return True


def verbal_attack(
    trigger: Token, sentence: Span, actor_head: Token | None, recipient_head: Token | None
) -> bool:
    """ "Clinton *attacked* Trump, saying…", "Sanders' *attacks* on Clinton", "a new ad
    *hitting* Trump": a person attacking a person, with no weapon, wound or armed force in the
    sentence, attacks in words."""
    if not _VERBAL_ATTACKS.intersection(forms_of(trigger)):
        return False
    if not (_person(actor_head) and _person(recipient_head)):
        return False
    words = [t.lower_ for t in sentence]
    return assault_mode(words) is None and not _HARM.intersection(words)


#: Words of the people or delegations a host receives.
_VISITORS: Final = frozenset(
    {
        "delegation", "delegations", "envoy", "envoys", "ambassador", "ambassadors",
        "minister", "ministers", "president", "king", "prince", "leader",
        "leaders", "official", "officials", "counterpart", "counterparts", "visitor",
        "visitors", "emissary", "premier", "chancellor", "secretary", "representatives",
    }
)  # fmt: skip

#: What can be offered as an act: help, talks, a concession ("offered *no proof*" is none).
_OFFERABLE: Final = frozenset(
    {
        "help", "aid", "assistance", "support", "talks", "negotiations", "ceasefire",
        "truce", "deal", "concession", "concessions", "asylum", "amnesty", "troops",
        "weapons", "arms", "money", "funds", "loan", "loans", "compromise", "plan",
        "proposal", "peace", "cooperation", "mediation", "guarantee", "guarantees",
        "incentives", "protection", "refuge", "access", "dialogue", "resignation",
        "security", "training", "reward", "ransom", "exchange", "release", "solution",
    }
)  # fmt: skip

#: Entity labels of names a trigger word can be part of ("the US *Conference* of Mayors").
_NAME_LABELS: Final = frozenset({"ORG", "FAC", "PERSON", "WORK_OF_ART", "LAW", "PRODUCT"})


#: What a host can hold: "host *a meeting* between Israel and the PLO".
_GATHERINGS: Final = frozenset(
    {"meeting", "talks", "summit", "conference", "negotiations", "visit", "round", "session"}
)


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, or for "gathered *to discuss*" / "were there *to discuss*" the
    subject of the verb it completes."""
    current = verb
    while True:
        subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is not None or current.dep_ not in ("xcomp", "advcl") or current.head == current:
            return subject
        current = current.head


def _party(token: Token) -> bool:
    return token.ent_type_ in NAMED or bool(_VISITORS.intersection(forms_of(token)))


def no_interaction(verb: Token) -> bool:
    """Consultation verbs that name no one consulted: "talking *about* a Senate on a knife's
    edge" (discourse, not talks: a talk is *with* someone), "in discussing the scandals"
    with no one to discuss them with, "received quarterly bonuses", "hosts a talk show",
    "offered no proof"."""
    forms = forms_of(verb)
    cases = {
        g.lower_
        for c in verb.children
        if c.dep_ in ("obl", "nmod")
        for g in c.children
        if g.dep_ == "case"
    }
    if "talk" in forms and "with" not in cases and cases & {"about", "of"}:
        return True
    if "discuss" in forms and "with" not in cases:
        subject = _subject_of(verb)
        together = subject is not None and (
            subject.tag_ in ("NNS", "NNPS")
            or subject.lower_ in ("they", "we")
            or subject.ent_type_ in ("ORG", "NORP")  # a council, a people's leaders
            or any(c.dep_ == "conj" for c in subject.children)
        )
        return not together
    if forms and {"receive", "host"}.intersection(forms):
        guest = next((c for c in verb.children if c.dep_ in ("obj", "nsubj:pass")), None)
        return guest is None or not (_party(guest) or _GATHERINGS.intersection(forms_of(guest)))
    if "offer" in forms:
        offered = next((c for c in verb.children if c.dep_ == "obj"), None)
        if offered is None or any(c.dep_ == "xcomp" for c in verb.children):
            return False
        return not _OFFERABLE.intersection(forms_of(offered)) and not _party(offered)
    return False


def part_of_a_name(noun: Token) -> bool:
    """A trigger word inside a name ("the US *Conference* of Mayors", "the Organization for
    Security and *Co-operation*") names a body, not an act."""
    return noun.ent_type_ in _NAME_LABELS


#: What a request for comment or an interview asks for: a reply to a reporter, no act.
_PRESS_REQUESTS: Final = frozenset({"comment", "comments", "interview", "interviews"})


def press_request(noun: Token) -> bool:
    """ "Did not respond to requests *for comment*", "his interview requests": a reporter's
    request, not a demand one party makes of another."""
    if not {"request", "requests"}.intersection(forms_of(noun)):
        return False
    return any(
        c.dep_ in ("nmod", "compound") and _PRESS_REQUESTS.intersection(forms_of(c))
        for c in noun.children
    )


def question_asked(verb: Token) -> bool:
    """ "Maria Bartiromo asked, 'You think…?'", "nervous to ask a question", "when asked
    about his views": asking a question is no request; asking someone *to* act or *for*
    something is."""
    if "ask" not in forms_of(verb):
        return False
    for child in verb.children:
        if child.dep_ == "xcomp" or (child.dep_ == "advcl" and mark_of(child) == "to"):
            return False  # "asked Turkey to close the border"
        if child.dep_ in ("obl", "nmod") and case_of(child) == "for":
            return False  # "asked for help"
        if child.dep_ == "ccomp" and mark_of(child) == "that":
            return False  # "asked that the UN intervene"
    return True


def politeness(verb: Token) -> bool:
    """ "Thank you": a courtesy, not a party praising another."""
    return "thank" in forms_of(verb) and any(
        c.dep_ == "obj" and c.lower_ == "you" for c in verb.children
    )


#: Offices a superior dismisses someone from: "dismissed *the defence minister*".
_OFFICES: Final = frozenset(
    {
        "minister", "ministers", "chief", "chiefs", "commander", "commanders", "general",
        "generals", "official", "officials", "governor", "governors", "ambassador", "envoy",
        "head", "director", "premier", "judge", "judges", "prosecutor", "aide", "aides",
        "adviser", "advisor", "secretary", "spokesman", "spokeswoman", "cabinet", "government",
        "officer", "officers", "staff", "employees", "coach", "manager", "editor",
    }
)  # fmt: skip


def removed_from_office(verb: Token) -> bool:
    """ "Ukraine's president dismissed the defence minister": a dismissal from office, not a
    rejection (which dismisses an appeal, a claim, an offer)."""
    if "dismiss" not in forms_of(verb):
        return False
    as_what = [
        c for c in verb.subtree if c.dep_ in ("obl", "advcl", "xcomp") and case_of(c) == "as"
    ]
    if as_what:
        # "dismissed Ivanov *as chief of staff*", but "dismissed Trump *as a clown*" is a
        # verbal rejection
        return any(c.lower_ in _OFFICES for c in as_what)
    return any(
        c.dep_ == "obj" and (c.ent_type_ == "PERSON" or c.lower_ in _OFFICES) for c in verb.children
    )


#: Sectors whose "preventing" is coercion: states' authorities and armed groups.
_COERCIVE: Final = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "REB", "INS", "UAF"})

#: Objects with which a verb of force reports no act: "beat the odds", "occupies a key role",
#: "captured the imagination", "seize the opportunity", "hit a record high", "hit the campaign
#: trail". Looked up by the object's head word (and its lemma).
_FIGURATIVE_OBJECTS: Final[dict[str, frozenset[str]]] = {
    "beat": frozenset(
        {"expectation", "expectations", "odds", "deadline", "record", "estimates", "forecasts"}
    ),
    "occupy": frozenset(
        {"role", "roles", "place", "seat", "seats", "post", "spot", "niche", "space", "stage",
         "mind", "minds", "attention", "headlines", "time", "thoughts"}
    ),
    "capture": frozenset(
        {"imagination", "attention", "mood", "spirit", "essence", "heart", "hearts", "moment",
         "headlines", "zeitgeist", "nomination", "vote", "votes", "share"}
    ),
    "seize": frozenset({"opportunity", "opportunities", "moment", "initiative", "chance"}),
    "hit": frozenset(
        {"record", "high", "low", "peak", "ceiling", "limit", "mark", "wall", "road",
         "trail", "airwaves", "stride", "jackpot", "snag", "headlines", "stores", "shelves",
         "milestone", "threshold", "note", "button"}
    ),
    # "women burning their niqabs" (the seeds), "burned the flag", "burn bridges": what is
    # burnt is a thing of one's own or a symbol, not a target
    "burn": frozenset(
        {"niqab", "niqabs", "veil", "veils", "burqa", "burqas", "flag", "flags", "effigy",
         "effigies", "tyre", "tyres", "tire", "tires", "book", "books", "passport", "passports",
         "candle", "candles", "bridge", "bridges", "calorie", "calories", "fuel", "money",
         "cash", "incense", "draft", "card", "cards"}
    ),
}  # fmt: skip


def prevented_by_no_authority(trigger: Token, actor: Actor | None) -> bool:
    """ "Prevent super PACs from buying elections", "her ailment could prevent Clinton from
    continuing": preventing is COERCE "restrict" only when an authority or an armed group
    does it ("Turkish police prevented the demonstration")."""
    if "prevent" not in forms_of(trigger):
        return False
    if actor is None:
        return True
    # a state named bare ("Turkey prevented…") has the authority; an uncoded phrase has none
    bare_state = actor.actor_id is not None and actor.actor_id == actor.country
    return actor.sector not in _COERCIVE and not bare_state


def seized_on(verb: Token) -> bool:
    """ "Republicans seized upon Mr. Trump's RT appearance": seizing *on* something is
    making use of it, not taking it."""
    if "seize" not in forms_of(verb) or any(c.dep_ == "obj" for c in verb.children):
        return False
    return any(
        c.dep_ in ("obl", "compound:prt")
        and (c.lower_ in ("on", "upon") or any(g.lower_ in ("on", "upon") for g in c.children))
        for c in verb.children
    )


def figurative_object(verb: Token) -> bool:
    """A verb of force whose object makes it no act: "to beat expectations", "occupies a key
    role", "seize the opportunity", "hit a record high", "burning their niqabs"
    (``_FIGURATIVE_OBJECTS``)."""
    forms = forms_of(verb)
    objects = next((_FIGURATIVE_OBJECTS[f] for f in forms if f in _FIGURATIVE_OBJECTS), None)
    if objects is None:
        return False
    taken = next((c for c in verb.children if c.dep_ == "obj"), None)
    return taken is not None and bool(objects.intersection(forms_of(taken)))


#: Nouns that "aid" modifies in news ("*aid* workers", "*aid* convoys"): the parse sometimes
#: reads the pair as a verb and its object.
_AID_COMPOUND_HEADS: Final = frozenset(
    {"worker", "agency", "group", "convoy", "organisation", "organization", "official"}
    | {"shipment", "delivery", "truck", "flight", "package", "programme", "program", "budget"}
)
#: Dependents that show "aid" is a verb after all: its own subject, an auxiliary, a "to".
_VERB_FRAME: Final = frozenset({"nsubj", "nsubj:pass", "aux", "aux:pass", "mark"})


def aid_as_modifier(verb: Token) -> bool:
    """ "Rebels shelled the town, *aid workers* in Nairobi said" parsed with "aid" as a verb
    coordinated with "shelled": a bare "aid" right before an aid noun, with no subject,
    auxiliary or "to" of its own, is the noun's modifier ("will aid workers" stays a verb)."""
    if verb.lower_ != "aid" or any(c.dep_ in _VERB_FRAME for c in verb.children):
        return False
    return any(
        c.dep_ == "obj" and c.i == verb.i + 1 and _AID_COMPOUND_HEADS.intersection(forms_of(c))
        for c in verb.children
    )


def allied_as_attribute(verb: Token) -> bool:
    """ "the total of US and *allied* trainers" (the seeds), "allied forces", "allied
    nations": "allied" right before a noun says which side a party is on, whatever the parse
    made of it; it reports no act of allying ("Turkey allied itself with…", "the rebels
    allied with the Kurds" stay acts)."""
    if verb.lower_ != "allied" or any(c.dep_ in ("obj", "obl") for c in verb.children):
        return False
    after = verb.i + 1
    while after < len(verb.doc) and verb.doc[after].is_quote:
        after += 1  # US and allied “trainers and advisers”
    return after < len(verb.doc) and verb.doc[after].pos_ in ("NOUN", "PROPN")


#: Entity labels of what a fight can be *for* and still be one with arms: a place
#: ("the battle for Mosul") or a party fought for ("fought for ISIS").
_FOUGHT_OVER: Final = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


#: Trigger lemmas that are acts of force only when an armed party does them or suffers them:
#: "the army *defeated* the Tamil Tigers", "troops *surrounded* Marawi"; not "Trump defeated
#: Clinton", "surrounded by supporters".
_FORCE_BETWEEN_ARMED: Final = frozenset({"defeat", "surround"})


def unarmed_contest(trigger: Token, actor: Actor | None, recipient: Actor | None) -> bool:
    """A win or an encirclement with no armed party on either side is no act of force."""
    if not _FORCE_BETWEEN_ARMED.intersection(forms_of(trigger)):
        return False
    return not (_armed(actor) or _armed(recipient))


def hung_not_hanged(verb: Token) -> bool:
    """ "Iran *hanged* two men" is an execution; "hung up", "hangs over the talks", "hang on"
    are not: English keeps the form "hanged" for the execution, and it is done to people
    ("a millstone be hanged around their necks" is not)."""
    if "hang" not in forms_of(verb):
        return False
    if verb.lower_ != "hanged":
        return True
    hanged = next((c for c in verb.children if c.dep_ in ("obj", "nsubj:pass")), None)
    return hanged is not None and not is_people(hanged)


def fought_for_a_cause(trigger: Token, actor: Actor | None) -> bool:
    """ "He has fought for our religious liberty", "fighting for national legislation",
    "Rubio and Cruz are fighting for second place": a fight *for* something that is neither
    ground nor a party, with no one fought against and no armed party fighting, is
    advocacy or a contest, not an act of force ("rebels fighting for independence" and "the
    battle for Mosul" stay acts)."""
    if _armed(actor) or not _CAMPAIGN_FIGHTS.intersection(forms_of(trigger)):
        return False
    causes = [c for c in trigger.children if c.dep_ in ("obl", "nmod") and case_of(c) == "for"]
    if not causes or any(
        c.dep_ == "obj" or case_of(c) in ("against", "with") for c in trigger.children
    ):
        return False
    return all(
        c.ent_type_ not in _FOUGHT_OVER and c.lower_ not in _GROUND and c.lower_ not in _HARM
        for c in causes
    )
