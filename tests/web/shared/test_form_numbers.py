"""A number typed in a form is read from ASCII digits only (issue 10 §1): `²` used to answer 500."""

from __future__ import annotations

import pytest

from web.shared.forms import FormReader


@pytest.mark.parametrize("typed", ["²", "١٢", "①", "1²", "12a", "--3", "0x10"])
def test_a_number_not_written_in_ascii_digits_is_a_message_by_the_field(typed: str) -> None:
    reader = FormReader({"amount": typed})

    assert reader.integer("amount", minimum=1) is None
    assert reader.errors == {"amount": "Hãy nhập một số nguyên."}


def test_an_amount_written_with_thousands_dots_and_the_dong_sign_is_read_as_the_number() -> None:
    assert FormReader({"amount": "1.500.000 đ"}).integer("amount", minimum=1) == 1_500_000


def test_a_negative_year_is_refused_with_the_range_not_as_garbage() -> None:
    reader = FormReader({"year": "-227"})

    assert reader.integer("year", 1945, 2027) is None
    assert reader.errors == {"year": "Giá trị phải từ 1945 đến 2027."}


def test_a_number_of_thousands_of_digits_is_refused_before_it_is_converted() -> None:
    reader = FormReader({"amount": "9" * 5000})

    assert reader.integer("amount", minimum=1) is None
    assert reader.errors == {"amount": "Số quá lớn."}


def test_a_forged_record_version_written_as_a_superscript_is_no_version() -> None:
    entry = FormReader({"effective_on": "01/10/2024", "expected_version": "²"}).entry()

    assert entry is not None and entry.expected_version is None
