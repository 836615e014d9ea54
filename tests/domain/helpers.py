"""Builders for domain tests: an official's act, and households at a given point of their history."""

from __future__ import annotations

from datetime import date

from domain.acts import Act
from domain.household import Area, Household, Standing


def act(on: date, actor: str = "diachinh", role: str = "official", **extra: object) -> Act:
    return Act(actor, role, on, **extra)  # type: ignore[arg-type]


def household(hamlet: str = "Xuân Hà") -> Household:
    """A newly registered household whose registration has already been collected."""
    registered = Household.register("Hải Hòa", hamlet, "Nguyễn Văn An", [], Area.RURAL, act(date(2020, 1, 6)))
    registered.collect_events()
    return registered


def poor_household(since: date = date(2022, 1, 10)) -> Household:
    poor = household()
    poor.recognise(Standing.POOR, act(since))
    poor.collect_events()
    return poor


def near_poor_household(since: date = date(2022, 1, 10)) -> Household:
    near_poor = household()
    near_poor.recognise(Standing.NEAR_POOR, act(since))
    near_poor.collect_events()
    return near_poor


def escaped_household(escaped_on: date, poor_since: date = date(2022, 1, 10)) -> Household:
    """A poor household recognised as having escaped poverty, so its 36-month window runs."""
    escaped = poor_household(poor_since)
    escaped.escape_poverty(Standing.ESCAPED_POVERTY, True, act(escaped_on))
    escaped.collect_events()
    return escaped
