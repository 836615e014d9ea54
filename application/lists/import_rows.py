"""The rows of a household list file, checked one by one into what each household is and was recognised as.

The columns are those of the exported lists (application/lists/list_layout.py COLUMNS); title rows above
the header are skipped (application/lists/list_files.py reads the file). Row numbers are the ones Excel shows,
so an official finds the faulty cell at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from application.lists.list_files import HEAD_NAME
from application.lists.list_layout import AREA_NAMES, CLASS_NAMES, COLUMNS, OCCUPATION_NAMES, SEX_NAMES, ListKind
from application.lists.row_reader import RowError, RowReader
from domain.deadlines import newly_escaped_until
from domain.formatting import vn_date
from domain.people import Sex
from domain.standards import Area
from domain.survey import Occupation


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


KINDS = {name.casefold(): kind for kind, name in CLASS_NAMES.items()}
AREAS = {name.casefold(): area for area, name in AREA_NAMES.items()}
SEXES = {name.casefold(): sex for sex, name in SEX_NAMES.items()}
OCCUPATIONS = {name.casefold(): occupation for occupation, name in OCCUPATION_NAMES.items()}
KNOWN_COLUMNS = frozenset(COLUMNS)


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
