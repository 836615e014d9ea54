"""Four officials' browsers (or one browser retrying) send the same form at the same instant: one act is
recorded and every other answer is the duplicate answer, never a refusal (issue 10, point 9)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from uuid import UUID

import pytest

from application.core.ledger_core import Entry, Recorded
from application.ledger import Ledger
from domain.acts import DomainError
from domain.household import Area, Standing
from tests.application.helpers import actor
from tests.conftest import seed_users

SENDERS = 4
ROUNDS = 20


def at_once(sends: list[Callable[[], Recorded]]) -> list[Recorded | DomainError]:
    """Runs each send in its own thread, all released together by a barrier; each answer or refusal."""
    barrier = threading.Barrier(len(sends), timeout=10)

    def one(send: Callable[[], Recorded]) -> Recorded | DomainError:
        barrier.wait()
        try:
            return send()
        except DomainError as refusal:
            return refusal

    with ThreadPoolExecutor(len(sends)) as pool:
        return list(pool.map(one, sends))


def recognise_at_once(ledgers: list[Ledger], household_id: UUID, command_id: str) -> list[Recorded | DomainError]:
    """SENDERS copies of one recognition form, shared out over the ledgers (one per web worker)."""
    entry = Entry(date(2022, 1, 10), command_id=command_id)

    def copy(ledger: Ledger) -> Callable[[], Recorded]:
        chair = actor(ledger, "chutich")
        return lambda: ledger.households.recognise_household(chair, household_id, Standing.POOR, entry)

    return at_once([copy(ledgers[n % len(ledgers)]) for n in range(SENDERS)])


@pytest.mark.parametrize("workers", [1, 2])
def test_a_recognition_sent_four_times_at_once_is_recorded_once_and_every_other_answer_is_the_duplicate(
    make_ledger: Callable[[str], Ledger], durable_url: str, workers: int
) -> None:
    ledger = make_ledger(durable_url)
    seed_users(ledger)
    ledgers = [ledger, *(make_ledger(durable_url) for _ in range(workers - 1))]  # as `serve --workers 2`
    chair = actor(ledger, "chutich")
    households = [
        ledger.households.register_household(
            chair, "Xuân Hà", f"Hộ số {n}", [], Area.RURAL, Entry(date(2020, 1, 6))
        ).subject_id
        for n in range(ROUNDS)
    ]

    answers = [recognise_at_once(ledgers, household, f"nhan-dien-{n}") for n, household in enumerate(households)]

    refusals = [str(answer) for round_ in answers for answer in round_ if isinstance(answer, DomainError)]
    firsts = [[a for a in round_ if isinstance(a, Recorded) and not a.duplicate] for round_ in answers]
    assert refusals == []
    assert [len(first) for first in firsts] == [1] * ROUNDS
    assert all(a.subject_id == h for round_, h in zip(answers, households, strict=True) for a in round_)  # type: ignore[union-attr]
    assert {ledger.store.repository.get(household).version for household in households} == {2}


def test_a_registration_sent_four_times_at_once_registers_one_household(
    make_ledger: Callable[[str], Ledger], durable_url: str
) -> None:
    ledger = make_ledger(durable_url)
    seed_users(ledger)
    chair = actor(ledger, "chutich")

    def register(n: int) -> Callable[[], Recorded]:
        entry = Entry(date(2020, 1, 6), command_id=f"dang-ky-{n}")
        return lambda: ledger.households.register_household(chair, "Xuân Hà", f"Hộ số {n}", [], Area.RURAL, entry)

    answers = [at_once([register(n)] * SENDERS) for n in range(ROUNDS // 2)]

    assert all(isinstance(answer, Recorded) for round_ in answers for answer in round_)
    assert [len({answer.subject_id for answer in round_}) for round_ in answers] == [1] * (ROUNDS // 2)  # type: ignore[union-attr]
    assert [sum(not answer.duplicate for answer in round_) for round_ in answers] == [1] * (ROUNDS // 2)  # type: ignore[union-attr]
    assert len(ledger.households.household_list()) == ROUNDS // 2


def test_a_recognition_of_a_household_already_poor_under_a_new_form_is_still_refused(ledger: Ledger) -> None:
    chair = actor(ledger, "chutich")
    household = ledger.households.register_household(
        chair, "Xuân Hà", "Hộ số 1", [], Area.RURAL, Entry(date(2020, 1, 6))
    )
    ledger.households.recognise_household(
        chair, household.subject_id, Standing.POOR, Entry(date(2022, 1, 10), command_id="a")
    )

    with pytest.raises(DomainError, match="Hộ đã là hộ nghèo."):
        ledger.households.recognise_household(
            chair, household.subject_id, Standing.POOR, Entry(date(2022, 2, 1), command_id="b")
        )
    assert ledger.store.repository.get(household.subject_id).version == 2
