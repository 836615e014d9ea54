"""The household survey (phiếu B) form, average-living income, and a household's written requests."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.ledger import Ledger
from domain.indicators import Indicator
from domain.standards import IncomeEstimate
from domain.survey import Occupation, RequestForm, SurveyAnswers
from web.households.pages import finish
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.labels import CHANNELS, DERIVABLE
from web.shared.outcome import attempt, redirect_after_post
from web.shared.templating import render

router = APIRouter(prefix="/households/{household_id}")
ENTERED = {"deprived": True, "not_deprived": False}
INCOME_MISSING = "Hãy nhập thu nhập bình quân đầu người/tháng, hoặc điểm B1 và điểm chuẩn so sánh."


@router.get("/surveys", name="new_survey")
def new_survey(
    request: Request, household_id: UUID, actor: PageActor, ledger: LedgerDep, review_id: UUID | None = None
) -> Response:
    values = {f"indicator_{i.value}": "derive" for i in DERIVABLE} | {"reviewer": actor.full_name}
    return survey_form(request, ledger, household_id, review_id, {}, values)


def survey_form(
    request: Request,
    ledger: Ledger,
    household_id: UUID,
    review_id: UUID | None,
    errors: dict[str, str],
    values: dict[str, str],
    status_code: int = 200,
) -> Response:
    context = {
        "household": ledger.households.household_summary(household_id),
        "review_id": review_id,
        "errors": errors,
        "values": values,
        "today": ledger.today(),
    }
    return render(request, "surveys/new.html", context, status_code=status_code)


def read_income(reader: FormReader) -> IncomeEstimate:
    income = reader.integer("income", minimum=0, required=False)
    score = reader.integer("b1_score", minimum=0, required=False)
    cutoff = reader.integer("b1_cutoff", minimum=0, required=False)
    if income is None and (score is None or cutoff is None):
        field = "income" if score is None and cutoff is None else ("b1_score" if score is None else "b1_cutoff")
        reader.errors.setdefault(field, INCOME_MISSING)
    return IncomeEstimate(income, score, cutoff)


def read_answers(reader: FormReader) -> SurveyAnswers:
    reviewer = reader.text("reviewer", message="Hãy nhập họ tên rà soát viên.")
    income, floor_area = read_income(reader), reader.integer("floor_area_m2", minimum=1, required=False)
    entered, evidence = {}, {}
    for indicator in Indicator:
        choice = reader.data.get(f"indicator_{indicator.value}", "")
        if choice in ENTERED:
            entered[indicator] = ENTERED[choice]
        elif indicator not in DERIVABLE:
            reader.errors[f"indicator_{indicator.value}"] = "Hãy chọn thiếu hụt hoặc không thiếu hụt."
        evidence[indicator] = reader.text(f"evidence_{indicator.value}", required=False)
    return SurveyAnswers(reviewer, income, floor_area, entered, evidence)


@router.post("/surveys", name="record_survey")
def record_survey(
    request: Request, household_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    answers, entry = read_answers(reader), reader.entry()
    review = reader.uuid("review_id") if reader.data.get("review_id") else None
    if failure := attempt(reader, lambda: ledger.surveys.record_survey(actor, household_id, answers, entry, review)):  # type: ignore[arg-type]
        return survey_form(request, ledger, household_id, review, failure[0], reader.data, failure[1])
    message = "Đã ghi nhận phiếu khảo sát hộ."
    if review:
        return redirect_after_post(request, message, "show_review", review_id=review)
    return redirect_after_post(request, message, "show_household", household_id=household_id)


@router.post("/average-living", name="recognise_average_living")
def recognise_average_living(
    request: Request, household_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    occupation, income = reader.choice("occupation", Occupation), reader.integer("income_12_months", minimum=0)
    allowances, entry = reader.integer("social_allowances", minimum=0, required=False) or 0, reader.entry()
    action = lambda: ledger.surveys.recognise_average_living(actor, household_id, occupation, income, allowances, entry)  # type: ignore[arg-type]  # noqa: E731
    message = "Đã xác định hộ có mức sống trung bình."
    return finish(request, ledger, household_id, "average-living", reader, action, message)


@router.post("/requests", name="submit_request")
def submit_request(
    request: Request, household_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    request_form, reason = reader.choice("form", RequestForm), reader.text("reason", message="Hãy ghi lý do đề nghị.")
    channel, entry = CHANNELS.get(reader.data.get("channel", "")), reader.entry()
    if channel is None:
        reader.errors["channel"] = "Hãy chọn cách hộ nộp giấy đề nghị."
    action = lambda: ledger.surveys.submit_request(actor, household_id, request_form, reason, channel, entry)  # type: ignore[arg-type]  # noqa: E731
    message = "Đã ghi nhận giấy đề nghị; hộ sẽ được đưa vào đợt rà soát tới."
    return finish(request, ledger, household_id, "request", reader, action, message)
