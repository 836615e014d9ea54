"""Reading a household list the commune keeps in Excel (XLSX) or CSV: the rows, checked one by one.

The columns are those of the exported lists (application/lists/household_lists.py COLUMNS); title rows above
the header are skipped, and the header row is found by its "Họ tên chủ hộ" cell. Row numbers are the
ones Excel shows, so an official finds the faulty cell at once.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from openpyxl import load_workbook

from application.lists.list_layout import AREA_NAMES, CLASS_NAMES, COLUMNS, OCCUPATION_NAMES, SEX_NAMES, ListKind
from domain.deadlines import newly_escaped_until
from domain.formatting import vn_date
from domain.people import Sex
from domain.standards import Area
from domain.survey import Occupation

HEAD_NAME = "Họ tên chủ hộ"
REQUIRED = ("Xóm", HEAD_NAME, "Phân loại", "Ngày công nhận")
CITIZEN_ID = re.compile(r"\d{12}")
T = TypeVar("T")
Day = date  # the type, for RowReader's annotations: its date method shadows the name in the class body


@dataclass(frozen=True)
class RowError:
    row: int  # as Excel numbers it (1 = the first line of the file)
    column: str
    message: str
    file: str = ""  # the file's name, when several are imported together


@dataclass(frozen=True)
class ImportRow:
    """One checked row: what the household is and what it was recognised as, on which decision."""

    row: int
    code: str
    hamlet: str
    head_name: str
    citizen_id: str
    born_on: date | None
    birth_year: int | None
    sex: Sex | None
    address: str
    area: Area
    kind: ListKind
    recognised_on: date
    decision_number: str
    decision_on: date | None
    issuer: str
    escaped_on: date | None
    window_ends_on: date | None
    members: int
    occupation: Occupation | None
    income: int | None
    note: str

    @property
    def key(self) -> tuple[str, ...]:
        """The natural key: the commune's household code, else hamlet + head's name + citizen ID."""
        return ("code", self.code.casefold()) if self.code else self.identity

    @property
    def identity(self) -> tuple[str, ...]:
        return ("identity", self.hamlet, " ".join(self.head_name.split()).casefold(), self.citizen_id)


class UnreadableFileError(ValueError):
    """The file is not a readable XLSX or CSV list; the message says why, in Vietnamese."""


def read_table(name: str, content: bytes) -> list[tuple[int, list[str]]]:
    """Every non-empty row as (row number, cells as text)."""
    if name.lower().endswith(".xlsx"):
        return list(xlsx_rows(content))
    if name.lower().endswith(".csv"):
        return list(csv_rows(content))
    raise UnreadableFileError("Chỉ nhận tệp .xlsx hoặc .csv.")


def xlsx_rows(content: bytes) -> Iterator[tuple[int, list[str]]]:
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises several kinds for a file that is not a workbook
        raise UnreadableFileError("Tệp không phải tệp Excel (.xlsx) đọc được.") from None
    for number, values in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
        cells = [cell_text(value) for value in values]
        if any(cells):
            yield number, cells


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def csv_rows(content: bytes) -> Iterator[tuple[int, list[str]]]:
    """UTF-8 (with or without the BOM Excel writes), else the Windows Vietnamese code page."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1258")
        except UnicodeDecodeError:
            raise UnreadableFileError("Không đọc được bảng mã của tệp CSV (cần UTF-8 hoặc Windows-1258).") from None
    for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in cells]
        if any(cells):
            yield number, cells


def header_and_rows(table: list[tuple[int, list[str]]]) -> tuple[dict[str, int], list[tuple[int, dict[str, str]]]]:
    for index, (_, cells) in enumerate(table):
        if HEAD_NAME in cells:
            header = {title: position for position, title in enumerate(cells) if title}
            missing = [title for title in REQUIRED if title not in header]
            if missing:
                raise UnreadableFileError("Thiếu cột: " + ", ".join(f"“{title}”" for title in missing) + ".")
            rows = [(number, record(header, cells)) for number, cells in table[index + 1 :]]
            return header, rows
    raise UnreadableFileError(f"Không tìm thấy dòng tiêu đề có cột “{HEAD_NAME}”.")


