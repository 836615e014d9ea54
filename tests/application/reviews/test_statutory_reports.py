"""The commune's monthly report of regular-review results and its annual review summary, on every store."""

from __future__ import annotations

from datetime import date

import pytest

from application.core.errors import InvalidInputError
from application.ledger import Ledger
from application.reviews.statutory_report_rows import NEAR_POOR_IN, NEAR_POOR_OUT, POOR_IN, POOR_OUT, HamletRow
from domain.household import Standing
from tests.application.hamlet_review import decided_hamlet_review
from tests.application.helpers import XUAN_DAI_DONG, XUAN_HA, actor, entry, poor_household, reviewed_request


def row_of(rows: tuple[HamletRow, ...], hamlet: str) -> HamletRow:
    [row] = [r for r in rows if r.hamlet == hamlet]
    return row


def test_a_regular_review_decided_in_a_month_shows_in_that_months_report_per_hamlet(ledger: Ledger) -> None:
    poor_household(ledger, hamlet=XUAN_DAI_DONG)
    reviewed_request(ledger)  # Xuân Hà, recognised poor on 25/11/2026 by 215/QĐ-UBND

    november = ledger.reports.monthly_review_report(2026, 11)

    xuan_ha, xuan_dai_dong = row_of(november.rows, XUAN_HA), row_of(november.rows, XUAN_DAI_DONG)
    assert (xuan_ha["reviewed"], xuan_ha["newly_poor"], xuan_ha["escaped_poverty"]) == (1, 1, 0)
    assert (xuan_ha["poor_end"], xuan_ha["households_end"]) == (1, 1)
    assert (xuan_dai_dong["reviewed"], xuan_dai_dong["poor_end"]) == (0, 1)
    assert (november.total["reviewed"], november.total["newly_poor"], november.total["poor_end"]) == (1, 1, 2)
    assert [(d.number, d.decided_on, d.households) for d in november.decisions] == [
        ("215/QĐ-UBND", date(2026, 11, 25), 1)
    ]
    assert november.as_of == date(2026, 11, 28)  # the month is not over: today
    assert november.source.position == ledger.tamper_evidence.log_head().position and not november.source.signed


def test_a_month_without_a_regular_decision_reports_no_movement_but_still_the_lists(ledger: Ledger) -> None:
    reviewed_request(ledger)

    october = ledger.reports.monthly_review_report(2026, 10)

    assert october.decisions == ()
    assert october.total["reviewed"] == october.total["newly_poor"] == october.total["poor_end"] == 0
    assert october.as_of == date(2026, 10, 31)


def test_an_exported_report_signs_a_checkpoint_at_the_head_it_was_built_from(ledger: Ledger) -> None:
    reviewed_request(ledger)

    exported = ledger.reports.monthly_review_report(2026, 11, export=True)

    head = ledger.tamper_evidence.log_head()
    assert exported.source.signed
    assert (exported.source.position, exported.source.head_hash) == (head.position, head.hash)


@pytest.mark.parametrize(
    ("year", "month", "field", "message"),
    [
        (2026, 13, "month", "Tháng báo cáo phải từ 1 đến 12."),
        (2026, 12, "month", "Tháng 12/2026 chưa đến"),
        (2027, 1, "year", "Năm báo cáo phải từ 2021 đến 2026."),
    ],
)
def test_a_month_that_does_not_exist_or_has_not_come_is_refused_with_a_message(
    ledger: Ledger, year: int, month: int, field: str, message: str
) -> None:
    with pytest.raises(InvalidInputError) as refused:
        ledger.reports.monthly_review_report(year, month)

    assert message in refused.value.errors[field]


def test_the_annual_summary_adds_the_years_movements_to_the_start_to_give_the_end_in_every_hamlet(
    ledger: Ledger,
) -> None:
    decided_hamlet_review(ledger)  # the 2026 periodic review of Xuân Hà, decided on 15/10/2026
    reviewed_request(ledger)  # a regular review: one more poor household in Xuân Hà, 25/11/2026
    escaped = poor_household(ledger, hamlet=XUAN_DAI_DONG)
    ledger.households.record_escape(actor(ledger, "chutich"), escaped, Standing.POOR, entry(date(2026, 3, 16)))

    summary = ledger.reports.annual_review_summary(2026)

    for row in (*summary.rows, summary.total):
        assert row["poor_start"] + sum(row[k] for k in POOR_IN) - sum(row[k] for k in POOR_OUT) == row["poor_end"]
        near_in, near_out = sum(row[k] for k in NEAR_POOR_IN), sum(row[k] for k in NEAR_POOR_OUT)
        assert row["near_poor_start"] + near_in - near_out == row["near_poor_end"]
    xuan_ha = row_of(summary.rows, XUAN_HA)
    assert (xuan_ha["poor_start"], xuan_ha["near_poor_start"], xuan_ha["households_end"]) == (1, 1, 5)
    assert (xuan_ha["newly_poor"], xuan_ha["near_poor_to_poor"], xuan_ha["escaped_poverty"]) == (2, 1, 1)
    assert (xuan_ha["newly_near_poor"], xuan_ha["poor_end"], xuan_ha["near_poor_end"]) == (1, 3, 1)
    assert xuan_ha["reviewed"] == 4  # listed in the periodic review: two on the lists, two on Mẫu 01
    assert xuan_ha.rate("poor_end", "households_end") == 60.0
    xuan_dai_dong = row_of(summary.rows, XUAN_DAI_DONG)
    assert (xuan_dai_dong["poor_start"], xuan_dai_dong["escaped_poverty"], xuan_dai_dong["poor_end"]) == (2, 1, 1)
    assert [d.number for d in summary.periodic_decisions] == ["180/QĐ-UBND"]
    assert (summary.start_on, summary.as_of) == (date(2025, 12, 31), date(2026, 11, 28))


def test_last_years_summary_ends_on_31_december_and_counts_none_of_this_years_movements(ledger: Ledger) -> None:
    decided_hamlet_review(ledger)

    summary = ledger.reports.annual_review_summary(2025)

    xuan_ha = row_of(summary.rows, XUAN_HA)
    assert summary.as_of == date(2025, 12, 31)
    assert (xuan_ha["poor_start"], xuan_ha["poor_end"], xuan_ha["near_poor_end"]) == (1, 1, 1)
    assert xuan_ha["escaped_poverty"] == xuan_ha["reviewed"] == 0
