"""Livelihood projects: proposed, approved for at most 36 months, reviewed once after they start."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.project import Component, Project, ProjectRefusedError
from tests.domain.helpers import act


def proposed_project() -> Project:
    project = Project.propose(
        "Hải Hòa", "Nuôi bò sinh sản", Component.LIVELIHOODS, [uuid4()], "diachinh", act(date(2023, 12, 1))
    )
    project.collect_events()
    return project


def approved_project(starts_on: date = date(2024, 1, 1), duration_months: int = 36) -> Project:
    project = proposed_project()
    project.approve("chutich", starts_on, duration_months, act(date(2023, 12, 15), "chutich", "chair"))
    project.collect_events()
    return project


def test_proposing_a_project_records_its_households_and_responsible_official() -> None:
    households = [uuid4(), uuid4()]

    project = Project.propose(
        "Hải Hòa", " Nuôi bò ", Component.AGRICULTURE, households, "diachinh", act(date(2023, 12, 1))
    )

    [event] = project.collect_events()
    assert (event.name, event.household_ids, event.responsible) == ("Nuôi bò", households, "diachinh")


def test_proposing_a_project_with_no_households_is_refused() -> None:
    with pytest.raises(ProjectRefusedError, match="ít nhất một hộ"):
        Project.propose("Hải Hòa", "Nuôi bò", Component.LIVELIHOODS, [], "diachinh", act(date(2023, 12, 1)))


@pytest.mark.parametrize("name", ["", "   "])
def test_proposing_a_project_with_a_blank_name_is_refused(name: str) -> None:
    with pytest.raises(ProjectRefusedError, match="Tên dự án không được để trống"):
        Project.propose("Hải Hòa", name, Component.LIVELIHOODS, [uuid4()], "diachinh", act(date(2023, 12, 1)))


@pytest.mark.parametrize("duration", [1, 36])
def test_a_project_of_up_to_36_months_is_approved(duration: int) -> None:
    project = proposed_project()

    project.approve("chutich", date(2024, 1, 1), duration, act(date(2023, 12, 15)))

    [event] = project.collect_events()
    assert isinstance(event, Project.Approved)
    assert event.duration_months == duration


@pytest.mark.parametrize("duration", [0, 37, -1])
def test_approving_a_project_longer_than_36_months_or_without_a_duration_is_refused(duration: int) -> None:
    project = proposed_project()

    with pytest.raises(ProjectRefusedError, match="tối đa không quá 36 tháng"):
        project.approve("chutich", date(2024, 1, 1), duration, act(date(2023, 12, 15)))

    assert project.collect_events() == []


@pytest.mark.parametrize(
    ("starts_on", "duration", "ends_on"),
    [
        (date(2024, 1, 1), 36, date(2027, 1, 1)),
        (date(2024, 2, 29), 36, date(2027, 2, 28)),
        (date(2024, 5, 31), 9, date(2025, 2, 28)),
        (date(2023, 5, 31), 9, date(2024, 2, 29)),
    ],
)
def test_the_project_ends_its_duration_in_months_after_it_starts(starts_on: date, duration: int, ends_on: date) -> None:
    project = proposed_project()

    project.approve("chutich", starts_on, duration, act(date(2023, 12, 15)))

    assert project.collect_events()[0].ends_on == ends_on


def test_approving_a_project_twice_is_refused() -> None:
    project = approved_project()

    with pytest.raises(ProjectRefusedError, match="đã được phê duyệt"):
        project.approve("chutich", date(2024, 1, 1), 12, act(date(2023, 12, 20)))

    assert project.collect_events() == []


def test_reviewing_a_project_records_its_results() -> None:
    project = approved_project()

    project.review(" Tăng thu nhập ", act(date(2027, 1, 5)))

    [event] = project.collect_events()
    assert isinstance(event, Project.Reviewed)
    assert (event.results, event.effective_on) == ("Tăng thu nhập", date(2027, 1, 5))


def test_reviewing_a_project_before_its_approval_is_refused() -> None:
    project = proposed_project()

    with pytest.raises(ProjectRefusedError, match="chưa được phê duyệt"):
        project.review("Tăng thu nhập", act(date(2027, 1, 5)))

    assert project.collect_events() == []


def test_reviewing_a_project_twice_is_refused_naming_the_first_review() -> None:
    project = approved_project()
    project.review("Tăng thu nhập", act(date(2027, 1, 5)))
    project.collect_events()

    with pytest.raises(ProjectRefusedError, match="05/01/2027"):
        project.review("Lần hai", act(date(2027, 2, 5)))

    assert project.collect_events() == []


def test_reviewing_a_project_before_it_starts_is_refused() -> None:
    project = approved_project(starts_on=date(2024, 1, 1))

    with pytest.raises(ProjectRefusedError, match="sớm hơn ngày bắt đầu dự án \\(01/01/2024\\)"):
        project.review("Tăng thu nhập", act(date(2023, 12, 31)))

    assert project.collect_events() == []


def test_reviewing_a_project_without_results_is_refused() -> None:
    project = approved_project()

    with pytest.raises(ProjectRefusedError, match="Hãy ghi kết quả"):
        project.review("  ", act(date(2027, 1, 5)))

    assert project.collect_events() == []
