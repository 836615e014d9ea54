"""Households through the ledger: registered, recognised, escaping, falling back; scope and safety."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from application.core.errors import ConflictError, InvalidInputError, NotFoundError
from application.ledger import Ledger
from domain.household import Area, Member, Standing, TransitionRefusedError
from domain.user import NotAllowedError
from tests.application.helpers import XUAN_DAI_DONG, XUAN_HA, actor, entry, escaped_household, poor_household, register
from tests.conftest import FixedClock


def test_registering_a_household_lists_it_at_once_as_not_yet_on_any_list(ledger: Ledger) -> None:
    members = [Member("Trần Thị Bình", "vợ", 1980)]

    household_id = ledger.households.register_household(
        actor(ledger, "diachinh"), XUAN_HA, " Nguyễn Văn An ", members, Area.RURAL, entry()
    ).subject_id

    [item] = ledger.households.household_list()
    assert (item.household_id, item.hamlet, item.head_name) == (household_id, XUAN_HA, "Nguyễn Văn An")
    assert (item.members_count, item.standing) == (2, Standing.UNLISTED)


def test_recognising_a_household_as_poor_shows_at_once_in_the_household_list(ledger: Ledger) -> None:
    household_id = register(ledger)

    ledger.households.recognise_household(
        actor(ledger, "diachinh"), household_id, Standing.POOR, entry(date(2026, 1, 5))
    )

    [item] = ledger.households.household_list(standing=Standing.POOR)
    assert (item.household_id, item.standing, item.standing_since) == (household_id, Standing.POOR, date(2026, 1, 5))


def test_recording_an_escape_from_poverty_opens_the_36_month_window(ledger: Ledger) -> None:
    household_id = poor_household(ledger)

    ledger.households.record_escape(actor(ledger, "diachinh"), household_id, Standing.POOR, entry(date(2024, 2, 29)))

    summary = ledger.households.household_summary(household_id)
    assert (summary.standing, summary.escaped_on) == (Standing.ESCAPED_POVERTY, date(2024, 2, 29))
    assert (summary.newly_escaped_until, summary.newly_escaped_today) == (date(2027, 2, 28), True)


def test_a_poor_household_becoming_near_poor_does_not_open_a_window_by_default(ledger: Ledger) -> None:
    household_id = poor_household(ledger)

    ledger.households.record_escape(
        actor(ledger, "diachinh"), household_id, Standing.POOR, entry(), becomes_near_poor=True
    )

    [item] = ledger.households.household_list()
    assert (item.standing, item.newly_escaped_until) == (Standing.NEAR_POOR, None)


def test_recording_an_escape_from_near_poverty_takes_the_household_off_the_near_poor_list(ledger: Ledger) -> None:
    household_id = register(ledger)
    ledger.households.recognise_household(
        actor(ledger, "diachinh"), household_id, Standing.NEAR_POOR, entry(date(2025, 1, 6))
    )

    ledger.households.record_escape(actor(ledger, "diachinh"), household_id, Standing.NEAR_POOR, entry())

    [item] = ledger.households.household_list()
    assert item.standing is Standing.ESCAPED_NEAR_POVERTY


def test_recording_a_relapse_closes_the_window_from_its_date(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2024, 2, 29))

    ledger.households.record_relapse(actor(ledger, "diachinh"), household_id, Standing.POOR, entry(date(2025, 6, 1)))

    [item] = ledger.households.household_list()
    assert (item.standing, item.window_closed_on) == (Standing.POOR, date(2025, 6, 1))
    assert ledger.households.household_summary(household_id).newly_escaped_today is False


def test_a_refused_transition_records_nothing(ledger: Ledger) -> None:
    household_id = register(ledger)
    before = ledger.log_position()

    with pytest.raises(TransitionRefusedError):
        ledger.households.record_relapse(actor(ledger, "diachinh"), household_id, Standing.POOR, entry())

    assert ledger.log_position() == before
    assert ledger.households.household_summary(household_id).standing is Standing.UNLISTED


def test_an_official_cannot_register_a_household_in_a_hamlet_not_assigned_to_them(ledger: Ledger) -> None:
    before = ledger.log_position()

    with pytest.raises(NotAllowedError, match=XUAN_DAI_DONG):
        ledger.households.register_household(
            actor(ledger, "diachinh"), XUAN_DAI_DONG, "Lê Văn Cường", [], Area.RURAL, entry()
        )

    assert ledger.log_position() == before


def test_an_official_cannot_act_on_a_household_of_another_hamlet(ledger: Ledger) -> None:
    household_id = register(ledger, XUAN_DAI_DONG, by="vanhoa")
    before = ledger.log_position()

    with pytest.raises(NotAllowedError):
        ledger.households.recognise_household(actor(ledger, "diachinh"), household_id, Standing.POOR, entry())

    assert ledger.log_position() == before


def test_the_supervisor_cannot_register_a_household(ledger: Ledger) -> None:
    with pytest.raises(NotAllowedError, match="chỉ được xem"):
        ledger.households.register_household(actor(ledger, "mttq"), XUAN_HA, "Lê Văn Cường", [], Area.RURAL, entry())


def test_the_supervisor_cannot_recognise_a_household(ledger: Ledger) -> None:
    household_id = register(ledger)
    before = ledger.log_position()

    with pytest.raises(NotAllowedError, match="chỉ được xem"):
        ledger.households.recognise_household(actor(ledger, "mttq"), household_id, Standing.POOR, entry())

    assert ledger.log_position() == before


@pytest.mark.parametrize(("leader", "hamlet"), [("chutich", XUAN_DAI_DONG), ("phochutich", "Tân Hùng")])
def test_the_chair_and_vice_chair_may_act_in_every_hamlet(ledger: Ledger, leader: str, hamlet: str) -> None:
    household_id = register(ledger, hamlet, by=leader)

    ledger.households.recognise_household(actor(ledger, leader), household_id, Standing.POOR, entry())

    assert ledger.households.household_summary(household_id).standing is Standing.POOR


def test_a_registration_form_submitted_twice_records_one_household(ledger: Ledger) -> None:
    official, form = actor(ledger, "diachinh"), entry(command_id="form-1")
    first = ledger.households.register_household(official, XUAN_HA, "Nguyễn Văn An", [], Area.RURAL, form)
    position = ledger.log_position()

    second = ledger.households.register_household(official, XUAN_HA, "Nguyễn Văn An", [], Area.RURAL, form)

    assert (second.subject_id, second.duplicate, first.duplicate) == (first.subject_id, True, False)
    assert ledger.log_position() == position
    assert len(ledger.households.household_list()) == 1


def test_a_recognition_form_submitted_twice_records_once(ledger: Ledger) -> None:
    household_id = register(ledger)
    official = actor(ledger, "diachinh")
    ledger.households.recognise_household(official, household_id, Standing.POOR, entry(command_id="form-2"))
    position = ledger.log_position()

    second = ledger.households.recognise_household(official, household_id, Standing.POOR, entry(command_id="form-2"))

    assert (second.subject_id, second.duplicate) == (household_id, True)
    assert ledger.log_position() == position


def test_a_form_opened_before_someone_else_changed_the_household_is_a_conflict(ledger: Ledger) -> None:
    household_id = register(ledger)
    opened_at = ledger.households.household_summary(household_id).version
    ledger.households.recognise_household(actor(ledger, "chutich"), household_id, Standing.POOR, entry())
    position = ledger.log_position()

    with pytest.raises(ConflictError, match="người khác cập nhật"):
        ledger.households.record_escape(
            actor(ledger, "diachinh"), household_id, Standing.POOR, entry(expected_version=opened_at)
        )

    assert ledger.log_position() == position


def test_a_form_carrying_the_current_version_is_recorded(ledger: Ledger) -> None:
    household_id = register(ledger)
    version = ledger.households.household_summary(household_id).version

    ledger.households.recognise_household(
        actor(ledger, "diachinh"), household_id, Standing.POOR, entry(expected_version=version)
    )

    assert ledger.households.household_summary(household_id).version == version + 1


def test_a_recognition_effective_in_the_future_is_refused(ledger: Ledger) -> None:
    household_id = register(ledger)
    position = ledger.log_position()

    with pytest.raises(InvalidInputError) as refusal:
        ledger.households.recognise_household(
            actor(ledger, "diachinh"), household_id, Standing.POOR, entry(date(2026, 11, 29))
        )

    assert "effective_on" in refusal.value.errors
    assert ledger.log_position() == position


def test_a_recognition_effective_today_is_recorded(ledger: Ledger, clock: FixedClock) -> None:
    household_id = register(ledger)

    ledger.households.recognise_household(actor(ledger, "diachinh"), household_id, Standing.POOR, entry(clock().date()))

    assert ledger.households.household_summary(household_id).standing is Standing.POOR


def test_a_registration_effective_in_the_future_is_refused(ledger: Ledger) -> None:
    with pytest.raises(InvalidInputError, match="không được sau ngày hôm nay"):
        ledger.households.register_household(
            actor(ledger, "diachinh"), XUAN_HA, "Lê Văn Cường", [], Area.RURAL, entry(date(2026, 12, 1))
        )


def test_registering_in_a_hamlet_outside_the_commune_is_refused_per_field(ledger: Ledger) -> None:
    with pytest.raises(InvalidInputError) as refusal:
        ledger.households.register_household(actor(ledger, "chutich"), "Xóm Lạ", "  ", [], Area.RURAL, entry())

    assert set(refusal.value.errors) == {"hamlet", "head_name"}


def test_acting_on_an_unknown_household_is_not_found(ledger: Ledger) -> None:
    with pytest.raises(NotFoundError):
        ledger.households.recognise_household(actor(ledger, "chutich"), uuid4(), Standing.POOR, entry())


def test_the_household_list_filters_by_hamlet_and_standing(ledger: Ledger) -> None:
    poor_household(ledger, hamlet=XUAN_HA)
    register(ledger, XUAN_DAI_DONG, by="vanhoa")

    listed = ledger.households.household_list(hamlet=XUAN_DAI_DONG, standing=Standing.UNLISTED)

    assert [item.hamlet for item in listed] == [XUAN_DAI_DONG]


@pytest.mark.parametrize("search", ["đặng", "ĐẶNG VĂN"])
def test_searching_the_household_list_finds_a_vietnamese_name_whatever_its_case(ledger: Ledger, search: str) -> None:
    register(ledger, head_name="Đặng Văn Lâm")
    register(ledger, head_name="Nguyễn Văn An")

    found = ledger.households.household_list(search=search)

    assert [item.head_name for item in found] == ["Đặng Văn Lâm"]


def test_searching_the_household_list_treats_percent_and_underscore_as_letters(ledger: Ledger) -> None:
    register(ledger, head_name="Nguyễn Văn An")

    assert ledger.households.household_list(search="_") == []


def test_escaping_again_into_a_window_with_the_same_last_day_opens_it_again(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2024, 2, 28))
    ledger.households.record_relapse(actor(ledger, "diachinh"), household_id, Standing.POOR, entry(date(2024, 2, 29)))

    ledger.households.record_escape(actor(ledger, "diachinh"), household_id, Standing.POOR, entry(date(2024, 2, 29)))

    [item] = ledger.households.household_list()
    assert (item.standing, item.newly_escaped_until, item.window_closed_on) == (
        Standing.ESCAPED_POVERTY,
        date(2027, 2, 28),
        None,
    )
