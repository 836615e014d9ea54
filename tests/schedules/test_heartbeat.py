from __future__ import annotations

import threading
import time

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger

from schedules.heartbeat import DAILY_SWEEP_ID, START_UP_SWEEP_ID, build_scheduler


def test_the_sweep_runs_daily_at_the_configured_hour_in_vietnam_time() -> None:
    scheduler = build_scheduler(lambda: None, "Asia/Ho_Chi_Minh", 6)

    job = scheduler.get_job(DAILY_SWEEP_ID)

    assert isinstance(job.trigger, CronTrigger)
    assert str(job.trigger.fields[job.trigger.FIELD_NAMES.index("hour")]) == "6"
    assert str(job.trigger.timezone) == "Asia/Ho_Chi_Minh"


def test_a_late_daily_run_is_never_dropped_and_missed_runs_coalesce() -> None:
    scheduler = build_scheduler(lambda: None, "Asia/Ho_Chi_Minh", 6)

    job = scheduler.get_job(DAILY_SWEEP_ID)

    assert job.misfire_grace_time is None
    assert job.coalesce is True


def test_the_sweep_also_runs_once_at_start_up() -> None:
    scheduler = build_scheduler(lambda: None, "Asia/Ho_Chi_Minh", 6)

    job = scheduler.get_job(START_UP_SWEEP_ID)

    assert isinstance(job.trigger, DateTrigger)
    assert job.misfire_grace_time is None


def test_starting_the_scheduler_sweeps_right_away() -> None:
    swept = threading.Event()
    scheduler = build_scheduler(swept.set, "Asia/Ho_Chi_Minh", 6)

    scheduler.start()
    try:
        ran = swept.wait(timeout=10)
        for _ in range(100):  # the one-off start-up job removes itself once it has run
            if scheduler.get_job(START_UP_SWEEP_ID) is None:
                break
            time.sleep(0.05)
        start_up_job_left = scheduler.get_job(START_UP_SWEEP_ID)
    finally:
        scheduler.shutdown(wait=True)

    assert ran
    assert start_up_job_left is None
