"""The review of households by Decision 24/2021/QĐ-TTg: the annual (periodic) and monthly (regular) review.

Steps (Art. 4, domain.md §4.2): list the households, survey and classify them, hold the village meeting
(at least 50% agreement per household, else survey and meet again), post the results publicly for a
number of working days, handle complaints by a re-check, then the chair's recognition decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from domain import bounds
from domain.acts import Act, DomainError, RecordedAggregate
from domain.formatting import vn_date
from domain.standards import PovertyClass
from domain.workdays import WorkCalendar

# Art. 4(3) [V]: the meeting must agree with at least half of those present on each household.
MIN_AGREEMENT_PERCENT = 50
# Art. 5 [V]: the chair decides within 15 days from the start of the regular review.
REGULAR_DECISION_DAYS = 15


class ReviewKind(Enum):
    PERIODIC = "periodic"  # rà soát định kỳ hằng năm, 01/09–14/12 (Art. 3(1)(a))
    REGULAR = "regular"  # rà soát thường xuyên hằng tháng, từ ngày 15 (Art. 3(1)(b))


class ListingBasis(Enum):
    MANAGED_LIST = "managed_list"  # on the poor or near-poor list the commune manages (Art. 4(1)(a))
    FORM_01 = "form_01"  # giấy đề nghị rà soát (Mẫu số 01)
    FORM_04 = "form_04"  # giấy đề nghị công nhận thoát nghèo, thoát cận nghèo (Mẫu số 04)


class ReviewRefusedError(DomainError):
    pass


@dataclass
class Candidate:
    """A listed household's progress through the review (derived state, never stored)."""

    household_id: UUID
    hamlet: str
    head_name: str
    basis: ListingBasis
    surveyed_on: date | None = None
    survey_class: PovertyClass | None = None
    standard_version: str = ""
    met_on: date | None = None
    agreement: int | None = None
    posted_until: date | None = None
    open_complaints: set[UUID] = field(default_factory=set)
    recheck_class: PovertyClass | None = None
    refused: bool = False
    decided_class: PovertyClass | None = None

    @property
    def agreed(self) -> bool:
        """Met after its latest survey, with enough agreement; otherwise survey and meet again."""
        met_after_survey = self.met_on is not None and self.surveyed_on is not None and self.met_on >= self.surveyed_on
        return met_after_survey and (self.agreement or 0) >= MIN_AGREEMENT_PERCENT

    @property
    def proposed_class(self) -> PovertyClass | None:
        return self.recheck_class or self.survey_class


@dataclass(frozen=True)
class Outcome:
    household_id: UUID
    decided_class: PovertyClass
    change: str
    certificate_number: str


# A village meeting (họp dân) gathers one representative per household: a few hundred at most.
MAX_ATTENDEES = 10_000


def bounded_outcome(outcome: Outcome) -> Outcome:
    number = bounds.line(outcome.certificate_number, "first_certificate", "Số giấy chứng nhận", bounds.DOCUMENT_NUMBER)
    return replace(outcome, certificate_number=number)


