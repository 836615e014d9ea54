"""Extreme and hostile values a script or an attacker can send to the JSON API (issue 10 §1).

Each value replaces one field of a valid request, chosen by the kind of the field's valid value, so
that everything else in the request still passes and the hostile value reaches the domain.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import timedelta
from typing import Any

from hypothesis import strategies as st

from tests.conftest import TODAY

INTS = [2**31, 2**31 - 1, 2**53, 2**53 + 1, 2**63 - 1, 2**63, 2**64, -(2**63), -(2**63) - 1, -(10**30), 10**30]
INTS += [0, -1, 1]
FLOATS = [float("nan"), float("inf"), float("-inf"), 1e308, -1e308, 1.5, -0.0, 5e-324, 9.223372036854776e18]
CONTROLS = ["\x00", "\x01", "\x07", "\x1b[31m", "\x7f", "\x85", "\x9b", "\r", "\x0b", "\x0c"]
BIDI = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f"]
INVISIBLE = ["\u200b", "\u200d", "\ufeff", "\u00ad", "\u2028", "\u3000"]
SURROGATES = ["\ud800", "\udfff", "\udbff\udfff"]  # lone or paired, sent escaped: "\ud800"
TEXTS = ["", " ", "\t\n", "😀👨‍👩‍👧‍👦", "a" * 10_000, "Ư" * 10_000, "<script>alert(1)</script>", "'; DROP TABLE x; --"]
TEXTS += ["%s%n{0}", "\\", '"', "null", "NaN", "١٢٣", "Ⅻ", "²"]
DATES = ["0001-01-01", "9999-12-31", "1944-12-31", "1945-01-01", (TODAY + timedelta(days=1)).isoformat()]
DATES += ["0000-01-01", "10000-01-01", "-0001-01-01", "2026-02-30", "2026-13-01", "28/11/2026", "2026-11-28T25:00"]
UUIDS = ["not-a-uuid", "", str(uuid.UUID(int=0)), "ffffffff-ffff-ffff-ffff-ffffffffffff", "../../etc/passwd"]
UUIDS += ["00000000-0000-0000-0000-00000000000g", "1" * 10_000, "%00", "{12345678-1234-5678-1234-567812345678}"]
WRONG_TYPES: list[Any] = [None, True, False, [], {}, [1, 2], {"a": 1}, "1", 1, 1.0]
DATE_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UUID_TEXT = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
HOSTILE_CHARACTERS = CONTROLS + BIDI + INVISIBLE + SURROGATES


def hostile_ints() -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(INTS), st.integers(), st.sampled_from(FLOATS), st.sampled_from(WRONG_TYPES))


def hostile_dates() -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(DATES), st.dates().map(str), st.sampled_from([0, 2**63, -1, None, []]))


def hostile_uuids() -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(UUIDS), st.uuids().map(str), st.sampled_from(WRONG_TYPES))


def hostile_texts(valid: str) -> st.SearchStrategy[Any]:
    """Whole hostile strings, and the valid text with one hostile character inside (so the rest still passes)."""
    spliced = st.builds(splice, st.just(valid), st.sampled_from(HOSTILE_CHARACTERS), st.integers(0, len(valid)))
    nfd = st.just(unicodedata.normalize("NFD", valid + " Nguyễn Thị Ánh"))
    every_character = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
    whole = st.sampled_from(TEXTS + HOSTILE_CHARACTERS)
    return st.one_of(spliced, nfd, whole, every_character, st.sampled_from(WRONG_TYPES), hostile_ints())


def splice(valid: str, character: str, at: int) -> str:
    return valid[:at] + character + valid[at:]


def hostile_value(valid: Any) -> st.SearchStrategy[Any]:
    """Hostile values for a field whose valid value is `valid`."""
    if isinstance(valid, bool) or valid is None:
        return st.one_of(st.sampled_from(WRONG_TYPES), hostile_ints(), hostile_texts("x"), hostile_dates())
    if isinstance(valid, int | float):
        return hostile_ints()
    if isinstance(valid, str) and DATE_TEXT.match(valid):
        return st.one_of(hostile_dates(), hostile_texts(valid))
    if isinstance(valid, str) and UUID_TEXT.match(valid):
        return st.one_of(hostile_uuids(), hostile_texts(valid))
    if isinstance(valid, str):
        return hostile_texts(valid)
    return st.one_of(st.sampled_from(WRONG_TYPES), st.just([valid, valid]), st.just("x" * 10_000))


def pinpointed(valid: Any) -> list[Any]:
    """The few values every field of its kind is tried with, besides the drawn ones: those known to
    have stopped the ledger (2^63 đ, a NUL, year 0001) and their neighbours, and the extremes a bounded
    field still accepts (10^12 đ, 01/01/1945, today, an emoji, decomposed Vietnamese), whose events every
    read model must then apply."""
    if isinstance(valid, bool) or valid is None:
        return []
    if isinstance(valid, int | float):
        floats = [float("nan"), float("inf")] if isinstance(valid, float) else []
        return [2**63 - 1, 2**63, -(2**63) - 1, 10**12, 2**31 - 1, *floats]
    if not isinstance(valid, str):
        return []
    if DATE_TEXT.match(valid):
        return ["0001-01-01", "9999-12-31", "1944-12-31", (TODAY + timedelta(days=1)).isoformat(), "1945-01-01"]
    if UUID_TEXT.match(valid):
        return [str(uuid.UUID(int=7)), "not-a-uuid"]
    hostile = [splice(valid, c, len(valid) // 2) for c in ("\x00", "\u202e", "\ud800")] + [valid + "a" * 10_000]
    return [*hostile, valid + " 😀", unicodedata.normalize("NFD", valid + " Nguyễn Thị Ánh")]
