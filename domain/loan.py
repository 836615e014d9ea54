"""Preferential loans from the Vietnam Bank for Social Policies, mirrored by the commune."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from domain import bounds
from domain.acts import Act, DomainError, LegalBasis, RecordedAggregate
from domain.bounds import GLOBAL_CEILING, Ceiling
from domain.calendar import add_months
from domain.correction import Changes
from domain.deadlines import LOAN_MAX_TERM_MONTHS
from domain.decisions import Standing
from domain.formatting import vn_date
from domain.household import STANDING_LABELS, Household

MAX_TERM_MONTHS = LOAN_MAX_TERM_MONTHS  # 120 months (domain/deadlines.py)


class Programme(Enum):
    POOR = "poor"  # Decree 78/2002/NĐ-CP
    NEAR_POOR = "near_poor"  # Decision 15/2013/QĐ-TTg
    NEWLY_ESCAPED = "newly_escaped"  # Decision 28/2015/QĐ-TTg; seed §III.1
    OTHER = "other"


PROGRAMME_LABELS = {
    Programme.POOR: "Cho vay hộ nghèo",
    Programme.NEAR_POOR: "Cho vay hộ cận nghèo",
    Programme.NEWLY_ESCAPED: "Cho vay hộ mới thoát nghèo",
    Programme.OTHER: "Chương trình khác",
}


class LoanRefusedError(DomainError):
    """The household is not eligible for the programme on the granted date."""


@dataclass(frozen=True)
class LoanCeiling:
    """The most the bank lends one household under a programme from a day on, with its source (dated data,
    application/core/reference.py); before any entry, and for other programmes, the ledger's global ceiling."""

    programme: Programme
    since: date
    amount: int
    basis: str


def loan_ceiling(programme: Programme, on: date, ceilings: tuple[LoanCeiling, ...]) -> Ceiling:
    in_force = [c for c in ceilings if c.programme is programme and c.since <= on]
    if not in_force:
        return GLOBAL_CEILING
    latest = max(in_force, key=lambda c: c.since)
    label = PROGRAMME_LABELS[programme].lower()
    return Ceiling(latest.amount, f"mức tối đa của chương trình {label} từ {vn_date(latest.since)}, {latest.basis}")


def bounded_loan(
    amount: int, term_months: int, programme: Programme, on: date, ceilings: tuple[LoanCeiling, ...]
) -> None:
    bounds.money(amount, "amount", "Số tiền vay", minimum=1, ceiling=loan_ceiling(programme, on, ceilings))
    bounds.count(term_months, "term_months", "Thời hạn vay (tháng)", 1, MAX_TERM_MONTHS)


def loan_refusal(household: Household, programme: Programme, granted_on: date) -> str | None:
    """Why the household may not borrow under the programme on that date, or None if it may."""
    standing = household.standing_on(granted_on)
    on = vn_date(granted_on)
    if programme is Programme.POOR and standing is not Standing.POOR:
        return f"Ngày {on} hộ không phải hộ nghèo (đang là {STANDING_LABELS[standing]})."
    if programme is Programme.NEAR_POOR and standing is not Standing.NEAR_POOR:
        return f"Ngày {on} hộ không phải hộ cận nghèo (đang là {STANDING_LABELS[standing]})."
    if programme is Programme.NEWLY_ESCAPED and not household.is_newly_escaped_on(granted_on):
        return f"Ngày {on} hộ không trong thời hạn 36 tháng kể từ khi được công nhận thoát nghèo."
    return None


class Loan(RecordedAggregate):
    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        household_id: UUID
        commune: str
        hamlet: str
        programme: Programme
        amount: int
        term_months: int
        granted_on: date
        due_on: date
        request_id: UUID | None

    voided = False  # set by an approved correction: the loan was recorded in error

    class Granted(RecordedAggregate.Created):
        household_id: UUID
        commune: str
        hamlet: str
        programme: Programme
        amount: int
        term_months: int
        granted_on: date
        due_on: date
        request_id: UUID | None = None  # the household's recorded need it meets (domain/loan_request.py)

        def apply(self, loan: Loan) -> None:
            loan.request_id = self.request_id
            loan.household_id, loan.commune, loan.hamlet = self.household_id, self.commune, self.hamlet
            loan.programme, loan.amount, loan.term_months = self.programme, self.amount, self.term_months
            loan.granted_on, loan.due_on = self.granted_on, self.due_on

    class Corrected(RecordedAggregate.Event):
        """An approved correction (domain/correction.py) of the grant: date, amount, term, basis, or void."""

        correction_id: UUID
        corrected_version: int
        corrected_action: str
        reason: str
        evidence: str
        proposed_by: str
        new_basis: LegalBasis | None
        void: bool
        granted_on: date
        amount: int
        term_months: int
        due_on: date

        def apply(self, loan: Loan) -> None:
            loan.granted_on, loan.amount, loan.term_months = self.granted_on, self.amount, self.term_months
            loan.due_on, loan.voided = self.due_on, self.void

    @classmethod
    def grant(
        cls,
        household: Household,
        programme: Programme,
        amount: int,
        term_months: int,
        act: Act,
        request_id: UUID | None = None,
        ceilings: tuple[LoanCeiling, ...] = (),
    ) -> Loan:
        bounded_loan(amount, term_months, programme, act.effective_on, ceilings)
        reason = loan_refusal(household, programme, act.effective_on)
        if reason:
            raise LoanRefusedError(reason)
        return cls._create(
            cls.Granted,
            id=uuid4(),
            household_id=household.id,
            commune=household.commune,
            hamlet=household.hamlet,
            programme=programme,
            amount=amount,
            term_months=term_months,
            granted_on=act.effective_on,
            due_on=add_months(act.effective_on, term_months),
            request_id=request_id,
            **act.event_fields(),
        )

    def correct(
        self,
        household: Household,
        changes: Changes,
        act: Act,
        *,
        ceilings: tuple[LoanCeiling, ...] = (),
        **correction: object,
    ) -> None:
        """Records an approved correction; the corrected loan must still be one the bank could grant."""
        if self.voided:
            raise LoanRefusedError("Khoản vay đã được hủy do ghi nhầm; không đính chính thêm được.")
        granted_on = changes.effective_on or self.granted_on
        amount = self.amount if changes.amount is None else changes.amount
        term = self.term_months if changes.term_months is None else changes.term_months
        if not changes.void:
            bounded_loan(amount, term, self.programme, granted_on, ceilings)
            reason = loan_refusal(household, self.programme, granted_on)
            if reason:
                raise LoanRefusedError(reason)
        self.trigger_event(
            self.Corrected,
            new_basis=changes.basis,
            void=changes.void,
            granted_on=granted_on,
            amount=amount,
            term_months=term,
            due_on=add_months(granted_on, term),
            **correction,
            **act.event_fields(),
        )
