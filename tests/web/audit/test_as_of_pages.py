from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

import pytest

from application.ledger import Ledger
from domain.acts import LegalBasis
from domain.household import Standing
from domain.loan import Programme
from domain.user import Role
from tests.application.helpers import actor, approved_project, entry, poor_household, register
from tests.conftest import PASSWORD, FixedClock
from tests.web.api_client import Api
from tests.web.browser import Browser

ESCAPE = LegalBasis("45/QĐ-UBND", date(2023, 12, 15), "Chủ tịch UBND xã")


@pytest.fixture
def inspector(web_ledger: Ledger, browser: Callable[[str], Browser]) -> Browser:
    web_ledger.users.create_user("thanhtra", "Thanh tra huyện Hải Hậu", Role.INSPECTOR, [], PASSWORD)
    return browser("thanhtra")


@pytest.fixture
def escaped_late(web_ledger: Ledger, clock: FixedClock) -> UUID:
    """Poor since 2022; the escape of 15/12/2023 recorded by the vice-chair in February 2024."""
    household_id = register(web_ledger, by="chutich", head_name="Trần Văn Thoát")
    web_ledger.households.recognise_household(
        actor(web_ledger, "chutich"), household_id, Standing.POOR, entry(date(2022, 1, 10))
    )
    clock.set_today(date(2024, 2, 10))
    web_ledger.households.record_escape(
        actor(web_ledger, "phochutich"), household_id, Standing.POOR, entry(date(2023, 12, 15), basis=ESCAPE)
    )
    clock.set_today(date(2026, 11, 28))
    return household_id


def test_an_inspector_reads_who_recognised_the_escape_and_on_which_basis_from_the_household_page(
    inspector: Browser, escaped_late: UUID
) -> None:
    page = inspector.client.get(f"/as-of/households/{escaped_late}?as_of=31/12/2023&axis=effective")

    assert page.status_code == 200 and page.template.name == "as_of/household.html"
    assert "Theo hiệu lực ngày 31/12/2023 (gồm cả ghi nhận, đính chính về sau)" in page.text
    assert "Theo sổ đã ghi đến hết ngày 31/12/2023" in page.text
    decision = page.context["seen"].effective.decision
    assert (decision.action, decision.actor, decision.basis) == ("Household.EscapedPoverty", "phochutich", ESCAPE)
    assert "Công nhận thoát nghèo, hiệu lực từ 15/12/2023" in page.text
    assert "phochutich (Phó Chủ tịch UBND xã)" in page.text and "45/QĐ-UBND ngày 15/12/2023" in page.text


def test_the_household_page_explains_what_was_recorded_after_the_day(inspector: Browser, escaped_late: UUID) -> None:
    page = inspector.client.get(f"/as-of/households/{escaped_late}?as_of=31/12/2023")

    assert "nhưng có hiệu lực từ 15/12/2023" in page.text
    assert "Đến hết ngày 31/12/2023 sổ chưa ghi hộ này." in page.text  # the ledger was started in 2026


def test_an_inspector_reads_the_poor_household_list_of_31_12_2023(
    inspector: Browser, web_ledger: Ledger, escaped_late: UUID
) -> None:
    poor_household(web_ledger, since=date(2023, 6, 1))

    page = inspector.client.get("/as-of/households?as_of=31/12/2023&axis=effective&list=poor")

    assert page.status_code == 200 and page.template.name == "as_of/households.html"
    assert [h.head_name for h in page.context["seen"].effective.poor] == ["Nguyễn Văn An"]
    assert "Hộ nghèo: 1 hộ" in page.text and "xóm Xuân Hà: 1 hộ" in page.text
    assert [h.household_id for h in page.context["seen"].effective.newly_escaped] == [escaped_late]


def test_the_list_links_to_the_household_on_the_same_day_and_axis(inspector: Browser, escaped_late: UUID) -> None:
    page = inspector.client.get("/as-of/households?as_of=31/12/2023&axis=effective&list=newly_escaped")

    assert f"/as-of/households/{escaped_late}?as_of=31/12/2023&amp;axis=effective" in page.text


def test_the_existing_pages_link_to_their_as_of_view(inspector: Browser, escaped_late: UUID) -> None:
    household_page = inspector.client.get(f"/households/{escaped_late}")
    list_page = inspector.client.get("/households")

    assert f"/as-of/households/{escaped_late}" in household_page.text
    assert "/as-of/households" in list_page.text


@pytest.mark.parametrize(
    ("as_of", "message"),
    [("31/13/2023", "“31/13/2023” không phải ngày hợp lệ"), ("01/01/2030", "không được sau ngày hôm nay")],
)
def test_a_bad_or_future_day_is_answered_in_vietnamese_with_422(inspector: Browser, as_of: str, message: str) -> None:
    page = inspector.client.get(f"/as-of/households?as_of={as_of}")

    assert page.status_code == 422 and message in page.text


def test_a_loan_and_a_project_can_be_seen_as_of_a_past_day(
    inspector: Browser, web_ledger: Ledger, escaped_late: UUID
) -> None:
    household_id = poor_household(web_ledger, since=date(2022, 1, 10))
    loan_id = web_ledger.loans.grant_loan(
        actor(web_ledger, "chutich"), household_id, Programme.POOR, 30_000_000, 60, entry(date(2023, 5, 2))
    ).subject_id
    project_id = approved_project(web_ledger, starts_on=date(2023, 1, 1))

    loan_page = inspector.client.get(f"/as-of/loans/{loan_id}?as_of=01/05/2023")
    project_page = inspector.client.get(f"/as-of/projects/{project_id}?as_of=10/12/2022")

    assert "Ngày 01/05/2023 hộ chưa được vay (ngày vay 02/05/2023)." in loan_page.text
    assert project_page.status_code == 200 and "Đã đề xuất" in project_page.text


def test_the_api_gives_the_poor_list_of_a_past_day_and_refuses_a_bad_axis(
    web_ledger: Ledger, escaped_late: UUID
) -> None:
    api = Api(web_ledger, "mttq")

    lists = api.get("/as-of/households?as_of=31/12/2023&axis=effective")
    household = api.get(f"/as-of/households/{escaped_late}?as_of=2023-12-31")
    refused = api.get("/as-of/households?as_of=31/12/2023&axis=hom-qua")

    assert lists.status_code == 200 and lists.json()["poor"] == []
    assert [h["household_id"] for h in lists.json()["newly_escaped"]] == [str(escaped_late)]
    assert household.json()["effective"]["standing"] == "escaped_poverty"
    assert household.json()["later"][-1]["basis_number"] == "45/QĐ-UBND"
    assert refused.status_code == 422 and "recorded" in refused.json()["detail"]
