"""Reading officials' forms: Vietnamese messages per field, the entered values kept for re-display."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import TypeVar
from uuid import UUID

from application.core.errors import NotFoundError
from application.core.ledger_core import Entry
from domain.acts import LegalBasis

E = TypeVar("E", bound=Enum)
# ASCII digits only: str.isdigit() also takes `²` or `①`, which int() refuses (a 500, issue 10 §1). Forty
# digits pass every ceiling the domain sets (which then names it); longer is refused before int() is tried.
WHOLE_NUMBER = re.compile(r"[0-9]{1,40}")


def parse_date(text: str) -> date:
    """dd/mm/yyyy as officials write it, or yyyy-mm-dd as date pickers send it."""
    text = text.strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def whole_number(text: str) -> int | None:
    """The number an official typed in ASCII digits, or None for anything else."""
    return int(text) if WHOLE_NUMBER.fullmatch(text) else None


def signed_number(text: str) -> int | None:
    number = whole_number(text.removeprefix("-"))
    return -number if number is not None and text.startswith("-") else number


class FormReader:
    """`days`, for query parameters: the first and last day a URL may ask for (web/query_bounds.py)."""

    def __init__(self, data: Mapping[str, str], days: tuple[date, date] | None = None) -> None:
        self.data = {key: str(value) for key, value in data.items()}
        self.errors: dict[str, str] = {}
        self.days = days

    def text(self, name: str, required: bool = True, message: str = "Không được để trống.") -> str:
        value = self.data.get(name, "").strip()
        if required and not value:
            self.errors[name] = message
        return value

    def date(self, name: str, required: bool = True) -> date | None:
        value = self.data.get(name, "").strip()
        if not value:
            if required:
                self.errors[name] = "Hãy nhập ngày theo dạng dd/mm/yyyy."
            return None
        try:
            return self.within(name, parse_date(value))
        except ValueError:
            self.errors[name] = f"“{value}” không phải ngày hợp lệ (dd/mm/yyyy)."
            return None

    def within(self, name: str, day: date) -> date | None:
        if self.days and not self.days[0] <= day <= self.days[1]:
            first, last = (f"{bound:%d/%m/%Y}" for bound in self.days)
            self.errors[name] = f"Ngày phải từ {first} đến {last}."
            return None
        return day

    def integer(
        self, name: str, minimum: int | None = None, maximum: int | None = None, required: bool = True
    ) -> int | None:
        """A whole number as typed (`1.500.000 đ` too); never negative unless `minimum` says so."""
        value = re.sub(r"[\s.,đ]", "", self.data.get(name, ""))
        if not value and not required:
            return None
        number, low = signed_number(value), 0 if minimum is None else minimum
        if number is None:
            self.errors[name] = "Hãy nhập một số nguyên." if len(value) <= 40 else "Số quá lớn."
        elif number < low or (maximum is not None and number > maximum):
            self.errors[name] = (
                f"Giá trị phải từ {low} đến {maximum}." if maximum is not None else f"Giá trị tối thiểu là {low}."
            )
        else:
            return number
        return None

    def choice(self, name: str, kind: type[E], allowed: tuple[E, ...] | None = None) -> E | None:
        try:
            value = kind(self.data.get(name, ""))
        except ValueError:
            value = None
        if value is None or (allowed and value not in allowed):
            self.errors[name] = "Hãy chọn một giá trị trong danh sách."
            return None
        return value

    def optional_choice(self, name: str, kind: type[E]) -> E | None:
        """A select whose empty option means “not known yet”."""
        return self.choice(name, kind) if self.data.get(name, "").strip() else None

    def flag(self, name: str) -> bool | None:
        """Có / Không / chưa rõ, as a select with the values yes, no and empty."""
        return {"yes": True, "no": False}.get(self.data.get(name, ""))

    def uuid(self, name: str, message: str = "Hãy chọn hộ.") -> UUID | None:
        try:
            return UUID(self.data.get(name, "").strip())
        except ValueError:
            self.errors[name] = message
            return None

    def subject_id(self, name: str) -> UUID:
        """The record a form is about, from its hidden field: a missing or forged id is a record not found."""
        try:
            return UUID(self.data.get(name, "").strip())
        except ValueError:
            raise NotFoundError("Không tìm thấy hồ sơ: mã hồ sơ trong biểu mẫu không hợp lệ.") from None

    def uuids(self, values: list[str], name: str) -> list[UUID]:
        try:
            return [UUID(value) for value in values if value.strip()]
        except ValueError:
            self.errors[name] = "Danh sách hộ không hợp lệ."
            return []

    def entry(self) -> Entry | None:
        effective_on = self.date("effective_on")
        basis_number = self.text("basis_number", required=False)
        basis_on = self.date("basis_issued_on", required=False)
        basis = LegalBasis(basis_number, basis_on, self.text("basis_issuer", required=False)) if basis_number else None
        version = self.data.get("expected_version", "").strip()
        if effective_on is None:
            return None
        return Entry(
            effective_on,
            basis,
            self.text("note", required=False),
            self.data.get("command_id", ""),
            whole_number(version),
        )
