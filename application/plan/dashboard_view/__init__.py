"""The dashboard's read model: each household's hamlet and registration day, its decisions as in force
(corrections applied), its surveys' flags for the plan's targets and its members' recorded facts
(tables.py, handlers.py); and the queries that tally them by hamlet on a day (queries.py, read by
application/plan/dashboard.py, issue 11 point 5).

A household's standing on day D is the one its latest decision effective by D gave it (decisions take
effect in the order they were recorded: domain/household.py refuses one dated before the previous one).
"""

from __future__ import annotations

from application.plan.dashboard_view.handlers import HANDLERS
from application.plan.dashboard_view.tables import INDEXES, TABLES
from application.readmodels.registry import ReadModel

READ_MODEL = ReadModel("dashboard", TABLES, HANDLERS, INDEXES)
