"""A valid API request, and the hostile mutations hypothesis draws for it: a field replaced or left out,
a malformed id in the path, an unknown field, a body that is not the expected object, or not JSON."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from tests.web.hostile_values import WRONG_TYPES, hostile_uuids, hostile_value, pinpointed

Path = tuple[Any, ...]
RAW_BODIES = ["", "{", "NaN", '{"a": 1} trailing', "[" * 100_000 + "]" * 100_000, '{"a":' * 10_000, "\xff\xfe"]
ACTIONS = ["replace"] * 6 + ["delete", "delete", "path", "extra", "key", "whole", "raw"]


@dataclass
class Call:
    """One write: `route` as the app declares it, its path parameters, and a JSON body (or a CSV row)."""

    method: str
    route: str
    params: dict[str, str]
    body: Any
    as_user: str = "chutich"
    query: dict[str, str] = field(default_factory=dict)
    raw: str | None = None

    def path(self) -> str:
        return self.route.format(**self.params)


def leaves(value: Any, at: Path = ()) -> list[Path]:
    """Every field of the body, nested ones included (a member's name, a basis's number)."""
    found: list[Path] = [at] if at else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += leaves(inner, (*at, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += leaves(inner, (*at, index))
    return found


def pinpoints(call: Call) -> list[tuple[Path, Any]]:
    """Each field of the request (path parameters first) with each value pinpointed for its kind."""
    params = [(("path", name), value) for name in call.params for value in pinpointed(call.params[name])]
    query = [(("query", name), value) for name in call.query for value in pinpointed(call.query[name])]
    fields = [(("body", *at), value) for at in leaves(call.body) for value in pinpointed(get(call.body, at))]
    return params + query + fields


def pinpoint(call: Call, at: Path, value: Any) -> str:
    if at[0] == "path":
        call.params[at[1]] = value
    elif at[0] == "query":
        call.query = {**call.query, at[1]: value}
    else:
        call.body = copy.deepcopy(call.body)
        put(call.body, at[1:], value)
    return f"{dotted(at[1:])}={short(value)}"


def get(body: Any, path: Path) -> Any:
    for step in path:
        body = body[step]
    return body


def put(body: Any, path: Path, value: Any) -> None:
    get(body, path[:-1])[path[-1]] = value


def mutate(draw: Any, call: Call) -> list[str]:
    """Applies one or two hostile changes to `call`; returns what was changed, for the findings."""
    call.body = copy.deepcopy(call.body)
    return [apply(draw, call, draw(st.sampled_from(ACTIONS))) for _ in range(draw(st.integers(1, 2)))]


def apply(draw: Any, call: Call, action: str) -> str:
    fields = leaves(call.body) if isinstance(call.body, dict | list) else []
    if action == "path" and call.params:
        name = draw(st.sampled_from(sorted(call.params)))
        call.params[name] = value = draw(hostile_uuids().map(str))
        return f"path {name}={short(value)}"
    if action == "raw":
        call.raw = draw(st.sampled_from(RAW_BODIES))
        return f"raw body {short(call.raw)}"
    if action == "whole" or not fields:
        call.body = draw(st.sampled_from([*WRONG_TYPES, [call.body]]))
        return f"body={short(call.body)}"
    if action == "extra" and isinstance(call.body, dict):
        call.body[draw(st.sampled_from(["id", "__proto__", "version", "position", "x" * 300]))] = "x"
        return "unknown field added"
    return change_field(draw, call, action, fields)


def change_field(draw: Any, call: Call, action: str, fields: list[Path]) -> str:
    path = draw(st.sampled_from(fields))
    container = get(call.body, path[:-1])
    if action == "delete" and isinstance(container, dict | list):
        del container[path[-1]]
        return f"{dotted(path)} left out"
    if action == "key" and isinstance(container, dict):
        key = draw(hostile_uuids().map(str))
        container[key] = container.pop(path[-1])
        return f"key {dotted(path)} renamed {short(key)}"
    value = draw(hostile_value(get(call.body, path)))
    put(call.body, path, value)
    return f"{dotted(path)}={short(value)}"


def dotted(path: Path) -> str:
    return ".".join(str(step) for step in path)


def short(value: Any) -> str:
    text = ascii(value)
    return text if len(text) <= 60 else f"{text[:40]}…({len(text)} chars)"
