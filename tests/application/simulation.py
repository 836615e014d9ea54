"""Four years of the reminder engine, day by day (issue 4, point 6).

`simulate` walks a FixedClock from 01/03/2023 to 28/02/2027 (29/02/2024 included). Each morning the
schedulers sweep, two ledgers on one SQLite file released together by a barrier, except in downtime
windows; then the officials record the acts the script sets for that day through the use cases, and
acknowledge or resolve some reminders of their inboxes. Every act is also written to a log of facts.

From that log alone, `expected_obligations` and `expected_reminders` state what the sweep should have
done: the deadlines (36 months after an escape, a loan's term, a project's end, the calendar), the
days each was open (a fall back cancels, an amendment moves, a review or a resolved reminder settles),
and for every reminder date the first sweep that saw its deadline open: that sweep issues it, late
when it ran after the reminder date. Months are added here with this module's own arithmetic; the
tests also check the clamped dates against literal ones.
"""

from __future__ import annotations

import calendar
import random
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from threading import Barrier
from uuid import UUID

from application.core.ledger_core import Entry
from application.core.settings import Settings
from application.ledger import Ledger
from application.reminders.inbox import ReminderItem
from application.reminders.obligations import ObligationItem
from application.reminders.obligations_view.table import commune_subject
from application.reminders.sweep import SweepReport
from domain.deadlines import ReminderRule, ReminderSchedule
from domain.household import Area, Standing
from domain.loan import Programme
from domain.project import Component
from domain.reminder import Reminder, escalation_id, reminder_id
from domain.user import Actor
from tests.conftest import FixedClock, seed_users
from tests.postgres import throwaway_database

FIRST, LAST = date(2023, 3, 1), date(2027, 2, 28)
DAY = timedelta(days=1)
REGISTERED_ON = date(2020, 1, 6)
XUAN_HA, XUAN_DAI_DONG, TAN_HUNG = "Xuân Hà", "Xuân Đài Đông", "Tân Hùng"
HAMLETS = (XUAN_HA, XUAN_DAI_DONG, TAN_HUNG)
# Who answers for a hamlet's deadlines (tests/conftest.py seed_users); Tân Hùng has no official: the vice-chair.
OFFICIAL = {XUAN_HA: "diachinh", XUAN_DAI_DONG: "vanhoa", TAN_HUNG: "phochutich"}
SUPERVISOR = {"diachinh": "phochutich", "vanhoa": "phochutich", "phochutich": "chutich", "chutich": ""}
CHAIR = "chutich"
WINDOW, LOAN_WINDOW = ReminderRule.NEWLY_ESCAPED_WINDOW_END, ReminderRule.ESCAPED_LOAN_WINDOW_END
PROJECT, LOAN_DUE = ReminderRule.PROJECT_FINAL_REVIEW, ReminderRule.LOAN_DUE
# Each day, the chance that a reminder still waiting in an inbox is acknowledged: officials often let one
# wait past the escalation delay; the chair reads the commune's calendar reminders sooner.
ACKNOWLEDGE_CHANCE = {CHAIR: 0.5, "phochutich": 0.25, "diachinh": 0.2, "vanhoa": 0.2}
# The chance that the reminder of a deadline's own day is answered by settling it (resolve_reminder).
SETTLE_ON_THE_DAY = {
    LOAN_DUE: 0.7,
    WINDOW: 0.5,
    LOAN_WINDOW: 0.5,
    ReminderRule.MONTHLY_REPORT: 0.8,
    ReminderRule.REGULAR_REVIEW_STARTS: 0.8,
    ReminderRule.ANNUAL_REVIEW_OPENS: 0.8,
    ReminderRule.ANNUAL_REVIEW_CLOSES: 0.8,
}
SETTLED = "Đã thực hiện xong."
LOAN_TERMS = (1, 2, 3, 6, 9, 12, 18, 24)

