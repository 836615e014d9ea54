"""The ledger as the web layer and the scheduler see it: one service per capability over one shared core."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime

from application.audit.as_of import AsOfQueries
from application.audit.backup import BackupCases
from application.audit.corrections import CorrectionCases
from application.audit.export import AuditExportCases
from application.audit.read_model_status import ReadModelStatusCases
from application.audit.tamper_evidence import TamperEvidenceCases
from application.audit.trail import AuditCases
from application.core.ledger_core import EventStore, LedgerCore
from application.core.settings import Settings
from application.credit.loan_requests import LoanRequestCases
from application.credit.loans import LoanCases
from application.households.cases import HouseholdCases
from application.households.members import MemberCases
from application.households.personal_data import PersonalDataQueries
from application.households.surveys import SurveyCases
from application.lists.household_import import HouseholdImportCases
from application.lists.household_lists import HouseholdListCases
from application.plan.cases import PlanCases
from application.plan.dashboard import DashboardQueries
from application.projects.cases import ProjectCases
from application.readmodels.catchup import ReadModels
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
from application.users.responsibility import Responsibility
from application.users.session_cases import SessionCases
from application.views import registry


class Ledger:
    """Built once per process from settings (design.md §2.7) and closed on shutdown.

    Each capability is one service, given the core and only the sibling services it uses:
    `ledger.households.recognise_household(...)`, `ledger.reminders.sweep(...)`, `ledger.tamper_evidence.verify_log()`.
    """

    def __init__(self, settings: Settings, clock: Callable[[], datetime] | None = None) -> None:
        core = self.core = LedgerCore(settings, registry(), clock)
        self.tamper_evidence = TamperEvidenceCases(core)
        self.responsibility = Responsibility(core)
        self.households = HouseholdCases(core)
        self.members = MemberCases(core, self.households)
        self.surveys = SurveyCases(core, self.households)
        self.personal_data = PersonalDataQueries(core, self.households)
        self.reviews = ReviewCases(core)
        self.review_records = ReviewQueries(core)
        self.reports = StatutoryReportQueries(core, self.tamper_evidence)
        self.credit = LoanRequestCases(core)
        self.loans = LoanCases(core, self.credit)
        self.projects = ProjectCases(core)
        self.plan = PlanCases(core)
        self.dashboard = DashboardQueries(core, self.plan)
        self.inbox = ReminderCases(core)
        self.obligations = ObligationQueries(core, self.responsibility)
        self.reminders = SweepCases(core, self.responsibility, self.tamper_evidence)
        self.completeness = CompletenessQueries(core, self.reminders, self.obligations)
        self.outbox = OutboxCases(core)
        self.audit = AuditCases(core, self.tamper_evidence)
        self.audit_exports = AuditExportCases(core, self.tamper_evidence)
        self.backups = BackupCases(core, self.tamper_evidence)
        self.corrections = CorrectionCases(core)
        self.history = AsOfQueries(core, self.audit)
        self.users = UserCases(core)
        self.sessions = SessionCases(core)
        self.accounts = UserManagementCases(core, self.users, self.sessions)
        self.lists = HouseholdListCases(core, self.history, self.tamper_evidence)
        self.imports = HouseholdImportCases(core, self.households, self.lists)
        self.read_models = ReadModelStatusCases(core)

    @property
    def settings(self) -> Settings:
        return self.core.settings

    @property
    def store(self) -> EventStore:
        return self.core.store

    @property
    def views(self) -> ReadModels:
        return self.core.views

    def today(self) -> date:
        return self.core.today()

    def batch(self) -> AbstractContextManager[None]:
        return self.core.batch()

    def close(self) -> None:
        self.core.close()

    def log_position(self) -> int:
        return self.store.recorder.max_notification_id() or 0
