"""The two statutory review reports as pages, CSV and XLSX (issue 6 §3).

The columns follow the per-hamlet layout known of the Circular 07/2021/TT-BLĐTBXH Appendix VII summaries
(households; poor and near-poor at the start, the year's movements, at the end, rates); which titles are
verified and which are inferred is written in the README. Every file carries the commune, the title, the
period, the as-of day and the log position and head hash it was built from (a checkpoint signed for it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.core.errors import InvalidInputError
from application.ledger import Ledger
from application.reviews.statutory_report_log import ReportSource
from application.reviews.statutory_report_rows import HamletRow
from application.reviews.statutory_reports import AnnualReviewSummary, MonthlyReviewReport
from domain.formatting import vn_date
from web.shared.dependencies import LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.query_bounds import query_reader, year_range
from web.shared.table_export import csv_bytes, xlsx_bytes
from web.shared.templating import render, vn_datetime

router = APIRouter(prefix="/reports")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BASIS = (
    "Căn cứ: Quyết định 24/2021/QĐ-TTg (Điều 5, Điều 7); mẫu biểu theo Phụ lục VII Thông tư 07/2021/TT-BLĐTBXH"
    " (các cột đã biết của mẫu)."
)


@dataclass(frozen=True)
class Column:
    code: str  # the key in the API
    title: str  # the Vietnamese column title of the page and the files
    value: Callable[[HamletRow], int | float | None]
    rate: bool = False


def count(key: str) -> Callable[[HamletRow], int]:
    return lambda row: row[key]


def rate(keys: tuple[str, ...], of: str) -> Callable[[HamletRow], float | None]:
    def share(row: HamletRow) -> float | None:
        return round(100 * sum(row[k] for k in keys) / row[of], 2) if row[of] else None

    return share


def column(code: str, title: str) -> Column:
    return Column(code, title, count(code))


def rate_column(code: str, title: str, keys: tuple[str, ...], of: str) -> Column:
    return Column(code, title, rate(keys, of), rate=True)


MONTHLY_COLUMNS = (
    column("reviewed", "Số hộ được rà soát"),
    column("newly_poor", "Hộ nghèo phát sinh"),
    column("re_poor", "Hộ tái nghèo"),
    column("near_poor_to_poor", "Hộ cận nghèo trở thành hộ nghèo"),
    column("newly_near_poor", "Hộ cận nghèo phát sinh"),
    column("re_near_poor", "Hộ tái cận nghèo"),
    column("poor_to_near_poor", "Hộ nghèo trở thành hộ cận nghèo"),
    column("escaped_poverty", "Hộ thoát nghèo"),
    column("escaped_near_poverty", "Hộ thoát cận nghèo"),
    column("unchanged", "Giữ nguyên"),
    column("refused", "Không công nhận (trả lời bằng văn bản)"),
    column("households_end", "Tổng số hộ dân cư cuối tháng"),
    column("poor_end", "Số hộ nghèo cuối tháng"),
    rate_column("poor_rate_end", "Tỷ lệ hộ nghèo (%)", ("poor_end",), "households_end"),
    column("near_poor_end", "Số hộ cận nghèo cuối tháng"),
    rate_column("near_poor_rate_end", "Tỷ lệ hộ cận nghèo (%)", ("near_poor_end",), "households_end"),
)

ANNUAL_COLUMNS = (
    column("households_end", "Tổng số hộ dân cư"),
    column("reviewed", "Số hộ đưa vào rà soát định kỳ"),
    column("poor_start", "Số hộ nghèo đầu năm"),
    rate_column("poor_rate_start", "Tỷ lệ hộ nghèo đầu năm (%)", ("poor_start",), "households_start"),
    column("escaped_poverty", "Giảm: hộ thoát nghèo"),
    column("poor_to_near_poor", "Giảm: hộ nghèo trở thành hộ cận nghèo"),
    column("other_out_of_poor", "Giảm khác (hộ nghèo)"),
    column("newly_poor", "Tăng: hộ nghèo phát sinh"),
    column("re_poor", "Tăng: hộ tái nghèo"),
    column("near_poor_to_poor", "Tăng: hộ cận nghèo trở thành hộ nghèo"),
    column("other_into_poor", "Tăng khác (hộ nghèo)"),
    column("poor_end", "Số hộ nghèo cuối năm"),
    rate_column("poor_rate_end", "Tỷ lệ hộ nghèo cuối năm (%)", ("poor_end",), "households_end"),
    column("near_poor_start", "Số hộ cận nghèo đầu năm"),
    rate_column("near_poor_rate_start", "Tỷ lệ hộ cận nghèo đầu năm (%)", ("near_poor_start",), "households_start"),
    column("escaped_near_poverty", "Giảm: hộ thoát cận nghèo"),
    Column("near_poor_to_poor_out", "Giảm: hộ cận nghèo trở thành hộ nghèo", count("near_poor_to_poor")),
    column("other_out_of_near_poor", "Giảm khác (hộ cận nghèo)"),
    column("newly_near_poor", "Tăng: hộ cận nghèo phát sinh"),
    column("re_near_poor", "Tăng: hộ tái cận nghèo"),
    Column("poor_to_near_poor_in", "Tăng: hộ nghèo trở thành hộ cận nghèo", count("poor_to_near_poor")),
    column("other_into_near_poor", "Tăng khác (hộ cận nghèo)"),
    column("near_poor_end", "Số hộ cận nghèo cuối năm"),
    rate_column("near_poor_rate_end", "Tỷ lệ hộ cận nghèo cuối năm (%)", ("near_poor_end",), "households_end"),
    rate_column(
        "multidimensional_rate_start",
        "Tỷ lệ nghèo đa chiều đầu năm (%)",
        ("poor_start", "near_poor_start"),
        "households_start",
    ),
    rate_column(
        "multidimensional_rate_end",
        "Tỷ lệ nghèo đa chiều cuối năm (%)",
        ("poor_end", "near_poor_end"),
        "households_end",
    ),
)


def header(columns: tuple[Column, ...]) -> list[str]:
    return ["STT", "Xóm", *(c.title for c in columns)]


def table_rows(rows: tuple[HamletRow, ...], total: HamletRow, columns: tuple[Column, ...]) -> list[list[object]]:
    """One line per hamlet in the commune's order, then the commune's total (rates recomputed, not summed)."""
    lines: list[list[object]] = [[n, row.hamlet, *(c.value(row) for c in columns)] for n, row in enumerate(rows, 1)]
    return [*lines, ["", "Tổng cộng", *(c.value(total) for c in columns)]]


def as_dict(row: HamletRow, columns: tuple[Column, ...]) -> dict[str, Any]:
    return {"hamlet": row.hamlet, **{c.code: c.value(row) for c in columns}}


def vn_number(value: object) -> object:
    """Rates with a decimal comma in the CSV, as a Vietnamese Excel reads them; an empty rate stays empty."""
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return "" if value is None else value


def stamp_line(source: ReportSource) -> str:
    signed = " (đã ký mốc khi xuất)" if source.signed else ""
    return (
        f"Lập lúc {vn_datetime(source.built_at)}, lập từ sổ đến bản ghi số {source.position},"
        f" mã băm {source.head_hash}{signed}"
    )


def decision_line(report: MonthlyReviewReport | AnnualReviewSummary) -> str:
    decisions = report.decisions if isinstance(report, MonthlyReviewReport) else report.periodic_decisions
    if not decisions:
        return "Quyết định công nhận: không có trong kỳ."
    parts = [f"số {d.number or '(không số)'} ngày {vn_date(d.decided_on)} ({d.households} hộ)" for d in decisions]
    return "Quyết định công nhận: " + "; ".join(parts) + "."


def monthly_title(report: MonthlyReviewReport) -> str:
    return f"Báo cáo kết quả rà soát thường xuyên hộ nghèo, hộ cận nghèo tháng {report.month:02d}/{report.year}"


def annual_title(summary: AnnualReviewSummary) -> str:
    return f"Tổng hợp kết quả rà soát hộ nghèo, hộ cận nghèo năm {summary.year}"


def monthly_preamble(report: MonthlyReviewReport, commune: str) -> list[list[str]]:
    return [
        [f"Ủy ban nhân dân xã {commune}"],
        [monthly_title(report)],
        [f"Kỳ báo cáo: từ {vn_date(report.first_day)} đến {vn_date(report.last_day)}"],
        [f"Số liệu đến ngày {vn_date(report.as_of)} (theo hiệu lực)"],
        [stamp_line(report.source)],
        [decision_line(report)],
        [BASIS],
    ]


def annual_preamble(summary: AnnualReviewSummary, commune: str) -> list[list[str]]:
    return [
        [f"Ủy ban nhân dân xã {commune}"],
        [annual_title(summary)],
        [
            f"Đầu năm: kết quả có hiệu lực đến hết ngày {vn_date(summary.start_on)};"
            f" diễn biến và cuối kỳ đến ngày {vn_date(summary.as_of)}"
        ],
        [f"Số liệu đến ngày {vn_date(summary.as_of)} (theo hiệu lực)"],
        [stamp_line(summary.source)],
        [decision_line(summary)],
        [BASIS],
    ]


def read_period(request: Request, monthly: bool) -> tuple[FormReader, int | None, int | None]:
    ledger = request.app.state.ledger
    reader = query_reader(request, ledger)
    if not reader.data.get("year"):
        reader.data["year"] = str(ledger.today().year)
    first, last = year_range(ledger)
    year = reader.integer("year", first, last)
    month = None
    if monthly:
        if not reader.data.get("month"):
            reader.data["month"] = str(request.app.state.ledger.today().month)
        month = reader.integer("month", minimum=1, maximum=12)
        if "month" in reader.errors:
            reader.errors["month"] = "Tháng báo cáo phải là số từ 1 đến 12."
    if "year" in reader.errors:
        reader.errors["year"] = f"Năm báo cáo phải là một số từ {first} đến {last}, ví dụ {ledger.today().year}."
    return reader, year, month


def monthly_of(ledger: Ledger, reader: FormReader, year: int | None, month: int | None, export: bool):  # type: ignore[no-untyped-def]
    if reader.errors or year is None or month is None:
        return None
    try:
        return ledger.reports.monthly_review_report(year, month, export)
    except InvalidInputError as refused:
        reader.errors.update(refused.errors)
        return None


def annual_of(ledger: Ledger, reader: FormReader, year: int | None, export: bool):  # type: ignore[no-untyped-def]
    if reader.errors or year is None:
        return None
    try:
        return ledger.reports.annual_review_summary(year, export)
    except InvalidInputError as refused:
        reader.errors.update(refused.errors)
        return None


def refused_file(request: Request, reader: FormReader) -> Response:
    message = "Không lập được tệp: " + "; ".join(reader.errors.values())
    return render(request, "error.html", {"message": message}, status_code=422)


def download(content: bytes, media_type: str, name: str) -> Response:
    return Response(content, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@dataclass(frozen=True)
class Laid:
    """A report laid out for the page and the files: the same title rows, columns and rows in both."""

    title: str
    columns: tuple[Column, ...]
    preamble: list[list[str]]
    rows: list[list[object]]
    file_stem: str
    sheet: str


def laid_monthly(report: MonthlyReviewReport, commune: str) -> Laid:
    return Laid(
        monthly_title(report),
        MONTHLY_COLUMNS,
        monthly_preamble(report, commune),
        table_rows(report.rows, report.total, MONTHLY_COLUMNS),
        f"bao-cao-ra-soat-thang-{report.month:02d}-{report.year}-ban-ghi-{report.source.position}",
        f"Tháng {report.month}-{report.year}",
    )


def laid_annual(summary: AnnualReviewSummary, commune: str) -> Laid:
    return Laid(
        annual_title(summary),
        ANNUAL_COLUMNS,
        annual_preamble(summary, commune),
        table_rows(summary.rows, summary.total, ANNUAL_COLUMNS),
        f"tong-hop-ra-soat-nam-{summary.year}-ban-ghi-{summary.source.position}",
        f"Năm {summary.year}",
    )


def built(request: Request, ledger: Ledger, monthly: bool, export: bool) -> tuple[FormReader, Any, Laid | None]:
    """The report asked for, or None with the reader's errors; laid out for the page and the files."""
    reader, year, month = read_period(request, monthly=monthly)
    commune = ledger.settings.commune
    if monthly:
        report = monthly_of(ledger, reader, year, month, export=export)
        return reader, report, laid_monthly(report, commune) if report else None
    summary = annual_of(ledger, reader, year, export=export)
    return reader, summary, laid_annual(summary, commune) if summary else None