# The scripted households and projects whose dates are clamped (the tests check them against literal dates).
LEAP_ESCAPE = "Trần Thị Nhuận"  # escapes 29/02/2024: the window ends 28/02/2027
MARCH_ESCAPE = "Lê Văn Ba Mốt"  # escapes 31/03/2023
NOVEMBER_ESCAPE = "Phạm Thị Ba Mươi"  # escapes 30/11/2023
RELAPSE = "Đỗ Văn Tái"  # escaped 31/01/2023 (recorded 01/03/2023), falls back 10/01/2026
REOPENED = "Vũ Thị Hai Tám"  # escapes 28/02/2024, falls back and escapes again 29/02/2024: same window end
BORROWER = "Hoàng Văn Vay"  # poor; loans granted 31/01/2024, 31/03/2024, 31/01/2025 (1 month), 30/11/2025 (3)
LEAP_PROJECT = "Nuôi bò sinh sản"  # starts 31/01/2023, 13 months; amended 30/06/2023 to 25 months
MOVED_PROJECT = "Trồng cói"  # starts 31/03/2023, 12 months; amended 10/02/2024 to 18 months
SHORT_PROJECT = "Nuôi gà thả vườn"  # starts 31/08/2023, 6 months: ends 29/02/2024


def months_later(day: date, months: int) -> date:
    """The same day so many months later, or that month's last day (Civil Code 2015, Art. 148)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += DAY


def random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


# --- The script: what the officials record, and on which day ------------------------------------------


@dataclass(frozen=True)
class Step:
    recorded_on: date
    kind: str
    name: str  # the household's head or the project, as the script names it
    effective_on: date
    months: int = 0
    hamlet: str = ""
    into: Standing = Standing.POOR
    programme: Programme = Programme.POOR
    starts_on: date | None = None
    households: tuple[str, ...] = ()
    responsible: str = ""
    repaid_when_reminded: bool = False


def register(name: str, hamlet: str) -> Step:
    return Step(FIRST, "register", name, REGISTERED_ON, hamlet=hamlet)


def poor(name: str, hamlet: str = XUAN_HA, since: date = date(2021, 12, 15)) -> list[Step]:
    return [register(name, hamlet), Step(FIRST, "poor", name, since)]


def escape(name: str, on: date, recorded_on: date | None = None) -> Step:
    return Step(recorded_on or on, "escape", name, on)


def loan(name: str, on: date, months: int, programme: Programme = Programme.POOR, repaid: bool = False) -> Step:
    return Step(on, "loan", name, on, months, programme=programme, repaid_when_reminded=repaid)


def project(
    name: str, household: str, hamlet: str, responsible: str, approved_on: date, starts_on: date, months: int
) -> list[Step]:
    """A project of one household, proposed by the official in charge and approved by the chair the same day."""
    return [
        register(household, hamlet),
        Step(approved_on, "propose", name, approved_on, households=(household,), responsible=responsible),
        Step(approved_on, "approve", name, approved_on, months, starts_on=starts_on),
    ]


def scripted_cases() -> list[Step]:
    """Acts effective on 29/02, 31/01, 31/03, 30/11 and 31/08, so month ends and the leap day clamp."""
    return [
        *poor(LEAP_ESCAPE),
        escape(LEAP_ESCAPE, date(2024, 2, 29)),
        *poor(MARCH_ESCAPE, XUAN_DAI_DONG),
        escape(MARCH_ESCAPE, date(2023, 3, 31)),
        *poor(NOVEMBER_ESCAPE, TAN_HUNG),
        escape(NOVEMBER_ESCAPE, date(2023, 11, 30)),
        *poor(RELAPSE),
        escape(RELAPSE, date(2023, 1, 31), recorded_on=FIRST),
        Step(date(2026, 1, 10), "fall_back", RELAPSE, date(2026, 1, 10)),
        *poor(REOPENED),
        escape(REOPENED, date(2024, 2, 28)),
        Step(date(2024, 2, 29), "fall_back", REOPENED, date(2024, 2, 29)),
        escape(REOPENED, date(2024, 2, 29)),
        *poor(BORROWER, XUAN_DAI_DONG),
        loan(BORROWER, date(2024, 1, 31), 1),
        loan(BORROWER, date(2024, 3, 31), 1),
        loan(BORROWER, date(2025, 1, 31), 1),
        loan(BORROWER, date(2025, 11, 30), 3),
        *project(LEAP_PROJECT, "Nguyễn Văn Bò", XUAN_HA, "diachinh", FIRST, date(2023, 1, 31), 13),
        Step(date(2023, 6, 30), "amend", LEAP_PROJECT, date(2023, 6, 30), 25),
        Step(date(2025, 5, 20), "review", LEAP_PROJECT, date(2025, 5, 20)),
        *project(MOVED_PROJECT, "Trần Văn Cói", XUAN_DAI_DONG, "vanhoa", date(2023, 3, 31), date(2023, 3, 31), 12),
        Step(date(2024, 2, 10), "amend", MOVED_PROJECT, date(2024, 2, 10), 18),
        *project(SHORT_PROJECT, "Lê Thị Gà", TAN_HUNG, "phochutich", date(2023, 8, 31), date(2023, 8, 31), 6),
    ]


def poor_household_story(rng: random.Random, name: str, hamlet: str) -> list[Step]:
    """Poor since before the simulation; escapes (sometimes recorded late), may borrow, fall back, escape again."""
    steps = poor(name, hamlet, random_day(rng, date(2020, 3, 1), date(2022, 6, 30)))
    cursor = FIRST
    if rng.random() < 0.3:
        escaped_on = random_day(rng, date(2022, 7, 1), date(2023, 2, 28))
        cursor = random_day(rng, FIRST, date(2023, 12, 31))  # recorded late
    else:
        if rng.random() < 0.5:
            cursor = random_day(rng, FIRST, date(2023, 9, 30))
            steps.append(loan(name, cursor, rng.choice(LOAN_TERMS), repaid=rng.random() < 0.3))
        escaped_on = cursor = random_day(rng, cursor + DAY, date(2024, 3, 31))
    steps.append(escape(name, escaped_on, cursor))
    return steps + life_in_the_window(rng, name, cursor, min(months_later(escaped_on, 36), LAST))


def life_in_the_window(rng: random.Random, name: str, cursor: date, window_until: date) -> list[Step]:
    """A newly-escaped loan, a fall back inside the window, another escape after falling back into poverty."""
    steps = []
    if rng.random() < 0.5 and cursor + DAY <= window_until:
        cursor = random_day(rng, cursor + DAY, window_until)
        steps.append(loan(name, cursor, rng.choice(LOAN_TERMS), Programme.NEWLY_ESCAPED, rng.random() < 0.3))
    if rng.random() < 0.45 and cursor + DAY <= window_until:
        cursor = random_day(rng, cursor + DAY, window_until)
        into = rng.choice((Standing.POOR, Standing.NEAR_POOR))
        steps.append(Step(cursor, "fall_back", name, cursor, into=into))
        if into is Standing.POOR and rng.random() < 0.6 and cursor < LAST:
            again = random_day(rng, cursor + DAY, min(LAST, cursor + timedelta(days=400)))
            steps.append(escape(name, again))
    return steps


def near_poor_household_story(rng: random.Random, name: str, hamlet: str) -> list[Step]:
    """Near-poor (directly, or poor then near-poor), escapes near-poverty: the 3-year loan window runs."""
    since = random_day(rng, date(2020, 3, 1), date(2021, 12, 31))
    if rng.random() < 0.4:
        steps = [*poor(name, hamlet, since), Step(FIRST, "escape_to_near_poor", name, date(2022, 1, 15))]
    else:
        steps = [register(name, hamlet), Step(FIRST, "near_poor", name, since)]
    cursor = FIRST
    if rng.random() < 0.4:
        escaped_on = random_day(rng, date(2022, 2, 1), date(2023, 2, 28))
        cursor = random_day(rng, FIRST, date(2023, 9, 30))  # recorded late
    else:
        if rng.random() < 0.5:
            cursor = random_day(rng, FIRST, date(2023, 9, 30))
            steps.append(loan(name, cursor, rng.choice(LOAN_TERMS), Programme.NEAR_POOR, rng.random() < 0.3))
        escaped_on = cursor = random_day(rng, cursor + DAY, date(2024, 3, 31))
    steps.append(Step(cursor, "escape_near", name, escaped_on))
    until = min(months_later(escaped_on, 36), LAST)
    if rng.random() < 0.4 and cursor + DAY <= until:
        fell = random_day(rng, cursor + DAY, until)
        steps.append(Step(fell, "fall_back", name, fell, into=rng.choice((Standing.POOR, Standing.NEAR_POOR))))
    return steps


def project_story(rng: random.Random, name: str, household: str) -> list[Step]:
    """Proposed and approved, sometimes to start at a month's end; amended once or twice; maybe reviewed."""
    hamlet = rng.choice(HAMLETS)
    approved_on = random_day(rng, FIRST, date(2025, 6, 30))
    starts_on = approved_on if rng.random() < 0.5 else months_later(approved_on.replace(day=1), 1) - DAY
    months = rng.randint(1, 24)
    steps = project(name, household, hamlet, OFFICIAL[hamlet], approved_on, starts_on, months)
    cursor, ends_on = approved_on, months_later(starts_on, months)
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        if cursor + DAY > min(LAST, ends_on + timedelta(days=120)):
            break
        cursor = random_day(rng, cursor + DAY, min(LAST, ends_on + timedelta(days=120)))
        months = rng.choice([other for other in range(1, 31) if other != months])
        steps.append(Step(cursor, "amend", name, cursor, months))
        ends_on = months_later(starts_on, months)
    if rng.random() < 0.6 and max(cursor + DAY, starts_on) <= LAST:
        reviewed_on = random_day(rng, max(cursor + DAY, starts_on), LAST)
        steps.append(Step(reviewed_on, "review", name, reviewed_on))
    return steps


