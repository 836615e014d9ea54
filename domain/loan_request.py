"""A household's need for a preferential loan, as the commune records it (domain.md §12.3, `LoanRequested`).

The 2024 plan (seed §II.2.1) targets "100% of poor, near-poor and newly-escaped households that need credit
get preferential loans"; the need is what the household declares on the bank's Form 01/TD, and it is met
when the bank grants a loan of that programme on or after the day it was recorded.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from domain import bounds
from domain.acts import Act, IncompleteEntryError, RecordedAggregate
from domain.formatting import vn_date
from domain.household import Household
from domain.loan import LoanCeiling, LoanRefusedError, Programme, loan_ceiling, loan_refusal

# The plan's credit target concerns the three programmes for poor, near-poor and newly-escaped households:
# Decree 78/2002/NĐ-CP, Decision 15/2013/QĐ-TTg, Decision 28/2015/QĐ-TTg.
REQUEST_PROGRAMMES = (Programme.POOR, Programme.NEAR_POOR, Programme.NEWLY_ESCAPED)
MAX_PURPOSE_LENGTH = 500


class LoanRequest(RecordedAggregate):
    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        household_id: UUID
        commune: str
        hamlet: str
        programme: Programme
        amount: int
        purpose: str
        requested_on: date

    met_by: UUID | None = None  # the loan that met the need
    met_on: date | None = None
    withdrawn_on: date | None = None

    class Recorded(RecordedAggregate.Created):
        household_id: UUID
        commune: str
        hamlet: str
        programme: Programme
        amount: int
        purpose: str
        requested_on: date

        def apply(self, request: LoanRequest) -> None:
            request.household_id, request.commune, request.hamlet = self.household_id, self.commune, self.hamlet
            request.programme, request.amount, request.purpose = self.programme, self.amount, self.purpose
            request.requested_on = self.requested_on

    class Met(RecordedAggregate.Event):
        """The bank granted a loan of the programme; recorded with the loan, in the same transaction."""

        loan_id: UUID
        amount: int

        def apply(self, request: LoanRequest) -> None:
            request.met_by, request.met_on = self.loan_id, self.effective_on

    class Withdrawn(RecordedAggregate.Event):
        reason: str

        def apply(self, request: LoanRequest) -> None:
            request.withdrawn_on = self.effective_on

    @property
    def is_open(self) -> bool:
        return self.met_by is None and self.withdrawn_on is None

    @classmethod
    def record(
        cls,
        household: Household,
        programme: Programme,
        amount: int,
        purpose: str,
        act: Act,
        ceilings: tuple[LoanCeiling, ...] = (),
    ) -> LoanRequest:
        """Eligibility is that of a loan on the day the need is recorded (domain/loan.py `loan_refusal`); the
        amount needed is bounded as a loan's (a need above the bank's cap is not one a loan can meet)."""
        if programme not in REQUEST_PROGRAMMES:
            raise LoanRefusedError("Chỉ ghi nhu cầu vay theo chương trình cho hộ nghèo, cận nghèo, mới thoát nghèo.")
        ceiling = loan_ceiling(programme, act.effective_on, ceilings)
        bounds.money(amount, "amount", "Số tiền cần vay", minimum=1, ceiling=ceiling)
        purpose = bounds.passage(purpose, "purpose", "Mục đích vay", MAX_PURPOSE_LENGTH)
        if not purpose:
            raise IncompleteEntryError("Hãy ghi mục đích sử dụng vốn vay.")
        reason = loan_refusal(household, programme, act.effective_on)
        if reason:
            raise LoanRefusedError(reason)
        return cls._create(
            cls.Recorded,
            id=uuid4(),
            household_id=household.id,
            commune=household.commune,
            hamlet=household.hamlet,
            programme=programme,
            amount=amount,
            purpose=purpose,
            requested_on=act.effective_on,
            **act.event_fields(),
        )

    def meet(self, loan_id: UUID, household_id: UUID, programme: Programme, amount: int, act: Act) -> None:
        """A loan of the same household and programme granted on or after the request day meets it."""
        if household_id != self.household_id or programme is not self.programme:
            raise LoanRefusedError("Nhu cầu vay đã chọn không phải của hộ này theo chương trình này.")
        if self.withdrawn_on is not None:
            raise LoanRefusedError("Nhu cầu vay đã chọn đã được rút.")
        if self.met_by is not None:
            raise LoanRefusedError("Nhu cầu vay đã chọn đã được đáp ứng bằng một khoản vay khác.")
        if act.effective_on < self.requested_on:
            raise LoanRefusedError(
                f"Khoản vay ngày {vn_date(act.effective_on)} trước ngày ghi nhu cầu {vn_date(self.requested_on)}."
            )
        self.trigger_event(self.Met, loan_id=loan_id, amount=amount, **act.event_fields())

    def withdraw(self, reason: str, act: Act) -> None:
        reason = bounds.passage(reason, "reason", "Lý do rút")
        if not reason:
            raise IncompleteEntryError("Hãy ghi lý do rút nhu cầu vay.")
        if self.met_by is not None:
            raise LoanRefusedError("Nhu cầu vay đã được đáp ứng; không rút được.")
        if self.withdrawn_on is not None:
            raise LoanRefusedError("Nhu cầu vay đã được rút trước đó.")
        if act.effective_on < self.requested_on:
            raise LoanRefusedError(f"Ngày rút không được trước ngày ghi nhu cầu {vn_date(self.requested_on)}.")
        self.trigger_event(self.Withdrawn, reason=reason, **act.event_fields())
