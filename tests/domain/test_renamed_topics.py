"""Events stored before issue 11 under their old names (module-level member and survey events, User.EmailSet,
AnnualPlan.AssignmentsChanged) still load, into the renamed classes nested in their aggregates, with the same
state. The stored records were written by the code of commit 3693068 (fixtures/write_events_of_3693068.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder, StoredEvent

from application.core.transcodings import register_ledger_transcodings
from domain.household import Household
from domain.people import Employment, MemberChange
from domain.plan import AnnualPlan
from domain.survey import Occupation, RequestForm
from domain.topics import RENAMED_ACTIONS, RENAMED_TOPICS
from domain.user import User, user_id

OLD_EVENTS = json.loads((Path(__file__).parent / "fixtures" / "events_of_3693068.json").read_text(encoding="utf-8"))
HOUSEHOLD_ID = UUID("6f1c2a4e-0000-4000-8000-000000000001")


class Book(Application[UUID]):
    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_ledger_transcodings(transcoder)


def book_of_old_events() -> Book:
    book = Book()
    records = [
        StoredEvent(UUID(e["originator_id"]), e["originator_version"], e["topic"], e["state"].encode("utf-8"))
        for e in OLD_EVENTS
    ]
    book.recorder.insert_events(records)
    return book


def loaded(originator_id: UUID) -> list[Any]:
    return list(book_of_old_events().events.get(originator_id))


def test_the_old_member_and_survey_events_load_as_the_households_nested_events() -> None:
    events = loaded(HOUSEHOLD_ID)

    assert [type(e).__qualname__ for e in events] == [
        "Household.Registered",
        "Household.MemberAdded",
        "Household.MemberDetailsRecorded",
        "Household.MemberAdded",
        "Household.MemberRemoved",
        "Household.Surveyed",
        "Household.AverageLivingRecognised",
        "Household.ReviewRequested",
    ]


def test_a_member_updated_before_the_rename_keeps_the_facts_recorded() -> None:
    [updated] = [e for e in loaded(HOUSEHOLD_ID) if isinstance(e, Household.MemberDetailsRecorded)]

    assert (updated.person.full_name, updated.person.born_on) == ("Trần Thị Bình", date(1980, 2, 29))
    assert (updated.person.employment, updated.person.health_insurance) == (Employment.SELF_EMPLOYED, True)
    assert (updated.effective_on, updated.actor) == (date(2024, 3, 1), "chutich")


def test_a_household_written_by_the_old_code_rebuilds_to_the_same_members_survey_and_requests() -> None:
    household = book_of_old_events().repository.get(HOUSEHOLD_ID)

    assert sorted(p.full_name for p in household.people.values()) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert household.latest_survey.evidence == {"housing_quality": "nhà tạm"}
    assert (household.average_living.occupation, household.average_living_since) == (
        Occupation.FISHERY,
        date(2024, 6, 1),
    )
    assert household.requests == [(RequestForm.REVIEW, date(2024, 7, 1))]


def test_a_member_removed_before_the_rename_keeps_its_reason() -> None:
    [removed] = [e for e in loaded(HOUSEHOLD_ID) if isinstance(e, Household.MemberRemoved)]

    assert removed.change is MemberChange.MIGRATION


def test_an_email_address_set_before_the_rename_is_the_address_given() -> None:
    user = book_of_old_events().repository.get(user_id("diachinh"))

    assert isinstance(loaded(user.id)[-1], User.EmailAddressGiven)
    assert user.email == "diachinh@haihoa.gov.vn"


def test_assignments_changed_before_the_rename_are_the_hamlet_officials_reassigned() -> None:
    plan_id = UUID(next(e["originator_id"] for e in OLD_EVENTS if e["topic"].startswith("domain.plan:")))

    plan = book_of_old_events().repository.get(plan_id)

    assert isinstance(loaded(plan_id)[-1], AnnualPlan.HamletOfficialsReassigned)
    assert (plan.official_of("Xuân Hà"), plan.official_of("Tân Hùng")) == ("vanhoa", "diachinh")


def test_every_old_topic_of_the_fixture_is_declared_renamed() -> None:
    old_topics = {e["topic"] for e in OLD_EVENTS} - {
        "domain.household:Household.Registered",
        "domain.user:User.Registered",
        "domain.plan:AnnualPlan.Issued",
    }

    assert old_topics == set(RENAMED_TOPICS)
    assert RENAMED_ACTIONS["MemberUpdated"] == "Household.MemberDetailsRecorded"