def script(rng: random.Random, households: int = 20, projects: int = 8) -> list[Step]:
    steps = scripted_cases()
    for n in range(households):
        story = near_poor_household_story if rng.random() < 0.3 else poor_household_story
        steps += story(rng, f"Hộ số {n + 1:02d}", rng.choice(HAMLETS))
    for n in range(projects):
        steps += project_story(rng, f"Dự án số {n + 1}", f"Hộ tham gia dự án {n + 1}")
    return sorted(steps, key=lambda step: step.recorded_on)  # stable: a story's steps of one day stay in order


def downtime(rng: random.Random) -> set[date]:
    """A few stretches of several days to several weeks without any sweep; the first and last days run."""
    down: set[date] = set()
    stretches = [(random_day(rng, FIRST + DAY, LAST - timedelta(days=60)), rng.randint(3, 42)) for _ in range(6)]
    if rng.random() < 0.5:
        stretches.append((random_day(rng, date(2024, 2, 10), date(2024, 2, 29)), rng.randint(3, 20)))
    for start, length in stretches:
        down.update(days(start, start + timedelta(days=length - 1)))
    return down


# --- The run ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One recorded act, as the simulation saw it (the model derives the deadlines from these alone)."""

    recorded_on: date
    kind: str
    subject_id: UUID
    effective_on: date | None = None
    months: int = 0
    responsible: str = ""
    rule: ReminderRule | None = None
    due_on: date | None = None


