"""Reading one row's cells into values, with a Vietnamese message for each faulty cell (never only the first)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

CITIZEN_ID = re.compile(r"\d{12}")
T = TypeVar("T")
Day = date  # the type, for RowReader's annotations: its date method shadows the name in the class body


@dataclass(frozen=True)
class RowError:
    row: int  # as Excel numbers it (1 = the first line of the file)
    column: str
    message: str
    file: str = ""  # the file's name, when several are imported together


class RowReader:
    """Reads one row's cells into values, collecting a Vietnamese message per faulty cell."""

    def __init__(self, number: int, cells: dict[str, str]) -> None:
        self.errors: list[RowError] = []
        self.row, self.cells = number, cells

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.row, column, message))

    def text(self, column: str, required: bool = False) -> str:
        value = " ".join(self.cells.get(column, "").split())
        if required and not value:
            self.fail(column, "Không được để trống.")
        return value

    def date(self, column: str, required: bool = False) -> Day | None:
        value = self.text(column, required)
        if not value:
            return None
        try:
            return datetime.strptime(value, "%d/%m/%Y").date()
        except ValueError:
            self.fail(column, f"“{value}” không phải ngày hợp lệ (dd/mm/yyyy).")
            return None

    def choice(self, column: str, choices: Mapping[str, T], required: bool = False) -> T | None:
        value = self.text(column, required)
        if not value:
            return None
        found = choices.get(value.casefold())
        if found is None:
            allowed = ", ".join(f"“{name}”" for name in sorted({c.capitalize() for c in choices}))
            self.fail(column, f"“{value}” không hợp lệ; chỉ nhận {allowed}.")
        return found

    def number(self, column: str, minimum: int = 0) -> int | None:
        value = re.sub(r"[\s.,đ]", "", self.text(column))
        if not value:
            return None
        if not value.isdigit() or int(value) < minimum:
            self.fail(column, f"“{self.text(column)}” không phải số nguyên từ {minimum} trở lên.")
            return None
        return int(value)

    def citizen_id(self, column: str = "Số CCCD chủ hộ") -> str:
        value = self.text(column).replace(" ", "")
        if "*" in value:
            self.fail(
                column,
                f"Số CCCD “{value}” đã bị che: tệp được xuất bởi tài khoản không được xem số đầy đủ."
                " Hãy xuất lại danh sách bằng tài khoản phụ trách xóm, hoặc nhập số đầy đủ.",
            )
            return ""
        if value and not CITIZEN_ID.fullmatch(value):
            self.fail(column, f"Số CCCD “{value}” phải gồm đúng 12 chữ số.")
        return value

    def born(self, column: str = "Ngày sinh chủ hộ") -> tuple[Day | None, int | None]:
        value = self.text(column)
        if re.fullmatch(r"\d{4}", value):
            return None, int(value)
        born_on = self.date(column)
        return born_on, born_on.year if born_on else None
