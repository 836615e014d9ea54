"""The ledger as the web layer and the scheduler see it: every use case in one object."""

from __future__ import annotations

from application.audit.as_of import AsOfQueries
from application.audit.backup import BackupCases
from application.audit.corrections import CorrectionCases
from application.audit.export import AuditExportCases
from application.audit.trail import AuditCases
from application.credit.loan_requests import LoanRequestCases
from application.credit.loans import LoanCases
from application.households.cases import HouseholdCases
from application.households.members import MemberCases
from application.households.personal_data import PersonalDataQueries
from application.households.surveys import SurveyCases
from application.lists.household_import import HouseholdImportCases
from application.plan.cases import PlanCases
from application.plan.dashboard import DashboardQueries
from application.projects.cases import ProjectCases
from application.readmodels.status import ReadModelStatusCases
from application.reminders.completeness import CompletenessQueries
from application.reminders.inbox import ReminderCases
from application.reminders.obligations import ObligationQueries
from application.reminders.outbox import OutboxCases
from application.reminders.sweep import SweepCases
from application.reviews.cases import ReviewCases
from application.reviews.queries import ReviewQueries
from application.reviews.statutory_reports import StatutoryReportQueries
from application.users.cases import UserCases
from application.users.management import UserManagementCases


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