@dataclass(frozen=True)
class Variant:
    seed: int
    database: str  # "sqlite" or "postgres": two ledgers racing on one database; "memory": one ledger
    escalate_after_days: int

    def __str__(self) -> str:
        return f"{self.database}-seed{self.seed}-escalate{self.escalate_after_days}"


@dataclass
class Run:
    variant: Variant
    ids: dict[str, UUID] = field(default_factory=dict)
    loans: dict[UUID, UUID] = field(default_factory=dict)  # loan → household
    facts: list[Fact] = field(default_factory=list)
    down: set[date] = field(default_factory=set)
    sweep_days: list[date] = field(default_factory=list)
    reports: list[list[SweepReport]] = field(default_factory=list)
    issued: list[Issue] = field(default_factory=list)
    inbox: list[ReminderItem] = field(default_factory=list)
    obligations: list[ObligationItem] = field(default_factory=list)
    schedules: dict[ReminderRule, ReminderSchedule] = field(default_factory=dict)


class Simulation:
    def __init__(self, ledgers: list[Ledger], clock: FixedClock, run: Run) -> None:
        self.ledgers, self.clock, self.run = ledgers, clock, run
        self.acts_rng = random.Random(run.variant.seed * 31 + 1)
        self.actors = {username: ledgers[0].users.actor(username) for username in SUPERVISOR}
        self.hamlet_of: dict[str, str] = {}
        self.responsible: dict[str, str] = {}
        self.starts_on: dict[str, date] = {}
        self.repaid_when_reminded: set[UUID] = set()

    def play(self, steps: list[Step]) -> None:
        by_day: dict[date, list[Step]] = defaultdict(list)
        for step in steps:
            by_day[step.recorded_on].append(step)
        with ThreadPoolExecutor(len(self.ledgers)) as pool:
            for day in days(FIRST, LAST):
                self.clock.set_today(day)
                if day not in self.run.down:
                    self.sweep(pool, day)
                for step in by_day[day]:
                    self.record(step, day)
                self.work_through_inboxes(day)

    def sweep(self, pool: ThreadPoolExecutor, day: date) -> None:
        """Every scheduler sweeps the same day at the same moment."""
        barrier = Barrier(len(self.ledgers))

        def sweep_after_barrier(ledger: Ledger) -> SweepReport:
            barrier.wait(timeout=60)
            return ledger.reminders.sweep(day)

        futures = [pool.submit(sweep_after_barrier, ledger) for ledger in self.ledgers]
        self.run.reports.append([future.result() for future in futures])
        self.run.sweep_days.append(day)

    def record(self, step: Step, day: date) -> None:
        ledger, chair, entry = self.acts_rng.choice(self.ledgers), self.actor(CHAIR), Entry(step.effective_on)
        if step.kind == "register":
            self.hamlet_of[step.name] = step.hamlet
            household = ledger.households.register_household(chair, step.hamlet, step.name, [], Area.RURAL, entry)
            self.run.ids[step.name] = household.subject_id
        elif step.kind in ("poor", "near_poor"):
            standing = Standing.POOR if step.kind == "poor" else Standing.NEAR_POOR
            ledger.households.recognise_household(chair, self.run.ids[step.name], standing, entry)
            self.fact(day, "recognise_" + step.kind, step)
        elif step.kind in ("escape", "escape_to_near_poor", "escape_near"):
            from_standing = Standing.NEAR_POOR if step.kind == "escape_near" else Standing.POOR
            near = step.kind == "escape_to_near_poor"
            ledger.households.record_escape(
                chair, self.run.ids[step.name], from_standing, entry, becomes_near_poor=near
            )
            self.fact(day, step.kind, step, responsible=OFFICIAL[self.hamlet_of[step.name]])
        elif step.kind == "fall_back":
            ledger.households.record_relapse(chair, self.run.ids[step.name], step.into, entry)
            self.fact(day, step.kind, step)
        elif step.kind == "loan":
            self.grant(ledger, chair, step, day)
        else:
            self.record_project_act(ledger, chair, step, day)

    def grant(self, ledger: Ledger, chair: Actor, step: Step, day: date) -> None:
        household_id = self.run.ids[step.name]
        loan_id = ledger.loans.grant_loan(
            chair, household_id, step.programme, 20_000_000, step.months, Entry(step.effective_on)
        ).subject_id
        self.run.loans[loan_id] = household_id
        if step.repaid_when_reminded:
            self.repaid_when_reminded.add(loan_id)
        official = OFFICIAL[self.hamlet_of[step.name]]
        self.run.facts.append(Fact(day, "loan", loan_id, step.effective_on, step.months, official))

    def record_project_act(self, ledger: Ledger, chair: Actor, step: Step, day: date) -> None:
        entry = Entry(step.effective_on)
        if step.kind == "propose":
            proposer = self.actor(step.responsible)
            households = [self.run.ids[name] for name in step.households]
            recorded = ledger.projects.propose_project(proposer, step.name, Component.LIVELIHOODS, households, entry)
            self.run.ids[step.name], self.responsible[step.name] = recorded.subject_id, step.responsible
            return
        project_id = self.run.ids[step.name]
        if step.kind == "approve":
            assert step.starts_on is not None
            ledger.projects.approve_project(chair, project_id, CHAIR, step.starts_on, step.months, entry)
            self.starts_on[step.name] = step.starts_on
        elif step.kind == "amend":
            ledger.projects.amend_project(chair, project_id, step.months, entry)
        else:
            ledger.projects.review_project(
                chair, project_id, "Tổng kết: các hộ tham gia đã có thu nhập ổn định.", entry
            )
        starts_on = self.starts_on[step.name]
        self.run.facts.append(Fact(day, step.kind, project_id, starts_on, step.months, self.responsible[step.name]))

    def fact(self, day: date, kind: str, step: Step, responsible: str = "") -> None:
        self.run.facts.append(Fact(day, kind, self.run.ids[step.name], step.effective_on, responsible=responsible))

    def work_through_inboxes(self, day: date) -> None:
        """Officials settle a deadline once it is met (a loan repaid, early or on its day; the commune's report
        sent), with a note; they acknowledge other reminders at random, sometimes too late to stop escalation."""
        ledger = self.ledgers[0]
        for reminder in sorted(ledger.inbox.inbox(self.actor(CHAIR), everyone=True), key=described):
            draws = random.Random(f"{self.run.variant.seed}/{day}/{described(reminder)}")
            if self.settles(reminder, draws.random()):
                self.repaid_when_reminded.discard(reminder.subject_id)
                ledger.inbox.resolve_reminder(
                    self.actor(reminder.recipient), reminder.reminder_id, Entry(day, note=SETTLED)
                )
                self.run.facts.append(
                    Fact(day, "resolve", reminder.subject_id, rule=reminder.rule, due_on=reminder.due_on)
                )
            elif draws.random() < ACKNOWLEDGE_CHANCE[reminder.recipient]:
                ledger.inbox.acknowledge_reminder(self.actor(reminder.recipient), reminder.reminder_id, Entry(day))
            else:
                continue
            self.run.facts.append(Fact(day, "acknowledge", reminder.reminder_id))

    def settles(self, reminder: ReminderItem, draw: float) -> bool:
        """The draw comes from what the reminder says, not from its id (derived from the run's uuid4s), so
        that a seed replays the same run."""
        if reminder.escalated:
            return False
        if reminder.rule is LOAN_DUE and reminder.subject_id in self.repaid_when_reminded:
            return True
        return reminder.notice_on == reminder.due_on and draw < SETTLE_ON_THE_DAY.get(reminder.rule, 0)

    def actor(self, username: str) -> Actor:
        found = self.actors[username]
        assert found is not None
        return found


