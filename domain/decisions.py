"""A household's poverty decisions and what they amount to: its standing, and the windows they open.

The one source of what a decision does to deadlines (issue 11 §3): the household's events apply it, a
correction re-derives with it, and the obligations read model asks it. It is a pure function of the
decisions in force (their kinds, effective dates and standings); "today" never enters it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from domain.acts import LegalBasis
from domain.deadlines import escaped_loan_window_ends_on, newly_escaped_until
from domain.formatting import vn_date


class Standing(Enum):
    """Where a household stands on the commune's managed lists."""

    UNLISTED = "unlisted"
    POOR = "poor"
    NEAR_POOR = "near_poor"
    ESCAPED_POVERTY = "escaped_poverty"
    ESCAPED_NEAR_POVERTY = "escaped_near_poverty"


STANDING_LABELS = {
    Standing.UNLISTED: "chưa thuộc danh sách",
    Standing.POOR: "hộ nghèo",
    Standing.NEAR_POOR: "hộ cận nghèo",
    Standing.ESCAPED_POVERTY: "hộ thoát nghèo",
    Standing.ESCAPED_NEAR_POVERTY: "hộ thoát cận nghèo",
}
LEFT_THE_LISTS = (Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY)


class DecisionKind(Enum):
    """The five decisions on a household's class; each value is the event's persisted name, as corrections
    and the audit log name it (domain/correction.py HOUSEHOLD_DECISIONS)."""

    RECOGNISED_POOR = "Household.RecognisedPoor"
    RECOGNISED_NEAR_POOR = "Household.RecognisedNearPoor"
    ESCAPED_POVERTY = "Household.EscapedPoverty"
    ESCAPED_NEAR_POVERTY = "Household.EscapedNearPoverty"
    FELL_BACK_INTO_POVERTY = "Household.FellBackIntoPoverty"


@dataclass(frozen=True)
class Decision:
    """One decision in force in the household's history, as recorded or as corrected since."""

    version: int
    kind: DecisionKind
    effective_on: date
    from_standing: Standing
    to_standing: Standing
    starts_window: bool  # an escape from poverty the commune counts as "newly escaped" (domain.md §4.2)
    basis: LegalBasis | None = None


@dataclass(frozen=True)
class EscapeWindow:
    """The 36 months a household counts as newly escaped, closed early if it falls back."""

    starts_on: date
    ends_on: date
    closed_on: date | None = None

    def covers(self, day: date) -> bool:
        if self.closed_on and day >= self.closed_on:
            return False
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class PovertyWindows:
    """What a history of decisions amounts to: the standing, its dated history, every 36-month window, and
    the deadlines still open: ends of 36-month windows, ends of the 3 years of escaped-household loans."""

    standing: Standing
    history: list[tuple[date, Standing]]
    windows: list[EscapeWindow]
    window_ends: list[date]
    loan_window_ends: list[date]


NO_DECISION = PovertyWindows(Standing.UNLISTED, [], [], [], [])


def poverty_windows(decisions: Sequence[Decision]) -> PovertyWindows:
    """The standing and windows of a household after these decisions, in order of their effect."""
    windows = NO_DECISION
    for decision in decisions:
        windows = after(windows, decision)
    return windows


@dataclass(frozen=True)
class Effect:
    """What one decision does to the deadlines: the windows it opens (their last days) and whether it ends
    the household's windows, cancelling their open deadlines."""

    window_until: date | None
    loan_window_until: date | None
    ends_windows: bool


def effect_of(decision: Decision) -> Effect:
    until = newly_escaped_until(decision.effective_on) if starts_window(decision) else None
    loan_until = escaped_loan_window_ends_on(decision.effective_on) if starts_loan_window(decision) else None
    return Effect(until, loan_until, ends_windows(decision))


def after(windows: PovertyWindows, decision: Decision) -> PovertyWindows:
    effect = effect_of(decision)
    history = [*windows.history, (decision.effective_on, decision.to_standing)]
    if effect.ends_windows:
        return PovertyWindows(decision.to_standing, history, close_last(windows.windows, decision.effective_on), [], [])
    opened, ends, loan_ends = windows.windows, windows.window_ends, windows.loan_window_ends
    if effect.window_until:
        opened = [*opened, EscapeWindow(decision.effective_on, effect.window_until)]
        ends = [*ends, effect.window_until]
    if effect.loan_window_until:
        loan_ends = [*loan_ends, effect.loan_window_until]
    return PovertyWindows(decision.to_standing, history, opened, ends, loan_ends)


