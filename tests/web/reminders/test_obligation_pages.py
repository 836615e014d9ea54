"""Deadlines in the browser and the API: the obligations list, the completeness report, resolving a
reminder with a note, and amending a project's duration."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

import pytest

from application.ledger import Ledger
from domain.loan import Programme
from domain.sweep import Sweep
from tests.application.helpers import actor, approved_project, entry, poor_household
from tests.web.api_client import Api
from tests.web.browser import Browser

NOVEMBER = "from=01/11/2026&to=30/11/2026"


@pytest.fixture
def loan_id(web_ledger: Ledger) -> UUID:
    """A loan due on 28/11/2026 (today), swept on 29/10 and today: two reminders to diachinh."""
    household_id = poor_household(web_ledger)
    loan = web_ledger.loans.grant_loan(
        actor(web_ledger, "diachinh"), household_id, Programme.POOR, 20_000_000, 2, entry(date(2026, 9, 28))
    )
    web_ledger.reminders.sweep(date(2026, 10, 29))
    web_ledger.reminders.sweep(date(2026, 11, 28))
    return loan.subject_id


def reminder_of(ledger: Ledger, subject_id: UUID) -> UUID:
    inbox = ledger.inbox.inbox(actor(ledger, "diachinh"), include_acknowledged=True)
    return next(r.reminder_id for r in inbox if r.subject_id == subject_id)


def test_a_read_only_user_finds_the_deadlines_in_the_menu_and_reads_them(
    browser: Callable[[str], Browser], loan_id: UUID
) -> None:
    supervisor = browser("mttq")

    home = supervisor.client.get("/").text
    page = supervisor.client.get(f"/obligations?{NOVEMBER}")

    assert 'href="http://testserver/obligations"' in home
    assert "Hạn và nhắc việc" in home
    assert page.status_code == 200
    assert loan_id in [o.subject_id for o in page.context["obligations"]]


def test_the_obligations_page_lists_a_deadline_with_its_reminders_and_status(
    browser: Callable[[str], Browser], loan_id: UUID
) -> None:
    response = browser("diachinh").client.get(f"/obligations?{NOVEMBER}")

    assert response.status_code == 200
    assert response.template.name == "obligations/list.html"
    [loan] = [o for o in response.context["obligations"] if o.subject_id == loan_id]
    assert loan.status == "issued"
    assert "Khoản vay ưu đãi đến hạn trả" in response.text
    assert "Đã nhắc" in response.text
    assert "29/10/2026 → diachinh" in response.text


def test_the_obligations_page_filters_by_rule_and_status(browser: Callable[[str], Browser], loan_id: UUID) -> None:
    page = browser("diachinh").client.get(f"/obligations?{NOVEMBER}&rule=regular_review_starts&status=issued")

    assert [(o.rule.value, o.status) for o in page.context["obligations"]] == [("regular_review_starts", "issued")]


def test_a_bad_date_in_the_filter_is_answered_with_a_message(browser: Callable[[str], Browser]) -> None:
    response = browser("diachinh").client.get("/obligations?from=31/02/2026")

    assert response.status_code == 422
    assert "không phải ngày hợp lệ" in response.text


def test_an_inspector_reads_the_completeness_report_with_its_log_position(
    browser: Callable[[str], Browser], web_ledger: Ledger, loan_id: UUID
) -> None:
    response = browser("mttq").client.get(f"/obligations/completeness?{NOVEMBER}")

    report = response.context["report"]
    assert response.status_code == 200
    assert response.template.name == "obligations/completeness.html"
    assert report.log_position == web_ledger.log_position()
    assert f"đến bản ghi số <strong>{report.log_position}</strong>" in response.text
    assert "Không có lỗi" in response.text
    assert "Đã nhắc đúng ngày" in response.text


def test_the_completeness_report_lists_a_gap_as_an_error(browser: Callable[[str], Browser], web_ledger: Ledger) -> None:
    household_id = poor_household(web_ledger)
    web_ledger.loans.grant_loan(
        actor(web_ledger, "diachinh"), household_id, Programme.POOR, 20_000_000, 2, entry(date(2026, 9, 28))
    )
    faulty = Sweep.start("Hải Hòa", date(2026, 11, 5), date(2026, 11, 5), date(2026, 11, 5), [], "m1")
    faulty.finish(0, 0, 0, date(2026, 11, 5))
    web_ledger.store.save(faulty)

    page = browser("chutich").client.get(f"/obligations/completeness?{NOVEMBER}").text

    assert "Lỗi: lần nhắc thiếu không giải thích được (1)" in page
    assert "thấy việc còn mở nhưng không gửi nhắc việc này" in page


def test_resolving_a_reminder_with_a_note_shows_it_resolved(
    browser: Callable[[str], Browser], web_ledger: Ledger, loan_id: UUID
) -> None:
    official = browser("diachinh")
    reminder_id = reminder_of(web_ledger, loan_id)

    response = official.submit(f"/reminders/{reminder_id}/resolution", {"note": "Hộ đã trả nợ đủ"})
    inbox = official.client.get("/reminders?all=1").text

    assert response.status_code == 303
    assert "Đã ghi nhận việc đã được giải quyết." in inbox
    assert "Hộ đã trả nợ đủ" in inbox
    assert [o.status for o in web_ledger.obligations.obligations() if o.subject_id == loan_id] == ["resolved"]


def test_resolving_without_a_note_is_refused_with_the_message(
    browser: Callable[[str], Browser], web_ledger: Ledger, loan_id: UUID
) -> None:
    official = browser("diachinh")  # signing in is recorded too, so before counting
    before = web_ledger.log_position()

    response = official.submit(f"/reminders/{reminder_of(web_ledger, loan_id)}/resolution", {"note": " "})

    assert response.status_code == 422
    assert "Hãy ghi rõ việc đã được giải quyết thế nào." in response.text
    assert web_ledger.log_position() == before


def test_a_resolution_without_the_forms_csrf_token_is_refused(
    browser: Callable[[str], Browser], web_ledger: Ledger, loan_id: UUID
) -> None:
    path = f"/reminders/{reminder_of(web_ledger, loan_id)}/resolution"

    response = browser("diachinh").client.post(path, data={"note": "Hộ đã trả nợ đủ"})

    assert response.status_code == 403
    assert [o.status for o in web_ledger.obligations.obligations() if o.subject_id == loan_id] == ["issued"]


def test_a_read_only_user_cannot_resolve_a_reminder(
    browser: Callable[[str], Browser], web_ledger: Ledger, loan_id: UUID
) -> None:
    mttq = browser("mttq")  # signing in is recorded too, so before counting
    before = web_ledger.log_position()

    response = mttq.submit(f"/reminders/{reminder_of(web_ledger, loan_id)}/resolution", {"note": "Xong"})

    assert response.status_code == 403
    assert web_ledger.log_position() == before


def test_the_inbox_offers_both_acknowledging_and_resolving_and_marks_late_reminders(
    browser: Callable[[str], Browser], loan_id: UUID
) -> None:
    inbox = browser("diachinh").client.get("/reminders").text

    assert "Đã nhận</button>" in inbox
    assert "Đã giải quyết</button>" in inbox


def test_the_responsible_official_amends_a_project_and_its_review_moves(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    project_id = approved_project(web_ledger, date(2024, 6, 1), duration_months=24)
    official = browser("diachinh")
    form = {"duration_months": "30", "effective_on": "10/03/2026", "basis_number": "45/QĐ-UBND"}

    response = official.submit(f"/projects/{project_id}/amendment", {**form, "expected_version": "2"})
    page = official.client.get(f"/projects/{project_id}").text

    assert response.status_code == 303
    assert "kết thúc 01/12/2026" in page
    assert "Điều chỉnh thời gian thực hiện dự án" in page
    assert [(o.due_on, o.status) for o in web_ledger.obligations.obligations() if o.subject_id == project_id] == [
        (date(2026, 6, 1), "cancelled"),
        (date(2026, 12, 1), "pending"),
    ]


def test_an_amendment_beyond_36_months_is_refused_on_the_project_page(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    project_id = approved_project(web_ledger, date(2024, 6, 1), duration_months=24)

    response = browser("chutich").submit(
        f"/projects/{project_id}/amendment", {"duration_months": "40", "effective_on": "10/03/2026"}
    )

    assert response.status_code == 409
    assert response.template.name == "projects/detail.html"
    assert "không quá 36 tháng" in response.text


def test_an_official_who_is_not_responsible_cannot_amend_a_project(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    project_id = approved_project(web_ledger, date(2024, 6, 1), duration_months=24)

    response = browser("vanhoa").submit(
        f"/projects/{project_id}/amendment", {"duration_months": "30", "effective_on": "10/03/2026"}
    )

    assert response.status_code == 403


@pytest.fixture
def api(web_ledger: Ledger) -> Api:
    return Api(web_ledger, "diachinh")


def test_the_api_lists_obligations_with_their_reminders(api: Api, loan_id: UUID) -> None:
    response = api.get("/obligations?from=2026-11-01&to=2026-11-30&rule=loan_due")

    [loan] = response.json()
    assert response.status_code == 200
    assert (loan["subject_id"], loan["status"]) == (str(loan_id), "issued")
    assert [(r["notice_on"], r["recipient"], r["escalated"]) for r in loan["reminders"]] == [
        ("2026-10-29", "diachinh", False),
        ("2026-11-05", "phochutich", True),  # left unacknowledged for 7 days
        ("2026-11-28", "diachinh", False),
    ]


def test_the_api_completeness_report_has_the_same_content(api: Api, web_ledger: Ledger, loan_id: UUID) -> None:
    body = api.get("/completeness?from=2026-11-01&to=2026-11-30").json()

    [loan] = [a for a in body["obligations"] if a["obligation"]["subject_id"] == str(loan_id)]
    assert body["errors"] == []
    assert body["log_position"] == web_ledger.log_position()
    assert body["summary"]["on_time"] == 2
    assert [(e["notice_on"], e["outcome"]) for e in loan["expected"]] == [
        ("2026-10-29", "on_time"),
        ("2026-11-28", "on_time"),
    ]
    assert loan["created_by"]["action"] == "Loan.Granted"
    assert [s["today"] for s in body["sweeps"]] == ["2026-10-29", "2026-11-28"]


def test_a_reminder_is_resolved_through_the_api_once(api: Api, web_ledger: Ledger, loan_id: UUID) -> None:
    path = f"/reminders/{reminder_of(web_ledger, loan_id)}/resolution"

    first = api.post(path, {"note": "Hộ đã trả nợ đủ", "command_id": "giai-quyet-1"})
    again = api.post(path, {"note": "Hộ đã trả nợ đủ", "command_id": "giai-quyet-1"})
    blank = api.post(path, {"note": "  "})

    assert (first.status_code, again.status_code, again.json()["duplicate"]) == (201, 201, True)
    assert blank.status_code == 422


def test_a_read_only_user_cannot_resolve_through_the_api(web_ledger: Ledger, loan_id: UUID) -> None:
    response = Api(web_ledger, "mttq").post(f"/reminders/{reminder_of(web_ledger, loan_id)}/resolution", {"note": "x"})

    assert response.status_code == 403


def test_a_project_is_amended_through_the_api(api: Api, web_ledger: Ledger) -> None:
    project_id = approved_project(web_ledger, date(2024, 6, 1), duration_months=24)

    response = api.post(
        f"/projects/{project_id}/amendment",
        {"duration_months": 30, "effective_on": "2026-03-10", "basis": {"number": "45/QĐ-UBND"}, "note": "Gia hạn"},
    )

    assert response.status_code == 201
    assert web_ledger.projects.project_summary(project_id).ends_on == date(2026, 12, 1)


def test_the_page_header_counts_new_reminders_and_overdue_deadlines_of_the_official(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    household_id = poor_household(web_ledger)
    web_ledger.loans.grant_loan(
        actor(web_ledger, "diachinh"), household_id, Programme.POOR, 10_000_000, 1, entry(date(2026, 9, 20))
    )  # due 20/10/2026, more than a month ago
    web_ledger.reminders.sweep(date(2026, 11, 28))

    page = browser("diachinh").client.get("/")
    chair = browser("chutich").client.get("/")

    assert page.context["overdue_count"] == 1
    assert page.context["inbox_count"] == web_ledger.inbox.unacknowledged_count(actor(web_ledger, "diachinh")) >= 2
    assert "1 quá hạn" in page.text
    assert chair.context["overdue_count"] == 0
