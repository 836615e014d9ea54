"""The global log narrowed the way inspectors ask: by role, hamlet, subject, effective and recorded dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from application.audit.trail import AuditFilter
from application.ledger import Ledger
from domain.household import Area, Standing
from tests.application.helpers import XUAN_DAI_DONG, XUAN_HA, actor, approved_project, entry, register

HOUSEHOLDS = AuditFilter(action="Household.Registered")


def heads(ledger: Ledger, where: AuditFilter) -> list[str]:
    return sorted(row.subject_label for row in ledger.audit.audit_log(where))


def two_hamlets(ledger: Ledger) -> None:
    """Xuân Hà's household registered by its official, Xuân Đài Đông's by the chair."""
    register(ledger, XUAN_HA, by="diachinh", head_name="Đặng Văn Bình")
    register(ledger, XUAN_DAI_DONG, by="chutich", head_name="Lê Thị Cúc")


def test_the_role_filter_keeps_what_officials_in_that_role_recorded(ledger: Ledger) -> None:
    two_hamlets(ledger)

    assert heads(ledger, replace(HOUSEHOLDS, role="official")) == ["Đặng Văn Bình"]
    assert heads(ledger, replace(HOUSEHOLDS, role="chair")) == ["Lê Thị Cúc"]
    assert heads(ledger, replace(HOUSEHOLDS, role="inspector")) == []


def test_the_hamlet_filter_keeps_that_hamlets_records_and_the_projects_that_reach_it(ledger: Ledger) -> None:
    two_hamlets(ledger)
    approved_project(ledger, date(2023, 1, 1))

    logged = ledger.audit.audit_log(AuditFilter(hamlet=XUAN_DAI_DONG))
    in_xuan_ha = {row.action for row in ledger.audit.audit_log(AuditFilter(hamlet=XUAN_HA))}

    assert {row.subject_label for row in logged if row.subject_type == "household"} == {"Lê Thị Cúc"}
    assert {"Project.Proposed", "Project.Approved", "Household.Registered"} <= in_xuan_ha


def test_the_subject_filter_takes_an_id_or_words_of_the_name_in_any_case(ledger: Ledger) -> None:
    two_hamlets(ledger)
    household_id = register(ledger, XUAN_HA, head_name="Nguyễn Văn An")
    ledger.households.recognise_household(
        actor(ledger, "diachinh"), household_id, Standing.POOR, entry(date(2022, 1, 10))
    )

    by_id = ledger.audit.audit_log(AuditFilter(subject=str(household_id)))
    by_words = ledger.audit.audit_log(AuditFilter(subject="đặng văn"))

    assert [row.action for row in by_id] == ["Household.RecognisedPoor", "Household.Registered"]
    assert [row.subject_label for row in by_words] == ["Đặng Văn Bình"]


def test_the_effective_range_is_inclusive_of_both_days(ledger: Ledger) -> None:
    chair = actor(ledger, "chutich")
    for day, head in ((date(2024, 1, 31), "Một"), (date(2024, 2, 1), "Hai"), (date(2024, 2, 29), "Ba")):
        ledger.households.register_household(chair, XUAN_HA, head, [], Area.RURAL, entry(day))

    within = AuditFilter(effective_from=date(2024, 2, 1), effective_to=date(2024, 2, 29))

    assert heads(ledger, within) == ["Ba", "Hai"]
    assert heads(ledger, AuditFilter(effective_to=date(2024, 1, 31), action="Household.Registered")) == ["Một"]


def test_the_recorded_range_still_filters_by_the_day_it_was_written(ledger: Ledger) -> None:
    two_hamlets(ledger)
    written = ledger.audit.audit_log(HOUSEHOLDS)[0].recorded_at.astimezone(ledger.core.timezone).date()

    assert len(ledger.audit.audit_log(replace(HOUSEHOLDS, recorded_from=written, recorded_to=written))) == 2
    assert ledger.audit.audit_log(replace(HOUSEHOLDS, recorded_to=written - timedelta(days=1))) == []


def test_a_page_says_how_many_rows_match_and_starts_where_asked(ledger: Ledger) -> None:
    chair = actor(ledger, "chutich")
    for number in range(5):
        ledger.households.register_household(chair, XUAN_HA, f"Hộ {number}", [], Area.RURAL, entry(date(2024, 1, 1)))

    page = ledger.audit.audit_page(replace(HOUSEHOLDS, limit=2, offset=2))

    assert page.total == 5
    assert [row.subject_label for row in page.entries] == ["Hộ 2", "Hộ 1"]


def test_an_export_names_the_position_it_was_built_from_and_holds_every_match(ledger: Ledger) -> None:
    two_hamlets(ledger)

    exported = ledger.audit.audit_export(HOUSEHOLDS)

    assert exported.position == ledger.log_position()
    assert len(exported.head_hash) == 64
    assert exported.total == len(exported.entries) == 2
    assert all(row.position <= exported.position for row in exported.entries)
