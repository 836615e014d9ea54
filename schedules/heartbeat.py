"""When the sweep and the e-mail outbox run. What is due is decided by the application (style.md §9).

Business reminders are never APScheduler jobs: the jobs live in the in-memory store and only call
the sweep, which is idempotent, so a late, coalesced or repeated run issues nothing twice. The outbox
is a job of its own, so a slow mail server never holds up the sweep; it claims each e-mail before
sending, so a repeated run, or another scheduler's, sends nothing twice.
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
from apscheduler.triggers.interval import IntervalTrigger

DAILY_SWEEP_ID = "reminder-sweep-daily"
START_UP_SWEEP_ID = "reminder-sweep-at-start-up"
OUTBOX_ID = "reminder-email-outbox"
OUTBOX_EVERY_MINUTES = 5

log = logging.getLogger(__name__)


def build_scheduler(
    sweep: Callable[[], object],
    timezone: str,
    hour: int,
    blocking: bool = False,
    outbox: Callable[[], object] | None = None,
) -> BaseScheduler:
    """The outbox job is added only when there is one, i.e. when a mail server is configured."""
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
    if outbox is not None:
        add_outbox(scheduler, outbox, zone)
    return scheduler


def add_outbox(scheduler: BaseScheduler, outbox: Callable[[], object], zone: ZoneInfo) -> None:
    # Same policy as the sweep: a late run still runs, missed runs become one, never two at once.
    scheduler.add_job(
        logged(outbox, "Reminder e-mail outbox"),
        IntervalTrigger(minutes=OUTBOX_EVERY_MINUTES, timezone=zone),
        id=OUTBOX_ID,
        replace_existing=True,
        coalesce=True,
        misfire_grace_time=None,
        max_instances=1,
    )


def logged(job: Callable[[], object], name: str = "Reminder sweep") -> Callable[[], None]:
    def run_job() -> None:
        log.info("%s: %s", name, job())

    return run_job
