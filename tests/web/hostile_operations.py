"""A valid request for every write operation of the JSON API, on a fresh subject where the write uses
one up (a household recognised once, a reminder acknowledged once), so that a hostile value has the
chance to be recorded rather than be refused for the state alone."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from typing import Any

from tests.web.hostile_bodies import AVERAGE_LIVING, BASIS, MEMBER_UPDATE, PERSON, ROW, SURVEY
from tests.web.hostile_requests import Call
from tests.web.hostile_world import DECISION_BASIS, HAMLET, World, correction_body

Builder = Callable[[World], Call]
SERIAL = count()
def post(route: str, body: dict[str, Any], as_user: str = "chutich", **params: str) -> Call:
    return Call("POST", route, params, body, as_user)


def household_write(route: str, body: dict[str, Any], standing: str | None = None) -> Builder:
    return lambda w: post(route, {**body, "basis": BASIS}, household_id=w.household(standing))


def member_call(method: str, body: dict[str, Any]) -> Builder:
    def build(w: World) -> Call:
        household = w.household()
        params = {"household_id": household, "member_id": w.member(household)}
        return Call(method, "/households/{household_id}/members/{member_id}", params, body)

    return build


def registration(w: World) -> Call:
    members = [{"full_name": "Vũ Thị Bảy", "relation": "vợ", "birth_year": 1980}]
    body = {"hamlet": HAMLET, "head_name": "Phạm Văn Sáu", "members": members, "area": "rural"}
    return post("/households", {**body, "effective_on": "2024-10-01", "basis": BASIS, "note": "ghi chú"})


def loan(w: World) -> Call:
    body = {"household_id": w.household("poor"), "programme": "poor", "amount": 50_000_000, "term_months": 60}
    return post("/loans", {**body, "effective_on": "2025-01-10", "command_id": f"loan-{next(SERIAL)}"})


def project(w: World) -> Call:
    body = {"name": "Nuôi gà thả vườn", "component": "project_2", "household_ids": [w.household()]}
    return post("/projects", {**body, "responsible": "diachinh", "effective_on": "2025-01-05"})


def project_step(step: str, body: dict[str, Any], approved: bool) -> Builder:
    return lambda w: post(f"/projects/{{project_id}}/{step}", body, project_id=w.project(approved))


def reminder_step(step: str, body: dict[str, Any]) -> Builder:
    return lambda w: post(f"/reminders/{{reminder_id}}/{step}", body, "diachinh", reminder_id=w.reminder())


def opening(w: World) -> Call:
    year = 2025 - next(SERIAL) % 25  # one periodic review a year: a fresh year each time
    return post("/reviews", {"kind": "periodic", "year": year, "month": 0, "effective_on": f"{year}-10-01"})


def review_step(step: str, body: Callable[[World], dict[str, Any]]) -> Builder:
    return lambda w: post(f"/reviews/{{review_id}}/{step}", body(w), review_id=w.review())


def listing(w: World) -> dict[str, Any]:
    return {"household_id": w.applicant(), "effective_on": "2026-10-04"}


def meeting(w: World) -> dict[str, Any]:
    body = {"hamlet": HAMLET, "chaired_by": "Trưởng xóm", "attendees": 42, "minutes_number": "01/BB"}
    return {**body, "agreements": {w.listed(): 80}, "effective_on": "2026-10-10"}


def posting(w: World) -> dict[str, Any]:
    w.met()
    return {"hamlet": HAMLET, "effective_on": "2026-10-16"}


def decision(w: World) -> dict[str, Any]:
    w.posted()
    return {"basis": DECISION_BASIS, "first_certificate": 1, "effective_on": "2026-10-28"}


def recheck(w: World) -> Call:
    household, complaint = w.complaint()
    body = {"household_id": household, "outcome": "Xe của con gửi", "rechecked_class": "near_poor"}
    params = {"review_id": w.review(), "complaint_id": complaint}
    route = "/reviews/{review_id}/complaints/{complaint_id}/recheck"
    return Call("POST", route, params, {**body, "effective_on": "2026-10-21"})


def correction(w: World) -> Call:
    household = w.escaped()
    body = correction_body(household, w.escape_version(household))
    return post("/corrections", {**body, "command_id": f"c-{next(SERIAL)}"}, "phochutich")


def correction_step(step: str) -> Builder:
    body = {"note": "Đồng ý theo chứng cứ", "command_id": "", "expected_version": 1}
    return lambda w: post(f"/corrections/{{correction_id}}/{step}", body, correction_id=w.correction())


def plan(w: World) -> Call:
    target = {"code": "a1", "label": "Giảm tỷ lệ hộ nghèo", "kind": "reduction_points", "threshold": 1.5}
    targets = [{**target, "section": "II"}]
    assignments = [{"hamlet": HAMLET, "username": "diachinh", "duty": "Theo dõi"}]
    body = {"year": 2026, "number": "45/KH-UBND", "targets": targets, "thresholds": {"a1": 2.0}}
    return post("/plans", {**body, "assignments": assignments, "parent": BASIS, "effective_on": "2026-01-10"})


def loan_request(w: World) -> Call:
    body = {"household_id": w.household("poor"), "programme": "poor", "amount": 30_000_000, "purpose": "Mua bò"}
    return post("/loan-requests", {**body, "effective_on": "2025-03-01"})


def household_import(w: World) -> Call:
    return Call("POST", "/imports/households", {}, {**ROW, "Mã hộ": f"HH-{next(SERIAL)}"}, query={"commit": "all"})


OPERATIONS: dict[str, Builder] = {
    "POST /households": registration,
    "POST /households/{household_id}/recognitions": household_write(
        "/households/{household_id}/recognitions", {"standing": "poor", "effective_on": "2024-12-15"}
    ),
    "POST /households/{household_id}/escapes": household_write(
        "/households/{household_id}/escapes", {"from_standing": "poor", "effective_on": "2025-12-15"}, "poor"
    ),
    "POST /households/{household_id}/relapses": lambda w: post(
        "/households/{household_id}/relapses", {"into": "poor", "effective_on": "2026-06-01"}, household_id=w.escaped()
    ),
    "POST /loans": loan,
    "POST /projects": project,
    "POST /projects/{project_id}/approval": project_step(
        "approval",
        {"approver": "Chủ tịch UBND", "starts_on": "2025-02-01", "duration_months": 24, "effective_on": "2025-01-20"},
        approved=False,
    ),
    "POST /projects/{project_id}/review": project_step(
        "review", {"results": "Đạt", "effective_on": "2026-11-01"}, approved=True
    ),
    "POST /projects/{project_id}/amendment": project_step(
        "amendment", {"duration_months": 30, "effective_on": "2026-03-01"}, True
    ),
    "POST /reminders/{reminder_id}/acknowledgement": reminder_step("acknowledgement", {"note": "Đã rà soát"}),
    "POST /reminders/{reminder_id}/resolution": reminder_step("resolution", {"note": "Đã giải quyết"}),
    "POST /households/{household_id}/members": household_write(
        "/households/{household_id}/members", {"person": PERSON, "change": "birth", "effective_on": "2026-05-01"}
    ),
    "PUT /households/{household_id}/members/{member_id}": member_call(
        "PUT", {**MEMBER_UPDATE, "effective_on": "2026-05-01"}
    ),
    "DELETE /households/{household_id}/members/{member_id}": member_call(
        "DELETE", {"change": "migration", "effective_on": "2026-05-01", "note": "chuyển đi"}
    ),
    "POST /households/{household_id}/surveys": household_write(
        "/households/{household_id}/surveys",
        SURVEY,
    ),
    "POST /households/{household_id}/average-living": household_write(
        "/households/{household_id}/average-living",
        {**AVERAGE_LIVING, "effective_on": "2026-11-02"},
    ),
    "POST /households/{household_id}/requests": household_write(
        "/households/{household_id}/requests",
        {"form": "form_04", "reason": "Đã có việc làm", "channel": "online", "effective_on": "2026-11-02"},
    ),
    "POST /reviews": opening,
    "POST /reviews/{review_id}/households": review_step("households", listing),
    "POST /reviews/{review_id}/meetings": review_step("meetings", meeting),
    "POST /reviews/{review_id}/postings": review_step("postings", posting),
    "POST /reviews/{review_id}/complaints": review_step(
        "complaints",
        lambda w: {"household_id": w.posted(), "complainant": "Bà Hoa", "content": "Xe", "effective_on": "2026-10-19"},
    ),
    "POST /reviews/{review_id}/complaints/{complaint_id}/recheck": recheck,
    "POST /reviews/{review_id}/refusals": review_step(
        "refusals",
        lambda w: {"household_id": w.listed_applicant(), "reasons": "Thu nhập cao", "effective_on": "2026-10-20"},
    ),
    "POST /reviews/{review_id}/decisions": review_step(
        "decisions", decision
    ),
    "POST /corrections": correction,
    "POST /corrections/{correction_id}/approval": correction_step("approval"),
    "POST /corrections/{correction_id}/rejection": correction_step("rejection"),
    "POST /plans": plan,
    "POST /imports/households": household_import,
    "POST /loan-requests": loan_request,
    "POST /loan-requests/{request_id}/withdrawal": lambda w: post(
        "/loan-requests/{request_id}/withdrawal",
        {"reason": "Đã vay nơi khác", "effective_on": "2025-04-01"},
        request_id=w.loan_request(),
    ),
}
