"""Importing the commune's existing household lists (its Excel books) into the ledger (issue 6 §4).

Every row is checked — the cells (application/lists/import_rows.py), the official's hamlets, the same household
twice in the file, and the transition itself by the household's own rules (domain/household.py) — before
anything is saved. A dry run (the default) only reports. `valid` commits the rows without errors; `all`
commits nothing unless every row is valid, and then the whole file in one transaction. The same file
imported again changes nothing: a household is found by its natural key (the commune's household code,
else hamlet + head's name + citizen ID), and a row whose household already stands so is left alone.

What a row records, by the importing user: the registration (basis: the file; the head's citizen ID, birth
and sex; the other members as "Nhân khẩu n (chưa rõ họ tên)" for the officials to complete), then the
recognition with the row's decision as basis (the file when the row names none) and its note. A newly
escaped row is recorded as poor (basis: the file) then escaped on its date, so the 36 months run as in the
commune's books; an average-living row as the income determination the row's per-capita income gives.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.persistence import IntegrityError

from application.audit.as_of_state import folded
from application.core.capability import CapabilityService
from application.core.errors import ConflictError, InvalidInputError
from application.core.ledger_core import CONFLICT_MESSAGE, LedgerCore
from application.households.cases import HouseholdCases
from application.lists.household_lists import HouseholdListCases
from application.lists.import_rows import ImportRow, parse_row
from application.lists.list_files import UnreadableFileError, header_and_rows, read_table
from application.lists.list_layout import ListKind
from application.lists.list_rows import head_of
from application.lists.row_reader import RowError
from domain.acts import Act, DomainError, LegalBasis
from domain.decisions import Standing
from domain.household import Household, Member
from domain.people import Person
from domain.standards import PovertyClass, standard_on
from domain.survey import determine_income
from domain.user import Actor

BATCH = 200
FILE_ISSUER = "Tệp nhập danh sách hộ"
Progress = Callable[[str, int, int], None]  # stage ("kiểm tra" | "ghi"), rows done, rows in all


class RowRefusedError(DomainError):
    """A row that cannot be applied, with the column to point at."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


class CommitMode(Enum):
    VALID_ONLY = "valid"  # commit the rows without errors
    ALL_OR_NOTHING = "all"  # commit nothing unless every row is valid


@dataclass(frozen=True)
class ImportReport:
    file_name: str
    mode: CommitMode | None  # None: a dry run
    rows: int
    errors: tuple[RowError, ...]
    created: int  # households new to the ledger (counted among the valid rows, committed or not)
    changed: int  # households already in the ledger whose standing the row changes
    unchanged: int  # rows the ledger already shows as they are
    committed: int  # rows whose events were saved
    position: int | None  # the log position after the commit

    @property
    def dry_run(self) -> bool:
        return self.mode is None

    @property
    def rows_with_errors(self) -> int:
        return len({error.row for error in self.errors})


@dataclass
class Planned:
    row: ImportRow
    household: Household | None  # None: nothing to record
    created: bool
    file_name: str = ""


# Rows of one day are applied in this order: a household that escaped poverty into near-poverty, still
# within its 36 months, is on both the near-poor and the newly-escaped list with the same decision.
KIND_ORDER = {kind: order for order, kind in enumerate(ListKind)}


def natural_keys(household: Household) -> list[tuple[str, ...]]:
    head = head_of(household)
    name = " ".join(household.head_name.split()).casefold()
    keys: list[tuple[str, ...]] = [("identity", household.hamlet, name, head.citizen_id)]
    code = getattr(household, "code", "")
    return [("code", code.casefold()), *keys] if code else keys


