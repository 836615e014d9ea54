"""Turns read-model rows into the frozen dataclasses the use cases return."""

from __future__ import annotations

import types
import typing
from dataclasses import fields
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from application.core.errors import NOT_YET_SHOWN, ReadModelsBehindError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def projected(row: dict[str, Any] | None) -> dict[str, Any]:
    """The row of a record loaded from the log: missing only while the read models are stalled (issue 10 §1)."""
    if row is None:
        raise ReadModelsBehindError(NOT_YET_SHOWN)
    return row


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    hints = typing.get_type_hints(cls)
    return cls(**{f.name: convert(row.get(f.name), hints[f.name]) for f in fields(cls)})


def convert(value: Any, kind: Any) -> Any:
    if value is None:
        return None
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        kind = next(arg for arg in typing.get_args(kind) if arg is not type(None))
    if typing.get_origin(kind) is tuple:
        return tuple(part for part in str(value).split("|") if part)
    if kind is date:
        return date.fromisoformat(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is UUID:
        return UUID(str(value))
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind in (bool, int, str):
        return kind(value)
    return value
