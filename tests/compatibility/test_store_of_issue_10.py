"""A commune book written by main before issue 11's restructure (commit 3693068) still opens, verifies and
rebuilds to the same read models (issue 11, "Done when").

The fixture (fixtures/, see its README.md) is the 300-household demo commune on SQLite, with its audit key and
witness, and `expected.json.gz`: what the read models of that code said, produced by `dump()` below. The dump
holds values only (lists, summaries, timelines, obligations, reminders, the audit log, the dashboard, …): no
class or module names, so moving code between modules changes nothing in it; a changed value fails.

Regenerate the expected dump only with the code the fixture was written by (fixtures/README.md):
    export GIAMNGHEO_DATABASE=sqlite:///DIR/giamngheo.db GIAMNGHEO_DATA_DIR=DIR
    python tests/compatibility/test_store_of_issue_10.py OUT.json.gz
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import importlib
import io
import json
import os
import pkgutil
import shutil
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# The day the fixture was written (its sweep ran that day); every "today" of the dump is this day.
WRITTEN_ON = date(2026, 12, 3)
CHAIR = "chutich"
DAYS = (date(2024, 12, 31), date(2025, 12, 31), WRITTEN_ON)
YEARS = (2024, 2025)
PASSED = "ĐẠT: sổ không bị sửa, xóa, chèn hay đảo thứ tự."
# An event renamed on purpose (issue 11 §6: CRUD-like names, events nested in Household), with its topic mapped
# so the stored events still load, shows its new name in the audit log's `action`: declare each such rename here,
# old → new (e.g. "MemberUpdated": "Household.MemberDetailsCorrected"). Nothing else may differ.
ACTIONS_RENAMED: dict[str, str] = {
    "MemberAdded": "Household.MemberAdded",
    "MemberUpdated": "Household.MemberDetailsRecorded",
    "MemberRemoved": "Household.MemberRemoved",
    "Surveyed": "Household.Surveyed",
    "AverageLivingRecognised": "Household.AverageLivingRecognised",
    "ReviewRequested": "Household.ReviewRequested",
    "User.EmailSet": "User.EmailAddressGiven",
    "AnnualPlan.AssignmentsChanged": "AnnualPlan.HamletOfficialsReassigned",
}


def symbol(name: str, *modules: str) -> Any:
    """A class wherever the code keeps it: the named modules first (new place, old place), then any module of
    the product's packages that defines it (a pure move of a module must not fail this test)."""
    for module in modules:
        try:
            found = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if found is not None and getattr(found, "__module__", "").startswith(("application", "domain")):
            return found
    for package in ("application", "domain"):
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if ".demo" in info.name:
                continue
            try:
                found = getattr(importlib.import_module(info.name), name, None)
            except ImportError:
                continue
            if isinstance(found, type) and found.__module__ == info.name:
                return found
    raise LookupError(f"no class {name} in application/ or domain/")


