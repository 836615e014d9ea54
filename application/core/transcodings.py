"""How the ledger's value types are stored in events (eventsourcing.md §5: date and Enum need it)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from enum import Enum
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.acts import LegalBasis
from domain.deadlines import CalendarDeadline, ReminderRule
from domain.decisions import Standing
from domain.household import Member
from domain.loan import Programme
from domain.people import Allowance, Employment, MemberChange, Nutrition, Person, Sex
from domain.project import Component, ProjectStage
from domain.review import ListingBasis, Outcome, ReviewKind
from domain.standards import Area, IncomeEstimate, PovertyClass
from domain.survey import IncomeDetermination, Occupation, RequestForm, Survey
from domain.user import Role


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


def dataclass_transcoding(kind: type, stored_name: str) -> Transcoding:
    """A frozen dataclass stored as a dict of its fields; the stored name is schema and must never change."""

    class DataclassAsDict(Transcoding):
        type = kind
        name = stored_name

        def encode(self, obj: Any) -> dict[str, Any]:
            return {f.name: getattr(obj, f.name) for f in fields(obj)}

        def decode(self, data: dict[str, Any]) -> Any:
            return kind(**data)

    return DataclassAsDict()


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
    Sex: "sex",
    Employment: "employment",
    Allowance: "social_allowance",
    Nutrition: "nutrition",
    MemberChange: "member_change",
    PovertyClass: "poverty_class",
    Occupation: "occupation",
    ReviewKind: "review_kind",
    ListingBasis: "listing_basis",
    RequestForm: "request_form",
}

STORED_DATACLASSES = {
    Person: "person",
    IncomeEstimate: "income_estimate",
    Survey: "survey",
    IncomeDetermination: "income_determination",
    Outcome: "review_outcome",
    CalendarDeadline: "calendar_deadline",
}


def register_ledger_transcodings(transcoder: JSONTranscoder) -> None:
    transcoder.register(DateAsISO())
    transcoder.register(LegalBasisAsDict())
    transcoder.register(MemberAsDict())
    for enum_class, stored_name in STORED_ENUMS.items():
        transcoder.register(enum_transcoding(enum_class, stored_name))
    for kind, stored_name in STORED_DATACLASSES.items():
        transcoder.register(dataclass_transcoding(kind, stored_name))
