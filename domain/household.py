"""Households: registered in a hamlet, recognised as poor or near-poor, escaping, falling back."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

from domain import bounds
from domain.acts import Act, DomainError, LegalBasis, RecordedAggregate
from domain.deadlines import escaped_loan_window_ends_on, newly_escaped_until
from domain.formatting import vn_date
from domain.people import MAX_MEMBERS, MemberRecords, Person
from domain.standards import NO_GROUNDS, Area, Grounds, PovertyClass
from domain.survey import RequestRecords, SurveyRecords


class Standing(Enum):
    """Where a household stands on the commune's managed lists."""

    UNLISTED = "unlisted"
    POOR = "poor"
    NEAR_POOR = "near_poor"
    ESCAPED_POVERTY = "escaped_poverty"
    ESCAPED_NEAR_POVERTY = "escaped_near_poverty"


STANDING_LABELS = {
    Standing.UNLISTED: "chưa thuộc danh sách",
    Standing.POOR: "hộ nghèo",
    Standing.NEAR_POOR: "hộ cận nghèo",
    Standing.ESCAPED_POVERTY: "hộ thoát nghèo",
    Standing.ESCAPED_NEAR_POVERTY: "hộ thoát cận nghèo",
}


@dataclass(frozen=True)
class Member:
    full_name: str
    relation: str = ""
    birth_year: int | None = None


@dataclass(frozen=True)
class EscapeWindow:
    """The 36 months a household counts as newly escaped, closed early if it falls back."""

    starts_on: date
    ends_on: date
    closed_on: date | None = None

    def covers(self, day: date) -> bool:
        if self.closed_on and day >= self.closed_on:
            return False
        return self.starts_on <= day <= self.ends_on


def first_members(household_id: UUID, head_name: str, members: list[Member]) -> dict[UUID, Person]:
    """The head and the members given at registration, with ids derived from the household's."""
    people = [Person(head_name, "chủ hộ"), *(Person(m.full_name, m.relation, birth_year=m.birth_year) for m in members)]
    return {uuid5(NAMESPACE_URL, f"/households/{household_id}/members/{n}"): p for n, p in enumerate(people)}


def bounded_member(member: Member, act: Act) -> Member:
    if not isinstance(member, Member):
        raise bounds.refuse("members", "Thành viên không hợp lệ.")
    bounds.birth(None, member.birth_year, act.days)
    full_name = bounds.line(member.full_name, "members", "Họ tên thành viên", required=True)
    return replace(member, full_name=full_name, relation=bounds.line(member.relation, "members", "Quan hệ"))


class TransitionRefusedError(DomainError):
    """A recognition that makes no sense from the household's current standing."""


@dataclass(frozen=True)
class Decision:
    """One decision in force in the household's history, as recorded or as corrected since."""

    version: int
    action: str
    effective_on: date
    from_standing: Standing
    to_standing: Standing
    starts_window: bool
    basis: LegalBasis | None = None


@dataclass(frozen=True)
class Derived:
    """What a history of decisions amounts to: standing, its dated history, the 36-month windows, and the
    deadlines still open (ends of windows; ends of the 3 years of escaped-loan eligibility)."""

    standing: Standing
    history: list[tuple[date, Standing]]
    windows: list[EscapeWindow]
    window_ends: list[date]
    loan_window_ends: list[date]


def derive(decisions: list[Decision]) -> Derived:
    """Replays decisions as Transition.apply and the read model do; a correction re-derives with it."""
    standing, history, windows = Standing.UNLISTED, [], []
    window_ends: list[date] = []
    loan_window_ends: list[date] = []
    for decision in decisions:
        standing = decision.to_standing
        history.append((decision.effective_on, standing))
        if standing is Standing.POOR or decision.action == "Household.FellBackIntoPoverty":
            if windows and windows[-1].closed_on is None:
                windows[-1] = replace(windows[-1], closed_on=decision.effective_on)
            window_ends, loan_window_ends = [], []
        if decision.action == "Household.EscapedPoverty" and decision.starts_window:
            until = newly_escaped_until(decision.effective_on)
            windows.append(EscapeWindow(decision.effective_on, until))
            window_ends.append(until)
        elif standing in (Standing.ESCAPED_NEAR_POVERTY, Standing.ESCAPED_POVERTY):
            # Decision 28/2015/QĐ-TTg, Art. 2: loans for 3 years after leaving the lists.
            loan_window_ends.append(escaped_loan_window_ends_on(decision.effective_on))
    return Derived(standing, history, windows, window_ends, loan_window_ends)


