"""Hostile entries are refused before anything is recorded; extreme valid ones are recorded and listed."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest

from application.core.errors import InvalidInputError
from application.core.settings import Settings
from application.ledger import Ledger
from application.lists.household_import import CommitMode
from domain.bounds import MONEY_CEILING
from domain.household import Area, Standing, TransitionRefusedError
from domain.loan import Programme
from tests.application.helpers import actor, entry, poor_household, register
from tests.application.lists.test_household_import import GOOD, csv_file
from tests.conftest import TODAY, FixedClock, seed_users


def test_a_loan_of_2_to_the_63_dong_is_refused_and_nothing_is_recorded(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    before = ledger.log_position()

    with pytest.raises(InvalidInputError) as refused:
        ledger.loans.grant_loan(actor(ledger, "diachinh"), household_id, Programme.POOR, 2**63, 12, entry())

    assert list(refused.value.errors) == ["amount"]
    assert ledger.log_position() == before
    assert ledger.loans.loan_list() == []


def test_a_loan_above_the_poor_household_cap_is_refused_with_the_cap_named(ledger: Ledger) -> None:
    household_id = poor_household(ledger)

    with pytest.raises(InvalidInputError, match=r"Số tiền vay: không quá 100\.000\.000 đ"):
        ledger.loans.grant_loan(actor(ledger, "diachinh"), household_id, Programme.POOR, 100_000_001, 12, entry())


def test_a_loan_need_of_2_to_the_63_dong_is_refused_and_nothing_is_recorded(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    before = ledger.log_position()

    with pytest.raises(InvalidInputError, match="Số tiền cần vay"):
        ledger.credit.record_loan_request(
            actor(ledger, "diachinh"), household_id, Programme.POOR, 2**63, "Mua bò", entry()
        )

    assert ledger.log_position() == before


def test_a_household_name_with_a_nul_byte_is_refused_and_nothing_is_recorded(ledger: Ledger) -> None:
    before = ledger.log_position()

    with pytest.raises(InvalidInputError) as refused:
        ledger.households.register_household(
            actor(ledger, "diachinh"), "Xuân Hà", "Nguyễn\x00Văn An", [], Area.RURAL, entry(date(2020, 1, 6))
        )

    assert list(refused.value.errors) == ["head_name"]
    assert ledger.log_position() == before
    assert ledger.households.household_list() == []


def test_the_largest_valid_loan_and_a_100_character_decomposed_name_are_recorded_and_listed(ledger: Ledger) -> None:
    name = unicodedata.normalize("NFD", "Nguyễn Thị Hường " + "Ư" * 83)
    household_id = register(ledger, head_name=name, by="chutich")
    ledger.households.recognise_household(
        actor(ledger, "chutich"), household_id, Standing.POOR, entry(date(2022, 1, 10))
    )

    ledger.loans.grant_loan(actor(ledger, "diachinh"), household_id, Programme.POOR, 100_000_000, 120, entry())

    [loan] = ledger.loans.loan_list()
    assert (loan.amount, loan.term_months, loan.head_name) == (100_000_000, 120, unicodedata.normalize("NFC", name))
    assert len(loan.head_name) == 100
    assert ledger.households.household_summary(household_id).head_name == unicodedata.normalize("NFC", name)


def test_a_loan_of_another_programme_at_the_global_ceiling_is_recorded_and_survives_a_rebuild(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    ledger.loans.grant_loan(actor(ledger, "diachinh"), household_id, Programme.OTHER, MONEY_CEILING, 120, entry())

    ledger.read_models.rebuild_read_models()

    assert [loan.amount for loan in ledger.loans.loan_list()] == [MONEY_CEILING]


def test_an_act_dated_before_1945_is_refused(ledger: Ledger) -> None:
    household_id = register(ledger, by="chutich")

    with pytest.raises(InvalidInputError) as refused:
        ledger.households.recognise_household(
            actor(ledger, "chutich"), household_id, Standing.POOR, entry(date(1944, 12, 31))
        )

    assert refused.value.errors == {"effective_on": "Ngày hiệu lực: không được trước ngày 01/01/1945."}


def test_a_decision_effective_before_the_households_registration_is_refused(ledger: Ledger) -> None:
    household_id = register(ledger, by="chutich")  # registered with effect from 06/01/2020
    before = ledger.log_position()

    with pytest.raises(TransitionRefusedError, match="trước ngày hộ được đăng ký vào sổ"):
        ledger.households.recognise_household(
            actor(ledger, "chutich"), household_id, Standing.POOR, entry(date(2019, 6, 1))
        )

    assert ledger.log_position() == before


def test_a_sweep_for_a_day_after_today_is_refused_and_issues_nothing(ledger: Ledger) -> None:
    poor_household(ledger)
    before = ledger.log_position()

    with pytest.raises(InvalidInputError, match="Ngày quét: không được sau ngày hôm nay"):
        ledger.reminders.sweep_on(TODAY + timedelta(days=1))

    assert ledger.log_position() == before


def test_a_sweep_for_today_is_run(ledger: Ledger) -> None:
    report = ledger.reminders.sweep_on(TODAY)

    assert report.today == TODAY


def test_an_imported_row_with_a_nul_or_bidi_override_in_the_head_name_is_refused_and_nothing_is_recorded(
    ledger: Ledger,
) -> None:
    rows = [GOOD[0].replace("Trần Văn Bình", "Trần\x00Văn Bình"), GOOD[1].replace("Lê Thị Cúc", "Lê\u202eThị Cúc")]
    before = ledger.log_position()

    report = ledger.imports.import_households(
        actor(ledger, "chutich"), "so.csv", csv_file(*rows), CommitMode.ALL_OR_NOTHING
    )

    assert [e.row for e in report.errors] == [5, 6]
    assert all("Họ tên chủ hộ: có ký tự điều khiển" in e.message for e in report.errors)
    assert ledger.log_position() == before


def test_the_earliest_day_comes_from_the_settings(clock: FixedClock, tmp_path: Path) -> None:
    keys = {"secret_key": "s", "audit_key": "k", "password_hashing": "CHEAPEST", "data_dir": str(tmp_path)}
    settings = Settings(database="memory:", **keys)  # type: ignore[arg-type]
    ledger = Ledger(settings.model_copy(update={"earliest_day": date(2000, 1, 1)}), clock=clock)
    seed_users(ledger)

    with pytest.raises(InvalidInputError, match="Ngày hiệu lực: không được trước ngày 01/01/2000"):
        ledger.households.register_household(
            actor(ledger, "chutich"), "Xuân Hà", "Nguyễn Văn An", [], Area.RURAL, entry(date(1999, 12, 31))
        )
    ledger.close()
