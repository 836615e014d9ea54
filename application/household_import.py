"""Importing the commune's existing household lists (its Excel books) into the ledger (issue 6 §4).

Every row is checked — the cells (application/import_rows.py), the official's hamlets, the same household
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

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.persistence import IntegrityError

from application.as_of_state import folded
from application.errors import ConflictError, InvalidInputError
from application.household_lists import HouseholdListCases, ListKind, head_of
from application.import_rows import ImportRow, RowError, UnreadableFileError, header_and_rows, parse_row, read_table
from application.ledger import CONFLICT_MESSAGE
from domain.acts import Act, DomainError, LegalBasis
from domain.household import Household, Member, Standing
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


def natural_keys(household: Household) -> list[tuple[str, ...]]:
    head = head_of(household)
    name = " ".join(household.head_name.split()).casefold()
    keys: list[tuple[str, ...]] = [("identity", household.hamlet, name, head.citizen_id)]
    code = getattr(household, "code", "")
    return [("code", code.casefold()), *keys] if code else keys


class HouseholdImportCases(HouseholdListCases):
    def import_households(
        self,
        actor: Actor,
        file_name: str,
        content: bytes,
        mode: CommitMode | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        actor.require_writer()
        try:
            records = header_and_rows(read_table(file_name, content))[1]
        except UnreadableFileError as error:
            raise InvalidInputError({"file": str(error)}) from None
        known = self._known_households()
        plans, errors = self._plan(actor, file_name, records, known, progress)
        valid = [p for p in plans if p.household is not None]
        committed, position = 0, None
        if mode is CommitMode.ALL_OR_NOTHING and not errors:
            position = self._save_all(valid, progress)
            committed = len(valid)
        elif mode is CommitMode.VALID_ONLY:
            committed, position, conflicts = self._save_in_batches(valid, progress)
            errors.extend(conflicts)
        return ImportReport(
            file_name,
            mode,
            len(records),
            tuple(sorted(errors, key=lambda e: e.row)),
            sum(1 for p in plans if p.created),
            sum(1 for p in plans if p.household is not None and not p.created),
            sum(1 for p in plans if p.household is None),
            committed,
            position,
        )

    def _known_households(self) -> dict[tuple[str, ...], Household]:
        known: dict[tuple[str, ...], Household] = {}
        for events in self.household_events_until(self.store.recorder.max_notification_id() or 0).values():
            household = folded(events)
            for key in natural_keys(household):
                known.setdefault(key, household)
        return known

    def _plan(
        self,
        actor: Actor,
        file_name: str,
        records: list[tuple[int, dict[str, str]]],
        known: dict[tuple[str, ...], Household],
        progress: Progress | None,
    ) -> tuple[list[Planned], list[RowError]]:
        plans, errors, seen, claimed = [], [], {}, {}
        for done, (number, cells) in enumerate(records, start=1):
            row, row_errors = parse_row(number, cells, self.settings.hamlets)
            if row and row.key in seen:
                column = "Mã hộ" if row.code else "Họ tên chủ hộ"
                row_errors = [
                    RowError(number, column, f"Trùng với dòng {seen[row.key]}: cùng một hộ xuất hiện hai lần.")
                ]
            elif row:
                seen[row.key] = number
                row_errors = self._check_row(actor, row)
            if row and not row_errors:
                try:
                    plans.append(self._plan_row(actor, file_name, row, known, claimed))
                except RowRefusedError as error:
                    row_errors = [RowError(number, error.column, error.message)]
                except DomainError as error:
                    row_errors = [RowError(number, "Phân loại", error.message)]
            errors.extend(row_errors)
            if progress:
                progress("kiểm tra", done, len(records))
        return plans, errors

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
        claimed: dict[UUID, int],
    ) -> Planned:
        """Applies the row to the household in memory, by its own rules; nothing is saved here."""
        household = known.get(row.key) or (known.get(row.identity) if row.code else None)
        created = household is None
        if household is None:
            household = self._register(actor, file_name, row)
        elif household.hamlet != row.hamlet:
            raise RowRefusedError("Xóm", f"Hộ này đã có trong sổ ở xóm {household.hamlet}.")
        elif household.id in claimed:
            raise RowRefusedError("Họ tên chủ hộ", f"Trùng với dòng {claimed[household.id]}: cùng một hộ trong sổ.")
        claimed[household.id] = row.row
        changed = self._bring_to(actor, file_name, row, household)
        return Planned(row, household if created or changed else None, created)

    def _register(self, actor: Actor, file_name: str, row: ImportRow) -> Household:
        on = min(d for d in (row.recognised_on, row.escaped_on) if d)
        act = Act(
            actor.username,
            actor.role.value,
            on,
            LegalBasis(file_name, None, FILE_ISSUER),
            f"Nhập từ tệp {file_name}, dòng {row.row}",
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
            household.update_member(head_id(household.id), head, act)
        return household

    def _bring_to(self, actor: Actor, file_name: str, row: ImportRow, household: Household) -> bool:
        basis = (
            LegalBasis(row.decision_number, row.decision_on, row.issuer)
            if row.decision_number
            else LegalBasis(file_name, None, FILE_ISSUER)
        )
        act = Act(actor.username, actor.role.value, row.recognised_on, basis, row.note)
        grounds = self.grounds_on(row.recognised_on)
        if row.kind is ListKind.NEWLY_ESCAPED:
            return self._escape(actor, file_name, row, household, basis)
        if row.kind is ListKind.AVERAGE_LIVING:
            if household.average_living_since == row.recognised_on:
                return False
            standard = standard_on(row.recognised_on, self.standards)
            income_12_months = (row.income or 0) * 12 * len(household.people)
            determination = determine_income(row.occupation, income_12_months, 0, len(household.people), standard)  # type: ignore[arg-type]
            household.recognise_average_living(determination, standard, household.area, act)
            return True
        decided = PovertyClass.POOR if row.kind is ListKind.POOR else PovertyClass.NEAR_POOR
        return household.decide(decided, self.settings.poor_to_near_poor_starts_window, act, grounds)

    def _escape(self, actor: Actor, file_name: str, row: ImportRow, household: Household, basis: LegalBasis) -> bool:
        escaped_on = row.escaped_on or row.recognised_on
        if household.standing is Standing.ESCAPED_POVERTY and household.escaped_on == escaped_on:
            return False
        grounds = self.grounds_on(escaped_on)
        if household.standing is Standing.UNLISTED:
            before = Act(
                actor.username,
                actor.role.value,
                escaped_on,
                LegalBasis(file_name, None, FILE_ISSUER),
                "Hộ nghèo trước khi thoát nghèo; ngày công nhận hộ nghèo không có trong tệp nhập.",
            )
            household.recognise(Standing.POOR, before, grounds)
        act = Act(actor.username, actor.role.value, escaped_on, basis, row.note)
        household.escape_poverty(Standing.ESCAPED_POVERTY, True, act, grounds)
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
        self.views.catch_up()
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
                        conflicts.append(RowError(plan.row.row, "Họ tên chủ hộ", CONFLICT_MESSAGE))
            if progress:
                progress("ghi", min(start + BATCH, len(plans)), len(plans))
        self.views.catch_up()
        return saved, position, conflicts


def head_id(household_id: UUID) -> UUID:
    return uuid5(NAMESPACE_URL, f"/households/{household_id}/members/0")
