"""Use cases of the annual plan: the chair issues it, revises its targets or assignments; anyone reads it."""

from __future__ import annotations

from eventsourcing.application import AggregateNotFoundError

from application.core.capability import CapabilityService
from application.core.errors import ConflictError
from application.core.ledger_core import Entry, Recorded
from domain.acts import LegalBasis
from domain.plan import AnnualPlan, Assignment, Target, plan_id
from domain.user import Actor, NotAllowedError, Role

# The seed plan implements this district plan (seed, preamble; domain.md §1).
DISTRICT_PLAN_2024 = LegalBasis("48/KH-UBND", None, "UBND huyện Hải Hậu")


def require_chair(actor: Actor) -> None:
    """The plan is signed "TM. Ủy ban nhân dân, Chủ tịch" (seed, signature block)."""
    actor.require_writer()
    if actor.role is not Role.CHAIR:
        raise NotAllowedError("Chỉ Chủ tịch UBND xã được ban hành, sửa đổi kế hoạch giảm nghèo năm.")


class PlanCases(CapabilityService):
    def issue_plan(
        self,
        actor: Actor,
        year: int,
        number: str,
        parent: LegalBasis | None,
        targets: list[Target],
        assignments: list[Assignment],
        entry: Entry,
    ) -> Recorded:
        """Records the commune's plan for the year; entry.effective_on is its issue date."""
        if previous := self.core.previous(entry.command_id):
            return previous
        require_chair(actor)
        self.core.require_not_future(entry.effective_on)
        if self.plan_of(year):
            raise ConflictError(f"Kế hoạch giảm nghèo năm {year} đã được ban hành; hãy sửa đổi thay vì ban hành lại.")
        issuer = f"UBND xã {self.settings.commune}"
        basis = entry.basis or LegalBasis(number.strip(), entry.effective_on, issuer)
        act = self.core.act(actor, Entry(entry.effective_on, basis, entry.note, entry.command_id))
        plan = AnnualPlan.issue(
            self.settings.commune, year, number, issuer, parent, targets, assignments, tuple(self.settings.hamlets), act
        )
        return self.core.record(entry, plan.id, plan)

    def revise_plan_targets(self, actor: Actor, year: int, targets: list[Target], entry: Entry) -> Recorded:
        require_chair(actor)
        plan = self._plan_or_missing(year, entry.expected_version)
        plan.revise_targets(targets, self.core.act(actor, entry))
        return self.core.record(entry, plan.id, plan)

    def change_plan_assignments(self, actor: Actor, year: int, assignments: list[Assignment], entry: Entry) -> Recorded:
        require_chair(actor)
        plan = self._plan_or_missing(year, entry.expected_version)
        plan.reassign_hamlet_officials(assignments, tuple(self.settings.hamlets), self.core.act(actor, entry))
        return self.core.record(entry, plan.id, plan)

    def _plan_or_missing(self, year: int, expected_version: int | None) -> AnnualPlan:
        return self.core.load(AnnualPlan, plan_id(self.settings.commune, year), expected_version)

    def plan_of(self, year: int) -> AnnualPlan | None:
        """The commune's plan for the year as revised so far, or None when none was issued."""
        try:
            plan: object = self.store.repository.get(plan_id(self.settings.commune, year))
        except AggregateNotFoundError:
            return None
        return plan if isinstance(plan, AnnualPlan) else None
