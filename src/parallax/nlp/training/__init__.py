"""Recipe for Parallax's own English spaCy pipeline.

No pretrained English pipeline can be installed or downloaded here, so the model
is trained from the openly licensed corpora in ``../shared/data/training``.
The modules split the recipe into small steps that can each be tested alone:

* :mod:`.labels` - the one entity label set and the mapping heuristics that every
  source shares (GPE vs LOC vs FAC, named-ness, titles, demonyms);
* :mod:`.conllu` - a CoNLL-U reader (UD EWT, GUM trees and GUM entity mentions);
* :mod:`.ner_sources` - UNER, re3d and CrossNER converters;
* :mod:`.corpora` - writes the train/dev/test ``DocBin`` files with fixed splits;
* :mod:`.build` - the whole recipe (``python -m parallax.nlp.training.build``);
* :mod:`.evaluate` and :mod:`.speed` - the numbers in ``docs/model.md``.
"""
