"""How each household's events change the dashboard's rows: its registration, its decisions in force, its
surveys' flags and its members' facts."""

from __future__ import annotations

from typing import Any

from application.plan.dashboard_view.tables import SURVEY_FLAGS
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from application.readmodels.tables import iso
from domain.household import Household, first_members
from domain.people import Person

DECISIONS = (
    Household.RecognisedPoor,
    Household.RecognisedNearPoor,
    Household.EscapedPoverty,
    Household.EscapedNearPoverty,
    Household.FellBackIntoPoverty,
)

HANDLERS = Handlers()


@HANDLERS.on(Household.Registered)
def registered(cursor: Cursor, event: Household.Registered, position: int) -> None:
    household_id = str(event.originator_id)
    cursor.execute(
        "INSERT INTO view_dashboard_households VALUES (?, ?, ?, ?)",
        (household_id, event.hamlet, iso(event.effective_on), position),
    )
    for member_id, person in first_members(event.originator_id, event.head_name, event.members).items():
        row = person_row(member_id, person, household_id)
        cursor.execute("INSERT INTO view_dashboard_people VALUES (?, ?, ?, ?, ?, ?, ?)", row)


@HANDLERS.on(*DECISIONS)
def decided(cursor: Cursor, event: Household.Transition, position: int) -> None:
    cursor.execute(
        "INSERT INTO view_dashboard_decisions VALUES (?, ?, ?, ?)",
        (str(event.originator_id), event.originator_version, iso(event.effective_on), event.to_standing.value),
    )


@HANDLERS.on(Household.DecisionCorrected)
def decision_corrected(cursor: Cursor, event: Household.DecisionCorrected, position: int) -> None:
    key = (str(event.originator_id), event.corrected_version)
    if event.void:
        cursor.execute("DELETE FROM view_dashboard_decisions WHERE household_id = ? AND version = ?", key)
    elif event.new_effective_on:
        cursor.execute(
            "UPDATE view_dashboard_decisions SET effective_on = ? WHERE household_id = ? AND version = ?",
            (iso(event.new_effective_on), *key),
        )


@HANDLERS.on(Household.Surveyed)
def surveyed(cursor: Cursor, event: Household.Surveyed, position: int) -> None:
    flags = tuple(int(event.survey.is_deprived(indicator)) for indicator in SURVEY_FLAGS)
    cursor.execute(
        "INSERT INTO view_dashboard_surveys VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (str(event.originator_id), event.originator_version, iso(event.survey.surveyed_on), *flags),
    )


@HANDLERS.on(Household.MemberAdded)
def member_added(cursor: Cursor, event: Household.MemberAdded, position: int) -> None:
    row = person_row(event.member_id, event.person, event.originator_id)
    cursor.execute("INSERT INTO view_dashboard_people VALUES (?, ?, ?, ?, ?, ?, ?)", row)


@HANDLERS.on(Household.MemberDetailsRecorded)
def member_updated(cursor: Cursor, event: Household.MemberDetailsRecorded, position: int) -> None:
    member_id, household_id, *facts = person_row(event.member_id, event.person, event.originator_id)
    cursor.execute(
        "UPDATE view_dashboard_people SET born_on = ?, birth_year = ?, employment = ?, health_insurance = ?,"
        " in_school = ? WHERE member_id = ?",
        (*facts, member_id),
    )


@HANDLERS.on(Household.MemberRemoved)
def member_removed(cursor: Cursor, event: Household.MemberRemoved, position: int) -> None:
    cursor.execute("DELETE FROM view_dashboard_people WHERE member_id = ?", (str(event.member_id),))


def person_row(member_id: object, person: Person, household_id: object) -> tuple[Any, ...]:
    return (
        str(member_id),
        str(household_id),
        iso(person.born_on),
        person.birth_year,
        person.employment.value if person.employment else None,
        flag(person.health_insurance),
        flag(person.in_school),
    )


def flag(value: bool | None) -> int | None:
    return None if value is None else int(value)
