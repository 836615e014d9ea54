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
- targets the ledger has no data for (job connection, vocational training, housing
  support, the BHYT premium support of average-living households) are reported as "chưa có số liệu",
  never estimated.

The households are folded from the event log once and then kept up to date incrementally, so a
dashboard of 2,500 households costs a pass over folded aggregates, not a replay of the log.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError
from application.core.ledger_core import LedgerCore
from application.plan.cases import PlanCases
from domain.household import Household, Standing
from domain.indicators import Indicator, IndicatorRules
from domain.loan import Programme
from domain.people import Employment
from domain.plan import AnnualPlan, Target
from domain.project import Component, ProjectStage

PAGE = 1000
REGISTERED_TOPIC = "domain.household:Household.Registered"
NO_DATA = "chưa có số liệu"
DUE_SOON_DAYS = 30

TRANSITION_KINDS = (
    ("newly_poor", "Hộ nghèo phát sinh"),
    ("newly_near_poor", "Hộ cận nghèo phát sinh"),
    ("near_poor_to_poor", "Từ cận nghèo thành nghèo"),
    ("re_poor", "Hộ tái nghèo"),
    ("re_near_poor", "Hộ tái cận nghèo"),
    ("escaped_poverty", "Hộ thoát nghèo"),
    ("escaped_near_poverty", "Hộ thoát cận nghèo"),
)
TRANSITION_LABELS = dict(TRANSITION_KINDS)
ESCAPED = (Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY)
LISTED = (Standing.POOR, Standing.NEAR_POOR)

# Household-level coverage targets read from the survey's indicator flags (domain.md §3.3).
SURVEY_TARGETS = {
    "hygienic_water": Indicator.WATER_SOURCE,
    "hygienic_latrine": Indicator.HYGIENIC_LATRINE,
    "telecom_internet": Indicator.TELECOM,
}
# Why a target has no figure: the ledger records no such need or support yet (domain.md §12.4, §12.6).
NO_DATA_REASONS = {
    "loan_needs_met": "Sổ chưa ghi nhu cầu vay vốn nào của hộ nghèo, cận nghèo, mới thoát nghèo trong năm.",
    "job_connection": "Sổ chưa ghi nhu cầu và việc hỗ trợ kết nối việc làm.",
    "vocational_training": "Sổ chưa ghi nhu cầu và việc hỗ trợ đào tạo nghề.",
    "health_insurance_average_living": "Sổ chưa ghi việc hỗ trợ mức phí BHYT cho hộ có mức sống trung bình.",
    "housing": "Sổ chưa ghi việc hỗ trợ xây dựng, sửa chữa nhà ở.",
    "basic_services": "Sổ chưa ghi việc tiếp cận từng dịch vụ, chính sách; xem các chỉ tiêu theo chiều thiếu hụt.",
}
STABLE_WORK = (Employment.WAGED_WITH_CONTRACT, Employment.SELF_EMPLOYED)


def transition_kind(before: Standing, after: Standing) -> str | None:
    """The kind of change a decision makes, as the monthly and annual reports count them."""
    if after is Standing.POOR:
        if before in ESCAPED:
            return "re_poor"
        return "near_poor_to_poor" if before is Standing.NEAR_POOR else "newly_poor"
    if after is Standing.NEAR_POOR:
        if before is Standing.POOR:
            return "escaped_poverty"  # poor → near-poor is an escape from poverty (README, transitions)
        return "re_near_poor" if before in ESCAPED else "newly_near_poor"
    if after is Standing.ESCAPED_POVERTY:
        return "escaped_poverty"
    if after is Standing.ESCAPED_NEAR_POVERTY:
        return "escaped_near_poverty"
    return None


def standing_before(household: Household, day: date) -> Standing:
    """The standing in force at the start of the day: decisions effective before it."""
    return household.standing_on(day - timedelta(days=1))


@dataclass
class FoldedHousehold:
    household: Household
    registered_on: date


