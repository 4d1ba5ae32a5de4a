"""See and correct what was extracted: an HTML review report, and round trips of the
annotations through Label Studio and spaCy DocBin back into gold JSON (contract section 3).

- :mod:`pipeline.review.report`: ``write_report(documents, out_dir, result)``
- :mod:`pipeline.review.labelstudio`: ``to_tasks``, ``from_export``, ``labelling_config``
- :mod:`pipeline.review.docbin`: ``write_docbin``, ``read_docbin``
- :mod:`pipeline.review.annotations`: gold files in and out, through eval's one view of
  an annotated document (:class:`pipeline.eval.entities.Annotations`)

Its commands are `lvextract review ...` (:mod:`pipeline.cli.review`).
"""