def described(reminder: ReminderItem) -> str:
    return "/".join(
        map(
            str,
            (
                reminder.notice_on,
                reminder.rule.value,
                reminder.subject_label,
                reminder.due_on,
                reminder.recipient,
                reminder.escalated,
            ),
        )
    )


def simulate(variant: Variant, directory: Path) -> Run:
    if variant.database == "postgres":
        with throwaway_database() as url:
            return simulate_on(variant, url)
    return simulate_on(variant, f"sqlite:///{directory}/giamngheo.db" if variant.database == "sqlite" else "memory:")


def simulate_on(variant: Variant, url: str) -> Run:
    rng = random.Random(variant.seed)
    run = Run(variant, down=downtime(rng))
    steps = script(rng)
    clock = FixedClock(FIRST)
    settings = Settings(
        database=url,
        secret_key="test-secret",
        password_hashing="CHEAPEST",
        escalate_unacknowledged_after_days=variant.escalate_after_days,
    )
    ledgers = [Ledger(settings, clock=clock) for _ in range(1 if variant.database == "memory" else 2)]
    try:
        seed_users(ledgers[0])
        Simulation(ledgers, clock, run).play(steps)
        run.issued, run.schedules = issued_reminders(ledgers[1 % len(ledgers)]), ledgers[0].reminders.schedules()
        run.inbox = ledgers[0].inbox.inbox(ledgers[0].users.actor(CHAIR), include_acknowledged=True, everyone=True)  # type: ignore[arg-type]
        run.obligations = ledgers[0].obligations.obligations()
    finally:
        for ledger in ledgers:
            ledger.close()
    return run


