"""Reminders of deadlines, issued once each by the sweep and acknowledged by the official."""

from __future__ import annotations

from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from domain.acts import SYSTEM_ACTOR, Act, DomainError, RecordedAggregate
from domain.deadlines import ReminderRule
from domain.formatting import vn_date


class ReminderRefusedError(DomainError):
    pass


def reminder_id(rule: ReminderRule, subject_id: UUID, due_on: date, notice_on: date) -> UUID:
    """The same deadline and notice date always give the same reminder, so it is issued once."""
    return uuid5(NAMESPACE_URL, f"/reminders/{rule.value}/{subject_id}/{due_on}/{notice_on}")


class Reminder(RecordedAggregate):
    class Issued(RecordedAggregate.Created):
        rule: ReminderRule
        subject_type: str
        subject_id: UUID
        subject_label: str
        commune: str
        hamlet: str
        due_on: date
        notice_on: date
        recipient: str
        late: bool

        def apply(self, reminder: Reminder) -> None:
            reminder.rule, reminder.subject_id, reminder.recipient = self.rule, self.subject_id, self.recipient
            reminder.due_on, reminder.notice_on, reminder.acknowledged_by = self.due_on, self.notice_on, None

    class Acknowledged(RecordedAggregate.Event):
        def apply(self, reminder: Reminder) -> None:
            reminder.acknowledged_by = self.actor

    @classmethod
    def issue(
        cls,
        rule: ReminderRule,
        subject_type: str,
        subject_id: UUID,
        subject_label: str,
        commune: str,
        hamlet: str,
        due_on: date,
        notice_on: date,
        recipient: str,
        today: date,
    ) -> Reminder:
        return cls._create(
            cls.Issued,
            id=reminder_id(rule, subject_id, due_on, notice_on),
            rule=rule,
            subject_type=subject_type,
            subject_id=subject_id,
            subject_label=subject_label,
            commune=commune,
            hamlet=hamlet,
            due_on=due_on,
            notice_on=notice_on,
            recipient=recipient,
            late=today > notice_on,
            actor=SYSTEM_ACTOR,
            actor_role=SYSTEM_ACTOR,
            effective_on=today,
        )

    def acknowledge(self, act: Act) -> None:
        if self.acknowledged_by:
            raise ReminderRefusedError(f"Nhắc việc đã được {self.acknowledged_by} xác nhận.")
        self.trigger_event(self.Acknowledged, **act.event_fields())

    def describe_due(self) -> str:
        return vn_date(self.due_on)
