"""Reviews of Decision 24/2021: the list, opening one, its page by hamlet, adding a household to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.ledger import Ledger
from application.reviews.queries import ReviewSummary
from domain.review import ReviewKind
from domain.user import Actor
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.outcome import attempt, redirect_after_post
from web.shared.templating import render

router = APIRouter(prefix="/reviews")


@router.get("", name="list_reviews")
def list_reviews(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return reviews_page(request, ledger, {}, {"kind": ReviewKind.PERIODIC.value, "year": str(ledger.today().year)})


def reviews_page(
    request: Request, ledger: Ledger, errors: dict[str, str], values: dict[str, str], status_code: int = 200
) -> Response:
    context = {
        "reviews": ledger.review_records.review_list(),
        "errors": errors,
        "values": values,
        "today": ledger.today(),
    }
    return render(request, "reviews/list.html", context, status_code=status_code)


@router.post("", name="open_review")
def open_review(request: Request, form: CheckedForm, actor: PageActor, ledger: LedgerDep) -> Response:
    reader = FormReader(form)
    kind, year = reader.choice("kind", ReviewKind), reader.integer("year", minimum=2000, maximum=2100)
    month = reader.integer("month", minimum=1, maximum=12, required=kind is ReviewKind.REGULAR) or 0
    entry, outcome = reader.entry(), {}

    def open_it() -> None:
        outcome["id"] = ledger.reviews.open_review(actor, kind, year, month, entry).subject_id  # type: ignore[arg-type]

    if failure := attempt(reader, open_it):
        return reviews_page(request, ledger, failure[0], reader.data, failure[1])
    return redirect_after_post(
        request, "Đã mở đợt rà soát và lập danh sách hộ.", "show_review", review_id=outcome["id"]
    )


@router.get("/{review_id}", name="show_review")
def show_review(request: Request, review_id: UUID, actor: PageActor, ledger: LedgerDep) -> Response:
    return review_page(request, ledger, actor, review_id)


def listed_hamlets(review: ReviewSummary) -> list[str]:
    """The hamlets in the order the review lists them (the commune's order), not alphabetically."""
    return [candidate.hamlet for candidate in review.candidates]


def review_page(
    request: Request,
    ledger: Ledger,
    actor: Actor,
    review_id: UUID,
    form: str = "",
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    review = ledger.review_records.review_summary(review_id)
    listed = {c.household_id: c for c in review.candidates}
    addable = [
        h for h in ledger.households.household_list() if h.household_id not in listed and actor.may_record_in(h.hamlet)
    ]
    context = {
        "review": review,
        "by_hamlet": {
            h: [c for c in review.candidates if c.hamlet == h] for h in dict.fromkeys(listed_hamlets(review))
        },
        "listed": listed,
        "addable": addable,
        "timeline": ledger.audit.timeline(review_id),
        "form": form,
        "errors": errors or {},
        "values": values or {},
        "today": ledger.today(),
    }
    return render(request, "reviews/detail.html", context, status_code=status_code)


def review_finish(
    request: Request,
    ledger: Ledger,
    actor: Actor,
    review_id: UUID,
    form_name: str,
    reader: FormReader,
    action: Callable[[], Any],
    message: str,
) -> Response:
    if failure := attempt(reader, action):
        return review_page(request, ledger, actor, review_id, form_name, failure[0], reader.data, failure[1])
    return redirect_after_post(request, message, "show_review", review_id=review_id)


@router.post("/{review_id}/households", name="list_for_review")
def list_for_review(
    request: Request, review_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    chosen, entry = reader.uuid("household_id"), reader.entry()
    action = lambda: ledger.reviews.list_for_review(actor, review_id, chosen, entry)  # type: ignore[arg-type]  # noqa: E731
    return review_finish(
        request, ledger, actor, review_id, "listing", reader, action, "Đã đưa hộ vào danh sách rà soát."
    )
