"""Request bodies of the projects' API."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from pydantic import Field

from web.shared.schemas import EntryIn


class ProjectIn(EntryIn):
    name: str = Field(min_length=1)
    component: Literal["project_2", "project_3_sub_1"]
    household_ids: list[UUID] = Field(min_length=1)
    responsible: str = ""


class ApprovalIn(EntryIn):
    approver: str = Field(min_length=1)
    starts_on: date
    duration_months: int = Field(ge=1)


class ReviewIn(EntryIn):
    results: str = Field(min_length=1)