# --- What was issued: the Reminder.Issued events of the log -------------------------------------------


@dataclass(frozen=True)
class Issue:
    reminder_id: UUID
    rule: ReminderRule
    subject_id: UUID
    due_on: date
    notice_on: date
    recipient: str
    issued_on: date
    late: bool
    escalated: bool
    escalated_from: UUID | None = None


def issued_reminders(ledger: Ledger) -> list[Issue]:
    found, position = [], 0
    while page := ledger.store.recorder.select_notifications(start=position, limit=500, inclusive_of_start=False):
        for notification in page:
            event = ledger.store.mapper.to_domain_event(notification)
            if isinstance(event, Reminder.Issued):
                found.append(
                    Issue(
                        event.originator_id,
                        event.rule,
                        event.subject_id,
                        event.due_on,
                        event.notice_on,
                        event.recipient,
                        event.effective_on,
                        event.late,
                        event.escalated,
                        event.escalated_from,
                    )
                )
        position = page[-1].id
    return found


# --- What should have been: the model, from the facts alone -------------------------------------------


@dataclass
class Deadline:
    rule: ReminderRule
    subject_id: UUID
    due_on: date
    responsible: str
    spans: list[tuple[date, date | None]] = field(default_factory=list)  # sweep days that saw it open
    status: str = "open"
    recorded_on: date = FIRST

    def open_on(self, day: date) -> bool:
        return any(start <= day and (end is None or day <= end) for start, end in self.spans)


