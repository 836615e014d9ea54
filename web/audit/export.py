"""The audit log as files an inspector takes away: CSV (UTF-8 with BOM, so Excel reads the diacritics) and XLSX.

Each file first says what it was built from — the log position, the time, the head hash once the log
is hash-chained, and the filters — so the same export can be rebuilt and checked later (design.md §2.5).
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from application.audit.trail import AuditEntry, AuditExport, AuditFilter
from domain.formatting import vn_date
from domain.user import ROLE_LABELS, Role
from web.shared.labels import label
from web.shared.table_export import text_only
from web.shared.templating import vn_datetime

COLUMNS = (
    "Vị trí",
    "Thời điểm ghi",
    "Ngày hiệu lực",
    "Người ghi",
    "Vai trò",
    "Xóm",
    "Loại đối tượng",
    "Đối tượng",
    "Mã đối tượng",
    "Hành động",
    "Nội dung",
    "Căn cứ",
    "Ngày căn cứ",
    "Cơ quan ban hành",
    "Ghi chú",
)


def role_label(value: str) -> str:
    if value == "system":
        return "Hệ thống"
    try:
        return ROLE_LABELS[Role(value)]
    except ValueError:
        return value


def filter_text(where: AuditFilter) -> str:
    parts = [
        ("Người ghi", where.actor),
        ("Vai trò", role_label(where.role) if where.role else ""),
        ("Xóm", where.hamlet),
        ("Hành động", label(where.action) if where.action else ""),
        ("Đối tượng", where.subject),
        ("Ghi từ ngày", vn_date(where.recorded_from)),
        ("Ghi đến ngày", vn_date(where.recorded_to)),
        ("Hiệu lực từ ngày", vn_date(where.effective_from)),
        ("Hiệu lực đến ngày", vn_date(where.effective_to)),
    ]
    return "; ".join(f"{name}: {value}" for name, value in parts if value) or "không lọc (toàn bộ nhật ký)"


def preamble(export: AuditExport, commune: str) -> list[list[str]]:
    rows = [
        [f"Nhật ký ghi nhận – Sổ giảm nghèo xã {commune}"],
        [f"Lập lúc {vn_datetime(export.built_at)}, từ sổ đến vị trí {export.position}"],
        [f"Bộ lọc: {filter_text(export.where)}"],
        [f"Số dòng: {len(export.entries)} trên {export.total} dòng khớp bộ lọc"],
    ]
    if export.head_hash:
        rows.insert(2, [f"Mã băm đầu chuỗi tại vị trí {export.position}: {export.head_hash}"])
    if len(export.entries) < export.total:
        rows.append(["Tệp bị cắt bớt: hãy lọc hẹp hơn để lấy các dòng còn lại."])
    return rows


def entry_row(entry: AuditEntry) -> list[str | int]:
    return [
        entry.position,
        vn_datetime(entry.recorded_at),
        vn_date(entry.effective_on),
        entry.actor,
        role_label(entry.actor_role),
        entry.hamlet,
        label(entry.subject_type),
        entry.subject_label,
        str(entry.subject_id),
        label(entry.action),
        entry.details,
        entry.basis_number,
        vn_date(entry.basis_issued_on),
        entry.basis_issuer,
        entry.note,
    ]


def audit_csv(export: AuditExport, commune: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([*preamble(export, commune), [], list(COLUMNS)])
    writer.writerows(entry_row(entry) for entry in export.entries)
    return buffer.getvalue().encode("utf-8-sig")


def audit_xlsx(export: AuditExport, commune: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Nhật ký"
    for row in [*preamble(export, commune), [], list(COLUMNS)]:
        sheet.append(row)
    header_row = sheet.max_row
    for entry in export.entries:
        sheet.append(entry_row(entry))
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    text_only(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
