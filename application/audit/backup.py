"""`giamngheo backup DIR` and `giamngheo restore DIR`: one consistent copy of the evidence (issue 10 §8).

Copying the two SQLite files by hand in the wrong order gives a chain ahead of its events (reported as
deleted events), and copying the events alone drops every signed checkpoint. So the copy is taken under
the catch-up's lock, which every chain extension and every checkpoint holds: the witness, then the
read-model database (read models, chain, checkpoints) and then the events, which only grow, are copied
while no link or checkpoint can be added. Events saved meanwhile are simply not linked yet in the copy.
PostgreSQL keeps everything in one database: one `pg_dump` snapshot, taken after the witness was copied
under the lock, so the witness never names a head the snapshot lacks. The keys are copied too: without
the audit key the checkpoints cannot be checked.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from application.audit.chain import Link, chain_head
from application.audit.tamper_evidence import TamperEvidenceCases
from application.core.capability import CapabilityService
from application.core.ledger_core import LedgerCore
from application.core.settings import Settings, eventsourcing_env, sqlite_path
from domain.acts import DomainError

MANIFEST = "backup.json"
DUMP = "database.dump"
EVENTS, VIEWS = "giamngheo.db", "giamngheo.views.db"  # the names a ledger opened on the folder would use
KEYS = ("audit_key", "secret_key")
WITNESS = "witness.jsonl"


class BackupError(DomainError):
    """A backup or restore that cannot be done safely: nothing was overwritten."""


def store_kind(settings: Settings) -> str:
    if settings.database == "memory:":
        raise BackupError("Sổ trong bộ nhớ (memory:) không có gì để sao lưu hay phục hồi.")
    return "sqlite" if settings.database.startswith("sqlite:") else "postgres"


def sqlite_files(settings: Settings) -> tuple[Path, Path]:
    """The event store's file and the read models' file beside it (application/readmodels/database.py)."""
    events = Path(sqlite_path(settings.database))
    return events, events.with_name(events.stem + ".views" + events.suffix)


class BackupCases(CapabilityService):
    def __init__(self, core: LedgerCore, tamper_evidence: TamperEvidenceCases) -> None:
        super().__init__(core)
        self.tamper_evidence = tamper_evidence

    def backup(self, directory: Path) -> dict[str, object]:
        """Copies the store, the keys and the witness into an empty folder; returns the manifest written."""
        kind = store_kind(self.settings)
        if directory.exists() and any(directory.iterdir()):
            raise BackupError(f"Thư mục {directory} không trống: hãy chọn một thư mục mới cho bản sao lưu.")
        directory.mkdir(parents=True, exist_ok=True)
        self.tamper_evidence.chain_up()
        head = self._backup_under_lock(directory, kind)
        if kind == "postgres":  # one snapshot of events, read models, chain and checkpoints, taken after the witness
            run(["pg_dump", "--format=custom", "--no-owner", f"--file={directory / DUMP}"], self.settings)
        for key in KEYS:
            copy_if_exists(Path(self.settings.data_dir) / key, directory / key, mode=0o600)
        manifest = self._backup_manifest(directory, kind, head)
        (directory / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        return manifest

    def _backup_under_lock(self, directory: Path, kind: str) -> Link:
        """The catch-up's lock: no link and no checkpoint is added while the witness and SQLite files are copied."""
        with self.views.database.writing() as cursor:
            self.tamper_evidence.lock_catch_up(cursor)
            head = chain_head(cursor)
            if self.settings.witness_path:
                copy_if_exists(Path(self.settings.witness_path), directory / WITNESS)
            if kind == "sqlite":
                events, views = sqlite_files(self.settings)
                sqlite_copy(views, directory / VIEWS)
                sqlite_copy(events, directory / EVENTS)  # last: events only grow, so none the chain links is missing
        return head

    def _backup_manifest(self, directory: Path, kind: str, head: Link) -> dict[str, object]:
        return {
            "kind": kind,
            "commune": self.settings.commune,
            "created_at": datetime.now(UTC).isoformat(),
            "head_position": head.position,
            "head_hash": head.hash,
            "audit_key": "file" if (directory / "audit_key").exists() else "configured (GIAMNGHEO_AUDIT_KEY)",
            "files": {path.name: digest(path) for path in sorted(directory.iterdir())},
        }


