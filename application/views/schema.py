"""Tables of the read models. Dates are ISO text, ids are UUID text, so both dialects agree."""

from __future__ import annotations

from application.views.database import Cursor

TABLES = {
    "view_position": """
        name TEXT PRIMARY KEY,
        notification_id BIGINT NOT NULL""",
    "view_households": """
        household_id TEXT PRIMARY KEY,
        commune TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        head_name TEXT NOT NULL,
        area TEXT NOT NULL,
        members_count INTEGER NOT NULL,
        standing TEXT NOT NULL,
        standing_since TEXT,
        escaped_on TEXT,
        newly_escaped_until TEXT,
        window_closed_on TEXT,
        registered_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        occupation TEXT,
        average_living_since TEXT,
        latest_survey_on TEXT,
        latest_income BIGINT,
        latest_b1_score INTEGER,
        latest_b1_cutoff INTEGER,
        latest_deprived INTEGER,
        latest_class TEXT,
        latest_standard TEXT,
        pending_request TEXT,
        pending_request_on TEXT""",
    "view_loans": """
        loan_id TEXT PRIMARY KEY,
        household_id TEXT NOT NULL,
        head_name TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        programme TEXT NOT NULL,
        amount BIGINT NOT NULL,
        term_months INTEGER NOT NULL,
        granted_on TEXT NOT NULL,
        due_on TEXT NOT NULL""",
    "view_projects": """
        project_id TEXT PRIMARY KEY,
        commune TEXT NOT NULL,
        name TEXT NOT NULL,
        component TEXT NOT NULL,
        responsible TEXT NOT NULL,
        hamlets TEXT NOT NULL,
        households_count INTEGER NOT NULL,
        stage TEXT NOT NULL,
        approver TEXT NOT NULL,
        starts_on TEXT,
        duration_months INTEGER,
        ends_on TEXT,
        reviewed_on TEXT,
        version INTEGER NOT NULL""",
    "view_project_households": """
        project_id TEXT NOT NULL,
        household_id TEXT NOT NULL,
        PRIMARY KEY (project_id, household_id)""",
    "view_obligations": """
        obligation_id TEXT PRIMARY KEY,
        rule TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        subject_label TEXT NOT NULL,
        commune TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        responsible TEXT NOT NULL,
        due_on TEXT NOT NULL,
        status TEXT NOT NULL,
        status_reason TEXT NOT NULL,
        created_by_position BIGINT NOT NULL,
        changed_by_position BIGINT NOT NULL""",
    "view_reminders": """
        reminder_id TEXT PRIMARY KEY,
        rule TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        subject_label TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        recipient TEXT NOT NULL,
        due_on TEXT NOT NULL,
        notice_on TEXT NOT NULL,
        late INTEGER NOT NULL,
        issued_at TEXT NOT NULL,
        issued_on TEXT NOT NULL,
        acknowledged_by TEXT,
        acknowledged_at TEXT,
        acknowledgement_note TEXT,
        escalated INTEGER NOT NULL,
        escalated_from TEXT,
        resolved_by TEXT,
        resolved_at TEXT,
        resolution_note TEXT,
        email_state TEXT,
        email_attempts INTEGER NOT NULL,
        email_address TEXT,
        email_error TEXT,
        emailed_at TEXT""",
    "view_sweeps": """
        sweep_id TEXT PRIMARY KEY,
        today TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        calendar_from TEXT NOT NULL,
        calendar_until TEXT NOT NULL,
        host TEXT NOT NULL,
        issued INTEGER,
        already_issued INTEGER,
        escalated INTEGER""",
    "view_audit": """
        position BIGINT PRIMARY KEY,
        recorded_at TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        household_id TEXT,
        subject_label TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL,
        effective_on TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        basis_number TEXT NOT NULL,
        basis_issued_on TEXT,
        basis_issuer TEXT NOT NULL,
        note TEXT NOT NULL""",
    # A review step that concerns several households (meeting, posting, decision) is one audit row;
    # this lists the households it concerns, so each household's timeline shows it.
    "view_audit_households": """
        position BIGINT NOT NULL,
        household_id TEXT NOT NULL,
        PRIMARY KEY (position, household_id)""",
    "view_reviews": """
        review_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        year INTEGER NOT NULL,
        month INTEGER NOT NULL,
        starts_on TEXT NOT NULL,
        households_count INTEGER NOT NULL,
        decided_count INTEGER NOT NULL,
        last_decided_on TEXT""",
    "view_users": """
        username TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL,
        hamlets TEXT NOT NULL,
        commune TEXT NOT NULL,
        email TEXT""",
}

INDEXES = [
    "CREATE INDEX IF NOT EXISTS view_households_hamlet ON view_households (hamlet, standing)",
    "CREATE INDEX IF NOT EXISTS view_loans_household ON view_loans (household_id)",
    "CREATE INDEX IF NOT EXISTS view_obligations_open ON view_obligations (status, due_on)",
    "CREATE INDEX IF NOT EXISTS view_obligations_subject ON view_obligations (subject_id, rule, status)",
    "CREATE INDEX IF NOT EXISTS view_reminders_recipient ON view_reminders (recipient, acknowledged_at)",
    "CREATE INDEX IF NOT EXISTS view_audit_subject ON view_audit (subject_id)",
    "CREATE INDEX IF NOT EXISTS view_audit_household ON view_audit (household_id)",
    "CREATE INDEX IF NOT EXISTS view_audit_actor ON view_audit (actor, recorded_at)",
    "CREATE INDEX IF NOT EXISTS view_audit_households_household ON view_audit_households (household_id)",
]


def create_tables(cursor: Cursor) -> None:
    for table, columns in TABLES.items():
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
    for statement in INDEXES:
        cursor.execute(statement)


def drop_tables(cursor: Cursor) -> None:
    for table in TABLES:
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
