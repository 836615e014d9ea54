"""Projects through the ledger: proposed, approved for at most 36 months, reviewed by those in charge."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from application.core.errors import InvalidInputError
from application.ledger import Ledger
from domain.project import Component, ProjectRefusedError, ProjectStage
from domain.user import NotAllowedError
from tests.application.helpers import XUAN_DAI_DONG, XUAN_HA, actor, approved_project, entry, register


def obligation_statuses(ledger: Ledger, subject_id: UUID) -> list[str]:
    with ledger.views.database.reading() as cursor:
        rows = cursor.all("SELECT status FROM view_obligations WHERE subject_id = ?", (str(subject_id),))
    return [row["status"] for row in rows]


def proposed_project(ledger: Ledger, by: str = "diachinh") -> UUID:
    household_id = register(ledger)
    return ledger.projects.propose_project(
        actor(ledger, by), "Nuôi bò sinh sản", Component.LIVELIHOODS, [household_id], entry(date(2023, 12, 1))
    ).subject_id


def test_proposing_a_project_makes_the_proposer_responsible_for_it(ledger: Ledger) -> None:
    household_id = register(ledger)

    project_id = ledger.projects.propose_project(
        actor(ledger, "diachinh"), "Nuôi bò sinh sản", Component.LIVELIHOODS, [household_id], entry()
    ).subject_id

    project = ledger.projects.project_summary(project_id)
    assert (project.stage, project.responsible, project.hamlets) == (ProjectStage.PROPOSED, "diachinh", XUAN_HA)
    assert ledger.projects.project_household_ids(project_id) == [household_id]


def test_an_official_cannot_propose_a_project_for_households_of_another_hamlet(ledger: Ledger) -> None:
    household_id = register(ledger, XUAN_DAI_DONG, by="vanhoa")

    with pytest.raises(NotAllowedError):
        ledger.projects.propose_project(
            actor(ledger, "diachinh"), "Nuôi bò", Component.LIVELIHOODS, [household_id], entry()
        )

    assert ledger.projects.project_list() == []


def test_approving_a_project_for_36_months_sets_its_end_date(ledger: Ledger) -> None:
    project_id = proposed_project(ledger)

    ledger.projects.approve_project(actor(ledger, "chutich"), project_id, "chutich", date(2024, 2, 29), 36, entry())

    project = ledger.projects.project_summary(project_id)
    assert (project.stage, project.starts_on, project.ends_on) == (
        ProjectStage.APPROVED,
        date(2024, 2, 29),
        date(2027, 2, 28),
    )


def test_approving_a_project_for_more_than_36_months_is_refused_and_records_nothing(ledger: Ledger) -> None:
    project_id = proposed_project(ledger)
    before = ledger.log_position()

    with pytest.raises(ProjectRefusedError, match="tối đa không quá 36 tháng"):
        ledger.projects.approve_project(actor(ledger, "chutich"), project_id, "chutich", date(2024, 1, 1), 37, entry())

    assert ledger.log_position() == before
    assert ledger.projects.project_summary(project_id).stage is ProjectStage.PROPOSED


@pytest.mark.parametrize("approver", ["diachinh", "phochutich"])
def test_the_responsible_official_the_chair_and_the_vice_chair_may_approve(ledger: Ledger, approver: str) -> None:
    project_id = proposed_project(ledger, by="diachinh")

    ledger.projects.approve_project(actor(ledger, approver), project_id, approver, date(2024, 1, 1), 24, entry())

    assert ledger.projects.project_summary(project_id).stage is ProjectStage.APPROVED


@pytest.mark.parametrize("outsider", ["vanhoa", "mttq"])
def test_anyone_else_may_not_approve_a_project(ledger: Ledger, outsider: str) -> None:
    project_id = proposed_project(ledger, by="diachinh")
    before = ledger.log_position()

    with pytest.raises(NotAllowedError):
        ledger.projects.approve_project(actor(ledger, outsider), project_id, outsider, date(2024, 1, 1), 24, entry())

    assert ledger.log_position() == before


def test_reviewing_an_approved_project_records_the_review(ledger: Ledger) -> None:
    project_id = approved_project(ledger, starts_on=date(2023, 1, 1))

    ledger.projects.review_project(
        actor(ledger, "diachinh"), project_id, "Tăng thu nhập cho 12 hộ", entry(date(2026, 1, 5))
    )

    project = ledger.projects.project_summary(project_id)
    assert (project.stage, project.reviewed_on) == (ProjectStage.REVIEWED, date(2026, 1, 5))


def test_approving_a_project_opens_its_review_obligation(ledger: Ledger) -> None:
    project_id = approved_project(ledger, starts_on=date(2023, 1, 1))

    assert obligation_statuses(ledger, project_id) == ["open"]


def test_the_review_resolves_the_projects_review_obligation(ledger: Ledger) -> None:
    project_id = approved_project(ledger, starts_on=date(2023, 1, 1))

    ledger.projects.review_project(actor(ledger, "diachinh"), project_id, "Tăng thu nhập", entry(date(2026, 1, 5)))

    assert obligation_statuses(ledger, project_id) == ["resolved"]


def test_an_official_not_responsible_for_the_project_cannot_review_it(ledger: Ledger) -> None:
    project_id = approved_project(ledger, starts_on=date(2023, 1, 1), responsible="diachinh")

    with pytest.raises(NotAllowedError):
        ledger.projects.review_project(actor(ledger, "vanhoa"), project_id, "Tăng thu nhập", entry(date(2026, 1, 5)))

    assert obligation_statuses(ledger, project_id) == ["open"]


def test_a_proposal_effective_in_the_future_is_refused_and_records_nothing(ledger: Ledger) -> None:
    household_id = register(ledger)
    before = ledger.log_position()

    with pytest.raises(InvalidInputError, match="không được sau ngày hôm nay"):
        ledger.projects.propose_project(
            actor(ledger, "diachinh"), "Nuôi bò", Component.LIVELIHOODS, [household_id], entry(date(2026, 11, 29))
        )

    assert ledger.log_position() == before
