"""Nothing an official, a script or an attacker sends to the JSON API can stop the ledger (issue 10 §1).

Hypothesis drives every write operation with valid requests carrying extreme and hostile values: 2^63,
NaN, NUL and other control characters, bidi overrides, lone surrogates, 10,000 characters, year 0001,
malformed ids, wrong types, missing fields. Each request is refused with nothing recorded, or recorded
and applied by every read model; a rebuild equals the incremental read models; on SQLite and PostgreSQL.
The figures are printed at the end and written to /tmp/giamngheo_hostile_api_inputs.txt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from application.ledger import Ledger
from tests.application.poison import poison_loan
from tests.conftest import seed_users
from tests.web.hostile_checks import SUMMARY, SUMMARY_FILE, accepted_by_operation, check, rebuild_differs, summary_line
from tests.web.hostile_operations import OPERATIONS
from tests.web.hostile_requests import mutate, pinpoint, pinpoints
from tests.web.hostile_world import World
from web.app import create_app

pytestmark = pytest.mark.slow  # hypothesis sends hostile bodies to every write and rebuilds

EXAMPLES = 10
WRITES = {"POST", "PUT", "PATCH", "DELETE"}
HOSTILE = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.generate],  # no shrinking: the ledger keeps its state from one example to the next
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(scope="module", autouse=True)
def figures(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    line = summary_line()
    Path(SUMMARY_FILE).write_text(f"{line}\n{accepted_by_operation()}\n", encoding="utf-8")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if capture is not None and reporter is not None:
        with capture.global_and_fixture_disabled():  # shown without -s, for the closing note's figures
            reporter.write_line(f"\n{line}")


def write_operations(ledger: Ledger) -> set[str]:
    """Every write of the JSON API the app serves, documented or not."""
    routes = [(path, r) for path, r in api_routes(create_app(ledger).routes) if path.startswith("/api/v1/")]
    return {f"{method} {path.removeprefix('/api/v1')}" for path, r in routes for method in r.methods & WRITES}


def api_routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """The app's routes, through included routers (FastAPI >= 0.165 keeps them unflattened)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix + route.path, route
        elif included := getattr(route, "original_router", None):
            yield from api_routes(included.routes, prefix + route.include_context.prefix)


def test_every_write_operation_of_the_api_is_driven_with_hostile_inputs(make_ledger: Callable[[str], Ledger]) -> None:
    assert set(OPERATIONS) == write_operations(make_ledger("memory:"))


def test_the_check_reports_a_server_error_a_stored_event_no_read_model_applies_and_a_rebuild_that_differs(
    make_ledger: Callable[[str], Ledger], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The property's oracles can fail: a use case that raises, a poison event stored past the domain, a read
    model edited by hand."""
    ledger = make_ledger(f"sqlite:///{tmp_path}/giamngheo.db")
    seed_users(ledger)
    world, figures = World(ledger), SUMMARY.copy()
    with monkeypatch.context() as patch:
        patch.setattr(ledger.households, "register_household", lambda *args: 1 / 0)
        failed = check(world, "POST /households", OPERATIONS["POST /households"](world), [])
    with ledger.views.database.writing() as cursor:
        cursor.execute("UPDATE view_users SET full_name = 'Người khác' WHERE username = 'mttq'")
    differs = rebuild_differs(ledger, "hand-edited")
    poison_loan(ledger)
    stored = check(world, "POST /households", OPERATIONS["POST /households"](world), [])
    SUMMARY.clear()
    SUMMARY.update(figures)
    assert failed and "server error" in failed
    assert differs and "view_users" in differs
    assert stored and "STORED, NOT APPLIED" in stored


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_a_hostile_request_is_refused_with_nothing_recorded_or_recorded_and_applied_by_every_read_model(
    operation: str, durable_url: str, make_ledger: Callable[[str], Ledger]
) -> None:
    ledger = make_ledger(durable_url)
    seed_users(ledger)
    world = World(ledger)
    findings: list[str] = []
    SUMMARY["operations"] += 1

    @HOSTILE
    @given(st.data())
    def hostile_request(data: st.DataObject) -> None:
        if world.poisoned:
            return
        call = OPERATIONS[operation](world)
        changes = mutate(data.draw, call)
        if finding := check(world, operation, call, changes):
            findings.append(finding)

    findings += pinpointed_requests(world, operation)
    hostile_request()
    if not world.poisoned and (differs := rebuild_differs(ledger, operation)):
        findings.append(differs)
    assert not findings, "\n".join(findings)


def pinpointed_requests(world: World, operation: str) -> list[str]:
    """Each field of the request with each value pinpointed for its kind, on a fresh subject each time."""
    findings = []
    for at, value in pinpoints(OPERATIONS[operation](world)):
        if not world.poisoned:
            call = OPERATIONS[operation](world)
            findings += filter(None, [check(world, operation, call, [pinpoint(call, at, value)])])
    return findings
