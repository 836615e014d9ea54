"""Calendar arithmetic for legal periods counted in months.

Civil Code 2015 (Law 91/2015/QH13), Art. 148 [I, recollection]: a period in months ends on the
corresponding day of the last month, or on that month's last day when it has no such day.
So 29/02/2024 + 36 months = 28/02/2027, and 31/01/2025 + 1 month = 28/02/2025.
"""

from __future__ import annotations

import calendar
from datetime import date


def add_months(start: date, months: int) -> date:
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last_day))
