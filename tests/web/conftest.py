from __future__ import annotations

from collections.abc import Callable

import pytest

from application.ledger import Ledger
from tests.conftest import seed_users
from tests.web.browser import Browser


@pytest.fixture
def web_ledger(make_ledger: Callable[[str], Ledger]) -> Ledger:
    ledger = make_ledger("memory:")
    seed_users(ledger)
    return ledger


@pytest.fixture
def browser(web_ledger: Ledger) -> Callable[[str], Browser]:
    return lambda username: Browser(web_ledger).log_in(username)
