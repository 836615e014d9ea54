"""Every read model of the ledger, named here and nowhere else (design.md §2.8).

An event reaches the read models in this order: a handler reads only its own rows, rows written by
earlier events, or the rows of a model listed before it (the audit log comes last, so it reads each
row as the other models left it)."""

from __future__ import annotations

from application.audit import corrections_view
from application.audit.audit_log import view as audit_log_view
from application.credit import loan_requests_view, loans_view
from application.households import register_view
from application.plan import dashboard_view
from application.projects import projects_view
from application.readmodels.registry import ReadModel, Registry
from application.reminders import obligations_view, reminders_view, sweeps_view
from application.reviews import reviews_view
from application.users import users_view

READ_MODELS: tuple[ReadModel, ...] = (
    users_view.READ_MODEL,
    register_view.READ_MODEL,
    loans_view.READ_MODEL,
    loan_requests_view.READ_MODEL,
    projects_view.READ_MODEL,
    reviews_view.READ_MODEL,
    reminders_view.READ_MODEL,
    sweeps_view.READ_MODEL,
    obligations_view.READ_MODEL,
    corrections_view.READ_MODEL,
    dashboard_view.READ_MODEL,
    audit_log_view.READ_MODEL,
)


def registry() -> Registry:
    return Registry(READ_MODELS)


TABLES = registry().tables
"""Every read model's table (their names are persisted schema: a rename is a migration)."""
