"""A request as a client puts it on the wire, hostile bytes included, and what came back."""

from __future__ import annotations

import csv
import io
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from application.lists.list_layout import COLUMNS
from web.app import create_app

ROOT = Path(create_app.__code__.co_filename).resolve().parents[1]
SERVER = [ROOT / "web", ROOT / "application", ROOT / "domain"]


@dataclass
class Answer:
    status: int
    text: str


def raised_by_the_app(error: BaseException) -> bool:
    """Whether the exception came out of the application (a 500 to a real client), not out of the client:
    through the app's error middleware or the project's own layers."""
    frames = [Path(frame.f_code.co_filename) for frame, _ in traceback.walk_tb(error.__traceback__)]
    return any(served(name) for name in frames)


def served(name: Path) -> bool:
    return any(name.is_relative_to(layer) for layer in SERVER) or {"starlette", "middleware"} <= set(name.parts)


def query_string(query: dict[str, Any]) -> str:
    """Percent-encoded as a client would send it, a lone surrogate included (as its WTF-8 bytes)."""
    pairs = [f"{quote(str(k))}={quote(str(v).encode('utf-8', 'surrogatepass'))}" for k, v in query.items()]
    return "?" + "&".join(pairs) if pairs else ""


def csv_content(row: Any) -> bytes:
    """A household list of one row; a non-object body is written as the row's only cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows([["Xã Hải Hòa"], ["Danh sách hộ"], [], list(COLUMNS)])
    cells = [row.get(column, "") for column in COLUMNS] if isinstance(row, dict) else [row]
    writer.writerow(["" if cell is None else str(cell) for cell in cells])
    return out.getvalue().encode("utf-8-sig", "surrogatepass")

