"""The JSON API of the audit log."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from application.audit.trail import AuditFilter
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.query_bounds import checked_day
from web.shared.schemas import AuditEntryOut

router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERROR_RESPONSES)


@router.get("/audit")
def audit_log(
    actor: ApiActor,
    ledger: LedgerDep,
    official: str = "",
    action: str = "",
    recorded_from: Annotated[date | None, Query(alias="from")] = None,
    recorded_to: Annotated[date | None, Query(alias="to")] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    role: str = "",
    hamlet: str = "",
    subject: Annotated[str, Query(description="Mã đối tượng, hoặc chữ trong tên (chủ hộ, dự án, tài khoản)")] = "",
    effective_from: date | None = None,
    effective_to: date | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[AuditEntryOut]:
    """The same filters as the Nhật ký page and its exports, newest first."""
    recorded_from, recorded_to = checked_day(ledger, recorded_from, "from"), checked_day(ledger, recorded_to, "to")
    effective_from = checked_day(ledger, effective_from, "effective_from")
    effective_to = checked_day(ledger, effective_to, "effective_to")
    where = AuditFilter(
        official, action, recorded_from, recorded_to, limit, role, hamlet, subject, effective_from, effective_to, offset
    )
    return [AuditEntryOut(**asdict(entry)) for entry in ledger.audit.audit_log(where)]
