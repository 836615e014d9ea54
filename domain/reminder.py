"""Reminders of deadlines: issued once each by the sweep, acknowledged or resolved by the official,
escalated to the supervisor when ignored, and e-mailed at most once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, UUID, uuid5

from domain import bounds
from domain.acts import SYSTEM_ACTOR, Act, DomainError, RecordedAggregate
from domain.deadlines import Notice, ReminderRule


class ReminderRefusedError(DomainError):
    pass


@dataclass(frozen=True)
class Deadline:
    """One obligation: what is due, about whom, when."""

    rule: ReminderRule
    subject_type: str
    subject_id: UUID
    subject_label: str
    commune: str
    hamlet: str
    due_on: date


def reminder_id(rule: ReminderRule, subject_id: UUID, due_on: date, notice_on: date) -> UUID:
    """The same deadline and notice date always give the same reminder, so it is issued once."""
    return uuid5(NAMESPACE_URL, f"/reminders/{rule.value}/{subject_id}/{due_on}/{notice_on}")


def escalation_id(ignored: UUID) -> UUID:
    return uuid5(NAMESPACE_URL, f"/reminders/{ignored}/escalation")


class Reminder(RecordedAggregate):
    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        rule: ReminderRule
        subject_id: UUID
        recipient: str
        due_on: date
        notice_on: date
        acknowledged_by: str | None
        resolved_by: str | None
        email: tuple[str, int] | None

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
        escalated: bool = field(default=False, kw_only=True)
        escalated_from: UUID | None = field(default=None, kw_only=True)

        def apply(self, reminder: Reminder) -> None:
            reminder.rule, reminder.subject_id, reminder.recipient = self.rule, self.subject_id, self.recipient
            reminder.due_on, reminder.notice_on = self.due_on, self.notice_on
            reminder.acknowledged_by = reminder.resolved_by = None
            reminder.email = None

    class Acknowledged(RecordedAggregate.Event):
        def apply(self, reminder: Reminder) -> None:
            reminder.acknowledged_by = self.actor

    class Resolved(RecordedAggregate.Event):
        """The obligation is met or settled; the note says how."""

        def apply(self, reminder: Reminder) -> None:
            reminder.resolved_by = self.actor
            reminder.acknowledged_by = reminder.acknowledged_by or self.actor

    class EmailAttempted(RecordedAggregate.Event):
        address: str
        attempt: int

        def apply(self, reminder: Reminder) -> None:
            reminder.email = ("attempting", self.attempt)

    class Emailed(RecordedAggregate.Event):
        address: str
        message_id: str

        def apply(self, reminder: Reminder) -> None:
            reminder.email = ("sent", reminder.email[1] if reminder.email else 1)

    class EmailFailed(RecordedAggregate.Event):
        address: str
        attempt: int
        error: str

        def apply(self, reminder: Reminder) -> None:
            reminder.email = ("failed", self.attempt)

    @classmethod
    def issue(cls, deadline: Deadline, notice: Notice, recipient: str, today: date) -> Reminder:
        return cls._create(
            cls.Issued,
            id=reminder_id(deadline.rule, deadline.subject_id, deadline.due_on, notice.notice_on),
            **deadline_fields(deadline),
            notice_on=notice.notice_on,
            recipient=recipient,
            late=today > notice.notice_on,
            escalated=notice.escalated,
            **system_act(today),
        )

    @classmethod
    def escalate(cls, ignored_id: UUID, deadline: Deadline, supervisor: str, notice_on: date, today: date) -> Reminder:
        """A reminder left unacknowledged goes up to the supervisor, once."""
        return cls._create(
            cls.Issued,
            id=escalation_id(ignored_id),
            **deadline_fields(deadline),
            notice_on=notice_on,
            recipient=supervisor,
            late=today > notice_on,
            escalated=True,
            escalated_from=ignored_id,
            **system_act(today),
        )

    def acknowledge(self, act: Act) -> None:
        if self.acknowledged_by:
            raise ReminderRefusedError(f"Nhắc việc đã được {self.acknowledged_by} xác nhận.")
        self.trigger_event(self.Acknowledged, **act.event_fields())

    def resolve(self, act: Act) -> None:
        if self.resolved_by:
            raise ReminderRefusedError(f"Việc đã được {self.resolved_by} ghi nhận hoàn thành.")
        if not act.note.strip():
            raise ReminderRefusedError("Hãy ghi rõ việc đã được giải quyết thế nào.")
        self.trigger_event(self.Resolved, **act.event_fields())

    def claim_email(self, address: str, today: date) -> int:
        """Marks the e-mail as being sent before sending, so no two senders send it, and a send cut
        short by a crash is never repeated blindly: only a failure the server reported is retried."""
        state, attempts = self.email or ("", 0)
        if state in ("sent", "attempting"):
            raise ReminderRefusedError("Thư nhắc việc đã gửi hoặc đang gửi.")
        self.trigger_event(self.EmailAttempted, address=address, attempt=attempts + 1, **system_act(today))
        return attempts + 1

    def record_emailed(self, address: str, message_id: str, today: date) -> None:
        message_id = bounds.printable(message_id, bounds.DOCUMENT_NUMBER)
        self.trigger_event(self.Emailed, address=address, message_id=message_id, **system_act(today))

    def record_email_failure(self, address: str, attempt: int, error: str, today: date) -> None:
        self.trigger_event(
            self.EmailFailed, address=address, attempt=attempt, error=bounds.printable(error, 500), **system_act(today)
        )


def deadline_fields(deadline: Deadline) -> dict[str, object]:
    return {
        "rule": deadline.rule,
        "subject_type": deadline.subject_type,
        "subject_id": deadline.subject_id,
        "subject_label": deadline.subject_label,
        "commune": deadline.commune,
        "hamlet": deadline.hamlet,
        "due_on": deadline.due_on,
    }


def system_act(today: date) -> dict[str, object]:
    return {"actor": SYSTEM_ACTOR, "actor_role": SYSTEM_ACTOR, "effective_on": today}