class HouseholdImportCases(CapabilityService):
    def __init__(self, core: LedgerCore, households: HouseholdCases, lists: HouseholdListCases) -> None:
        super().__init__(core)
        self.households = households
        self.lists = lists

    def import_households(
        self,
        actor: Actor,
        file_name: str,
        content: bytes,
        mode: CommitMode | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        return self.import_household_files(actor, [(file_name, content)], mode, progress)

    def import_household_files(
        self,
        actor: Actor,
        files: list[tuple[str, bytes]],
        mode: CommitMode | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Several lists in one run (e.g. the four exported lists): their rows are applied in the order of
        their decisions' dates, whatever the order of the files, so a household on two lists (newly escaped
        and average-living, or near-poor within its 36 months) comes out as it was."""
        actor.require_writer()
        records: list[tuple[str, int, dict[str, str]]] = []
        for file_name, content in files:
            try:
                records += [(file_name, n, cells) for n, cells in header_and_rows(read_table(file_name, content))[1]]
            except UnreadableFileError as error:
                message = f"{file_name}: {error}" if len(files) > 1 else str(error)
                raise InvalidInputError({"file": message}) from None
        known = self._known_households()
        plans, errors = self._plan(actor, records, known, progress)
        valid = self._unique_households(plans)
        changing = [p.household.id for p in plans if p.household is not None]
        committed, position = 0, None
        if mode is CommitMode.ALL_OR_NOTHING and not errors:
            position = self._save_all(valid, progress)
            committed = len(changing)  # rows, a household on two lists counting twice
        elif mode is CommitMode.VALID_ONLY:
            _, position, conflicts = self._save_in_batches(valid, progress)
            errors.extend(conflicts)
            at = conflicts_at(conflicts)
            lost = {p.household.id for p in valid if p.household and (p.file_name, p.row.row) in at}
            committed = sum(1 for household_id in changing if household_id not in lost)
        order = {name: index for index, (name, _) in enumerate(files)}
        return ImportReport(
            ", ".join(name for name, _ in files),
            mode,
            len(records),
            tuple(sorted(errors, key=lambda e: (order.get(e.file, 0), e.row))),
            sum(1 for p in plans if p.created),
            sum(1 for p in plans if p.household is not None and not p.created),
            sum(1 for p in plans if p.household is None),
            committed,
            position,
        )

    def _known_households(self) -> dict[tuple[str, ...], Household]:
        known: dict[tuple[str, ...], Household] = {}
        for events in self.lists.household_events_until(self.store.recorder.max_notification_id() or 0).values():
            household = folded(events)
            for key in natural_keys(household):
                known.setdefault(key, household)
        return known

    def _plan(
        self,
        actor: Actor,
        records: list[tuple[str, int, dict[str, str]]],
        known: dict[tuple[str, ...], Household],
        progress: Progress | None,
    ) -> tuple[list[Planned], list[RowError]]:
        parsed: list[tuple[str, ImportRow]] = []
        errors: list[RowError] = []
        seen: dict[tuple[str, tuple[str, ...]], int] = {}
        for file_name, number, cells in records:
            row, row_errors = parse_row(number, cells, self.settings.hamlets)
            if row and (file_name, row.key) in seen:
                column = "Mã hộ" if row.code else "Họ tên chủ hộ"
                message = f"Trùng với dòng {seen[file_name, row.key]}: cùng một hộ xuất hiện hai lần."
                row_errors = [RowError(number, column, message)]
            elif row:
                seen[file_name, row.key] = number
                row_errors = self._check_row(actor, row)
            if row and not row_errors:
                parsed.append((file_name, row))
            errors += [replace(e, file=file_name) for e in row_errors]
        # A household's decisions in the order they took effect, across the files (see KIND_ORDER).
        parsed.sort(key=lambda pair: (pair[1].recognised_on, KIND_ORDER[pair[1].kind]))
        plans: list[Planned] = []
        claimed: dict[tuple[str, UUID], int] = {}
        for done, (file_name, row) in enumerate(parsed, start=1):
            try:
                plans.append(self._plan_row(actor, file_name, row, known, claimed))
            except RowRefusedError as error:
                errors.append(RowError(row.row, error.column, error.message, file_name))
            except DomainError as error:
                errors.append(RowError(row.row, "Phân loại", error.message, file_name))
            if progress:
                progress("kiểm tra", done, len(parsed))
        return plans, errors

    @staticmethod
    def _unique_households(plans: list[Planned]) -> list[Planned]:
        """One plan per household to save (the last, which holds every row's events), in first-row order."""
        last: dict[UUID, Planned] = {}
        for plan in plans:
            if plan.household is not None:
                last[plan.household.id] = plan
        firsts: dict[UUID, None] = {}
        for plan in plans:
            if plan.household is not None:
                firsts.setdefault(plan.household.id)
        return [last[household_id] for household_id in firsts]

    def _check_row(self, actor: Actor, row: ImportRow) -> list[RowError]:
        if not actor.may_record_in(row.hamlet):
            return [RowError(row.row, "Xóm", f"Bạn không được phân công phụ trách xóm {row.hamlet}.")]
        dates = {
            "Ngày công nhận": row.recognised_on,
            "Ngày quyết định": row.decision_on,
            "Thoát nghèo ngày": row.escaped_on,
        }
        return [
            RowError(row.row, column, "Ngày không được sau ngày hôm nay.")
            for column, day in dates.items()
            if day and day > self.today()
        ]

    def _plan_row(
        self,
        actor: Actor,
        file_name: str,
        row: ImportRow,
        known: dict[tuple[str, ...], Household],
        claimed: dict[tuple[str, UUID], int],
    ) -> Planned:
        """Applies the row to the household in memory, by its own rules; nothing is saved here. A household
        an earlier row of the run created or changed is found again (another list may hold it too); the row
        works on a copy, so a refused row leaves it as the earlier rows made it."""
        found = known.get(row.key) or (known.get(row.identity) if row.code else None)
        if found is None:
            household = self._register(actor, file_name, row)
        elif found.hamlet != row.hamlet:
            raise RowRefusedError("Xóm", f"Hộ này đã có trong sổ ở xóm {found.hamlet}.")
        elif (file_name, found.id) in claimed:
            message = f"Trùng với dòng {claimed[file_name, found.id]}: cùng một hộ trong sổ."
            raise RowRefusedError("Họ tên chủ hộ", message)
        else:
            household = copy.deepcopy(found)
        changed = self._bring_to(actor, file_name, row, household)
        claimed[file_name, household.id] = row.row
        if found is None or changed:
            for key in {*natural_keys(household), row.key}:
                known[key] = household
        return Planned(row, household if found is None or changed else None, found is None, file_name)

    def _register(self, actor: Actor, file_name: str, row: ImportRow) -> Household:
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

    def _bring_to(self, actor: Actor, file_name: str, row: ImportRow, household: Household) -> bool:
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

    def _save_all(self, plans: list[Planned], progress: Progress | None) -> int | None:
        """All or nothing: the whole file in one transaction."""
        if not plans:
            return None
        try:
            recordings = self.store.save(*(p.household for p in plans))
        except IntegrityError:
            raise ConflictError(CONFLICT_MESSAGE) from None
        if progress:
            progress("ghi", len(plans), len(plans))
        self.views.catch_up_after_write()
        return recordings[-1].notification.id if recordings else None

    def _save_in_batches(
        self, plans: list[Planned], progress: Progress | None
    ) -> tuple[int, int | None, list[RowError]]:
        saved, position, conflicts = 0, None, []
        for start in range(0, len(plans), BATCH):
            batch = plans[start : start + BATCH]
            try:
                recordings = self.store.save(*(p.household for p in batch))
                saved, position = saved + len(batch), recordings[-1].notification.id if recordings else position
            except IntegrityError:  # someone recorded one of these households meanwhile: row by row
                for plan in batch:
                    try:
                        position = self.store.save(plan.household)[-1].notification.id
                        saved += 1
                    except IntegrityError:
                        conflicts.append(RowError(plan.row.row, "Họ tên chủ hộ", CONFLICT_MESSAGE, plan.file_name))
            if progress:
                progress("ghi", min(start + BATCH, len(plans)), len(plans))
        self.views.catch_up_after_write()
        return saved, position, conflicts


def conflicts_at(conflicts: list[RowError]) -> set[tuple[str, int]]:
    return {(error.file, error.row) for error in conflicts}


def has_window(household: Household, escaped_on: date) -> bool:
    return any(window.starts_on == escaped_on for window in household.windows)


def head_id(household_id: UUID) -> UUID:
    return uuid5(NAMESPACE_URL, f"/households/{household_id}/members/0")
