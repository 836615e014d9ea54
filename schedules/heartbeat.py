"""When the sweep runs. What is due is decided by the application (style.md §9).

Business reminders are never APScheduler jobs: the jobs live in the in-memory store and only call
the sweep, which is idempotent, so a late, coalesced or repeated run issues nothing twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

DAILY_SWEEP_ID = "reminder-sweep-daily"
START_UP_SWEEP_ID = "reminder-sweep-at-start-up"

log = logging.getLogger(__name__)


def build_scheduler(sweep: Callable[[], object], timezone: str, hour: int, blocking: bool = False) -> BaseScheduler:
    zone = ZoneInfo(timezone)
    scheduler: BaseScheduler = BlockingScheduler(timezone=zone) if blocking else BackgroundScheduler(timezone=zone)
    # misfire_grace_time=None: a run that is late (process asleep, machine busy) still runs;
    # coalesce=True: several missed runs become one, which the level-triggered sweep makes enough.
    scheduler.add_job(
        logged(sweep),
        CronTrigger(hour=hour, minute=0, timezone=zone),
        id=DAILY_SWEEP_ID,
        replace_existing=True,
        coalesce=True,
        misfire_grace_time=None,
        max_instances=1,
    )
    scheduler.add_job(
        logged(sweep),
        "date",
        run_date=datetime.now(zone),
        id=START_UP_SWEEP_ID,
        replace_existing=True,
        coalesce=True,
        misfire_grace_time=None,
    )
    return scheduler


def logged(sweep: Callable[[], object]) -> Callable[[], None]:
    def run_sweep() -> None:
        log.info("Reminder sweep: %s", sweep())

    return run_sweep
