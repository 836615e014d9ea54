"""The review's steps: opened in its window, listed, surveyed, agreed by half the meeting, posted."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest

from application.core.reference import work_calendar
from domain.review import ListingBasis, Review, ReviewKind, ReviewRefusedError
from domain.standards import PovertyClass
from tests.domain.helpers import XUAN_HA, act, chair_act, hold_meeting, listed_review, note_survey, posted_review

CALENDAR = work_calendar()
SURVEYED_ON, MET_ON, POSTED_ON = date(2026, 11, 17), date(2026, 11, 18), date(2026, 11, 19)


def opened(kind: ReviewKind, year: int, month: int, starts_on: date) -> Review:
    return Review.open(uuid4(), kind, "Hải Hòa", year, month, chair_act(starts_on))


@pytest.mark.parametrize("starts_on", [date(2026, 9, 1), date(2026, 10, 1), date(2026, 12, 14)])
def test_the_periodic_review_opens_between_1_september_and_14_december(starts_on: date) -> None:
    review = opened(ReviewKind.PERIODIC, 2026, 0, starts_on)

    assert (review.starts_on, review.decision_due_on()) == (starts_on, None)


@pytest.mark.parametrize("starts_on", [date(2026, 8, 31), date(2026, 12, 15), date(2025, 10, 1)])
def test_the_periodic_review_cannot_open_outside_its_window(starts_on: date) -> None:
    with pytest.raises(ReviewRefusedError, match="01/09–14/12/2026"):
        opened(ReviewKind.PERIODIC, 2026, 0, starts_on)


@pytest.mark.parametrize(
    ("starts_on", "decision_due_on"),
    [(date(2026, 11, 15), date(2026, 11, 30)), (date(2026, 11, 30), date(2026, 12, 15))],
)
def test_the_regular_review_opens_from_the_15th_and_its_decision_is_due_15_days_later(
    starts_on: date, decision_due_on: date
) -> None:
    review = opened(ReviewKind.REGULAR, 2026, 11, starts_on)

    assert review.decision_due_on() == decision_due_on


@pytest.mark.parametrize("starts_on", [date(2026, 11, 14), date(2026, 12, 15), date(2026, 10, 20)])
def test_the_regular_review_cannot_open_before_the_15th_or_in_another_month(starts_on: date) -> None:
    with pytest.raises(ReviewRefusedError, match="từ ngày 15"):
        opened(ReviewKind.REGULAR, 2026, 11, starts_on)


def test_a_household_cannot_be_listed_twice_in_one_review() -> None:
    review, [household_id] = listed_review("Nguyễn Văn An")

    with pytest.raises(ReviewRefusedError, match="đã có trong danh sách"):
        review.list_household(household_id, XUAN_HA, "Nguyễn Văn An", ListingBasis.MANAGED_LIST, act(SURVEYED_ON))


def test_a_survey_dated_before_the_review_started_is_refused() -> None:
    review, [household_id] = listed_review("Nguyễn Văn An")

    with pytest.raises(ReviewRefusedError, match="trước ngày bắt đầu"):
        note_survey(review, household_id, date(2026, 11, 13))


def test_posting_is_refused_while_a_household_has_less_than_half_the_meetings_agreement() -> None:
    review, [agreed, disputed] = listed_review("Nguyễn Văn An", "Trần Thị Bình")
    for household_id in (agreed, disputed):
        note_survey(review, household_id, SURVEYED_ON)
    hold_meeting(review, {agreed: 80, disputed: 49}, MET_ON)

    with pytest.raises(ReviewRefusedError, match=r"hộ Trần Thị Bình chưa được họp dân đồng ý từ 50%"):
        review.start_posting(XUAN_HA, 3, CALENDAR, act(POSTED_ON))

    assert [type(event) for event in review.collect_events()] == [
        Review.SurveyNoted,
        Review.SurveyNoted,
        Review.MeetingHeld,
    ]


def test_exactly_half_of_the_meeting_agreeing_is_enough_to_post() -> None:
    review, [household_id] = listed_review("Nguyễn Văn An")
    note_survey(review, household_id, SURVEYED_ON)
    hold_meeting(review, {household_id: 50}, MET_ON)

    assert review.start_posting(XUAN_HA, 3, CALENDAR, act(POSTED_ON)) == date(2026, 11, 23)


def test_a_new_meeting_without_a_new_survey_does_not_lift_the_refusal() -> None:
    review, [disputed] = listed_review("Trần Thị Bình")
    note_survey(review, disputed, SURVEYED_ON)
    hold_meeting(review, {disputed: 40}, MET_ON)
    hold_meeting(review, {disputed: 40}, POSTED_ON)

    with pytest.raises(ReviewRefusedError, match="phải khảo sát và họp lại"):
        review.start_posting(XUAN_HA, 3, CALENDAR, act(POSTED_ON))


def test_a_new_survey_and_a_new_meeting_agreeing_by_half_allow_the_posting() -> None:
    review, [disputed] = listed_review("Trần Thị Bình")
    note_survey(review, disputed, SURVEYED_ON)
    hold_meeting(review, {disputed: 40}, MET_ON)
    note_survey(review, disputed, date(2026, 11, 20))
    hold_meeting(review, {disputed: 50}, date(2026, 11, 20))

    ends_on = review.start_posting(XUAN_HA, 3, CALENDAR, act(date(2026, 11, 23)))

    assert ends_on == date(2026, 11, 26)


def test_a_survey_after_the_meeting_needs_a_meeting_again_before_posting() -> None:
    review, [household_id] = listed_review("Nguyễn Văn An")
    note_survey(review, household_id, SURVEYED_ON)
    hold_meeting(review, {household_id: 90}, MET_ON)
    note_survey(review, household_id, POSTED_ON)

    with pytest.raises(ReviewRefusedError, match="Nguyễn Văn An"):
        review.start_posting(XUAN_HA, 3, CALENDAR, act(POSTED_ON))


def test_a_meeting_dated_before_the_survey_is_refused() -> None:
    review, [household_id] = listed_review("Nguyễn Văn An")
    note_survey(review, household_id, MET_ON)

    with pytest.raises(ReviewRefusedError, match="Ngày họp"):
        hold_meeting(review, {household_id: 80}, SURVEYED_ON)


@pytest.mark.parametrize(("share", "hamlet"), [(101, XUAN_HA), (-1, XUAN_HA), (80, "Xuân Đài Đông")])
def test_a_meeting_with_an_impossible_share_or_another_hamlets_household_is_refused(share: int, hamlet: str) -> None:
    review, [household_id] = listed_review("Nguyễn Văn An")
    note_survey(review, household_id, SURVEYED_ON)

    with pytest.raises(ReviewRefusedError):
        hold_meeting(review, {household_id: share}, MET_ON, hamlet=hamlet)


def test_a_meeting_about_a_household_not_yet_surveyed_is_refused() -> None:
    review, [household_id] = listed_review("Nguyễn Văn An")

    with pytest.raises(ReviewRefusedError, match="chưa được khảo sát"):
        hold_meeting(review, {household_id: 80}, MET_ON)


@pytest.mark.parametrize(
    ("posted_on", "working_days", "ends_on"),
    [
        (date(2026, 11, 19), 3, date(2026, 11, 23)),
        (date(2026, 11, 20), 3, date(2026, 11, 25)),
        (date(2026, 11, 19), 5, date(2026, 11, 26)),
    ],
)
def test_the_posting_ends_after_its_working_days_skipping_weekends_and_holidays(
    posted_on: date, working_days: int, ends_on: date
) -> None:
    review, [household_id] = listed_review("Nguyễn Văn An")
    note_survey(review, household_id, SURVEYED_ON)
    hold_meeting(review, {household_id: 80}, MET_ON)
    review.collect_events()

    review.start_posting(XUAN_HA, working_days, CALENDAR, act(posted_on))

    [event] = review.collect_events()
    assert isinstance(event, Review.PostingStarted)
    assert (event.ends_on, event.household_ids) == (ends_on, [household_id])


def test_a_hamlet_with_nobody_surveyed_cannot_be_posted() -> None:
    review, _ = listed_review("Nguyễn Văn An")

    with pytest.raises(ReviewRefusedError, match="không có hộ nào"):
        review.start_posting(XUAN_HA, 3, CALENDAR, act(POSTED_ON))


def test_a_survey_backdated_before_the_agreeing_meeting_still_needs_a_meeting() -> None:
    review, [household_id] = listed_review("Nguyễn Văn An")
    note_survey(review, household_id, SURVEYED_ON)
    hold_meeting(review, {household_id: 90}, MET_ON)
    note_survey(review, household_id, SURVEYED_ON, PovertyClass.NEAR_POOR)

    with pytest.raises(ReviewRefusedError, match="Nguyễn Văn An"):
        review.start_posting(XUAN_HA, 3, CALENDAR, act(POSTED_ON))


def test_a_household_surveyed_again_after_the_posting_is_posted_again_before_the_decision() -> None:
    review, [household_id] = posted_review("Nguyễn Văn An")
    note_survey(review, household_id, date(2026, 11, 20), PovertyClass.NEAR_POOR)
    hold_meeting(review, {household_id: 90}, date(2026, 11, 20))

    assert review.decidable(date(2026, 11, 24)) == []


def test_posting_a_hamlet_again_posts_only_the_households_not_yet_posted() -> None:
    review, (first, second) = listed_review("Nguyễn Văn An", "Trần Thị Lan")
    note_survey(review, first, SURVEYED_ON)
    hold_meeting(review, {first: 80}, MET_ON)
    review.start_posting(XUAN_HA, 3, CALENDAR, act(POSTED_ON))
    note_survey(review, second, MET_ON)
    hold_meeting(review, {second: 75}, MET_ON)
    review.collect_events()

    review.start_posting(XUAN_HA, 3, CALENDAR, act(POSTED_ON + timedelta(days=7)))

    [event] = review.collect_events()
    assert event.household_ids == [second]
