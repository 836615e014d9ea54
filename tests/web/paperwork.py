"""What officials fill in on the pages: households, survey forms (phiếu B), the steps of a review."""

from __future__ import annotations

import re
from collections.abc import Iterable
from uuid import UUID

from domain.indicators import Indicator
from tests.web.browser import Browser

XUAN_HA = "Xuân Hà"
DECISION = {"basis_number": "125/QĐ-UBND", "basis_issued_on": "28/10/2026", "basis_issuer": "Chủ tịch UBND xã"}


def created_id(response: object) -> UUID:
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    return UUID(response.headers["location"].rsplit("/", 1)[1])  # type: ignore[attr-defined]


def register(browser: Browser, head_name: str, hamlet: str = XUAN_HA, members: str = "") -> UUID:
    form = {"hamlet": hamlet, "head_name": head_name, "members": members, "area": "rural", "effective_on": "01/10/2024"}
    return created_id(browser.submit("/households", form))


def recognised(browser: Browser, head_name: str, standing: str, hamlet: str = XUAN_HA) -> UUID:
    household_id = register(browser, head_name, hamlet)
    form = {"standing": standing, "effective_on": "15/12/2024", "basis_number": "98/QĐ-UBND"}
    response = browser.submit(f"/households/{household_id}/recognitions", form)
    assert response.status_code == 303, response.text
    return household_id


def survey_form(
    income: str = "1.200.000", deprived: Iterable[Indicator] = (), on: str = "05/10/2026", **changes: str
) -> dict[str, str]:
    """A phiếu B with every indicator entered by the reviewer, with its evidence."""
    chosen = set(deprived)
    form = {"reviewer": "Lê Thị Rà", "income": income, "effective_on": on}
    for indicator in Indicator:
        form[f"indicator_{indicator.value}"] = "deprived" if indicator in chosen else "not_deprived"
        form[f"evidence_{indicator.value}"] = "quan sát tại hộ"
    return {**form, **changes}


FOUR_DEPRIVED = (Indicator.EMPLOYMENT, Indicator.HEALTH_INSURANCE, Indicator.HOUSING_QUALITY, Indicator.TELECOM)


def survey(browser: Browser, household_id: UUID, review_id: UUID | None = None, **form: object) -> None:
    data = survey_form(**form)  # type: ignore[arg-type]
    if review_id:
        data["review_id"] = str(review_id)
    response = browser.submit(f"/households/{household_id}/surveys", data)
    assert response.status_code == 303, response.text


def open_periodic_review(chair: Browser, starts_on: str = "01/10/2026") -> UUID:
    form = {"kind": "periodic", "year": "2026", "effective_on": starts_on, "basis_number": "45/KH-UBND"}
    return created_id(chair.submit("/reviews", form))


def meet(browser: Browser, review_id: UUID, on: str, agreements: dict[UUID, int]) -> object:
    form = {"hamlet": XUAN_HA, "chaired_by": "Trưởng xóm Phạm Văn Hải", "attendees": "42", "minutes_number": "01/BB"}
    form |= {f"agreement_{household_id}": str(share) for household_id, share in agreements.items()}
    return browser.submit(f"/reviews/{review_id}/meetings", {**form, "effective_on": on})


def post(browser: Browser, review_id: UUID, on: str) -> object:
    return browser.submit(f"/reviews/{review_id}/postings", {"hamlet": XUAN_HA, "effective_on": on})


def complain(browser: Browser, review_id: UUID, household_id: UUID, on: str = "19/10/2026") -> object:
    form = {"household_id": str(household_id), "complainant": "Ông Đỗ Văn Bình", "content": "Hộ có xe máy mới"}
    return browser.submit(f"/reviews/{review_id}/complaints", {**form, "effective_on": on})


def open_complaint_ids(browser: Browser, review_id: UUID) -> list[str]:
    page = browser.client.get(f"/reviews/{review_id}").text
    return re.findall(rf"/reviews/{review_id}/complaints/([0-9a-f-]+)/recheck", page)


def recheck(browser: Browser, review_id: UUID, household_id: UUID, complaint_id: str, **form: str) -> object:
    data = {"household_id": str(household_id), "outcome": "Xe máy do con gửi, thu nhập không đổi"}
    path = f"/reviews/{review_id}/complaints/{complaint_id}/recheck"
    return browser.submit(path, {**data, "effective_on": "21/10/2026", **form})


def decide(chair: Browser, review_id: UUID, on: str = "28/10/2026", **form: str) -> object:
    return chair.submit(f"/reviews/{review_id}/decisions", {**DECISION, "effective_on": on, **form})
