"""Safe outputs: spreadsheet-formula neutralisation and the ``--redact`` rule.

**CSV cells a spreadsheet would execute.** A text cell that starts with ``=``, ``+``,
``-``, ``@``, a tab, CR or LF gets a single quote ``'`` in front, so Excel, LibreOffice
and Google Sheets show it as text instead of running it as a formula (``=HYPERLINK(...)``,
``@SUM(...)``, ``=cmd|...``). A cell made only of digits, spaces and ``+ - . , / : %`` is
*inert* and left as it is: it cannot call a function, open a link or run a command (that
needs letters, ``(``, ``|`` or ``!``). So numbers ("-5"), phone numbers in the contract's
PHONE norm ("+37129123456") and ISO dates without a year ("--12-06") keep their exact
value. Numbers stored as numbers are never touched.

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
_INERT = re.compile(r"[0-9 +\-.,/:%]*")

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
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _INERT.fullmatch(
        value
    ):
        return "'" + value
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
