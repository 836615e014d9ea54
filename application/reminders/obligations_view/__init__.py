"""The obligations read model (view_obligations): every derived deadline, its subject and whether it
is open, resolved or cancelled (design.md §2.4). Its rows and how they open and close are in table.py;
the facts that open, move and close them, by the capability that records them, in the other modules.
Whether an open one is pending, issued or acknowledged is read from its reminders
(application/reminders/obligations.py)."""

from __future__ import annotations

from application.readmodels.registry import Handlers, ReadModel
from application.reminders.obligations_view import credit, households, projects, reminders, reviews
from application.reminders.obligations_view.table import INDEXES, TABLES

HANDLERS = Handlers.merged(
    households.HANDLERS,
    credit.HANDLERS,
    projects.HANDLERS,
    reviews.HANDLERS,
    reminders.HANDLERS,
)

READ_MODEL = ReadModel("obligations", TABLES, HANDLERS, INDEXES)
