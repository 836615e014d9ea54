"""What an official may enter at all: money, text, counts and days, checked before anything is recorded.

Every aggregate command passes what it records through these checks, whatever the entry path (API, form,
import, command line), so no stored event holds a number a read-model column cannot take, a character a
database refuses, or a day the calendar rules cannot reach (issue 10 §1; design.md §2.8). Each refusal is
an InvalidInputError naming the field, so the API answers 422 and a form shows it next to the field.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from domain.errors import InvalidInputError
from domain.formatting import vn_date, vn_money

# 10^12 đ (one thousand billion đồng): ten thousand times the largest VBSP household loan (100 million đ,
# domain.md §8.1) and above any commune's yearly budget, yet so far inside the read models' 64-bit BIGINT
# columns (9.2 × 10^18) that a sum over a million recorded amounts still fits.
MONEY_CEILING = 10**12

# The read models' INTEGER columns are 32-bit on PostgreSQL (application/readmodels/schema.py); every count
# below has its own, much smaller range.
INT32_MAX = 2**31 - 1

# Default of Settings.earliest_day: no act of a commune's poverty ledger predates the State (02/09/1945);
# the year's first day is the round bound issue 10 asks for. It also keeps year-0001 dates out.
EARLIEST_DAY = date(1945, 1, 1)
# Birth dates reach further back than acts: the oldest living people were born after 1900.
EARLIEST_BIRTH_YEAR = 1900
# Planned days (a project's start, a plan's year) may lie ahead, but not so far that the deadlines derived
# from them (up to 120 months later) approach date.max: 50 years covers ten five-year programmes.
PLANNING_HORIZON_YEARS = 50

# Maximum lengths (characters, after NFC normalisation). Vietnamese full names rarely pass 40 characters;
# a document number such as "1234/QĐ-UBND-LĐTBXH" passes 20; the bounds leave room, not room for abuse.
NAME = 100  # a person's full name, a hamlet, a commune, a relation, an ethnicity, an official's name
CODE = 30  # a household code (mã hộ)
CITIZEN_ID = 12  # căn cước công dân: 12 digits (Law on Identification 2023, Art. 12)
ADDRESS = 300
DOCUMENT_NUMBER = 200  # số văn bản, certificate and minutes numbers; an imported file's name
ISSUER = 200  # the authority that issued a document
TITLE = 300  # a project's or target's name
NOTE = 2000  # a note on an act (multi-line)
PASSAGE = 4000  # reasons, evidence, results, complaints (multi-line)
COMMAND_ID = 200

# Characters no field may hold: controls (Cc: NUL and the like), format characters (Cf: bidi overrides
# U+202A–U+202E and isolates U+2066–U+2069, zero-width spaces and joiners, the BOM), lone surrogates
# (Cs, which UTF-8 cannot encode) and the Unicode line and paragraph separators (Zl, Zp).
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
MULTILINE_ALLOWED = frozenset({"\n", "\t"})


def refuse(field: str, message: str) -> InvalidInputError:
    return InvalidInputError({field: message})


def text(value: str, field: str, label: str, limit: int, required: bool = False, multiline: bool = False) -> str:
    """The text in NFC, stripped; refused with control or invisible characters, or too long."""
    if not isinstance(value, str):
        raise refuse(field, f"{label}: phải là chữ.")
    normal = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n") if multiline else value)
    allowed = MULTILINE_ALLOWED if multiline else frozenset()
    for position, char in enumerate(normal, start=1):
        if char not in allowed and unicodedata.category(char) in REFUSED_CATEGORIES:
            raise refuse(field, f"{label}: có ký tự điều khiển hoặc ký tự ẩn ở vị trí {position}; hãy gõ lại.")
    normal = normal.strip()
    if required and not normal:
        raise refuse(field, f"{label}: không được để trống.")
    if len(normal) > limit:
        raise refuse(field, f"{label}: không quá {limit} ký tự (đang có {len(normal)}).")
    return normal


def printable(value: str, limit: int) -> str:
    """Text the system itself records (a mail server's error): refused characters become spaces, cut to
    the limit. Never for what an official types, which is refused instead so the official can correct it."""
    cleaned = "".join(" " if unicodedata.category(c) in REFUSED_CATEGORIES else c for c in str(value))
    return unicodedata.normalize("NFC", cleaned)[:limit]


def line(value: str, field: str, label: str, limit: int = NAME, required: bool = False) -> str:
    return text(value, field, label, limit, required=required)


def passage(value: str, field: str, label: str, limit: int = PASSAGE, required: bool = False) -> str:
    """Multi-line text: newline and tab allowed (notes, reasons, evidence, results)."""
    return text(value, field, label, limit, required=required, multiline=True)


def optional_line(value: str | None, field: str, label: str, limit: int = NAME) -> str | None:
    return None if value is None else line(value, field, label, limit)


def count(value: int, field: str, label: str, low: int, high: int) -> int:
    """A whole number in [low, high]; high never above a 32-bit read-model column."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise refuse(field, f"{label}: phải là số nguyên.")
    if not low <= value <= min(high, INT32_MAX):
        raise refuse(field, f"{label}: phải từ {low} đến {min(high, INT32_MAX)}.")
    return value


def optional_count(value: int | None, field: str, label: str, low: int, high: int) -> int | None:
    return None if value is None else count(value, field, label, low, high)


@dataclass(frozen=True)
class Ceiling:
    """The most a field may hold, in đồng, and why (the legal basis, or the global bound)."""

    amount: int = MONEY_CEILING
    basis: str = "giới hạn chung của sổ"


GLOBAL_CEILING = Ceiling()


def money(value: int, field: str, label: str, minimum: int = 0, ceiling: Ceiling = GLOBAL_CEILING) -> int:
    """An amount in whole đồng between minimum and the ceiling (never above the global ceiling)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise refuse(field, f"{label}: phải là số tiền nguyên (đồng).")
    if value < minimum:
        raise refuse(field, f"{label}: phải từ {vn_money(minimum)} trở lên.")
    top = min(ceiling.amount, MONEY_CEILING)
    if value > top:
        basis = ceiling.basis if ceiling.amount <= MONEY_CEILING else GLOBAL_CEILING.basis
        raise refuse(field, f"{label}: không quá {vn_money(top)} ({basis}).")
    return value


def optional_money(value: int | None, field: str, label: str, minimum: int = 0) -> int | None:
    return None if value is None else money(value, field, label, minimum)


@dataclass(frozen=True)
class Days:
    """The days an act may bear: from the configured earliest day to today (both given by the application;
    the domain reads no clock). Without a today, only the earliest day is checked (domain tests)."""

    earliest: date = EARLIEST_DAY
    today: date | None = None

    def past(self, day: date, field: str, label: str) -> date:
        """A day something happened: an act took effect, a document was issued."""
        self._check_type(day, field, label)
        if day < self.earliest:
            raise refuse(field, f"{label}: không được trước ngày {vn_date(self.earliest)}.")
        if self.today and day > self.today:
            raise refuse(field, f"{label}: không được sau ngày hôm nay ({vn_date(self.today)}).")
        return day

    def planned(self, day: date, field: str, label: str) -> date:
        """A day planned ahead (a project's start): from the earliest day to the planning horizon."""
        self._check_type(day, field, label)
        if day < self.earliest:
            raise refuse(field, f"{label}: không được trước ngày {vn_date(self.earliest)}.")
        horizon = self.horizon()
        if day > horizon:
            raise refuse(field, f"{label}: không được sau ngày {vn_date(horizon)}.")
        return day

    def horizon(self) -> date:
        today = self.today or date(2000, 1, 1)
        return date(today.year + PLANNING_HORIZON_YEARS, 12, 31)

    def year(self, value: int, field: str, label: str) -> int:
        """A plan's or review's year: from the earliest day's year to the planning horizon."""
        return count(value, field, label, self.earliest.year, self.horizon().year)

    @staticmethod
    def _check_type(day: date, field: str, label: str) -> None:
        if not isinstance(day, date):
            raise refuse(field, f"{label}: phải là một ngày (dd/mm/yyyy).")


def birth(born_on: date | None, birth_year: int | None, days: Days) -> None:
    """A member's birth: a day or a year from 1900 to today."""
    if born_on is not None:
        Days(date(EARLIEST_BIRTH_YEAR, 1, 1), days.today).past(born_on, "born_on", "Ngày sinh")
    if birth_year is not None:
        top = days.today.year if days.today else days.horizon().year
        count(birth_year, "birth_year", "Năm sinh", EARLIEST_BIRTH_YEAR, top)
