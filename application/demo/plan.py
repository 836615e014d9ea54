"""Hải Hòa's 2024 plan (the seed document) recorded as data, for the demo commune.

The seed text carries no number and no date of its own: its heading is "KẾ HOẠCH" and it implements
Plan 48/KH-UBND of 23/02/2024 of UBND huyện Hải Hậu. The demo therefore records the number as the
blank the commune's register fills in ("…/KH-UBND") and an issue date shortly after the district
plan; both are marked as assumptions in the note rather than invented as facts.
"""

from __future__ import annotations

from datetime import date

from application.core.ledger_core import Entry
from application.ledger import Ledger
from application.plan.cases import DISTRICT_PLAN_2024
from domain.acts import LegalBasis
from domain.plan import SEED_TARGETS, Assignment
from domain.user import Actor

DEMO_PLAN_YEAR = 2024
DEMO_PLAN_NUMBER = "…/KH-UBND"
DEMO_PLAN_ISSUED_ON = date(2024, 3, 1)  # assumed: after the district plan of 23/02/2024
PARENT_PLAN = LegalBasis(DISTRICT_PLAN_2024.number, date(2024, 2, 23), DISTRICT_PLAN_2024.issuer)

# Seed plan §VI: the four named officials and their hamlets; §VI.5 "các cán bộ, công chức xã khác"
# follow the other hamlets, as application/demo/commune.py DEMO_USERS assigns them.
SEED_ASSIGNMENTS = (
    Assignment("Xuân Hà", "diachinh", "Công chức Địa chính – nông nghiệp – xây dựng và môi trường (§VI.1)"),
    Assignment("Xuân Đài Đông", "laodong", "Công chức Văn hóa – xã hội, lao động – thương binh – xã hội (§VI.2)"),
    Assignment("Cồn Tròn Đông", "taichinh", "Công chức Tài chính – Kế toán (§VI.3)"),
    Assignment("Tân Hùng", "vanhoa", "Công chức Văn hóa – xã hội, văn hóa – thông tin (§VI.4)"),
)
OTHER_OFFICIALS = ("canbo1", "canbo2", "canbo3", "canbo4")


def demo_assignments(hamlets: list[str]) -> list[Assignment]:
    """The four of §VI, then the remaining hamlets two by two to canbo1 … canbo4 (§VI.5)."""
    named = [a for a in SEED_ASSIGNMENTS if a.hamlet in hamlets]
    others = [h for h in hamlets if h not in {a.hamlet for a in named}]
    duty = "Cán bộ, công chức xã khác theo dõi xóm (§VI.5)"
    return named + [
        Assignment(hamlet, OTHER_OFFICIALS[min(n // 2, len(OTHER_OFFICIALS) - 1)], duty)
        for n, hamlet in enumerate(others)
    ]


def record_demo_plan(ledger: Ledger, chair: Actor) -> None:
    """Records the 2024 plan as the chair; does nothing when the year already has one."""
    if ledger.plan.plan_of(DEMO_PLAN_YEAR):
        return
    note = (
        "Kế hoạch thực hiện Chương trình MTQG giảm nghèo bền vững năm 2024 trên địa bàn xã"
        " (bản gốc không ghi số, ngày; số và ngày trong bản demo là giả định)"
    )
    ledger.plan.issue_plan(
        chair,
        DEMO_PLAN_YEAR,
        DEMO_PLAN_NUMBER,
        PARENT_PLAN,
        list(SEED_TARGETS),
        demo_assignments(list(ledger.settings.hamlets)),
        Entry(DEMO_PLAN_ISSUED_ON, note=note),
    )
