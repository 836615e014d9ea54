"""The commune's household lists on a day: poor, near-poor, newly escaped, average-living agricultural.

Each list is folded from the stored events up to one log position, signed for an export (issue 6 §3), and
laid out in the columns the import reads back (application/lists/import_rows.py), so exporting the lists and
importing them into an empty ledger reproduces them. Decisions count as in force on the day (the
"effective" axis of application/audit/as_of.py), corrections included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from application.audit.as_of import REGISTERED_TOPIC, AsOfQueries
from application.audit.as_of_state import HouseholdOnDay, Recording, folded, household_on, in_force_on, recording
from application.audit.chain import Link
from application.audit.checkpoints import REPORT_EXPORT
from application.audit.tamper_evidence import TamperEvidenceCases
from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError
from application.core.ledger_core import LedgerCore
from application.households.personal_data import mask_number, sees_personal_data
from domain.decisions import Standing
from domain.formatting import vn_date
from domain.household import Household
from domain.people import Person, Sex
from domain.standards import Area
from domain.survey import Occupation
from domain.user import Actor

PAGE = 1000


class ListKind(Enum):
    POOR = "poor"
    NEAR_POOR = "near_poor"
    NEWLY_ESCAPED = "newly_escaped"
    AVERAGE_LIVING = "average_living"


# The list titles, and the "Phân loại" of each row (read back by the import).
LIST_TITLES = {
    ListKind.POOR: "Danh sách hộ nghèo",
    ListKind.NEAR_POOR: "Danh sách hộ cận nghèo",
    ListKind.NEWLY_ESCAPED: "Danh sách hộ mới thoát nghèo (trong 36 tháng)",
    ListKind.AVERAGE_LIVING: "Danh sách hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình",
}
CLASS_NAMES = {
    ListKind.POOR: "Hộ nghèo",
    ListKind.NEAR_POOR: "Hộ cận nghèo",
    ListKind.NEWLY_ESCAPED: "Hộ mới thoát nghèo",
    ListKind.AVERAGE_LIVING: "Hộ có mức sống trung bình",
}
AREA_NAMES = {Area.RURAL: "Nông thôn", Area.URBAN: "Thành thị"}
SEX_NAMES = {Sex.MALE: "Nam", Sex.FEMALE: "Nữ"}
OCCUPATION_NAMES = {
    Occupation.AGRICULTURE: "Nông nghiệp",
    Occupation.FORESTRY: "Lâm nghiệp",
    Occupation.FISHERY: "Ngư nghiệp",
    Occupation.SALT: "Diêm nghiệp",
}
COLUMNS = (
    "STT",
    "Mã hộ",
    "Xóm",
    "Họ tên chủ hộ",
    "Số CCCD chủ hộ",
    "Ngày sinh chủ hộ",
    "Giới tính",
    "Địa chỉ",
    "Khu vực",
    "Phân loại",
    "Ngày công nhận",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan ban hành",
    "Thoát nghèo ngày",
    "Hết 36 tháng ngày",
    "Số nhân khẩu",
    "Ngành nghề",
    "Thu nhập bình quân (đồng/người/tháng)",
    "Ghi chú",
)


@dataclass(frozen=True)
class ListRow:
    household_id: UUID
    code: str
    hamlet: str
    head_name: str
    citizen_id: str
    born: str  # dd/mm/yyyy, or the year alone when only the year is known
    sex: str
    address: str
    area: str
    classification: str
    recognised_on: date | None
    decision_number: str
    decision_on: date | None
    issuer: str
    escaped_on: date | None
    window_ends_on: date | None
    members: int
    occupation: str
    income: int | None
    note: str

    def cells(self, number: int) -> list[object]:
        return [
            number,
            self.code,
            self.hamlet,
            self.head_name,
            self.citizen_id,
            self.born,
            self.sex,
            self.address,
            self.area,
            self.classification,
            vn_date(self.recognised_on),
            self.decision_number,
            vn_date(self.decision_on),
            self.issuer,
            vn_date(self.escaped_on),
            vn_date(self.window_ends_on),
            self.members,
            self.occupation,
            self.income,
            self.note,
        ]


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


def list_kind(value: str) -> ListKind:
    try:
        return ListKind(value)
    except ValueError:
        raise InvalidInputError({"kind": f"Không có danh sách “{value}”."}) from None


def head_of(household: Household) -> Person:
    head_id = uuid5(NAMESPACE_URL, f"/households/{household.id}/members/0")
    people = household.people
    return people.get(head_id) or next((p for p in people.values() if p.relation == "chủ hộ"), Person(""))


def born_text(person: Person) -> str:
    if person.born_on:
        return vn_date(person.born_on)
    return str(person.birth_year) if person.birth_year else ""


def average_living_event(events: Sequence[Any], day: date) -> Household.AverageLivingRecognised | None:
    found = [e for e in events if isinstance(e, Household.AverageLivingRecognised) and e.effective_on <= day]
    return found[-1] if found else None


def belongs(kind: ListKind, state: HouseholdOnDay, average: Household.AverageLivingRecognised | None) -> bool:
    if kind is ListKind.POOR:
        return state.standing is Standing.POOR
    if kind is ListKind.NEAR_POOR:
        return state.standing is Standing.NEAR_POOR
    if kind is ListKind.NEWLY_ESCAPED:
        return state.newly_escaped
    # Decision 24/2021/QĐ-TTg, Art. 6: determined from 12 months' income; never a poor or near-poor household.
    return average is not None and state.standing not in (Standing.POOR, Standing.NEAR_POOR)


def list_row(kind: ListKind, events: Sequence[Any], state: HouseholdOnDay, day: date, actor: Actor) -> ListRow:
    household: Household = in_force_on(events, day)
    head = head_of(household)
    average = average_living_event(events, day)
    decision: Any = average if kind is ListKind.AVERAGE_LIVING else state.decision
    if kind is ListKind.NEWLY_ESCAPED:
        decision = escape_decision(events, state)
    basis = decision.basis if decision else None
    # A near-poor household still within 36 months of escaping poverty (it escaped into near-poverty, or fell
    # back into it) shows its escape date too: it is also on the newly-escaped list, and the import needs it.
    within = kind is ListKind.NEWLY_ESCAPED or (kind is ListKind.NEAR_POOR and state.newly_escaped)
    window = state.window if within else None
    shown = sees_personal_data(actor, household.hamlet)
    determination = average.determination if average and kind is ListKind.AVERAGE_LIVING else None
    return ListRow(
        household.id,
        getattr(household, "code", ""),
        household.hamlet,
        household.head_name,
        head.citizen_id if shown else mask_number(head.citizen_id),
        born_text(head),
        SEX_NAMES.get(head.sex, "") if head.sex else "",
        getattr(household, "address", ""),
        AREA_NAMES[household.area],
        CLASS_NAMES[kind],
        decision.effective_on if decision else None,
        basis.number if basis else "",
        basis.issued_on if basis else None,
        basis.issuer if basis else "",
        window.starts_on if window else None,
        window.ends_on if window else None,
        state.members_count,
        OCCUPATION_NAMES[determination.occupation] if determination else "",
        determination.per_capita_monthly if determination else None,
        decision.note if decision else "",
    )


def escape_decision(events: Sequence[Any], state: HouseholdOnDay) -> Recording | None:
    """The decision that opened the household's 36 months (the newly-escaped list's decision), with its
    corrected date and basis; a later decision (a fall back into near-poverty) is on the near-poor list."""
    household = folded(events)
    starts_on = state.window.starts_on if state.window else None
    opening = next(
        (d for d in reversed(getattr(household, "decisions", [])) if d.starts_window and d.effective_on == starts_on),
        None,
    )
    transition = next((e for e in events if opening and e.originator_version == opening.version), None)
    if opening is None or transition is None:
        return state.decision
    return replace(recording(transition), effective_on=opening.effective_on, basis=opening.basis)


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