class HouseholdFold:
    """Every household as its events make it, up to a log position; refreshed by the new notifications."""

    def __init__(self) -> None:
        self.position = 0
        self.households: dict[str, FoldedHousehold] = {}
        self.lock = threading.Lock()

    @contextmanager
    def current(self, store: Any) -> Iterator[dict[str, FoldedHousehold]]:
        """The households as of the log's head, held still (under the lock) while the caller reads them."""
        with self.lock:
            self._refresh(store)
            yield self.households

    def _refresh(self, store: Any) -> None:
        last = store.recorder.max_notification_id() or 0
        start = self.position + 1
        while start <= last:
            page = store.recorder.select_notifications(start, PAGE, stop=last)
            if not page:
                break
            for notification in page:
                key = str(notification.originator_id)
                if notification.topic == REGISTERED_TOPIC:
                    event = store.mapper.to_domain_event(notification)
                    self.households[key] = FoldedHousehold(event.mutate(None), event.effective_on)
                elif key in self.households:
                    folded = self.households[key]
                    folded.household = store.mapper.to_domain_event(notification).mutate(folded.household)
            start = page[-1].id + 1
        self.position = max(self.position, last)


@dataclass(frozen=True)
class Standings:
    total: int = 0
    poor: int = 0
    near_poor: int = 0

    @property
    def listed(self) -> int:
        return self.poor + self.near_poor

    @property
    def rate(self) -> float | None:
        """Tỷ lệ nghèo đa chiều in percent (seed plan §II.1), None without households."""
        return round(100 * self.listed / self.total, 2) if self.total else None

    def __add__(self, other: Standings) -> Standings:
        return Standings(self.total + other.total, self.poor + other.poor, self.near_poor + other.near_poor)


@dataclass(frozen=True)
class Coverage:
    """Of the group concerned: how many have it, how many do not, how many are not known."""

    covered: int = 0
    not_covered: int = 0
    unknown: int = 0

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(
            self.covered + other.covered, self.not_covered + other.not_covered, self.unknown + other.unknown
        )

    @property
    def known(self) -> int:
        return self.covered + self.not_covered

    @property
    def share(self) -> float | None:
        return round(100 * self.covered / self.known, 2) if self.known else None


@dataclass(frozen=True)
class TargetResult:
    target: Target
    actual: float | None  # percent, points, or a count (unit says which); None: no data
    unit: str
    met: bool | None  # None: no verdict (an aim, or no data)
    coverage: Coverage | None = None
    note: str = ""

    @property
    def has_data(self) -> bool:
        return self.actual is not None


@dataclass(frozen=True)
class LoanGroup:
    programme: Programme
    fallen_due: bool
    count: int
    amount: int


@dataclass(frozen=True)
class ProjectGroup:
    component: Component
    stage: ProjectStage
    count: int


@dataclass(frozen=True)
class ReminderCounts:
    overdue: int  # open deadlines past their due date on the end day
    due_soon: int  # open deadlines due within DUE_SOON_DAYS of the end day
    unacknowledged: int  # reminders issued and not yet acknowledged (as now)


@dataclass
class Tally:
    """What one hamlet adds up to; the commune is the sum of its hamlets."""

    start: Standings = field(default_factory=Standings)
    end: Standings = field(default_factory=Standings)
    transitions: Counter[str] = field(default_factory=Counter)
    coverage: dict[str, Coverage] = field(default_factory=dict)

    def add_coverage(self, code: str, coverage: Coverage) -> None:
        self.coverage[code] = self.coverage.get(code, Coverage()) + coverage

    def __add__(self, other: Tally) -> Tally:
        total = Tally(self.start + other.start, self.end + other.end, self.transitions + other.transitions)
        for code in {*self.coverage, *other.coverage}:
            total.coverage[code] = self.coverage.get(code, Coverage()) + other.coverage.get(code, Coverage())
        return total


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


def working_member(household: Household, day: date, rules: IndicatorRules) -> Coverage:
    """Seed plan §II.2.1: at least one working-age member in stable work (with a contract, or self-employed)."""
    workers = [
        p
        for p in household.people.values()
        if (age := p.age_on(day)) is not None and rules.working_age_from <= age < rules.working_age_to
    ]
    if any(p.employment in STABLE_WORK for p in workers):
        return Coverage(covered=1)
    if workers and all(p.employment is not None for p in workers):
        return Coverage(not_covered=1)
    return Coverage(unknown=1)


