"""Unit tests of the training-data converters and scorers on tiny inline samples.

None of these needs the trained model or the shared corpora.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from parallax.nlp.training import conllu, evaluate, labels, ner_sources
from parallax.nlp.training.corpora import gum_splits

EWT_SAMPLE = """\
# newdoc id = doc1
# sent_id = doc1-0001
# text = I don't know Google's plan.
1	I	I	PRON	PRP	Case=Nom|Number=Sing|Person=1|PronType=Prs	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	Mood=Ind|Tense=Pres|VerbForm=Fin	4	aux	4:aux	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
4	know	know	VERB	VB	VerbForm=Inf	0	root	0:root	_
5-6	Google's	_	_	_	_	_	_	_	_
5	Google	Google	PROPN	NNP	Number=Sing	7	nmod:poss	7:nmod:poss	_
6	's	's	PART	POS	_	5	case	5:case	_
6.1	know	know	VERB	VB	_	_	_	4:conj	_
7	plan	plan	NOUN	NN	Number=Sing	4	obj	4:obj	SpaceAfter=No
8	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = doc1-0002
# text = All is fine.
1	All	all	PRON	DT	_	3	nsubj	3:nsubj	_
2	is	be	AUX	VBZ	_	3	cop	3:cop	_
3	fine	fine	ADJ	JJ	Degree=Pos	0	root	0:root	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	3:punct	_
"""

# Entity=... as in GUM's MISC column: "President Obama" (person, PROPN head),
# "London" (place), "the army" (common noun head: not a name).
GUM_SAMPLE = """\
# sent_id = GUM_x-1
# text = President Obama visited London with the army.
1	President	President	PROPN	NNP	_	2	compound	_	Entity=(1-person-new-x-x-2-sgl
2	Obama	Obama	PROPN	NNP	Number=Sing	3	nsubj	_	Entity=1)
3	visited	visit	VERB	VBD	_	0	root	_	_
4	London	London	PROPN	NNP	Number=Sing	3	obj	_	Entity=(2-place-new-x-x-1-sgl-London)
5	with	with	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	_	7	det	_	Entity=(3-organization-new-x-x-2-sgl
7	army	army	NOUN	NN	Number=Sing	3	obl	_	Entity=3)|SpaceAfter=No
8	.	.	PUNCT	.	_	3	punct	_	_
"""


def test_conllu_keeps_syntactic_words_and_spacing() -> None:
    sents = list(conllu.parse_conllu(EWT_SAMPLE))
    assert [w.form for w in sents[0].words] == [
        "I",
        "do",
        "n't",
        "know",
        "Google",
        "'s",
        "plan",
        ".",
    ]
    doc = conllu.sentences_to_doc(spacy.blank("en").vocab, sents)
    # the multiword-token range of sentence 1 must not leak into sentence 2
    assert doc.text == "I don't know Google's plan. All is fine."
    assert [t.is_sent_start for t in doc][8] is True
    assert doc[3].dep_ == "ROOT"
    assert doc[6].head.text == "know"
    assert doc[2].lemma_ == "not"
    assert doc[4].tag_ == "NNP"
    assert doc[4].pos_ == "PROPN"


def test_group_by_document_and_chunks() -> None:
    sents = list(conllu.parse_conllu(EWT_SAMPLE))
    assert len(conllu.group_by_document(sents)) == 1
    assert [len(c) for c in conllu.chunks(sents, 1)] == [1, 1]


def test_gum_mentions_are_parsed_with_nesting() -> None:
    sent = next(conllu.parse_conllu(GUM_SAMPLE))
    mentions = {(m.start, m.end, m.etype) for m in conllu.gum_mentions(sent)}
    assert mentions == {(0, 2, "person"), (3, 4, "place"), (5, 7, "organization")}


def test_gum_entity_tags_keep_named_mentions_without_titles() -> None:
    sent = next(conllu.parse_conllu(GUM_SAMPLE))
    tags = conllu.gum_entity_tags(sent)
    assert tags == ["O", "B-PERSON", "O", "B-GPE", "O", "O", "O", "O"]


def _gum(*rows: str) -> conllu.Sentence:
    """One GUM sentence from rows of "form upos xpos head deprel entity" (ids by order)."""
    lines = ["# sent_id = GUM_t-1"]
    for i, row in enumerate(rows, 1):
        form, upos, xpos, head, deprel, entity = row.split()
        misc = "_" if entity == "_" else f"Entity={entity}"
        lines.append(f"{i}\t{form}\t{form}\t{upos}\t{xpos}\t_\t{head}\t{deprel}\t_\t{misc}")
    return next(conllu.parse_conllu("\n".join(lines) + "\n\n"))


def _entities(sent: conllu.Sentence) -> list[tuple[str, str]]:
    tags = conllu.gum_entity_tags(sent)
    found: list[tuple[str, str]] = []
    for k, tag in enumerate(tags):
        if tag and tag.startswith("B-"):
            end = k + 1
            while end < len(tags) and (tags[end] or "").startswith("I-"):
                end += 1
            found.append((" ".join(w.form for w in sent.words[k:end]), tag[2:]))
    return found


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            (
                "Environment PROPN NNP 3 compound "
                "(1-person-new-x-x-4-sgl(2-organization-new-x-x-1-sgl",
                "Canada PROPN NNP 1 flat 2)",
                "spokesperson NOUN NN 6 nsubj _",
                "Julie PROPN NNP 3 flat _",
                "Hahn PROPN NNP 4 flat 1)",
                "said VERB VBD 0 root _",
            ),
            [("Environment Canada", "ORG"), ("Julie Hahn", "PERSON")],
            id="name hung on a common noun",
        ),
        pytest.param(
            (
                "Poland PROPN NNP 6 obl (1-place-new-x-x-1-sgl(2-place-new-x-x-1-sgl)",
                "and CCONJ CC 3 cc _",
                "Sweden PROPN NNP 1 conj (3-place-new-x-x-1-sgl)1)",
                "and CCONJ CC 5 cc _",
                "Air PROPN NNP 1 conj (4-place-new-x-x-1-sgl",
                "and CCONJ CC 7 cc _",
                "Space PROPN NNP 8 compound _",
                "Museum PROPN NNP 5 flat 4)",
            ),
            [("Poland", "GPE"), ("Sweden", "GPE"), ("Air and Space Museum", "FAC")],
            id="coordinated names are two, a name with 'and' one",
        ),
        pytest.param(
            (
                "Matthew PROPN NNP 0 root (1-person-new-x-x-1-sgl",
                "Ingram PROPN NNP 1 flat _",
                "of ADP IN 4 case _",
                "Reuters PROPN NNP 1 nmod (2-organization-new-x-x-1-sgl)1)",
            ),
            [("Matthew Ingram", "PERSON"), ("Reuters", "ORG")],
            id="a person's name stops before 'of'",
        ),
    ],
)
def test_gum_names_are_read_from_the_mention(
    rows: tuple[str, ...], expected: list[tuple[str, str]]
) -> None:
    assert _entities(_gum(*rows)) == expected


def test_gum_roles_and_party_words_are_not_person_names() -> None:
    sent = _gum(
        "Bolden PROPN NNP 0 root (1-person-new-x-x-1-sgl)",
        ", PUNCT , 4 punct _",
        "NASA PROPN NNP 4 compound (2-person-new-x-x-2-sgl",
        "Administrator PROPN NNP 1 appos 2)",
        ", PUNCT , 6 punct _",
        "Republican PROPN NNP 1 appos (3-person-new-x-x-1-sgl)",
    )
    tags = conllu.gum_entity_tags(sent)
    assert _entities(sent) == [("Bolden", "PERSON"), ("Republican", "NORP")]
    assert tags[2:4] == [None, None]  # a role: neither a name nor surely no entity


def test_labels_place_classes() -> None:
    assert labels.classify_place("London") == "GPE"
    assert labels.classify_place("the United States") == "GPE"
    assert labels.classify_place("Heathrow Airport") == "FAC"
    assert labels.classify_place("Middle East") == "LOC"
    assert labels.classify_org("UN") == "ORG"
    assert labels.classify_org("North Korea") == "GPE"
    assert labels.looks_like_demonym("Syrian")
    assert not labels.looks_like_demonym("Syria")


def test_spans_from_iob_handles_stray_inside_tags() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG"]
    assert ner_sources.spans_from_iob(tags) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "ORG"),
        (5, 6, "ORG"),
    ]


def test_uner_mapping_splits_loc_and_leaves_demonyms_unknown() -> None:
    words = ["Kerry", "met", "Syrian", "officials", "in", "London", "."]
    tags = ["B-PER", "O", "O", "O", "O", "B-LOC", "O"]
    assert ner_sources.map_uner(words, tags) == [
        "B-PERSON",
        "O",
        None,
        "O",
        "O",
        "B-GPE",
        "O",
    ]


def test_uner_docs_align_on_sent_id() -> None:
    sents = list(conllu.parse_conllu(EWT_SAMPLE))
    uner = (
        "# sent_id = doc1-0001\n"
        + "".join(
            f"{i}\t{w}\tO\t-\t-\n"
            for i, w in enumerate(["I", "do", "n't", "know", "Google", "'s", "plan", "."], 1)
        )
        + "\n# sent_id = doc1-0002\n1\tAll\tO\t-\t-\n2\t!\tO\t-\t-\n"
    ).replace("Google\tO", "Google\tB-ORG")
    docs, skipped = ner_sources.uner_docs(
        spacy.blank("en").vocab, uner, {s.sent_id: s for s in sents}
    )
    assert skipped == 1  # "!" differs from the EWT token "."
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Google", "ORG")]


def test_crossner_mapping() -> None:
    words = ["Obama", "of", "the", "United", "States", "beat", "Republican", "plans", "X"]
    tags = ["B-politician", "O", "O", "B-country", "I-country", "O", "B-misc", "O", "B-misc"]
    assert ner_sources.map_crossner(words, tags) == [
        "B-PERSON",
        "O",
        "O",
        "B-GPE",
        "I-GPE",
        "O",
        "B-NORP",
        "O",
        None,
    ]


def test_guess_spaces() -> None:
    assert ner_sources.guess_spaces(["He", "said", "(", "no", ")", ",", "ok", "."]) == [
        True,
        True,
        False,
        False,
        False,
        True,
        False,
        False,
    ]


def test_re3d_doc_trims_titles_and_drops_nominals() -> None:
    text = "Foreign Minister Sergei Lavrov met U.S. service members in Syria[1]."
    ents = (
        (0, 30, "Person"),
        (35, 54, "Person"),
        (58, 63, "Location"),
    )
    document = ner_sources.Re3dDocument("d1", "test", text, ents)
    doc = ner_sources.re3d_doc(spacy.blank("en"), document)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Sergei Lavrov", "PERSON"),
        ("Syria", "GPE"),
    ]
    unknown = [t.text for t in doc if t.ent_iob_ == ""]
    assert unknown == ["U.S."]


def test_re3d_split_is_fixed() -> None:
    assert [ner_sources.re3d_split(i) for i in range(6)] == [
        "test",
        "train",
        "train",
        "dev",
        "train",
        "test",
    ]


def test_gum_splits(tmp_path: Path) -> None:
    md = tmp_path / "splits.md"
    md.write_text("## dev\n\n  * GUM_a\n\n## test\n\n  * GUM_b\n", encoding="utf8")
    assert gum_splits(md) == {"GUM_a": "dev", "GUM_b": "test"}


def test_score_ner_ignores_predictions_on_unknown_tokens() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [  # type: ignore[attr-defined]
            {"label": "PERSON", "pattern": "Kerry"},
            {"label": "GPE", "pattern": "London"},
            {"label": "NORP", "pattern": "Syrian"},
            {"label": "ORG", "pattern": "met"},
        ]
    )
    words = ["Kerry", "met", "Syrian", "envoys", "in", "London"]
    gold = Doc(nlp.vocab, words=words, ents=["B-PER", "O", "", "O", "O", "B-LOC"])
    scores = evaluate.score_ner(
        nlp, [gold], gold_map={"PER": "PER", "LOC": "LOC"}, pred_map=evaluate.UNER_MAP
    )
    assert scores["PER"]["f"] == 1.0
    assert scores["LOC"]["f"] == 1.0
    assert scores["ORG"]["p"] == 0.0  # "met" is a false positive
    assert scores["ALL"]["p"] == 2 / 3


def _conllu_with_text(text: str) -> str:
    return f"# sent_id = s1\n# text = {text}\n1\t{text}\t_\tX\tX\t_\t0\troot\t_\t_\n\n"


def test_vector_text_leaves_every_evaluation_text_out(tmp_path: Path) -> None:
    """Static vectors are trained on unlabelled text, never on a text we score on: EWT test,
    GUM test and PolNeAR dev must not reach them, their train halves must."""
    from parallax.nlp.training.vectors import raw_texts

    data = tmp_path / "data"
    for split in ("train", "dev"):
        folder = data / "polnear" / "data" / split / "text"
        folder.mkdir(parents=True)
        (folder / "a.txt").write_text(f"polnear {split} text\n\nsecond paragraph", encoding="utf8")
    ewt = data / "training" / "ud-ewt"
    ewt.mkdir(parents=True)
    for split in ("train", "dev", "test"):
        (ewt / f"en_ewt-ud-{split}.conllu").write_text(
            _conllu_with_text(f"ewt {split}"), encoding="utf8"
        )
    gum = data / "training" / "gum"
    gum.mkdir(parents=True)
    (gum / "splits.md").write_text(
        "## train\n* GUM_a\n## dev\n* GUM_b\n## test\n* GUM_c\n", encoding="utf8"
    )
    for name, split in (("GUM_a", "train"), ("GUM_b", "dev"), ("GUM_c", "test")):
        (gum / f"{name}.conllu").write_text(_conllu_with_text(f"gum {split}"), encoding="utf8")
    crossner = data / "training" / "crossner-politics"
    crossner.mkdir(parents=True)
    for name in ("train", "dev", "test"):
        (crossner / f"{name}.txt").write_text(f"crossner\tO\n{name}\tO\n\n", encoding="utf8")
    texts = set(raw_texts(data, examples=tmp_path / "no-examples"))
    assert {"polnear train text", "second paragraph", "ewt train", "ewt dev"} <= texts
    assert {"gum train", "gum dev", "crossner train", "crossner test"} <= texts
    assert not {"polnear dev text", "ewt test", "gum test"} & texts


def test_the_syntax_recipe_reads_static_vectors_and_the_build_passes_them(tmp_path: Path) -> None:
    """The syntax tok2vec reads our static vectors, which the build trains first and hands
    to ``spacy train`` as ``paths.vectors``; the NER pipeline takes none."""
    from spacy.util import load_config

    from parallax.nlp.training.build import CONFIG_DIR, _train_command

    config = load_config(CONFIG_DIR / "syntax.cfg")
    assert config["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"] is True
    assert config["training"]["optimizer"]["learn_rate"]["@schedules"] == "warmup_linear.v1"
    syntax = _train_command("syntax", tmp_path / "corpus", tmp_path / "syntax")
    assert syntax[syntax.index("--paths.vectors") + 1] == str(tmp_path / "vectors" / "vectors")
    assert "--paths.vectors" not in _train_command("ner", tmp_path / "corpus", tmp_path / "ner")


def test_the_exported_attribution_tagger_leaves_the_static_vectors_to_the_pipeline(
    tmp_path: Path,
) -> None:
    """The tagger reads the pipeline's tok2vec output, so its export carries neither the
    tok2vec nor a second copy of the syntax model's static vectors — only its own weights."""
    import numpy

    from parallax.nlp.training.attribution import export

    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    tagger = nlp.add_pipe("ner", name="attribution")
    tagger.add_label("CUE")
    nlp.vocab.set_vector("said", numpy.ones(4, dtype="float32"))
    nlp.initialize()
    nlp.to_disk(tmp_path / "trained")
    export(tmp_path / "trained", tmp_path / "out")
    exported = spacy.load(tmp_path / "out")
    assert exported.pipe_names == ["attribution"]
    assert exported.vocab.vectors.shape[0] == 0
    assert exported.get_pipe("attribution").labels == ("CUE",)
