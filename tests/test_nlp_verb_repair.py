"""A word the parse uses as a verb is a verb, whatever its tag (parallax.nlp.verb_repair)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from parallax.nlp.clause_repair import clause_repair
from parallax.nlp.verb_repair import verb_repair
from parses import hand_parsed


def parsed(*columns: Any, lemmas: list[str] | None = None, spaces: list[bool] | None = None) -> Doc:
    """The hand-written parse (the columns of :func:`hand_parsed`) after the two repair
    components, in the pipeline's order."""
    return clause_repair(verb_repair(hand_parsed(*columns, lemmas=lemmas, spaces=spaces)))


def test_a_noun_with_a_subject_and_a_particle_or_object_is_a_verb() -> None:
    # The tagger's reading of a headline-like clause: "shot" as a noun.
    doc = parsed(
        ["Turkey", "shot", "down", "a", "warplane"],
        [1, 1, 1, 4, 1],
        ["nsubj", "ROOT", "compound:prt", "det", "obj"],
        ["PROPN", "NOUN", "ADP", "DET", "NOUN"],
    )
    assert doc[1].pos_ == "VERB"
    assert doc[4].pos_ == "NOUN"


def test_a_noun_with_only_a_subject_stays_a_noun() -> None:
    # "Bush the candidate": a copula-less nominal predicate keeps its part of speech.
    doc = parsed(
        ["He", "the", "candidate"],
        [2, 2, 2],
        ["nsubj", "det", "ROOT"],
        ["PRON", "DET", "NOUN"],
    )
    assert doc[2].pos_ == "NOUN"


def test_a_finite_verb_hung_on_a_subject_root_becomes_the_root() -> None:
    # "Reuters reported on the raid." parsed with "Reuters" as the root, "reported" its clause.
    words = ["Reuters", "reported", "on", "the", "raid", "."]
    doc = parsed(
        words,
        [0, 0, 4, 4, 1, 0],
        ["ROOT", "acl", "case", "det", "obl", "punct"],
        ["PROPN", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        ["NNP", "VBD", "IN", "DT", "NN", "."],
    )
    assert doc[1].dep_ == "ROOT"
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 1)
    assert doc[5].head.i == 1
    assert [t.text for t in doc[1].children] == ["Reuters", "raid", "."]


def test_a_finite_verb_read_as_an_adjective_of_the_object_becomes_the_root() -> None:
    # "Rebels shelled the town." parsed as one noun phrase headed by "town".
    doc = parsed(
        ["Rebels", "shelled", "the", "town", "."],
        [3, 3, 3, 3, 3],
        ["compound", "amod", "det", "ROOT", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        ["NNS", "VBD", "DT", "NN", "."],
    )
    assert doc[1].dep_ == "ROOT"
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 1)
    assert (doc[3].dep_, doc[3].head.i) == ("obj", 1)
    assert doc[2].head.i == 3


def test_a_participle_of_a_copular_root_stays() -> None:
    # "It was the latest setback imposed on the group": "imposed" (mis-tagged VBD) describes it.
    doc = parsed(
        ["It", "was", "the", "setback", "imposed", "on", "them"],
        [3, 3, 3, 3, 3, 6, 4],
        ["nsubj", "cop", "det", "ROOT", "acl", "case", "obl"],
        ["PRON", "AUX", "DET", "NOUN", "VERB", "ADP", "PRON"],
        ["PRP", "VBD", "DT", "NN", "VBD", "IN", "PRP"],
    )
    assert doc[3].dep_ == "ROOT"
    assert doc[4].dep_ == "acl"


def test_a_finite_verb_read_as_an_adjective_inside_the_subject_s_phrase_becomes_the_root() -> None:
    # "Thousands of farmers across Kenya staged protests", with "across Kenya staged protests"
    # parsed as one modifier of "Thousands".
    words = ["Thousands", "of", "farmers", "across", "Kenya", "staged", "protests"]
    doc = parsed(
        words,
        [0, 2, 0, 6, 6, 6, 0],
        ["ROOT", "case", "nmod", "case", "compound", "amod", "nmod"],
        ["NOUN", "ADP", "NOUN", "ADP", "PROPN", "VERB", "NOUN"],
        ["NNS", "IN", "NNS", "IN", "NNP", "VBD", "NNS"],
    )
    assert doc[5].dep_ == "ROOT"
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 5)
    assert (doc[6].dep_, doc[6].head.i) == ("obj", 5)
    assert (doc[4].dep_, doc[4].head.i) == ("nmod", 0)
    assert doc[3].head.i == 4


def test_a_past_verb_the_morphologizer_called_an_adjective_is_a_verb() -> None:
    # "Palestinians clashed with troops": VBD from the tagger, ADJ from the morphologizer.
    doc = parsed(
        ["Palestinians", "clashed", "with", "troops"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "case", "obl"],
        ["PROPN", "ADJ", "ADP", "NOUN"],
        ["NNPS", "VBD", "IN", "NNS"],
    )
    assert doc[1].pos_ == "VERB"


def test_an_adjective_with_a_copula_stays_an_adjective() -> None:
    # "They were determined": a predicate adjective, whatever the tagger says.
    doc = parsed(
        ["They", "were", "determined"],
        [2, 2, 2],
        ["nsubj", "cop", "ROOT"],
        ["PRON", "AUX", "ADJ"],
        ["PRP", "VBD", "VBN"],
    )
    assert doc[2].pos_ == "ADJ"


