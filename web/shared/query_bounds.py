"""Years, months and days asked for in a URL, checked before any use case sees them (issue 10 §1).

`?year=-575` or `?from=0001-01-01` used to reach the calendar arithmetic and answer 500. A year asked for
lies between the earliest day's year (Settings.earliest_day, default 1945) and next year; a month is 1–12;
a day lies between the earliest day and the planning horizon (deadlines are looked up years ahead). Each
refusal is an InvalidInputError naming the parameter: 422 on the API, the Vietnamese error page on a page.
"""

from __future__ import annotations

from datetime import date

from fastapi import Request

from application.core.errors import InvalidInputError
from application.ledger import Ledger
from domain.formatting import vn_date
from web.shared.forms import FormReader, parse_date

EARLIEST_DAY = date(1945, 1, 1)
# A plan's year and the deadlines derived from it may lie ahead; 50 years, as the domain's planning horizon.
HORIZON_YEARS = 50


def earliest_day(ledger: Ledger) -> date:
    day = getattr(ledger.settings, "earliest_day", None)
    return day if isinstance(day, date) else EARLIEST_DAY


def latest_day(ledger: Ledger) -> date:
    return date(ledger.today().year + HORIZON_YEARS, 12, 31)


def checked_year(ledger: Ledger, year: int, field: str = "year", ahead: int = 1) -> int:
    """A report's, a dashboard's or a list's year: from the earliest day's year to `ahead` years from now."""
    first, last = year_range(ledger, ahead)
    if not first <= year <= last:
        raise InvalidInputError({field: f"Năm phải từ {first} đến {last}."})
    return year


def optional_year(ledger: Ledger, year: int | None, field: str = "year") -> int | None:
    return None if year is None else checked_year(ledger, year, field)


def plan_year(ledger: Ledger, year: int, field: str = "year") -> int:
    """A plan may be issued for a year ahead, up to the planning horizon."""
    return checked_year(ledger, year, field, ahead=HORIZON_YEARS)


def checked_month(month: int, field: str = "month") -> int:
    if not 1 <= month <= 12:
        raise InvalidInputError({field: "Tháng phải từ 1 đến 12."})
    return month


def checked_day(ledger: Ledger, day: date | None, field: str) -> date | None:
    if day is None:
        return None
    first, last = earliest_day(ledger), latest_day(ledger)
    if not first <= day <= last:
        raise InvalidInputError({field: f"Ngày phải từ {vn_date(first)} đến {vn_date(last)}."})
    return day


def parsed_day(ledger: Ledger, text: str, field: str) -> date | None:
    """A day typed as dd/mm/yyyy or sent as yyyy-mm-dd; empty means none."""
    if not text.strip():
        return None
    try:
        day = parse_date(text)
    except ValueError:
        raise InvalidInputError({field: f"“{text}” không phải ngày hợp lệ (dd/mm/yyyy)."}) from None
    return checked_day(ledger, day, field)


def query_reader(request: Request, ledger: Ledger) -> FormReader:
    """The page's query parameters, read like a form, every day between the earliest day and the horizon."""
    return FormReader(dict(request.query_params), days=(earliest_day(ledger), latest_day(ledger)))


def year_range(ledger: Ledger, ahead: int = 1) -> tuple[int, int]:
    return earliest_day(ledger).year, ledger.today().year + ahead
