"""The dashboard and the plan as the chair, an official and the API see them: SVG charts, every hamlet,
the as-of day, and a Vietnamese message for a malformed day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from application.demo.plan import record_demo_plan
from application.ledger import Ledger
from domain.household import Standing
from domain.indicators import Indicator
from tests.application.helpers import actor, answers, entry, poor_household
from tests.web.api_client import Api
from tests.web.browser import Browser


def small_commune(ledger: Ledger) -> None:
    chair = actor(ledger, "chutich")
    record_demo_plan(ledger, chair)
    escaping = poor_household(ledger)
    staying = poor_household(ledger)
    ledger.surveys.record_survey(
        chair, staying, answers(1_000_000, Indicator.HYGIENIC_LATRINE), entry(date(2024, 5, 2))
    )
    ledger.households.record_escape(chair, escaping, Standing.POOR, entry(date(2024, 6, 1)))


def test_the_dashboard_draws_its_charts_as_svg_and_lists_every_hamlet(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    small_commune(web_ledger)
    page = browser("chutich").client.get("/dashboard?year=2024")
    assert page.status_code == 200
    assert page.text.count("<svg") == 3 and "<script" not in page.text
    assert "Kế hoạch số …/KH-UBND ngày 01/03/2024" in page.text
    assert "Hộ thoát nghèo" in page.text and "chưa có số liệu" in page.text
    for hamlet in web_ledger.settings.hamlets:
        assert f">{hamlet}</a>" in page.text
    assert "100%" in page.text  # the two households: both poor at the start of the year
    assert "Tổng quan" in page.text  # the nav link


def test_a_hamlets_dashboard_on_a_day_shows_the_figures_of_that_day(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    small_commune(web_ledger)
    page = browser("diachinh").client.get(
        "/dashboard", params={"year": "2024", "hamlet": "Xuân Hà", "as_of": "31/05/2024"}
    )
    assert page.status_code == 200
    assert "đến 31/05/2024" in page.text and "Giảm" in page.text
    assert "0,00 điểm %" in page.text  # nobody had escaped by 31/05


def test_a_malformed_or_out_of_year_day_gets_a_vietnamese_message(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    client = browser("mttq").client
    malformed = client.get("/dashboard?year=2024&as_of=31/02/2024")
    assert malformed.status_code == 422 and "không phải ngày hợp lệ" in malformed.text
    outside = client.get("/dashboard?year=2024&as_of=02/01/2025")
    assert outside.status_code == 422 and "Ngày xem phải trong năm 2024" in outside.text


def test_the_plan_page_shows_its_number_parent_plan_targets_and_assignments(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    client = browser("vanhoa").client
    assert client.get("/plans/2024").status_code == 404
    record_demo_plan(web_ledger, actor(web_ledger, "chutich"))
    page = client.get("/plans/2024")
    assert page.status_code == 200
    assert "48/KH-UBND ngày 23/02/2024 của UBND huyện Hải Hậu" in page.text
    assert "nhà tiêu hợp vệ sinh" in page.text and "≥ 95%" in page.text
    assert "Cồn Tròn Đông" in page.text and "taichinh" in page.text


def test_the_api_gives_the_plan_and_the_dashboard_and_refuses_a_bad_day(web_ledger: Ledger) -> None:
    small_commune(web_ledger)
    api = Api(web_ledger, "mttq")
    plan = api.get("/plans/2024").json()
    assert (plan["number"], plan["parent"]["number"]) == ("…/KH-UBND", "48/KH-UBND")
    board = api.get("/dashboard?year=2024&as_of=2024-12-31").json()
    assert board["summary"]["start"] == {"total": 2, "poor": 2, "near_poor": 0, "rate": 100.0}
    assert board["summary"]["end"]["rate"] == 50.0 and board["transitions"]["escaped_poverty"] == 1
    latrine = next(t for t in board["summary"]["targets"] if t["code"] == "hygienic_latrine")
    assert (latrine["actual"], latrine["met"]) == (0.0, False)
    assert len(board["hamlets"]) == 12
    refused = api.get("/dashboard?year=2024&as_of=hôm qua")
    assert refused.status_code == 422 and "không phải ngày hợp lệ" in refused.json()["detail"]
    assert api.get("/plans/2023").status_code == 404
