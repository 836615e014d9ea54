"""The audit log read model, assembled from its rows for each capability."""

from __future__ import annotations

from application.audit.audit_log import corrections, credit, households, plan, projects, reminders, reviews, users
from application.audit.audit_log.table import INDEXES, TABLES
from application.readmodels.registry import Handlers, ReadModel

HANDLERS = Handlers.merged(
    households.HANDLERS,
    reviews.HANDLERS,
    credit.HANDLERS,
    projects.HANDLERS,
    reminders.HANDLERS,
    users.HANDLERS,
    corrections.HANDLERS,
    plan.HANDLERS,
)

READ_MODEL = ReadModel("audit_log", TABLES, HANDLERS, INDEXES)