def report_page(request: Request, ledger: Ledger, monthly: bool) -> Response:
    reader, report, laid = built(request, ledger, monthly, export=False)
    columns = MONTHLY_COLUMNS if monthly else ANNUAL_COLUMNS
    fallback = "Báo cáo kết quả rà soát thường xuyên" if monthly else "Tổng hợp kết quả rà soát hằng năm"
    context = {
        "report": report,
        "title": laid.title if laid else fallback,
        "header": header(columns),
        "rows": laid.rows if laid else [],
        "rates": [n + 2 for n, c in enumerate(columns) if c.rate],
        "preamble": laid.preamble if laid else [],
        "values": reader.data,
        "errors": reader.errors,
        "monthly": monthly,
    }
    return render(request, "statutory/report.html", context, status_code=422 if reader.errors else 200)


def report_file(request: Request, ledger: Ledger, monthly: bool, suffix: str) -> Response:
    reader, _, laid = built(request, ledger, monthly, export=True)
    if laid is None:
        return refused_file(request, reader)
    name = f"{laid.file_stem}.{suffix}"
    if suffix == "csv":
        content = csv_bytes(laid.preamble, header(laid.columns), [[vn_number(v) for v in r] for r in laid.rows])
        return download(content, CSV_TYPE, name)
    return download(xlsx_bytes(laid.sheet, laid.preamble, header(laid.columns), laid.rows), XLSX_TYPE, name)


@router.get("/monthly", name="monthly_report")
def monthly_report(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return report_page(request, ledger, monthly=True)


@router.get("/annual", name="annual_report")
def annual_report(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return report_page(request, ledger, monthly=False)


@router.get("/monthly.csv", name="monthly_report_csv")
def monthly_report_csv(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return report_file(request, ledger, True, "csv")


@router.get("/monthly.xlsx", name="monthly_report_xlsx")
def monthly_report_xlsx(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return report_file(request, ledger, True, "xlsx")


@router.get("/annual.csv", name="annual_report_csv")
def annual_report_csv(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return report_file(request, ledger, False, "csv")


@router.get("/annual.xlsx", name="annual_report_xlsx")
def annual_report_xlsx(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return report_file(request, ledger, False, "xlsx")
