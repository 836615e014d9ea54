"""Use cases for the review of Decision 24/2021/QĐ-TTg: open, list, meet, post, complaints, decide."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID, uuid4

from application.core.capability import CapabilityService
from application.core.errors import ConflictError, InvalidInputError
from application.core.ledger_core import Entry, Recorded
from domain.acts import Act
from domain.household import Household
from domain.review import ListingBasis, Outcome, Review, ReviewKind, change_of
from domain.standards import Grounds, PovertyClass, standard_on
from domain.survey import RequestForm
from domain.user import Actor

REQUEST_BASIS = {RequestForm.REVIEW: ListingBasis.FORM_01, RequestForm.ESCAPE: ListingBasis.FORM_04}
CERTIFICATE_SUFFIX = "GCN-HN.HCN"  # Giấy chứng nhận hộ nghèo, hộ cận nghèo (domain.md §4.2)


class ReviewCases(CapabilityService):
    def open_review(self, actor: Actor, kind: ReviewKind, year: int, month: int, entry: Entry) -> Recorded:
        """Opens the review with its list: the managed lists (periodic only) and every pending request."""
        if previous := self.core.previous(entry.command_id):
            return previous
        actor.require_leader("mở đợt rà soát")
        self.core.require_not_future(entry.effective_on)
        self._require_no_twin(kind, year, month)
        act = self.core.act(actor, entry)
        review = Review.open(uuid4(), kind, self.settings.commune, year, month, act)
        for row in self._to_list(kind):
            basis = (
                REQUEST_BASIS[RequestForm(row["pending_request"])]
                if row["pending_request"]
                else (ListingBasis.MANAGED_LIST)
            )
            review.list_household(UUID(row["household_id"]), row["hamlet"], row["head_name"], basis, act)
        return self.core.record(entry, review.id, review)

    def _require_no_twin(self, kind: ReviewKind, year: int, month: int) -> None:
        """One annual review a year and one regular review a month (Decision 24/2021, Art. 3(1))."""
        month = month if kind is ReviewKind.REGULAR else 0
        with self.views.reading() as cursor:
            twin = cursor.one(
                "SELECT review_id FROM view_reviews WHERE kind = ? AND year = ? AND month = ?",
                (kind.value, year, month),
            )
        if twin:
            period = f"tháng {month}/{year}" if month else f"năm {year}"
            raise ConflictError(f"Đợt rà soát {period} đã được mở.")

    def _to_list(self, kind: ReviewKind) -> list[dict[str, Any]]:
        managed = "standing IN ('poor', 'near_poor') OR " if kind is ReviewKind.PERIODIC else ""
        with self.views.reading() as cursor:
            return cursor.all(
                f"SELECT * FROM view_households WHERE {managed}pending_request IS NOT NULL ORDER BY hamlet, head_name"
            )

    def list_for_review(self, actor: Actor, review_id: UUID, household_id: UUID, entry: Entry) -> Recorded:
        """Adds a household to an open review, e.g. one whose request came in after it opened."""
        household = self.core.load(Household, household_id)
        basis = self._listing_basis(household)
        return self._review_step(
            actor,
            review_id,
            entry,
            household.hamlet,
            lambda r, act: r.list_household(household.id, household.hamlet, household.head_name, basis, act),
        )

    def _listing_basis(self, household: Household) -> ListingBasis:
        """A pending request's form, else the managed list; a household on neither is not reviewed."""
        with self.views.database.reading() as cursor:
            row = cursor.one("SELECT pending_request FROM view_households WHERE household_id = ?", (str(household.id),))
        if row and row["pending_request"]:
            return REQUEST_BASIS[RequestForm(row["pending_request"])]
        if household.standing.value in ("poor", "near_poor"):
            return ListingBasis.MANAGED_LIST
        raise InvalidInputError(
            {
                "household_id": f"Hộ {household.head_name} không thuộc danh sách hộ nghèo, cận nghèo"
                " đang quản lý và chưa có giấy đề nghị (mẫu 01 hoặc 04)."
            }
        )

    def hold_meeting(
        self,
        actor: Actor,
        review_id: UUID,
        hamlet: str,
        chaired_by: str,
        attendees: int,
        agreements: dict[UUID, int],
        minutes_number: str,
        entry: Entry,
    ) -> Recorded:
        return self._review_step(
            actor,
            review_id,
            entry,
            hamlet,
            lambda r, act: r.hold_meeting(hamlet, chaired_by, attendees, agreements, minutes_number, act),
        )

    def start_posting(self, actor: Actor, review_id: UUID, hamlet: str, entry: Entry) -> Recorded:
        days = self.settings.posting_working_days
        return self._review_step(
            actor, review_id, entry, hamlet, lambda r, act: r.start_posting(hamlet, days, self.calendar, act)
        )

    def receive_complaint(
        self, actor: Actor, review_id: UUID, household_id: UUID, complainant: str, content: str, entry: Entry
    ) -> Recorded:
        hamlet = self.core.load(Household, household_id).hamlet
        return self._review_step(
            actor,
            review_id,
            entry,
            hamlet,
            lambda r, act: r.receive_complaint(uuid4(), household_id, complainant, content, act),
        )

    def complete_recheck(
        self,
        actor: Actor,
        review_id: UUID,
        complaint_id: UUID,
        household_id: UUID,
        outcome: str,
        rechecked_class: PovertyClass | None,
        entry: Entry,
    ) -> Recorded:
        hamlet = self.core.load(Household, household_id).hamlet
        return self._review_step(
            actor,
            review_id,
            entry,
            hamlet,
            lambda r, act: r.complete_recheck(complaint_id, household_id, outcome, rechecked_class, act),
        )

    def refuse_request(self, actor: Actor, review_id: UUID, household_id: UUID, reasons: str, entry: Entry) -> Recorded:
        """Art. 5: a request that does not qualify gets a written answer with the reasons."""
        actor.require_leader("trả lời bằng văn bản")
        return self._review_step(
            actor, review_id, entry, "", lambda r, act: r.refuse_request(household_id, reasons, act)
        )

    def _review_step(
        self, actor: Actor, review_id: UUID, entry: Entry, hamlet: str, step: Callable[[Review, Act], object]
    ) -> Recorded:
        if previous := self.core.previous(entry.command_id):
            return previous
        review = self.core.load(Review, review_id, entry.expected_version)
        if hamlet:
            actor.require_hamlet(hamlet)
        self.core.require_not_future(entry.effective_on)
        step(review, self.core.act(actor, entry))
        return self.core.record(entry, review.id, review)

    def decide_review(self, actor: Actor, review_id: UUID, entry: Entry, first_certificate: int = 1) -> Recorded:
        """Art. 4(6): the chair's decision recognises each household whose posting ended, atomically."""
        if previous := self.core.previous(entry.command_id):
            return previous
        actor.require_leader("ký quyết định công nhận")
        if entry.basis is None:
            raise InvalidInputError({"basis_number": "Hãy nhập số quyết định công nhận."})
        self.core.require_not_future(entry.effective_on)
        review = self.core.load(Review, review_id, entry.expected_version)
        act = self.core.act(actor, entry)
        households, outcomes = self._apply_decision(review, act, first_certificate)
        review.decide(outcomes, act)
        return self.core.record(entry, review.id, review, *households)

    def _apply_decision(self, review: Review, act: Act, certificate: int) -> tuple[list[Household], list[Outcome]]:
        households, outcomes = [], []
        for candidate in review.decidable(act.effective_on):
            household = self.core.load(Household, candidate.household_id)
            decided = candidate.proposed_class
            assert decided is not None
            before = household.standing.value
            standard = standard_on(candidate.surveyed_on or act.effective_on, self.standards)
            # A new certificate for every household that enters a list or changes list (poor ↔ near-poor).
            entering = decided.value in ("poor", "near_poor") and decided.value != before
            number = f"{certificate:02d}/{CERTIFICATE_SUFFIX}" if entering else ""
            certificate += int(entering)
            grounds = Grounds(standard.version, standard.basis, review.id, number)
            if household.decide(decided, self.settings.poor_to_near_poor_starts_window, act, grounds):
                households.append(household)
            outcomes.append(Outcome(household.id, decided, change_of(before, household.standing.value), number))
        return households, outcomes