def test_a_rerooted_verb_the_morphologizer_called_an_adjective_is_a_verb() -> None:
    # "Hundreds clashed with troops" rooted on "Hundreds", "clashed" its adjectival clause.
    doc = parsed(
        ["Hundreds", "clashed", "with", "troops"],
        [0, 0, 3, 1],
        ["ROOT", "acl", "case", "obl"],
        ["NOUN", "ADJ", "ADP", "NOUN"],
        ["NNS", "VBD", "IN", "NNS"],
    )
    assert doc[1].dep_ == "ROOT"
    assert doc[1].pos_ == "VERB"


def test_a_past_form_tagged_as_an_adjective_rooting_a_clause_with_a_subject_is_a_verb() -> None:
    # "Rebels clashed with the army": the tagger's JJ on a root with a subject, no copula.
    doc = parsed(
        ["Rebels", "clashed", "with", "the", "army"],
        [1, 1, 4, 4, 1],
        ["nsubj", "ROOT", "case", "det", "obl"],
        ["NOUN", "ADJ", "ADP", "DET", "NOUN"],
        ["NNS", "JJ", "IN", "DT", "NN"],
    )
    assert doc[1].pos_ == "VERB"


def test_a_past_form_tagged_as_an_adjective_with_a_by_phrase_stays_an_adjective() -> None:
    # "Residents frightened by the shelling": a participle, not the clause's act.
    doc = parsed(
        ["Residents", "frightened", "by", "the", "shelling"],
        [1, 1, 4, 4, 1],
        ["nsubj", "ROOT", "case", "det", "obl"],
        ["NOUN", "ADJ", "ADP", "DET", "NOUN"],
        ["NNS", "JJ", "IN", "DT", "NN"],
    )
    assert doc[1].pos_ == "ADJ"


def test_a_past_form_tagged_as_an_adjective_after_a_noun_root_becomes_the_root() -> None:
    # "Troops clashed with rebels" rooted on "Troops", "clashed" (JJ) its adjectival clause.
    doc = parsed(
        ["Troops", "clashed", "with", "rebels"],
        [0, 0, 3, 1],
        ["ROOT", "acl", "case", "obl"],
        ["NOUN", "ADJ", "ADP", "NOUN"],
        ["NNS", "JJ", "IN", "NNS"],
    )
    assert doc[1].dep_ == "ROOT"
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 1)
    assert doc[1].pos_ == "VERB"


def test_two_subjects_split_by_an_and_on_the_verb_are_coordinated() -> None:
    # "Kiev and Moscow exchanged prisoners" with both names and the "and" hung on the verb.
    doc = parsed(
        ["Kiev", "and", "Moscow", "exchanged", "prisoners"],
        [3, 3, 3, 3, 3],
        ["nsubj", "cc", "nsubj", "ROOT", "obj"],
        ["PROPN", "CCONJ", "PROPN", "VERB", "NOUN"],
        ["NNP", "CC", "NNP", "VBD", "NNS"],
    )
    assert (doc[2].dep_, doc[2].head.i) == ("conj", 0)
    assert doc[1].head.i == 2
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 3)


def test_a_title_and_the_name_after_it_split_into_two_subjects_are_one_phrase() -> None:
    # "Band member Flea shared…" with "member" and "Flea" both subjects of the verb.
    doc = parsed(
        ["Band", "member", "Flea", "shared", "a", "photo"],
        [1, 3, 3, 3, 5, 3],
        ["compound", "nsubj", "nsubj", "ROOT", "det", "obj"],
        ["NOUN", "NOUN", "PROPN", "VERB", "DET", "NOUN"],
        ["NN", "NN", "NNP", "VBD", "DT", "NN"],
    )
    assert (doc[1].dep_, doc[1].head.i) == ("compound", 2)
    assert [t.text for t in doc[2].subtree] == ["Band", "member", "Flea"]
    # a dateline before the subject stays apart: "RENO, Nev. — Trump says"
    dateline = parsed(
        ["RENO", "—", "Trump", "says"],
        [3, 0, 3, 3],
        ["nsubj", "punct", "nsubj", "ROOT"],
        ["PROPN", "PUNCT", "PROPN", "VERB"],
        ["NNP", ":", "NNP", "VBZ"],
    )
    assert (dateline[0].dep_, dateline[0].head.i) == ("nsubj", 3)


def test_a_finite_verb_hung_on_the_roots_conjunct_becomes_the_root() -> None:
    # "Kiev and the rebels signed a deal" rooted on "Kiev", "signed" a clause of "rebels".
    doc = parsed(
        ["Kiev", "and", "rebels", "signed", "a", "deal"],
        [0, 2, 0, 2, 5, 3],
        ["ROOT", "cc", "conj", "acl", "det", "obj"],
        ["PROPN", "CCONJ", "NOUN", "VERB", "DET", "NOUN"],
        ["NNP", "CC", "NNS", "VBD", "DT", "NN"],
    )
    assert doc[3].dep_ == "ROOT"
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 3)
    assert (doc[2].dep_, doc[2].head.i) == ("conj", 0)
    assert (doc[5].dep_, doc[5].head.i) == ("obj", 3)