def restore(settings: Settings, directory: Path, force: bool = False) -> dict[str, object]:
    """Puts a backup in the configured store; refuses a store that holds events unless `force`."""
    manifest = read_manifest(directory)
    kind = store_kind(settings)
    if manifest["kind"] != kind:
        raise BackupError(f"Bản sao lưu là của {manifest['kind']}, còn sổ đang cấu hình là {kind}.")
    if not force and store_has_events(settings, kind):
        raise BackupError("Sổ đang cấu hình đã có dữ liệu: không ghi đè. Thêm --force nếu thật sự muốn thay thế.")
    refuse_other_keys(settings, directory, force)
    if kind == "sqlite":
        restore_sqlite(settings, directory)
    else:
        database = postgres_env(settings)["PGDATABASE"]
        options = ["--clean", "--if-exists", "--no-owner", "--exit-on-error", f"--dbname={database}"]
        run(["pg_restore", *options, str(directory / DUMP)], settings)
    for key in KEYS:
        copy_if_exists(directory / key, Path(settings.data_dir) / key, mode=0o600)
    if settings.witness_path and not Path(settings.witness_path).exists():  # an existing witness is evidence
        copy_if_exists(directory / WITNESS, Path(settings.witness_path), mode=0o600)
    return manifest


def restore_sqlite(settings: Settings, directory: Path) -> None:
    for source, target in zip((EVENTS, VIEWS), sqlite_files(settings), strict=True):
        for leftover in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
            leftover.unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        sqlite_copy(directory / source, target)


def read_manifest(directory: Path) -> dict[str, object]:
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError(f"{directory} không phải bản sao lưu của sổ (không đọc được {MANIFEST}).") from None
    for name, expected in dict(manifest["files"]).items():
        if not (directory / name).exists() or digest(directory / name) != expected:
            raise BackupError(f"Tệp {name} của bản sao lưu bị thiếu hoặc không khớp mã SHA-256: bản sao lưu hỏng.")
    return dict(manifest)


def store_has_events(settings: Settings, kind: str) -> bool:
    if kind == "sqlite":
        events = sqlite_files(settings)[0]
        if not events.exists():
            return False
        with closing(sqlite3.connect(events)) as connection:
            tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return any(connection.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() for name in tables)
    import psycopg

    with psycopg.connect(settings.database, connect_timeout=10) as connection:
        found = connection.execute("SELECT to_regclass('ledger_events') IS NOT NULL").fetchone()
        return bool(found and found[0] and connection.execute("SELECT 1 FROM ledger_events LIMIT 1").fetchone())


def refuse_other_keys(settings: Settings, directory: Path, force: bool) -> None:
    """A different audit key in the data directory would be silently replaced: say so instead."""
    target = settings.audit_key_path()
    source = directory / "audit_key"
    if not force and source.exists() and target.exists() and target.read_bytes() != source.read_bytes():
        raise BackupError(f"{target} đã có một khóa ký mốc khác khóa trong bản sao lưu: không ghi đè (--force).")


def sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup API: a consistent copy of a database other connections keep writing."""
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
        reading.backup(writing)


def copy_if_exists(source: Path, target: Path, mode: int | None = None) -> None:
    if source.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        if mode is not None:
            target.chmod(mode)


def digest(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def postgres_env(settings: Settings) -> dict[str, str]:
    """The connection as libpq's variables: the password never appears in the process list."""
    env = eventsourcing_env(settings.database)
    return {
        "PGHOST": env["POSTGRES_HOST"],
        "PGPORT": env["POSTGRES_PORT"],
        "PGUSER": env["POSTGRES_USER"],
        "PGPASSWORD": env["POSTGRES_PASSWORD"],
        "PGDATABASE": env["POSTGRES_DBNAME"],
    }


def run(command: list[str], settings: Settings) -> None:
    env = {**os.environ, **postgres_env(settings)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=3600, env=env)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} không chạy được: {done.stderr.strip()[-500:]}")
