"""The read models as a list: each names its tables and its handlers, and an event reaches every
read model that handles it, in the order of the list (design.md §2.8: nothing registers by import)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from application.readmodels.database import Cursor

Handler = Callable[[Cursor, Any, int], None]


class Handlers(dict[type, Handler]):
    """One read model's handlers, one per event class, filled by its own module."""

    def on(self, *event_classes: type) -> Callable[[Handler], Handler]:
        def handle(handler: Handler) -> Handler:
            for event_class in event_classes:
                assert event_class not in self, f"{event_class.__qualname__} handled twice by one read model"
                self[event_class] = handler
            return handler

        return handle

    @classmethod
    def merged(cls, *parts: Mapping[type, Handler]) -> Handlers:
        """One read model's handlers written in several modules (the audit log's, by capability)."""
        handlers = cls()
        for part in parts:
            for event_class, handler in part.items():
                handlers.on(event_class)(handler)
        return handlers


@dataclass(frozen=True)
class ReadModel:
    name: str
    tables: Mapping[str, str]
    """Table name -> its columns, as written inside CREATE TABLE (…)."""
    handlers: Mapping[type, Handler]
    indexes: Sequence[str] = ()

    def create(self, cursor: Cursor) -> None:
        for table, columns in self.tables.items():
            cursor.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
        for statement in self.indexes:
            cursor.execute(statement)

    def drop(self, cursor: Cursor) -> None:
        for table in self.tables:
            cursor.execute(f"DROP TABLE IF EXISTS {table}")


class Registry:
    """Event class -> the handlers of every read model that handles it. A handler writes only its own
    model's tables; it may read the rows of a model listed before it."""

    def __init__(self, read_models: Sequence[ReadModel]) -> None:
        self.read_models = tuple(read_models)
        self._handlers: dict[type, list[Handler]] = {}
        for model in self.read_models:
            for event_class, handler in model.handlers.items():
                self._handlers.setdefault(event_class, []).append(handler)
        tables = [table for model in self.read_models for table in model.tables]
        assert len(tables) == len(set(tables)), "two read models claim the same table"

    @property
    def tables(self) -> dict[str, str]:
        return {table: columns for model in self.read_models for table, columns in model.tables.items()}

    def handlers_for(self, event_class: type) -> tuple[Handler, ...]:
        return tuple(self._handlers.get(event_class, ()))

    def apply(self, cursor: Cursor, event: Any, position: int) -> None:
        for handler in self._handlers.get(type(event), ()):
            handler(cursor, event, position)

    def create(self, cursor: Cursor) -> None:
        for model in self.read_models:
            model.create(cursor)

    def drop(self, cursor: Cursor) -> None:
        for model in self.read_models:
            model.drop(cursor)
