"""What an official typed stays text in the files the commune takes away: a name that looks like an Excel
formula is not run when the chair opens the list or the audit log (formula injection, OWASP)."""

from __future__ import annotations

import io
from collections.abc import Callable

from openpyxl import load_workbook

from application.ledger import Ledger
from tests.web.api_client import Api
from tests.web.browser import Browser

FORMULA = '=HYPERLINK("http://x.example","Bấm vào đây")'


def cells_holding(content: bytes, text: str) -> list[str]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell.data_type for row in sheet.iter_rows() for cell in row if cell.value == text]


def test_a_head_named_like_a_formula_is_text_in_the_xlsx_list_and_the_audit_log(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    household_id = Api(web_ledger, "chutich").household(head_name=FORMULA)
    recognised = Api(web_ledger, "chutich").post(
        f"/households/{household_id}/recognitions", {"standing": "poor", "effective_on": "2024-12-15"}
    )
    assert recognised.status_code == 201, recognised.text
    chair = browser("chutich")

    listed = chair.client.get("/lists/poor.xlsx")
    audited = chair.client.get("/audit/export.xlsx")

    assert listed.status_code == audited.status_code == 200
    assert cells_holding(listed.content, FORMULA) == ["s"]
    assert cells_holding(audited.content, FORMULA)
    assert set(cells_holding(audited.content, FORMULA)) == {"s"}
