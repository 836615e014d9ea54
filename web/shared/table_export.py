"""A table as a file the commune takes away: title rows, a header and rows, as CSV or XLSX.

Shared by the statutory reports and the household lists (issue 6 §3). The CSV is UTF-8 with a BOM so Excel
reads the diacritics; the XLSX puts the title rows in bold above the header, freezes the panes below the header
and sizes the columns to their content. A cell that is None stays empty; numbers stay numbers so the XLSX
sums them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

SHEET_TITLE_LIMIT = 31  # Excel refuses longer sheet names
INVALID_SHEET_CHARACTERS = str.maketrans({character: " " for character in "[]:*?/\\"})


def csv_bytes(preamble: Sequence[Sequence[object]], header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """Title rows, an empty line, the header and the rows, in UTF-8 with a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(_plain(row) for row in preamble)
    if preamble:
        writer.writerow([])
    writer.writerow(list(header))
    writer.writerows(_plain(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(
    sheet_title: str,
    preamble: Sequence[Sequence[object]],
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
) -> bytes:
    """One sheet: the title rows in bold, an empty row, the bold header (panes frozen below it), the rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title.translate(INVALID_SHEET_CHARACTERS)[:SHEET_TITLE_LIMIT] or "Bảng"
    bold = Font(bold=True)
    for row in preamble:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            cell.font = bold
    if preamble:
        sheet.append([])
    sheet.append(list(header))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    text_only(sheet)
    _size_columns(sheet, header, rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def text_only(sheet) -> None:  # type: ignore[no-untyped-def]
    """What officials typed stays text: openpyxl makes any text starting with `=` a live formula, so a head of
    household named `=HYPERLINK(...)` would run in the chair's Excel (formula injection, OWASP)."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def _plain(row: Sequence[object]) -> list[object]:
    return ["" if value is None else value for value in row]


def _size_columns(sheet, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Width from the header and the rows only: the long title rows would make the first column absurd."""
    for index, title in enumerate(header, start=1):
        widest = max([len(str(title)) // 2 + 2, *(len(str(row[index - 1])) for row in rows if len(row) >= index)])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(widest + 2, 8), 60)
