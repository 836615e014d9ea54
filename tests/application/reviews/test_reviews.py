"""A whole periodic review of one hamlet through the ledger, on every store: the decision and what it records."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from application.ledger import Ledger
from domain.household import Household, Standing, TransitionRefusedError
from domain.review import ListingBasis, ReviewRefusedError
from domain.standards import PovertyClass
from tests.application.hamlet_review import (
    DECIDED_ON,
    PERIODIC_DECISION,
    POSTING_ENDS,
    decided_hamlet_review,
    opened_hamlet_review,
    rechecked_hamlet_review,
)
from tests.application.helpers import XUAN_HA, actor, entry


def transitions(ledger: Ledger, household_id: UUID) -> list[Household.Transition]:
    """The household's recognitions as stored, read back from the event store."""
    return [e for e in ledger.store.events.get(household_id) if isinstance(e, Household.Transition)]


def test_opening_the_periodic_review_lists_the_managed_households_and_every_applicant(ledger: Ledger) -> None:
    review = opened_hamlet_review(ledger)

    listed = ledger.review_records.review_summary(review.review_id).candidates

    assert {(c.household_id, c.listing_basis) for c in listed} == {
        (review.escaping, ListingBasis.MANAGED_LIST),
        (review.worsening, ListingBasis.MANAGED_LIST),
        (review.complained, ListingBasis.FORM_01),
        (review.applicant, ListingBasis.FORM_01),
        (review.elsewhere, ListingBasis.MANAGED_LIST),
    }


def test_the_chairs_decision_changes_the_standings_of_the_hamlets_households(ledger: Ledger) -> None:
    review = decided_hamlet_review(ledger)

    standings = {item.household_id: (item.standing, item.standing_since) for item in ledger.households.household_list()}

    assert standings == {
        review.escaping: (Standing.ESCAPED_POVERTY, DECIDED_ON),
        review.worsening: (Standing.POOR, DECIDED_ON),
        review.complained: (Standing.POOR, DECIDED_ON),
        review.applicant: (Standing.NEAR_POOR, DECIDED_ON),
        review.elsewhere: (Standing.POOR, date(2022, 1, 10)),
    }


def test_every_transition_of_the_decision_names_the_standard_its_basis_and_the_review(ledger: Ledger) -> None:
    review = decided_hamlet_review(ledger)

    decided = [transitions(ledger, household_id)[-1] for household_id in review.surveyed]

    assert {(t.effective_on, t.basis, t.review_id) for t in decided} == {
        (DECIDED_ON, PERIODIC_DECISION, review.review_id)
    }
    assert {(t.standard_version, t.standard_basis.number if t.standard_basis else "") for t in decided} == {
        ("2022-2025", "07/2021/NĐ-CP")
    }


def test_certificates_are_numbered_for_the_households_entering_or_changing_list(ledger: Ledger) -> None:
    review = decided_hamlet_review(ledger)

    [decision] = ledger.review_records.review_summary(review.review_id).decisions

    numbers = {o.household_id: o.certificate_number for o in decision.outcomes}
    entering = [numbers.pop(review.complained), numbers.pop(review.applicant), numbers.pop(review.worsening)]
    assert sorted(entering) == ["01/GCN-HN.HCN", "02/GCN-HN.HCN", "03/GCN-HN.HCN"]
    assert numbers == {review.escaping: ""}


def test_the_decision_lists_each_household_by_its_change(ledger: Ledger) -> None:
    review = decided_hamlet_review(ledger)

    [decision] = ledger.review_records.review_summary(review.review_id).decisions

    assert (decision.number, decision.decided_on) == ("180/QĐ-UBND", DECIDED_ON)
    assert {(o.household_id, o.decided_class, o.change) for o in decision.outcomes} == {
        (review.escaping, PovertyClass.NOT_POOR, "escaped_poverty"),
        (review.worsening, PovertyClass.POOR, "near_poor_to_poor"),
        (review.complained, PovertyClass.POOR, "newly_poor"),
        (review.applicant, PovertyClass.NEAR_POOR, "newly_near_poor"),
    }


def test_a_decision_before_the_posting_ends_records_nothing(ledger: Ledger) -> None:
    review = rechecked_hamlet_review(ledger)
    position = ledger.log_position()

    with pytest.raises(ReviewRefusedError):
        ledger.reviews.decide_review(
            actor(ledger, "chutich"), review.review_id, entry(POSTING_ENDS, basis=PERIODIC_DECISION)
        )

    assert ledger.log_position() == position
    assert ledger.households.household_list(hamlet=XUAN_HA, standing=Standing.ESCAPED_POVERTY) == []


def test_a_decision_refused_for_one_household_records_nothing_for_the_others(ledger: Ledger) -> None:
    review = rechecked_hamlet_review(ledger)
    chair = actor(ledger, "chutich")
    ledger.households.record_escape(chair, review.worsening, Standing.NEAR_POOR, entry(date(2026, 10, 16)))
    position = ledger.log_position()

    with pytest.raises(TransitionRefusedError, match="16/10/2026"):
        ledger.reviews.decide_review(chair, review.review_id, entry(DECIDED_ON, basis=PERIODIC_DECISION))

    assert ledger.log_position() == position
    assert [t.to_standing for t in transitions(ledger, review.complained)] == []
