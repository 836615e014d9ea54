"""Where events stored under an old name find their class: the one map of renamed event topics.

A stored event names its class by topic (`module:QualName`, eventsourcing.md §1.3); renaming or moving
a class is a migration (style.md §5). Every rename is listed here, old topic → new class, and registered
with eventsourcing's `register_topic` by the module that defines the class, when it is imported. The state
fields kept their names, so no upcaster is needed.

Issue 11 §6 (Household in one module, its events nested; CRUD-like names replaced):
    domain.people:MemberAdded               → domain.household:Household.MemberAdded
    domain.people:MemberUpdated             → domain.household:Household.MemberDetailsRecorded
    domain.people:MemberRemoved             → domain.household:Household.MemberRemoved
    domain.survey:Surveyed                  → domain.household:Household.Surveyed
    domain.survey:AverageLivingRecognised   → domain.household:Household.AverageLivingRecognised
    domain.survey:ReviewRequested           → domain.household:Household.ReviewRequested
    domain.user:User.EmailSet               → domain.user:User.EmailAddressGiven
    domain.plan:AnnualPlan.AssignmentsChanged → domain.plan:AnnualPlan.HamletOfficialsReassigned
"""

from __future__ import annotations

from eventsourcing.utils import get_topic, register_topic

RENAMED_TOPICS = {
    "domain.people:MemberAdded": "domain.household:Household.MemberAdded",
    "domain.people:MemberUpdated": "domain.household:Household.MemberDetailsRecorded",
    "domain.people:MemberRemoved": "domain.household:Household.MemberRemoved",
    "domain.survey:Surveyed": "domain.household:Household.Surveyed",
    "domain.survey:AverageLivingRecognised": "domain.household:Household.AverageLivingRecognised",
    "domain.survey:ReviewRequested": "domain.household:Household.ReviewRequested",
    "domain.user:User.EmailSet": "domain.user:User.EmailAddressGiven",
    "domain.plan:AnnualPlan.AssignmentsChanged": "domain.plan:AnnualPlan.HamletOfficialsReassigned",
}

# The audit log names an event by its qualified name (its `action`): the old name → the new one.
RENAMED_ACTIONS = {old.split(":")[1]: new.split(":")[1] for old, new in RENAMED_TOPICS.items()}


def register_renamed(aggregate: type) -> None:
    """Maps every old topic of the aggregate's renamed events to its class; fails on import if one is missing."""
    prefix = f"{get_topic(aggregate)}."
    for old, new in RENAMED_TOPICS.items():
        if new.startswith(prefix):
            register_topic(old, event_class(aggregate, new.removeprefix(prefix)))


def event_class(aggregate: type, name: str) -> type:
    found = getattr(aggregate, name, None)
    if not isinstance(found, type):
        raise LookupError(f"{aggregate.__qualname__}.{name}: renamed in domain/topics.py but not defined")
    return found