class ReviewSteps:
    """The steps of a review as commands; Review mixes this in. Each step checks what the law requires."""

    if TYPE_CHECKING:
        candidates: dict[UUID, Candidate]
        postings: dict[str, tuple[date, date]]
        starts_on: date
        kind: ReviewKind

        def trigger_event(self, event_class: type[Any], **kwargs: Any) -> None: ...  # Aggregate's, via Review

    def list_household(self, household_id: UUID, hamlet: str, head_name: str, basis: ListingBasis, act: Act) -> None:
        if household_id in self.candidates:
            raise ReviewRefusedError(f"Hộ {head_name} đã có trong danh sách rà soát.")
        hamlet, head_name = bounds.line(hamlet, "hamlet", "Xóm"), bounds.line(head_name, "head_name", "Chủ hộ")
        self._record(
            "HouseholdListed", act, household_id=household_id, hamlet=hamlet, head_name=head_name, listing_basis=basis
        )

    def note_survey(
        self, household_id: UUID, survey_id: UUID, provisional: PovertyClass, version: str, act: Act
    ) -> None:
        candidate = self.candidate(household_id)
        if act.effective_on < self.starts_on:
            raise ReviewRefusedError(f"Ngày khảo sát trước ngày bắt đầu đợt rà soát ({vn_date(self.starts_on)}).")
        if candidate.decided_class or candidate.refused:
            raise ReviewRefusedError(f"Hộ {candidate.head_name} đã có kết quả trong đợt rà soát này.")
        self._record(
            "SurveyNoted",
            act,
            household_id=household_id,
            survey_id=survey_id,
            provisional_class=provisional,
            standard_version=version,
        )

    def hold_meeting(
        self, hamlet: str, chaired_by: str, attendees: int, agreements: dict[UUID, int], minutes_number: str, act: Act
    ) -> None:
        bounds.count(attendees, "attendees", "Số người dự họp", 0, MAX_ATTENDEES)
        if attendees < 1 or not agreements:
            raise ReviewRefusedError("Cuộc họp phải có người dự và ý kiến về ít nhất một hộ.")
        for household_id, share in agreements.items():
            candidate = self.candidate(household_id)
            if candidate.hamlet != hamlet or candidate.surveyed_on is None:
                raise ReviewRefusedError(f"Hộ {candidate.head_name} chưa được khảo sát trong xóm {hamlet}.")
            if act.effective_on < candidate.surveyed_on or not 0 <= share <= 100:
                raise ReviewRefusedError(f"Ngày họp hoặc tỷ lệ đồng ý của hộ {candidate.head_name} không hợp lệ.")
        self._record(
            "MeetingHeld",
            act,
            hamlet=hamlet,
            chaired_by=bounds.line(chaired_by, "chaired_by", "Người chủ trì"),
            attendees=attendees,
            agreements={str(h): share for h, share in agreements.items()},
            minutes_number=bounds.line(minutes_number, "minutes", "Số biên bản", bounds.DOCUMENT_NUMBER),
        )

    def start_posting(self, hamlet: str, working_days: int, calendar: WorkCalendar, act: Act) -> date:
        surveyed = [
            c
            for c in self.candidates.values()
            if c.hamlet == hamlet and c.surveyed_on and c.posted_until is None and not (c.decided_class or c.refused)
        ]
        pending = [c.head_name for c in surveyed if not c.agreed]
        if pending:
            raise ReviewRefusedError(
                f"Chưa thể niêm yết: hộ {', '.join(pending)} chưa được họp dân đồng ý từ {MIN_AGREEMENT_PERCENT}%"
                " sau lần khảo sát gần nhất; phải khảo sát và họp lại."
            )
        if not surveyed:
            raise ReviewRefusedError(f"Xóm {hamlet} không có hộ nào đã khảo sát, họp dân mà chưa niêm yết.")
        ends_on = calendar.last_of_working_days(act.effective_on, working_days)
        self._record(
            "PostingStarted",
            act,
            hamlet=hamlet,
            working_days=working_days,
            ends_on=ends_on,
            household_ids=[c.household_id for c in surveyed],
        )
        return ends_on

    def receive_complaint(
        self, complaint_id: UUID, household_id: UUID, complainant: str, content: str, act: Act
    ) -> None:
        candidate = self.candidate(household_id)
        started = self.postings.get(candidate.hamlet, (None, None))[0]
        if candidate.posted_until is None or started is None or act.effective_on < started:
            raise ReviewRefusedError(f"Kết quả của hộ {candidate.head_name} chưa được niêm yết.")
        content = bounds.passage(content, "content", "Nội dung khiếu nại")
        complainant = bounds.line(complainant, "complainant", "Người khiếu nại")
        if not content:
            raise ReviewRefusedError("Hãy ghi nội dung khiếu nại.")
        self._record(
            "ComplaintReceived",
            act,
            complaint_id=complaint_id,
            household_id=household_id,
            complainant=complainant,
            content=content.strip(),
        )

    def complete_recheck(
        self, complaint_id: UUID, household_id: UUID, outcome: str, rechecked_class: PovertyClass | None, act: Act
    ) -> None:
        if complaint_id not in self.candidate(household_id).open_complaints:
            raise ReviewRefusedError("Không có khiếu nại đang chờ phúc tra này.")
        outcome = bounds.passage(outcome, "outcome", "Kết quả phúc tra")
        if not outcome:
            raise ReviewRefusedError("Hãy ghi kết quả phúc tra.")
        self._record(
            "RecheckCompleted",
            act,
            complaint_id=complaint_id,
            household_id=household_id,
            outcome=outcome.strip(),
            rechecked_class=rechecked_class,
        )

    def refuse_request(self, household_id: UUID, reasons: str, act: Act) -> None:
        candidate = self.candidate(household_id)
        if candidate.basis is ListingBasis.MANAGED_LIST:
            raise ReviewRefusedError("Chỉ trả lời bằng văn bản cho hộ có giấy đề nghị (mẫu 01 hoặc 04).")
        reasons = bounds.passage(reasons, "reasons", "Lý do")
        if candidate.decided_class or candidate.refused or not reasons:
            raise ReviewRefusedError("Hãy nêu rõ lý do; hộ chưa có kết quả trong đợt này.")
        self._record("RequestRefused", act, household_id=household_id, reasons=reasons.strip())

    def decidable(self, on: date) -> list[Candidate]:
        """Households whose posting ended before the decision date, with every complaint re-checked."""
        return [
            c
            for c in self.candidates.values()
            if c.posted_until
            and c.posted_until < on
            and c.agreed
            and not c.open_complaints
            and not (c.decided_class or c.refused)
        ]

    def decide(self, outcomes: list[Outcome], act: Act) -> None:
        """Only households ready on the decision date; an open complaint holds back its household alone."""
        ready = {c.household_id for c in self.decidable(act.effective_on)}
        outcomes = [bounded_outcome(o) for o in outcomes]
        if outcomes and all(o.household_id in ready for o in outcomes):
            self._record("Decided", act, outcomes=outcomes)
            return
        waiting = [c.head_name for c in self.candidates.values() if c.open_complaints]
        if waiting:
            raise ReviewRefusedError(f"Còn khiếu nại chưa phúc tra xong: hộ {', '.join(waiting)}.")
        raise ReviewRefusedError("Chưa có hộ nào hết thời gian niêm yết để quyết định công nhận.")

    def candidate(self, household_id: UUID) -> Candidate:
        if household_id not in self.candidates:
            raise ReviewRefusedError("Hộ không có trong danh sách rà soát của đợt này.")
        return self.candidates[household_id]

    def _record(self, event: str, act: Act, **fields: object) -> None:
        self.trigger_event(getattr(self, event), **fields, **act.event_fields())

    def decision_due_on(self) -> date | None:
        if self.kind is ReviewKind.REGULAR:
            return self.starts_on + timedelta(days=REGULAR_DECISION_DAYS)
        return None


