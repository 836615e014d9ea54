"""What an official may enter at all: money, text, counts and days are bounded before anything is recorded."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest

from domain.acts import Act, LegalBasis
from domain.bounds import EARLIEST_DAY, MONEY_CEILING, NAME, NOTE, Days, money
from domain.errors import InvalidInputError
from domain.household import Household, Member, Standing, TransitionRefusedError
from domain.loan import Loan, LoanCeiling, Programme
from domain.loan_request import LoanRequest
from domain.people import MemberChange, Person
from domain.standards import Area
from tests.domain.helpers import act, household, poor_household

TODAY = date(2026, 11, 28)
DAYS = Days(EARLIEST_DAY, TODAY)
POOR_CAP = (LoanCeiling(Programme.POOR, date(2019, 3, 1), 100_000_000, "NHCSXH"),)


def official(on: date = date(2024, 5, 2), **extra: object) -> Act:
    return Act("diachinh", "official", on, days=DAYS, **extra)  # type: ignore[arg-type]


def register(head_name: str = "Nguyễn Văn An", **fields: object) -> Household:
    return Household.register("Hải Hòa", "Xuân Hà", head_name, [], Area.RURAL, official(date(2020, 1, 6)), **fields)  # type: ignore[arg-type]


def grant(amount: int, ceilings: tuple[LoanCeiling, ...] = ()) -> Loan:
    return Loan.grant(poor_household(), Programme.POOR, amount, 12, official(), ceilings=ceilings)


@pytest.mark.parametrize(
    "amount",
    [2**63, 2**63 - 1, 2**64, MONEY_CEILING + 1, 0, -1, -(2**63)],
)
def test_a_loan_amount_outside_1_dong_to_the_ceiling_is_refused_naming_the_field(amount: int) -> None:
    with pytest.raises(InvalidInputError) as refused:
        grant(amount)

    assert list(refused.value.errors) == ["amount"]
    assert refused.value.errors["amount"].startswith("Số tiền vay:")


@pytest.mark.parametrize("amount", [1, MONEY_CEILING])
def test_a_loan_of_1_dong_or_exactly_the_global_ceiling_is_recorded(amount: int) -> None:
    loan = grant(amount)

    assert loan.collect_events()[0].amount == amount


@pytest.mark.parametrize(("amount", "refused"), [(100_000_000, False), (100_000_001, True)])
def test_a_poor_household_loan_is_capped_at_100_million_since_march_2019(amount: int, refused: bool) -> None:
    if refused:
        with pytest.raises(InvalidInputError, match=r"không quá 100\.000\.000 đ"):
            grant(amount, POOR_CAP)
    else:
        assert grant(amount, POOR_CAP).amount == amount


@pytest.mark.parametrize("amount", [True, 1.5, "1000"])
def test_a_loan_amount_that_is_not_a_whole_number_of_dong_is_refused(amount: object) -> None:
    with pytest.raises(InvalidInputError, match="Số tiền vay"):
        grant(amount)  # type: ignore[arg-type]


def test_a_loan_need_of_2_to_the_63_dong_is_refused() -> None:
    with pytest.raises(InvalidInputError) as refused:
        LoanRequest.record(poor_household(), Programme.POOR, 2**63, "Mua bò", official())

    assert list(refused.value.errors) == ["amount"]


@pytest.mark.parametrize(
    ("head_name", "position"),
    [
        ("Nguyễn\x00Văn An", 7),
        ("Nguyễn\u202eVăn An", 7),  # right-to-left override
        ("Nguyễn\u2066Văn An", 7),  # left-to-right isolate
        ("Nguyễn\u200bVăn An", 7),  # zero-width space
        ("\ufeffNguyễn Văn An", 1),  # byte-order mark
        ("Nguyễn\tVăn An", 7),  # a tab in a one-line field
        ("Nguyễn\nVăn An", 7),
        ("Nguyễn\ud800Văn An", 7),  # a lone surrogate, which UTF-8 cannot store
    ],
)
def test_a_head_name_with_a_control_or_invisible_character_is_refused(head_name: str, position: int) -> None:
    with pytest.raises(InvalidInputError) as refused:
        register(head_name)

    assert refused.value.errors == {
        "head_name": f"Họ tên chủ hộ: có ký tự điều khiển hoặc ký tự ẩn ở vị trí {position}; hãy gõ lại."
    }


def test_a_head_name_typed_decomposed_is_stored_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hường")

    registered = register(decomposed)

    assert registered.collect_events()[0].head_name == "Nguyễn Thị Hường"
    assert unicodedata.is_normalized("NFC", registered.head_name)


@pytest.mark.parametrize(("length", "refused"), [(NAME, False), (NAME + 1, True)])
def test_a_head_name_is_at_most_100_characters(length: int, refused: bool) -> None:
    name = "A" * length
    if refused:
        with pytest.raises(InvalidInputError, match="Họ tên chủ hộ: không quá 100 ký tự"):
            register(name)
    else:
        assert register(name).head_name == name


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("code", "X" * 31, "Mã hộ: không quá 30 ký tự"),
        ("address", "A" * 301, "Địa chỉ: không quá 300 ký tự"),
        ("address", "Xóm\x07 5", "Địa chỉ: có ký tự điều khiển"),
    ],
)
def test_the_household_code_and_address_are_bounded(field: str, value: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        register(**{field: value})


def test_a_member_with_a_nul_in_the_name_is_refused_at_registration() -> None:
    with pytest.raises(InvalidInputError, match="Họ tên thành viên"):
        Household.register(
            "Hải Hòa", "Xuân Hà", "Nguyễn Văn An", [Member("Lê\x00Thị Hoa")], Area.RURAL, official(date(2020, 1, 6))
        )


@pytest.mark.parametrize(
    ("person", "field"),
    [
        (Person("Nguyễn Văn Bình", citizen_id="0360851234\x00"), "citizen_id"),
        (Person("Nguyễn Văn Bình", citizen_id="12345"), "citizen_id"),
        (Person("Nguyễn Văn Bình", birth_year=1899), "birth_year"),
        (Person("Nguyễn Văn Bình", born_on=TODAY + timedelta(days=1)), "born_on"),
        (Person("Nguyễn Văn Bình", relation="con\u202e"), "relation"),
    ],
)
def test_a_member_with_a_malformed_citizen_id_birth_or_relation_is_refused(person: Person, field: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        household().add_member(person, MemberChange.BIRTH, official())

    assert list(refused.value.errors) == [field]


def test_a_member_born_in_1930_is_recorded() -> None:
    elder = Person("Trần Thị Lành", "mẹ", born_on=date(1930, 2, 1), birth_year=1930)

    member_id = household().add_member(elder, MemberChange.OTHER, official())

    assert member_id


def test_a_note_may_hold_newlines_and_tabs_but_not_a_nul() -> None:
    assert official(note="Dòng một\n\tDòng hai").note == "Dòng một\n\tDòng hai"
    with pytest.raises(InvalidInputError, match="Ghi chú: có ký tự điều khiển"):
        official(note="Dòng một\x00")


def test_a_note_of_more_than_2000_characters_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="Ghi chú: không quá 2000 ký tự"):
        official(note="x" * (NOTE + 1))


@pytest.mark.parametrize(
    ("effective_on", "refused"),
    [
        (date(1944, 12, 31), True),
        (date(1, 1, 1), True),
        (EARLIEST_DAY, False),
        (TODAY, False),
        (TODAY + timedelta(days=1), True),
    ],
)
def test_an_act_bears_a_day_from_the_earliest_day_to_today(effective_on: date, refused: bool) -> None:
    if refused:
        with pytest.raises(InvalidInputError) as error:
            official(effective_on)
        assert list(error.value.errors) == ["effective_on"]
    else:
        assert official(effective_on).effective_on == effective_on


def test_the_earliest_day_is_configurable() -> None:
    with pytest.raises(InvalidInputError, match="không được trước ngày 01/01/2000"):
        Act("diachinh", "official", date(1999, 12, 31), days=Days(date(2000, 1, 1), TODAY))


@pytest.mark.parametrize(
    ("basis", "field"),
    [
        (LegalBasis("12/QĐ\x00-UBND"), "basis_number"),
        (LegalBasis("12/QĐ-UBND", date(1944, 12, 31)), "basis_issued_on"),
        (LegalBasis("12/QĐ-UBND", TODAY + timedelta(days=1)), "basis_issued_on"),
        (LegalBasis("12/QĐ-UBND", None, "UBND\u202e xã"), "basis_issuer"),
        (LegalBasis("1" * 201), "basis_number"),
    ],
)
def test_a_legal_basis_is_bounded_in_its_number_issuer_and_day(basis: LegalBasis, field: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        official(basis=basis)

    assert list(refused.value.errors) == [field]


def test_a_loan_term_of_2_to_the_63_months_is_refused() -> None:
    with pytest.raises(InvalidInputError) as refused:
        Loan.grant(poor_household(), Programme.POOR, 1_000_000, 2**63, official())

    assert list(refused.value.errors) == ["term_months"]


def test_a_decision_effective_before_the_households_registration_is_refused() -> None:
    registered = household()  # registered on 06/01/2020

    with pytest.raises(TransitionRefusedError, match="trước ngày hộ được đăng ký vào sổ \\(06/01/2020\\)"):
        registered.recognise(Standing.POOR, act(date(2019, 12, 31)))


def test_a_decision_on_the_day_of_registration_is_recorded() -> None:
    registered = household()

    registered.recognise(Standing.POOR, act(date(2020, 1, 6)))

    assert registered.standing is Standing.POOR


def test_a_correction_moving_a_decision_before_the_registration_is_refused() -> None:
    poor = poor_household(date(2022, 1, 10))

    reason = poor.correction_refusal(poor.decisions[0].version, date(2019, 1, 1), False)

    assert reason and "trước ngày hộ được đăng ký vào sổ" in reason


def test_money_accepts_zero_where_zero_is_allowed() -> None:
    assert money(0, "social_allowances", "Trợ cấp") == 0
