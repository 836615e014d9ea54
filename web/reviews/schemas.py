"""Bodies of the API for reviews (Decision 24/2021) and the what-if of another standard."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from application.reviews.queries import ReviewListItem, ReviewSummary
from domain.review import ListingBasis, ReviewKind
from domain.standards import PovertyClass
from web.shared.schemas import BasisIn, EntryIn

Percent = Annotated[int, Field(ge=0, le=100)]


class ReviewOpenIn(EntryIn):
    """effective_on is the start date: 01/09–14/12 for a periodic review, from the 15th for a regular one."""

    kind: ReviewKind
    year: int = Field(ge=2000, le=2100)
    month: int = Field(0, ge=0, le=12, description="Tháng của đợt rà soát thường xuyên; 0 với rà soát định kỳ")


class ListingIn(EntryIn):
    household_id: UUID


class MeetingIn(EntryIn):
    hamlet: str = Field(min_length=1)
    chaired_by: str = Field(min_length=1)
    attendees: int = Field(ge=1)
    agreements: dict[UUID, Percent] = Field(min_length=1, description="Tỷ lệ người dự họp đồng ý, theo mã hộ")
    minutes_number: str = ""


class PostingIn(EntryIn):
    hamlet: str = Field(min_length=1)


class ComplaintIn(EntryIn):
    household_id: UUID
    complainant: str = Field(min_length=1)
    content: str = Field(min_length=1)


class RecheckIn(EntryIn):
    household_id: UUID
    outcome: str = Field(min_length=1)
    rechecked_class: PovertyClass | None = Field(None, description="Phân loại lại; null: giữ kết quả khảo sát")


class RefusalIn(EntryIn):
    household_id: UUID
    reasons: str = Field(min_length=1)


class DecisionIn(EntryIn):
    basis: BasisIn = Field(description="Số, ngày và người ký quyết định công nhận")  # type: ignore[assignment]
    first_certificate: int = Field(1, ge=1, description="Số giấy chứng nhận đầu tiên cấp trong quyết định này")


class CandidateOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    household_id: UUID
    hamlet: str
    head_name: str
    listing_basis: ListingBasis
    surveyed_on: date | None
    survey_class: PovertyClass | None
    met_on: date | None
    agreement: int | None
    agreed: bool
    posted_until: date | None
    open_complaints: list[UUID]
    recheck_class: PovertyClass | None
    refused: bool
    decided_class: PovertyClass | None
    next_step: str = Field(description="survey, meeting, resurvey, posting, recheck, decision hoặc done")


class PostingOut(BaseModel):
    hamlet: str
    starts_on: date
    ends_on: date


class OutcomeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    household_id: UUID
    decided_class: PovertyClass
    change: str
    certificate_number: str


class DecisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    decided_on: date
    number: str
    issued_on: date | None
    outcomes: list[OutcomeOut]


class ReviewOut(BaseModel):
    id: UUID
    version: int
    kind: ReviewKind
    year: int
    month: int
    starts_on: date
    decision_due_on: date | None
    candidates: list[CandidateOut]
    postings: list[PostingOut]
    refusals: dict[UUID, str]
    decisions: list[DecisionOut]

    @classmethod
    def of(cls, r: ReviewSummary) -> ReviewOut:
        return cls(
            id=r.review_id,
            version=r.version,
            kind=r.kind,
            year=r.year,
            month=r.month,
            starts_on=r.starts_on,
            decision_due_on=r.decision_due_on,
            candidates=[CandidateOut.model_validate(c) for c in r.candidates],
            postings=[PostingOut(hamlet=h, starts_on=s, ends_on=e) for h, (s, e) in r.postings.items()],
            refusals=r.refusals,
            decisions=[DecisionOut.model_validate(d) for d in r.decisions],
        )


class ReviewListOut(BaseModel):
    id: UUID
    kind: ReviewKind
    year: int
    month: int
    starts_on: date
    households_count: int
    decided_count: int
    last_decided_on: date | None

    @classmethod
    def of(cls, r: ReviewListItem) -> ReviewListOut:
        return cls(
            id=r.review_id,
            kind=r.kind,
            year=r.year,
            month=r.month,
            starts_on=r.starts_on,
            households_count=r.households_count,
            decided_count=r.decided_count,
            last_decided_on=r.last_decided_on,
        )


class WhatIfOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    household_id: UUID
    hamlet: str
    head_name: str
    surveyed_on: date
    surveyed_under: str
    current_class: PovertyClass
    what_if_class: PovertyClass
    changes: bool
