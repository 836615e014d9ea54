"""What a household's decisions do to its deadlines: the 36-month window of a newly escaped household (seed plan
§III.1; Decision 90/QĐ-TTg, Part II.2) and the 3 years of escaped-household loans (Decision 28/2015/QĐ-TTg,
Art. 2), from one pure function over the decisions (domain/decisions.py)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.decisions import (
    Decision,
    DecisionKind,
    EscapeWindow,
    Standing,
    corrected_decisions,
    effect_of,
    poverty_windows,
)

POOR, NEAR_POOR, UNLISTED = Standing.POOR, Standing.NEAR_POOR, Standing.UNLISTED
ESCAPED, ESCAPED_NEAR = Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY


def recognised_poor(on: date, version: int = 2) -> Decision:
    return Decision(version, DecisionKind.RECOGNISED_POOR, on, UNLISTED, POOR, False)


def escaped(on: date, to: Standing = ESCAPED, window: bool = True, version: int = 3) -> Decision:
    return Decision(version, DecisionKind.ESCAPED_POVERTY, on, POOR, to, window)


def fell_back(on: date, into: Standing = POOR, version: int = 4) -> Decision:
    return Decision(version, DecisionKind.FELL_BACK_INTO_POVERTY, on, ESCAPED, into, False)


@pytest.mark.parametrize(
    ("escaped_on", "ends_on"),
    [
        (date(2024, 12, 14), date(2027, 12, 14)),
        (date(2024, 2, 29), date(2027, 2, 28)),  # a leap day: 2027 has no 29/02, the month's last day
        (date(2023, 2, 28), date(2026, 2, 28)),
        (date(2025, 1, 31), date(2028, 1, 31)),
        (date(2025, 8, 31), date(2028, 8, 31)),
        (date(2021, 12, 31), date(2024, 12, 31)),
    ],
)
def test_an_escape_from_poverty_opens_36_months_ending_on_the_same_day_three_years_on(
    escaped_on: date, ends_on: date
) -> None:
    windows = poverty_windows([recognised_poor(date(2021, 12, 1)), escaped(escaped_on)])

    assert windows.windows == [EscapeWindow(escaped_on, ends_on)]
    assert windows.window_ends == [ends_on]


def test_an_escape_that_opens_the_window_opens_no_separate_loan_deadline() -> None:
    windows = poverty_windows([recognised_poor(date(2024, 1, 5)), escaped(date(2024, 12, 14))])

    assert windows.loan_window_ends == []
    assert windows.standing is ESCAPED


def test_a_relapse_inside_the_window_closes_it_and_cancels_its_deadlines() -> None:
    decisions = [recognised_poor(date(2024, 1, 5)), escaped(date(2024, 12, 14)), fell_back(date(2026, 3, 1))]

    windows = poverty_windows(decisions)

    assert windows.windows == [EscapeWindow(date(2024, 12, 14), date(2027, 12, 14), closed_on=date(2026, 3, 1))]
    assert (windows.window_ends, windows.loan_window_ends) == ([], [])
    assert not windows.windows[0].covers(date(2026, 3, 1))
    assert windows.windows[0].covers(date(2026, 2, 28))


def test_a_relapse_into_near_poverty_also_ends_the_window() -> None:
    decisions = [
        recognised_poor(date(2024, 1, 5)),
        escaped(date(2024, 12, 14)),
        fell_back(date(2025, 6, 30), NEAR_POOR),
    ]

    windows = poverty_windows(decisions)

    assert windows.windows[-1].closed_on == date(2025, 6, 30)
    assert windows.standing is NEAR_POOR


def test_escaping_again_after_a_relapse_opens_a_new_window_from_the_new_escape() -> None:
    decisions = [
        recognised_poor(date(2022, 1, 5)),
        escaped(date(2022, 12, 14)),
        fell_back(date(2023, 12, 1)),
        escaped(date(2024, 2, 29), version=5),
    ]

    windows = poverty_windows(decisions)

    assert [(w.starts_on, w.ends_on, w.closed_on) for w in windows.windows] == [
        (date(2022, 12, 14), date(2025, 12, 14), date(2023, 12, 1)),
        (date(2024, 2, 29), date(2027, 2, 28), None),
    ]
    assert windows.window_ends == [date(2027, 2, 28)]


def test_an_escape_to_near_poverty_the_commune_does_not_count_opens_no_window() -> None:
    windows = poverty_windows([recognised_poor(date(2024, 1, 5)), escaped(date(2024, 12, 14), NEAR_POOR, False)])

    assert (windows.windows, windows.window_ends, windows.loan_window_ends) == ([], [], [])
    assert windows.standing is NEAR_POOR


def test_leaving_the_near_poor_list_opens_three_years_of_escaped_household_loans() -> None:
    near_poor = Decision(2, DecisionKind.RECOGNISED_NEAR_POOR, date(2023, 1, 5), UNLISTED, NEAR_POOR, False)
    left = Decision(3, DecisionKind.ESCAPED_NEAR_POVERTY, date(2024, 2, 29), NEAR_POOR, ESCAPED_NEAR, False)

    windows = poverty_windows([near_poor, left])

    assert windows.loan_window_ends == [date(2027, 2, 28)]
    assert windows.windows == []


def test_a_poor_household_recognised_again_is_no_longer_newly_escaped() -> None:
    decisions = [
        recognised_poor(date(2024, 1, 5)),
        escaped(date(2024, 12, 14), NEAR_POOR),  # poor → near-poor, counted as an escape
        Decision(4, DecisionKind.RECOGNISED_POOR, date(2025, 12, 10), NEAR_POOR, POOR, False),
    ]

    windows = poverty_windows(decisions)

    assert windows.windows[-1].closed_on == date(2025, 12, 10)
    assert windows.window_ends == []


def test_a_corrected_escape_date_moves_the_window_and_its_end() -> None:
    decisions = [recognised_poor(date(2024, 1, 5)), escaped(date(2024, 12, 14))]

    corrected = poverty_windows(corrected_decisions(decisions, 3, date(2024, 12, 31), None, False))

    assert corrected.windows == [EscapeWindow(date(2024, 12, 31), date(2027, 12, 31))]
    assert corrected.window_ends == [date(2027, 12, 31)]
    assert corrected.history[-1] == (date(2024, 12, 31), ESCAPED)


def test_a_relapse_voided_as_recorded_in_error_reopens_the_window() -> None:
    decisions = [recognised_poor(date(2024, 1, 5)), escaped(date(2024, 12, 14)), fell_back(date(2026, 3, 1))]

    corrected = poverty_windows(corrected_decisions(decisions, 4, None, None, True))

    assert corrected.windows == [EscapeWindow(date(2024, 12, 14), date(2027, 12, 14))]
    assert corrected.window_ends == [date(2027, 12, 14)]
    assert corrected.standing is ESCAPED


def test_the_effect_of_one_decision_is_what_the_obligations_open_or_cancel() -> None:
    assert effect_of(escaped(date(2024, 2, 29))).window_until == date(2027, 2, 28)
    assert effect_of(escaped(date(2024, 2, 29), window=False)).loan_window_until == date(2027, 2, 28)
    assert effect_of(fell_back(date(2025, 1, 1), NEAR_POOR)).ends_windows
    assert not effect_of(recognised_poor(date(2024, 1, 5))).window_until
