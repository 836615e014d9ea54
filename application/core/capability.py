"""A capability's service: its use cases over the shared core, given the sibling services it uses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from application.audit.notary import Notary
from application.core.idempotency import guard_use_cases
from application.core.ledger_core import EventStore, LedgerCore
from application.core.settings import Settings
from application.readmodels.catchup import ReadModels
from domain.bounds import Days
from domain.indicators import IndicatorRules
from domain.standards import PovertyStandard
from domain.workdays import WorkCalendar


class CapabilityService:
    """Holds the core; what every service shares (the store, the read models, the clock) is read through it."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        guard_use_cases(cls)  # a copy of a form that lost the race answers "duplicate", not a refusal

    def __init__(self, core: LedgerCore) -> None:
        self.core = core

    @property
    def settings(self) -> Settings:
        return self.core.settings

    @property
    def store(self) -> EventStore:
        return self.core.store

    @property
    def views(self) -> ReadModels:
        return self.core.views

    @property
    def notary(self) -> Notary:
        return self.core.notary

    @property
    def clock(self) -> Callable[[], datetime]:
        return self.core.clock

    @property
    def timezone(self) -> ZoneInfo:
        return self.core.timezone

    @property
    def standards(self) -> tuple[PovertyStandard, ...]:
        return self.core.standards

    @property
    def calendar(self) -> WorkCalendar:
        return self.core.calendar

    @property
    def indicator_rules(self) -> IndicatorRules:
        return self.core.indicator_rules

    def today(self) -> date:
        return self.core.today()

    def admissible_days(self) -> Days:
        return self.core.admissible_days()
