"""Use cases for surveys (phiếu B), average-living income, requests, and the what-if of another standard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID, uuid4

from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError
from application.core.ledger_core import Entry, LedgerCore, Recorded
from application.households.cases import HouseholdCases
from domain.acts import Act
from domain.household import Household
from domain.review import Review
from domain.standards import Area, IncomeEstimate, PovertyClass, PovertyStandard, classify, standard_on
from domain.survey import Occupation, RequestForm, SurveyAnswers, conduct_survey, determine_income
from domain.user import Actor


@dataclass(frozen=True)
class WhatIfRow:
    household_id: UUID
    hamlet: str
    head_name: str
    surveyed_on: date
    surveyed_under: str
    current_class: PovertyClass
    what_if_class: PovertyClass

    @property
    def changes(self) -> bool:
        return self.current_class is not self.what_if_class


class SurveyCases(CapabilityService):
    def __init__(self, core: LedgerCore, households: HouseholdCases) -> None:
        super().__init__(core)
        self.households = households

    def record_survey(
        self, actor: Actor, household_id: UUID, answers: SurveyAnswers, entry: Entry, review_id: UUID | None = None
    ) -> Recorded:
        """Classifies under the standard in force on the survey date and records which one it was."""
        if previous := self.core.previous(entry.command_id):
            return previous
        household = self.core.load(Household, household_id, entry.expected_version)
        actor.require_hamlet(household.hamlet)
        self.core.require_not_future(entry.effective_on)
        standard = standard_on(entry.effective_on, self.standards)
        act = self.core.act(actor, entry)
        survey = conduct_survey(
            uuid4(),
            list(household.people.values()),
            household,
            answers,
            entry.effective_on,
            standard,
            self.indicator_rules,
            review_id,
        )
        household.record_survey(survey, act)
        if review_id is None:
            return self.core.record(entry, household.id, household)
        review = self.core.load(Review, review_id)
        review.note_survey(household.id, survey.survey_id, survey.provisional_class, standard.version, act)
        return self.core.record(entry, household.id, household, review)

    def recognise_average_living(
        self,
        actor: Actor,
        household_id: UUID,
        occupation: Occupation,
        income_12_months: int,
        social_allowances: int,
        entry: Entry,
    ) -> Recorded:
        """Decision 24/2021/QĐ-TTg, Art. 6: an agricultural, forestry, fishery or salt household."""
        standard = standard_on(entry.effective_on, self.standards)

        def recognise(household: Household, act: Act) -> None:
            determination = determine_income(
                occupation, income_12_months, social_allowances, len(household.people), standard
            )
            household.recognise_average_living(determination, standard, household.area, act)

        return self.households.change_household(actor, household_id, entry, recognise)

    def submit_request(
        self, actor: Actor, household_id: UUID, form: RequestForm, reason: str, channel: str, entry: Entry
    ) -> Recorded:
        return self.households.change_household(
            actor, household_id, entry, lambda h, act: h.request_review(form, reason, channel, act)
        )

    def standard(self, version: str) -> PovertyStandard:
        for standard in self.standards:
            if standard.version == version:
                return standard
        raise InvalidInputError({"standard": f"Không có chuẩn nghèo “{version}”."})

    def what_if(self, version: str) -> list[WhatIfRow]:
        """Every household's latest survey classified again under another standard."""
        other = self.standard(version)
        with self.views.reading() as cursor:
            rows = cursor.all(
                "SELECT * FROM view_households WHERE latest_survey_on IS NOT NULL ORDER BY hamlet, head_name"
            )
        return [self._what_if_row(row, other) for row in rows]

    def _what_if_row(self, row: dict[str, Any], other: PovertyStandard) -> WhatIfRow:
        income = IncomeEstimate(row["latest_income"], row["latest_b1_score"], row["latest_b1_cutoff"])
        return WhatIfRow(
            UUID(row["household_id"]),
            row["hamlet"],
            row["head_name"],
            date.fromisoformat(row["latest_survey_on"]),
            row["latest_standard"],
            PovertyClass(row["latest_class"]),
            classify(other, Area(row["area"]), income, int(row["latest_deprived"])),
        )
