"""The web application: pages, the JSON API, sessions and error pages, over one ledger."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from application.core.settings import Settings
from application.ledger import Ledger
from web.api import (
    as_of_routes,
    correction_routes,
    dashboard_routes,
    list_routes,
    loan_request_routes,
    obligation_routes,
    report_routes,
    review_routes,
    survey_routes,
)
from web.api.routes import router as api_router
from web.error_handlers import add_error_handlers
from web.pages import (
    as_of,
    audit,
    corrections,
    dashboard,
    home,
    households,
    imports,
    lists,
    loan_requests,
    loans,
    members,
    obligations,
    plans,
    projects,
    reminders,
    review_steps,
    reviews,
    session,
    standards,
    statutory_reports,
    surveys,
    users,
)
from web.security import install_security


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
    pages = (session, home, households, members, surveys, reviews, review_steps, standards, loans, projects)
    for module in (*pages, obligations, reminders, audit, as_of, users, corrections):
        app.include_router(module.router, include_in_schema=False)
    app.include_router(statutory_reports.router, include_in_schema=False)
    for api in (api_router, survey_routes.router, review_routes.router, obligation_routes.router, as_of_routes.router):
        app.include_router(api)
    app.include_router(correction_routes.router)
    app.include_router(report_routes.router)
    for module in (lists, imports):  # issue 6 §3, §4: household lists and the import
        app.include_router(module.router, include_in_schema=False)
    app.include_router(list_routes.router)
    app.include_router(plans.router, include_in_schema=False)  # issue 6 §1: the chair issues and revises the plan
    app.include_router(dashboard.router, include_in_schema=False)  # issue 6 §1–2: the plan and its dashboard
    app.include_router(dashboard_routes.router)
    app.include_router(loan_requests.router, include_in_schema=False)  # loan needs: the credit target (§II.2.1)
    app.include_router(loan_request_routes.router)
    add_error_handlers(app)
    return app
