"""The e-mail outbox runs as a job of its own beside the sweep, only when a mail server is configured."""

from __future__ import annotations

from apscheduler.triggers.interval import IntervalTrigger

from schedules.heartbeat import DAILY_SWEEP_ID, OUTBOX_EVERY_MINUTES, OUTBOX_ID, build_scheduler


def test_the_outbox_runs_every_few_minutes_as_a_job_of_its_own() -> None:
    scheduler = build_scheduler(lambda: None, "Asia/Ho_Chi_Minh", 6, outbox=lambda: None)

    job = scheduler.get_job(OUTBOX_ID)

    assert isinstance(job.trigger, IntervalTrigger)
    assert job.trigger.interval.total_seconds() == OUTBOX_EVERY_MINUTES * 60 <= 15 * 60
    assert scheduler.get_job(DAILY_SWEEP_ID) is not None


def test_a_late_outbox_run_is_never_dropped_and_missed_runs_coalesce_into_one() -> None:
    scheduler = build_scheduler(lambda: None, "Asia/Ho_Chi_Minh", 6, outbox=lambda: None)

    job = scheduler.get_job(OUTBOX_ID)

    assert job.misfire_grace_time is None
    assert job.coalesce is True
    assert job.max_instances == 1


def test_without_a_mail_server_there_is_no_outbox_job() -> None:
    scheduler = build_scheduler(lambda: None, "Asia/Ho_Chi_Minh", 6)

    assert scheduler.get_job(OUTBOX_ID) is None
