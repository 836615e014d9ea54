"""The ledger: the event store, the read models and the use cases over them."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar
from uuid import UUID
from zoneinfo import ZoneInfo

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError, JSONTranscoder

from application.audit.chain import create_chain_tables, extend_chain
from application.audit.notary import Notary
from application.core.errors import ConflictError, InvalidInputError, NotFoundError
from application.core.reference import STANDARDS, work_calendar
from application.core.settings import Settings, eventsourcing_env
from application.core.transcodings import register_ledger_transcodings
from application.readmodels.catchup import Chain, ReadModels
from application.readmodels.database import open_view_database
from application.readmodels.registry import Registry
from domain.acts import Act, LegalBasis
from domain.bounds import Days
from domain.indicators import IndicatorRules
from domain.receipt import CommandReceipt, receipt_id
from domain.user import Actor

A = TypeVar("A", bound=Aggregate)
T = TypeVar("T")

AUDIT_CHAIN = Chain(create_chain_tables, extend_chain)
CONFLICT_MESSAGE = "Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang, kiểm tra rồi ghi lại."


def on_start_up(build: Callable[[], T], attempts: int = 5) -> T:
    """Builds a store, retrying when another process is creating the same tables at that moment.

    PostgreSQL can refuse two concurrent CREATE … IF NOT EXISTS / CREATE OR REPLACE FUNCTION with
    "tuple concurrently updated" or a unique violation; the second try finds them created.
    """
    for attempt in range(1, attempts + 1):
        try:
            return build()
        except Exception as error:  # the library wraps driver errors in several classes
            if attempt == attempts or not is_start_up_race(error):
                raise
            time.sleep(0.2 * attempt)
    raise AssertionError("unreachable")


def is_start_up_race(error: BaseException) -> bool:
    text = f"{error} {error.__cause__ or ''}"
    return "concurrently updated" in text or "duplicate key value" in text or "already exists" in text


class EventStore(Application[UUID]):
    """The one event store of a deployment; its notification log is the audit trail's order."""

    name = "Ledger"

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_ledger_transcodings(transcoder)


@dataclass(frozen=True)
class Entry:
    """What an official fills in for every act: effective date, basis, note, and the form's id."""

    effective_on: date
    basis: LegalBasis | None = None
    note: str = ""
    command_id: str = ""
    expected_version: int | None = None


@dataclass(frozen=True)
class Recorded:
    subject_id: UUID
    position: int | None
    duplicate: bool = False


class LedgerCore:
    """What every capability service shares: the store, the read models, the notary, the settings and the clock,
    and the steps of every act (act, load, record, previous)."""

    def __init__(self, settings: Settings, read_models: Registry, clock: Callable[[], datetime] | None = None) -> None:
        """`read_models` is every capability's read model (application/views.py), given by the Ledger so that
        the core depends on no capability."""
        self.settings = settings
        self.timezone = ZoneInfo(settings.timezone)
        self.clock = clock or (lambda: datetime.now(self.timezone))
        self.store = on_start_up(lambda: EventStore(env=eventsourcing_env(settings.database)))
        self.views = on_start_up(
            lambda: ReadModels(open_view_database(settings.database), self.store, read_models, AUDIT_CHAIN)
        )
        self.notary = Notary(settings, self.clock)
        self.views.seal = self.notary.seal  # type: ignore[method-assign]  # a checkpoint after every write batch
        self.standards = STANDARDS
        self.calendar = work_calendar()
        self.indicator_rules = IndicatorRules(**settings.indicator_rules)
        self._batching = False

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Records many commands with one read-model catch-up at the end instead of one per command (the
        demo commune, bulk loads). Use cases that read the read models catch up themselves before reading."""
        self._batching = True
        try:
            yield
        finally:
            self._batching = False
            self.views.catch_up_after_write()  # the batch is saved: a stalled read model must not undo its answer

    def close(self) -> None:
        self.views.database.close()
        self.store.close()

    def today(self) -> date:
        return self.clock().astimezone(self.timezone).date()

    def admissible_days(self) -> Days:
        """The days an act may bear: the configured earliest day to today (domain/bounds.py)."""
        return Days(self.settings.earliest_day, self.today())

    def act(self, actor: Actor, entry: Entry) -> Act:
        return Act(
            actor.username,
            actor.role.value,
            entry.effective_on,
            entry.basis,
            entry.note,
            entry.command_id,
            days=self.admissible_days(),
        )

    def require_not_future(self, day: date, field: str = "effective_on") -> None:
        if day > self.today():
            raise InvalidInputError({field: "Ngày hiệu lực không được sau ngày hôm nay."})

    def previous(self, command_id: str) -> Recorded | None:
        if not command_id:
            return None
        try:
            receipt: CommandReceipt = self.store.repository.get(receipt_id(command_id))
        except AggregateNotFoundError:
            return None
        return Recorded(receipt.subject_id, None, duplicate=True)

    def load(self, kind: type[A], aggregate_id: UUID, expected_version: int | None = None) -> A:
        try:
            aggregate: object = self.store.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise NotFoundError(f"Không tìm thấy hồ sơ {aggregate_id}.") from None
        if not isinstance(aggregate, kind):
            raise NotFoundError(f"Không tìm thấy hồ sơ {aggregate_id}.")
        if expected_version is not None and aggregate.version != expected_version:
            raise ConflictError(CONFLICT_MESSAGE)
        return aggregate

    def record(self, entry: Entry, subject_id: UUID, *aggregates: Any) -> Recorded:
        receipts = [CommandReceipt.receive(entry.command_id, subject_id)] if entry.command_id else []
        try:
            recordings = self.store.save(*aggregates, *receipts)
        except IntegrityError:
            previous = self.previous(entry.command_id)
            if previous:
                return previous
            raise ConflictError(CONFLICT_MESSAGE) from None
        if not self._batching:
            self.views.catch_up_after_write()  # saved is saved: a read-model failure is a stall, not a 500
        return Recorded(subject_id, recordings[-1].notification.id)
