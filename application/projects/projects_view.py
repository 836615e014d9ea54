"""The projects read model (view_projects, view_project_households): each livelihood project, its
stage, its dates and the households taking part."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.households.register_view import household_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers, ReadModel
from application.readmodels.tables import cached_row, insert_row, iso, update_row
from domain.project import Project, ProjectStage

TABLE = "view_projects"
TABLES = {
    TABLE: """
        project_id TEXT PRIMARY KEY,
        commune TEXT NOT NULL,
        name TEXT NOT NULL,
        component TEXT NOT NULL,
        responsible TEXT NOT NULL,
        hamlets TEXT NOT NULL,
        households_count INTEGER NOT NULL,
        stage TEXT NOT NULL,
        approver TEXT NOT NULL,
        starts_on TEXT,
        duration_months INTEGER,
        ends_on TEXT,
        reviewed_on TEXT,
        version INTEGER NOT NULL""",
    "view_project_households": """
        project_id TEXT NOT NULL,
        household_id TEXT NOT NULL,
        PRIMARY KEY (project_id, household_id)""",
}

HANDLERS = Handlers()


def project_row(cursor: Cursor, project_id: UUID) -> dict[str, Any]:
    """The project's row; the obligations and the audit log read its name, commune and hamlets."""
    return cached_row(cursor, TABLE, "project_id", project_id)


def update(cursor: Cursor, project_id: UUID, **changes: Any) -> None:
    update_row(cursor, TABLE, "project_id", project_row(cursor, project_id), **changes)


@HANDLERS.on(Project.Proposed)
def proposed(cursor: Cursor, event: Project.Proposed, position: int) -> None:
    hamlets = sorted({household_row(cursor, household_id)["hamlet"] for household_id in event.household_ids})
    row = {
        "project_id": str(event.originator_id),
        "commune": event.commune,
        "name": event.name,
        "component": event.component.value,
        "responsible": event.responsible,
        "hamlets": ", ".join(hamlets),
        "households_count": len(event.household_ids),
        "stage": ProjectStage.PROPOSED.value,
        "approver": "",
        "starts_on": None,
        "duration_months": None,
        "ends_on": None,
        "reviewed_on": None,
        "version": event.originator_version,
    }
    insert_row(cursor, TABLE, event.originator_id, row)
    cursor.executemany(
        "INSERT INTO view_project_households VALUES (?, ?)",
        [(str(event.originator_id), str(household_id)) for household_id in event.household_ids],
    )


@HANDLERS.on(Project.Approved)
def approved(cursor: Cursor, event: Project.Approved, position: int) -> None:
    update(
        cursor,
        event.originator_id,
        stage=ProjectStage.APPROVED.value,
        approver=event.approver,
        starts_on=iso(event.starts_on),
        duration_months=event.duration_months,
        ends_on=iso(event.ends_on),
        version=event.originator_version,
    )


@HANDLERS.on(Project.Amended)
def amended(cursor: Cursor, event: Project.Amended, position: int) -> None:
    update(
        cursor,
        event.originator_id,
        duration_months=event.duration_months,
        ends_on=iso(event.ends_on),
        version=event.originator_version,
    )


@HANDLERS.on(Project.Reviewed)
def reviewed(cursor: Cursor, event: Project.Reviewed, position: int) -> None:
    update(
        cursor,
        event.originator_id,
        stage=ProjectStage.REVIEWED.value,
        reviewed_on=iso(event.effective_on),
        version=event.originator_version,
    )


@HANDLERS.on(Project.Corrected)
def corrected(cursor: Cursor, event: Project.Corrected, position: int) -> None:
    changes: dict[str, Any] = {
        "starts_on": iso(event.starts_on),
        "duration_months": event.duration_months,
        "ends_on": iso(event.ends_on),
        "version": event.originator_version,
    }
    if event.void:
        changes.update(stage=ProjectStage.PROPOSED.value, approver="")
    update(cursor, event.originator_id, **changes)


READ_MODEL = ReadModel("projects", TABLES, HANDLERS)
