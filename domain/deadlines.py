"""Deadlines derived from recorded acts, as pure functions of dates ("today" is a parameter)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from domain.calendar import add_months

# Seed plan §III.1: "hộ mới thoát nghèo (trong vòng 36 tháng, kể từ thời điểm hộ được cấp có
# thẩm quyền công nhận thoát nghèo)"; the Program of Decision 90/QĐ-TTg, Part II.2 [I].
NEWLY_ESCAPED_WINDOW_MONTHS = 36

# Seed plan §IV.2.1: a livelihood project lasts "tối đa không quá ba năm", then is reviewed.
PROJECT_MAX_DURATION_MONTHS = 36
# Poor-household loans: term up to 120 months since 01/03/2019 (VBSP; domain.md §8.1 [V]).
LOAN_MAX_TERM_MONTHS = 120


class ReminderRule(Enum):
    NEWLY_ESCAPED_WINDOW_END = "newly_escaped_window_end"
    ESCAPED_LOAN_WINDOW_END = "escaped_loan_window_end"
    PROJECT_FINAL_REVIEW = "project_final_review"
    LOAN_DUE = "loan_due"
    ANNUAL_REVIEW_OPENS = "annual_review_opens"
    ANNUAL_REVIEW_CLOSES = "annual_review_closes"
    REGULAR_REVIEW_STARTS = "regular_review_starts"
    REGULAR_REVIEW_DECISION = "regular_review_decision"
    MONTHLY_REPORT = "monthly_report"
    POSTING_ENDS = "posting_ends"


# What each rule is called, in the inbox, the e-mails and the reports.
RULE_TITLES = {
    ReminderRule.NEWLY_ESCAPED_WINDOW_END: "Hết thời hạn 36 tháng hộ mới thoát nghèo",
    ReminderRule.PROJECT_FINAL_REVIEW: "Tổng kết, đánh giá dự án khi hết thời gian thực hiện",
    ReminderRule.REGULAR_REVIEW_DECISION: "Quyết định kết quả rà soát thường xuyên (trong 15 ngày)",
    ReminderRule.ESCAPED_LOAN_WINDOW_END: "Hết 3 năm được vay vốn hộ mới thoát nghèo, thoát cận nghèo",
    ReminderRule.LOAN_DUE: "Khoản vay ưu đãi đến hạn trả",
    ReminderRule.ANNUAL_REVIEW_OPENS: "Bắt đầu rà soát hộ nghèo, cận nghèo định kỳ (01/9)",
    ReminderRule.ANNUAL_REVIEW_CLOSES: "Hoàn thành rà soát định kỳ (trước 14/12)",
    ReminderRule.REGULAR_REVIEW_STARTS: "Rà soát thường xuyên hằng tháng (từ ngày 15)",
    ReminderRule.MONTHLY_REPORT: "Báo cáo kết quả rà soát thường xuyên lên cấp trên (ngày 05)",
    ReminderRule.POSTING_ENDS: "Hết thời gian niêm yết công khai",
}

# Where each rule comes from (shown beside every reminder and in the completeness report).
RULE_BASIS = {
    ReminderRule.NEWLY_ESCAPED_WINDOW_END: "Kế hoạch của xã, mục III.1; Chương trình kèm QĐ 90/QĐ-TTg, mục II.2",
    ReminderRule.ESCAPED_LOAN_WINDOW_END: "QĐ 28/2015/QĐ-TTg, Điều 2: ra khỏi danh sách không quá 3 năm",
    ReminderRule.PROJECT_FINAL_REVIEW: "Kế hoạch của xã, mục IV.2.1: tối đa ba năm, hết thời gian thì tổng kết",
    ReminderRule.LOAN_DUE: "NĐ 78/2002/NĐ-CP; QĐ 15/2013/QĐ-TTg; QĐ 28/2015/QĐ-TTg: hạn trả nợ",
    ReminderRule.ANNUAL_REVIEW_OPENS: "QĐ 24/2021/QĐ-TTg, Điều 3(1)(a): rà soát định kỳ từ 01/9",
    ReminderRule.ANNUAL_REVIEW_CLOSES: "QĐ 24/2021/QĐ-TTg, Điều 3(1)(a): hoàn thành trước 14/12",
    ReminderRule.REGULAR_REVIEW_STARTS: "QĐ 24/2021/QĐ-TTg, Điều 3(1)(b): rà soát thường xuyên từ ngày 15",
    ReminderRule.REGULAR_REVIEW_DECISION: "QĐ 24/2021/QĐ-TTg, Điều 5: quyết định trong 15 ngày",
    ReminderRule.MONTHLY_REPORT: "QĐ 24/2021/QĐ-TTg, Điều 7(1): báo cáo ngày 05 hằng tháng, tháng 2–9",
    ReminderRule.POSTING_ENDS: "QĐ 24/2021/QĐ-TTg, Điều 4(4): hết thời gian niêm yết",
}


@dataclass(frozen=True)
class ReminderSchedule:
    """When to remind about a deadline: days before it, how often once passed, when to escalate."""

    days_before: tuple[int, ...]
    overdue_every_days: int | None = None
    escalate_after_days: int | None = None  # overdue reminders from then on go to the supervisor


DEFAULT_SCHEDULES = {
    ReminderRule.NEWLY_ESCAPED_WINDOW_END: ReminderSchedule(days_before=(90, 30, 0)),
    ReminderRule.ESCAPED_LOAN_WINDOW_END: ReminderSchedule(days_before=(30, 0)),
    ReminderRule.PROJECT_FINAL_REVIEW: ReminderSchedule((90, 30, 0), overdue_every_days=30, escalate_after_days=30),
    ReminderRule.LOAN_DUE: ReminderSchedule(days_before=(30, 0)),
    ReminderRule.ANNUAL_REVIEW_OPENS: ReminderSchedule(days_before=(7, 0)),
    ReminderRule.ANNUAL_REVIEW_CLOSES: ReminderSchedule(days_before=(30, 7, 0)),
    ReminderRule.REGULAR_REVIEW_STARTS: ReminderSchedule(days_before=(0,)),
    ReminderRule.REGULAR_REVIEW_DECISION: ReminderSchedule(days_before=(5, 0), overdue_every_days=7),
    ReminderRule.MONTHLY_REPORT: ReminderSchedule(days_before=(3, 0)),
    ReminderRule.POSTING_ENDS: ReminderSchedule(days_before=(0,)),
}

# Decision 28/2015/QĐ-TTg, Art. 2 [V]: a household removed from the poor or near-poor list at most 3 years ago.
ESCAPED_LOAN_WINDOW_MONTHS = 36
# Decision 24/2021/QĐ-TTg, Art. 7(1) [V]: the commune reports on the 5th of each month, February to September.
MONTHLY_REPORT_DAY, MONTHLY_REPORT_MONTHS = 5, range(2, 10)


@dataclass(frozen=True)
class Notice:
    notice_on: date
    escalated: bool = False


def notices(due_on: date, schedule: ReminderSchedule, today: date) -> list[Notice]:
    """Every reminder of a deadline whose date has come by today (level-triggered, not "== today")."""
    escalate_from = due_on + timedelta(days=schedule.escalate_after_days) if schedule.escalate_after_days else None
    return [
        Notice(day, escalate_from is not None and day >= escalate_from) for day in notice_dates(due_on, schedule, today)
    ]


@dataclass(frozen=True)
class CalendarDeadline:
    """A deadline set by the calendar, not by an act: the review windows, the monthly review and report."""

    rule: ReminderRule
    due_on: date


def calendar_deadlines(first: date, last: date) -> list[CalendarDeadline]:
    """Every calendar deadline falling in [first, last] (Decision 24/2021/QĐ-TTg, Art. 3 and 7)."""
    found = []
    for year in range(first.year, last.year + 1):
        found += [
            CalendarDeadline(ReminderRule.ANNUAL_REVIEW_OPENS, date(year, 9, 1)),
            CalendarDeadline(ReminderRule.ANNUAL_REVIEW_CLOSES, date(year, 12, 14)),
        ]
        for month in range(1, 13):
            found.append(CalendarDeadline(ReminderRule.REGULAR_REVIEW_STARTS, date(year, month, 15)))
            if month in MONTHLY_REPORT_MONTHS:
                found.append(CalendarDeadline(ReminderRule.MONTHLY_REPORT, date(year, month, MONTHLY_REPORT_DAY)))
    return sorted((d for d in found if first <= d.due_on <= last), key=lambda d: (d.due_on, d.rule.value))


def escaped_loan_window_ends_on(left_list_on: date) -> date:
    return add_months(left_list_on, ESCAPED_LOAN_WINDOW_MONTHS)


def newly_escaped_until(escaped_on: date) -> date:
    """The last day a household counts as newly escaped (inclusive)."""
    return add_months(escaped_on, NEWLY_ESCAPED_WINDOW_MONTHS)


def project_ends_on(starts_on: date, duration_months: int) -> date:
    return add_months(starts_on, duration_months)


def notice_dates(due_on: date, schedule: ReminderSchedule, today: date) -> list[date]:
    """Every reminder date of a deadline that has come by today (level-triggered, not "== today")."""
    dates = sorted({due_on - timedelta(days=days) for days in schedule.days_before})
    if schedule.overdue_every_days:
        step = timedelta(days=schedule.overdue_every_days)
        overdue = due_on + step
        while overdue <= today:
            dates.append(overdue)
            overdue += step
    return [notice for notice in dates if notice <= today]