def record(header: dict[str, int], cells: list[str]) -> dict[str, str]:
    return {title: (cells[position] if position < len(cells) else "") for title, position in header.items()}


KINDS = {name.casefold(): kind for kind, name in CLASS_NAMES.items()}
AREAS = {name.casefold(): area for area, name in AREA_NAMES.items()}
SEXES = {name.casefold(): sex for sex, name in SEX_NAMES.items()}
OCCUPATIONS = {name.casefold(): occupation for occupation, name in OCCUPATION_NAMES.items()}
KNOWN_COLUMNS = frozenset(COLUMNS)


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


def parse_row(number: int, cells: dict[str, str], hamlets: list[str]) -> tuple[ImportRow | None, list[RowError]]:
    """The row as values, or None with every faulty cell of it (never only the first)."""
    reader = RowReader(number, cells)
    hamlet = reader.text("Xóm", required=True)
    if hamlet and hamlet not in hamlets:
        reader.fail("Xóm", f"Xóm “{hamlet}” không thuộc danh sách xóm của xã.")
    kind = reader.choice("Phân loại", KINDS, required=True)
    born_on, birth_year = reader.born()
    values: dict[str, Any] = dict(  # ImportRow's fields, once check_kind has found nothing missing
        code=reader.text("Mã hộ"),
        hamlet=hamlet,
        head_name=reader.text(HEAD_NAME, required=True),
        citizen_id=reader.citizen_id(),
        born_on=born_on,
        birth_year=birth_year,
        sex=reader.choice("Giới tính", SEXES),
        address=reader.text("Địa chỉ"),
        area=reader.choice("Khu vực", AREAS) or Area.RURAL,
        kind=kind,
        recognised_on=reader.date("Ngày công nhận", required=True),
        decision_number=reader.text("Số quyết định"),
        decision_on=reader.date("Ngày quyết định"),
        issuer=reader.text("Cơ quan ban hành"),
        escaped_on=reader.date("Thoát nghèo ngày"),
        window_ends_on=reader.date("Hết 36 tháng ngày"),
        members=reader.number("Số nhân khẩu", minimum=1) or 1,
        occupation=reader.choice("Ngành nghề", OCCUPATIONS),
        income=reader.number("Thu nhập bình quân (đồng/người/tháng)"),
        note=reader.text("Ghi chú"),
    )
    check_kind(reader, values)
    if reader.errors:
        return None, reader.errors
    return ImportRow(row=number, **values), []


def check_kind(reader: RowReader, values: dict[str, object]) -> None:
    """What each list needs beyond the common columns."""
    if values["kind"] is ListKind.NEWLY_ESCAPED:
        values["escaped_on"] = values["escaped_on"] or values["recognised_on"]
        ends, escaped_on = values["window_ends_on"], values["escaped_on"]
        if isinstance(ends, date) and isinstance(escaped_on, date) and ends != newly_escaped_until(escaped_on):
            reader.fail(
                "Hết 36 tháng ngày",
                f"36 tháng tính từ ngày thoát nghèo {vn_date(escaped_on)} hết vào ngày"
                f" {vn_date(newly_escaped_until(escaped_on))}, không phải {vn_date(ends)}.",
            )
    if values["kind"] is ListKind.AVERAGE_LIVING:
        if values["occupation"] is None and not reader.text("Ngành nghề"):
            reader.fail("Ngành nghề", "Hộ có mức sống trung bình cần ngành nghề (nông, lâm, ngư, diêm nghiệp).")
        if values["income"] is None and not reader.text("Thu nhập bình quân (đồng/người/tháng)"):
            reader.fail("Thu nhập bình quân (đồng/người/tháng)", "Hộ có mức sống trung bình cần thu nhập bình quân.")
