"""Stage 3, annotate: tokens, sentences, lemmas, tags and entity spans on a spaCy ``Doc``.

First the Latvian backbone (:mod:`.backbone`, models in ``pipeline/models/lv``): the rule
tokenizer's tokens with stanza's sentence boundaries, then lemmas, UPOS/XPOS, features and
dependencies, and the statistical NER. Then one component per finder, each adding
candidates to ``doc._.candidates``, and a resolver that sets ``doc.ents``::

    [stanza sentences] -> lv_merge_tokens -> lv_line_breaks
    -> tok2vec -> tagger -> morphologizer -> lemmatizer (stanza's, else spaCy's edit trees)
    -> lv_lemma_lexicon -> parser -> lv_statistical_ner
    -> lv_rules -> lv_names -> lv_known_names -> lv_gazetteer -> lv_persons
    -> lv_fuzzy_places -> lv_ner_candidates -> lv_resolve

Without models (``--backbone rules``, or a model missing: a warning says so) the backbone
is the rule tokenizer and spaCy's sentencizer, and the finders run the same.
"""
