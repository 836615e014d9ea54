"""The commune's annual plan for the poverty-reduction programme: its targets and hamlet assignments.

The reference is Hải Hòa's 2024 plan (seed, domain.md §1 and §12.6): issued by the commune chair,
implementing Plan 48/KH-UBND of 23/02/2024 of UBND huyện Hải Hậu, with the targets of its §II and
the officials of its §VI each following a hamlet. One plan per commune and year; a revision of the
targets or of the assignments is an event of its own, so the plan as issued stays in the log.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import NAMESPACE_URL, UUID, uuid5

from domain import bounds, topics
from domain.acts import Act, DomainError, IncompleteEntryError, LegalBasis, RecordedAggregate, bounded_basis

# How a target is measured:
#   reduction_points: the multidimensional poverty rate falls by at least `threshold` percentage points;
#   share: at least `threshold` percent of the group concerned has it (coverage);
#   aim: a direction without a number in the plan ("phấn đấu", "hỗ trợ"); shown, never "met".
TARGET_KINDS = ("reduction_points", "share", "aim")


@dataclass(frozen=True)
class Target:
    code: str
    label: str
    kind: str
    threshold: float | None = None
    section: str = ""  # where the plan says it, e.g. "§II.2.2"

    def as_data(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "kind": self.kind,
            "threshold": self.threshold,
            "section": self.section,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Target:
        return cls(data["code"], data["label"], data["kind"], data.get("threshold"), data.get("section", ""))


@dataclass(frozen=True)
class Assignment:
    """Seed plan §VI: "trực tiếp triển khai chương trình giảm nghèo tại xóm …"."""

    hamlet: str
    username: str
    duty: str = ""

    def as_data(self) -> dict[str, str]:
        return {"hamlet": self.hamlet, "username": self.username, "duty": self.duty}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Assignment:
        return cls(data["hamlet"], data["username"], data.get("duty", ""))


# The targets of the seed plan's §II, as the commune wrote them. Coverage targets map to the
# deprivation indicators of Decree 07/2021/NĐ-CP Art. 3 (domain.md §3.3) where the plan names one.
SEED_TARGETS = (
    # §II.1: "Tỷ lệ nghèo đa chiều (gồm tỷ lệ hộ nghèo và hộ cận nghèo) giảm từ 0,5% trở lên."
    Target(
        "poverty_rate_reduction", "Tỷ lệ nghèo đa chiều giảm từ 0,5 điểm % trở lên", "reduction_points", 0.5, "§II.1"
    ),
    # §II.2.1, first point: access to basic social services and poverty policies ("phấn đấu").
    Target(
        "basic_services",
        "Hộ nghèo, cận nghèo tiếp cận các dịch vụ xã hội cơ bản (phấn đấu 100%)",
        "aim",
        100,
        "§II.2.1",
    ),
    # §II.2.1, second point: preferential credit for every poor, near-poor, newly-escaped household in need.
    Target(
        "loan_needs_met", "Hộ nghèo, cận nghèo, mới thoát nghèo có nhu cầu được vay vốn ưu đãi", "share", 100, "§II.2.1"
    ),
    # §II.2.1, third point: livelihood models and projects (Dự án 2; Tiểu dự án 1 Dự án 3).
    Target("livelihood_projects", "Hỗ trợ xây dựng, nhân rộng mô hình, dự án giảm nghèo", "aim", None, "§II.2.1"),
    # §II.2.1, fourth point: at least one working-age member in sustainable work ("phấn đấu").
    Target(
        "working_member",
        "Hộ nghèo, cận nghèo có ít nhất một thành viên trong độ tuổi lao động có việc làm bền vững",
        "aim",
        100,
        "§II.2.1",
    ),
    # §II.2.2, employment dimension.
    Target(
        "job_connection",
        "Người lao động hộ nghèo, cận nghèo, mới thoát nghèo có nhu cầu được hỗ trợ kết nối việc làm",
        "share",
        100,
        "§II.2.2",
    ),
    # §II.2.2, health dimension: BHYT support (Decree 146/2018/NĐ-CP Art. 3, Art. 8).
    Target(
        "health_insurance",
        "Người thuộc hộ nghèo, cận nghèo được hỗ trợ tham gia bảo hiểm y tế",
        "share",
        100,
        "§II.2.2",
    ),
    Target(
        "health_insurance_average_living",
        "Hộ nông, ngư, diêm nghiệp có mức sống trung bình có nhu cầu được hỗ trợ 50% mức phí BHYT",
        "share",
        100,
        "§II.2.2",
    ),
    # §II.2.2, education dimension.
    Target("school_attendance", "Trẻ em thuộc hộ nghèo, cận nghèo đi học đúng độ tuổi", "share", 100, "§II.2.2"),
    Target(
        "vocational_training",
        "Người lao động hộ nghèo, cận nghèo, mới thoát nghèo có nhu cầu được đào tạo nghề",
        "share",
        100,
        "§II.2.2",
    ),
    # §II.2.2, housing dimension: support in special hardship, no number.
    Target(
        "housing",
        "Hỗ trợ, sửa chữa nhà ở cho hộ nghèo, cận nghèo có hoàn cảnh đặc biệt khó khăn",
        "aim",
        None,
        "§II.2.2",
    ),
    # §II.2.2, water and sanitation: "Trên 100%" (sic) hygienic water; at least 95% hygienic latrines.
    Target("hygienic_water", "Hộ nghèo, cận nghèo sử dụng nước sinh hoạt hợp vệ sinh", "share", 100, "§II.2.2"),
    Target("hygienic_latrine", "Hộ nghèo, cận nghèo sử dụng nhà tiêu hợp vệ sinh", "share", 95, "§II.2.2"),
    # §II.2.2, information: at least 70% of those who need it use telecom and internet.
    Target(
        "telecom_internet",
        "Hộ nghèo, cận nghèo có nhu cầu được tiếp cận dịch vụ viễn thông, internet",
        "share",
        70,
        "§II.2.2",
    ),
)


class PlanRefusedError(DomainError):
    """A plan the commune cannot issue or revise as entered."""


class IncompletePlanError(IncompleteEntryError, PlanRefusedError):
    """The number, date, year or a target is missing or malformed."""


def plan_id(commune: str, year: int) -> UUID:
    """One plan per commune and year: issuing a second is refused by the store itself."""
    return uuid5(NAMESPACE_URL, f"/plans/{commune}/{year}")


# A plan's targets and a commune's hamlet assignments: the seed plan has about twenty targets.
MAX_TARGETS = 200


def bounded_targets(targets: list[Target]) -> list[Target]:
    if len(targets) > MAX_TARGETS:
        raise bounds.refuse("targets", f"Kế hoạch có không quá {MAX_TARGETS} chỉ tiêu.")
    return [
        replace(
            t,
            code=bounds.line(t.code, "targets", "Mã chỉ tiêu"),
            label=bounds.line(t.label, "targets", "Nội dung chỉ tiêu", bounds.TITLE),
            kind=bounds.line(t.kind, "targets", "Loại chỉ tiêu"),
            section=bounds.line(t.section, "targets", "Mục trong kế hoạch"),
        )
        for t in targets
    ]


def bounded_assignments(assignments: list[Assignment]) -> list[Assignment]:
    if len(assignments) > MAX_TARGETS:
        raise bounds.refuse("assignments", f"Không quá {MAX_TARGETS} phân công.")
    return [
        replace(
            a,
            hamlet=bounds.line(a.hamlet, "assignments", "Xóm"),
            username=bounds.line(a.username, "assignments", "Cán bộ được giao"),
            duty=bounds.passage(a.duty, "assignments", "Nhiệm vụ", bounds.NOTE),
        )
        for a in assignments
    ]


def check_targets(targets: list[Target]) -> None:
    codes = [target.code for target in targets]
    if len(set(codes)) != len(codes):
        raise IncompletePlanError("Mỗi chỉ tiêu chỉ được ghi một lần.")
    for target in targets:
        if not target.code.strip() or not target.label.strip():
            raise IncompletePlanError("Chỉ tiêu phải có mã và nội dung.")
        if target.kind not in TARGET_KINDS:
            raise IncompletePlanError(f"Loại chỉ tiêu {target.kind} không hợp lệ.")
        if target.kind != "aim" and target.threshold is None:
            raise IncompletePlanError(f"Chỉ tiêu “{target.label}” cần mức phải đạt.")
        if target.threshold is not None and not 0 <= target.threshold <= 100:
            raise IncompletePlanError(f"Mức của chỉ tiêu “{target.label}” phải từ 0 đến 100.")


def check_assignments(assignments: list[Assignment], hamlets: tuple[str, ...]) -> None:
    seen = [a.hamlet for a in assignments]
    unknown = [hamlet for hamlet in seen if hamlet not in hamlets]
    if unknown:
        raise IncompletePlanError(f"Xóm {', '.join(unknown)} không thuộc xã.")
    if len(set(seen)) != len(seen):
        raise IncompletePlanError("Mỗi xóm chỉ giao cho một cán bộ trực tiếp theo dõi.")
    if any(not a.username.strip() for a in assignments):
        raise IncompletePlanError("Hãy ghi cán bộ được giao theo dõi xóm.")


class AnnualPlan(RecordedAggregate):
    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        commune: str
        year: int
        number: str
        issued_on: date
        issuer: str
        parent: LegalBasis | None
        targets: list[Target]
        assignments: list[Assignment]

    class Issued(RecordedAggregate.Created):
        commune: str
        year: int
        number: str
        issued_on: date
        issuer: str
        parent: LegalBasis | None
        targets: list[dict[str, Any]]  # plain data: a Target's fields, so no transcoding is needed
        assignments: list[dict[str, Any]]

        def apply(self, plan: AnnualPlan) -> None:
            plan.commune, plan.year, plan.number = self.commune, self.year, self.number
            plan.issued_on, plan.issuer, plan.parent = self.issued_on, self.issuer, self.parent
            plan.targets = [Target.from_data(t) for t in self.targets]
            plan.assignments = [Assignment.from_data(a) for a in self.assignments]

    class TargetsRevised(RecordedAggregate.Event):
        targets: list[dict[str, Any]]

        def apply(self, plan: AnnualPlan) -> None:
            plan.targets = [Target.from_data(t) for t in self.targets]

    class HamletOfficialsReassigned(RecordedAggregate.Event):
        """The officials following each hamlet (seed plan §VI), replacing those of the plan as issued or last
        reassigned (stored before issue 11 as AnnualPlan.AssignmentsChanged, domain/topics.py)."""

        assignments: list[dict[str, Any]]

        def apply(self, plan: AnnualPlan) -> None:
            plan.assignments = [Assignment.from_data(a) for a in self.assignments]

    @classmethod
    def issue(
        cls,
        commune: str,
        year: int,
        number: str,
        issuer: str,
        parent: LegalBasis | None,
        targets: list[Target],
        assignments: list[Assignment],
        hamlets: tuple[str, ...],
        act: Act,
    ) -> AnnualPlan:
        """The plan takes effect on its issue date (act.effective_on), which falls in its year or before it."""
        number = bounds.line(number, "number", "Số kế hoạch", bounds.DOCUMENT_NUMBER)
        targets, assignments = bounded_targets(targets), bounded_assignments(assignments)
        parent = bounded_basis(parent, act.days) if parent is not None else None
        if not number:
            raise IncompletePlanError("Hãy ghi số kế hoạch, ví dụ 25/KH-UBND.")
        if not 2000 <= year <= 2100:
            raise IncompletePlanError("Năm kế hoạch không hợp lệ.")
        if act.effective_on.year not in (year - 1, year):
            raise IncompletePlanError(f"Kế hoạch năm {year} phải ban hành trong năm {year} hoặc cuối năm {year - 1}.")
        if parent and parent.issued_on and parent.issued_on > act.effective_on:
            raise IncompletePlanError("Kế hoạch cấp trên không thể ban hành sau kế hoạch của xã.")
        check_targets(targets)
        check_assignments(assignments, hamlets)
        return cls._create(
            cls.Issued,
            id=plan_id(commune, year),
            commune=bounds.line(commune, "commune", "Xã", required=True),
            year=year,
            number=number,
            issued_on=act.effective_on,
            issuer=bounds.line(issuer, "issuer", "Cơ quan ban hành", bounds.ISSUER),
            parent=parent,
            targets=[t.as_data() for t in targets],
            assignments=[a.as_data() for a in assignments],
            **act.event_fields(),
        )

    def revise_targets(self, targets: list[Target], act: Act) -> None:
        targets = bounded_targets(targets)
        check_targets(targets)
        self.trigger_event(self.TargetsRevised, targets=[t.as_data() for t in targets], **act.event_fields())

    def reassign_hamlet_officials(self, assignments: list[Assignment], hamlets: tuple[str, ...], act: Act) -> None:
        assignments = bounded_assignments(assignments)
        check_assignments(assignments, hamlets)
        self.trigger_event(
            self.HamletOfficialsReassigned, assignments=[a.as_data() for a in assignments], **act.event_fields()
        )

    def target(self, code: str) -> Target | None:
        return next((t for t in self.targets if t.code == code), None)

    def official_of(self, hamlet: str) -> str | None:
        return next((a.username for a in self.assignments if a.hamlet == hamlet), None)


topics.register_renamed(AnnualPlan)
