"""A household list as the files the commune takes away (CSV, XLSX) — laid out as the import reads them."""

from __future__ import annotations

import re
import unicodedata

from application.lists.household_lists import HouseholdList
from application.lists.list_layout import COLUMNS
from domain.formatting import vn_date
from web.shared.table_export import csv_bytes, xlsx_bytes


def ascii_slug(text: str) -> str:
    """“Xuân Đài Đông” → “xuan-dai-dong”: a header-safe file name (Content-Disposition is Latin-1)."""
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[^a-z0-9]+", "-", plain.encode("ascii", "ignore").decode().lower()).strip("-")


def file_name(households: HouseholdList, extension: str) -> str:
    scope = f"-{ascii_slug(households.hamlet)}" if households.hamlet else ""
    day = vn_date(households.on).replace("/", "-")
    kind = households.kind.value.replace("_", "-")
    return f"danh-sach-{kind}{scope}-{day}-ban-ghi-{households.stamp.position}.{extension}"


def list_csv(households: HouseholdList) -> bytes:
    return csv_bytes(households.preamble(), COLUMNS, households.table())


def list_xlsx(households: HouseholdList) -> bytes:
    return xlsx_bytes(households.title, households.preamble(), COLUMNS, households.table())
