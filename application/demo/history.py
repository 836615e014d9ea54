"""The demo commune's 2021–2026 history as a plan: who is poor when, who escapes or falls back, who borrows.

Pure and deterministic from the random generator. Each year the commune surveys the households on its
managed lists (and those whose standing changes) in October–November (Decision 24/2021/QĐ-TTg, Art. 4)
and the chair's decision of 14/12 recognises the result; a few households fall back in the monthly
regular review (Art. 5). The flows are set so that the rural Nam Định commune starts near 4.2% poor and
5% near-poor after the 2021 review and the multidimensional poverty rate falls by about 0.5–1 point a
year, the plan's target (seed §II). Loans follow the bank's programmes on the granted date: poor
(Decree 78/2002), near-poor (Decision 15/2013), newly escaped (Decision 28/2015). Most loans follow a need
the household declared a few weeks before (Form 01/TD); a few needs stay unmet or are withdrawn, so the plan's
credit target (seed §II.2.1) shows a real figure.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from application.demo.people import DemoHousehold
from domain.deadlines import newly_escaped_until
from domain.decisions import Standing
from domain.loan import Programme

FIRST_YEAR, LAST_YEAR = 2021, 2025
START_SHARES = {Standing.POOR: 0.045, Standing.NEAR_POOR: 0.05}
# Shares of each list that move at an annual review, and new entrants as shares of all households.
FLOWS = {
    "poor_out": 0.11,
    "poor_to_near_poor": 0.06,
    "near_poor_out": 0.2,
    "near_poor_to_poor": 0.03,
    "new_poor": 0.0016,
    "new_near_poor": 0.0035,
    "relapse": 0.02,
}
# Shares of each list that borrow in the year after the decision.
BORROWING = {Programme.POOR: 0.3, Programme.NEAR_POOR: 0.25, Programme.NEWLY_ESCAPED: 0.35}
AMOUNTS = {
    Programme.POOR: (30, 40, 50, 60, 80, 100),
    Programme.NEAR_POOR: (30, 50, 70, 100),
    Programme.NEWLY_ESCAPED: (30, 40, 50, 60, 80),
}
LISTED = (Standing.POOR, Standing.NEAR_POOR)
PROGRAMME_STANDINGS = (
    (Programme.POOR, Standing.POOR),
    (Programme.NEAR_POOR, Standing.NEAR_POOR),
    (Programme.NEWLY_ESCAPED, Standing.ESCAPED_POVERTY),
)
PURPOSES = (
    "Mua bò giống",
    "Chăn nuôi lợn",
    "Nuôi gà thả vườn",
    "Trồng nấm rơm",
    "Cải tạo vườn cây ăn quả",
    "Mua máy cày nhỏ",
    "Nuôi trồng thủy sản",
    "Buôn bán nhỏ",
)
# Loan needs: the share of loans preceded by a recorded need, and the yearly share of each list whose need
# the bank does not meet (a third of those are withdrawn).
NEED_BEFORE_LOAN = 0.9
UNMET_NEEDS = 0.08

T = TypeVar("T")


def annual_decision_day(year: int) -> date:
    return date(year, 12, 14)


@dataclass(frozen=True)
class Step:
    """One command of the history: `action` on household `household` on `day`, with its details."""

    day: date
    action: str  # survey | recognise | escape | relapse | loan | need | withdraw_need
    household: int
    details: tuple[object, ...] = ()
    year: int = 0  # the annual review it belongs to, 0 for a regular (monthly) one

    def detail(self, index: int, kind: type[T]) -> T:
        """The detail at index, of the kind its action put there (Plan.add takes details of any kind)."""
        value = self.details[index]
        assert isinstance(value, kind), (self.action, index, value)
        return value


@dataclass
class Plan:
    households: list[DemoHousehold]
    standing: dict[int, Standing] = field(default_factory=dict)
    history: dict[int, list[tuple[date, Standing]]] = field(default_factory=dict)
    escaped_on: dict[int, date] = field(default_factory=dict)
    borrowed: set[tuple[int, Programme]] = field(default_factory=set)
    anchored: int = 0
    steps: list[Step] = field(default_factory=list)

    def now(self, number: int) -> Standing:
        return self.standing.get(number, Standing.UNLISTED)

    def on(self, number: int, day: date) -> Standing:
        standing = Standing.UNLISTED
        for since, to in self.history.get(number, []):
            if since <= day:
                standing = to
        return standing

    def newly_escaped_on(self, number: int, day: date) -> bool:
        """Inside the 36 months after the escape (seed §III.1), as the ledger will judge it."""
        since = self.escaped_on.get(number)
        if since is None or self.on(number, day) is not Standing.ESCAPED_POVERTY:
            return False
        return since <= day <= newly_escaped_until(since)

    def vulnerabilities(self, numbers: list[int]) -> list[float]:
        return [vulnerability(self.households[n]) for n in numbers]

    def with_standing(self, *standings: Standing) -> list[int]:
        return [n for n, s in sorted(self.standing.items()) if s in standings]

    def move(self, number: int, to: Standing, day: date) -> None:
        self.standing[number] = to
        self.history.setdefault(number, []).append((day, to))
        if to is Standing.ESCAPED_POVERTY:
            self.escaped_on[number] = day
        elif to in LISTED:
            self.escaped_on.pop(number, None)

    def add(self, day: date, action: str, number: int, *details: object, year: int = 0) -> None:
        self.steps.append(Step(day, action, number, details, year))


def vulnerability(household: DemoHousehold) -> float:
    """Elderly heads, women heading a household alone, lone people and large families are poorer more often."""
    weight = 1.0
    if household.head_born < 1955:
        weight *= 2.5
    if not any(m.relation in ("vợ", "chồng") for m in household.members):
        weight *= 1.8
    if len(household.members) >= 4:
        weight *= 1.3
    return weight


def pick(rng: random.Random, pool: list[int], count: int, weights: list[float] | None = None) -> list[int]:
    """`count` distinct households of the pool, with weights if given (deterministic for the generator)."""
    chosen: list[int] = []
    pool, weights = list(pool), list(weights) if weights else [1.0] * len(pool)
    while pool and len(chosen) < count:
        index = rng.choices(range(len(pool)), weights=weights)[0]
        chosen.append(pool.pop(index))
        weights.pop(index)
    return sorted(chosen)


def count_of(share: float, size: int) -> int:
    return round(share * size)


def plan_history(rng: random.Random, households: list[DemoHousehold]) -> Plan:
    plan = Plan(households)
    needs_rng = random.Random()
    needs_rng.setstate(rng.getstate())  # the needs draw from their own copy: the histories stay as they were
    baseline(rng, plan)
    for year in range(FIRST_YEAR + 1, LAST_YEAR + 1):
        regular_relapses(rng, plan, year)
        loans_after(rng, plan, year - 1)
        annual_review(rng, plan, year)
    regular_relapses(rng, plan, LAST_YEAR + 1)
    loans_after(rng, plan, LAST_YEAR)
    loan_needs(needs_rng, plan)
    plan.steps.sort(key=lambda step: step.day)  # stable: same-day steps keep the order they were planned in
    return plan


def baseline(rng: random.Random, plan: Plan) -> None:
    """The 2021 review under Decree 07's standard (no survey recorded: the standard applies from 2022).

    The first household of the first hamlet (Xuân Hà) stays poor throughout, so that the 2026 review of that
    hamlet has a household to show even in a small demo."""
    day, total = annual_decision_day(FIRST_YEAR), len(plan.households)
    pool = [h.number for h in plan.households]
    plan.anchored = pool.pop(0)
    chosen = {Standing.POOR: [plan.anchored], Standing.NEAR_POOR: []}
    for standing in LISTED:
        count = count_of(START_SHARES[standing], total) - len(chosen[standing])
        chosen[standing] += pick(rng, pool, count, plan.vulnerabilities(pool))
        pool = [n for n in pool if n not in chosen[standing]]
        for number in sorted(chosen[standing]):
            plan.move(number, standing, day)
            plan.add(day, "recognise", number, standing, year=FIRST_YEAR)


def annual_review(rng: random.Random, plan: Plan, year: int) -> None:
    """Surveys every listed household and each one the decision changes, then the decision of 14/12."""
    day, total = annual_decision_day(year), len(plan.households)
    poor = [n for n in plan.with_standing(Standing.POOR) if n != plan.anchored]
    near_poor = plan.with_standing(Standing.NEAR_POOR)
    escaped = plan.with_standing(Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY)
    unlisted = [h.number for h in plan.households if plan.now(h.number) is Standing.UNLISTED]
    poor_out = pick(rng, poor, max(1, count_of(FLOWS["poor_out"], len(poor))))
    poor_down = pick(rng, [n for n in poor if n not in poor_out], count_of(FLOWS["poor_to_near_poor"], len(poor)))
    near_out = pick(rng, near_poor, max(1, count_of(FLOWS["near_poor_out"], len(near_poor))))
    near_up = [n for n in near_poor if n not in near_out]
    near_up = pick(rng, near_up, count_of(FLOWS["near_poor_to_poor"], len(near_poor)))
    relapse = pick(rng, escaped, count_of(FLOWS["relapse"], len(escaped)))
    new_poor = pick(rng, unlisted, count_of(FLOWS["new_poor"], total), plan.vulnerabilities(unlisted))
    rest = [n for n in unlisted if n not in new_poor]
    new_near = pick(rng, rest, count_of(FLOWS["new_near_poor"], total), plan.vulnerabilities(rest))
    outcome: dict[int, Standing] = {n: Standing.POOR for n in [*poor, plan.anchored]}
    outcome |= {n: Standing.NEAR_POOR for n in near_poor}
    outcome |= {n: Standing.ESCAPED_POVERTY for n in poor_out} | {n: Standing.NEAR_POOR for n in poor_down}
    outcome |= {n: Standing.ESCAPED_NEAR_POVERTY for n in near_out} | {n: Standing.POOR for n in near_up}
    outcome |= {n: rng.choice(LISTED) for n in relapse}
    outcome |= {n: Standing.POOR for n in new_poor} | {n: Standing.NEAR_POOR for n in new_near}
    for number, to in sorted(outcome.items()):
        surveyed_on = date(year, 10, 5) + timedelta(days=rng.randint(0, 45))
        plan.add(surveyed_on, "survey", number, to, year=year)
        before = plan.now(number)
        if to is before:
            continue
        if before is Standing.UNLISTED or (before, to) == (Standing.NEAR_POOR, Standing.POOR):
            plan.add(day, "recognise", number, to, year=year)
        elif before is Standing.POOR:
            plan.add(day, "escape", number, Standing.POOR, to is Standing.NEAR_POOR, year=year)
        elif before is Standing.NEAR_POOR:
            plan.add(day, "escape", number, Standing.NEAR_POOR, False, year=year)
        else:
            plan.add(day, "relapse", number, to, year=year)
        plan.move(number, to, day)


def regular_relapses(rng: random.Random, plan: Plan, year: int) -> None:
    """One or two households a year fall back between annual reviews: a harvest lost, a long illness."""
    escaped = plan.with_standing(Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY)
    last_month = 9 if year > LAST_YEAR else 10  # in 2026 only months whose review is decided before today
    for number in pick(rng, escaped, 1 if len(plan.households) < 1000 else 2):
        month = rng.randint(3, last_month)
        into = rng.choice(LISTED)
        plan.add(date(year, month, 16 + rng.randint(0, 4)), "survey", number, into)
        plan.add(date(year, month, 28), "relapse", number, into, month)
        plan.move(number, into, date(year, month, 28))


def loans_after(rng: random.Random, plan: Plan, year: int) -> None:
    """Loans the bank grants from February to June after the decision, to households eligible on that day."""
    for programme, standing in (
        (Programme.POOR, Standing.POOR),
        (Programme.NEAR_POOR, Standing.NEAR_POOR),
        (Programme.NEWLY_ESCAPED, Standing.ESCAPED_POVERTY),
    ):
        pool = [
            n
            for n in plan.with_standing(standing)
            if plan.on(n, annual_decision_day(year)) is standing and (n, programme) not in plan.borrowed
        ]
        for number in pick(rng, pool, max(1, count_of(BORROWING[programme], len(pool)))):
            granted_on = date(year + 1, 2, 10) + timedelta(days=rng.randint(0, 140))
            eligible = (
                plan.newly_escaped_on(number, granted_on)
                if programme is Programme.NEWLY_ESCAPED
                else plan.on(number, granted_on) is standing
            )
            if eligible:
                amount = rng.choice(AMOUNTS[programme]) * 1_000_000
                plan.add(granted_on, "loan", number, programme, amount, 60)
                plan.borrowed.add((number, programme))


def eligible(plan: Plan, number: int, programme: Programme, day: date) -> bool:
    """The bank's rule on the day (domain/loan.py `loan_refusal`), as the ledger will judge it."""
    if programme is Programme.NEWLY_ESCAPED:
        return plan.newly_escaped_on(number, day)
    return plan.on(number, day) is dict(PROGRAMME_STANDINGS)[programme]


