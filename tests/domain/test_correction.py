"""Corrections with four eyes: proposed by one official, approved by another leader; the household re-derives."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.acts import IncompleteEntryError, LegalBasis
from domain.correction import Changes, Correction, CorrectionRefusedError, CorrectionStatus, Target
from domain.household import Household, Standing, TransitionRefusedError
from domain.user import Actor, NotAllowedError, Role
from tests.domain.helpers import act, escaped_household, poor_household

TODAY = date(2026, 11, 28)
DIACHINH = Actor("diachinh", "Công chức Địa chính", Role.OFFICIAL, ("Xuân Hà",))
CHUTICH = Actor("chutich", "Mai Đức Nghĩa", Role.CHAIR, ())
PHOCHUTICH = Actor("phochutich", "Phó Chủ tịch", Role.VICE_CHAIR, ())
MTTQ = Actor("mttq", "Ủy ban MTTQ xã", Role.SUPERVISOR, ())


def target(action: str = "Household.EscapedPoverty", version: int = 3) -> Target:
    return Target("household", uuid4(), version, action, version, "Nguyễn Văn An", "Xuân Hà", None)


MOVED = Changes(effective_on=date(2024, 3, 1))


def proposed(by: Actor = DIACHINH, changes: Changes = MOVED) -> Correction:
    reason, evidence = "Nhập nhầm ngày", "Quyết định 12/QĐ-UBND ngày 01/03/2024"
    correction = Correction.propose(
        by, "Hải Hòa", target(), changes, reason, evidence, act(TODAY, by.username, by.role.value)
    )
    correction.collect_events()
    return correction


def test_a_correction_takes_effect_only_when_a_second_leader_approves_it() -> None:
    correction = proposed()
    assert correction.status is CorrectionStatus.PENDING

    correction.approve(CHUTICH, act(TODAY, "chutich", "chair"))

    [event] = correction.collect_events()
    assert isinstance(event, Correction.Approved)
    assert (correction.status, correction.decided_by) == (CorrectionStatus.APPROVED, "chutich")


def test_the_proposer_cannot_approve_their_own_correction_even_as_chair() -> None:
    correction = proposed(by=CHUTICH)

    with pytest.raises(CorrectionRefusedError, match="không được tự duyệt"):
        correction.approve(CHUTICH, act(TODAY, "chutich", "chair"))

    assert correction.status is CorrectionStatus.PENDING
    assert correction.collect_events() == []


def test_only_the_chair_or_a_vice_chair_approves_a_correction() -> None:
    correction = proposed(by=PHOCHUTICH)

    with pytest.raises(NotAllowedError, match="Chủ tịch hoặc Phó Chủ tịch"):
        correction.approve(DIACHINH, act(TODAY))

    correction.approve(CHUTICH, act(TODAY, "chutich", "chair"))
    assert correction.status is CorrectionStatus.APPROVED


def test_only_a_pending_correction_can_be_approved_or_rejected() -> None:
    correction = proposed()
    correction.reject(CHUTICH, act(TODAY, "chutich", "chair", note="Chứng cứ không khớp"))

    with pytest.raises(CorrectionRefusedError, match="đã được xử lý"):
        correction.approve(PHOCHUTICH, act(TODAY, "phochutich", "vice_chair"))
    with pytest.raises(CorrectionRefusedError, match="đã được xử lý"):
        correction.reject(PHOCHUTICH, act(TODAY, "phochutich", "vice_chair", note="Lần nữa"))
    assert correction.status is CorrectionStatus.REJECTED


def test_a_rejection_needs_its_reason() -> None:
    with pytest.raises(IncompleteEntryError, match="lý do"):
        proposed().reject(CHUTICH, act(TODAY, "chutich", "chair"))


def test_supervisors_cannot_propose_corrections() -> None:
    with pytest.raises(NotAllowedError, match="chỉ được xem"):
        proposed(by=MTTQ)


def test_only_decisions_can_be_corrected() -> None:
    with pytest.raises(CorrectionRefusedError, match="Chỉ đính chính được"):
        Correction.propose(
            DIACHINH, "Hải Hòa", target("Household.Registered", 1), Changes(void=True), "Sai", "Biên bản", act(TODAY)
        )


@pytest.mark.parametrize(
    ("reason", "evidence", "changes", "message"),
    [
        ("", "Biên bản", Changes(void=True), "lý do"),
        ("Sai", " ", Changes(void=True), "chứng cứ"),
        ("Sai", "Biên bản", Changes(), "điều cần đính chính"),
        ("Sai", "Biên bản", Changes(void=True, effective_on=date(2024, 1, 1)), "không đi kèm"),
        ("Sai", "Biên bản", Changes(amount=1_000_000), "khoản vay"),
    ],
)
def test_a_correction_names_what_changes_why_and_on_which_evidence(
    reason: str, evidence: str, changes: Changes, message: str
) -> None:
    with pytest.raises(IncompleteEntryError, match=message):
        Correction.propose(DIACHINH, "Hải Hòa", target(), changes, reason, evidence, act(TODAY))


def correct(household: Household, version: int, **changes: object) -> Household.DecisionCorrected:
    household.correct_decision(
        version,
        changes.get("effective_on"),  # type: ignore[arg-type]
        changes.get("basis"),  # type: ignore[arg-type]
        bool(changes.get("void")),
        act(TODAY, "chutich", "chair"),
        correction_id=uuid4(),
        corrected_version=version,
        corrected_action="Household.EscapedPoverty",
        reason="Nhập nhầm",
        evidence="Quyết định 12/QĐ-UBND",
        proposed_by="diachinh",
    )
    [event] = household.collect_events()
    assert isinstance(event, Household.DecisionCorrected)
    return event


def test_moving_an_escape_date_moves_the_end_of_the_36_months() -> None:
    escaped = escaped_household(date(2024, 1, 15))

    event = correct(escaped, 3, effective_on=date(2024, 2, 29))

    assert escaped.escaped_on == date(2024, 2, 29)
    assert escaped.newly_escaped_until == date(2027, 2, 28)
    assert event.window_ends == [date(2027, 2, 28)]
    assert escaped.standing_on(date(2024, 2, 1)) is Standing.POOR
    assert escaped.standing_on(date(2024, 2, 29)) is Standing.ESCAPED_POVERTY


def test_voiding_a_recognition_takes_the_household_off_the_poor_list() -> None:
    poor = poor_household(date(2022, 1, 10))

    event = correct(poor, 2, void=True)

    assert poor.standing is Standing.UNLISTED
    assert poor.standing_on(date(2023, 1, 1)) is Standing.UNLISTED
    assert (event.standing, event.standing_since) == (Standing.UNLISTED, None)
    # The correction leaves a history from which the next decision can be taken again.
    poor.recognise(Standing.NEAR_POOR, act(date(2023, 5, 1)))
    assert poor.standing is Standing.NEAR_POOR


def test_voiding_a_relapse_reopens_the_36_months_it_had_closed() -> None:
    escaped = escaped_household(date(2024, 1, 15))
    escaped.fall_back(Standing.POOR, act(date(2025, 6, 1)))
    escaped.collect_events()
    assert not escaped.is_newly_escaped_on(date(2025, 7, 1))

    event = correct(escaped, 4, void=True)

    assert escaped.standing is Standing.ESCAPED_POVERTY
    assert escaped.is_newly_escaped_on(date(2025, 7, 1))
    assert event.window_ends == [date(2027, 1, 15)]


def test_a_decision_another_rests_on_cannot_be_voided_first() -> None:
    escaped = escaped_household(date(2024, 1, 15))

    with pytest.raises(TransitionRefusedError, match="đính chính quyết định sau trước"):
        correct(escaped, 2, void=True)

    assert escaped.standing is Standing.ESCAPED_POVERTY


@pytest.mark.parametrize(
    ("version", "moved_to", "message"), [(3, date(2021, 12, 1), "sớm hơn"), (2, date(2024, 2, 1), "muộn hơn")]
)
def test_a_corrected_date_keeps_its_place_between_the_decisions_around_it(
    version: int, moved_to: date, message: str
) -> None:
    escaped = escaped_household(date(2024, 1, 15))

    with pytest.raises(TransitionRefusedError, match=message):
        correct(escaped, version, effective_on=moved_to)

    assert escaped.history[0] == (date(2022, 1, 10), Standing.POOR)


def test_a_corrected_basis_changes_nothing_else() -> None:
    escaped = escaped_household(date(2024, 1, 15))
    basis = LegalBasis("15/QĐ-UBND", date(2024, 1, 15), "Chủ tịch UBND xã")

    correct(escaped, 3, basis=basis)

    assert escaped.decisions[-1].basis == basis
    assert (escaped.standing, escaped.newly_escaped_until) == (Standing.ESCAPED_POVERTY, date(2027, 1, 15))
