"""The dashboard's tables, and the survey's flags they keep, in their columns' order."""

from __future__ import annotations

from domain.indicators import Indicator

TABLES = {
    "view_dashboard_households": """
        household_id TEXT PRIMARY KEY,
        hamlet TEXT NOT NULL,
        registered_on TEXT NOT NULL,
        position BIGINT NOT NULL""",
    # One row per decision in force: a voiding correction deletes it, a redating one moves it.
    "view_dashboard_decisions": """
        household_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        effective_on TEXT NOT NULL,
        standing TEXT NOT NULL,
        PRIMARY KEY (household_id, version)""",
    "view_dashboard_surveys": """
        household_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        surveyed_on TEXT NOT NULL,
        deprived_water_source INTEGER NOT NULL,
        deprived_hygienic_latrine INTEGER NOT NULL,
        deprived_telecom INTEGER NOT NULL,
        deprived_health_insurance INTEGER NOT NULL,
        deprived_school_attendance INTEGER NOT NULL,
        PRIMARY KEY (household_id, version)""",
    # The members as currently recorded (the ledger keeps their facts undated).
    "view_dashboard_people": """
        member_id TEXT PRIMARY KEY,
        household_id TEXT NOT NULL,
        born_on TEXT,
        birth_year INTEGER,
        employment TEXT,
        health_insurance INTEGER,
        in_school INTEGER""",
}
INDEXES = (
    "CREATE INDEX IF NOT EXISTS view_dashboard_decisions_on ON view_dashboard_decisions"
    " (household_id, effective_on, version)",
    "CREATE INDEX IF NOT EXISTS view_dashboard_surveys_on ON view_dashboard_surveys"
    " (household_id, surveyed_on, version)",
    "CREATE INDEX IF NOT EXISTS view_dashboard_people_household ON view_dashboard_people (household_id)",
)
# The survey's flags the targets read (domain.md §3.3), in the columns' order.
SURVEY_FLAGS = (
    Indicator.WATER_SOURCE,
    Indicator.HYGIENIC_LATRINE,
    Indicator.TELECOM,
    Indicator.HEALTH_INSURANCE,
    Indicator.SCHOOL_ATTENDANCE,
)
