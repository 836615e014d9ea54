"""The demo commune: Hải Hòa, its 12 hamlets, the plan's officials, about 2,500 households with histories.

Everything is recorded through the use cases, deterministically from a seed, so reminders exist: the
households and their members (demo_people), their 2021–2026 surveys, decisions and loans (demo_history),
the projects of both components (demo_projects), the 2026 reviews under way (demo_reviews).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from application.core.errors import InvalidInputError
from application.core.ledger_core import Entry
from application.demo.average_living import add_average_living
from application.demo.history import Plan, Step, plan_history
from application.demo.people import demo_households
from application.demo.plan import record_demo_plan
from application.demo.projects import add_projects
from application.demo.registration import register_demo_household
from application.demo.reviews import add_reviews
from application.demo.surveys import answers_for
from application.ledger import Ledger
from domain.acts import LegalBasis
from domain.decisions import Standing
from domain.loan import Programme
from domain.standards import PovertyClass
from domain.user import Actor, Role

DEMO_PASSWORD = "so-giam-ngheo-mau"  # passes the password policy: no username, no commune name
CHAIR_ISSUER = "Chủ tịch UBND xã Hải Hòa"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: Role
    hamlets: tuple[str, ...]


# Seed plan §VI: the focal official of each named hamlet; the others are "các cán bộ, công chức xã khác".
DEMO_USERS = (
    DemoUser("chutich", "Mai Đức Nghĩa", Role.CHAIR, ()),
    DemoUser("phochutich", "Phó Chủ tịch UBND xã phụ trách", Role.VICE_CHAIR, ()),
    DemoUser("diachinh", "Công chức Địa chính – nông nghiệp – xây dựng và môi trường", Role.OFFICIAL, ("Xuân Hà",)),
    DemoUser(
        "laodong", "Công chức Văn hóa – xã hội (lao động, thương binh, xã hội)", Role.OFFICIAL, ("Xuân Đài Đông",)
    ),
    DemoUser("taichinh", "Công chức Tài chính – Kế toán", Role.OFFICIAL, ("Cồn Tròn Đông",)),
    DemoUser("vanhoa", "Công chức Văn hóa – xã hội (văn hóa, thông tin)", Role.OFFICIAL, ("Tân Hùng",)),
    DemoUser("canbo1", "Cán bộ xã theo dõi Xóm 5, Xóm 6", Role.OFFICIAL, ("Xóm 5", "Xóm 6")),
    DemoUser("canbo2", "Cán bộ xã theo dõi Xóm 7, Xóm 8", Role.OFFICIAL, ("Xóm 7", "Xóm 8")),
    DemoUser("canbo3", "Cán bộ xã theo dõi Xóm 9, Xóm 10", Role.OFFICIAL, ("Xóm 9", "Xóm 10")),
    DemoUser("canbo4", "Cán bộ xã theo dõi Xóm 11, Xóm 12", Role.OFFICIAL, ("Xóm 11", "Xóm 12")),
    DemoUser("mttq", "Ủy ban MTTQ xã Hải Hòa", Role.SUPERVISOR, ()),
    DemoUser("thanhtra", "Đoàn thanh tra, kiểm tra", Role.INSPECTOR, ()),
)

# The annual review decisions of the commune chair (Decision 24/2021/QĐ-TTg, Art. 4): one a year.
ANNUAL_DECISIONS = {year: (date(year, 12, 14), f"{100 + year % 100}/QĐ-UBND") for year in range(2021, 2026)}


def decision(year: int) -> Entry:
    day, number = ANNUAL_DECISIONS[year]
    return Entry(day, LegalBasis(number, day, CHAIR_ISSUER), note=f"Kết quả rà soát hộ nghèo, cận nghèo năm {year}")


BANK = "Phòng giao dịch NHCSXH huyện Hải Hậu"
DEMO_HOUSEHOLDS = 2500
MIN_HOUSEHOLDS = 100  # fewer leave some histories (a relapse, a loan of each programme) empty


def load_demo(ledger: Ledger, seed: int = 2024, households: int = DEMO_HOUSEHOLDS) -> bool:
    """Loads the demo commune if the ledger is empty; returns whether it did. One read-model catch-up per
    phase instead of one per command keeps 2,500 households under a minute on SQLite."""
    if households < MIN_HOUSEHOLDS:
        raise InvalidInputError({"households": f"Xã mẫu cần ít nhất {MIN_HOUSEHOLDS} hộ để có đủ các loại lịch sử."})
    if ledger.log_position():
        return False
    for user in DEMO_USERS:
        ledger.users.create_user(user.username, user.full_name, user.role, list(user.hamlets), DEMO_PASSWORD)
    actors: dict[str, Actor] = {}
    for user in DEMO_USERS:
        actor = ledger.users.actor(user.username)
        assert actor is not None  # created just above, active
        actors[user.username] = actor
    rng = random.Random(seed)
    plan = plan_history(rng, demo_households(rng, ledger.settings.hamlets, households))
    with ledger.batch():
        ids = Replay(ledger, actors, plan, rng).run()
        add_average_living(ledger, lambda hamlet: official_of(actors, hamlet), plan, ids)
        add_projects(ledger, actors, plan, ids, rng)
    record_demo_plan(ledger, actors["chutich"])
    add_reviews(ledger, actors, rng)
    ledger.reminders.sweep()
    return True


def official_of(actors: dict[str, Actor], hamlet: str) -> Actor:
    """The plan's official for the hamlet; the vice-chair for hamlets renamed by GIAMNGHEO_HAMLETS."""
    return next((actors[u.username] for u in DEMO_USERS if hamlet in u.hamlets), actors["phochutich"])


