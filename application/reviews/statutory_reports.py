"""The commune's two statutory review reports (issue 6 §3), per hamlet, each stamped with the log it was built from.

- The monthly report of regular-review results: Decision 24/2021/QĐ-TTg, Art. 7 has the commune chair report
  the regular (monthly) reviews of Art. 5 to the district chair on the 5th of each month (domain.md §4.2). It
  counts the recognition decisions and written refusals dated in the month, by the line each decision gave the
  household (domain/review.py CHANGES), and the poor and near-poor households at the end of the month.
- The annual review summary: households at the start of the year (as in force on 31/12 of the year before,
  i.e. the previous review's result), the year's movements in and out of each list, and the end of the year
  (or the as-of day for the current year), with the rates. The columns follow the layout known of the
  Circular 07/2021/TT-BLĐTBXH Appendix VII summaries; which of them are verified is in the README.

Both are folded from the stored events up to one log position — the head shown on screen, or the head a fresh
signed checkpoint names when the report is exported (design.md §2.5) — so the figures and the stamp agree.
Standings are those in force (decisions recorded late and approved corrections count on their effective dates).
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from application.audit.chain import Link
from application.audit.checkpoints import REPORT_EXPORT
from application.audit.tamper_evidence import TamperEvidenceCases
from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError
from application.core.ledger_core import LedgerCore
from application.reviews.statutory_report_log import (
    DecisionReference,
    ReportLog,
    ReportSource,
    decision_reference,
    events_up_to,
)
from application.reviews.statutory_report_rows import (
    MONTHLY_CHANGES,
    HamletRow,
    count_households,
    count_movements,
    hamlet_key,
    hamlet_rows,
    total_of,
)
from domain.review import Review, ReviewKind

FIRST_YEAR = 2021  # the 2022–2025 standard and Decision 24/2021 apply from the 2021 review on


@dataclass(frozen=True)
class MonthlyReviewReport:
    year: int
    month: int
    first_day: date
    last_day: date
    as_of: date  # the end of the month, or today for the current month
    source: ReportSource
    decisions: tuple[DecisionReference, ...]
    rows: tuple[HamletRow, ...]
    total: HamletRow


@dataclass(frozen=True)
class AnnualReviewSummary:
    year: int
    start_on: date  # standings in force at the end of this day are the year's start (31/12 of the year before)
    as_of: date  # 31/12 of the year, or today for the current year
    source: ReportSource
    periodic_decisions: tuple[DecisionReference, ...]
    rows: tuple[HamletRow, ...]
    total: HamletRow


class StatutoryReportQueries(CapabilityService):
    def __init__(self, core: LedgerCore, tamper_evidence: TamperEvidenceCases) -> None:
        super().__init__(core)
        self.tamper_evidence = tamper_evidence

    def monthly_review_report(self, year: int, month: int, export: bool = False) -> MonthlyReviewReport:
        """The regular reviews' decisions and written refusals dated in the month, per hamlet."""
        self._require_period(year, month)
        first_day = date(year, month, 1)
        last_day = date(year, month, calendar.monthrange(year, month)[1])
        as_of = min(last_day, self.today())
        source, log = self._report_log(export)
        rows = self._hamlet_rows()
        decisions: list[DecisionReference] = []
        for events in log.reviews:
            if events[0].kind is ReviewKind.REGULAR:
                decisions += count_regular_review(rows, events, first_day, last_day)
        count_households(rows, log.households, as_of, "end")
        ordered = self._ordered(rows)
        decisions.sort(key=lambda d: (d.decided_on, d.number))
        return MonthlyReviewReport(
            year, month, first_day, last_day, as_of, source, tuple(decisions), ordered, total_of(ordered)
        )

    def annual_review_summary(self, year: int, export: bool = False) -> AnnualReviewSummary:
        """The year per hamlet: start (the previous review's result in force), movements in the year, end, rates."""
        self._require_period(year)
        start_on = date(year - 1, 12, 31)
        as_of = min(date(year, 12, 31), self.today())
        source, log = self._report_log(export)
        rows = self._hamlet_rows()
        for household, _ in log.households:
            count_movements(rows[household.hamlet], household, start_on, as_of)
        count_households(rows, log.households, start_on, "start")
        count_households(rows, log.households, as_of, "end")
        periodic = []
        for events in log.reviews:
            if events[0].kind is ReviewKind.PERIODIC and events[0].year == year:
                periodic += count_periodic_review(rows, events, as_of)
        ordered, periodic = self._ordered(rows), sorted(periodic, key=lambda d: d.decided_on)
        return AnnualReviewSummary(year, start_on, as_of, source, tuple(periodic), ordered, total_of(ordered))

    def _require_period(self, year: int, month: int | None = None) -> None:
        today = self.today()
        errors = {}
        if not FIRST_YEAR <= year <= today.year:
            errors["year"] = f"Năm báo cáo phải từ {FIRST_YEAR} đến {today.year}."
        if month is not None and not 1 <= month <= 12:
            errors["month"] = "Tháng báo cáo phải từ 1 đến 12."
        elif month is not None and not errors and date(year, month, 1) > today:
            errors["month"] = f"Tháng {month}/{year} chưa đến: chưa có kết quả rà soát để báo cáo."
        if errors:
            raise InvalidInputError(errors)

    def _report_log(self, export: bool) -> tuple[ReportSource, ReportLog]:
        """The head the report is built to: a freshly signed checkpoint for an export, else the head on screen."""
        if export:
            head: Link = self.tamper_evidence.export_stamp(REPORT_EXPORT)
        else:
            head = self.tamper_evidence.chain_up()  # caught up and linked: the head is the log's last position
        return ReportSource(head.position, head.hash, self.clock(), export), events_up_to(self.store, head.position)

    def _hamlet_rows(self) -> dict[str, HamletRow]:
        return hamlet_rows(self.settings.hamlets)

    def _ordered(self, rows: dict[str, HamletRow]) -> tuple[HamletRow, ...]:
        """The commune's hamlet order (settings), then any hamlet the log names that settings no longer do."""
        known = [rows[h] for h in self.settings.hamlets]
        return tuple(known + sorted((r for h, r in rows.items() if h not in self.settings.hamlets), key=hamlet_key))


