"""The demo's average-living agricultural households (hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm
nghiệp có mức sống trung bình), determined at the 2024 and 2025 annual reviews.

Decision 24/2021/QĐ-TTg, Art. 6: the commune chair determines, once a year with the review, which of the
households living from farming, forestry, fishing or salt making have an average living standard — an
income over the last 12 months above the poverty line and at most 1.5 times it (domain.md §4.4); their
members get half the health-insurance premium (seed §II). Hải Hòa is a coastal commune of Hải Hậu: most
live from rice, some from fishing or the salt fields. The households are those the review surveyed that
year, found at that level and left neither poor nor near-poor; the income is the survey's.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from uuid import UUID

from application.core.ledger_core import Entry
from application.demo.history import Plan
from application.ledger import Ledger
from domain.acts import LegalBasis
from domain.decisions import Standing
from domain.standards import PovertyClass
from domain.survey import Occupation
from domain.user import Actor

YEARS = (2024, 2025)
ISSUER = "Chủ tịch UBND xã Hải Hòa"
OCCUPATIONS = {Occupation.AGRICULTURE: 70, Occupation.FISHERY: 20, Occupation.SALT: 10}
NOT_LISTED = (Standing.UNLISTED, Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY)


def determination(year: int) -> Entry:
    day = date(year, 12, 14)
    basis = LegalBasis(f"{150 + year % 100}/QĐ-UBND", day, ISSUER)
    return Entry(day, basis, note=f"Xác định hộ làm nông, lâm, ngư, diêm nghiệp có mức sống trung bình năm {year}")


def add_average_living(
    ledger: Ledger, official_of: Callable[[str], Actor], plan: Plan, ids: dict[int, UUID]
) -> int:
    """Records the determinations, by each hamlet's official; returns how many."""
    surveyed = {(s.household, s.day.year) for s in plan.steps if s.action == "survey" and s.day.year in YEARS}
    recorded = 0
    for number, year in sorted(surveyed, key=lambda pair: (pair[1], pair[0])):
        entry = determination(year)
        if plan.on(number, entry.effective_on) not in NOT_LISTED or plan.now(number) not in NOT_LISTED:
            continue
        summary = ledger.households.household_summary(ids[number])
        survey = summary.latest_survey
        if (
            survey is None
            or survey.surveyed_on.year != year
            or survey.provisional_class is not PovertyClass.AVERAGE_LIVING
            or survey.income.per_capita_monthly is None
        ):
            continue
        household = plan.households[number]
        rng = random.Random(f"occupation/{household.code}/{household.citizen_id}")
        occupation = rng.choices(list(OCCUPATIONS), weights=list(OCCUPATIONS.values()))[0]
        income_12_months = survey.income.per_capita_monthly * 12 * len(summary.members)
        actor = official_of(household.hamlet)
        ledger.surveys.recognise_average_living(actor, ids[number], occupation, income_12_months, 0, entry)
        recorded += 1
    return recorded
