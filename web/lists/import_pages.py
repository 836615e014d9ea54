"""Uploading the commune's household list (XLSX or CSV): a dry run first, its report, then the commit."""

from __future__ import annotations

import base64
import zlib

from fastapi import APIRouter, Request
from starlette.datastructures import UploadFile
from starlette.responses import Response

from application.core.errors import InvalidInputError
from application.lists.household_import import CommitMode, ImportReport
from domain.user import Actor
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor
from web.shared.templating import render

router = APIRouter(prefix="/imports")
MODES = {"": "Chạy thử (không ghi gì)", "valid": "Ghi các dòng hợp lệ", "all": "Ghi tất cả hoặc không ghi gì"}


def packed(content: bytes) -> str:
    """The uploaded file carried in the report page's commit form, so committing needs no second upload."""
    return base64.b64encode(zlib.compress(content)).decode()


def unpacked(text: str) -> bytes:
    try:
        return zlib.decompress(base64.b64decode(text))
    except (ValueError, zlib.error):
        raise InvalidInputError({"file": "Tệp gửi kèm không đọc được; hãy chọn lại tệp."}) from None


def uploaded(form: CheckedForm) -> tuple[str, bytes]:
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        return upload.filename, upload.file.read()
    name, carried = str(form.get("file_name", "")), str(form.get("content", ""))
    if not name or not carried:
        raise InvalidInputError({"file": "Hãy chọn tệp danh sách hộ (.xlsx hoặc .csv)."})
    return name, unpacked(carried)


def require_importer(actor: Actor) -> None:
    """Leaders and officials import; the Fatherland Front and inspectors only read (issue 5)."""
    actor.require_writer()


@router.get("/households", name="import_households_form")
def show_import_form(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    require_importer(actor)
    return render(request, "imports/households.html", {"modes": MODES, "report": None})


@router.post("/households", name="import_households")
def import_households(request: Request, actor: PageActor, ledger: LedgerDep, form: CheckedForm) -> Response:
    require_importer(actor)
    context: dict[str, object] = {"modes": MODES, "report": None}
    try:
        name, content = uploaded(form)
        mode = CommitMode(form.get("commit")) if form.get("commit") in ("valid", "all") else None
        report = ledger.imports.import_households(actor, name, content, mode)
    except InvalidInputError as error:
        return render(request, "imports/households.html", {**context, "errors": error.errors}, 422)
    context.update(report=report, file_name=name, content=packed(content))
    return render(request, "imports/households.html", context, status_for(report))


def status_for(report: ImportReport) -> int:
    """Nothing recorded because of bad rows is bad input (422); a report of a dry run is not."""
    return 422 if report.errors and report.mode is CommitMode.ALL_OR_NOTHING else 200
