"""The demo commune: Hải Hòa, its 12 hamlets, the plan's officials, households with histories.

Everything is recorded through the use cases, deterministically from a seed, so reminders exist.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from application.demo_reviews import add_reviews
from application.ledger import Entry
from application.service import Ledger
from domain.acts import LegalBasis
from domain.household import Area, Member, Standing
from domain.loan import Programme
from domain.project import Component
from domain.user import Actor, Role

DEMO_PASSWORD = "haihoa-2024"
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

SURNAMES = ["Nguyễn", "Trần", "Phạm", "Vũ", "Đỗ", "Hoàng", "Mai", "Đặng", "Bùi", "Ngô", "Lê", "Đinh"]
MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Xuân", "Minh", "Hữu", "Thanh"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dung",
    "Hà",
    "Hải",
    "Hòa",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Quế",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thịnh",
    "Tuấn",
    "Vinh",
    "Yến",
]

# The annual review decisions of the commune chair (Decision 24/2021/QĐ-TTg, Art. 4): one a year.
ANNUAL_DECISIONS = {year: (date(year, 12, 14), f"{100 + year % 100}/QĐ-UBND") for year in range(2021, 2026)}


def decision(year: int) -> Entry:
    day, number = ANNUAL_DECISIONS[year]
    return Entry(day, LegalBasis(number, day, CHAIR_ISSUER), note=f"Kết quả rà soát hộ nghèo, cận nghèo năm {year}")


def load_demo(ledger: Ledger, seed: int = 2024) -> bool:
    """Loads the demo commune if the ledger is empty; returns whether it did."""
    if ledger.log_position():
        return False
    for user in DEMO_USERS:
        ledger.create_user(user.username, user.full_name, user.role, list(user.hamlets), DEMO_PASSWORD)
    actors = {u.username: ledger.actor(u.username) for u in DEMO_USERS}
    by_hamlet = {h: actors[u.username] for u in DEMO_USERS for h in u.hamlets}
    rng = random.Random(seed)
    households = [
        register(ledger, by_hamlet[hamlet], hamlet, rng) for hamlet in ledger.settings.hamlets for _ in range(3)
    ]
    for index, (actor, household_id) in enumerate(households):
        give_history(ledger, actor, household_id, index % 6, rng)  # type: ignore[arg-type]
    add_projects(ledger, actors, households)  # type: ignore[arg-type]
    add_reviews(ledger, actors, rng)  # type: ignore[arg-type]
    ledger.sweep()
    return True


def register(ledger: Ledger, actor: Actor, hamlet: str, rng: random.Random):  # type: ignore[no-untyped-def]
    surname = rng.choice(SURNAMES)
    head = f"{surname} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    members = [Member(f"{rng.choice(SURNAMES)} Thị {rng.choice(GIVEN)}", "vợ", rng.randint(1960, 1990))]
    members += [
        Member(f"{surname} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}", "con", rng.randint(2000, 2020))
        for _ in range(rng.randint(0, 3))
    ]
    entry = Entry(date(2021, 10, 1), note="Đăng ký theo danh sách quản lý của xã")
    return actor, ledger.register_household(actor, hamlet, head, members, Area.RURAL, entry).subject_id


def give_history(ledger: Ledger, actor: Actor, household_id, pattern: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """Six plausible paths through the 2021–2025 annual reviews."""
    poor = Standing.POOR if pattern != 4 else Standing.NEAR_POOR
    ledger.recognise_household(actor, household_id, poor, decision(2021))
    if pattern in (0, 3):  # still poor: a poor-household loan
        ledger.grant_loan(
            actor,
            household_id,
            Programme.POOR,
            rng.choice([30, 50, 80]) * 1_000_000,
            60,
            Entry(date(2022, 4, 12), LegalBasis("04/TD", date(2022, 4, 10), "NHCSXH huyện Hải Hậu")),
        )
    if pattern in (1, 2, 5):  # escaped at the 2023 or 2024 review: newly escaped until 2026/2027
        year = 2023 if pattern == 1 else 2024
        ledger.record_escape(actor, household_id, Standing.POOR, decision(year))
        ledger.grant_loan(
            actor,
            household_id,
            Programme.NEWLY_ESCAPED,
            40_000_000,
            36,
            Entry(date(year + 1, 3, 5), LegalBasis("04/TD", date(year + 1, 3, 1), "NHCSXH huyện Hải Hậu")),
        )
    if pattern == 5:  # fell back into poverty after a bad harvest
        ledger.record_relapse(
            actor,
            household_id,
            Standing.POOR,
            Entry(
                date(2025, 12, 12),
                LegalBasis("189/QĐ-UBND", date(2025, 12, 12), CHAIR_ISSUER),
                note="Tái nghèo do mất mùa, chủ hộ ốm đau kéo dài",
            ),
        )
    if pattern == 4:  # near-poor who escaped near-poverty
        ledger.grant_loan(
            actor,
            household_id,
            Programme.NEAR_POOR,
            50_000_000,
            48,
            Entry(date(2022, 6, 20), LegalBasis("04/TD", date(2022, 6, 18), "NHCSXH huyện Hải Hậu")),
        )
        ledger.record_escape(actor, household_id, Standing.NEAR_POOR, decision(2024))


def add_projects(ledger: Ledger, actors: dict[str, Actor], households: list[tuple[Actor, object]]) -> None:
    vice = actors["phochutich"]
    plans = [
        ("Mô hình nuôi gà thả vườn", Component.LIVELIHOODS, "laodong", date(2024, 1, 1), 36, False),
        ("Hỗ trợ giống lúa chất lượng cao", Component.AGRICULTURE, "diachinh", date(2024, 3, 1), 32, False),
        ("Mô hình nuôi ngao vùng bãi ngang", Component.LIVELIHOODS, "laodong", date(2022, 3, 1), 30, True),
        ("Trồng rau an toàn theo chuỗi", Component.AGRICULTURE, "diachinh", date(2025, 2, 1), 36, False),
    ]
    for number, (name, component, responsible, starts_on, months, reviewed) in enumerate(plans):
        members = [household_id for _, household_id in households[number * 5 : number * 5 + 6]]
        proposed = ledger.propose_project(
            vice,
            name,
            component,
            members,  # type: ignore[arg-type]
            Entry(starts_on - timedelta(days=60)),
            responsible,
        )
        basis = LegalBasis(f"{20 + number}/QĐ-UBND", starts_on - timedelta(days=10), CHAIR_ISSUER)
        ledger.approve_project(
            vice, proposed.subject_id, CHAIR_ISSUER, starts_on, months, Entry(starts_on - timedelta(days=10), basis)
        )
        if reviewed:
            ledger.review_project(
                vice,
                proposed.subject_id,
                "Đạt mục tiêu: 4/6 hộ tăng thu nhập, 2 hộ thoát nghèo.",
                Entry(date(2024, 9, 10), LegalBasis("45/BC-UBND", date(2024, 9, 10), CHAIR_ISSUER)),
            )
    ledger.propose_project(
        vice,
        "Nghề mây tre đan xuất khẩu",
        Component.LIVELIHOODS,
        [household_id for _, household_id in households[30:34]],  # type: ignore[misc]
        Entry(date(2026, 10, 15)),
        "laodong",
    )