def review_window_refusal(kind: ReviewKind, year: int, month: int, starts_on: date) -> str | None:
    """Art. 3(1): the periodic review runs 01/09–14/12; the regular one starts on the 15th of its month."""
    if kind is ReviewKind.PERIODIC and not date(year, 9, 1) <= starts_on <= date(year, 12, 14):
        return f"Rà soát định kỳ năm {year} phải bắt đầu trong khoảng 01/09–14/12/{year}."
    wrong_month = (starts_on.year, starts_on.month) != (year, month)
    if kind is ReviewKind.REGULAR and (wrong_month or starts_on.day < 15):
        return f"Rà soát thường xuyên tháng {month}/{year} bắt đầu từ ngày 15 của tháng đó."
    return None


class Review(RecordedAggregate, ReviewSteps):
    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        commune: str
        year: int
        month: int
        decisions: list[Review.Decided]
        refusals: dict[UUID, str]

    class Opened(RecordedAggregate.Created):
        kind: ReviewKind
        commune: str
        year: int
        month: int
        starts_on: date

        def apply(self, review: Review) -> None:
            review.kind, review.commune, review.year, review.month = self.kind, self.commune, self.year, self.month
            review.starts_on, review.candidates, review.postings = self.starts_on, {}, {}
            review.decisions, review.refusals = [], {}

    class HouseholdListed(RecordedAggregate.Event):
        household_id: UUID
        hamlet: str
        head_name: str
        listing_basis: ListingBasis  # not "basis": that field is the act's legal basis

        def apply(self, review: Review) -> None:
            candidate = Candidate(self.household_id, self.hamlet, self.head_name, self.listing_basis)
            review.candidates[self.household_id] = candidate

    class SurveyNoted(RecordedAggregate.Event):
        household_id: UUID
        survey_id: UUID
        provisional_class: PovertyClass
        standard_version: str

        def apply(self, review: Review) -> None:
            candidate = review.candidates[self.household_id]
            candidate.surveyed_on, candidate.survey_class = self.effective_on, self.provisional_class
            candidate.standard_version, candidate.recheck_class = self.standard_version, None
            # Back to step 2 (Art. 4(3)): a new survey needs its own meeting and posting, whatever their dates.
            candidate.met_on = candidate.agreement = candidate.posted_until = None

    class MeetingHeld(RecordedAggregate.Event):
        hamlet: str
        chaired_by: str
        attendees: int
        agreements: dict[str, int]
        minutes_number: str

        def apply(self, review: Review) -> None:
            for household_id, share in self.agreements.items():
                candidate = review.candidates[UUID(household_id)]
                candidate.met_on, candidate.agreement = self.effective_on, share

    class PostingStarted(RecordedAggregate.Event):
        hamlet: str
        working_days: int
        ends_on: date
        household_ids: list[UUID]

        def apply(self, review: Review) -> None:
            review.postings[self.hamlet] = (self.effective_on, self.ends_on)
            for household_id in self.household_ids:
                review.candidates[household_id].posted_until = self.ends_on

    class ComplaintReceived(RecordedAggregate.Event):
        complaint_id: UUID
        household_id: UUID
        complainant: str
        content: str

        def apply(self, review: Review) -> None:
            review.candidates[self.household_id].open_complaints.add(self.complaint_id)

    class RecheckCompleted(RecordedAggregate.Event):
        complaint_id: UUID
        household_id: UUID
        outcome: str
        rechecked_class: PovertyClass | None

        def apply(self, review: Review) -> None:
            candidate = review.candidates[self.household_id]
            candidate.open_complaints.discard(self.complaint_id)
            candidate.recheck_class = self.rechecked_class or candidate.recheck_class

    class RequestRefused(RecordedAggregate.Event):
        household_id: UUID
        reasons: str

        def apply(self, review: Review) -> None:
            review.candidates[self.household_id].refused = True
            review.refusals[self.household_id] = self.reasons

    class Decided(RecordedAggregate.Event):
        outcomes: list[Outcome]

        def apply(self, review: Review) -> None:
            for outcome in self.outcomes:
                review.candidates[outcome.household_id].decided_class = outcome.decided_class
            review.decisions.append(self)

    @classmethod
    def open(cls, review_id: UUID, kind: ReviewKind, commune: str, year: int, month: int, act: Act) -> Review:
        act.days.year(year, "year", "Năm rà soát")
        bounds.count(month, "month", "Tháng rà soát", 0 if kind is ReviewKind.PERIODIC else 1, 12)
        commune = bounds.line(commune, "commune", "Xã", required=True)
        refusal = review_window_refusal(kind, year, month, act.effective_on)
        if refusal:
            raise ReviewRefusedError(refusal)
        return cls._create(
            cls.Opened,
            id=review_id,
            kind=kind,
            commune=commune,
            year=year,
            month=month if kind is ReviewKind.REGULAR else 0,
            starts_on=act.effective_on,
            **act.event_fields(),
        )