Key = tuple[ReminderRule, UUID, date]


class Deadlines:
    """The deadlines the facts make, open from the morning after they are recorded (the sweep runs first)."""

    def __init__(self) -> None:
        self.found: dict[Key, Deadline] = {}
        self.project_starts: dict[UUID, date] = {}

    def open(self, rule: ReminderRule, subject_id: UUID, due_on: date, responsible: str, day: date) -> None:
        deadline = self.found.setdefault(
            (rule, subject_id, due_on), Deadline(rule, subject_id, due_on, responsible, recorded_on=day)
        )
        deadline.spans.append((day + DAY, None))
        deadline.status = "open"

    def close(self, day: date, status: str, subject_id: UUID, *rules: ReminderRule, due_on: date | None = None) -> None:
        for deadline in self.found.values():
            same = (deadline.subject_id, deadline.status) == (subject_id, "open") and deadline.rule in rules
            if same and due_on in (None, deadline.due_on):
                deadline.spans[-1] = (deadline.spans[-1][0], day)
                deadline.status = status

    def apply(self, fact: Fact) -> None:
        day, subject = fact.recorded_on, fact.subject_id
        if fact.kind == "escape":
            assert fact.effective_on is not None
            self.open(WINDOW, subject, months_later(fact.effective_on, 36), fact.responsible, day)
        elif fact.kind == "escape_near":
            assert fact.effective_on is not None
            self.open(LOAN_WINDOW, subject, months_later(fact.effective_on, 36), fact.responsible, day)
        elif fact.kind in ("fall_back", "recognise_poor"):
            self.close(day, "cancelled", subject, WINDOW, LOAN_WINDOW)
        elif fact.kind == "loan":
            assert fact.effective_on is not None
            self.open(LOAN_DUE, subject, months_later(fact.effective_on, fact.months), fact.responsible, day)
        elif fact.kind == "resolve":
            assert fact.rule is not None
            self.close(day, "resolved", subject, fact.rule, due_on=fact.due_on)
        elif fact.kind in ("approve", "amend"):
            assert fact.effective_on is not None
            self.close(day, "cancelled", subject, PROJECT)
            self.open(PROJECT, subject, months_later(fact.effective_on, fact.months), fact.responsible, day)
        elif fact.kind == "review":
            self.close(day, "resolved", subject, PROJECT)


def calendar_due(first: date, last: date) -> Iterator[tuple[ReminderRule, date]]:
    """Decision 24/2021/QĐ-TTg: the annual review from 01/09 to 14/12, the regular one each 15th, the
    report each 5th from February to September."""
    for year in range(first.year, last.year + 1):
        yield ReminderRule.ANNUAL_REVIEW_OPENS, date(year, 9, 1)
        yield ReminderRule.ANNUAL_REVIEW_CLOSES, date(year, 12, 14)
        for month in range(1, 13):
            yield ReminderRule.REGULAR_REVIEW_STARTS, date(year, month, 15)
            if 2 <= month <= 9:
                yield ReminderRule.MONTHLY_REPORT, date(year, month, 5)


