"""Exactly one heartbeat: whoever holds the lock sweeps; the others skip."""

from __future__ import annotations

from application.reminders.heartbeat_lock import HeartbeatLock


def test_only_one_of_two_schedulers_holds_the_heartbeat(durable_url: str) -> None:
    first, second = HeartbeatLock(durable_url), HeartbeatLock(durable_url)

    held = [first.try_acquire(), second.try_acquire()]

    first.release()
    assert held == [True, False]


def test_the_heartbeat_passes_on_when_its_holder_stops(durable_url: str) -> None:
    first, second = HeartbeatLock(durable_url), HeartbeatLock(durable_url)
    first.try_acquire()

    first.release()

    assert second.try_acquire()
    second.release()


def test_a_scheduler_without_the_heartbeat_does_not_sweep(durable_url: str) -> None:
    holder, other = HeartbeatLock(durable_url), HeartbeatLock(durable_url)
    runs: list[str] = []
    holder.guard(lambda: runs.append("holder"))()

    other.guard(lambda: runs.append("other"))()

    holder.release()
    assert runs == ["holder"]


def test_in_memory_there_is_one_process_and_it_holds_the_heartbeat() -> None:
    assert HeartbeatLock("memory:").try_acquire()
