"""Every page shows the log position and head hash it was built from (issue 5 §1), printed too."""

from __future__ import annotations

from collections.abc import Callable

from application.ledger import Ledger
from tests.application.helpers import register
from tests.web.browser import Browser


def test_every_page_shows_the_log_position_and_head_hash_it_was_built_from(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    register(web_ledger)

    page = browser("mttq").client.get("/households")

    head = web_ledger.tamper_evidence.log_head()  # signing in is recorded too

    assert page.status_code == 200
    assert f"Sổ đến bản ghi số {head.position} · mã băm" in page.text
    assert f'<code title="{head.hash}">{head.hash[:16]}</code>' in page.text


def test_the_footer_follows_the_log_as_acts_are_recorded(web_ledger: Ledger, browser: Callable[[str], Browser]) -> None:
    reader = browser("chutich")
    before = web_ledger.tamper_evidence.log_head()

    register(web_ledger)

    page = reader.client.get("/")
    assert f"Sổ đến bản ghi số {before.position} ·" not in page.text
    assert f"Sổ đến bản ghi số {web_ledger.log_position()} ·" in page.text
