"""The steps of a review on its page: village meeting, posting, complaints and re-checks, refusal, decision."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from starlette.responses import Response

from domain.standards import PovertyClass
from web.reviews.pages import review_finish
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.labels import hamlet_name

router = APIRouter(prefix="/reviews/{review_id}")
AGREEMENT = "agreement_"


def read_agreements(reader: FormReader) -> dict[UUID, int]:
    """One percentage per household, in fields named agreement_<household id>; blank means not discussed."""
    agreements = {}
    for name in [n for n in reader.data if n.startswith(AGREEMENT) and reader.data[n].strip()]:
        share, household = reader.integer(name, minimum=0, maximum=100), reader.uuids([name[len(AGREEMENT) :]], name)
        if share is not None and household:
            agreements[household[0]] = share
    if not agreements and not reader.errors:
        reader.errors["agreements"] = "Hãy nhập tỷ lệ đồng ý cho ít nhất một hộ."
    return agreements


@router.post("/meetings", name="record_meeting")
def record_meeting(
    request: Request, review_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    hamlet, chaired_by = reader.text("hamlet"), reader.text("chaired_by", message="Hãy nhập người chủ trì.")
    attendees, minutes = reader.integer("attendees", minimum=1), reader.text("minutes_number", required=False)
    agreements, entry = read_agreements(reader), reader.entry()
    action = lambda: ledger.reviews.hold_meeting(  # type: ignore[arg-type]  # noqa: E731
        actor, review_id, hamlet, chaired_by, attendees, agreements, minutes, entry
    )
    message = f"Đã ghi nhận cuộc họp dân {hamlet_name(hamlet)}."
    return review_finish(request, ledger, actor, review_id, f"meeting-{hamlet}", reader, action, message)


@router.post("/postings", name="start_posting")
def start_posting(
    request: Request, review_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    hamlet, entry = reader.text("hamlet"), reader.entry()
    action = lambda: ledger.reviews.start_posting(actor, review_id, hamlet, entry)  # type: ignore[arg-type]  # noqa: E731
    message = f"Đã ghi nhận niêm yết công khai kết quả {hamlet_name(hamlet)}."
    return review_finish(request, ledger, actor, review_id, f"posting-{hamlet}", reader, action, message)


@router.post("/complaints", name="receive_complaint")
def receive_complaint(
    request: Request, review_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    household = reader.uuid("household_id")
    complainant = reader.text("complainant", message="Hãy nhập người khiếu nại.")
    content, entry = reader.text("content", message="Hãy ghi nội dung khiếu nại."), reader.entry()
    action = lambda: ledger.reviews.receive_complaint(actor, review_id, household, complainant, content, entry)  # type: ignore[arg-type]  # noqa: E731
    form_name = f"complaint-{reader.data.get('household_id', '')}"
    return review_finish(request, ledger, actor, review_id, form_name, reader, action, "Đã ghi nhận khiếu nại.")


@router.post("/complaints/{complaint_id}/recheck", name="complete_recheck")
def complete_recheck(
    request: Request, review_id: UUID, complaint_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    household = reader.uuid("household_id")
    outcome = reader.text("outcome", message="Hãy ghi kết quả phúc tra.")
    rechecked, entry = reader.optional_choice("rechecked_class", PovertyClass), reader.entry()
    action = lambda: ledger.reviews.complete_recheck(  # type: ignore[arg-type]  # noqa: E731
        actor, review_id, complaint_id, household, outcome, rechecked, entry
    )
    form_name = f"recheck-{complaint_id}"
    return review_finish(request, ledger, actor, review_id, form_name, reader, action, "Đã ghi nhận kết quả phúc tra.")


@router.post("/refusals", name="refuse_request")
def refuse_request(
    request: Request, review_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    household = reader.uuid("household_id")
    reasons, entry = reader.text("reasons", message="Hãy nêu rõ lý do."), reader.entry()
    action = lambda: ledger.reviews.refuse_request(actor, review_id, household, reasons, entry)  # type: ignore[arg-type]  # noqa: E731
    form_name = f"refusal-{reader.data.get('household_id', '')}"
    return review_finish(request, ledger, actor, review_id, form_name, reader, action, "Đã ghi nhận văn bản trả lời.")


@router.post("/decisions", name="decide_review")
def decide_review(
    request: Request, review_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    first, entry = reader.integer("first_certificate", minimum=1, required=False) or 1, reader.entry()
    action = lambda: ledger.reviews.decide_review(actor, review_id, entry, first)  # type: ignore[arg-type]  # noqa: E731
    return review_finish(
        request, ledger, actor, review_id, "decision", reader, action, "Đã ghi nhận quyết định công nhận."
    )