def plain(value: Any) -> Any:
    """Values only, in JSON: dataclasses as their fields, enums as their values, days and times in ISO."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, UUID | Decimal | Path):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(plain(key)): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((plain(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    if isinstance(value, bytes):
        return value.hex()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if type(value).__module__.startswith(("application", "domain")) and hasattr(value, "__dict__"):
        # an aggregate (the dashboard's plan): its public state, its id and version, not the library's clock
        state = {key: item for key, item in vars(value).items() if not key.startswith("_")}
        state |= {key: getattr(value, key) for key in ("id", "version") if hasattr(value, key)}
        return {key: plain(item) for key, item in state.items()}
    raise TypeError(f"no plain form for {type(value).__name__}: {value!r}")


def csv_text(rows: list[list[object]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def dump(ledger: Any) -> dict[str, Any]:
    """What the read models say about the commune, as plain values."""
    list_kind = symbol("ListKind", "application.lists.household_lists", "application.household_lists")
    audit_filter = symbol("AuditFilter", "application.audit.trail", "application.audit")
    chair = ledger.users.actor(CHAIR)
    households = ledger.households.household_list()
    ids = sorted(str(h.household_id) for h in households)
    lists = {}
    for kind in list_kind:
        for day in DAYS:
            listed = ledger.lists.household_list_on(chair, kind, on=day)
            lists[f"{kind.value} {day.isoformat()}"] = {
                "list": plain(listed),
                "csv": csv_text([*listed.preamble(), *listed.table()]),
            }
    total = ledger.audit.audit_page(audit_filter(limit=1)).total
    projects = ledger.projects.project_list()
    reviews = ledger.review_records.review_list()
    return {
        "log": {"position": ledger.log_position(), "head": plain(ledger.tamper_evidence.log_head())},
        "users": plain(ledger.users.user_list()),
        "households": plain(households),
        "lists": lists,
        "lists as of 30/06/2025": plain(ledger.history.household_lists_as_of(ledger.history.as_of(date(2025, 6, 30)))),
        "summaries": {i: plain(ledger.households.household_summary(UUID(i))) for i in ids},
        "timelines": {i: plain(ledger.audit.timeline(UUID(i))) for i in ids},
        "obligations": plain(ledger.obligations.obligations()),
        "obligation list 2024-2027": plain(ledger.completeness.obligation_list(date(2024, 1, 1), date(2027, 12, 31))),
        "completeness 2024-2026": plain(ledger.completeness.completeness(date(2024, 1, 1), date(2026, 12, 31))),
        "reminders": plain(ledger.inbox.inbox(chair, include_acknowledged=True, everyone=True)),
        "audit": {
            "count": total,
            "newest 200": plain(ledger.audit.audit_log(audit_filter(limit=200))),
            "oldest 200": plain(ledger.audit.audit_log(audit_filter(limit=200, offset=max(0, total - 200)))),
        },
        "dashboard": {str(year): plain(ledger.dashboard.dashboard(year)) for year in YEARS},
        "plans": {str(year): plain(ledger.plan.plan_of(year)) for year in YEARS},
        "annual review summaries": {str(year): plain(ledger.reports.annual_review_summary(year)) for year in YEARS},
        "loans": plain(ledger.loans.loan_list()),
        "loan requests": plain(ledger.credit.loan_requests()),
        "projects": plain(projects),
        "project summaries": {
            str(p.project_id): plain(ledger.projects.project_summary(p.project_id)) for p in projects
        },
        "reviews": plain(reviews),
        "review summaries": {
            str(r.review_id): plain(ledger.review_records.review_summary(r.review_id)) for r in reviews
        },
        "corrections": plain(ledger.corrections.recent_corrections()),
    }


def fixed_clock() -> datetime:
    return datetime(WRITTEN_ON.year, WRITTEN_ON.month, WRITTEN_ON.day, 12, 0, tzinfo=VIETNAM)


def open_ledger(database: Path, data_dir: Path) -> Any:
    settings_class = symbol("Settings", "application.core.settings", "application.settings")
    ledger_class = symbol("Ledger", "application.ledger", "application.service")
    settings = settings_class(database=f"sqlite:///{database}", data_dir=str(data_dir), password_hashing="CHEAPEST")
    return ledger_class(settings, clock=fixed_clock)


def copied_store(tmp_path: Path) -> tuple[Path, Path]:
    """The fixture's book in a folder of the test's own: the events, the read models as that code left them,
    the audit key and the witness."""
    data = tmp_path / "book"
    data.mkdir()
    for name in ("giamngheo.db", "giamngheo.views.db"):
        with gzip.open(FIXTURES / f"{name}.gz") as packed, (data / name).open("wb") as unpacked:
            shutil.copyfileobj(packed, unpacked)
    for name in ("audit_key", "witness.jsonl"):
        shutil.copy(FIXTURES / name, data / name)
    return data / "giamngheo.db", data


def audit_verify(database: Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """`giamngheo audit verify` as an inspector runs it, with the book's settings in the environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIAMNGHEO_")}
    env |= {"GIAMNGHEO_DATABASE": f"sqlite:///{database}", "GIAMNGHEO_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "giamngheo", "audit", "verify"],
        env=env,
        cwd=data_dir,
        capture_output=True,
        text=True,
        timeout=300,
    )


def expected() -> dict[str, Any]:
    with gzip.open(FIXTURES / "expected.json.gz", "rt", encoding="utf-8") as file:
        return renamed(json.load(file))


