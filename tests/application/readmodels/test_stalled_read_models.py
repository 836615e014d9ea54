"""A stored event no read model can apply stalls the read models just before it, and nothing else
(issue 10 §1, defence in depth): later writes answer success, reads serve the views as of the stall,
the hash chain and the audit keep working, and the operator recovers without editing the log."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from eventsourcing.utils import register_topic

from application.audit.trail import AuditFilter
from application.core.errors import ConflictError
from application.ledger import Ledger
from application.readmodels.stalls import APPLIED, SKIPPED, stall_history
from domain.loan import Loan, Programme
from domain.user import NotAllowedError
from tests.application.helpers import actor, entry, poor_household, register
from tests.application.poison import granted_loan_event, poison_loan, store_copy
from tests.application.readmodels.test_read_models import dump
from tests.conftest import seed_users
from tests.postgres import throwaway_database


def test_a_loan_no_read_model_can_store_stalls_them_before_it_and_later_writes_still_succeed(ledger: Ledger) -> None:
    position = poison_loan(ledger)

    later = register(ledger, head_name="Trần Thị Bình")  # answered, not raised

    assert ledger.store.repository.get(later).head_name == "Trần Thị Bình"
    stall = ledger.read_models.stalled_read_models()
    assert stall is not None
    assert (stall.position, stall.topic) == (position, "domain.loan:Loan.Granted")
    assert stall.error
    assert ledger.views.position() == position - 1
    assert "Trần Thị Bình" not in [h.head_name for h in ledger.households.household_list()]  # the views as of the stall


def test_the_hash_chain_and_the_audit_verification_cover_every_event_while_the_read_models_wait(
    ledger: Ledger,
) -> None:
    poison_loan(ledger)
    register(ledger, head_name="Trần Thị Bình")

    verdict = ledger.tamper_evidence.verify_log()

    assert verdict.ok
    assert ledger.tamper_evidence.log_head().position == ledger.log_position()
    assert ledger.read_models.read_model_status().behind == 2


def test_a_stalled_process_does_not_try_the_event_again_on_every_request(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    position = poison_loan(ledger)
    ledger.households.household_list()
    tries: list[int] = []
    registry = ledger.views.registry
    real = registry.apply
    monkeypatch.setattr(registry, "apply", lambda c, e, p: (tries.append(p), real(c, e, p)))

    for name in ("Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"):
        register(ledger, head_name=name)
        ledger.households.household_list()

    assert position not in tries
    assert ledger.tamper_evidence.log_head().position == ledger.log_position()


def test_the_chair_skips_the_stalled_event_in_the_log_and_the_official_records_the_loan_again(
    ledger: Ledger,
) -> None:
    household_id = poor_household(ledger)
    position = poison_loan(ledger)
    register(ledger, head_name="Trần Thị Bình")

    reason = "Số tiền 2^70 đ nhập nhầm; khoản vay đúng 20.000.000 đ được ghi lại."
    ledger.read_models.skip_stalled_event(actor(ledger, "chutich"), position, reason, entry())
    ledger.loans.grant_loan(actor(ledger, "chutich"), household_id, Programme.POOR, 20_000_000, 12, entry())

    assert ledger.read_models.stalled_read_models() is None
    assert ledger.views.position() == ledger.log_position()
    assert "Trần Thị Bình" in [h.head_name for h in ledger.households.household_list()]
    assert 20_000_000 in [loan.amount for loan in ledger.loans.loan_list(household_id=household_id)]
    [skip] = [e for e in ledger.audit.audit_log(AuditFilter()) if e.action == "ReadModelSkip.Recorded"]
    assert (skip.actor, skip.note) == ("chutich", "")
    assert f"Bỏ qua bản ghi số {position}" in skip.details and reason in skip.details
    with ledger.views.database.reading() as cursor:
        assert [(s.position, s.resolution) for s in stall_history(cursor)] == [(position, SKIPPED)]


def test_after_a_skip_a_rebuild_passes_over_the_same_event_and_equals_the_incremental_views(ledger: Ledger) -> None:
    position = poison_loan(ledger)
    register(ledger, head_name="Trần Thị Bình")
    ledger.read_models.skip_stalled_event(actor(ledger, "chutich"), position, "Nhập nhầm số tiền.", entry())
    built_incrementally = dump(ledger)

    ledger.read_models.rebuild_read_models()

    assert dump(ledger) == built_incrementally
    assert ledger.read_models.stalled_read_models() is None


def test_only_the_chair_or_vice_chair_skips_and_only_the_position_that_stalls(ledger: Ledger) -> None:
    position = poison_loan(ledger)
    ledger.households.household_list()
    before = ledger.log_position()

    with pytest.raises(NotAllowedError):
        ledger.read_models.skip_stalled_event(actor(ledger, "diachinh"), position, "Nhập nhầm.", entry())
    with pytest.raises(ConflictError, match=f"bản ghi số {position} đang chặn"):
        ledger.read_models.skip_stalled_event(actor(ledger, "chutich"), position - 1, "Nhập nhầm.", entry())

    assert ledger.log_position() == before


def test_a_rebuild_builds_the_views_up_to_the_event_records_the_stall_and_keeps_the_chain_whole(
    ledger: Ledger,
) -> None:
    position = poison_loan(ledger)
    register(ledger, head_name="Trần Thị Bình")

    applied = ledger.read_models.rebuild_read_models()

    assert applied == position - 1
    stall = ledger.read_models.stalled_read_models()
    assert stall is not None and stall.position == position
    assert ledger.views.position() == position - 1
    assert ledger.tamper_evidence.verify_log().ok


@pytest.fixture
def renamed_topic() -> Iterator[str]:
    """A topic the code no longer knows (a class renamed without registering its old topic)."""
    from eventsourcing import utils

    old = "domain.loan:Loan.Awarded"
    yield old
    utils._topic_cache.pop(old, None)


def test_an_event_whose_class_was_renamed_applies_once_its_old_topic_is_registered(
    ledger: Ledger, renamed_topic: str
) -> None:
    position = store_copy(ledger, granted_loan_event(ledger), topic=renamed_topic)
    register(ledger, head_name="Trần Thị Bình")
    assert ledger.read_models.stalled_read_models().position == position  # type: ignore[union-attr]

    register_topic(renamed_topic, Loan.Granted)  # the fix deployed in the code: the log is not touched
    status = ledger.read_models.retry_read_models()

    assert (status.stall, status.behind) == (None, 0)
    assert "Trần Thị Bình" in [h.head_name for h in ledger.households.household_list()]
    with ledger.views.database.reading() as cursor:
        assert [(s.position, s.resolution) for s in stall_history(cursor)] == [(position, APPLIED)]


def test_on_postgresql_a_nul_byte_in_a_household_name_stalls_only_the_read_models(
    make_ledger: Callable[[str], Ledger],
) -> None:
    with throwaway_database() as url:
        ledger = make_ledger(url)
        seed_users(ledger)
        [registered] = ledger.store.recorder.select_events(register(ledger), limit=1)
        position = store_copy(ledger, registered, head_name="Nguyễn\x00Văn An")

        register(ledger, head_name="Trần Thị Bình")

        assert ledger.read_models.stalled_read_models().position == position  # type: ignore[union-attr]
        assert ledger.tamper_evidence.verify_log().ok


def test_a_process_stalled_on_the_event_resumes_once_another_process_recorded_the_skip(
    make_ledger: Callable[[str], Ledger], tmp_path: Path
) -> None:
    web = make_ledger(f"sqlite:///{tmp_path}/giamngheo.db")
    seed_users(web)
    position = poison_loan(web)
    web.households.household_list()
    operator = make_ledger(f"sqlite:///{tmp_path}/giamngheo.db")

    operator.read_models.skip_stalled_event(actor(operator, "chutich"), position, "Nhập nhầm số tiền.", entry())
    register(web, head_name="Trần Thị Bình")

    assert web.read_models.stalled_read_models() is None
    assert "Trần Thị Bình" in [h.head_name for h in web.households.household_list()]
    assert web.views.position() == web.log_position()
