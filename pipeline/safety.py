"""Safe outputs: spreadsheet-formula neutralisation and the ``--redact`` rule.

**CSV cells a spreadsheet would execute.** OWASP's rule, whatever follows: a text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab, CR or LF gets a single quote ``'`` in front,
so Excel, LibreOffice and Google Sheets show it as text instead of running it as a formula
(``=HYPERLINK(...)``, ``@SUM(...)``, ``+372 2000000``, ``-2+3``). So a PHONE norm
``+37129123456`` reads ``'+37129123456`` and a DATE without a year ``--12-06`` reads
``'--12-06`` in CSV and xlsx; a text cell that itself starts with ``'`` gets a second one,
so :func:`plain_cell` gives every value back exactly. Numbers stored as numbers are never
touched, and Parquet and JSON Lines keep the plain values (they are no spreadsheet format).

**Redaction (``--redact``).** E-mail addresses and phone numbers of *private persons* are
replaced by ``[redacted e-mail]`` / ``[redacted phone]`` in every CSV: EMAIL and PHONE
mentions (``text`` and ``norm``) and any text cell of any table. "Private" is decided
simply:

- an e-mail is an institution's, and kept, when its local part (before ``@``) contains one
  of the role words in :data:`ROLE_WORDS` (info, prese, pasts, dome, birojs, kanceleja,
  dienests, centrs, ...); every other address (``ilze.kalnina@...``) is private;
- a phone number is an institution's, and kept, when it is a Latvian landline or service
  number (8 digits starting with 6, 8 or 9, with or without +371 / 00371); mobile numbers
  (starting with 2) and every other number are private.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
ESCAPE = "'"
ESCAPED_STARTS = (*FORMULA_STARTS, ESCAPE)

REDACTED_EMAIL = "[redacted e-mail]"
REDACTED_PHONE = "[redacted phone]"
ROLE_WORDS = (
    "info", "prese", "pasts", "dome", "birojs", "kanceleja", "padome", "pasvald", "dienest",
    "centrs", "centr", "sekretar", "projekt", "admin", "office", "kontakt", "biedrib", "fonds",
    "nodala", "parvald", "skola", "bibliotek", "novads", "novada", "pilseta", "agentur",
    "noreply", "no-reply", "komunikac", "sabiedr", "socialais", "socdienests", "soc.",
    "pakalpoj", "atbalst", "klient", "uznemum", "registr", "lietved", "iestade", "press",
    "media", "mail", "post", "contact", "support", "help", "jautajumi",
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\s?371[\s-]?)?\d(?:[\s-]?\d){7}(?![\w])")


def safe_cell(value: Any) -> Any:
    """``'`` before a text cell a spreadsheet would run as a formula (module docstring)."""
    if isinstance(value, str) and value.startswith(ESCAPED_STARTS):
        return ESCAPE + value
    return value


def plain_cell(value: str) -> str:
    """The value :func:`safe_cell` was given, from the cell it wrote (CSV readers use it)."""
    if value.startswith(ESCAPE) and value[1:].startswith(ESCAPED_STARTS):
        return value[1:]
    return value


def is_private_email(address: str) -> bool:
    local = address.split("@", 1)[0].lower()
    return not any(word in local for word in ROLE_WORDS)


def is_private_phone(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if len(digits) == 11 and digits.startswith("371"):
        digits = digits[3:]
    elif len(digits) == 13 and digits.startswith("00371"):
        digits = digits[5:]
    return not (len(digits) == 8 and digits[0] in "689")


def redact_text(text: str) -> str:
    """``text`` with private e-mail addresses and phone numbers replaced."""
    text = EMAIL.sub(lambda m: REDACTED_EMAIL if is_private_email(m.group()) else m.group(), text)
    return PHONE.sub(lambda m: REDACTED_PHONE if is_private_phone(m.group()) else m.group(), text)


def redact_mention(label: str, text: str, norm: str | None) -> tuple[str, str | None]:
    """A mention's ``(text, norm)`` with a private EMAIL or PHONE replaced."""
    if label == "EMAIL":
        if is_private_email(norm or text):
            return REDACTED_EMAIL, REDACTED_EMAIL
        return text, norm
    if label == "PHONE":
        if is_private_phone(norm or text):
            return REDACTED_PHONE, REDACTED_PHONE
        return text, norm
    return redact_text(text), (redact_text(norm) if norm else norm)