def people_coverage(people: list[Any], fact: str, survey_ok: bool | None) -> Coverage:
    """A person counts by their recorded fact; without one, by the household's survey flag when it was not
    deprived (every member then had it); otherwise the person is not known."""
    covered = not_covered = unknown = 0
    for person in people:
        value = getattr(person, fact)
        if value is True or (value is None and survey_ok is True):
            covered += 1
        elif value is False:
            not_covered += 1
        else:
            unknown += 1
    return Coverage(covered, not_covered, unknown)


def latest_survey_by(household: Household, day: date) -> Any:
    surveys = [s for s in household.surveys if s.surveyed_on <= day]
    return surveys[-1] if surveys else None


def survey_coverage(survey: Any, indicator: Indicator) -> Coverage:
    if survey is None:
        return Coverage(unknown=1)
    return Coverage(not_covered=1) if survey.is_deprived(indicator) else Coverage(covered=1)


def tally_household(
    tally: Tally, folded: FoldedHousehold, starts_on: date, ends_on: date, rules: IndicatorRules
) -> None:
    household = folded.household
    if folded.registered_on < starts_on:
        start = standing_before(household, starts_on)
        tally.start += Standings(1, start is Standing.POOR, start is Standing.NEAR_POOR)
    if folded.registered_on > ends_on:
        return
    end = household.standing_on(ends_on)
    tally.end += Standings(1, end is Standing.POOR, end is Standing.NEAR_POOR)
    previous = Standing.UNLISTED
    for effective_on, standing in household.history:
        if starts_on <= effective_on <= ends_on and (kind := transition_kind(previous, standing)):
            tally.transitions[kind] += 1
        previous = standing
    if end not in LISTED:
        return
    survey = latest_survey_by(household, ends_on)
    for code, indicator in SURVEY_TARGETS.items():
        tally.add_coverage(code, survey_coverage(survey, indicator))
    insured_ok = None if survey is None else not survey.is_deprived(Indicator.HEALTH_INSURANCE)
    tally.add_coverage(
        "health_insurance", people_coverage(list(household.people.values()), "health_insurance", insured_ok)
    )
    children = [
        p
        for p in household.people.values()
        if (age := p.age_on(ends_on)) is not None and rules.school_age_from <= age < rules.child_under
    ]
    school_ok = None if survey is None else not survey.is_deprived(Indicator.SCHOOL_ATTENDANCE)
    tally.add_coverage("school_attendance", people_coverage(children, "in_school", school_ok))
    tally.add_coverage("working_member", working_member(household, ends_on, rules))


UNITS = {"reduction_points": "điểm %", "share": "%", "aim": "%"}


def evaluate(target: Target, tally: Tally, projects_started: int) -> TargetResult:
    if target.kind == "reduction_points":
        start, end = tally.start.rate, tally.end.rate
        if start is None or end is None:
            return TargetResult(target, None, "điểm %", None, note="Chưa có hộ nào trong sổ.")
        reduction = round(start - end, 2)
        met = reduction >= (target.threshold or 0)
        note = f"Đầu năm {start:.2f}%, cuối kỳ {end:.2f}%".replace(".", ",")
        return TargetResult(target, reduction, "điểm %", met, note=note)
    if target.code == "livelihood_projects":
        return TargetResult(target, projects_started, "dự án", None, note="Số dự án bắt đầu thực hiện trong năm.")
    coverage = tally.coverage.get(target.code)
    if coverage is None:
        reason = NO_DATA_REASONS.get(target.code, "Sổ chưa có dữ liệu cho chỉ tiêu này.")
        return TargetResult(target, None, UNITS[target.kind], None, note=reason)
    if coverage.share is None:
        note = f"Chưa có số liệu: {coverage.unknown} chưa khảo sát hoặc chưa rõ." if coverage.unknown else ""
        return TargetResult(target, None, "%", None, coverage, note or "Không có hộ nghèo, cận nghèo.")
    met = None if target.kind == "aim" or target.threshold is None else coverage.share >= target.threshold
    note = f"{coverage.covered}/{coverage.known}"
    if coverage.unknown:
        note += f"; {coverage.unknown} chưa rõ (chưa khảo sát hoặc chưa ghi)"
    if target.code == "loan_needs_met":
        note = f"{coverage.covered}/{coverage.known} nhu cầu vay được đáp ứng; {coverage.not_covered} chưa được vay"
    if target.code == "telecom_internet":
        note += "; sổ chưa ghi nhu cầu nên tính trên mọi hộ nghèo, cận nghèo đã khảo sát"
    return TargetResult(target, coverage.share, "%", met, coverage, note)


