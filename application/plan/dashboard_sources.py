"""What the dashboard reads from the other read models on the end day: loan needs and loans
(application/credit/), projects (application/projects/), open deadlines and reminders (application/reminders/).

A loan voided by an approved correction counts nowhere; a loan need counts when recorded in the year up to the
end day and not withdrawn by then, and is met when a loan granted by the end day met it (seed plan §II.2.1).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from application.plan.tallies import Coverage
from application.readmodels.database import Cursor, Row
from domain.loan import Programme
from domain.project import Component, ProjectStage

DUE_SOON_DAYS = 30
VOIDED = "SELECT subject_id FROM view_corrections WHERE status = 'approved' AND void = 1"


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


def loan_needs(cursor: Cursor, starts_on: date, ends_on: date) -> dict[str, Coverage]:
    """Per hamlet: the needs of the period not withdrawn by its end, met (covered) by a loan granted by then."""
    end = ends_on.isoformat()
    rows = cursor.all(
        f"SELECT r.hamlet, SUM(CASE WHEN l.granted_on <= ? AND l.loan_id NOT IN ({VOIDED}) THEN 1 ELSE 0 END)"
        " AS met, COUNT(*) AS total FROM view_loan_requests r LEFT JOIN view_loans l ON l.loan_id = r.loan_id"
        " WHERE r.requested_on >= ? AND r.requested_on <= ? AND (r.withdrawn_on IS NULL OR r.withdrawn_on > ?)"
        " GROUP BY r.hamlet",
        (end, starts_on.isoformat(), end, end),
    )
    return {str(r["hamlet"]): needs_of(int(r["met"] or 0), int(r["total"])) for r in rows}


def needs_of(met: int, total: int) -> Coverage:
    return Coverage(met, total - met)


def loans(cursor: Cursor, hamlet: str, starts_on: date, ends_on: date) -> tuple[tuple[LoanGroup, ...], int]:
    """Loans granted by the end day, by programme and whether they had fallen due; and how many in the year."""
    rows = cursor.all(*loans_sql(hamlet, starts_on, ends_on))
    groups = tuple(loan_group(row) for row in rows)
    return groups, sum(int(r["in_year"] or 0) for r in rows)


def loans_sql(hamlet: str, starts_on: date, ends_on: date) -> tuple[str, list[Any]]:
    inner = (
        "SELECT programme, amount, CASE WHEN due_on <= ? THEN 1 ELSE 0 END AS fallen_due,"
        " CASE WHEN granted_on >= ? THEN 1 ELSE 0 END AS in_year"
        f" FROM view_loans WHERE granted_on <= ? AND loan_id NOT IN ({VOIDED})"
    )
    params: list[Any] = [ends_on.isoformat(), starts_on.isoformat(), ends_on.isoformat()]
    if hamlet:
        inner, params = inner + " AND hamlet = ?", [*params, hamlet]
    sql = (
        "SELECT programme, fallen_due, COUNT(*) AS count, SUM(amount) AS amount, SUM(in_year) AS in_year"
        f" FROM ({inner}) loans GROUP BY programme, fallen_due ORDER BY programme, fallen_due"
    )
    return sql, params


def loan_group(row: Row) -> LoanGroup:
    return LoanGroup(Programme(row["programme"]), bool(row["fallen_due"]), int(row["count"]), int(row["amount"] or 0))


def projects_started(cursor: Cursor, starts_on: date, ends_on: date) -> dict[str, int]:
    """Projects whose implementation starts in the period, per hamlet ("" holds all of them)."""
    rows = cursor.all(
        "SELECT project_id, hamlets FROM view_projects WHERE starts_on >= ? AND starts_on <= ?",
        (starts_on.isoformat(), ends_on.isoformat()),
    )
    started = Counter(name for row in rows for name in hamlets_of(row))
    started[""] += len(rows)
    return started


def hamlets_of(row: Row) -> list[str]:
    return str(row["hamlets"]).split(", ")


def projects(cursor: Cursor, hamlet: str, ends_on: date) -> tuple[ProjectGroup, ...]:
    """Projects proposed by the end day, by component and stage on it: proposed, approved (started), reviewed."""
    rows = cursor.all(
        "SELECT p.*, (SELECT MIN(a.effective_on) FROM view_audit a WHERE a.subject_id = p.project_id)"
        " AS proposed_on FROM view_projects p"
    )
    counts = Counter(project_key(row, ends_on) for row in rows if concerns(row, hamlet, ends_on))
    ordered = sorted(counts.items(), key=lambda item: (item[0][0].value, item[0][1].value))
    return tuple(ProjectGroup(component, stage, n) for (component, stage), n in ordered)


def concerns(row: Row, hamlet: str, ends_on: date) -> bool:
    if hamlet and hamlet not in hamlets_of(row):
        return False
    return not (row["proposed_on"] and str(row["proposed_on"]) > ends_on.isoformat())


def project_key(row: Row, day: date) -> tuple[Component, ProjectStage]:
    return Component(row["component"]), project_stage_on(row, day)


def project_stage_on(row: Row, day: date) -> ProjectStage:
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


def reminders(cursor: Cursor, hamlet: str, ends_on: date) -> ReminderCounts:
    """Open deadlines overdue or due soon on the end day; reminders not yet acknowledged (as now)."""
    deadlines = open_deadlines(cursor, hamlet, ends_on)
    return ReminderCounts(
        int(deadlines.get("overdue") or 0), int(deadlines.get("due_soon") or 0), unacknowledged(cursor, hamlet)
    )


def open_deadlines(cursor: Cursor, hamlet: str, ends_on: date) -> Row:
    soon = ends_on + timedelta(days=DUE_SOON_DAYS)
    where, params = ("status = 'open' AND hamlet = ?", [hamlet]) if hamlet else ("status = 'open'", [])
    row = cursor.one(
        "SELECT SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 END) AS overdue,"
        " SUM(CASE WHEN due_on >= ? AND due_on <= ? THEN 1 ELSE 0 END) AS due_soon"
        f" FROM view_obligations WHERE {where}",
        [ends_on.isoformat(), ends_on.isoformat(), soon.isoformat(), *params],
    )
    return row or {}


def unacknowledged(cursor: Cursor, hamlet: str) -> int:
    row = cursor.one(
        "SELECT COUNT(*) AS n FROM view_reminders WHERE acknowledged_at IS NULL AND resolved_at IS NULL"
        + (" AND hamlet = ?" if hamlet else ""),
        [hamlet] if hamlet else [],
    )
    return int((row or {}).get("n") or 0)
