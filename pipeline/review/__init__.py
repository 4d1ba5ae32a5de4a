"""See and correct what was extracted: an HTML review report, and round trips of the
annotations through Label Studio and spaCy DocBin back into gold JSON (contract section 3).

- :mod:`pipeline.review.report`: ``write_report(documents, out_dir, result)``
- :mod:`pipeline.review.labelstudio`: ``to_tasks``, ``from_export``, ``labelling_config``
- :mod:`pipeline.review.docbin`: ``write_docbin``, ``read_docbin``

Its commands are `lvextract review ...` (:mod:`pipeline.cli.review`).
- :mod:`pipeline.review.annotations`: the shared gold-shaped :class:`Annotated` document
"""
