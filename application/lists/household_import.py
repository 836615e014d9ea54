"""Importing the commune's existing household lists (its Excel books) into the ledger (issue 6 §4).

Every row is checked — the cells (application/lists/import_rows.py), the official's hamlets, the same household
twice in the file, and the transition itself by the household's own rules (domain/household.py) — before
anything is saved. A dry run (the default) only reports. `valid` commits the rows without errors; `all`
commits nothing unless every row is valid, and then the whole file in one transaction. The same file
imported again changes nothing: a household is found by its natural key (the commune's household code,
else hamlet + head's name + citizen ID), and a row whose household already stands so is left alone.

What a row records, by the importing user, is in application/lists/row_recording.py; the checks and the
plan made of the rows before anything is saved are in application/lists/import_planning.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from eventsourcing.persistence import IntegrityError

from application.audit.as_of_state import folded
from application.core.capability import CapabilityService
from application.core.errors import ConflictError, InvalidInputError
from application.core.ledger_core import CONFLICT_MESSAGE, LedgerCore
from application.households.cases import HouseholdCases
from application.lists.household_lists import HouseholdListCases
from application.lists.import_planning import ImportPlanner, Planned, Progress, natural_keys, unique_households
from application.lists.list_files import UnreadableFileError, header_and_rows, read_table
from application.lists.row_reader import RowError
from application.lists.row_recording import RowRecorder
from domain.household import Household
from domain.user import Actor

BATCH = 200


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


class HouseholdImportCases(CapabilityService):
    def __init__(self, core: LedgerCore, households: HouseholdCases, lists: HouseholdListCases) -> None:
        super().__init__(core)
        self.households = households
        self.lists = lists
        self.planner = ImportPlanner(core, RowRecorder(core, households))

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
        records = file_records(files)
        known = self._known_households()
        plans, errors = self.planner.plan(actor, records, known, progress)
        committed, position = self._commit(mode, plans, errors, progress)
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

    def _commit(
        self, mode: CommitMode | None, plans: list[Planned], errors: list[RowError], progress: Progress | None
    ) -> tuple[int, int | None]:
        """The rows committed and the log position after them; a row that lost a race joins the errors."""
        valid = unique_households(plans)
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
        return committed, position

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


def file_records(files: list[tuple[str, bytes]]) -> list[tuple[str, int, dict[str, str]]]:
    """Every row of every file, under its file's name; an unreadable file refuses the whole run."""
    records: list[tuple[str, int, dict[str, str]]] = []
    for file_name, content in files:
        try:
            records += [(file_name, n, cells) for n, cells in header_and_rows(read_table(file_name, content))[1]]
        except UnreadableFileError as error:
            message = f"{file_name}: {error}" if len(files) > 1 else str(error)
            raise InvalidInputError({"file": message}) from None
    return records
