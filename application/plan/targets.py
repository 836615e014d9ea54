"""The plan's targets (seed plan §II.2) against a hamlet's or the commune's tally: a figure and a verdict.

Targets the ledger has no data for (job connection, vocational training, housing support, the BHYT premium
support of average-living households) are reported as "chưa có số liệu", never estimated.
"""

from __future__ import annotations

from dataclasses import dataclass

from application.plan.tallies import Coverage, Tally
from domain.plan import Target

NO_DATA = "chưa có số liệu"
UNITS = {"reduction_points": "điểm %", "share": "%", "aim": "%"}

# Why a target has no figure: the ledger records no such need or support yet (domain.md §12.4, §12.6).
NO_DATA_REASONS = {
    "loan_needs_met": "Sổ chưa ghi nhu cầu vay vốn nào của hộ nghèo, cận nghèo, mới thoát nghèo trong năm.",
    "job_connection": "Sổ chưa ghi nhu cầu và việc hỗ trợ kết nối việc làm.",
    "vocational_training": "Sổ chưa ghi nhu cầu và việc hỗ trợ đào tạo nghề.",
    "health_insurance_average_living": "Sổ chưa ghi việc hỗ trợ mức phí BHYT cho hộ có mức sống trung bình.",
    "housing": "Sổ chưa ghi việc hỗ trợ xây dựng, sửa chữa nhà ở.",
    "basic_services": "Sổ chưa ghi việc tiếp cận từng dịch vụ, chính sách; xem các chỉ tiêu theo chiều thiếu hụt.",
}


@dataclass(frozen=True)
class TargetResult:
    target: Target
    actual: float | None  # percent, points, or a count (unit says which); None: no data
    unit: str
    met: bool | None  # None: no verdict (an aim, or no data)
    coverage: Coverage | None = None
    note: str = ""

    @property
    def has_data(self) -> bool:
        return self.actual is not None


def evaluate(target: Target, tally: Tally, projects_started: int) -> TargetResult:
    if target.kind == "reduction_points":
        return rate_reduction(target, tally)
    if target.code == "livelihood_projects":
        return TargetResult(target, projects_started, "dự án", None, note="Số dự án bắt đầu thực hiện trong năm.")
    coverage = tally.coverage.get(target.code)
    if coverage is None:
        reason = NO_DATA_REASONS.get(target.code, "Sổ chưa có dữ liệu cho chỉ tiêu này.")
        return TargetResult(target, None, UNITS[target.kind], None, note=reason)
    if coverage.share is None:
        return unknown_share(target, coverage)
    return covered_share(target, coverage, coverage.share)


def rate_reduction(target: Target, tally: Tally) -> TargetResult:
    """Seed plan §II.1: the points the multidimensional poverty rate fell from the start of the year."""
    start, end = tally.start.rate, tally.end.rate
    if start is None or end is None:
        return TargetResult(target, None, "điểm %", None, note="Chưa có hộ nào trong sổ.")
    reduction = round(start - end, 2)
    note = f"Đầu năm {start:.2f}%, cuối kỳ {end:.2f}%".replace(".", ",")
    return TargetResult(target, reduction, "điểm %", reduction >= (target.threshold or 0), note=note)


def unknown_share(target: Target, coverage: Coverage) -> TargetResult:
    note = f"Chưa có số liệu: {coverage.unknown} chưa khảo sát hoặc chưa rõ." if coverage.unknown else ""
    return TargetResult(target, None, "%", None, coverage, note or "Không có hộ nghèo, cận nghèo.")


def covered_share(target: Target, coverage: Coverage, share: float) -> TargetResult:
    met = None if target.kind == "aim" or target.threshold is None else share >= target.threshold
    return TargetResult(target, share, "%", met, coverage, share_note(target.code, coverage))


def share_note(code: str, coverage: Coverage) -> str:
    if code == "loan_needs_met":
        return f"{coverage.covered}/{coverage.known} nhu cầu vay được đáp ứng; {coverage.not_covered} chưa được vay"
    note = f"{coverage.covered}/{coverage.known}"
    if coverage.unknown:
        note += f"; {coverage.unknown} chưa rõ (chưa khảo sát hoặc chưa ghi)"
    if code == "telecom_internet":
        note += "; sổ chưa ghi nhu cầu nên tính trên mọi hộ nghèo, cận nghèo đã khảo sát"
    return note
