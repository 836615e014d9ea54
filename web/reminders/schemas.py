"""Request and response bodies of the reminders' API."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel


class AcknowledgementIn(BaseModel):
    note: str = ""
    command_id: str = ""


class ReminderOut(BaseModel):
    id: UUID
    rule: str
    subject_type: str
    subject_id: UUID
    subject_label: str
    hamlet: str
    recipient: str
    due_on: date
    notice_on: date
    late: bool
    issued_at: datetime
    acknowledged_by: str | None
    acknowledged_at: datetime | None
