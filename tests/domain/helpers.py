"""Builders for domain tests: an official's act, households at a point of their history, members, reviews."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import UUID, uuid4

from application.core.reference import work_calendar
from domain.acts import Act
from domain.household import Area, Household, Standing
from domain.indicators import Indicator
from domain.people import Employment, Nutrition, Person
from domain.review import ListingBasis, Review, ReviewKind
from domain.standards import PovertyClass

ReviewWith = tuple[Review, list[UUID]]


def act(on: date, actor: str = "diachinh", role: str = "official", **extra: object) -> Act:
    return Act(actor, role, on, **extra)  # type: ignore[arg-type]


def household(hamlet: str = "Xuân Hà") -> Household:
    """A newly registered household whose registration has already been collected."""
    registered = Household.register("Hải Hòa", hamlet, "Nguyễn Văn An", [], Area.RURAL, act(date(2020, 1, 6)))
    registered.collect_events()
    return registered


def poor_household(since: date = date(2022, 1, 10)) -> Household:
    poor = household()
    poor.recognise(Standing.POOR, act(since))
    poor.collect_events()
    return poor


def near_poor_household(since: date = date(2022, 1, 10)) -> Household:
    near_poor = household()
    near_poor.recognise(Standing.NEAR_POOR, act(since))
    near_poor.collect_events()
    return near_poor


def escaped_household(escaped_on: date, poor_since: date = date(2022, 1, 10)) -> Household:
    """A poor household recognised as having escaped poverty, so its 36-month window runs."""
    escaped = poor_household(poor_since)
    escaped.escape_poverty(Standing.ESCAPED_POVERTY, True, act(escaped_on))
    escaped.collect_events()
    return escaped


# Members whose every fact is known; by default none of them deprives the household.
def adult(born_on: date = date(1980, 5, 1), **facts: object) -> Person:
    known = Person(
        "Nguyễn Văn An",
        "chủ hộ",
        born_on=born_on,
        health_insurance=True,
        in_school=False,
        lower_secondary_done=True,
        employment=Employment.WAGED_WITH_CONTRACT,
    )
    return replace(known, **facts)  # type: ignore[arg-type]


def child(born_on: date, **facts: object) -> Person:
    known = Person(
        "Nguyễn Thị Bé",
        "con",
        born_on=born_on,
        health_insurance=True,
        in_school=True,
        lower_secondary_done=False,
        employment=Employment.NOT_IN_LABOUR_FORCE,
        nutrition=Nutrition.NORMAL,
    )
    return replace(known, **facts)  # type: ignore[arg-type]


# The five indicators no member fact decides, entered by the reviewer as not deprived.
HOUSE_ENTERED = {
    Indicator.HOUSING_QUALITY: False,
    Indicator.WATER_SOURCE: False,
    Indicator.HYGIENIC_LATRINE: False,
    Indicator.TELECOM: False,
    Indicator.INFORMATION_MEANS: False,
}

REVIEW_STARTS = date(2026, 11, 16)
XUAN_HA = "Xuân Hà"


def chair_act(on: date) -> Act:
    return act(on, "chutich", "chair")


def listed_review(*heads: str, basis: ListingBasis = ListingBasis.FORM_01, hamlet: str = XUAN_HA) -> ReviewWith:
    """The regular review of November 2026, opened on 16/11, listing one household per head named."""
    review = Review.open(uuid4(), ReviewKind.REGULAR, "Hải Hòa", 2026, 11, chair_act(REVIEW_STARTS))
    household_ids = [uuid4() for _ in heads]
    for household_id, head in zip(household_ids, heads, strict=True):
        review.list_household(household_id, hamlet, head, basis, act(REVIEW_STARTS))
    review.collect_events()
    return review, household_ids


def note_survey(review: Review, household_id: UUID, on: date, provisional: PovertyClass = PovertyClass.POOR) -> None:
    review.note_survey(household_id, uuid4(), provisional, "2022-2025", act(on))


def hold_meeting(review: Review, shares: dict[UUID, int], on: date, hamlet: str = XUAN_HA) -> None:
    review.hold_meeting(hamlet, "Trưởng xóm Xuân Hà", 30, shares, "05/BB", act(on))


POSTED_ON, POSTING_ENDS = date(2026, 11, 19), date(2026, 11, 23)  # Thu 19/11 + 3 working days → Mon 23/11


def posted_review(*heads: str, basis: ListingBasis = ListingBasis.FORM_01) -> ReviewWith:
    """Surveyed on 17/11, agreed by 80% on 18/11, posted from Thu 19/11 to Mon 23/11/2026."""
    review, household_ids = listed_review(*heads, basis=basis)
    for household_id in household_ids:
        note_survey(review, household_id, date(2026, 11, 17))
    hold_meeting(review, dict.fromkeys(household_ids, 80), date(2026, 11, 18))
    review.start_posting(XUAN_HA, 3, work_calendar(), act(POSTED_ON))
    review.collect_events()
    return review, household_ids
