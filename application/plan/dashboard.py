"""The plan's targets against what the ledger shows, for the commune and each hamlet (issue 6, point 2).

What is measured, and on which day:
- the multidimensional poverty rate (poor + near-poor over all registered households; seed plan §II.1)
  at the start of the year — the decisions in force before 01/01 — and on the end day: the as-of date,
  or 31/12 of the year once it is over. Both are "as in force" (design.md §2.5): decisions recorded
  late and approved corrections count on the day they take effect;
- the year's transitions from 01/01 to the end day, by kind;
- the coverage targets of §II.2 among the households poor or near-poor on the end day, from their
  latest survey by then (the 12 indicators of Decree 07/2021/NĐ-CP) and the members' recorded facts
  (health insurance, schooling, work), which the ledger keeps as currently known, not dated;
- the credit target (§II.2.1): the loan needs of poor, near-poor and newly-escaped households recorded in
  the year up to the end day and not withdrawn by then, and of those the ones a loan granted by the end day
  met (application/credit/loan_requests.py); a year without any recorded need has no figure;
- targets the ledger has no data for are reported as "chưa có số liệu", never estimated (targets.py).

Every figure is an SQL query over the read models, caught up first: the households' standings, surveys and
members from the dashboard's own (dashboard_view/queries.py), loans, projects and deadlines from theirs
(dashboard_sources.py). The process keeps nothing of its own between requests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError
from application.core.ledger_core import LedgerCore
from application.plan import dashboard_sources as sources
from application.plan.cases import PlanCases
from application.plan.dashboard_sources import LoanGroup, ProjectGroup, ReminderCounts
from application.plan.dashboard_view import queries as view
from application.plan.tallies import TRANSITION_KINDS, Standings, Tally, transition_kind
from application.plan.targets import TargetResult, evaluate
from application.readmodels.database import Cursor
from domain.indicators import IndicatorRules
from domain.plan import AnnualPlan

__all__ = ["Dashboard", "DashboardQueries", "HamletDashboard", "LoanGroup", "ProjectGroup", "TargetResult"]


@dataclass(frozen=True)
class HamletDashboard:
    hamlet: str
    official: str | None  # the plan's §VI assignment
    start: Standings
    end: Standings
    transitions: dict[str, int]
    targets: tuple[TargetResult, ...]

    @property
    def reduction(self) -> float | None:
        if self.start.rate is None or self.end.rate is None:
            return None
        return round(self.start.rate - self.end.rate, 2)


@dataclass(frozen=True)
class Dashboard:
    year: int
    hamlet: str  # "" for the whole commune
    starts_on: date  # 01/01 of the year
    ends_on: date  # the as-of date, or 31/12 when the year is over
    today: date
    position: int  # the log position the figures were built from
    plan: AnnualPlan | None
    summary: HamletDashboard  # the commune, or the hamlet asked for
    hamlets: tuple[HamletDashboard, ...]  # every hamlet (one when a hamlet was asked for)
    reminders: ReminderCounts
    loans: tuple[LoanGroup, ...]
    loans_granted_in_year: int
    projects: tuple[ProjectGroup, ...]
    projects_started_in_year: int

    @property
    def transitions(self) -> list[tuple[str, str, int]]:
        return [(kind, label, self.summary.transitions.get(kind, 0)) for kind, label in TRANSITION_KINDS]


@dataclass(frozen=True)
class Period:
    year: int
    hamlet: str
    starts_on: date
    ends_on: date
    today: date


class DashboardQueries(CapabilityService):
    def __init__(self, core: LedgerCore, plan: PlanCases) -> None:
        super().__init__(core)
        self.plan = plan

    def dashboard(self, year: int, hamlet: str = "", as_of: date | None = None) -> Dashboard:
        period = self._period(year, hamlet, as_of)
        position = self.store.recorder.max_notification_id() or 0
        plan = self.plan.plan_of(year)
        with self.views.reading() as cursor:  # caught up first: a decision just recorded counts
            return self._dashboard(cursor, period, position, plan)

    def _period(self, year: int, hamlet: str, as_of: date | None) -> Period:
        today = self.today()
        starts_on, year_end = date(year, 1, 1), date(year, 12, 31)
        if hamlet and hamlet not in self.settings.hamlets:
            raise InvalidInputError({"hamlet": f"Xóm {hamlet} không thuộc xã {self.settings.commune}."})
        if starts_on > today:
            raise InvalidInputError({"year": f"Năm {year} chưa bắt đầu."})
        if as_of and as_of > today:
            raise InvalidInputError({"as_of": "Ngày xem không được sau ngày hôm nay."})
        if as_of and not starts_on <= as_of <= year_end:
            raise InvalidInputError({"as_of": f"Ngày xem phải trong năm {year}."})
        return Period(year, hamlet, starts_on, as_of or min(today, year_end), today)

    def _dashboard(self, cursor: Cursor, period: Period, position: int, plan: AnnualPlan | None) -> Dashboard:
        tallies = hamlet_tallies(cursor, self.settings.hamlets, period, self.indicator_rules)
        started = sources.projects_started(cursor, period.starts_on, period.ends_on)
        hamlets = tuple(hamlet_dashboard(name, tallies[name], plan, started.get(name, 0)) for name in tallies)
        hamlets = tuple(h for h in hamlets if not period.hamlet or h.hamlet == period.hamlet)
        summary = hamlets[0] if period.hamlet else commune_dashboard(tallies, plan, started[""])
        loans, granted_in_year = sources.loans(cursor, period.hamlet, period.starts_on, period.ends_on)
        return Dashboard(
            period.year,
            period.hamlet,
            period.starts_on,
            period.ends_on,
            period.today,
            position,
            plan,
            summary,
            hamlets,
            sources.reminders(cursor, period.hamlet, period.ends_on),
            loans,
            granted_in_year,
            sources.projects(cursor, period.hamlet, period.ends_on),
            started.get(period.hamlet, 0),
        )


def hamlet_dashboard(name: str, tally: Tally, plan: AnnualPlan | None, started: int) -> HamletDashboard:
    targets = tuple(evaluate(t, tally, started) for t in plan.targets) if plan else ()
    official = plan.official_of(name) if plan and name else None
    return HamletDashboard(name, official, tally.start, tally.end, dict(tally.transitions), targets)


def commune_dashboard(tallies: dict[str, Tally], plan: AnnualPlan | None, started: int) -> HamletDashboard:
    return hamlet_dashboard("", sum(tallies.values(), Tally()), plan, started)


def hamlet_tallies(cursor: Cursor, names: list[str], period: Period, rules: IndicatorRules) -> dict[str, Tally]:
    """The commune's hamlets in the settings' order, then any other a household is registered in."""
    tallies = {name: Tally() for name in names}
    for hamlet in view.standings(cursor, period.starts_on - timedelta(days=1), period.ends_on):
        tallies.setdefault(hamlet.hamlet, Tally())
        tallies[hamlet.hamlet].start, tallies[hamlet.hamlet].end = hamlet.start, hamlet.end
    add_transitions(cursor, tallies, period)
    for name, coverage in view.coverage_on(cursor, period.ends_on, rules).items():
        tallies[name].coverage = coverage
    for name, needs in sources.loan_needs(cursor, period.starts_on, period.ends_on).items():
        tallies.setdefault(name, Tally()).coverage["loan_needs_met"] = needs
    return tallies


def add_transitions(cursor: Cursor, tallies: dict[str, Tally], period: Period) -> None:
    for name, before, after, count in view.transitions_between(cursor, period.starts_on, period.ends_on):
        if kind := transition_kind(before, after):
            tallies[name].transitions[kind] += count