def test_a_clause_subject_read_as_the_object_of_after_gets_its_verb_back() -> None:
    # "Troops deployed after rebels killed workers." parsed as "deployed … after rebels",
    # with "killed" a subjectless clause of "deployed".
    words = ["Troops", "deployed", "after", "rebels", "killed", "workers", "."]
    doc = parsed(
        words,
        [1, 1, 3, 1, 1, 4, 1],
        ["nsubj", "ROOT", "case", "obl", "advcl", "obj", "punct"],
        ["NOUN", "VERB", "ADP", "NOUN", "VERB", "NOUN", "PUNCT"],
        ["NNS", "VBD", "IN", "NNS", "VBD", "NNS", "."],
    )
    assert (doc[3].dep_, doc[3].head.i) == ("nsubj", 4)
    assert (doc[2].dep_, doc[2].head.i) == ("mark", 4)
    assert doc[4].head.i == 1


def test_a_prepositional_phrase_before_a_clause_with_its_own_subject_stays() -> None:
    # "Troops deployed after the attack when rebels killed workers": "killed" has a subject.
    words = ["Troops", "deployed", "after", "attacks", "rebels", "killed", "workers"]
    doc = parsed(
        words,
        [1, 1, 3, 1, 5, 1, 5],
        ["nsubj", "ROOT", "case", "obl", "nsubj", "advcl", "obj"],
        ["NOUN", "VERB", "ADP", "NOUN", "NOUN", "VERB", "NOUN"],
        ["NNS", "VBD", "IN", "NNS", "NNS", "VBD", "NNS"],
    )
    assert (doc[3].dep_, doc[3].head.i) == ("obl", 1)
    assert doc[2].dep_ == "case"


def test_a_verb_read_as_the_adjective_of_a_nouns_object_heads_the_clause() -> None:
    # "Mercenaries executed civilians, the UN said." parsed with "civilians" the object of
    # "Mercenaries" and "executed" its adjective.
    words = ["Mercenaries", "executed", "civilians", ",", "the", "UN", "said", "."]
    doc = parsed(
        words,
        [6, 2, 0, 5, 5, 6, 6, 6],
        ["nsubj", "amod", "obj", "punct", "det", "nsubj", "ROOT", "punct"],
        ["NOUN", "VERB", "NOUN", "PUNCT", "DET", "PROPN", "VERB", "PUNCT"],
        ["NNS", "VBN", "NNS", ",", "DT", "NNP", "VBD", "."],
    )
    assert (doc[1].dep_, doc[1].head.i) == ("ccomp", 6)
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 1)
    assert (doc[2].dep_, doc[2].head.i) == ("obj", 1)
    assert doc[1].pos_ == "VERB"


def test_a_participle_with_its_own_subject_on_a_noun_root_is_the_verb() -> None:
    # "The UN delivered aid." parsed as a noun phrase headed by "aid", "delivered" (VBN) its
    # adjective with a subject of its own.
    doc = parsed(
        ["The", "UN", "delivered", "aid", "."],
        [1, 2, 3, 3, 3],
        ["det", "nsubj", "amod", "ROOT", "punct"],
        ["DET", "PROPN", "VERB", "NOUN", "PUNCT"],
        ["DT", "NNP", "VBN", "NN", "."],
    )
    assert doc[2].dep_ == "ROOT"
    assert (doc[3].dep_, doc[3].head.i) == ("obj", 2)
    assert (doc[1].dep_, doc[1].head.i) == ("nsubj", 2)


def test_a_past_verb_buried_in_a_verbless_sentence_becomes_its_root() -> None:
    # "Troops loyal to Kiir clashed with rebels." parsed with "clashed" a modifier of "Kiir"
    # and the plural noun root called a verb by the morphologizer.
    doc = parsed(
        ["Troops", "loyal", "to", "Kiir", "clashed", "with", "rebels", "."],
        [0, 0, 3, 1, 3, 6, 4, 0],
        ["ROOT", "amod", "case", "obl", "amod", "case", "obl", "punct"],
        ["VERB", "ADJ", "ADP", "PROPN", "VERB", "ADP", "NOUN", "PUNCT"],
        ["NNS", "JJ", "IN", "NNP", "VBD", "IN", "NNS", "."],
    )
    assert doc[4].dep_ == "ROOT"
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 4)
    assert doc[3].head.i == 1  # "to Kiir" stays in the subject
    assert doc[7].head.i == 4


def test_a_verb_after_a_relative_clause_is_the_sentences() -> None:
    # "Police, who were deployed, clashed with gangs." with "clashed" (JJ) a conjunct of the
    # relative clause.
    doc = parsed(
        ["Police", ",", "who", "were", "deployed", ",", "clashed", "with", "gangs", "."],
        [0, 4, 4, 4, 0, 6, 4, 8, 6, 0],
        ["ROOT", "punct", "nsubj:pass", "aux:pass", "acl:relcl", "punct", "conj", "case", "obl",
         "punct"],
        ["NOUN", "PUNCT", "PRON", "AUX", "VERB", "PUNCT", "ADJ", "ADP", "NOUN", "PUNCT"],
        ["NNS", ",", "WP", "VBD", "VBN", ",", "JJ", "IN", "NNS", "."],
    )  # fmt: skip
    assert doc[6].dep_ == "ROOT"
    assert doc[6].pos_ == "VERB"
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 6)
    assert doc[4].head.i == 0  # the relative clause still describes the police


