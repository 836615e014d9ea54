"""Checking every row of an import and applying it, in memory, to its household before anything is saved.

The checks: the cells (application/lists/import_rows.py), the official's hamlets, the same household twice in
the file, and the transition itself by the household's own rules (application/lists/row_recording.py). A
household is found by its natural key (the commune's household code, else hamlet + head's name + citizen ID),
and a row whose household already stands so plans nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, replace
from uuid import UUID

from application.core.capability import CapabilityService
from application.core.ledger_core import LedgerCore
from application.lists.import_rows import ImportRow, parse_row
from application.lists.list_layout import ListKind
from application.lists.list_rows import head_of
from application.lists.row_reader import RowError
from application.lists.row_recording import RowRecorder
from domain.acts import DomainError
from domain.household import Household
from domain.user import Actor

Progress = Callable[[str, int, int], None]  # stage ("kiểm tra" | "ghi"), rows done, rows in all


class RowRefusedError(DomainError):
    """A row that cannot be applied, with the column to point at."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


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


class ImportPlanner(CapabilityService):
    def __init__(self, core: LedgerCore, rows: RowRecorder) -> None:
        super().__init__(core)
        self.rows = rows

    def plan(
        self,
        actor: Actor,
        records: list[tuple[str, int, dict[str, str]]],
        known: dict[tuple[str, ...], Household],
        progress: Progress | None,
    ) -> tuple[list[Planned], list[RowError]]:
        parsed, errors = self._checked_rows(actor, records)
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

    def _checked_rows(
        self, actor: Actor, records: list[tuple[str, int, dict[str, str]]]
    ) -> tuple[list[tuple[str, ImportRow]], list[RowError]]:
        """The rows whose cells pass, under their file's name, and every faulty cell of the others."""
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
        return parsed, errors

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
            household = self.rows.register(actor, file_name, row)
        elif found.hamlet != row.hamlet:
            raise RowRefusedError("Xóm", f"Hộ này đã có trong sổ ở xóm {found.hamlet}.")
        elif (file_name, found.id) in claimed:
            message = f"Trùng với dòng {claimed[file_name, found.id]}: cùng một hộ trong sổ."
            raise RowRefusedError("Họ tên chủ hộ", message)
        else:
            household = copy.deepcopy(found)
        changed = self.rows.bring_to(actor, file_name, row, household)
        claimed[file_name, household.id] = row.row
        if found is None or changed:
            for key in {*natural_keys(household), row.key}:
                known[key] = household
        return Planned(row, household if found is None or changed else None, found is None, file_name)


def unique_households(plans: list[Planned]) -> list[Planned]:
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
