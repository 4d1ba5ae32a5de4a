"""The package's version, in a module of its own: every stage may read it without importing
the package facade (``pipeline/__init__.py``), and the build reads it from here."""

__version__ = "0.1.0"
