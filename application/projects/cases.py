"""Use cases for livelihood projects: propose, approve (≤ 36 months), review at the end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError, NotFoundError
from application.core.ledger_core import Entry, Recorded
from application.readmodels.rows import from_row, projected
from domain.acts import Act
from domain.household import Household
from domain.project import Component, Project, ProjectStage
from domain.user import COMMUNE_WIDE_ROLES, Actor, NotAllowedError


@dataclass(frozen=True)
class ProjectSummary:
    project_id: UUID
    name: str
    component: Component
    responsible: str
    hamlets: str
    households_count: int
    stage: ProjectStage
    approver: str
    starts_on: date | None
    duration_months: int | None
    ends_on: date | None
    reviewed_on: date | None
    version: int


class ProjectCases(CapabilityService):
    def propose_project(
        self,
        actor: Actor,
        name: str,
        component: Component,
        household_ids: list[UUID],
        entry: Entry,
        responsible: str = "",
    ) -> Recorded:
        if previous := self.core.previous(entry.command_id):
            return previous
        actor.require_writer()
        households = [self._household(household_id) for household_id in household_ids]
        for household in households:
            actor.require_hamlet(household.hamlet)
        self.core.require_not_future(entry.effective_on)
        project = Project.propose(
            self.settings.commune,
            name,
            component,
            household_ids,
            responsible or actor.username,
            self.core.act(actor, entry),
        )
        return self.core.record(entry, project.id, project)

    def approve_project(
        self, actor: Actor, project_id: UUID, approver: str, starts_on: date, duration_months: int, entry: Entry
    ) -> Recorded:
        return self._change(
            actor, project_id, entry, lambda project, act: project.approve(approver, starts_on, duration_months, act)
        )

    def amend_project(self, actor: Actor, project_id: UUID, duration_months: int, entry: Entry) -> Recorded:
        """A decision of the approving authority changing the duration; the final review moves with it."""
        return self._change(actor, project_id, entry, lambda project, act: project.amend_duration(duration_months, act))

    def review_project(self, actor: Actor, project_id: UUID, results: str, entry: Entry) -> Recorded:
        return self._change(actor, project_id, entry, lambda project, act: project.review(results, act))

    def _change(
        self, actor: Actor, project_id: UUID, entry: Entry, change: Callable[[Project, Act], object]
    ) -> Recorded:
        if previous := self.core.previous(entry.command_id):
            return previous
        project = self.core.load(Project, project_id, entry.expected_version)
        actor.require_writer()
        if actor.role not in COMMUNE_WIDE_ROLES and actor.username != project.responsible:
            raise NotAllowedError("Chỉ cán bộ phụ trách dự án, Chủ tịch hoặc Phó Chủ tịch được ghi nhận cho dự án này.")
        self.core.require_not_future(entry.effective_on)
        change(project, self.core.act(actor, entry))
        return self.core.record(entry, project.id, project)

    def _household(self, household_id: UUID) -> Household:
        try:
            return self.core.load(Household, household_id)
        except NotFoundError:
            raise InvalidInputError({"household_ids": f"Không tìm thấy hộ {household_id}."}) from None

    def project_summary(self, project_id: UUID) -> ProjectSummary:
        self.core.load(Project, project_id)
        with self.views.reading() as cursor:
            row = cursor.one("SELECT * FROM view_projects WHERE project_id = ?", (str(project_id),))
        return from_row(ProjectSummary, projected(row))

    def project_list(self) -> list[ProjectSummary]:
        with self.views.reading() as cursor:
            rows = cursor.all("SELECT * FROM view_projects ORDER BY ends_on IS NULL, ends_on, name")
        return [from_row(ProjectSummary, row) for row in rows]

    def project_household_ids(self, project_id: UUID) -> list[UUID]:
        with self.views.database.reading() as cursor:
            rows = cursor.all(
                "SELECT household_id FROM view_project_households WHERE project_id = ?", (str(project_id),)
            )
        return [UUID(row["household_id"]) for row in rows]
