"""Receipts of submitted forms, so a form submitted twice records its act once."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from domain import bounds


def receipt_id(command_id: str) -> UUID:
    # Checked before hashing: a lone surrogate cannot be encoded, a NUL has no place in a form's id.
    bounds.line(command_id, "command_id", "Mã lệnh", bounds.COMMAND_ID)
    return uuid5(NAMESPACE_URL, f"/commands/{command_id}")


class CommandReceipt(Aggregate):
    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        subject_id: UUID

    class Received(Aggregate.Created):
        subject_id: UUID

        def apply(self, receipt: CommandReceipt) -> None:
            receipt.subject_id = self.subject_id

    @classmethod
    def receive(cls, command_id: str, subject_id: UUID) -> CommandReceipt:
        return cls._create(cls.Received, id=receipt_id(command_id), subject_id=subject_id)
