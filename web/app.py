"""The web application: pages, the JSON API, sessions and error pages, over one ledger."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from application.core.settings import Settings
from application.ledger import Ledger
from web import home
from web.audit import api as audit_api
from web.audit import as_of_api, as_of_pages, correction_api, correction_pages
from web.audit import pages as audit_pages
from web.credit import api as loan_api
from web.credit import loan_pages, loan_request_api, loan_request_pages
from web.households import api as household_api
from web.households import member_pages, survey_api, survey_pages
from web.households import pages as household_pages
from web.lists import api as list_api
from web.lists import import_pages
from web.lists import pages as list_pages
from web.plan import dashboard_api, dashboard_pages, standards_pages
from web.plan import pages as plan_pages
from web.projects import api as project_api
from web.projects import pages as project_pages
from web.reminders import api as reminder_api
from web.reminders import obligation_api, obligation_pages
from web.reminders import pages as reminder_pages
from web.reviews import api as review_api
from web.reviews import pages as review_pages
from web.reviews import statutory_report_api, statutory_report_pages, step_pages
from web.shared.error_handlers import add_error_handlers
from web.shared.security import install_security
from web.users import pages as user_pages
from web.users import session_pages


def build_app() -> FastAPI:
    """The app of one web worker (`giamngheo serve --workers N`): its own ledger, no scheduler."""
    return create_app(Ledger(Settings()))


def create_app(ledger: Ledger) -> FastAPI:
    app = FastAPI(
        title="Sổ giảm nghèo",
        version="0.1.0",
        description="Sổ theo dõi giảm nghèo của xã: hộ nghèo, cận nghèo, thoát nghèo, rà soát, vay vốn, dự án.",
    )
    app.state.ledger = ledger
    app.add_middleware(
        SessionMiddleware,
        secret_key=ledger.settings.session_secret(),
        session_cookie="giamngheo",
        max_age=ledger.settings.session_hours * 60 * 60,  # the server ends it then too (web_sessions)
        same_site="lax",
        https_only=ledger.settings.secure_cookies,
    )
    install_security(app, ledger.settings)  # issue 10 §5: headers on every response, the Origin check
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    pages = (
        session_pages,
        home,
        household_pages,
        member_pages,
        survey_pages,
        review_pages,
        step_pages,
        standards_pages,
        loan_pages,
        project_pages,
    )
    for module in (*pages, obligation_pages, reminder_pages, audit_pages, as_of_pages, user_pages, correction_pages):
        app.include_router(module.router, include_in_schema=False)
    app.include_router(statutory_report_pages.router, include_in_schema=False)
    apis = (household_api, loan_api, project_api, reminder_api, audit_api)  # once one router: keep their order
    for api in (*apis, survey_api, review_api, obligation_api, as_of_api):
        app.include_router(api.router)
    app.include_router(correction_api.router)
    app.include_router(statutory_report_api.router)
    for module in (list_pages, import_pages):  # issue 6 §3, §4: household lists and the import
        app.include_router(module.router, include_in_schema=False)
    app.include_router(list_api.router)
    app.include_router(plan_pages.router, include_in_schema=False)  # issue 6 §1: the chair issues and revises the plan
    app.include_router(dashboard_pages.router, include_in_schema=False)  # issue 6 §1–2: the plan and its dashboard
    app.include_router(dashboard_api.router)
    app.include_router(loan_request_pages.router, include_in_schema=False)  # loan needs: the credit target (§II.2.1)
    app.include_router(loan_request_api.router)
    add_error_handlers(app)
    return app
