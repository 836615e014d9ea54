"""Use cases for households: register, recognise, escape, fall back; lists and pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError
from application.core.ledger_core import Entry, Recorded
from application.readmodels.rows import from_row
from domain import bounds
from domain.acts import Act
from domain.household import Area, Household, Member, Standing
from domain.people import Person
from domain.standards import NO_GROUNDS, Grounds
from domain.survey import IncomeDetermination, Survey
from domain.user import Actor


@dataclass(frozen=True)
class HouseholdListItem:
    household_id: UUID
    hamlet: str
    head_name: str
    area: Area
    members_count: int
    standing: Standing
    standing_since: date | None
    newly_escaped_until: date | None
    window_closed_on: date | None


@dataclass(frozen=True)
class HouseholdSummary:
    household_id: UUID
    version: int
    commune: str
    hamlet: str
    head_name: str
    members: tuple[tuple[UUID, Person], ...]
    area: Area
    standing: Standing
    escaped_on: date | None
    newly_escaped_until: date | None
    window_closed_on: date | None
    newly_escaped_today: bool
    history: tuple[tuple[date, Standing], ...] = ()
    latest_survey: Survey | None = None
    average_living: IncomeDetermination | None = None
    average_living_since: date | None = None
    code: str = ""  # the commune's household code (mã hộ), when its books have one
    address: str = ""


class HouseholdCases(CapabilityService):
    def register_household(
        self,
        actor: Actor,
        hamlet: str,
        head_name: str,
        members: list[Member],
        area: Area,
        entry: Entry,
        code: str = "",
        address: str = "",
    ) -> Recorded:
        if previous := self.core.previous(entry.command_id):
            return previous
        hamlet = bounds.line(hamlet, "hamlet", "Xóm", required=True)
        errors = {}
        if hamlet not in self.settings.hamlets:
            errors["hamlet"] = f"Xóm “{hamlet}” không thuộc xã {self.settings.commune}."
        if not head_name.strip():
            errors["head_name"] = "Hãy nhập họ tên chủ hộ."
        if errors:
            raise InvalidInputError(errors)
        actor.require_hamlet(hamlet)
        self.core.require_not_future(entry.effective_on)
        household = Household.register(
            self.settings.commune,
            hamlet,
            head_name.strip(),
            members,
            area,
            self.core.act(actor, entry),
            code.strip(),
            address.strip(),
        )
        return self.core.record(entry, household.id, household)

    def recognise_household(self, actor: Actor, household_id: UUID, standing: Standing, entry: Entry) -> Recorded:
        grounds = self.grounds_on(entry.effective_on)
        return self.change_household(actor, household_id, entry, lambda h, act: h.recognise(standing, act, grounds))

    def record_escape(
        self, actor: Actor, household_id: UUID, from_standing: Standing, entry: Entry, becomes_near_poor: bool = False
    ) -> Recorded:
        """Escape from poverty (poor → out, or poor → near-poor) or from near-poverty."""
        if from_standing is Standing.NEAR_POOR:
            grounds = self.grounds_on(entry.effective_on)
            return self.change_household(actor, household_id, entry, lambda h, act: h.escape_near_poverty(act, grounds))
        to = Standing.NEAR_POOR if becomes_near_poor else Standing.ESCAPED_POVERTY
        starts_window = to is Standing.ESCAPED_POVERTY or self.settings.poor_to_near_poor_starts_window
        grounds = self.grounds_on(entry.effective_on)
        return self.change_household(
            actor, household_id, entry, lambda h, act: h.escape_poverty(to, starts_window, act, grounds)
        )

    def record_relapse(self, actor: Actor, household_id: UUID, into: Standing, entry: Entry) -> Recorded:
        grounds = self.grounds_on(entry.effective_on)
        return self.change_household(actor, household_id, entry, lambda h, act: h.fall_back(into, act, grounds))

    def grounds_on(self, day: date) -> Grounds:
        """The standard in force on the decision's effective date, named on the recognition it grounds."""
        standard = next((s for s in self.standards if s.in_force_on(day)), None)
        return Grounds(standard.version, standard.basis) if standard else NO_GROUNDS

    def change_household(
        self, actor: Actor, household_id: UUID, entry: Entry, change: Callable[[Household, Act], object]
    ) -> Recorded:
        if previous := self.core.previous(entry.command_id):
            return previous
        household = self.core.load(Household, household_id, entry.expected_version)
        actor.require_hamlet(household.hamlet)
        self.core.require_not_future(entry.effective_on)
        change(household, self.core.act(actor, entry))
        return self.core.record(entry, household.id, household)

    def household_summary(self, household_id: UUID) -> HouseholdSummary:
        household = self.core.load(Household, household_id)
        return HouseholdSummary(
            household.id,
            household.version,
            household.commune,
            household.hamlet,
            household.head_name,
            tuple(household.people.items()),
            household.area,
            household.standing,
            household.escaped_on,
            household.newly_escaped_until,
            household.window_closed_on,
            household.is_newly_escaped_on(self.today()),
            tuple(household.history),
            household.latest_survey,
            household.average_living,
            household.average_living_since,
            household.code,
            household.address,
        )

    def household_list(
        self, hamlet: str = "", standing: Standing | None = None, search: str = ""
    ) -> list[HouseholdListItem]:
        sql = "SELECT * FROM view_households WHERE 1 = 1"
        params: list[object] = []
        if hamlet:
            sql, params = sql + " AND hamlet = ?", [*params, hamlet]
        if standing:
            sql, params = sql + " AND standing = ?", [*params, standing.value]
        with self.views.reading() as cursor:
            rows = cursor.all(sql + " ORDER BY hamlet, head_name", params)
        # Matched here, not with SQL lower()/LIKE: SQLite lowercases only ASCII, so "Đặng" never matched.
        needle = search.strip().lower()
        return [from_row(HouseholdListItem, row) for row in rows if needle in row["head_name"].lower()]
