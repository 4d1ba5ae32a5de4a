"""lvextract: Latvian press releases on visits, social-service centres and EU projects as tables.

The data path is read -> clean -> annotate -> normalise -> fill -> write; each stage is a
module (or subpackage) of this package with a small typed interface over
:mod:`pipeline.document`.
"""

from pipeline.version import __version__

__all__ = ["Resources", "__version__", "extract", "extract_corpus", "extract_texts"]


def __getattr__(name: str):
    """``pipeline.extract``, ``extract_texts`` and ``extract_corpus`` without loading spaCy
    on import."""
    if name in ("extract", "extract_corpus", "extract_texts"):
        from pipeline import run

        return getattr(run, name)
    if name == "Resources":
        from pipeline.resources import Resources

        return Resources
    raise AttributeError(name)
