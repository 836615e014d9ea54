"""The demo commune's projects (seed §IV.2): three of Dự án 2, run by the labour–social official, and three of
Tiểu dự án 1 of Dự án 3, run by the land–agriculture official; each lasts at most 36 months and is reviewed
at its end. Members are households of the target group (poor, near-poor, newly escaped) on the start date."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from application.core.ledger_core import Entry
from domain.acts import LegalBasis
from domain.decisions import Standing
from domain.project import Component
from domain.user import Actor

if TYPE_CHECKING:
    from application.demo.history import Plan
    from application.ledger import Ledger

CHAIR_ISSUER = "Chủ tịch UBND xã Hải Hòa"


@dataclass(frozen=True)
class DemoProject:
    name: str
    component: Component
    responsible: str
    hamlets: tuple[str, ...]
    starts_on: date
    months: int
    reviewed_on: date | None = None


PROJECTS = (
    DemoProject("Mô hình nuôi ngao vùng bãi ngang", Component.LIVELIHOODS, "laodong",
                ("Cồn Tròn Đông", "Xóm 11", "Xóm 12"), date(2022, 3, 1), 30, date(2024, 9, 10)),
    DemoProject("Hỗ trợ giống, vật tư nuôi tôm nước lợ", Component.AGRICULTURE, "diachinh",
                ("Cồn Tròn Đông", "Xóm 10"), date(2022, 6, 1), 24, date(2024, 7, 15)),
    DemoProject("Mô hình nuôi lợn sinh sản an toàn sinh học", Component.LIVELIHOODS, "laodong",
                ("Xuân Đài Đông", "Xóm 5", "Xóm 6"), date(2023, 5, 1), 24, date(2025, 6, 20)),
    DemoProject("Mô hình nuôi gà thả vườn", Component.LIVELIHOODS, "laodong",
                ("Xuân Hà", "Tân Hùng", "Xóm 7"), date(2024, 1, 1), 36),
    DemoProject("Hỗ trợ giống lúa chất lượng cao", Component.AGRICULTURE, "diachinh",
                ("Xuân Hà", "Xóm 8", "Xóm 9"), date(2024, 3, 1), 32),
    DemoProject("Trồng rau an toàn theo chuỗi", Component.AGRICULTURE, "diachinh",
                ("Tân Hùng", "Xuân Đài Đông"), date(2025, 2, 1), 36),
)
TARGET_GROUP = (Standing.POOR, Standing.NEAR_POOR)


def members_of(plan: Plan, project: DemoProject, rng: random.Random) -> list[int]:
    """Eight to fifteen target-group households, from the project's hamlets first."""
    day = project.starts_on - timedelta(days=60)
    group = [
        h for h in plan.households
        if plan.on(h.number, day) in TARGET_GROUP or plan.newly_escaped_on(h.number, day)
    ]
    rng.shuffle(group)
    group.sort(key=lambda h: h.hamlet not in project.hamlets)
    return sorted(h.number for h in group[: rng.randint(8, 15)])


def results(plan: Plan, members: list[int], day: date) -> str:
    escaped = sum(
        plan.on(n, day) in (Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY) for n in members
    )
    return (
        f"Đạt mục tiêu: {len(members)} hộ tham gia duy trì mô hình, thu nhập tăng;"
        f" {escaped}/{len(members)} hộ đã thoát nghèo, thoát cận nghèo."
    )


def add_projects(
    ledger: Ledger, actors: dict[str, Actor], plan: Plan, ids: dict[int, UUID], rng: random.Random
) -> None:
    vice = actors["phochutich"]
    for number, project in enumerate(PROJECTS):
        members = members_of(plan, project, rng)
        proposed = ledger.projects.propose_project(
            vice,
            project.name,
            project.component,
            [ids[n] for n in members],
            Entry(project.starts_on - timedelta(days=60)),
            project.responsible,
        )
        approved_on = project.starts_on - timedelta(days=10)
        basis = LegalBasis(f"{20 + number}/QĐ-UBND", approved_on, CHAIR_ISSUER)
        ledger.projects.approve_project(
            vice, proposed.subject_id, CHAIR_ISSUER, project.starts_on, project.months, Entry(approved_on, basis)
        )
        if project.reviewed_on:
            report = LegalBasis(f"{40 + number}/BC-UBND", project.reviewed_on, CHAIR_ISSUER)
            ledger.projects.review_project(
                vice,
                proposed.subject_id,
                results(plan, members, project.reviewed_on),
                Entry(project.reviewed_on, report),
            )
    proposal = DemoProject("Nghề mây tre đan xuất khẩu", Component.LIVELIHOODS, "laodong",
                           ("Xóm 9", "Xóm 10"), date(2026, 12, 15), 24)
    ledger.projects.propose_project(
        vice,
        proposal.name,
        proposal.component,
        [ids[n] for n in members_of(plan, proposal, rng)],
        Entry(date(2026, 10, 15)),
        proposal.responsible,
    )
