"""The ledger as the web layer and the scheduler see it: every use case in one object."""

from __future__ import annotations

from application.as_of import AsOfQueries
from application.audit import AuditCases
from application.audit_export import AuditExportCases
from application.backup import BackupCases
from application.completeness import CompletenessQueries
from application.corrections import CorrectionCases
from application.dashboard import DashboardQueries
from application.household_import import HouseholdImportCases
from application.households import HouseholdCases
from application.loan_requests import LoanRequestCases
from application.loans import LoanCases
from application.members import MemberCases
from application.obligations import ObligationQueries
from application.outbox import OutboxCases
from application.personal_data import PersonalDataQueries
from application.plan import PlanCases
from application.projects import ProjectCases
from application.read_model_status import ReadModelStatusCases
from application.reminders import ReminderCases
from application.review_summaries import ReviewQueries
from application.reviews import ReviewCases
from application.statutory_reports import StatutoryReportQueries
from application.surveys import SurveyCases
from application.sweep import SweepCases
from application.user_management import UserManagementCases
from application.users import UserCases


class Ledger(
    HouseholdImportCases,
    AsOfQueries,
    StatutoryReportQueries,
    CompletenessQueries,
    PersonalDataQueries,
    CorrectionCases,
    MemberCases,
    SurveyCases,
    ReviewCases,
    HouseholdCases,
    LoanCases,
    LoanRequestCases,
    ProjectCases,
    SweepCases,
    ReadModelStatusCases,
    ReminderCases,
    OutboxCases,
    ReviewQueries,
    ObligationQueries,
    AuditCases,
    AuditExportCases,
    BackupCases,
    DashboardQueries,
    PlanCases,
    UserManagementCases,
    UserCases,
):
    """Built once per process from settings (design.md §2.7) and closed on shutdown."""

    def rebuild_read_models(self) -> int:
        return self.views.rebuild()

    def log_position(self) -> int:
        return self.store.recorder.max_notification_id() or 0
