"""Importing the commune's Excel books of households: checked row by row, dry run first, idempotent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from application.core.ledger_core import Entry
from application.ledger import Ledger
from application.lists.household_import import CommitMode
from application.lists.list_layout import COLUMNS, ListKind
from domain.acts import LegalBasis
from domain.household import Standing
from domain.people import Person, Sex
from domain.standards import Area
from domain.survey import Occupation
from tests.application.helpers import XUAN_DAI_DONG, XUAN_HA, actor
from tests.conftest import seed_users
from web.lists.export import list_csv, list_xlsx

HEADER = ",".join(COLUMNS)
GOOD = [
    ",HH-001,Xuân Hà,Trần Văn Bình,036085001234,12/03/1975,Nam,Xóm Xuân Hà,Nông thôn,Hộ nghèo,15/12/2024,"
    "210/QĐ-UBND,14/12/2024,UBND xã Hải Hòa,,,4,,,",
    ",HH-002,Xuân Hà,Lê Thị Cúc,036185004321,1980,Nữ,,Nông thôn,Hộ cận nghèo,15/12/2024,210/QĐ-UBND,14/12/2024,"
    "UBND xã Hải Hòa,,,3,,,",
    ",HH-003,Xuân Đài Đông,Phạm Văn Dũng,,,,,Nông thôn,Hộ mới thoát nghèo,20/12/2025,305/QĐ-UBND,19/12/2025,"
    "UBND xã Hải Hòa,20/12/2025,20/12/2028,5,,,làm nghề muối",
]


def csv_file(*rows: str) -> bytes:
    return ("\n".join(["Xã Hải Hòa", "Danh sách hộ", "", HEADER, *rows]) + "\n").encode("utf-8-sig")


def test_a_dry_run_reports_what_would_be_recorded_and_changes_nothing(ledger: Ledger) -> None:
    before = ledger.log_position()

    report = ledger.imports.import_households(actor(ledger, "chutich"), "so-ho-ngheo-2025.csv", csv_file(*GOOD))

    assert report.dry_run and report.errors == ()
    assert (report.rows, report.created, report.committed) == (3, 3, 0)
    assert ledger.log_position() == before


def test_a_malformed_file_gets_a_precise_report_and_changes_nothing_when_all_or_nothing(ledger: Ledger) -> None:
    bad = [
        GOOD[0],
        GOOD[1].replace("15/12/2024", "31/02/2024", 1),
        GOOD[2].replace("Xuân Đài Đông", "Xóm Mới"),
        GOOD[1].replace("HH-002", "HH-004").replace("036185004321", "03618500432"),
        GOOD[0],
    ]
    before = ledger.log_position()

    report = ledger.imports.import_households(
        actor(ledger, "chutich"), "so.csv", csv_file(*bad), CommitMode.ALL_OR_NOTHING
    )

    assert [(e.row, e.column) for e in report.errors] == [
        (6, "Ngày công nhận"),
        (7, "Xóm"),
        (8, "Số CCCD chủ hộ"),
        (9, "Mã hộ"),
    ]
    assert "“31/02/2024” không phải ngày hợp lệ" in report.errors[0].message
    assert "Trùng với dòng 5" in report.errors[3].message
    assert report.committed == 0 and ledger.log_position() == before


def test_a_file_without_a_required_column_is_refused_whole(ledger: Ledger) -> None:
    header = HEADER.replace("Phân loại", "Loại hộ")
    content = "\n".join([header, GOOD[0]]).encode("utf-8")

    try:
        ledger.imports.import_households(actor(ledger, "chutich"), "so.csv", content, CommitMode.VALID_ONLY)
    except Exception as error:  # InvalidInputError
        assert "Thiếu cột: “Phân loại”" in str(error)
    else:
        raise AssertionError("a file without “Phân loại” was accepted")


def test_valid_only_commits_the_good_rows_and_reports_the_others(ledger: Ledger) -> None:
    rows = [GOOD[0], GOOD[1].replace("036185004321", "0361*****321"), GOOD[2]]

    report = ledger.imports.import_households(
        actor(ledger, "chutich"), "so.csv", csv_file(*rows), CommitMode.VALID_ONLY
    )

    assert report.committed == 2
    assert [(e.row, e.column) for e in report.errors] == [(6, "Số CCCD chủ hộ")]
    assert "đã bị che" in report.errors[0].message
    listed = {item.head_name: item for item in ledger.households.household_list()}
    assert listed["Trần Văn Bình"].standing is Standing.POOR
    assert listed["Phạm Văn Dũng"].newly_escaped_until == date(2028, 12, 20)
    assert "Lê Thị Cúc" not in listed


def test_importing_the_same_file_twice_changes_nothing_the_second_time(ledger: Ledger) -> None:
    chair = actor(ledger, "chutich")
    ledger.imports.import_households(chair, "so.csv", csv_file(*GOOD), CommitMode.ALL_OR_NOTHING)
    after_first = ledger.log_position()

    again = ledger.imports.import_households(chair, "so.csv", csv_file(*GOOD), CommitMode.ALL_OR_NOTHING)

    assert (again.unchanged, again.committed, again.errors) == (3, 0, ())
    assert ledger.log_position() == after_first


def test_each_row_is_recorded_by_the_importing_user_on_the_rows_decision_and_the_file(ledger: Ledger) -> None:
    ledger.imports.import_households(
        actor(ledger, "chutich"), "so-ho-ngheo.csv", csv_file(GOOD[0]), CommitMode.VALID_ONLY
    )

    household_id = ledger.households.household_list()[0].household_id
    entries = ledger.audit.timeline(household_id)
    assert {e.actor for e in entries} == {"chutich"}
    assert entries[0].basis_number == "so-ho-ngheo.csv"
    assert entries[-1].basis_number == "210/QĐ-UBND"
    summary = ledger.households.household_summary(household_id)
    head = summary.members[0][1]
    assert (head.citizen_id, head.born_on, head.sex) == ("036085001234", date(1975, 3, 12), Sex.MALE)
    assert len(summary.members) == 4


def test_an_official_imports_only_the_rows_of_their_hamlets(ledger: Ledger) -> None:
    report = ledger.imports.import_households(
        actor(ledger, "diachinh"), "so.csv", csv_file(*GOOD), CommitMode.VALID_ONLY
    )

    assert [(e.row, e.column) for e in report.errors] == [(7, "Xóm")]
    assert report.committed == 2


def test_a_row_the_households_rules_refuse_is_reported_with_the_reason(ledger: Ledger) -> None:
    chair = actor(ledger, "chutich")
    ledger.imports.import_households(chair, "so.csv", csv_file(GOOD[1]), CommitMode.VALID_ONLY)
    escaped = GOOD[1].replace("Hộ cận nghèo,15/12/2024", "Hộ mới thoát nghèo,20/12/2025")

    report = ledger.imports.import_households(chair, "so-2.csv", csv_file(escaped), CommitMode.VALID_ONLY)

    assert [(e.row, e.column) for e in report.errors] == [(5, "Phân loại")]
    assert "không phải hộ nghèo" in report.errors[0].message


def record_commune(ledger: Ledger) -> None:
    """Ledger A: households recorded through the forms, with their decisions."""
    chair = actor(ledger, "chutich")
    decision = LegalBasis("210/QĐ-UBND", date(2023, 12, 14), "UBND xã Hải Hòa")

    def household(hamlet: str, name: str, code: str, citizen_id: str) -> object:
        household_id = ledger.households.register_household(
            chair, hamlet, name, [], Area.RURAL, Entry(date(2020, 1, 6)), code=code, address=f"Xóm {hamlet}"
        ).subject_id
        head_id = ledger.households.household_summary(household_id).members[0][0]
        head = Person(name, "chủ hộ", Sex.FEMALE, birth_year=1970, citizen_id=citizen_id)
        ledger.members.update_member(chair, household_id, head_id, head, Entry(date(2020, 1, 6)))
        return household_id

    poor = household(XUAN_HA, "Đỗ Thị Hoa", "XH-01", "036170000001")
    near = household(XUAN_HA, "Vũ Văn Khánh", "XH-02", "036170000002")
    escaped = household(XUAN_DAI_DONG, "Ngô Văn Lâm", "", "036170000003")
    on = Entry(date(2023, 12, 15), decision, "rà soát định kỳ 2023")
    ledger.households.recognise_household(chair, poor, Standing.POOR, on)
    ledger.households.recognise_household(chair, near, Standing.NEAR_POOR, on)
    ledger.households.recognise_household(chair, escaped, Standing.POOR, on)
    escape = LegalBasis("305/QĐ-UBND", date(2024, 12, 19), "UBND xã Hải Hòa")
    ledger.households.record_escape(
        chair, escaped, Standing.POOR, Entry(date(2024, 12, 20), escape, "có việc làm ổn định")
    )


def test_exporting_the_lists_and_importing_them_into_an_empty_ledger_reproduces_them(
    ledger: Ledger, make_ledger: Callable[[str], Ledger]
) -> None:
    record_commune(ledger)
    chair = actor(ledger, "chutich")
    kinds = (ListKind.POOR, ListKind.NEAR_POOR, ListKind.NEWLY_ESCAPED)
    exported = {kind: ledger.lists.household_list_on(chair, kind, signed=True) for kind in kinds}
    empty = make_ledger("memory:")
    seed_users(empty)

    for kind, households in exported.items():
        content, name = (list_xlsx(households), "a.xlsx") if kind is ListKind.POOR else (list_csv(households), "a.csv")
        report = empty.imports.import_households(actor(empty, "chutich"), name, content, CommitMode.ALL_OR_NOTHING)
        assert report.errors == () and report.committed == 1

    again = {kind: empty.lists.household_list_on(actor(empty, "chutich"), kind) for kind in kinds}
    assert {k: v.table() for k, v in again.items()} == {k: v.table() for k, v in exported.items()}
    assert all(len(v.rows) == 1 for v in again.values())


def test_an_export_by_a_user_who_may_not_see_the_citizen_ids_cannot_be_imported(ledger: Ledger) -> None:
    record_commune(ledger)
    masked = ledger.lists.household_list_on(actor(ledger, "mttq"), ListKind.POOR)
    assert masked.rows[0].citizen_id == "0********001"

    report = ledger.imports.import_households(actor(ledger, "chutich"), "mttq.csv", list_csv(masked))

    assert [e.column for e in report.errors] == ["Số CCCD chủ hộ"]


def test_the_average_living_agricultural_list_round_trips_with_its_occupation_and_income(
    ledger: Ledger, make_ledger: Callable[[str], Ledger]
) -> None:
    chair = actor(ledger, "chutich")
    household_id = ledger.households.register_household(
        chair, XUAN_HA, "Hoàng Văn Muối", [], Area.RURAL, Entry(date(2020, 1, 6)), code="XH-09"
    ).subject_id
    basis = LegalBasis("99/QĐ-UBND", date(2025, 12, 14), "UBND xã Hải Hòa")
    ledger.surveys.recognise_average_living(
        chair, household_id, Occupation.SALT, 12 * 1_800_000, 0, Entry(date(2025, 12, 15), basis)
    )
    exported = ledger.lists.household_list_on(chair, ListKind.AVERAGE_LIVING, signed=True)
    assert [(r.occupation, r.income) for r in exported.rows] == [("Diêm nghiệp", 1_800_000)]
    empty = make_ledger("memory:")
    seed_users(empty)

    report = empty.imports.import_households(
        actor(empty, "chutich"), "tb.csv", list_csv(exported), CommitMode.ALL_OR_NOTHING
    )

    assert report.errors == ()
    assert empty.lists.household_list_on(actor(empty, "chutich"), ListKind.AVERAGE_LIVING).table() == exported.table()
