"""Surveys through the ledger: the standard in force on the survey date, the what-if, average living, requests."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from application.core.errors import InvalidInputError
from application.ledger import Ledger
from domain.household import Area, Standing
from domain.indicators import Indicator
from domain.people import Employment, MemberChange, Person
from domain.review import ListingBasis, ReviewKind
from domain.standards import PovertyClass
from domain.survey import Occupation, RequestForm, SurveyRefusedError
from domain.user import NotAllowedError
from tests.application.hamlet_review import THREE_DEPRIVATIONS, household_named, requesting
from tests.application.helpers import XUAN_DAI_DONG, XUAN_HA, actor, answers, entry, poor_household, register
from tests.conftest import FixedClock

IN_NOVEMBER = date(2026, 11, 2)


def survey(ledger: Ledger, household_id: UUID, per_capita: int, *deprived: Indicator, on: date = IN_NOVEMBER) -> None:
    ledger.surveys.record_survey(actor(ledger, "diachinh"), household_id, answers(per_capita, *deprived), entry(on))


def test_a_survey_is_classified_under_the_standard_in_force_on_its_date(ledger: Ledger) -> None:
    household_id = register(ledger)

    survey(ledger, household_id, 1_800_000, *THREE_DEPRIVATIONS)

    latest = ledger.households.household_summary(household_id).latest_survey
    assert latest is not None
    assert (latest.standard_version, latest.standard_basis.number, latest.provisional_class) == (
        "2022-2025",
        "07/2021/NĐ-CP",
        PovertyClass.AVERAGE_LIVING,
    )
    assert (latest.surveyed_on, latest.deprived) == (IN_NOVEMBER, ["employment", "health_insurance", "housing_quality"])


def test_a_survey_dated_in_2027_is_classified_under_the_2027_2030_standard(ledger: Ledger, clock: FixedClock) -> None:
    household_id = register(ledger)
    clock.set_today(date(2027, 1, 4))

    survey(ledger, household_id, 1_800_000, *THREE_DEPRIVATIONS, on=date(2027, 1, 4))

    latest = ledger.households.household_summary(household_id).latest_survey
    assert latest is not None
    assert (latest.standard_version, latest.standard_basis.number, latest.provisional_class) == (
        "2027-2030",
        "351/2025/NĐ-CP",
        PovertyClass.POOR,
    )


def test_the_survey_derives_the_indicators_from_the_members_facts(ledger: Ledger) -> None:
    household_id = register(ledger)
    [head_id] = [member_id for member_id, _ in ledger.households.household_summary(household_id).members]
    unemployed = Person("Nguyễn Văn An", "chủ hộ", born_on=date(1980, 5, 1), employment=Employment.UNEMPLOYED)
    ledger.members.update_member(actor(ledger, "diachinh"), household_id, head_id, unemployed, entry())
    son = Person("Nguyễn Văn Bảo", "con", born_on=date(2019, 6, 1), in_school=True, health_insurance=True)
    ledger.members.add_member(actor(ledger, "diachinh"), household_id, son, MemberChange.OTHER, entry())

    survey(ledger, household_id, 1_200_000)

    latest = ledger.households.household_summary(household_id).latest_survey
    assert latest is not None
    assert (latest.members_count, "employment" in latest.derived, "employment" in latest.deprived) == (2, True, True)


def test_what_if_lists_exactly_the_households_whose_class_the_2027_2030_standard_changes(ledger: Ledger) -> None:
    poor, lifted, above = register(ledger), register(ledger), register(ledger)
    town = ledger.households.register_household(
        actor(ledger, "diachinh"), XUAN_HA, "Trần Văn Phố", [], Area.URBAN, entry(date(2020, 1, 6))
    ).subject_id
    survey(ledger, poor, 1_200_000, *THREE_DEPRIVATIONS)
    survey(ledger, lifted, 2_000_000, *THREE_DEPRIVATIONS)
    survey(ledger, above, 3_500_000)
    survey(ledger, town, 2_500_000, Indicator.TELECOM)
    register(ledger)

    rows = ledger.surveys.what_if("2027-2030")

    assert len(rows) == 4
    assert {(row.household_id, row.current_class, row.what_if_class) for row in rows if row.changes} == {
        (lifted, PovertyClass.AVERAGE_LIVING, PovertyClass.POOR),
        (town, PovertyClass.AVERAGE_LIVING, PovertyClass.NEAR_POOR),
    }


def test_what_if_under_an_unknown_standard_is_refused(ledger: Ledger) -> None:
    with pytest.raises(InvalidInputError, match="2031-2035"):
        ledger.surveys.what_if("2031-2035")


def test_a_farming_household_is_recognised_as_average_living_without_its_social_allowances(ledger: Ledger) -> None:
    household_id = register(ledger)

    ledger.surveys.recognise_average_living(
        actor(ledger, "diachinh"), household_id, Occupation.AGRICULTURE, 27_600_000, 3_600_000, entry(IN_NOVEMBER)
    )

    summary = ledger.households.household_summary(household_id)
    assert summary.average_living is not None
    assert (summary.average_living.per_capita_monthly, summary.average_living_since) == (2_000_000, IN_NOVEMBER)


def test_a_poor_household_is_not_recognised_as_average_living(ledger: Ledger) -> None:
    household_id = poor_household(ledger)

    with pytest.raises(SurveyRefusedError):
        ledger.surveys.recognise_average_living(
            actor(ledger, "diachinh"), household_id, Occupation.FISHERY, 24_000_000, 0, entry(IN_NOVEMBER)
        )


def test_a_request_is_listed_by_the_next_review_on_the_basis_of_its_form(ledger: Ledger) -> None:
    applicant = requesting(ledger, "Lê Văn Cường")
    leaving = household_named(ledger, "Trần Thị Bình", Standing.POOR)
    ledger.surveys.submit_request(
        actor(ledger, "diachinh"), leaving, RequestForm.ESCAPE, "Có việc làm ổn định", "trực tuyến", entry()
    )
    household_named(ledger, "Nguyễn Văn An", Standing.POOR)

    review = ledger.reviews.open_review(
        actor(ledger, "chutich"), ReviewKind.REGULAR, 2026, 11, entry(date(2026, 11, 16))
    )

    listed = ledger.review_records.review_summary(review.subject_id).candidates
    assert {(c.household_id, c.listing_basis) for c in listed} == {
        (applicant, ListingBasis.FORM_01),
        (leaving, ListingBasis.FORM_04),
    }


def test_a_request_once_listed_is_not_listed_again_by_a_later_review(ledger: Ledger) -> None:
    requesting(ledger, "Lê Văn Cường")
    chair = actor(ledger, "chutich")
    ledger.reviews.open_review(chair, ReviewKind.REGULAR, 2026, 11, entry(date(2026, 11, 16)))

    later = ledger.reviews.open_review(chair, ReviewKind.PERIODIC, 2026, 0, entry(date(2026, 11, 20)))

    assert ledger.review_records.review_summary(later.subject_id).candidates == ()


def test_an_official_cannot_survey_a_household_outside_their_hamlets(ledger: Ledger) -> None:
    household_id = register(ledger, XUAN_DAI_DONG, by="vanhoa")

    with pytest.raises(NotAllowedError):
        survey(ledger, household_id, 1_200_000)
