"""Correction pages: propose a correction of a decision, and the leaders' list to approve or reject."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from application.audit.correction_queries import CorrectionTarget
from application.core.ledger_core import Entry
from application.ledger import Ledger
from domain.acts import LegalBasis
from domain.correction import CORRECTION_STATUS_LABELS, DECISION_LABELS, Changes
from domain.deadlines import PROJECT_MAX_DURATION_MONTHS
from domain.user import COMMUNE_WIDE_ROLES
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor
from web.shared.forms import FormReader, whole_number
from web.shared.outcome import FORM_ERROR, attempt, redirect_after_post
from web.shared.templating import render

router = APIRouter(prefix="/corrections")
# A position in the log: a 64-bit integer in every store, so a larger one is no position at all.
LogPosition = Annotated[int, Query(ge=1, le=2**63 - 1)]


@router.get("", name="list_corrections")
def list_corrections(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return corrections_page(request, ledger)


def corrections_page(
    request: Request,
    ledger: Ledger,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
    failed: str = "",
) -> Response:
    actor = request.state.actor
    return render(
        request,
        "corrections/list.html",
        {
            "pending": ledger.corrections.pending_corrections(),
            "recent": ledger.corrections.recent_corrections(),
            "leader": actor.role in COMMUNE_WIDE_ROLES,
            "decisions": DECISION_LABELS,
            "statuses": CORRECTION_STATUS_LABELS,
            "errors": errors or {},
            "values": values or {},
            "failed": failed,
        },
        status_code=status_code,
    )


@router.get("/new", name="new_correction")
def new_correction(request: Request, actor: PageActor, ledger: LedgerDep, position: LogPosition) -> Response:
    return proposal_form(request, ledger, ledger.corrections.correction_target_at(position))


def proposal_form(
    request: Request,
    ledger: Ledger,
    found: CorrectionTarget,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "corrections/new.html",
        {
            "found": found,
            "decision": DECISION_LABELS[found.target.action],
            "history": ledger.corrections.corrections_of(found.target.subject_id),
            "statuses": CORRECTION_STATUS_LABELS,
            "errors": errors or {},
            "values": values or {},
        },
        status_code=status_code,
    )


def read_changes(reader: FormReader) -> Changes:
    basis_number = reader.text("basis_number", required=False)
    basis_on = reader.date("basis_issued_on", required=False)
    basis = LegalBasis(basis_number, basis_on, reader.text("basis_issuer", required=False)) if basis_number else None
    return Changes(
        effective_on=reader.date("new_effective_on", required=False),
        basis=basis,
        void=reader.data.get("void") == "yes",
        amount=reader.integer("amount", minimum=1, required=False),
        term_months=reader.integer("term_months", minimum=1, maximum=120, required=False),
        starts_on=reader.date("starts_on", required=False),
        duration_months=reader.integer(
            "duration_months", minimum=1, maximum=PROJECT_MAX_DURATION_MONTHS, required=False
        ),
    )


@router.post("", name="propose_correction")
def propose_correction(request: Request, form: CheckedForm, actor: PageActor, ledger: LedgerDep) -> Response:
    reader = FormReader(form)
    target_id, target_version = reader.subject_id("target_id"), reader.integer("target_version", minimum=1) or 0
    changes = read_changes(reader)
    reason = reader.text("reason", message="Hãy ghi lý do đính chính.")
    evidence = reader.text("evidence", message="Hãy ghi chứng cứ: số, ngày văn bản hoặc mô tả tài liệu chứng minh.")
    version = reader.data.get("expected_version", "").strip()
    entry = Entry(ledger.today(), None, "", reader.data.get("command_id", ""), whole_number(version))
    action = lambda: ledger.corrections.propose_correction(  # noqa: E731
        actor, target_id, target_version, changes, reason, evidence, entry
    )
    if failure := attempt(reader, action):
        errors = failure[0]
        if "changes" in errors:
            errors.setdefault(FORM_ERROR, errors["changes"])
        found = ledger.corrections.correction_target(target_id, target_version)
        return proposal_form(request, ledger, found, errors, reader.data, failure[1])
    return redirect_after_post(
        request, "Đã gửi đề nghị đính chính; đính chính có hiệu lực khi lãnh đạo khác duyệt.", "list_corrections"
    )


def decision_entry(reader: FormReader, ledger: Ledger) -> Entry:
    version = reader.data.get("expected_version", "").strip()
    return Entry(
        ledger.today(),
        None,
        reader.text("note", required=False),
        reader.data.get("command_id", ""),
        whole_number(version),
    )


@router.post("/{correction_id}/approval", name="approve_correction")
def approve_correction(
    request: Request, correction_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    entry = decision_entry(reader, ledger)
    if failure := attempt(reader, lambda: ledger.corrections.approve_correction(actor, correction_id, entry)):
        return corrections_page(request, ledger, failure[0], reader.data, failure[1], str(correction_id))
    return redirect_after_post(request, "Đã duyệt đính chính; hồ sơ, hạn và nhắc việc đã tính lại.", "list_corrections")


@router.post("/{correction_id}/rejection", name="reject_correction")
def reject_correction(
    request: Request, correction_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    entry = decision_entry(reader, ledger)
    if failure := attempt(reader, lambda: ledger.corrections.reject_correction(actor, correction_id, entry)):
        return corrections_page(request, ledger, failure[0], reader.data, failure[1], str(correction_id))
    return redirect_after_post(request, "Đã ghi nhận không duyệt đề nghị đính chính.", "list_corrections")
