"""How the ledger's value types are stored in events (eventsourcing.md §5: date and Enum need it)."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.acts import LegalBasis
from domain.deadlines import ReminderRule
from domain.household import Area, Member, Standing
from domain.loan import Programme
from domain.project import Component, ProjectStage
from domain.user import Role


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class LegalBasisAsDict(Transcoding):
    type = LegalBasis
    name = "legal_basis"

    def encode(self, obj: LegalBasis) -> dict[str, Any]:
        return {"number": obj.number, "issued_on": obj.issued_on, "issuer": obj.issuer}

    def decode(self, data: dict[str, Any]) -> LegalBasis:
        return LegalBasis(**data)


class MemberAsDict(Transcoding):
    type = Member
    name = "member"

    def encode(self, obj: Member) -> dict[str, Any]:
        return {"full_name": obj.full_name, "relation": obj.relation, "birth_year": obj.birth_year}

    def decode(self, data: dict[str, Any]) -> Member:
        return Member(**data)


def enum_transcoding(enum_class: type[Enum], stored_name: str) -> Transcoding:
    """One transcoding per Enum class; the stored name is schema and must never change."""

    class EnumAsValue(Transcoding):
        type = enum_class
        name = stored_name

        def encode(self, obj: Enum) -> Any:
            return obj.value

        def decode(self, data: Any) -> Enum:
            return enum_class(data)

    return EnumAsValue()


STORED_ENUMS = {
    Area: "area",
    Standing: "standing",
    Programme: "loan_programme",
    Component: "project_component",
    ProjectStage: "project_stage",
    ReminderRule: "reminder_rule",
    Role: "role",
}


def register_ledger_transcodings(transcoder: JSONTranscoder) -> None:
    transcoder.register(DateAsISO())
    transcoder.register(LegalBasisAsDict())
    transcoder.register(MemberAsDict())
    for enum_class, stored_name in STORED_ENUMS.items():
        transcoder.register(enum_transcoding(enum_class, stored_name))
