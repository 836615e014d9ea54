"""Correction pages and API: an official proposes from the timeline, another leader approves; nobody self-approves."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from uuid import UUID

from application.ledger import Ledger
from domain.correction import CorrectionStatus
from domain.household import Standing
from tests.application.helpers import escaped_household
from tests.web.api_client import Api
from tests.web.browser import Browser

FORM = {
    "new_effective_on": "15/02/2024",
    "reason": "Nhập nhầm ngày quyết định",
    "evidence": "Quyết định 31/QĐ-UBND ngày 15/02/2024",
}


def escape_event(ledger: Ledger, household_id: UUID) -> tuple[int, int]:
    """The escape's (log position, event version)."""
    [entry] = [e for e in ledger.audit.timeline(household_id) if e.action == "Household.EscapedPoverty"]
    found = ledger.corrections.correction_target_at(entry.position)
    return entry.position, found.target.event_version


def proposal(ledger: Ledger, household_id: UUID, **extra: str) -> dict[str, str]:
    _, version = escape_event(ledger, household_id)
    return {"target_id": str(household_id), "target_version": str(version), **FORM, **extra}


def test_an_official_proposes_from_the_households_timeline_and_the_chair_approves(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    household_id = escaped_household(web_ledger, date(2023, 12, 20))
    diachinh = browser("diachinh")
    page = diachinh.client.get(f"/households/{household_id}").text
    link = re.search(r'href="([^"]*/corrections/new\?position=\d+)">Đính chính', page)
    assert link, "no correction link beside the escape"
    assert "Đề nghị đính chính" in diachinh.client.get(link.group(1)).text

    proposed = diachinh.submit("/corrections", proposal(web_ledger, household_id))
    assert proposed.status_code == 303
    assert web_ledger.households.household_summary(household_id).escaped_on == date(2023, 12, 20)

    chutich = browser("chutich")
    listing = chutich.client.get("/corrections").text
    assert "Đính chính chờ duyệt" in listing and "Nhập nhầm ngày quyết định" in listing
    [pending] = web_ledger.corrections.pending_corrections()
    approved = chutich.submit(f"/corrections/{pending.correction_id}/approval", {"expected_version": "1"})
    assert approved.status_code == 303

    summary = web_ledger.households.household_summary(household_id)
    assert (summary.escaped_on, summary.newly_escaped_until) == (date(2024, 2, 15), date(2027, 2, 15))
    page = chutich.client.get(f"/households/{household_id}").text
    assert "Đã được đính chính bởi đề nghị của diachinh, chutich duyệt" in page
    assert "Đính chính quyết định của hộ" in page


def test_the_proposer_cannot_approve_their_own_correction(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    household_id = escaped_household(web_ledger, date(2023, 12, 20))
    chutich = browser("chutich")
    chutich.submit("/corrections", proposal(web_ledger, household_id, new_effective_on="", void="yes"))
    [pending] = web_ledger.corrections.pending_corrections()

    refused = chutich.submit(f"/corrections/{pending.correction_id}/approval", {})

    assert refused.status_code == 409
    assert "Người đề xuất đính chính không được tự duyệt" in refused.text
    assert web_ledger.households.household_summary(household_id).standing is Standing.ESCAPED_POVERTY
    assert [c.status for c in web_ledger.corrections.corrections_of(household_id)] == [CorrectionStatus.PENDING]


def test_a_proposal_without_reason_or_evidence_comes_back_with_messages(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    household_id = escaped_household(web_ledger, date(2023, 12, 20))

    response = browser("diachinh").submit("/corrections", proposal(web_ledger, household_id, reason="", evidence=""))

    assert response.status_code == 422
    assert "Hãy ghi lý do đính chính." in response.text and "Hãy ghi chứng cứ" in response.text
    assert "15/02/2024" in response.text  # the entered values are kept
    assert web_ledger.corrections.pending_corrections() == []


def test_the_supervisor_cannot_propose_a_correction(web_ledger: Ledger, browser: Callable[[str], Browser]) -> None:
    household_id = escaped_household(web_ledger, date(2023, 12, 20))

    response = browser("mttq").submit("/corrections", proposal(web_ledger, household_id))

    assert response.status_code == 403
    assert web_ledger.corrections.pending_corrections() == []


def test_corrections_through_the_api_need_a_second_leader(web_ledger: Ledger) -> None:
    household_id = escaped_household(web_ledger, date(2023, 12, 20))
    _, version = escape_event(web_ledger, household_id)
    body = {
        "target_id": str(household_id),
        "target_version": version,
        "effective_on": "2024-02-15",
        "reason": "Nhập nhầm ngày",
        "evidence": "Quyết định 31/QĐ-UBND",
    }

    assert Api(web_ledger, "diachinh").post("/corrections", {**body, "evidence": ""}).status_code == 422
    proposed = Api(web_ledger, "phochutich").post("/corrections", body)
    assert proposed.status_code == 201, proposed.text
    correction_id = proposed.json()["id"]

    refused = Api(web_ledger, "phochutich").post(f"/corrections/{correction_id}/approval", {})
    assert refused.status_code == 409
    assert "không được tự duyệt" in refused.json()["detail"]
    assert web_ledger.households.household_summary(household_id).escaped_on == date(2023, 12, 20)
    assert Api(web_ledger, "diachinh").post(f"/corrections/{correction_id}/approval", {}).status_code == 403

    assert Api(web_ledger, "chutich").post(f"/corrections/{correction_id}/approval", {}).status_code == 201
    assert web_ledger.households.household_summary(household_id).escaped_on == date(2024, 2, 15)
    [listed] = Api(web_ledger, "mttq").get(f"/corrections?subject_id={household_id}").json()
    assert (listed["status"], listed["proposed_by"], listed["decided_by"]) == ("approved", "phochutich", "chutich")
