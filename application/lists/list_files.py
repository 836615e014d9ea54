"""Reading a household list file the commune keeps in Excel (XLSX) or CSV into its header and rows of text.

Title rows above the header are skipped, and the header row is found by its "Họ tên chủ hộ" cell. Row numbers
are the ones Excel shows, so an official finds the faulty cell at once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime

from openpyxl import load_workbook

HEAD_NAME = "Họ tên chủ hộ"
REQUIRED = ("Xóm", HEAD_NAME, "Phân loại", "Ngày công nhận")


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
