"""The JSON API of the two statutory review reports (issue 6 §3): the same figures as the pages, per hamlet."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel

from application.reviews.statutory_report_log import DecisionReference, ReportSource
from web.reviews.statutory_report_pages import ANNUAL_COLUMNS, MONTHLY_COLUMNS, as_dict
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.query_bounds import checked_month, checked_year

router = APIRouter(prefix="/api/v1/reports", tags=["reports"], responses=ERROR_RESPONSES)


class SourceOut(BaseModel):
    """The log position and head hash the figures were built from (the head on screen; nothing is signed)."""

    position: int
    head_hash: str
    built_at: datetime


class DecisionOut(BaseModel):
    review_id: UUID
    decided_on: date
    number: str
    households: int


class MonthlyReportOut(BaseModel):
    year: int
    month: int
    first_day: date
    last_day: date
    as_of: date
    source: SourceOut
    decisions: list[DecisionOut]
    hamlets: list[dict[str, Any]]
    total: dict[str, Any]


class AnnualSummaryOut(BaseModel):
    year: int
    start_on: date
    as_of: date
    source: SourceOut
    periodic_decisions: list[DecisionOut]
    hamlets: list[dict[str, Any]]
    total: dict[str, Any]


def source_out(source: ReportSource) -> SourceOut:
    return SourceOut(position=source.position, head_hash=source.head_hash, built_at=source.built_at)


def decision_out(decision: DecisionReference) -> DecisionOut:
    return DecisionOut(
        review_id=decision.review_id,
        decided_on=decision.decided_on,
        number=decision.number,
        households=decision.households,
    )


@router.get("/monthly")
def monthly_report(year: int, month: int, actor: ApiActor, ledger: LedgerDep) -> MonthlyReportOut:
    """Regular reviews (Decision 24/2021, Art. 5) decided in the month, per hamlet; 422 for a month not yet come."""
    report = ledger.reports.monthly_review_report(checked_year(ledger, year), checked_month(month))
    return MonthlyReportOut(
        year=report.year,
        month=report.month,
        first_day=report.first_day,
        last_day=report.last_day,
        as_of=report.as_of,
        source=source_out(report.source),
        decisions=[decision_out(d) for d in report.decisions],
        hamlets=[as_dict(row, MONTHLY_COLUMNS) for row in report.rows],
        total=as_dict(report.total, MONTHLY_COLUMNS),
    )


@router.get("/annual")
def annual_summary(year: int, actor: ApiActor, ledger: LedgerDep) -> AnnualSummaryOut:
    """The year per hamlet: poor and near-poor at the start, the movements, at the end, and the rates."""
    summary = ledger.reports.annual_review_summary(checked_year(ledger, year))
    return AnnualSummaryOut(
        year=summary.year,
        start_on=summary.start_on,
        as_of=summary.as_of,
        source=source_out(summary.source),
        periodic_decisions=[decision_out(d) for d in summary.periodic_decisions],
        hamlets=[as_dict(row, ANNUAL_COLUMNS) for row in summary.rows],
        total=as_dict(summary.total, ANNUAL_COLUMNS),
    )