def renamed(value: Any) -> Any:
    """The old dump with the declared event renames applied to every `action`."""
    if isinstance(value, dict):
        return {
            key: ACTIONS_RENAMED.get(item, item) if key == "action" and isinstance(item, str) else renamed(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [renamed(item) for item in value]
    return value


def as_json(value: Any) -> Any:
    return json.loads(json.dumps(value, sort_keys=True, ensure_ascii=False))


def differences(found: Any, wanted: Any, where: str = "") -> list[str]:
    """The paths where two dumps differ, for a readable failure (the first few)."""
    if isinstance(found, dict) and isinstance(wanted, dict):
        out = [
            f"{where}/{key}: only in {'the expected' if key in wanted else 'the new'} dump"
            for key in sorted(set(found) ^ set(wanted))
        ]
        for key in sorted(set(found) & set(wanted)):
            out += differences(found[key], wanted[key], f"{where}/{key}")
        return out
    if isinstance(found, list) and isinstance(wanted, list) and len(found) == len(wanted):
        return [
            d for n, (a, b) in enumerate(zip(found, wanted, strict=True)) for d in differences(a, b, f"{where}[{n}]")
        ]
    return (
        []
        if found == wanted
        else [
            f"{where}: {json.dumps(found, ensure_ascii=False)[:300]} ≠ expected "
            f"{json.dumps(wanted, ensure_ascii=False)[:300]}"
        ]
    )


@pytest.mark.slow
def test_a_commune_book_written_before_the_restructure_opens_verifies_and_rebuilds_to_the_same_lists(
    tmp_path: Path,
) -> None:
    database, data_dir = copied_store(tmp_path)

    verified = audit_verify(database, data_dir)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert PASSED in verified.stdout
    assert "Đã kiểm 954 bản ghi" in verified.stdout
    assert f"Đối chiếu tệp nhân chứng: {data_dir / 'witness.jsonl'}." in verified.stdout

    ledger = open_ledger(database, data_dir)
    try:
        as_opened = as_json(dump(ledger))
        ledger.read_models.rebuild_read_models()
        rebuilt = as_json(dump(ledger))
    finally:
        ledger.close()

    wanted = expected()
    found = differences(as_opened, wanted)
    assert not found, f"{len(found)} differences, the read models as the old code left them:\n" + "\n".join(found[:20])
    found = differences(rebuilt, wanted)
    assert not found, f"{len(found)} differences, the read models rebuilt by the current code:\n" + "\n".join(
        found[:20]
    )


def test_an_official_records_a_new_household_in_a_book_written_before_the_restructure_and_it_still_verifies(
    tmp_path: Path,
) -> None:
    database, data_dir = copied_store(tmp_path)
    entry_class = symbol("Entry", "application.core.ledger_core", "application.ledger")
    legal_basis = symbol("LegalBasis", "domain.acts")
    standing = symbol("Standing", "domain.household")
    area = symbol("Area", "domain.standards")
    basis = legal_basis("99/QĐ-UBND", WRITTEN_ON, "Chủ tịch UBND xã Hải Hòa")

    ledger = open_ledger(database, data_dir)
    try:
        chair = ledger.users.actor(CHAIR)
        before = len(ledger.households.household_list())
        registered = ledger.households.register_household(
            chair, "Xuân Hà", "Nguyễn Văn Mới", [], area.RURAL, entry_class(WRITTEN_ON, note="Hộ mới tách")
        )
        recognised = ledger.households.recognise_household(
            chair, registered.subject_id, standing.POOR, entry_class(WRITTEN_ON, basis=basis)
        )
        summary = ledger.households.household_summary(registered.subject_id)
        assert recognised.position == 956
        assert plain(summary.standing) == "poor"
        assert len(ledger.households.household_list()) == before + 1
        assert [e.action for e in ledger.audit.timeline(registered.subject_id)][-1:] == ["Household.RecognisedPoor"]
    finally:
        ledger.close()

    verified = audit_verify(database, data_dir)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert PASSED in verified.stdout
    assert "Đã kiểm 956 bản ghi" in verified.stdout


if __name__ == "__main__":  # writes the expected dump of the book the environment names (see the docstring)
    sys.path.insert(0, os.getcwd())
    book = Path(os.environ["GIAMNGHEO_DATABASE"].removeprefix("sqlite:///"))
    opened = open_ledger(book, Path(os.environ["GIAMNGHEO_DATA_DIR"]))
    try:
        text = json.dumps(as_json(dump(opened)), sort_keys=True, ensure_ascii=False, indent=1)
    finally:
        opened.close()
    with gzip.open(sys.argv[1], "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(text + "\n")