def test_a_participle_with_an_object_on_a_noun_root_is_the_verb() -> None:
    # "Coalition warplanes struck Raqqa, killing 40." parsed with "warplanes" the root and
    # "struck" (VBN) its clausal modifier: a passive participle takes no object.
    doc = parsed(
        ["Coalition", "warplanes", "struck", "Raqqa", ",", "killing", "40", "."],
        [1, 1, 1, 2, 5, 1, 5, 1],
        ["compound", "ROOT", "acl", "obj", "punct", "advcl", "obj", "punct"],
        ["PROPN", "NOUN", "VERB", "PROPN", "PUNCT", "VERB", "NUM", "PUNCT"],
        ["NNP", "NNS", "VBN", "NNP", ",", "VBG", "CD", "."],
        lemmas=["Coalition", "warplane", "strike", "Raqqa", ",", "kill", "40", "."],
    )
    assert doc[2].dep_ == "ROOT"
    assert (doc[1].dep_, doc[1].head.i) == ("nsubj", 2)
    assert doc[5].head.i == 2  # "killing" now depends on the act, so shares its doer


def test_a_participle_of_a_verb_of_giving_or_after_a_comma_stays_a_modifier() -> None:
    # "Soldiers given medals left." / "Soldiers, wounded the day before, ...": a passive
    # participle of "give" keeps its object; one after a comma describes the noun.
    given = parsed(
        ["Soldiers", "given", "medals", "."],
        [0, 0, 1, 0],
        ["ROOT", "acl", "obj", "punct"],
        ["NOUN", "VERB", "NOUN", "PUNCT"],
        ["NNS", "VBN", "NNS", "."],
        lemmas=["soldier", "give", "medal", "."],
    )
    assert given[0].dep_ == "ROOT"
    commaed = parsed(
        ["Soldiers", ",", "sent", "reinforcements", "."],
        [0, 2, 0, 2, 0],
        ["ROOT", "punct", "acl", "obj", "punct"],
        ["NOUN", "PUNCT", "VERB", "NOUN", "PUNCT"],
        ["NNS", ",", "VBN", "NNS", "."],
        lemmas=["soldier", ",", "send", "reinforcement", "."],
    )
    assert commaed[0].dep_ == "ROOT"


def test_a_stranded_verb_of_a_reported_clause_heads_that_clause() -> None:
    # "Warplanes struck Raqqa, the Pentagon said." with the noun "Warplanes" as the
    # complement of "said" and "struck" (VBN) its modifier.
    doc = parsed(
        ["Warplanes", "struck", "Raqqa", ",", "the", "Pentagon", "said", "."],
        [6, 0, 1, 0, 5, 6, 6, 6],
        ["ccomp", "acl", "obj", "punct", "det", "nsubj", "ROOT", "punct"],
        ["NOUN", "VERB", "PROPN", "PUNCT", "DET", "PROPN", "VERB", "PUNCT"],
        ["NNS", "VBN", "NNP", ",", "DT", "NNP", "VBD", "."],
        lemmas=["warplane", "strike", "Raqqa", ",", "the", "Pentagon", "say", "."],
    )
    assert (doc[1].dep_, doc[1].head.i) == ("ccomp", 6)
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 1)
    assert doc[6].dep_ == "ROOT"


def test_an_affiliation_read_as_the_main_verb_describes_the_subject() -> None:
    # "Gunmen linked to ISIS killed policemen." parsed with "linked" as the root and
    # "killed" a clause of it.
    doc = parsed(
        ["Gunmen", "linked", "to", "ISIS", "killed", "policemen", "."],
        [1, 1, 3, 1, 1, 4, 1],
        ["nsubj", "ROOT", "case", "obl", "advcl", "obj", "punct"],
        ["NOUN", "VERB", "ADP", "PROPN", "VERB", "NOUN", "PUNCT"],
        ["NNS", "VBD", "IN", "NNP", "VBD", "NNS", "."],
    )
    assert doc[4].dep_ == "ROOT"
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 4)
    assert (doc[1].dep_, doc[1].head.i) == ("acl", 0)
    assert (doc[3].dep_, doc[3].head.i) == ("obl", 1)
    assert doc[6].head.i == 4


def test_an_alliance_whose_preposition_was_read_as_a_clause_marker_is_repaired() -> None:
    # "Rebels allied with Turkey shelled Afrin." parsed with "with Turkey shelled" a clause.
    doc = parsed(
        ["Rebels", "allied", "with", "Turkey", "shelled", "Afrin", "."],
        [1, 1, 4, 4, 1, 4, 1],
        ["nsubj", "ROOT", "mark", "nsubj", "advcl", "obj", "punct"],
        ["NOUN", "VERB", "ADP", "PROPN", "VERB", "PROPN", "PUNCT"],
        ["NNS", "VBD", "IN", "NNP", "VBD", "NNP", "."],
    )
    assert doc[4].dep_ == "ROOT"
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 4)
    assert (doc[3].dep_, doc[3].head.i) == ("obl", 1)
    assert (doc[2].dep_, doc[2].head.i) == ("case", 3)


