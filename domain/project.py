"""Livelihood and production projects: proposed, approved for at most three years, reviewed."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from domain import bounds
from domain.acts import Act, DomainError, LegalBasis, RecordedAggregate
from domain.correction import Changes
from domain.deadlines import PROJECT_MAX_DURATION_MONTHS, project_ends_on
from domain.formatting import vn_date


class Component(Enum):
    LIVELIHOODS = "project_2"  # Dự án 2: đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
    AGRICULTURE = "project_3_sub_1"  # Tiểu dự án 1, Dự án 3: hỗ trợ phát triển sản xuất nông nghiệp


COMPONENT_LABELS = {
    Component.LIVELIHOODS: "Dự án 2 – Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
    Component.AGRICULTURE: "Tiểu dự án 1, Dự án 3 – Hỗ trợ phát triển sản xuất nông nghiệp",
}


class ProjectStage(Enum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    REVIEWED = "reviewed"


# A project's households: a commune counts a few thousand households (seed: about 2,500).
MAX_PROJECT_HOUSEHOLDS = 10_000


class ProjectRefusedError(DomainError):
    """A project action that its stage or the law does not allow."""


class Project(RecordedAggregate):
    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        commune: str
        name: str
        component: Component
        household_ids: list[UUID]
        responsible: str
        stage: ProjectStage
        approver: str
        results: str
        starts_on: date | None
        duration_months: int | None
        ends_on: date | None
        reviewed_on: date | None

    class Proposed(RecordedAggregate.Created):
        commune: str
        name: str
        component: Component
        household_ids: list[UUID]
        responsible: str

        def apply(self, project: Project) -> None:
            project.commune, project.name, project.component = self.commune, self.name, self.component
            project.household_ids, project.responsible = list(self.household_ids), self.responsible
            project.stage, project.approver, project.results = ProjectStage.PROPOSED, "", ""
            project.starts_on = project.duration_months = project.ends_on = project.reviewed_on = None

    class Approved(RecordedAggregate.Event):
        approver: str
        starts_on: date
        duration_months: int
        ends_on: date

        def apply(self, project: Project) -> None:
            project.stage, project.approver = ProjectStage.APPROVED, self.approver
            project.starts_on, project.duration_months = self.starts_on, self.duration_months
            project.ends_on = self.ends_on

    class Amended(RecordedAggregate.Event):
        """The approving authority changed the duration; the end date and the review move with it."""

        duration_months: int
        ends_on: date

        def apply(self, project: Project) -> None:
            project.duration_months, project.ends_on = self.duration_months, self.ends_on

    class Corrected(RecordedAggregate.Event):
        """An approved correction (domain/correction.py) of the approval: its date, basis, start, duration,
        or void (back to proposed); the end date and the final review move with it."""

        correction_id: UUID
        corrected_version: int
        corrected_action: str
        reason: str
        evidence: str
        proposed_by: str
        new_effective_on: date | None
        new_basis: LegalBasis | None
        void: bool
        starts_on: date | None
        duration_months: int | None
        ends_on: date | None

        def apply(self, project: Project) -> None:
            if self.void:
                project.stage, project.approver = ProjectStage.PROPOSED, ""
            project.starts_on, project.duration_months = self.starts_on, self.duration_months
            project.ends_on = self.ends_on

    class Reviewed(RecordedAggregate.Event):
        results: str

        def apply(self, project: Project) -> None:
            project.stage, project.results, project.reviewed_on = ProjectStage.REVIEWED, self.results, self.effective_on

    @classmethod
    def propose(
        cls, commune: str, name: str, component: Component, household_ids: list[UUID], responsible: str, act: Act
    ) -> Project:
        if not isinstance(name, str) or not name.strip():
            raise ProjectRefusedError("Tên dự án không được để trống.")
        if not household_ids:
            raise ProjectRefusedError("Dự án phải có ít nhất một hộ tham gia.")
        if len(household_ids) > MAX_PROJECT_HOUSEHOLDS:
            raise bounds.refuse("household_ids", f"Một dự án có không quá {MAX_PROJECT_HOUSEHOLDS} hộ tham gia.")
        return cls._create(
            cls.Proposed,
            id=uuid4(),
            commune=bounds.line(commune, "commune", "Xã", required=True),
            name=bounds.line(name, "name", "Tên dự án", bounds.TITLE, required=True),
            component=component,
            household_ids=list(dict.fromkeys(household_ids)),
            responsible=bounds.line(responsible, "responsible", "Cán bộ phụ trách", required=True),
            **act.event_fields(),
        )

    def approve(self, approver: str, starts_on: date, duration_months: int, act: Act) -> None:
        if self.stage is not ProjectStage.PROPOSED:
            raise ProjectRefusedError("Dự án đã được phê duyệt.")
        if not 1 <= duration_months <= PROJECT_MAX_DURATION_MONTHS:
            raise ProjectRefusedError(
                f"Thời gian thực hiện tối đa không quá {PROJECT_MAX_DURATION_MONTHS} tháng (ba năm)."
            )
        self.trigger_event(
            self.Approved,
            approver=bounds.line(approver, "approver", "Người phê duyệt", required=True),
            starts_on=act.days.planned(starts_on, "starts_on", "Ngày bắt đầu"),
            duration_months=duration_months,
            ends_on=project_ends_on(starts_on, duration_months),
            **act.event_fields(),
        )

    def amend_duration(self, duration_months: int, act: Act) -> None:
        if self.stage is not ProjectStage.APPROVED:
            raise ProjectRefusedError("Chỉ điều chỉnh thời gian của dự án đã phê duyệt và chưa tổng kết.")
        if not 1 <= duration_months <= PROJECT_MAX_DURATION_MONTHS or duration_months == self.duration_months:
            raise ProjectRefusedError(
                f"Thời gian mới phải khác thời gian cũ và không quá {PROJECT_MAX_DURATION_MONTHS} tháng (ba năm)."
            )
        assert self.starts_on is not None
        self.trigger_event(
            self.Amended,
            duration_months=duration_months,
            ends_on=project_ends_on(self.starts_on, duration_months),
            **act.event_fields(),
        )

    def review(self, results: str, act: Act) -> None:
        if self.stage is ProjectStage.PROPOSED:
            raise ProjectRefusedError("Dự án chưa được phê duyệt nên chưa thể tổng kết, đánh giá.")
        if self.stage is ProjectStage.REVIEWED:
            raise ProjectRefusedError(f"Dự án đã được tổng kết, đánh giá ngày {vn_date(self.reviewed_on)}.")
        if self.starts_on and act.effective_on < self.starts_on:
            raise ProjectRefusedError(f"Ngày tổng kết sớm hơn ngày bắt đầu dự án ({vn_date(self.starts_on)}).")
        results = bounds.passage(results, "results", "Kết quả tổng kết, đánh giá")
        if not results:
            raise ProjectRefusedError("Hãy ghi kết quả tổng kết, đánh giá.")
        self.trigger_event(self.Reviewed, results=results, **act.event_fields())

    def correct_approval(self, changes: Changes, act: Act, **correction: object) -> None:
        """Records an approved correction of the approval, keeping the three-year limit (seed §IV.2.1)."""
        if self.stage is ProjectStage.PROPOSED:
            raise ProjectRefusedError(
                "Dự án chưa được phê duyệt (hoặc phê duyệt đã được hủy); không có gì để đính chính."
            )
        moves = changes.void or changes.starts_on or changes.duration_months is not None
        if moves and self.stage is ProjectStage.REVIEWED:
            raise ProjectRefusedError(
                "Dự án đã được tổng kết, đánh giá: chỉ đính chính được ngày quyết định và căn cứ phê duyệt."
            )
        starts_on, duration = self.starts_on, self.duration_months
        if changes.void:
            starts_on = duration = None
        if changes.starts_on:
            starts_on = act.days.planned(changes.starts_on, "starts_on", "Ngày bắt đầu")
        if changes.duration_months is not None:
            duration = changes.duration_months
            if not 1 <= duration <= PROJECT_MAX_DURATION_MONTHS:
                raise ProjectRefusedError(
                    f"Thời gian thực hiện tối đa không quá {PROJECT_MAX_DURATION_MONTHS} tháng (ba năm)."
                )
        self.trigger_event(
            self.Corrected,
            new_effective_on=changes.effective_on,
            new_basis=changes.basis,
            void=changes.void,
            starts_on=starts_on,
            duration_months=duration,
            ends_on=project_ends_on(starts_on, duration) if starts_on and duration else None,
            **correction,
            **act.event_fields(),
        )
