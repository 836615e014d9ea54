"""The commune's annual plan as data: number, date, parent plan, the targets of §II, the hamlets of §VI."""

from __future__ import annotations

from datetime import date

import pytest

from domain.acts import LegalBasis
from domain.plan import SEED_TARGETS, AnnualPlan, Assignment, IncompletePlanError, Target, plan_id
from tests.domain.helpers import act

HAMLETS = ("Xuân Hà", "Xuân Đài Đông", "Cồn Tròn Đông", "Tân Hùng")
DISTRICT = LegalBasis("48/KH-UBND", date(2024, 2, 23), "UBND huyện Hải Hậu")
ASSIGNED = [Assignment("Xuân Hà", "diachinh"), Assignment("Tân Hùng", "vanhoa")]


def issue(on: date = date(2024, 3, 1), targets: list[Target] | None = None, **changes: object) -> AnnualPlan:
    arguments: dict = {
        "commune": "Hải Hòa",
        "year": 2024,
        "number": "25/KH-UBND",
        "issuer": "UBND xã Hải Hòa",
        "parent": DISTRICT,
        "targets": list(SEED_TARGETS) if targets is None else targets,
        "assignments": ASSIGNED,
        "hamlets": HAMLETS,
        "act": act(on, "chutich", "chair"),
    }
    return AnnualPlan.issue(**{**arguments, **changes})  # type: ignore[arg-type]


def test_the_plan_keeps_its_number_date_parent_plan_targets_and_assignments() -> None:
    plan = issue()
    assert (plan.number, plan.issued_on, plan.year) == ("25/KH-UBND", date(2024, 3, 1), 2024)
    assert plan.parent == DISTRICT
    assert plan.target("hygienic_latrine") == Target(
        "hygienic_latrine", "Hộ nghèo, cận nghèo sử dụng nhà tiêu hợp vệ sinh", "share", 95, "§II.2.2"
    )
    assert plan.official_of("Tân Hùng") == "vanhoa"
    assert plan.official_of("Cồn Tròn Đông") is None
    assert plan.id == plan_id("Hải Hòa", 2024)


def test_the_seed_plan_targets_are_the_ones_of_section_two() -> None:
    thresholds = {t.code: (t.kind, t.threshold) for t in SEED_TARGETS}
    assert thresholds["poverty_rate_reduction"] == ("reduction_points", 0.5)
    assert thresholds["health_insurance"] == ("share", 100)
    assert thresholds["hygienic_latrine"] == ("share", 95)
    assert thresholds["hygienic_water"] == ("share", 100)
    assert thresholds["telecom_internet"] == ("share", 70)
    assert thresholds["loan_needs_met"] == ("share", 100)
    assert thresholds["school_attendance"] == ("share", 100)
    assert thresholds["working_member"][0] == "aim"
    assert all(t.section.startswith("§II") for t in SEED_TARGETS)


def test_a_plan_without_a_number_is_refused() -> None:
    with pytest.raises(IncompletePlanError, match="số kế hoạch"):
        issue(number="  ")


def test_a_plan_issued_before_its_parent_plan_is_refused() -> None:
    with pytest.raises(IncompletePlanError, match="cấp trên"):
        issue(on=date(2024, 2, 1))


def test_a_plan_for_2024_issued_in_2022_is_refused() -> None:
    with pytest.raises(IncompletePlanError, match="năm 2024"):
        issue(on=date(2022, 12, 1), parent=None)


def test_a_hamlet_given_to_two_officials_is_refused() -> None:
    with pytest.raises(IncompletePlanError, match="một cán bộ"):
        issue(assignments=[Assignment("Xuân Hà", "diachinh"), Assignment("Xuân Hà", "vanhoa")])


def test_a_hamlet_outside_the_commune_is_refused() -> None:
    with pytest.raises(IncompletePlanError, match="Hải Lý"):
        issue(assignments=[Assignment("Hải Lý", "diachinh")])


def test_a_coverage_target_needs_a_threshold_between_0_and_100() -> None:
    with pytest.raises(IncompletePlanError, match="mức phải đạt"):
        issue(targets=[Target("water", "Nước sạch", "share", None)])
    with pytest.raises(IncompletePlanError, match="từ 0 đến 100"):
        issue(targets=[Target("water", "Nước sạch", "share", 120)])


def test_revised_targets_replace_the_old_ones_and_the_issued_plan_stays_in_the_log() -> None:
    plan = issue()
    plan.revise_targets([Target("hygienic_latrine", "Nhà tiêu hợp vệ sinh", "share", 90)], act(date(2024, 6, 1)))
    plan.reassign_hamlet_officials([Assignment("Xuân Hà", "vanhoa")], HAMLETS, act(date(2024, 6, 1)))
    events = plan.collect_events()
    assert [type(e).__name__ for e in events] == ["Issued", "TargetsRevised", "HamletOfficialsReassigned"]
    assert len(events[0].targets) == len(SEED_TARGETS)
    assert [t.threshold for t in plan.targets] == [90]
    assert plan.official_of("Xuân Hà") == "vanhoa"