def expected_obligations(facts: list[Fact], commune: str, reach_days: int = 30) -> dict[Key, Deadline]:
    """The calendar's deadlines from the first sweep's day to `reach_days` after the last one (each sweep notes
    them that far ahead, before their first reminder), then those the facts make, move, settle or cancel."""
    model, commune_id, until = Deadlines(), commune_subject(commune), LAST + timedelta(days=reach_days)
    for rule, due_on in calendar_due(FIRST, until):
        if FIRST <= due_on <= until:
            model.found[(rule, commune_id, due_on)] = Deadline(rule, commune_id, due_on, CHAIR, [(FIRST, None)])
    for fact in facts:
        model.apply(fact)
    return model.found


def notice_days(due_on: date, schedule: ReminderSchedule, last: date) -> list[tuple[date, bool]]:
    """Each reminder date by `last` and whether it goes to the supervisor (overdue long enough)."""
    found = {due_on - timedelta(days=before) for before in schedule.days_before}
    if schedule.overdue_every_days:
        found.update(days_between(due_on, last, schedule.overdue_every_days))
    escalate_from = due_on + timedelta(days=schedule.escalate_after_days or 0)
    return [(day, bool(schedule.escalate_after_days) and day >= escalate_from) for day in sorted(found) if day <= last]


def days_between(due_on: date, last: date, every: int) -> Iterator[date]:
    day = due_on + timedelta(days=every)
    while day <= last:
        yield day
        day += timedelta(days=every)


def first_sweep(sweep_days: list[date], deadline: Deadline, since: date) -> date | None:
    """The first sweep on or after `since` that saw the deadline open."""
    found = []
    for start, end in deadline.spans:
        index = bisect_left(sweep_days, max(since, start))
        if index < len(sweep_days) and (end is None or sweep_days[index] <= end):
            found.append(sweep_days[index])
    return min(found, default=None)


def expected_reminders(run: Run, deadlines: dict[Key, Deadline]) -> dict[UUID, Issue]:
    expected: dict[UUID, Issue] = {}
    for deadline in deadlines.values():
        for notice_on, escalated in notice_days(deadline.due_on, run.schedules[deadline.rule], LAST):
            issued_on = first_sweep(run.sweep_days, deadline, notice_on)
            if issued_on:
                responsible = deadline.responsible
                recipient = (SUPERVISOR[responsible] or responsible) if escalated else responsible
                wanted = reminder_id(deadline.rule, deadline.subject_id, deadline.due_on, notice_on)
                expected[wanted] = Issue(
                    wanted,
                    deadline.rule,
                    deadline.subject_id,
                    deadline.due_on,
                    notice_on,
                    recipient,
                    issued_on,
                    issued_on > notice_on,
                    escalated,
                )
    if run.variant.escalate_after_days:
        expected |= expected_escalations(run, deadlines, list(expected.values()))
    return expected


def expected_escalations(run: Run, deadlines: dict[Key, Deadline], issued: list[Issue]) -> dict[UUID, Issue]:
    """A reminder still unacknowledged at the sweep `escalate_after_days` after it was issued (or the first
    sweep after that) goes once to the recipient's supervisor, while its deadline is open."""
    wait = timedelta(days=run.variant.escalate_after_days)
    acknowledged: dict[UUID, date] = {}
    for fact in run.facts:
        if fact.kind == "acknowledge":
            acknowledged.setdefault(fact.subject_id, fact.recorded_on)
    found = {}
    for ignored in issued:
        supervisor = SUPERVISOR[ignored.recipient]
        if ignored.escalated or not supervisor:
            continue
        notice_on = ignored.issued_on + wait
        deadline = deadlines[(ignored.rule, ignored.subject_id, ignored.due_on)]
        issued_on = first_sweep(run.sweep_days, deadline, notice_on)
        acknowledged_on = acknowledged.get(ignored.reminder_id)
        if issued_on and (acknowledged_on is None or acknowledged_on >= issued_on):
            wanted = escalation_id(ignored.reminder_id)
            found[wanted] = replace(
                ignored,
                reminder_id=wanted,
                notice_on=notice_on,
                recipient=supervisor,
                issued_on=issued_on,
                late=issued_on > notice_on,
                escalated=True,
                escalated_from=ignored.reminder_id,
            )
    return found
