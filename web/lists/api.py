"""The JSON API of the household lists and of the household import (issue 6 §3, §4)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any, Literal
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from application.core.errors import InvalidInputError
from application.lists.household_import import CommitMode, ImportReport
from application.lists.list_layout import list_kind
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.query_bounds import parsed_day

router = APIRouter(prefix="/api/v1", tags=["lists"], responses=ERROR_RESPONSES)


class ListRowOut(BaseModel):
    household_id: UUID
    code: str
    hamlet: str
    head_name: str
    citizen_id: str  # masked for whoever may not see it (application/households/personal_data.py)
    born: str
    sex: str
    address: str
    area: str
    classification: str
    recognised_on: date | None
    decision_number: str
    decision_on: date | None
    issuer: str
    escaped_on: date | None
    window_ends_on: date | None
    members: int
    occupation: str
    income: int | None
    note: str


class HouseholdListOut(BaseModel):
    kind: str
    title: str
    commune: str
    as_of: date
    hamlet: str
    position: int
    head_hash: str
    rows: list[ListRowOut]


class RowErrorOut(BaseModel):
    row: int
    column: str
    message: str


class ImportReportOut(BaseModel):
    file_name: str
    dry_run: bool
    commit: str | None
    rows: int
    created: int
    changed: int
    unchanged: int
    committed: int
    position: int | None
    errors: list[RowErrorOut]


@router.get("/lists/{kind}", response_model=HouseholdListOut)
def get_household_list(
    kind: str, actor: ApiActor, ledger: LedgerDep, as_of: str = "", hamlet: str = ""
) -> HouseholdListOut:
    """A household list on a day (default today): poor, near_poor, newly_escaped, average_living."""
    day = parsed_day(ledger, as_of, "as_of")
    households = ledger.lists.household_list_on(actor, list_kind(kind), day, hamlet)
    rows = [ListRowOut(**asdict(row)) for row in households.rows]
    return HouseholdListOut(
        kind=kind,
        title=households.title,
        commune=households.commune,
        as_of=households.on,
        hamlet=hamlet,
        position=households.stamp.position,
        head_hash=households.stamp.hash,
        rows=rows,
    )


@router.post("/imports/households", response_model=ImportReportOut)
async def import_households(
    request: Request, actor: ApiActor, ledger: LedgerDep, commit: Literal["", "valid", "all"] = ""
) -> Any:
    """Multipart upload of an XLSX or CSV list (field `file`); `commit`: empty (dry run), `valid` or `all`.
    422 when nothing could be recorded because of bad input (unreadable file, or bad rows with `all`)."""
    if commit not in ("", "valid", "all"):
        raise InvalidInputError({"commit": "commit chỉ nhận “valid” hoặc “all” (bỏ trống: chạy thử)."})
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise InvalidInputError({"file": "Hãy gửi tệp danh sách hộ (.xlsx hoặc .csv) trong trường “file”."})
    content = await upload.read()
    mode = CommitMode(commit) if commit else None
    report = await run_in_threadpool(ledger.imports.import_households, actor, upload.filename, content, mode)
    body = report_out(report)
    status = 422 if report.errors and mode is CommitMode.ALL_OR_NOTHING else 200
    return JSONResponse(body.model_dump(mode="json"), status_code=status)


def report_out(report: ImportReport) -> ImportReportOut:
    return ImportReportOut(
        file_name=report.file_name,
        dry_run=report.dry_run,
        commit=report.mode.value if report.mode else None,
        rows=report.rows,
        created=report.created,
        changed=report.changed,
        unchanged=report.unchanged,
        committed=report.committed,
        position=report.position,
        errors=[RowErrorOut(**asdict(error)) for error in report.errors],
    )