CHANGES = {
    ("unlisted", "poor"): "newly_poor",
    ("unlisted", "near_poor"): "newly_near_poor",
    ("near_poor", "poor"): "near_poor_to_poor",
    ("poor", "near_poor"): "poor_to_near_poor",
    ("poor", "escaped_poverty"): "escaped_poverty",
    ("near_poor", "escaped_near_poverty"): "escaped_near_poverty",
    ("escaped_poverty", "poor"): "re_poor",
    ("escaped_near_poverty", "poor"): "re_poor",
    ("escaped_poverty", "near_poor"): "re_near_poor",
    ("escaped_near_poverty", "near_poor"): "re_near_poor",
}

CHANGE_LABELS = {
    "newly_poor": "Hộ nghèo phát sinh",
    "newly_near_poor": "Hộ cận nghèo phát sinh",
    "near_poor_to_poor": "Hộ cận nghèo trở thành hộ nghèo",
    "poor_to_near_poor": "Hộ nghèo trở thành hộ cận nghèo (thoát nghèo)",
    "escaped_poverty": "Hộ thoát nghèo",
    "escaped_near_poverty": "Hộ thoát cận nghèo",
    "re_poor": "Hộ tái nghèo",
    "re_near_poor": "Hộ tái cận nghèo",
    "unchanged": "Giữ nguyên",
}


def change_of(before: str, after: str) -> str:
    """The decision's line for a household (domain.md §4.3: the transitions reported separately)."""
    return CHANGES.get((before, after), "unchanged")
