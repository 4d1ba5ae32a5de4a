"""Stage 3, annotate: tokens, sentences, lemmas, tags and entity spans on a spaCy ``Doc``.

First the Latvian backbone (:mod:`.backbone`, models in ``pipeline/models/lv``): the rule
tokenizer's tokens and sentences by the press rules. Then one component per finder, each
adding candidates to ``doc._.candidates``; then the statistical models (one small spaCy
pipeline: UPOS and features, lemmas, dependencies, NER) on copies of the sentences whose
analysis is read later (:mod:`.sentence_models`); and a resolver that sets ``doc.ents``::

    lv_merge_tokens -> lv_press_sentences -> lv_line_breaks
    -> lv_rules -> lv_names -> lv_known_names -> lv_gazetteer -> lv_persons
    -> lv_fuzzy_places -> lv_sentence_models -> lv_resolve

``build_backbone`` (what ``eval-backbone`` scores on a treebank) runs the same models over
the whole ``Doc`` instead.

``--backbone stanza`` takes its sentences from the project's stanza tokenizer and its
lemmas from the project's stanza lemmatizer. Without models (``--backbone rules``, or a
model missing: a warning says so) the backbone is the rule tokenizer and the press
sentence rules, and the finders run the same.
"""

from pipeline.document import declare_extensions

declare_extensions()
