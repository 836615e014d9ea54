"""The global audit log for inspectors: filtered, paged, and exported as CSV and XLSX."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.audit.trail import AuditFilter
from application.ledger import Ledger
from domain.user import ROLE_LABELS
from web.audit.export import audit_csv, audit_xlsx
from web.shared.dependencies import LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.labels import ACTION_LABELS
from web.shared.query_bounds import query_reader
from web.shared.templating import render

router = APIRouter(prefix="/audit")
PAGE_SIZE = 100
MAX_PAGE = 10**6  # a page number the log could reach; larger would overflow the SQL offset
ROLE_CHOICES = {"system": "Hệ thống", **{role.value: text for role, text in ROLE_LABELS.items()}}
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def read_filter(reader: FormReader, ledger: Ledger) -> AuditFilter:
    """The filters as query parameters (the same for the page, both exports and the API)."""
    role, hamlet = reader.text("role", required=False), reader.text("hamlet", required=False)
    if role and role not in ROLE_CHOICES:
        reader.errors["role"] = "Hãy chọn một vai trò trong danh sách."
    if hamlet and hamlet not in ledger.settings.hamlets:
        reader.errors["hamlet"] = f"Xóm “{hamlet}” không thuộc xã."
    page = reader.integer("page", minimum=1, maximum=MAX_PAGE, required=False) or 1
    return AuditFilter(
        actor=reader.text("actor", required=False),
        action=reader.text("action", required=False),
        recorded_from=reader.date("from", required=False),
        recorded_to=reader.date("to", required=False),
        limit=PAGE_SIZE,
        role=role,
        hamlet=hamlet,
        subject=reader.text("subject", required=False),
        effective_from=reader.date("effective_from", required=False),
        effective_to=reader.date("effective_to", required=False),
        offset=(page - 1) * PAGE_SIZE,
    )


@router.get("", name="show_audit")
def show_audit(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    reader = query_reader(request, ledger)
    where = read_filter(reader, ledger)
    page = None if reader.errors else ledger.audit.audit_page(where)
    query = {key: value for key, value in reader.data.items() if key != "page" and value}
    return render(
        request,
        "audit/log.html",
        {
            "page": page,
            "entries": page.entries if page else (),
            "page_number": where.offset // PAGE_SIZE + 1,
            "pages": max(1, -(-page.total // PAGE_SIZE)) if page else 1,
            "query": query,
            "values": reader.data,
            "errors": reader.errors,
            "users": ledger.users.user_list(),
            "actions": ACTION_LABELS,
            "roles": ROLE_CHOICES,
            "hamlets": ledger.settings.hamlets,
            "position": ledger.log_position(),
        },
        status_code=422 if reader.errors else 200,
    )


def export(request: Request, ledger: Ledger, build, media_type: str, suffix: str) -> Response:  # type: ignore[no-untyped-def]
    reader = query_reader(request, ledger)
    where = read_filter(reader, ledger)
    if reader.errors:
        message = "Không lập được tệp: " + "; ".join(reader.errors.values())
        return render(request, "error.html", {"message": message}, status_code=422)
    exported = ledger.audit.audit_export(where)
    name = f"nhat-ky-vi-tri-{exported.position}.{suffix}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(build(exported, ledger.settings.commune), media_type=media_type, headers=headers)


@router.get("/export.csv", name="export_audit_csv")
def export_audit_csv(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return export(request, ledger, audit_csv, CSV_TYPE, "csv")


@router.get("/export.xlsx", name="export_audit_xlsx")
def export_audit_xlsx(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return export(request, ledger, audit_xlsx, XLSX_TYPE, "xlsx")