def count_regular_review(
    rows: dict[str, HamletRow], events: list[Any], first_day: date, last_day: date
) -> list[DecisionReference]:
    """A regular review's decisions and written refusals dated in the month, counted by hamlet and line."""
    opened = events[0]
    hamlet_of = {e.household_id: e.hamlet for e in events if isinstance(e, Review.HouseholdListed)}
    reviewed: dict[str, set[UUID]] = defaultdict(set)
    decisions = []
    for event in events:
        if not first_day <= event.effective_on <= last_day:
            continue
        if isinstance(event, Review.Decided):
            for outcome in event.outcomes:
                row = rows[hamlet_of[outcome.household_id]]
                row.counts[outcome.change if outcome.change in MONTHLY_CHANGES else "unchanged"] += 1
                reviewed[row.hamlet].add(outcome.household_id)
            number = event.basis.number if event.basis else ""
            decisions.append(decision_reference(opened, event.effective_on, number, len(event.outcomes)))
        elif isinstance(event, Review.RequestRefused):
            rows[hamlet_of[event.household_id]].counts["refused"] += 1
            reviewed[hamlet_of[event.household_id]].add(event.household_id)
    for hamlet, households in reviewed.items():
        rows[hamlet].counts["reviewed"] += len(households)
    return decisions


def count_periodic_review(rows: dict[str, HamletRow], events: list[Any], as_of: date) -> list[DecisionReference]:
    """The households a periodic review listed, by hamlet, and its decisions by the as-of day."""
    opened = events[0]
    decisions = []
    for event in events:
        if isinstance(event, Review.HouseholdListed):
            rows[event.hamlet].counts["reviewed"] += 1
        elif isinstance(event, Review.Decided) and event.effective_on <= as_of:
            number = event.basis.number if event.basis else ""
            decisions.append(decision_reference(opened, event.effective_on, number, len(event.outcomes)))
    return decisions
