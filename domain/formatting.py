"""How dates and money are written for Vietnamese officials: 28/02/2027, 1.500.000 đ."""

from __future__ import annotations

from datetime import date


def vn_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def vn_money(amount: int | None) -> str:
    if amount is None:
        return ""
    return f"{amount:,}".replace(",", ".") + " đ"
