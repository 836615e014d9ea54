"""Settings read once at start-up from GIAMNGHEO_* environment variables or a .env file."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from pydantic import SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from domain.bounds import EARLIEST_DAY
from domain.deadlines import ReminderRule

# Seed plan §III.2: 12 hamlets. The plan names four; the other eight are placeholders to configure
# (GIAMNGHEO_HAMLETS='["Xuân Hà", ...]').
DEFAULT_HAMLETS = [
    "Xuân Hà",
    "Xuân Đài Đông",
    "Cồn Tròn Đông",
    "Tân Hùng",
    "Xóm 5",
    "Xóm 6",
    "Xóm 7",
    "Xóm 8",
    "Xóm 9",
    "Xóm 10",
    "Xóm 11",
    "Xóm 12",
]
PLACEHOLDER_HAMLETS = DEFAULT_HAMLETS[4:]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GIAMNGHEO_", env_file=".env", extra="ignore")

    # sqlite:///var/giamngheo.db | postgresql://user:password@host:5432/dbname | memory:
    database: str = "sqlite:///var/giamngheo.db"
    commune: str = "Hải Hòa"
    hamlets: list[str] = DEFAULT_HAMLETS
    timezone: str = "Asia/Ho_Chi_Minh"
    # Keys (secret_key, audit_key) and the witness file live here (issue 10 §6). Empty: the folder of the
    # SQLite file, or ./var of the folder the process starts in (PostgreSQL, memory); made absolute at start-up.
    data_dir: str = ""
    secret_key: str = ""
    # Signs the checkpoints of the log's hash chain (HMAC-SHA256); empty: generated once into DATA_DIR/audit_key.
    audit_key: str = ""
    # Every checkpoint is also appended here, outside the database (issue 10 §7); empty: DATA_DIR/witness.jsonl
    # (none for the memory store).
    witness_path: str = ""
    # fsync the witness after each line: a checkpoint survives a power cut (costs a disk flush per write).
    witness_fsync: bool = True
    secure_cookies: bool = False
    # Sessions and sign-in (issue 10 §4): a session ends at logout or after this many hours. A username
    # failing this many times within the window, or a client address failing the second number of times
    # (one commune office often shares one address), is refused for the lock-out minutes.
    session_hours: int = 8
    sign_in_max_failures: int = 5
    sign_in_max_failures_per_address: int = 30
    sign_in_window_minutes: int = 15
    sign_in_lockout_minutes: int = 15
    # Origins allowed to send forms and cookie-authenticated API writes besides the app's own (issue 10 §5),
    # e.g. '["https://giamngheo.haihoa.gov.vn"]' behind a TLS proxy that does not forward the scheme.
    allowed_origins: list[str] = []
    sweep_hour: int = 6
    # Issue 3 §5: whether poor → near-poor starts the 36-month window; the seed's wording
    # ("công nhận thoát nghèo") is read as leaving the poor list entirely, so default no.
    poor_to_near_poor_starts_window: bool = False
    # Decision 24/2021, Art. 4(4): public posting of the review results, in working days [I]: default 3.
    posting_working_days: int = 3
    # Thresholds of the 12 indicators [I] (domain.IndicatorRules field names), e.g. {"working_age_to": 62}.
    indicator_rules: dict[str, int] = {}
    # Reminder lead times per rule, over the defaults of domain/deadlines.py, e.g.
    # '{"project_final_review": {"days_before": [60, 30, 0], "overdue_every_days": 30, "escalate_after_days": 30}}'
    reminder_schedules: dict[str, dict[str, Any]] = {}
    # Days a reminder may stay unacknowledged before it goes to the supervisor (0: never).
    escalate_unacknowledged_after_days: int = 7
    # Who receives commune-wide deadlines (review windows, monthly report); empty: the chair.
    commune_officer: str = ""
    # The first day calendar deadlines are tracked from; empty: the day of the first sweep.
    calendar_from: date | None = None
    # No act, decision or document may bear a day before this one (domain/bounds.py EARLIEST_DAY).
    earliest_day: date = EARLIEST_DAY
    # An argon2-cffi profile (argon2.profiles): RFC_9106_LOW_MEMORY, or RFC_9106_HIGH_MEMORY on a
    # server with memory to spare; the tests use CHEAPEST. Existing hashes keep verifying after a change.
    password_hashing: str = "RFC_9106_LOW_MEMORY"
    host: str = "127.0.0.1"
    port: int = 8000
    # E-mail of reminders (application/reminders/outbox.py); no smtp_host: no e-mail, the inbox alone.
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_starttls: bool = False
    smtp_from: str = "Sổ giảm nghèo <giamngheo@localhost>"
    # A failure the mail server reported is retried this long after it, at most this many attempts in all.
    email_max_attempts: int = 5
    email_retry_after_minutes: int = 30

    @field_validator("reminder_schedules")
    @classmethod
    def known_rules_and_sane_lead_times(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """A misspelt rule or a negative lead time would silently change who is reminded when: refuse it."""
        rules = {rule.value for rule in ReminderRule}
        for name, schedule in value.items():
            if name not in rules:
                raise ValueError(f"unknown reminder rule {name!r}; known: {', '.join(sorted(rules))}")
            if unknown := set(schedule) - {"days_before", "overdue_every_days", "escalate_after_days"}:
                raise ValueError(f"{name}: unknown fields {sorted(unknown)}")
            days = schedule.get("days_before", [0])
            if not days or not all(isinstance(d, int) and d >= 0 for d in days):
                raise ValueError(f"{name}: days_before must be a non-empty list of days >= 0")
            for field in ("overdue_every_days", "escalate_after_days"):
                every = schedule.get(field)
                if every is not None and not (isinstance(every, int) and every > 0):
                    raise ValueError(f"{name}: {field} must be a number of days > 0, or null")
        return value

    @model_validator(mode="after")
    def absolute_data_dir(self) -> Settings:
        """Resolved once, so a command run from another folder finds the same keys (issue 10 §6)."""
        if self.data_dir:
            self.data_dir = str(Path(self.data_dir).expanduser().resolve())
        elif urlparse(self.database).scheme == "sqlite":
            self.data_dir = str(Path(sqlite_path(self.database)).resolve().parent)
        else:
            self.data_dir = str(Path("var").resolve())
        if self.witness_path:
            self.witness_path = str(Path(self.witness_path).expanduser().resolve())
        elif self.database != "memory:":  # a memory store ends with its process: nothing to witness
            self.witness_path = str(Path(self.data_dir) / "witness.jsonl")
        return self

    def session_secret(self) -> str:
        """The configured secret, or one generated once into the data directory."""
        if self.secret_key:
            return self.secret_key
        return generated_once(Path(self.data_dir) / "secret_key", lambda: secrets.token_urlsafe(48))

    def audit_key_path(self) -> Path:
        return Path(self.data_dir) / "audit_key"

    def has_audit_key(self) -> bool:
        return bool(self.audit_key) or self.audit_key_path().exists()

    def audit_secret(self) -> bytes:
        """The configured checkpoint key, or one generated once into DATA_DIR/audit_key. The caller checks
        first that no checkpoint was signed with a key now lost (TamperEvidenceCases.audit_key)."""
        if self.audit_key:
            return self.audit_key.encode()
        return generated_once(self.audit_key_path(), lambda: secrets.token_hex(32)).encode()


def generated_once(path: Path, generate: Callable[[], str]) -> str:
    """Reads a key file, creating it first if missing; of two processes generating at once, one key survives."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"{path.name}.{secrets.token_hex(8)}")
        draft.write_text(generate())
        draft.chmod(0o600)
        try:
            os.link(draft, path)  # atomic: the first link wins
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()

def eventsourcing_env(database: str) -> dict[str, str]:
    """The library's settings for the event store named by a database URL."""
    if database == "memory:":
        return {"PERSISTENCE_MODULE": "eventsourcing.popo"}
    url = urlparse(database)
    if url.scheme == "sqlite":
        path = sqlite_path(database)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": path}
    if url.scheme in ("postgresql", "postgres"):
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": url.path.lstrip("/"),
            "POSTGRES_HOST": url.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(url.port or 5432),
            "POSTGRES_USER": unquote(url.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(url.password or ""),
        }
    raise ValueError(f"Unsupported database URL: {database!r}")


def sqlite_path(database: str) -> str:
    return database.removeprefix("sqlite:///")
