"""The commune's household lists on a day: poor, near-poor, newly escaped, average-living agricultural.

Each list is folded from the stored events up to one log position, signed for an export (issue 6 §3), and
laid out in the columns the import reads back (application/lists/import_rows.py), so exporting the lists and
importing them into an empty ledger reproduces them. Decisions count as in force on the day (the
"effective" axis of application/audit/as_of.py), corrections included.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from application.audit.as_of import REGISTERED_TOPIC, AsOfQueries
from application.audit.as_of_state import household_on
from application.audit.chain import Link
from application.audit.checkpoints import REPORT_EXPORT
from application.audit.tamper_evidence import TamperEvidenceCases
from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError
from application.core.ledger_core import LedgerCore
from application.lists.list_layout import LIST_TITLES, ListKind
from application.lists.list_rows import ListRow, average_living_event, belongs, list_row
from domain.formatting import vn_date
from domain.user import Actor

PAGE = 1000


@dataclass(frozen=True)
class HouseholdList:
    kind: ListKind
    commune: str
    on: date
    hamlet: str
    rows: tuple[ListRow, ...]
    stamp: Link  # the log position the list was built from and the chain's hash there

    @property
    def title(self) -> str:
        return LIST_TITLES[self.kind]

    def preamble(self) -> list[list[object]]:
        scope = f"xóm {self.hamlet}" if self.hamlet else "toàn xã"
        return [
            [f"Xã {self.commune}"],
            [f"{self.title} – {scope}"],
            [f"Tính đến ngày {vn_date(self.on)}"],
            [f"Lập từ sổ đến bản ghi số {self.stamp.position}, mã băm {self.stamp.hash}"],
        ]

    def table(self) -> list[list[object]]:
        return [row.cells(number) for number, row in enumerate(self.rows, start=1)]


class HouseholdListCases(CapabilityService):
    def __init__(self, core: LedgerCore, history: AsOfQueries, tamper_evidence: TamperEvidenceCases) -> None:
        super().__init__(core)
        self.history = history
        self.tamper_evidence = tamper_evidence

    def household_list_on(
        self, actor: Actor, kind: ListKind, on: date | None = None, hamlet: str = "", signed: bool = False
    ) -> HouseholdList:
        """The list on the day (default today); `signed` signs a checkpoint for an export file."""
        day = self.history.as_of(on or self.today()).on
        if hamlet and hamlet not in self.settings.hamlets:
            raise InvalidInputError({"hamlet": f"Xóm “{hamlet}” không thuộc xã {self.settings.commune}."})
        stamp = self.tamper_evidence.export_stamp(REPORT_EXPORT) if signed else self.tamper_evidence.chain_up()
        rows = []
        for events in self.household_events_until(stamp.position).values():
            state = household_on(events, day)
            if not state.known or (hamlet and state.hamlet != hamlet) or events[0].effective_on > day:
                continue
            if belongs(kind, state, average_living_event(events, day)):
                rows.append(list_row(kind, events, state, day, actor))
        rows.sort(key=lambda r: (self._hamlet_order(r.hamlet), r.head_name, r.code))
        return HouseholdList(kind, self.settings.commune, day, hamlet, tuple(rows), stamp)

    def _hamlet_order(self, hamlet: str) -> int:
        hamlets = self.settings.hamlets
        return hamlets.index(hamlet) if hamlet in hamlets else len(hamlets)

    def household_events_until(self, last: int) -> dict[str, list[Any]]:
        """Every household's events up to the position, in log order; nothing else is decoded."""
        events: dict[str, list[Any]] = defaultdict(list)
        start = 1
        while start <= last:
            page = self.store.recorder.select_notifications(start, PAGE, stop=last)
            if not page:
                break
            for notification in page:
                key = str(notification.originator_id)
                if notification.topic == REGISTERED_TOPIC or key in events:
                    events[key].append(self.store.mapper.to_domain_event(notification))
            start = page[-1].id + 1
        return events