def loan_needs(rng: random.Random, plan: Plan) -> None:
    """Needs recorded 10 to 35 days before most loans (step `need`, detail: the loan's day), and each year a few
    needs of eligible households that no loan meets, a third of them withdrawn a month or two later."""
    for step in [s for s in plan.steps if s.action == "loan"]:
        programme, amount = step.detail(0, Programme), step.details[1]
        day = step.day - timedelta(days=rng.randint(10, 35))
        if rng.random() < NEED_BEFORE_LOAN and eligible(plan, step.household, programme, day):
            plan.add(day, "need", step.household, programme, amount, rng.choice(PURPOSES), step.day)
    borrowers = {(s.household, s.details[0]) for s in plan.steps if s.action == "loan"}
    for year in range(FIRST_YEAR + 1, LAST_YEAR + 2):
        for programme, _ in PROGRAMME_STANDINGS:
            day = date(year, rng.randint(3, 9), rng.randint(1, 28))
            pool = [
                n
                for n in (h.number for h in plan.households)
                if (n, programme) not in borrowers and eligible(plan, n, programme, day)
            ]
            for number in pick(rng, pool, max(1, count_of(UNMET_NEEDS, len(pool))) if pool else 0):
                amount = rng.choice(AMOUNTS[programme]) * 1_000_000
                plan.add(day, "need", number, programme, amount, rng.choice(PURPOSES), None)
                if rng.random() < 1 / 3:
                    plan.add(day + timedelta(days=rng.randint(20, 55)), "withdraw_need", number, programme, day)