def ends_windows(decision: Decision) -> bool:
    # Domain.md §6, timer semantics: the window "is cancelled if the household falls back to poor or
    # near-poor (tái nghèo)"; a household recognised poor again is no longer newly escaped either. Its
    # open deadlines (the 36-month end, the 3 loan years) are cancelled with it.
    return decision.to_standing is Standing.POOR or decision.kind is DecisionKind.FELL_BACK_INTO_POVERTY


def starts_window(decision: Decision) -> bool:
    # Seed plan §III.1 and the Program of Decision 90/QĐ-TTg, Part II.2 [I]: "hộ mới thoát nghèo (trong vòng
    # 36 tháng, kể từ thời điểm hộ được cấp có thẩm quyền công nhận thoát nghèo)": from the recognition of an
    # escape from poverty, not of near-poverty (domain.md addendum §4.2).
    return decision.kind is DecisionKind.ESCAPED_POVERTY and decision.starts_window


def starts_loan_window(decision: Decision) -> bool:
    # Decision 28/2015/QĐ-TTg, Art. 2 [V]: loans for a household removed from the poor or near-poor list at
    # most 3 years ago. After an escape that opened a 36-month window, both end on the same day and the
    # window's deadline stands for both, so only a departure without a window opens a loan deadline.
    return decision.to_standing in LEFT_THE_LISTS and not starts_window(decision)


def close_last(windows: list[EscapeWindow], on: date) -> list[EscapeWindow]:
    if windows and windows[-1].closed_on is None:
        return [*windows[:-1], replace(windows[-1], closed_on=on)]
    return windows


def corrected_decisions(
    decisions: Sequence[Decision], version: int, effective_on: date | None, basis: LegalBasis | None, void: bool
) -> list[Decision]:
    """The decisions in force once the one recorded as `version` is voided or given a new date or basis."""
    if void:
        return [d for d in decisions if d.version != version]
    return [
        replace(d, effective_on=effective_on or d.effective_on, basis=basis or d.basis) if d.version == version else d
        for d in decisions
    ]


def correction_refusal(
    decisions: Sequence[Decision], registered_on: date, version: int, effective_on: date | None, void: bool
) -> str | None:
    """Why the decision recorded as `version` cannot be corrected so, or None.

    The transition rules stay whole: a decision keeps its place between the previous and the next one
    (no decision takes effect before the previous one), and a voided decision may go only if the next
    one still starts from where the previous one left the household.
    """
    index = next((n for n, d in enumerate(decisions) if d.version == version), None)
    if index is None:
        return "Quyết định này không còn trong lịch sử của hộ (đã được hủy bằng một đính chính trước)."
    before = decisions[index - 1] if index else None
    after_it = decisions[index + 1] if index + 1 < len(decisions) else None
    if void:
        return void_refusal(before, after_it)
    if effective_on and effective_on < registered_on:
        return before_registration(effective_on, registered_on)
    if effective_on and before and effective_on < before.effective_on:
        return f"Ngày hiệu lực mới {vn_date(effective_on)} sớm hơn quyết định trước ({vn_date(before.effective_on)})."
    if effective_on and after_it and effective_on > after_it.effective_on:
        return f"Ngày hiệu lực mới {vn_date(effective_on)} muộn hơn quyết định sau ({vn_date(after_it.effective_on)})."
    return None


def void_refusal(before: Decision | None, after_it: Decision | None) -> str | None:
    left = before.to_standing if before else Standing.UNLISTED
    if after_it is None or after_it.from_standing is left:
        return None
    return (
        f"Không thể hủy: quyết định sau ngày {vn_date(after_it.effective_on)}"
        f" ({STANDING_LABELS[after_it.from_standing]} → {STANDING_LABELS[after_it.to_standing]}) dựa trên"
        " quyết định này. Hãy đính chính quyết định sau trước."
    )


def before_registration(day: date, registered_on: date) -> str:
    # The as-of views start a household's history at its registration (application/audit/as_of_state.py):
    # a decision effective before it would make the as-of lists and the current lists disagree.
    return (
        f"Ngày hiệu lực {vn_date(day)} trước ngày hộ được đăng ký vào sổ ({vn_date(registered_on)});"
        " quyết định chỉ có hiệu lực từ ngày đăng ký trở đi."
    )