def test_an_affiliation_joined_to_a_second_verb_by_and_stays_the_verb() -> None:
    # "The union affiliated with the federation and grew.": two verbs of one subject.
    doc = parsed(
        ["Unions", "affiliated", "with", "it", "and", "grew", "."],
        [1, 1, 3, 1, 5, 1, 1],
        ["nsubj", "ROOT", "case", "obl", "cc", "conj", "punct"],
        ["NOUN", "VERB", "ADP", "PRON", "CCONJ", "VERB", "PUNCT"],
        ["NNS", "VBD", "IN", "PRP", "CC", "VBD", "."],
    )
    assert doc[1].dep_ == "ROOT"
    assert (doc[5].dep_, doc[5].head.i) == ("conj", 1)


def test_a_noun_hyphened_to_a_participle_modifies_the_second_object() -> None:
    # "Rebels shelled the government-held district." parsed with two objects.
    doc = parsed(
        ["Rebels", "shelled", "the", "government", "-", "held", "district", "."],
        [1, 1, 3, 1, 5, 6, 1, 1],
        ["nsubj", "ROOT", "det", "obj", "punct", "amod", "obj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "NOUN", "PUNCT"],
        spaces=[True, True, True, False, False, True, False, False],
    )
    assert (doc[3].dep_, doc[3].head.i) == ("compound", 6)
    assert [t.i for t in doc[1].children if t.dep_ == "obj"] == [6]
    assert doc[6].left_edge.i == 2


def test_two_objects_without_a_hyphen_stay() -> None:
    # "gave the army weapons": the parse's two objects are not a hyphened word.
    doc = parsed(
        ["They", "sent", "the", "army", "weapons", "."],
        [1, 1, 3, 1, 1, 1],
        ["nsubj", "ROOT", "det", "obj", "obj", "punct"],
        ["PRON", "VERB", "DET", "NOUN", "NOUN", "PUNCT"],
    )
    assert [t.i for t in doc[1].children if t.dep_ == "obj"] == [3, 4]


def test_an_adjective_tagged_root_with_an_object_is_a_verb() -> None:
    # "Hungary vetoed the statement." with both words tagged JJ.
    doc = parsed(
        ["Hungary", "vetoed", "the", "statement", "."],
        [1, 1, 3, 1, 1],
        ["advmod", "ROOT", "det", "obj", "punct"],
        ["ADJ", "ADJ", "DET", "NOUN", "PUNCT"],
        ["JJ", "JJ", "DT", "NN", "."],
    )
    assert doc[1].pos_ == "VERB"
    bare = parsed(
        ["Hungary", "was", "pleased", "."],
        [2, 2, 2, 2],
        ["nsubj", "cop", "ROOT", "punct"],
        ["PROPN", "AUX", "ADJ", "PUNCT"],
        ["NNP", "VBD", "JJ", "."],
    )
    assert bare[2].pos_ == "ADJ"


def test_a_gerund_read_as_the_modifier_of_its_object_after_a_charge_heads_it() -> None:
    # "Ukraine accused Russia of bombing hospitals." with "bombing" a compound of "hospitals".
    words = ["Ukraine", "accused", "Russia", "of", "bombing", "hospitals", "."]
    doc = parsed(
        words,
        [1, 1, 1, 5, 5, 2, 1],
        ["nsubj", "ROOT", "obj", "case", "compound", "nmod", "punct"],
        ["PROPN", "VERB", "PROPN", "ADP", "NOUN", "NOUN", "PUNCT"],
        lemmas=["Ukraine", "accuse", "Russia", "of", "bombing", "hospital", "."],
    )
    assert (doc[4].dep_, doc[4].head.i, doc[4].pos_) == ("acl", 2, "VERB")
    assert (doc[5].dep_, doc[5].head.i) == ("obj", 4)
    assert (doc[3].dep_, doc[3].head.i) == ("mark", 4)


def test_an_ing_modifier_without_a_charge_stays() -> None:
    # "The report spoke of rising prices.": an adjective, not an act.
    doc = parsed(
        ["The", "report", "spoke", "of", "rising", "prices", "."],
        [1, 2, 2, 5, 5, 2, 2],
        ["det", "nsubj", "ROOT", "case", "amod", "obl", "punct"],
        ["DET", "NOUN", "VERB", "ADP", "ADJ", "NOUN", "PUNCT"],
        lemmas=["the", "report", "speak", "of", "rising", "price", "."],
    )
    assert (doc[4].dep_, doc[4].head.i) == ("amod", 5)


def test_a_name_before_the_adjective_of_a_given_object_is_who_receives() -> None:
    # "Washington gave Kyiv new military aid", with "Kyiv" read as a compound of "aid".
    doc = parsed(
        ["Washington", "gave", "Kyiv", "new", "military", "aid"],
        [1, 1, 5, 5, 5, 1],
        ["nsubj", "ROOT", "compound", "amod", "amod", "obj"],
        ["PROPN", "VERB", "PROPN", "ADJ", "ADJ", "NOUN"],
        lemmas=["Washington", "give", "Kyiv", "new", "military", "aid"],
    )
    assert (doc[2].head.i, doc[2].dep_) == (1, "iobj")
    assert (doc[5].head.i, doc[5].dep_) == (1, "obj")


def test_a_name_compound_right_before_its_noun_stays() -> None:
    # Only after a verb of giving, and only with a modifier between name and noun.
    doc = parsed(
        ["Washington", "praised", "Kyiv", "new", "aid"],
        [1, 1, 4, 4, 1],
        ["nsubj", "ROOT", "compound", "amod", "obj"],
        ["PROPN", "VERB", "PROPN", "ADJ", "NOUN"],
        lemmas=["Washington", "praise", "Kyiv", "new", "aid"],
    )
    assert (doc[2].head.i, doc[2].dep_) == (4, "compound")  # not a verb of giving
    adjacent = parsed(
        ["They", "sent", "Israel", "bombs"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "compound", "obj"],
        ["PRON", "VERB", "PROPN", "NOUN"],
        lemmas=["they", "send", "Israel", "bomb"],
    )
    assert (adjacent[2].head.i, adjacent[2].dep_) == (3, "compound")


def test_a_root_subject_cut_at_and_from_its_verb_becomes_its_subject() -> None:
    # "India and the US agreed …" with "India" the root and "agreed" its conjunct.
    doc = parsed(
        ["India", "and", "the", "US", "agreed", "."],
        [0, 4, 3, 4, 0, 0],
        ["ROOT", "cc", "det", "nsubj", "conj", "punct"],
        ["PROPN", "CCONJ", "DET", "PROPN", "VERB", "PUNCT"],
    )
    assert doc[4].dep_ == "ROOT"
    assert (doc[0].head.i, doc[0].dep_) == (4, "nsubj")
    assert (doc[3].head.i, doc[3].dep_) == (0, "conj")
    assert doc[5].head.i == 4


def test_a_root_noun_with_a_conjunct_clause_of_its_own_subject_before_it_stays() -> None:
    # "War came and they agreed" misread with "came" describing "War": its own verb.
    doc = parsed(
        ["War", "came", "and", "they", "agreed"],
        [0, 0, 4, 4, 0],
        ["ROOT", "acl", "cc", "nsubj", "conj"],
        ["NOUN", "VERB", "CCONJ", "PRON", "VERB"],
    )
    assert doc[0].dep_ == "ROOT"


def test_a_pronoun_after_and_heads_a_clause_of_its_own() -> None:
    # "Eric Levi and I argue" read with "I argue" a conjunct of the name: a clause, kept.
    doc = parsed(
        ["Eric", "Levi", "and", "I", "argue", "."],
        [0, 0, 4, 4, 0, 0],
        ["ROOT", "flat", "cc", "nsubj", "conj", "punct"],
        ["PROPN", "PROPN", "CCONJ", "PRON", "VERB", "PUNCT"],
    )
    assert doc[0].dep_ == "ROOT"
    assert doc[3].head.i == 4


def test_an_unmarked_oblique_noun_after_a_verb_is_its_object() -> None:
    # "The coalition carried out 2,000 strikes since January" with "strikes" an oblique.
    doc = parsed(
        ["The", "coalition", "carried", "out", "2,000", "strikes", "since", "January", "."],
        [1, 2, 2, 2, 5, 2, 7, 2, 2],
        ["det", "nsubj", "ROOT", "advmod", "nummod", "obl", "case", "obl", "punct"],
        ["DET", "NOUN", "VERB", "ADV", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    assert doc[5].dep_ == "obj"
    assert doc[7].dep_ == "obl"


def test_an_unmarked_time_oblique_stays() -> None:
    doc = parsed(
        ["Ministers", "met", "Monday", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "obl", "punct"],
        ["NOUN", "VERB", "PROPN", "PUNCT"],
    )
    assert doc[2].dep_ == "obl"


def test_a_passive_subject_without_an_auxiliary_in_a_full_sentence_is_the_doer() -> None:
    # "The UN envoy called for a pause." with "envoy" a passive subject and no "was".
    doc = parsed(
        ["The", "envoy", "called", "for", "a", "pause", "."],
        [1, 2, 2, 5, 5, 2, 2],
        ["det", "nsubj:pass", "ROOT", "case", "det", "obl", "punct"],
        ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        ["DT", "NN", "VBN", "IN", "DT", "NN", "."],
    )
    assert doc[1].dep_ == "nsubj"
    assert doc[2].tag_ == "VBD"


def test_a_headline_passive_without_an_auxiliary_stays_passive() -> None:
    # "At least 107 killed in crane collapse": no full stop, a headline's dropped "were".
    doc = parsed(
        ["107", "killed", "in", "collapse"],
        [1, 1, 3, 1],
        ["nsubj:pass", "ROOT", "case", "obl"],
        ["NUM", "VERB", "ADP", "NOUN"],
        ["CD", "VBN", "IN", "NN"],
    )
    assert doc[0].dep_ == "nsubj:pass"


def test_a_subject_read_as_an_apposition_in_the_opening_phrase_is_the_verbs() -> None:
    # "According to the Observatory, Turkish jets struck positions." with "jets" describing
    # "Observatory" and "struck" left without a subject.
    doc = parsed(
        ["According", "to", "the", "Observatory", ",", "Turkish", "jets", "hit", "sites", "."],
        [3, 0, 3, 7, 6, 6, 3, 7, 7, 7],
        ["case", "fixed", "det", "obl", "punct", "amod", "appos", "ROOT", "obj", "punct"],
        ["VERB", "ADP", "DET", "PROPN", "PUNCT", "ADJ", "NOUN", "VERB", "NOUN", "PUNCT"],
    )  # fmt: skip
    assert (doc[6].head.i, doc[6].dep_) == (7, "nsubj")
    assert doc[3].head.i == 7


def test_an_apposition_inside_a_subject_stays() -> None:
    # "Smith, the envoy, struck a deal": the apposition describes the subject, who has one.
    doc = parsed(
        ["Smith", ",", "the", "envoy", ",", "struck", "a", "deal", "."],
        [5, 3, 3, 0, 3, 5, 7, 5, 5],
        ["nsubj", "punct", "det", "appos", "punct", "ROOT", "det", "obj", "punct"],
        ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"],
    )
    assert (doc[3].head.i, doc[3].dep_) == (0, "appos")


def test_the_subject_of_a_relative_clause_without_that_read_as_an_apposition() -> None:
    # "They made a charge the Kremlin rejected" with "Kremlin" describing "charge".
    doc = parsed(
        ["They", "made", "a", "charge", "the", "Kremlin", "rejected"],
        [1, 1, 3, 1, 5, 3, 3],
        ["nsubj", "ROOT", "det", "obj", "det", "appos", "acl"],
        ["PRON", "VERB", "DET", "NOUN", "DET", "PROPN", "VERB"],
        ["PRP", "VBD", "DT", "NN", "DT", "NNP", "VBD"],
    )
    assert (doc[5].head.i, doc[5].dep_) == (6, "nsubj")
    assert (doc[6].head.i, doc[6].dep_) == (3, "acl:relcl")


def test_a_preposition_hung_on_the_number_opening_its_phrase_marks_the_noun() -> None:
    # "delivered food to 20,000 people" with "to" on "20,000".
    doc = parsed(
        ["They", "delivered", "food", "to", "20,000", "people"],
        [1, 1, 1, 4, 5, 1],
        ["nsubj", "ROOT", "obj", "case", "nummod", "obl"],
        ["PRON", "VERB", "NOUN", "ADP", "NUM", "NOUN"],
    )
    assert doc[3].head.i == 5


def test_a_participle_with_an_object_completing_a_noun_root_is_the_verb() -> None:
    # "British warplanes struck oil installations" with "struck" an xcomp of "warplanes".
    doc = parsed(
        ["British", "warplanes", "struck", "oil", "installations", "."],
        [1, 1, 1, 4, 2, 1],
        ["amod", "ROOT", "xcomp", "compound", "obj", "punct"],
        ["ADJ", "NOUN", "VERB", "NOUN", "NOUN", "PUNCT"],
        ["JJ", "NNS", "VBN", "NN", "NNS", "."],
        lemmas=["british", "warplane", "strike", "oil", "installation", "."],
    )
    assert doc[2].dep_ == "ROOT"
    assert (doc[1].head.i, doc[1].dep_) == (2, "nsubj")


def test_a_participle_right_after_a_verbless_root_describing_the_next_noun_is_the_verb() -> None:
    # "A UN convoy delivered food to people" read as one noun phrase, "delivered" an
    # adjective of "food".
    doc = parsed(
        ["A", "convoy", "delivered", "food", "to", "people", "."],
        [1, 1, 3, 1, 5, 1, 1],
        ["det", "ROOT", "amod", "nmod", "case", "nmod", "punct"],
        ["DET", "NOUN", "VERB", "NOUN", "ADP", "NOUN", "PUNCT"],
        ["DT", "NN", "VBN", "NN", "IN", "NNS", "."],
    )
    assert doc[2].dep_ == "ROOT"
    assert (doc[1].head.i, doc[1].dep_) == (2, "nsubj")
    assert (doc[3].head.i, doc[3].dep_) == (2, "obj")
    assert (doc[5].head.i, doc[5].dep_) == (2, "obl")


def test_a_participle_adjective_inside_a_phrase_stays() -> None:
    # "the besieged town": not right after the root noun.
    doc = parsed(
        ["Aid", "for", "the", "besieged", "town"],
        [0, 4, 4, 4, 0],
        ["ROOT", "case", "det", "amod", "nmod"],
        ["NOUN", "ADP", "DET", "VERB", "NOUN"],
        ["NN", "IN", "DT", "VBN", "NN"],
    )
    assert doc[3].dep_ == "amod"


def test_a_present_verb_with_a_preposition_before_its_subject_is_a_noun() -> None:
    # "met since the Paris attacks" with "attacks"/VBZ and "Paris" its subject.
    doc = parsed(
        ["They", "met", "since", "the", "Paris", "attacks"],
        [1, 1, 5, 4, 5, 1],
        ["nsubj", "ROOT", "case", "det", "nsubj", "obl"],
        ["PRON", "VERB", "ADP", "DET", "PROPN", "VERB"],
        ["PRP", "VBD", "IN", "DT", "NNP", "VBZ"],
    )
    assert doc[5].pos_ == "NOUN"
    assert doc[4].dep_ == "compound"


def test_an_unmarked_oblique_far_from_its_verb_stays() -> None:
    # "met with Obama to discuss it, further provocations" with "provocations" on "met".
    doc = parsed(
        ["Cameron", "met", "with", "Obama", ",", "further", "provocations"],
        [1, 1, 3, 1, 6, 6, 1],
        ["nsubj", "ROOT", "case", "obl", "punct", "amod", "obl"],
        ["PROPN", "VERB", "ADP", "PROPN", "PUNCT", "ADJ", "NOUN"],
    )
    assert doc[6].dep_ == "obl"


def test_a_word_of_siding_after_the_object_describes_it() -> None:
    # "targeting rebels opposed to Assad" with "opposed" a predicate of "targeting".
    doc = parsed(
        ["targeting", "rebels", "opposed", "to", "Assad"],
        [0, 0, 0, 4, 2],
        ["ROOT", "obj", "xcomp", "case", "obl"],
        ["VERB", "NOUN", "ADJ", "ADP", "PROPN"],
        ["VBG", "NNS", "JJ", "IN", "NNP"],
    )
    assert (doc[2].head.i, doc[2].dep_) == (1, "amod")


def test_a_predicate_adjective_of_the_object_stays() -> None:
    # "found the journalist guilty": no "to"/"with" phrase of siding.
    doc = parsed(
        ["They", "found", "him", "guilty"],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "obj", "xcomp"],
        ["PRON", "VERB", "PRON", "ADJ"],
        ["PRP", "VBD", "PRP", "JJ"],
    )
    assert doc[3].dep_ == "xcomp"


def test_a_participle_between_the_subject_and_object_nouns_of_a_verbless_root() -> None:
    # "Coalition aircraft bombed positions in Raqqa." read as one noun phrase.
    doc = parsed(
        ["Coalition", "aircraft", "bombed", "positions", "in", "Raqqa", "."],
        [1, 3, 3, 3, 5, 3, 3],
        ["compound", "compound", "amod", "ROOT", "case", "nmod", "punct"],
        ["NOUN", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["NN", "NN", "VBN", "NNS", "IN", "NNP", "."],
    )
    assert doc[2].dep_ == "ROOT"
    assert (doc[1].head.i, doc[1].dep_) == (2, "nsubj")
    assert (doc[3].head.i, doc[3].dep_) == (2, "obj")


def test_a_participle_opening_a_noun_phrase_stays_its_adjective() -> None:
    doc = parsed(
        ["The", "wounded", "soldiers", "in", "Raqqa", "."],
        [2, 2, 2, 4, 2, 2],
        ["det", "amod", "ROOT", "case", "nmod", "punct"],
        ["DET", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["DT", "VBN", "NNS", "IN", "NNP", "."],
    )
    assert doc[1].dep_ == "amod"


def test_a_present_verb_in_a_nouns_relation_with_a_preposition_is_a_noun() -> None:
    # "joined states in crisis talks" with "talks"/VBZ an oblique.
    doc = parsed(
        ["Kerry", "joined", "states", "in", "crisis", "talks"],
        [1, 1, 1, 5, 5, 1],
        ["nsubj", "ROOT", "obj", "case", "compound", "obl"],
        ["PROPN", "VERB", "NOUN", "ADP", "NOUN", "VERB"],
        ["NNP", "VBD", "NNS", "IN", "NN", "VBZ"],
    )
    assert (doc[5].pos_, doc[5].tag_) == ("NOUN", "NNS")


def test_an_aside_between_commas_read_as_a_second_subject_describes_the_first() -> None:
    # "Pakistan, a US ally, has refused…" with "ally" a second subject of "refused".
    doc = parsed(
        ["Pakistan", ",", "a", "US", "ally", ",", "has", "refused", "."],
        [7, 0, 4, 4, 7, 4, 7, 7, 7],
        ["nsubj", "punct", "det", "compound", "nsubj", "punct", "aux", "ROOT", "punct"],
        ["PROPN", "PUNCT", "DET", "PROPN", "NOUN", "PUNCT", "AUX", "VERB", "PUNCT"],
    )
    assert (doc[4].head.i, doc[4].dep_) == (0, "appos")


def test_a_closing_report_parsed_as_a_complement_is_set_aside() -> None:
    # "Jordan agreed to hold drills, an official confirmed." with "confirmed" a ccomp.
    doc = parsed(
        ["Jordan", "agreed", "to", "hold", "drills", ",", "an", "official", "confirmed", "."],
        [1, 1, 3, 1, 3, 1, 7, 8, 1, 1],
        ["nsubj", "ROOT", "mark", "xcomp", "obj", "punct", "det", "nsubj", "ccomp", "punct"],
        ["PROPN", "VERB", "PART", "VERB", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
    )
    assert doc[8].dep_ == "parataxis"


def test_a_verb_tag_with_a_verbs_dependents_is_a_verb_whatever_the_morphology() -> None:
    # "The EU froze the assets" with "froze"/VBP/ADP.
    doc = parsed(
        ["The", "EU", "froze", "the", "assets", "."],
        [1, 2, 2, 4, 2, 2],
        ["det", "nsubj", "ROOT", "det", "obj", "punct"],
        ["DET", "PROPN", "ADP", "DET", "NOUN", "PUNCT"],
        ["DT", "NNP", "VBP", "DT", "NNS", "."],
    )
    assert doc[2].pos_ == "VERB"


def test_a_name_right_before_a_second_subject_noun_is_its_modifier() -> None:
    # "Boko Haram militants burned…" with "Boko" and "militants" both subjects.
    doc = parsed(
        ["Boko", "Haram", "militants", "burned", "a", "village"],
        [3, 0, 3, 3, 5, 3],
        ["nsubj", "flat", "nsubj", "ROOT", "det", "obj"],
        ["PROPN", "PROPN", "NOUN", "VERB", "DET", "NOUN"],
    )
    assert (doc[0].head.i, doc[0].dep_) == (2, "compound")
