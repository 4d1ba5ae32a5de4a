"""Stage 3, annotate: tokens, sentences and entity spans on a spaCy ``Doc`` of the clean text.

The pipeline is ``spacy.blank("lv")`` with Latvian tokenizer exceptions, then one component
per finder, each adding candidates to ``doc._.candidates``, and a resolver that sets
``doc.ents``::

    lv_merge_tokens -> sentencizer -> lv_line_breaks
    -> lv_rules -> lv_names -> lv_known_names -> lv_gazetteer -> lv_persons
    -> lv_fuzzy_places -> lv_resolve
"""
