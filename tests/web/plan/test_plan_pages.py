"""The chair issues the year's plan from the web and revises it; nobody else may, and bad input changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from application.ledger import Ledger
from domain.plan import SEED_TARGETS
from tests.web.api_client import Api
from tests.web.browser import Browser


def plan_form(ledger: Ledger, **changes: str) -> dict[str, Any]:
    """The 2025 plan as the chair fills it in: the seed thresholds, Xuân Hà to diachinh, Xuân Đài Đông to vanhoa."""
    hamlets = list(ledger.settings.hamlets)
    form: dict[str, Any] = {
        "number": "45/KH-UBND",
        "issued_on": "10/03/2025",
        "year": "2025",
        "parent_number": "30/KH-UBND",
        "parent_issued_on": "20/02/2025",
        "parent_issuer": "UBND huyện Hải Hậu",
        "note": "Kế hoạch năm 2025",
        f"official_{hamlets.index('Xuân Hà')}": "diachinh",
        f"duty_{hamlets.index('Xuân Hà')}": "Công chức Địa chính",
        f"official_{hamlets.index('Xuân Đài Đông')}": "vanhoa",
    }
    for target in SEED_TARGETS:
        form[f"threshold_{target.code}"] = "" if target.threshold is None else f"{target.threshold:g}".replace(".", ",")
    return form | changes


def test_the_chair_issues_the_2025_plan_and_sees_its_targets_and_assignments(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    chair = browser("chutich")
    form_page = chair.client.get("/plans/new?year=2025")
    assert form_page.status_code == 200
    assert 'value="95"' in form_page.text and "Công chức Địa chính (diachinh)" in form_page.text

    response = chair.submit("/plans", plan_form(web_ledger, threshold_hygienic_latrine="96"))

    assert response.status_code == 303 and response.headers["location"].endswith("/plans/2025")
    page = chair.client.get("/plans/2025")
    assert "Đã ban hành Kế hoạch giảm nghèo năm 2025 số 45/KH-UBND." in page.text
    assert "45/KH-UBND" in page.text and "10/03/2025" in page.text and "30/KH-UBND ngày 20/02/2025" in page.text
    assert "≥ 96%" in page.text and "≥ 0,5 điểm %" in page.text
    assert "Công chức Văn hóa – xã hội (vanhoa)" in page.text
    plan = web_ledger.plan.plan_of(2025)
    assert plan is not None and plan.official_of("Xuân Hà") == "diachinh"
    assert plan.target("hygienic_latrine").threshold == 96  # type: ignore[union-attr]


def test_the_form_for_2024_offers_the_district_plan_it_implements(browser: Callable[[str], Browser]) -> None:
    page = browser("chutich").client.get("/plans/new?year=2024")
    assert 'value="48/KH-UBND"' in page.text and 'value="23/02/2024"' in page.text
    assert 'value="UBND huyện Hải Hậu"' in page.text


def test_an_official_may_not_issue_the_plan_and_nothing_is_recorded(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    official = browser("diachinh")
    before = web_ledger.log_position()
    message = "Chỉ Chủ tịch UBND xã được ban hành, sửa đổi kế hoạch giảm nghèo năm."

    form_page = official.client.get("/plans/new?year=2025")
    response = official.submit("/plans", plan_form(web_ledger))

    assert form_page.status_code == 403 and message in form_page.text
    assert response.status_code == 403 and message in response.text
    assert web_ledger.plan.plan_of(2025) is None and web_ledger.log_position() == before


def test_a_malformed_date_or_a_threshold_that_is_no_number_is_refused_with_messages_at_the_fields(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    chair = browser("chutich")
    before = web_ledger.log_position()

    bad_date = chair.submit("/plans", plan_form(web_ledger, issued_on="31/02/2025"))
    bad_threshold = chair.submit("/plans", plan_form(web_ledger, threshold_hygienic_latrine="chín lăm"))
    wrong_year = chair.submit("/plans", plan_form(web_ledger, issued_on="10/03/2023"))
    no_number = chair.submit("/plans", plan_form(web_ledger, number=" "))

    assert bad_date.status_code == 422 and "“31/02/2025” không phải ngày hợp lệ (dd/mm/yyyy)." in bad_date.text
    assert bad_threshold.status_code == 422 and "“chín lăm” không phải là số" in bad_threshold.text
    assert 'value="chín lăm"' in bad_threshold.text  # what the chair typed is kept
    assert wrong_year.status_code == 422 and "phải ban hành trong năm 2025 hoặc cuối năm 2024" in wrong_year.text
    assert no_number.status_code == 422 and "Hãy ghi số kế hoạch" in no_number.text
    assert web_ledger.plan.plan_of(2025) is None and web_ledger.log_position() == before


def test_a_second_plan_for_the_same_year_is_refused(web_ledger: Ledger, browser: Callable[[str], Browser]) -> None:
    chair = browser("chutich")
    assert chair.submit("/plans", plan_form(web_ledger)).status_code == 303
    before = web_ledger.log_position()

    again = chair.submit("/plans", plan_form(web_ledger, number="46/KH-UBND"))

    assert again.status_code == 409 and "Kế hoạch giảm nghèo năm 2025 đã được ban hành" in again.text
    assert web_ledger.log_position() == before


def revision(ledger: Ledger, version: int, **changes: str) -> dict[str, Any]:
    form = plan_form(ledger)
    thresholds = {k: v for k, v in form.items() if k.startswith("threshold_")}
    return thresholds | {
        "effective_on": "01/07/2025",
        "basis_number": "80/QĐ-UBND",
        "basis_issued_on": "01/07/2025",
        "note": "Nâng chỉ tiêu nhà tiêu hợp vệ sinh",
        "expected_version": str(version),
        **changes,
    }


def test_the_chair_revises_a_target_and_the_revision_is_in_the_audit_log(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    chair = browser("chutich")
    chair.submit("/plans", plan_form(web_ledger))
    plan_page = chair.client.get("/plans/2025")
    assert "Sửa đổi chỉ tiêu" in plan_page.text and 'name="expected_version" value="1"' in plan_page.text

    response = chair.submit("/plans/2025/targets", revision(web_ledger, 1, threshold_hygienic_latrine="98"))

    assert response.status_code == 303
    page = chair.client.get("/plans/2025")
    assert "≥ 98%" in page.text and "Đã sửa đổi chỉ tiêu Kế hoạch năm 2025." in page.text
    audit = chair.client.get("/audit")
    assert "Sửa đổi chỉ tiêu" in audit.text and "Kế hoạch giảm nghèo năm 2025" in audit.text


def test_a_stale_revision_form_gets_the_conflict_message_and_changes_nothing(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    chair = browser("chutich")
    chair.submit("/plans", plan_form(web_ledger))
    first = chair.submit("/plans/2025/targets", revision(web_ledger, 1, threshold_hygienic_latrine="98"))
    assert first.status_code == 303
    before = web_ledger.log_position()

    stale = chair.submit("/plans/2025/targets", revision(web_ledger, 1, threshold_hygienic_latrine="99"))

    assert stale.status_code == 409 and "≥ 98%" in stale.text
    assert web_ledger.log_position() == before
    assert web_ledger.plan.plan_of(2025).target("hygienic_latrine").threshold == 98  # type: ignore[union-attr]


def test_the_chair_changes_who_follows_a_hamlet(web_ledger: Ledger, browser: Callable[[str], Browser]) -> None:
    chair = browser("chutich")
    chair.submit("/plans", plan_form(web_ledger))
    index = list(web_ledger.settings.hamlets).index("Tân Hùng")
    form = {k: v for k, v in plan_form(web_ledger).items() if k.startswith(("official_", "duty_"))}
    form |= {f"official_{index}": "vanhoa", "effective_on": "01/08/2025", "basis_number": "90/QĐ-UBND"}

    response = chair.submit("/plans/2025/assignments", form | {"expected_version": "1"})
    missing_basis = chair.submit("/plans/2025/assignments", form | {"basis_number": ""})

    assert response.status_code == 303
    assert web_ledger.plan.plan_of(2025).official_of("Tân Hùng") == "vanhoa"  # type: ignore[union-attr]
    assert missing_basis.status_code == 422 and "Hãy ghi số văn bản sửa đổi kế hoạch." in missing_basis.text


def test_the_dashboard_offers_the_chair_to_issue_a_missing_plan(browser: Callable[[str], Browser]) -> None:
    assert "Ban hành kế hoạch năm 2026" in browser("chutich").client.get("/dashboard?year=2026").text
    assert "Ban hành kế hoạch năm 2026" not in browser("diachinh").client.get("/dashboard?year=2026").text


def test_the_api_issues_a_plan_and_rejects_bad_input(web_ledger: Ledger) -> None:
    api = Api(web_ledger, "chutich")
    body = {
        "year": 2025,
        "number": "45/KH-UBND",
        "effective_on": "2025-03-10",
        "parent": {"number": "30/KH-UBND", "issued_on": "2025-02-20", "issuer": "UBND huyện Hải Hậu"},
        "thresholds": {"hygienic_latrine": 97},
        "assignments": [{"hamlet": "Xuân Hà", "username": "diachinh"}],
    }
    before = web_ledger.log_position()

    bad_date = api.post("/plans", body | {"effective_on": "31/02/2025"})
    unknown_target = api.post("/plans", body | {"thresholds": {"tivi": 50}})
    out_of_range = api.post("/plans", body | {"thresholds": {"hygienic_latrine": 150}})
    unknown_user = api.post("/plans", body | {"assignments": [{"hamlet": "Xuân Hà", "username": "ai"}]})
    assert [r.status_code for r in (bad_date, unknown_target, out_of_range, unknown_user)] == [422] * 4
    assert "tivi" in unknown_target.json()["detail"] and "từ 0 đến 100" in out_of_range.json()["detail"]
    assert web_ledger.log_position() == before

    created = api.post("/plans", body)

    assert created.status_code == 201, created.text
    plan = api.get("/plans/2025").json()
    assert plan["number"] == "45/KH-UBND" and plan["parent"]["number"] == "30/KH-UBND"
    assert next(t for t in plan["targets"] if t["code"] == "hygienic_latrine")["threshold"] == 97
    assert Api(web_ledger, "diachinh").post("/plans", body | {"year": 2026}).status_code == 403
