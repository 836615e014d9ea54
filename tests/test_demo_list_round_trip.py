"""The demo commune's household lists, exported as the officials download them and imported into an empty
ledger, come out the same (issue 6: "exporting the lists and importing them into an empty database
reproduces them"); a malformed file gets a precise report and changes nothing."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from application.demo.commune import DEMO_PASSWORD, load_demo
from application.ledger import Ledger
from application.lists.household_import import CommitMode
from application.lists.list_files import header_and_rows, read_table
from application.lists.list_layout import COLUMNS, ListKind
from domain.user import Role
from tests.web.browser import Browser

pytestmark = pytest.mark.slow  # a 300-household demo exported and imported

HOUSEHOLDS = 300  # enough for every list, an average-living household among them, in a few seconds
CHAIR_PASSWORD = "mat-khau-cua-xa-moi"
KINDS = [kind.value for kind in ListKind]


def exported(ledger: Ledger, password: str) -> dict[str, bytes]:
    """The four lists as XLSX, downloaded by the chair through the web app."""
    browser = Browser(ledger).log_in("chutich", password)
    files = {}
    for kind in KINDS:
        response = browser.client.get(f"/lists/{kind}.xlsx")
        assert response.status_code == 200, response.text
        files[kind] = response.content
    return files


def table(content: bytes) -> list[dict[str, str]]:
    """The list's rows as the import reads them; the title lines (date, log position and hash) left out."""
    return [cells for _, cells in header_and_rows(read_table("list.xlsx", content))[1]]


def empty_ledger(make_ledger: Callable[[str], Ledger], path: Path) -> Ledger:
    ledger = make_ledger(f"sqlite:///{path}")
    ledger.users.create_user("chutich", "Mai Đức Nghĩa", Role.CHAIR, [], CHAIR_PASSWORD)
    return ledger


def test_the_demo_communes_four_lists_imported_into_an_empty_ledger_come_out_the_same_and_again_change_nothing(
    make_ledger: Callable[[str], Ledger], tmp_path: Path
) -> None:
    demo = make_ledger(f"sqlite:///{tmp_path}/demo.db")
    assert load_demo(demo, households=HOUSEHOLDS)
    lists = exported(demo, DEMO_PASSWORD)
    assert all(table(lists[kind]) for kind in KINDS), "every list of the demo has households"
    heads = [row for kind in KINDS for row in table(lists[kind])]
    assert all(row["Mã hộ"] and len(row["Số CCCD chủ hộ"]) == 12 for row in heads)

    copy = empty_ledger(make_ledger, tmp_path / "copy.db")
    chair = copy.users.actor("chutich")
    files = [(f"{kind}.xlsx", lists[kind]) for kind in reversed(KINDS)]  # any order: rows go by their dates
    report = copy.imports.import_household_files(chair, files, CommitMode.ALL_OR_NOTHING)

    assert report.errors == ()
    assert report.committed == report.rows == len(heads)
    again = exported(copy, CHAIR_PASSWORD)
    for kind in KINDS:
        assert table(again[kind]) == table(lists[kind]), kind

    position = copy.log_position()
    repeated = copy.imports.import_household_files(chair, files, CommitMode.ALL_OR_NOTHING)
    assert (repeated.created, repeated.changed, repeated.unchanged) == (0, 0, len(heads))
    assert copy.log_position() == position


def test_a_list_with_a_wrong_date_and_an_unknown_hamlet_is_refused_whole_with_each_row_and_column_named(
    make_ledger: Callable[[str], Ledger], tmp_path: Path
) -> None:
    demo = make_ledger(f"sqlite:///{tmp_path}/demo.db")
    load_demo(demo, households=HOUSEHOLDS)
    book = load_workbook(io.BytesIO(exported(demo, DEMO_PASSWORD)["poor"]))
    sheet = book.worksheets[0]
    header = next(row[0].row for row in sheet.iter_rows() if row[3].value == "Họ tên chủ hộ")
    recognised, hamlet = COLUMNS.index("Ngày công nhận") + 1, COLUMNS.index("Xóm") + 1
    sheet.cell(header + 2, recognised).value = "31/02/2025"
    sheet.cell(header + 5, hamlet).value = "Xóm Lạ"
    malformed = io.BytesIO()
    book.save(malformed)

    copy = empty_ledger(make_ledger, tmp_path / "copy.db")
    position = copy.log_position()
    report = copy.imports.import_household_files(
        copy.users.actor("chutich"), [("poor.xlsx", malformed.getvalue())], CommitMode.ALL_OR_NOTHING
    )

    assert [(e.row, e.column) for e in report.errors] == [(header + 2, "Ngày công nhận"), (header + 5, "Xóm")]
    assert "31/02/2025" in report.errors[0].message and "Xóm Lạ" in report.errors[1].message
    assert report.committed == 0
    assert copy.log_position() == position
    assert copy.households.household_list() == []
