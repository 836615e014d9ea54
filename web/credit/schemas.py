"""Request bodies of the loans' API."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import Field

from web.shared.schemas import EntryIn


class LoanIn(EntryIn):
    household_id: UUID
    programme: Literal["poor", "near_poor", "newly_escaped", "other"]
    amount: int = Field(gt=0, description="Số tiền (đồng)")
    term_months: int = Field(ge=1, le=120)
    request_id: UUID | None = Field(None, description="Nhu cầu vay được đáp ứng; bỏ trống: nhu cầu mở sớm nhất")