class Household(RecordedAggregate, MemberRecords, SurveyRecords, RequestRecords):
    class Registered(RecordedAggregate.Created):
        commune: str
        hamlet: str
        head_name: str
        members: list[Member]
        area: Area
        # The commune's own household code (mã hộ) and address, as in its books; optional (issue 6 §4).
        code: str = field(default="", kw_only=True)
        address: str = field(default="", kw_only=True)

        def apply(self, household: Household) -> None:
            household.commune, household.hamlet = self.commune, self.hamlet
            household.code, household.address = self.code, self.address
            household.head_name, household.area = self.head_name, self.area
            household.standing, household.history = Standing.UNLISTED, []
            household.windows, household.surveys, household.requests = [], [], []
            household.average_living = household.average_living_since = None
            household.people = first_members(self.originator_id, self.head_name, self.members)
            household.decisions = []
            household.registered_on = self.effective_on

    class Transition(RecordedAggregate.Event):
        from_standing: Standing
        to_standing: Standing
        # The standard in force and, when the decision came from a review, that review and the certificate.
        standard_version: str = field(default="", kw_only=True)
        standard_basis: LegalBasis | None = field(default=None, kw_only=True)
        review_id: UUID | None = field(default=None, kw_only=True)
        certificate_number: str = field(default="", kw_only=True)

        def apply(self, household: Household) -> None:
            household.decisions.append(
                Decision(
                    self.originator_version,
                    type(self).__qualname__,
                    self.effective_on,
                    self.from_standing,
                    self.to_standing,
                    bool(getattr(self, "newly_escaped_until", None)),
                    self.basis,
                )
            )
            household.standing = self.to_standing
            household.history.append((self.effective_on, self.to_standing))
            if self.to_standing is Standing.POOR:
                household.close_window(self.effective_on)

    class RecognisedPoor(Transition):
        pass

    class RecognisedNearPoor(Transition):
        pass

    class EscapedPoverty(Transition):
        newly_escaped_until: date | None

        def apply(self, household: Household) -> None:
            super().apply(household)
            if self.newly_escaped_until:
                household.windows.append(EscapeWindow(self.effective_on, self.newly_escaped_until))

    class EscapedNearPoverty(Transition):
        pass

    class FellBackIntoPoverty(Transition):
        def apply(self, household: Household) -> None:
            super().apply(household)
            household.close_window(self.effective_on)

    class DecisionCorrected(RecordedAggregate.Event):
        """An approved correction (domain/correction.py) of one of the decisions above; the original stays
        in the log, the household re-derives its standing and windows without it or with its new date."""

        correction_id: UUID
        corrected_version: int
        corrected_action: str
        reason: str
        evidence: str
        proposed_by: str
        new_effective_on: date | None
        new_basis: LegalBasis | None
        void: bool
        # What the household amounts to after the correction, for the read models.
        standing: Standing
        standing_since: date | None
        escaped_on: date | None
        newly_escaped_until: date | None
        window_closed_on: date | None
        window_ends: list[date]
        loan_window_ends: list[date]

        def apply(self, household: Household) -> None:
            household.decisions = corrected_decisions(
                household.decisions, self.corrected_version, self.new_effective_on, self.new_basis, self.void
            )
            derived = derive(household.decisions)
            household.standing, household.history, household.windows = (
                derived.standing,
                derived.history,
                derived.windows,
            )

    @classmethod
    def register(
        cls,
        commune: str,
        hamlet: str,
        head_name: str,
        members: list[Member],
        area: Area,
        act: Act,
        code: str = "",
        address: str = "",
        household_id: UUID | None = None,
    ) -> Household:
        if not isinstance(members, list) or len(members) > MAX_MEMBERS:
            raise bounds.refuse("members", f"Hộ có không quá {MAX_MEMBERS} thành viên.")
        return cls._create(
            cls.Registered,
            id=household_id or uuid4(),
            commune=bounds.line(commune, "commune", "Xã", required=True),
            hamlet=bounds.line(hamlet, "hamlet", "Xóm", required=True),
            head_name=bounds.line(head_name, "head_name", "Họ tên chủ hộ", required=True),
            members=[bounded_member(member, act) for member in members],
            area=area,
            code=bounds.line(code, "code", "Mã hộ", bounds.CODE),
            address=bounds.line(address, "address", "Địa chỉ", bounds.ADDRESS),
            **act.event_fields(),
        )

    @property
    def household_id(self) -> UUID:
        return self.id

    def recognise(self, standing: Standing, act: Act, grounds: Grounds = NO_GROUNDS) -> None:
        if standing not in (Standing.POOR, Standing.NEAR_POOR):
            raise TransitionRefusedError("Chỉ công nhận hộ nghèo hoặc hộ cận nghèo.")
        if self.standing is standing:
            raise TransitionRefusedError(f"Hộ đã là {STANDING_LABELS[standing]}.")
        if self.standing in (Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY):
            raise TransitionRefusedError(
                f"Hộ đang là {STANDING_LABELS[self.standing]}: hãy ghi nhận tái nghèo thay vì công nhận mới."
            )
        if self.standing is Standing.POOR:
            raise TransitionRefusedError("Hộ nghèo chuyển thành cận nghèo là thoát nghèo: hãy ghi nhận thoát nghèo.")
        event = self.RecognisedPoor if standing is Standing.POOR else self.RecognisedNearPoor
        self._transition(event, standing, act, grounds)

    def escape_poverty(
        self, to_standing: Standing, starts_window: bool, act: Act, grounds: Grounds = NO_GROUNDS
    ) -> None:
        if self.standing is not Standing.POOR:
            raise TransitionRefusedError(
                f"Không thể ghi nhận thoát nghèo: hộ đang là {STANDING_LABELS[self.standing]}, không phải hộ nghèo."
            )
        if to_standing not in (Standing.NEAR_POOR, Standing.ESCAPED_POVERTY):
            raise TransitionRefusedError("Hộ thoát nghèo chỉ có thể trở thành hộ cận nghèo hoặc vượt chuẩn cận nghèo.")
        until = newly_escaped_until(act.effective_on) if starts_window else None
        self._transition(self.EscapedPoverty, to_standing, act, grounds, newly_escaped_until=until)

    def escape_near_poverty(self, act: Act, grounds: Grounds = NO_GROUNDS) -> None:
        if self.standing is not Standing.NEAR_POOR:
            raise TransitionRefusedError(
                f"Không thể ghi nhận thoát cận nghèo: hộ đang là {STANDING_LABELS[self.standing]},"
                " không phải hộ cận nghèo."
            )
        self._transition(self.EscapedNearPoverty, Standing.ESCAPED_NEAR_POVERTY, act, grounds)

    def fall_back(self, into: Standing, act: Act, grounds: Grounds = NO_GROUNDS) -> None:
        if self.standing not in (Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY):
            raise TransitionRefusedError(
                "Chỉ hộ đã thoát nghèo hoặc thoát cận nghèo mới có thể tái nghèo;"
                f" hộ đang là {STANDING_LABELS[self.standing]}."
            )
        if into not in (Standing.POOR, Standing.NEAR_POOR):
            raise TransitionRefusedError("Tái nghèo là trở lại hộ nghèo hoặc hộ cận nghèo.")
        self._transition(self.FellBackIntoPoverty, into, act, grounds)

    def _transition(self, event: type[Transition], to: Standing, act: Act, grounds: Grounds, **extra: object) -> None:
        if act.effective_on < self.registered_on:
            raise TransitionRefusedError(self._before_registration(act.effective_on))
        last_on = self.history[-1][0] if self.history else None
        if last_on and act.effective_on < last_on:
            raise TransitionRefusedError(
                f"Ngày hiệu lực {vn_date(act.effective_on)} sớm hơn quyết định trước ({vn_date(last_on)})."
            )
        self.trigger_event(
            event, from_standing=self.standing, to_standing=to, **extra, **grounds.event_fields(), **act.event_fields()
        )

    def decide(self, decided: PovertyClass, starts_window_on_near_poor: bool, act: Act, grounds: Grounds) -> bool:
        """Applies a review decision's class (Decision 24/2021, Art. 4(6)); False when nothing changes."""
        listed = self.standing in (Standing.POOR, Standing.NEAR_POOR)
        escaped = self.standing in (Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY)
        target = {PovertyClass.POOR: Standing.POOR, PovertyClass.NEAR_POOR: Standing.NEAR_POOR}.get(decided)
        if target is self.standing or (target is None and not listed):
            return False
        if target is None:
            if self.standing is Standing.POOR:
                self.escape_poverty(Standing.ESCAPED_POVERTY, True, act, grounds)
            else:
                self.escape_near_poverty(act, grounds)
        elif escaped:
            self.fall_back(target, act, grounds)
        elif self.standing is Standing.POOR:
            self.escape_poverty(Standing.NEAR_POOR, starts_window_on_near_poor, act, grounds)
        else:
            self.recognise(target, act, grounds)
        return True

    def correct_decision(
        self,
        version: int,
        effective_on: date | None,
        basis: LegalBasis | None,
        void: bool,
        act: Act,
        **correction: object,
    ) -> None:
        """Records an approved correction; refused when the history it leaves is impossible."""
        reason = self.correction_refusal(version, effective_on, void)
        if reason:
            raise TransitionRefusedError(reason)
        derived = derive(corrected_decisions(self.decisions, version, effective_on, basis, void))
        self.trigger_event(
            self.DecisionCorrected,
            new_effective_on=effective_on,
            new_basis=basis,
            void=void,
            standing=derived.standing,
            standing_since=derived.history[-1][0] if derived.history else None,
            escaped_on=derived.windows[-1].starts_on if derived.windows else None,
            newly_escaped_until=derived.windows[-1].ends_on if derived.windows else None,
            window_closed_on=derived.windows[-1].closed_on if derived.windows else None,
            window_ends=derived.window_ends,
            loan_window_ends=derived.loan_window_ends,
            **correction,
            **act.event_fields(),
        )

    def correction_refusal(self, version: int, effective_on: date | None, void: bool) -> str | None:
        """Why the decision recorded as `version` cannot be corrected so, or None.

        The transition rules stay whole: a decision keeps its place between the previous and the next one
        (no decision takes effect before the previous one), and a voided decision may go only if the next
        one still starts from where the previous one left the household.
        """
        index = next((n for n, d in enumerate(self.decisions) if d.version == version), None)
        if index is None:
            return "Quyết định này không còn trong lịch sử của hộ (đã được hủy bằng một đính chính trước)."
        before = self.decisions[index - 1] if index else None
        after = self.decisions[index + 1] if index + 1 < len(self.decisions) else None
        if void:
            left = before.to_standing if before else Standing.UNLISTED
            if after and after.from_standing is not left:
                return (
                    f"Không thể hủy: quyết định sau ngày {vn_date(after.effective_on)}"
                    f" ({STANDING_LABELS[after.from_standing]} → {STANDING_LABELS[after.to_standing]}) dựa trên"
                    " quyết định này. Hãy đính chính quyết định sau trước."
                )
            return None
        if effective_on and effective_on < self.registered_on:
            return self._before_registration(effective_on)
        if effective_on and before and effective_on < before.effective_on:
            return (
                f"Ngày hiệu lực mới {vn_date(effective_on)} sớm hơn quyết định trước"
                f" ({vn_date(before.effective_on)})."
            )
        if effective_on and after and effective_on > after.effective_on:
            return (
                f"Ngày hiệu lực mới {vn_date(effective_on)} muộn hơn quyết định sau"
                f" ({vn_date(after.effective_on)})."
            )
        return None

    def _before_registration(self, day: date) -> str:
        # The as-of views start a household's history at its registration (application/as_of_state.py):
        # a decision effective before it would make the as-of lists and the current lists disagree.
        return (
            f"Ngày hiệu lực {vn_date(day)} trước ngày hộ được đăng ký vào sổ ({vn_date(self.registered_on)});"
            " quyết định chỉ có hiệu lực từ ngày đăng ký trở đi."
        )

    def standing_on(self, day: date) -> Standing:
        standing = Standing.UNLISTED
        for effective_on, to_standing in self.history:
            if effective_on > day:
                break
            standing = to_standing
        return standing

    def close_window(self, on: date) -> None:
        if self.windows and self.windows[-1].closed_on is None:
            self.windows[-1] = replace(self.windows[-1], closed_on=on)

    def is_newly_escaped_on(self, day: date) -> bool:
        """Inside any of its 36-month windows (a household may escape, fall back and escape again)."""
        return any(window.covers(day) for window in self.windows)

    @property
    def escaped_on(self) -> date | None:
        return self.windows[-1].starts_on if self.windows else None

    @property
    def newly_escaped_until(self) -> date | None:
        return self.windows[-1].ends_on if self.windows else None

    @property
    def window_closed_on(self) -> date | None:
        return self.windows[-1].closed_on if self.windows else None


def corrected_decisions(
    decisions: list[Decision], version: int, effective_on: date | None, basis: LegalBasis | None, void: bool
) -> list[Decision]:
    if void:
        return [d for d in decisions if d.version != version]
    return [
        replace(d, effective_on=effective_on or d.effective_on, basis=basis or d.basis) if d.version == version else d
        for d in decisions
    ]
