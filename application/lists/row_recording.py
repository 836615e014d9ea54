"""What a checked row records in its household, in memory, by the household's own rules (domain/household.py).

The registration (basis: the file; the head's citizen ID, birth and sex; the other members as "Nhân khẩu n
(chưa rõ họ tên)" for the officials to complete), then the recognition with the row's decision as basis (the
file when the row names none) and its note. A newly escaped row is recorded as poor (basis: the file) then
escaped on its date, so the 36 months run as in the commune's books; an average-living row as the income
determination the row's per-capita income gives. Nothing is saved here.
"""

from __future__ import annotations

from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from application.core.capability import CapabilityService
from application.core.ledger_core import LedgerCore
from application.households.cases import HouseholdCases
from application.lists.import_rows import ImportRow
from application.lists.list_layout import ListKind
from domain.acts import Act, LegalBasis
from domain.decisions import Standing
from domain.household import Household, Member
from domain.people import Person
from domain.standards import PovertyClass, standard_on
from domain.survey import determine_income
from domain.user import Actor

FILE_ISSUER = "Tệp nhập danh sách hộ"


class RowRecorder(CapabilityService):
    def __init__(self, core: LedgerCore, households: HouseholdCases) -> None:
        super().__init__(core)
        self.households = households

    def register(self, actor: Actor, file_name: str, row: ImportRow) -> Household:
        on = min(d for d in (row.recognised_on, row.escaped_on) if d)
        act = Act(
            actor.username,
            actor.role.value,
            on,
            LegalBasis(file_name, None, FILE_ISSUER),
            f"Nhập từ tệp {file_name}, dòng {row.row}",
            days=self.admissible_days(),
        )
        members = [Member(f"Nhân khẩu {n} (chưa rõ họ tên)", "") for n in range(2, row.members + 1)]
        household = Household.register(
            self.settings.commune,
            row.hamlet,
            row.head_name,
            members,
            row.area,
            act,
            row.code,
            row.address,
            uuid5(NAMESPACE_URL, "/imports/households/" + "/".join(row.key)),
        )
        if row.citizen_id or row.born_on or row.birth_year or row.sex:
            head = Person(row.head_name, "chủ hộ", row.sex, row.born_on, row.birth_year, citizen_id=row.citizen_id)
            household.record_member_details(head_id(household.id), head, act)
        return household

    def bring_to(self, actor: Actor, file_name: str, row: ImportRow, household: Household) -> bool:
        basis = (
            LegalBasis(row.decision_number, row.decision_on, row.issuer)
            if row.decision_number
            else LegalBasis(file_name, None, FILE_ISSUER)
        )
        act = Act(actor.username, actor.role.value, row.recognised_on, basis, row.note, days=self.admissible_days())
        grounds = self.households.grounds_on(row.recognised_on)
        if row.kind is ListKind.NEWLY_ESCAPED:
            return self._escape(actor, file_name, row, household, basis)
        if row.kind is ListKind.NEAR_POOR and row.escaped_on and not has_window(household, row.escaped_on):
            return self._near_poor_after_escape(actor, file_name, row, household, act)
        if row.kind is ListKind.AVERAGE_LIVING:
            if household.average_living_since == row.recognised_on:
                return False
            standard = standard_on(row.recognised_on, self.standards)
            income_12_months = (row.income or 0) * 12 * len(household.people)
            assert row.occupation is not None  # check_kind requires it of an average-living row
            determination = determine_income(row.occupation, income_12_months, 0, len(household.people), standard)
            household.recognise_average_living(determination, standard, household.area, act)
            return True
        decided = PovertyClass.POOR if row.kind is ListKind.POOR else PovertyClass.NEAR_POOR
        return household.decide(decided, self.settings.poor_to_near_poor_starts_window, act, grounds)

    def _escape(self, actor: Actor, file_name: str, row: ImportRow, household: Household, basis: LegalBasis) -> bool:
        escaped_on = row.escaped_on or row.recognised_on
        if has_window(household, escaped_on):  # the ledger (or another list of the run) has this escape
            return False
        self._poor_before(actor, file_name, household, escaped_on)
        act = Act(actor.username, actor.role.value, escaped_on, basis, row.note, days=self.admissible_days())
        household.escape_poverty(Standing.ESCAPED_POVERTY, True, act, self.households.grounds_on(escaped_on))
        return True

    def _poor_before(self, actor: Actor, file_name: str, household: Household, escaped_on: date) -> None:
        if household.standing is Standing.UNLISTED:
            before = Act(
                actor.username,
                actor.role.value,
                escaped_on,
                LegalBasis(file_name, None, FILE_ISSUER),
                "Hộ nghèo trước khi thoát nghèo; ngày công nhận hộ nghèo không có trong tệp nhập.",
                days=self.admissible_days(),
            )
            household.recognise(Standing.POOR, before, self.households.grounds_on(escaped_on))

    def _near_poor_after_escape(
        self, actor: Actor, file_name: str, row: ImportRow, household: Household, act: Act
    ) -> bool:
        """A near-poor row still within 36 months of an escape from poverty ("Thoát nghèo ngày" filled):
        either the escape itself made it near-poor (poor → near-poor, counted as an escape when the
        commune's setting says so), or it escaped and fell back into near-poverty, which keeps the window
        open (domain/household.py). The escape's own decision is on the newly-escaped list; this row has
        only its date, so when that list is not imported with it the escape's basis is the file."""
        escaped_on = row.escaped_on
        assert escaped_on is not None
        self._poor_before(actor, file_name, household, escaped_on)
        grounds = self.households.grounds_on(row.recognised_on)
        if escaped_on == row.recognised_on:
            household.escape_poverty(Standing.NEAR_POOR, True, act, grounds)
            return True
        escape = Act(
            actor.username,
            actor.role.value,
            escaped_on,
            LegalBasis(file_name, None, FILE_ISSUER),
            "Thoát nghèo; quyết định thoát nghèo không có trong tệp nhập.",
            days=self.admissible_days(),
        )
        household.escape_poverty(Standing.ESCAPED_POVERTY, True, escape, self.households.grounds_on(escaped_on))
        household.fall_back(Standing.NEAR_POOR, act, grounds)
        return True


def has_window(household: Household, escaped_on: date) -> bool:
    return any(window.starts_on == escaped_on for window in household.windows)


def head_id(household_id: UUID) -> UUID:
    return uuid5(NAMESPACE_URL, f"/households/{household_id}/members/0")
