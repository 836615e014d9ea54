"""The household register read model (view_households): each household's standing, its 36-month
window, its members count, its latest survey and its pending request."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers, ReadModel
from application.readmodels.tables import cached_row, insert_row, iso, update_row
from domain.decisions import effect_of
from domain.household import Household, Standing
from domain.review import Review

TABLE = "view_households"
TABLES = {
    TABLE: """
        household_id TEXT PRIMARY KEY,
        commune TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        head_name TEXT NOT NULL,
        area TEXT NOT NULL,
        members_count INTEGER NOT NULL,
        standing TEXT NOT NULL,
        standing_since TEXT,
        escaped_on TEXT,
        newly_escaped_until TEXT,
        window_closed_on TEXT,
        registered_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        occupation TEXT,
        average_living_since TEXT,
        latest_survey_on TEXT,
        latest_income BIGINT,
        latest_b1_score INTEGER,
        latest_b1_cutoff INTEGER,
        latest_deprived INTEGER,
        latest_class TEXT,
        latest_standard TEXT,
        pending_request TEXT,
        pending_request_on TEXT""",
}
INDEXES = ("CREATE INDEX IF NOT EXISTS view_households_hamlet ON view_households (hamlet, standing)",)

# Columns filled by later events (surveys, income, requests).
LATER_COLUMNS = (
    "occupation",
    "average_living_since",
    "latest_survey_on",
    "latest_income",
    "latest_b1_score",
    "latest_b1_cutoff",
    "latest_deprived",
    "latest_class",
    "latest_standard",
    "pending_request",
    "pending_request_on",
)

HANDLERS = Handlers()


def household_row(cursor: Cursor, household_id: UUID | str) -> dict[str, Any]:
    """The household's row; other read models listed after this one read their labels from it."""
    return cached_row(cursor, TABLE, "household_id", household_id)


def update(cursor: Cursor, household_id: UUID, **changes: Any) -> None:
    update_row(cursor, TABLE, "household_id", household_row(cursor, household_id), **changes)


@HANDLERS.on(Household.Registered)
def registered(cursor: Cursor, event: Household.Registered, position: int) -> None:
    row = {
        "household_id": str(event.originator_id),
        "commune": event.commune,
        "hamlet": event.hamlet,
        "head_name": event.head_name,
        "area": event.area.value,
        "members_count": len(event.members) + 1,
        "standing": Standing.UNLISTED.value,
        "standing_since": None,
        "escaped_on": None,
        "newly_escaped_until": None,
        "window_closed_on": None,
        "registered_at": event.timestamp.isoformat(),
        "version": event.originator_version,
        **dict.fromkeys(LATER_COLUMNS),
    }
    insert_row(cursor, TABLE, event.originator_id, row)


@HANDLERS.on(
    Household.RecognisedPoor,
    Household.RecognisedNearPoor,
    Household.EscapedPoverty,
    Household.EscapedNearPoverty,
    Household.FellBackIntoPoverty,
)
def transitioned(cursor: Cursor, event: Household.Transition, position: int) -> None:
    row, effect = household_row(cursor, event.originator_id), effect_of(event.decision())
    escaped_on, until, closed_on = row["escaped_on"], row["newly_escaped_until"], row["window_closed_on"]
    if effect.window_until:
        escaped_on, until, closed_on = iso(event.effective_on), iso(effect.window_until), None
    elif effect.ends_windows and until and not closed_on:
        closed_on = iso(event.effective_on)
    update_row(
        cursor,
        TABLE,
        "household_id",
        row,
        standing=event.to_standing.value,
        standing_since=iso(event.effective_on),
        escaped_on=escaped_on,
        newly_escaped_until=until,
        window_closed_on=closed_on,
        version=event.originator_version,
    )


@HANDLERS.on(Household.DecisionCorrected)
def decision_corrected(cursor: Cursor, event: Household.DecisionCorrected, position: int) -> None:
    update(
        cursor,
        event.originator_id,
        standing=event.standing.value,
        standing_since=iso(event.standing_since),
        escaped_on=iso(event.escaped_on),
        newly_escaped_until=iso(event.newly_escaped_until),
        window_closed_on=iso(event.window_closed_on),
        version=event.originator_version,
    )


@HANDLERS.on(Household.MemberAdded, Household.MemberRemoved)
def members_counted(cursor: Cursor, event: Household.MemberAdded | Household.MemberRemoved, position: int) -> None:
    row = household_row(cursor, event.originator_id)
    change = 1 if isinstance(event, Household.MemberAdded) else -1
    update_row(cursor, TABLE, "household_id", row, members_count=row["members_count"] + change)


@HANDLERS.on(Household.Surveyed)
def surveyed(cursor: Cursor, event: Household.Surveyed, position: int) -> None:
    survey = event.survey
    update(
        cursor,
        event.originator_id,
        latest_survey_on=iso(survey.surveyed_on),
        latest_income=survey.income.per_capita_monthly,
        latest_b1_score=survey.income.b1_score,
        latest_b1_cutoff=survey.income.b1_cutoff,
        latest_deprived=len(survey.deprived),
        latest_class=survey.provisional_class.value,
        latest_standard=survey.standard_version,
    )


@HANDLERS.on(Household.AverageLivingRecognised)
def average_living_recognised(cursor: Cursor, event: Household.AverageLivingRecognised, position: int) -> None:
    occupation = event.determination.occupation.value
    update(cursor, event.originator_id, occupation=occupation, average_living_since=iso(event.effective_on))


@HANDLERS.on(Household.ReviewRequested)
def review_requested(cursor: Cursor, event: Household.ReviewRequested, position: int) -> None:
    update(cursor, event.originator_id, pending_request=event.form.value, pending_request_on=iso(event.effective_on))


@HANDLERS.on(Review.HouseholdListed)
def listed_for_review(cursor: Cursor, event: Review.HouseholdListed, position: int) -> None:
    """A household listed on its own request (not from the managed list) has its request taken up."""
    if event.listing_basis.value != "managed_list":
        update(cursor, event.household_id, pending_request=None, pending_request_on=None)


READ_MODEL = ReadModel("household_register", TABLES, HANDLERS, INDEXES)