class DashboardQueries(CapabilityService):
    def __init__(self, core: LedgerCore, plan: PlanCases) -> None:
        super().__init__(core)
        self.plan = plan

    _household_fold: HouseholdFold | None = None

    def _fold(self) -> HouseholdFold:
        if self._household_fold is None:
            self._household_fold = HouseholdFold()
        return self._household_fold

    def dashboard(self, year: int, hamlet: str = "", as_of: date | None = None) -> Dashboard:
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
        ends_on = as_of or min(today, year_end)
        position = self.store.recorder.max_notification_id() or 0
        plan = self.plan.plan_of(year)
        rules = self.indicator_rules
        tallies = {name: Tally() for name in self.settings.hamlets}
        with self._fold().current(self.store) as households:
            for folded in households.values():
                name = folded.household.hamlet
                if name not in tallies:
                    tallies[name] = Tally()
                tally_household(tallies[name], folded, starts_on, ends_on, rules)
        for name, needs in self._loan_needs(starts_on, ends_on).items():
            tallies.setdefault(name, Tally()).coverage["loan_needs_met"] = needs
        started = self._projects_started(starts_on, ends_on)
        hamlets = tuple(
            self._hamlet_dashboard(name, tallies[name], plan, started.get(name, 0))
            for name in tallies
            if not hamlet or name == hamlet
        )
        if hamlet:
            summary = hamlets[0]
        else:
            summary = self._hamlet_dashboard("", sum(tallies.values(), Tally()), plan, started[""])
        self.views.catch_up()
        loans, granted_in_year = self._loans(hamlet, starts_on, ends_on)
        projects = self._projects(hamlet, ends_on)
        return Dashboard(
            year,
            hamlet,
            starts_on,
            ends_on,
            today,
            position,
            plan,
            summary,
            hamlets,
            self._reminders(hamlet, ends_on),
            loans,
            granted_in_year,
            projects,
            started.get(hamlet, 0),
        )

    def _hamlet_dashboard(self, name: str, tally: Tally, plan: AnnualPlan | None, started: int) -> HamletDashboard:
        targets = tuple(evaluate(t, tally, started) for t in plan.targets) if plan else ()
        official = plan.official_of(name) if plan and name else None
        return HamletDashboard(name, official, tally.start, tally.end, dict(tally.transitions), targets)

    def _projects_started(self, starts_on: date, ends_on: date) -> dict[str, int]:
        """Projects whose implementation starts in the period, per hamlet ("" holds all of them)."""
        self.views.catch_up()
        with self.views.database.reading() as cursor:
            rows = cursor.all(
                "SELECT project_id, hamlets FROM view_projects WHERE starts_on >= ? AND starts_on <= ?",
                (starts_on.isoformat(), ends_on.isoformat()),
            )
        started: dict[str, int] = {"": len(rows)}
        for row in rows:
            for name in str(row["hamlets"]).split(", "):
                started[name] = started.get(name, 0) + 1
        return started

    def _loan_needs(self, starts_on: date, ends_on: date) -> dict[str, Coverage]:
        """Per hamlet: the needs recorded from 01/01 to the end day and not withdrawn by then, met (covered)
        when their loan was granted by the end day and not voided by an approved correction."""
        self.views.catch_up()
        end = ends_on.isoformat()
        with self.views.database.reading() as cursor:
            rows = cursor.all(
                "SELECT r.hamlet, SUM(CASE WHEN l.granted_on <= ? AND l.loan_id NOT IN (SELECT subject_id"
                " FROM view_corrections WHERE status = 'approved' AND void = 1) THEN 1 ELSE 0 END) AS met,"
                " COUNT(*) AS total FROM view_loan_requests r LEFT JOIN view_loans l ON l.loan_id = r.loan_id"
                " WHERE r.requested_on >= ? AND r.requested_on <= ? AND (r.withdrawn_on IS NULL OR r.withdrawn_on > ?)"
                " GROUP BY r.hamlet",
                (end, starts_on.isoformat(), end, end),
            )
        needs = {str(r["hamlet"]): Coverage(int(r["met"] or 0), int(r["total"]) - int(r["met"] or 0)) for r in rows}
        return needs

    def _loans(self, hamlet: str, starts_on: date, ends_on: date) -> tuple[tuple[LoanGroup, ...], int]:
        """Loans granted by the end day, by programme and whether they had fallen due; voided ones left out."""
        inner = (
            "SELECT programme, amount, CASE WHEN due_on <= ? THEN 1 ELSE 0 END AS fallen_due,"
            " CASE WHEN granted_on >= ? THEN 1 ELSE 0 END AS in_year"
            " FROM view_loans WHERE granted_on <= ? AND loan_id NOT IN"
            " (SELECT subject_id FROM view_corrections WHERE status = 'approved' AND void = 1)"
        )
        params: list[Any] = [ends_on.isoformat(), starts_on.isoformat(), ends_on.isoformat()]
        if hamlet:
            inner, params = inner + " AND hamlet = ?", [*params, hamlet]
        sql = (
            "SELECT programme, fallen_due, COUNT(*) AS count, SUM(amount) AS amount, SUM(in_year) AS in_year"
            f" FROM ({inner}) loans GROUP BY programme, fallen_due ORDER BY programme, fallen_due"
        )
        with self.views.database.reading() as cursor:
            rows = cursor.all(sql, params)
        groups = tuple(
            LoanGroup(Programme(r["programme"]), bool(r["fallen_due"]), int(r["count"]), int(r["amount"] or 0))
            for r in rows
        )
        return groups, sum(int(r["in_year"] or 0) for r in rows)

    def _projects(self, hamlet: str, ends_on: date) -> tuple[ProjectGroup, ...]:
        """Projects by component and stage on the end day: proposed, approved (started), reviewed."""
        with self.views.database.reading() as cursor:
            rows = cursor.all(
                "SELECT p.*, (SELECT MIN(a.effective_on) FROM view_audit a WHERE a.subject_id = p.project_id)"
                " AS proposed_on FROM view_projects p"
            )
        counts: Counter[tuple[Component, ProjectStage]] = Counter()
        for row in rows:
            if hamlet and hamlet not in str(row["hamlets"]).split(", "):
                continue
            if row["proposed_on"] and str(row["proposed_on"]) > ends_on.isoformat():
                continue
            stage = project_stage_on(row, ends_on)
            if stage:
                counts[(Component(row["component"]), stage)] += 1
        return tuple(
            ProjectGroup(c, s, n) for (c, s), n in sorted(counts.items(), key=lambda i: (i[0][0].value, i[0][1].value))
        )

    def _reminders(self, hamlet: str, ends_on: date) -> ReminderCounts:
        soon = ends_on + timedelta(days=DUE_SOON_DAYS)
        where, params = "status = 'open'", []
        if hamlet:
            where, params = where + " AND hamlet = ?", [hamlet]
        with self.views.database.reading() as cursor:
            row = cursor.one(
                "SELECT SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 END) AS overdue,"
                " SUM(CASE WHEN due_on >= ? AND due_on <= ? THEN 1 ELSE 0 END) AS due_soon"
                f" FROM view_obligations WHERE {where}",
                [ends_on.isoformat(), ends_on.isoformat(), soon.isoformat(), *params],
            )
            unacknowledged = cursor.one(
                "SELECT COUNT(*) AS n FROM view_reminders WHERE acknowledged_at IS NULL AND resolved_at IS NULL"
                + (" AND hamlet = ?" if hamlet else ""),
                params,
            )
        return ReminderCounts(
            int((row or {}).get("overdue") or 0),
            int((row or {}).get("due_soon") or 0),
            int((unacknowledged or {}).get("n") or 0),
        )


def project_stage_on(row: dict[str, Any], day: date) -> ProjectStage | None:
    """The stage on the day from the read model's dates; a project approved later counts as proposed."""
    stage = ProjectStage(row["stage"])
    reviewed_on = from_row_date(row.get("reviewed_on"))
    starts_on = from_row_date(row.get("starts_on"))
    if stage is ProjectStage.REVIEWED and reviewed_on and reviewed_on <= day:
        return ProjectStage.REVIEWED
    if stage in (ProjectStage.REVIEWED, ProjectStage.APPROVED) and starts_on and starts_on <= day:
        return ProjectStage.APPROVED
    return ProjectStage.PROPOSED


def from_row_date(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None
