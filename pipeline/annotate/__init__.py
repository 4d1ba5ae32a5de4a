"""Stage 3, annotate: tokens, sentences, lemmas, tags and entity spans on a spaCy ``Doc``.

First the Latvian backbone (:mod:`.backbone`, models in ``pipeline/models/lv``): the rule
tokenizer's tokens, sentences by the press rules, then UPOS and features, lemmas,
dependencies and the statistical NER from one small spaCy pipeline. Then one component per
finder, each adding candidates to ``doc._.candidates``, and a resolver that sets
``doc.ents``::

    lv_merge_tokens -> lv_press_sentences -> lv_line_breaks
    -> tok2vec -> morphologizer -> lv_upos_lexicon -> lemmatizer -> lv_lemma_lexicon
    -> parser -> lv_statistical_ner
    -> lv_rules -> lv_names -> lv_known_names -> lv_gazetteer -> lv_persons
    -> lv_fuzzy_places -> lv_ner_candidates -> lv_resolve

``--backbone stanza`` takes its sentences from the project's stanza tokenizer and its
lemmas from the project's stanza lemmatizer. Without models (``--backbone rules``, or a
model missing: a warning says so) the backbone is the rule tokenizer and the press
sentence rules, and the finders run the same.
"""
