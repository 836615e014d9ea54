"""Read models: rebuilt from the log they equal the incrementally built ones; values keep their types."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from application.ledger import Ledger
from application.views import TABLES
from domain.acts import LegalBasis
from domain.correction import Changes
from domain.household import Area, Member, Standing
from domain.loan import Programme
from domain.project import ProjectStage
from tests.application.hamlet_review import decided_hamlet_review
from tests.application.helpers import (
    XUAN_DAI_DONG,
    actor,
    approved_project,
    entry,
    escaped_household,
    poor_household,
    reviewed_request,
)


def dump(ledger: Ledger) -> dict[str, list[dict[str, Any]]]:
    """Every read-model table but the position marker, rows in a stable order."""
    with ledger.views.database.reading() as cursor:
        return {
            table: sorted(cursor.all(f"SELECT * FROM {table}"), key=repr)
            for table in TABLES
            if table != "view_position"
        }


def record_a_busy_year(ledger: Ledger) -> None:
    chair = actor(ledger, "chutich")
    poor_id = poor_household(ledger)
    ledger.credit.record_loan_request(
        chair, poor_id, Programme.POOR, 50_000_000, "Mua bò giống", entry(date(2024, 1, 2))
    )
    ledger.loans.grant_loan(chair, poor_id, Programme.POOR, 50_000_000, 60, entry(date(2024, 1, 31)))
    withdrawn = ledger.credit.record_loan_request(chair, poor_id, Programme.POOR, 9_000_000, "Sửa chuồng", entry())
    ledger.credit.withdraw_loan_request(chair, withdrawn.subject_id, "Hộ không còn nhu cầu", entry())
    relapsed_id = escaped_household(ledger, date(2024, 2, 29), hamlet=XUAN_DAI_DONG)
    ledger.households.record_relapse(chair, relapsed_id, Standing.NEAR_POOR, entry(date(2025, 6, 1), note="Ốm đau"))
    escaped_id = escaped_household(ledger, date(2023, 11, 28))
    corrected = ledger.corrections.propose_correction(
        actor(ledger, "diachinh"), escaped_id, 3, Changes(effective_on=date(2023, 12, 1)), "Nhầm ngày", "QĐ 9", entry()
    )
    ledger.corrections.approve_correction(chair, corrected.subject_id, entry())
    reviewed_id = approved_project(ledger, date(2023, 1, 1))
    ledger.projects.review_project(chair, reviewed_id, "Tăng thu nhập", entry(date(2026, 11, 2)))
    approved_project(ledger, date(2024, 2, 29))
    ledger.reminders.sweep()
    [first, *_] = ledger.inbox.inbox(actor(ledger, "diachinh"))
    ledger.inbox.acknowledge_reminder(actor(ledger, "diachinh"), first.reminder_id, entry(note="Đã xử lý"))
    reviewed_request(ledger)
    decided_hamlet_review(ledger)


def reopened(ledger: Ledger, make_ledger: Callable[[str], Ledger], database_url: str) -> Ledger:
    """The same database through a new ledger, as after a restart (the in-memory store cannot be reopened)."""
    return ledger if database_url == "memory:" else make_ledger(database_url)


def test_rebuilding_the_read_models_gives_the_tables_built_event_by_event(ledger: Ledger) -> None:
    record_a_busy_year(ledger)
    built_incrementally = dump(ledger)

    applied = ledger.read_models.rebuild_read_models()

    assert applied == ledger.log_position()
    assert dump(ledger) == built_incrementally


def test_the_busy_year_fills_every_read_model(ledger: Ledger) -> None:
    record_a_busy_year(ledger)

    assert [table for table, rows in dump(ledger).items() if not rows] == []


def test_a_reloaded_household_has_dates_and_enum_members(
    ledger: Ledger, make_ledger: Callable[[str], Ledger], database_url: str
) -> None:
    household_id = escaped_household(ledger, date(2024, 2, 29))
    ledger.households.record_relapse(actor(ledger, "chutich"), household_id, Standing.POOR, entry(date(2025, 6, 1)))

    summary = reopened(ledger, make_ledger, database_url).households.household_summary(household_id)

    assert summary.standing is Standing.POOR
    assert summary.area is Area.RURAL
    assert (summary.escaped_on, summary.window_closed_on) == (date(2024, 2, 29), date(2025, 6, 1))
    assert type(summary.newly_escaped_until) is date


def test_a_reloaded_household_keeps_its_members(
    ledger: Ledger, make_ledger: Callable[[str], Ledger], database_url: str
) -> None:
    members = [Member("Trần Thị Bình", "vợ", 1980), Member("Nguyễn Văn Cường")]
    household_id = ledger.households.register_household(
        actor(ledger, "diachinh"), "Xuân Hà", "Nguyễn Văn An", members, Area.URBAN, entry()
    ).subject_id

    summary = reopened(ledger, make_ledger, database_url).households.household_summary(household_id)

    assert [(p.full_name, p.relation, p.birth_year) for _, p in summary.members] == [
        ("Nguyễn Văn An", "chủ hộ", None),
        ("Trần Thị Bình", "vợ", 1980),
        ("Nguyễn Văn Cường", "", None),
    ]


def test_read_model_rows_come_back_as_dates_and_enum_members(
    ledger: Ledger, make_ledger: Callable[[str], Ledger], database_url: str
) -> None:
    household_id = poor_household(ledger)
    ledger.loans.grant_loan(
        actor(ledger, "chutich"), household_id, Programme.POOR, 50_000_000, 1, entry(date(2024, 1, 31))
    )
    project_id = approved_project(ledger, date(2024, 2, 29))

    restarted = reopened(ledger, make_ledger, database_url)

    [loan] = restarted.loans.loan_list()
    assert (loan.programme, loan.due_on) == (Programme.POOR, date(2024, 2, 29))
    project = restarted.projects.project_summary(project_id)
    assert (project.stage, project.ends_on) == (ProjectStage.APPROVED, date(2027, 2, 28))
    assert restarted.households.household_list(standing=Standing.POOR)[0].standing is Standing.POOR


def test_the_legal_basis_of_an_act_comes_back_whole(
    ledger: Ledger, make_ledger: Callable[[str], Ledger], database_url: str
) -> None:
    basis = LegalBasis("12/QĐ-UBND", date(2026, 1, 5), "Chủ tịch UBND xã Hải Hòa")
    household_id = poor_household(ledger)
    ledger.households.record_escape(actor(ledger, "chutich"), household_id, Standing.POOR, entry(basis=basis))

    [*_, escaped] = reopened(ledger, make_ledger, database_url).audit.timeline(household_id)

    assert (escaped.basis_number, escaped.basis_issued_on, escaped.basis_issuer) == (
        "12/QĐ-UBND",
        date(2026, 1, 5),
        "Chủ tịch UBND xã Hải Hòa",
    )