SURVEYED_CLASS = {
    Standing.POOR: PovertyClass.POOR,
    Standing.NEAR_POOR: PovertyClass.NEAR_POOR,
    Standing.ESCAPED_POVERTY: PovertyClass.AVERAGE_LIVING,
    Standing.ESCAPED_NEAR_POVERTY: PovertyClass.AVERAGE_LIVING,
}


class Replay:
    """Records the plan through the use cases, in the order of the effective dates."""

    def __init__(self, ledger: Ledger, actors: dict[str, Actor], plan: Plan, rng: random.Random) -> None:
        self.ledger, self.actors, self.plan, self.rng = ledger, actors, plan, rng
        self.ids: dict[int, UUID] = {}
        self.loans = 0
        self.needs: dict[tuple[object, ...], UUID] = {}  # (household, programme, the loan's or the need's day)

    def run(self) -> dict[int, UUID]:
        registered = Entry(date(2021, 10, 1), note="Đăng ký theo danh sách quản lý của xã")
        for household in self.plan.households:
            actor = official_of(self.actors, household.hamlet)
            self.ids[household.number] = register_demo_household(self.ledger, actor, household, registered)
        for step in self.plan.steps:
            getattr(self, step.action)(step, official_of(self.actors, self.plan.households[step.household].hamlet))
        return self.ids

    def survey(self, step: Step, actor: Actor) -> None:
        meant = SURVEYED_CLASS[step.detail(0, Standing)]
        if meant is PovertyClass.AVERAGE_LIVING and self.rng.random() < 0.4:
            meant = PovertyClass.NOT_POOR
        hamlet = self.plan.households[step.household].hamlet
        answers = answers_for(self.rng, meant, f"Rà soát viên xóm {hamlet}")
        self.ledger.surveys.record_survey(actor, self.ids[step.household], answers, Entry(step.day))

    def recognise(self, step: Step, actor: Actor) -> None:
        standing = step.detail(0, Standing)
        self.ledger.households.recognise_household(actor, self.ids[step.household], standing, decision(step.year))

    def escape(self, step: Step, actor: Actor) -> None:
        from_standing, becomes_near_poor = step.detail(0, Standing), step.detail(1, bool)
        self.ledger.households.record_escape(
            actor, self.ids[step.household], from_standing, decision(step.year), becomes_near_poor
        )

    def relapse(self, step: Step, actor: Actor) -> None:
        into = step.detail(0, Standing)
        if step.year:
            entry = decision(step.year)
        else:
            month = step.detail(1, int)
            number = f"{60 + 10 * (step.day.year - 2022) + month}/QĐ-UBND"
            entry = Entry(
                step.day,
                LegalBasis(number, step.day, CHAIR_ISSUER),
                note=f"Rà soát thường xuyên tháng {month}/{step.day.year}: tái nghèo do ốm đau, mất mùa",
            )
        self.ledger.households.record_relapse(actor, self.ids[step.household], into, entry)

    def loan(self, step: Step, actor: Actor) -> None:
        programme, amount, term = step.detail(0, Programme), step.detail(1, int), step.detail(2, int)
        self.loans += 1
        basis = LegalBasis(f"{self.loans:03d}/HĐTD", step.day - timedelta(days=3), BANK)
        need = self.needs.pop((step.household, programme, step.day), None)
        entry = Entry(step.day, basis)
        self.ledger.loans.grant_loan(actor, self.ids[step.household], programme, amount, term, entry, need)

    def need(self, step: Step, actor: Actor) -> None:
        """Form 01/TD; a need meant for a loan is named by it, the others stay open or are withdrawn."""
        programme, amount, purpose = step.detail(0, Programme), step.detail(1, int), step.detail(2, str)
        loan_day = step.details[3]
        entry = Entry(step.day, note="Giấy đề nghị vay vốn")
        household_id = self.ids[step.household]
        recorded = self.ledger.credit.record_loan_request(actor, household_id, programme, amount, purpose, entry)
        self.needs[(step.household, programme, loan_day or step.day)] = recorded.subject_id

    def withdraw_need(self, step: Step, actor: Actor) -> None:
        programme, requested_on = step.details
        need = self.needs.pop((step.household, programme, requested_on))
        reason = "Hộ không còn nhu cầu vay, đã tự thu xếp được vốn"
        self.ledger.credit.withdraw_loan_request(actor, need, reason, Entry(step.day))
