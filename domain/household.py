"""Households: registered in a hamlet, recognised as poor or near-poor, escaping, falling back."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

from domain import bounds, topics
from domain.acts import Act, DomainError, LegalBasis, RecordedAggregate
from domain.decisions import STANDING_LABELS as STANDING_LABELS
from domain.decisions import (
    Decision,
    DecisionKind,
    PovertyWindows,
    before_registration,
    corrected_decisions,
    correction_refusal,
    effect_of,
    poverty_windows,
)
from domain.decisions import EscapeWindow as EscapeWindow
from domain.decisions import Standing as Standing
from domain.formatting import vn_date, vn_money
from domain.people import MAX_MEMBERS, MemberChange, MemberRefusedError, Person, check_person
from domain.standards import NO_GROUNDS, Grounds, IncomeEstimate, PovertyClass, PovertyStandard
from domain.standards import Area as Area
from domain.survey import IncomeDetermination, IncompleteSurveyError, RequestForm, Survey, SurveyRefusedError


@dataclass(frozen=True)
class Member:
    full_name: str
    relation: str = ""
    birth_year: int | None = None


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


class Household(RecordedAggregate):
    """A household of the commune's book, with every event of its life nested here (issue 11 §6)."""

    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        commune: str
        hamlet: str
        code: str
        address: str
        head_name: str
        area: Area
        registered_on: date
        people: dict[UUID, Person]
        decisions: list[Decision]
        standing: Standing
        history: list[tuple[date, Standing]]
        windows: list[EscapeWindow]
        surveys: list[Survey]
        average_living: IncomeDetermination | None
        average_living_since: date | None
        requests: list[tuple[RequestForm, date]]

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

        def decision(self) -> Decision:
            """The decision this event records; its kind is the event's persisted name (DecisionKind)."""
            starts_window = bool(getattr(self, "newly_escaped_until", None))
            kind = DecisionKind(type(self).__qualname__)
            return Decision(
                self.originator_version,
                kind,
                self.effective_on,
                self.from_standing,
                self.to_standing,
                starts_window,
                self.basis,
            )

        def apply(self, household: Household) -> None:
            household.decisions.append(self.decision())
            household.take(poverty_windows(household.decisions))

    class RecognisedPoor(Transition):
        pass

    class RecognisedNearPoor(Transition):
        pass

    class EscapedPoverty(Transition):
        # The last day of the 36-month window it opens (domain/decisions.py), None when it opens none.
        newly_escaped_until: date | None

    class EscapedNearPoverty(Transition):
        pass

    class FellBackIntoPoverty(Transition):
        pass

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
            household.take(poverty_windows(household.decisions))

    class MemberAdded(RecordedAggregate.Event):
        member_id: UUID
        person: Person
        change: MemberChange

        def apply(self, household: Household) -> None:
            household.people[self.member_id] = self.person

    class MemberDetailsRecorded(RecordedAggregate.Event):
        """The member's facts as now known (name, birth, schooling, work, insurance …), replacing the previous
        ones: a change of circumstances or a fix of what was entered. Stored before issue 11 as MemberUpdated."""

        member_id: UUID
        person: Person

        def apply(self, household: Household) -> None:
            household.people[self.member_id] = self.person

    class MemberRemoved(RecordedAggregate.Event):
        member_id: UUID
        change: MemberChange

        def apply(self, household: Household) -> None:
            del household.people[self.member_id]

    class Surveyed(RecordedAggregate.Event):
        survey: Survey

        def apply(self, household: Household) -> None:
            household.surveys.append(self.survey)

    class AverageLivingRecognised(RecordedAggregate.Event):
        determination: IncomeDetermination

        def apply(self, household: Household) -> None:
            household.average_living = self.determination
            household.average_living_since = self.effective_on

    class ReviewRequested(RecordedAggregate.Event):
        """A household's written request, queued for the next review (Decision 24/2021, Art. 5)."""

        form: RequestForm
        reason: str
        channel: str

        def apply(self, household: Household) -> None:
            household.requests.append((self.form, self.effective_on))

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

    def add_member(self, person: Person, change: MemberChange, act: Act) -> UUID:
        person = check_person(person, act.days)
        if len(self.people) > MAX_MEMBERS:
            raise bounds.refuse("full_name", f"Hộ có không quá {MAX_MEMBERS + 1} người kể cả chủ hộ.")
        member_id = uuid4()
        self.trigger_event(self.MemberAdded, member_id=member_id, person=person, change=change, **act.event_fields())
        return member_id

    def record_member_details(self, member_id: UUID, person: Person, act: Act) -> None:
        self._require_member(member_id)
        person = check_person(person, act.days)
        self.trigger_event(self.MemberDetailsRecorded, member_id=member_id, person=person, **act.event_fields())

    def remove_member(self, member_id: UUID, change: MemberChange, act: Act) -> None:
        self._require_member(member_id)
        if len(self.people) == 1:
            raise MemberRefusedError("Không thể xóa thành viên duy nhất của hộ.")
        self.trigger_event(self.MemberRemoved, member_id=member_id, change=change, **act.event_fields())

    def _require_member(self, member_id: UUID) -> None:
        if member_id not in self.people:
            raise MemberRefusedError("Không có thành viên này trong hộ.")

    def record_survey(self, survey: Survey, act: Act) -> None:
        act.days.past(survey.surveyed_on, "effective_on", "Ngày khảo sát")
        self.trigger_event(self.Surveyed, survey=survey, **act.event_fields())

    @property
    def latest_survey(self) -> Survey | None:
        return self.surveys[-1] if self.surveys else None

    def recognise_average_living(
        self, determination: IncomeDetermination, standard: PovertyStandard, area: Area, act: Act
    ) -> None:
        """Decision 24/2021/QĐ-TTg, Art. 6: income above the line up to 1.5 × the line, from 12 months."""
        if self.standing in (Standing.POOR, Standing.NEAR_POOR):
            raise SurveyRefusedError("Hộ nghèo, hộ cận nghèo không xác định là hộ có mức sống trung bình.")
        income = IncomeEstimate(per_capita_monthly=determination.per_capita_monthly)
        line = standard.line(area)
        if not income.within_average_living(line, standard.average_living_halves):
            ceiling = line * standard.average_living_halves // 2
            raise SurveyRefusedError(
                f"Thu nhập bình quân {vn_money(determination.per_capita_monthly)}/người/tháng không nằm trong khoảng"
                f" trên {vn_money(line)} đến {vn_money(ceiling)} của chuẩn {standard.version}."
            )
        self.trigger_event(self.AverageLivingRecognised, determination=determination, **act.event_fields())

    def request_review(self, form: RequestForm, reason: str, channel: str, act: Act) -> None:
        reason = bounds.passage(reason, "reason", "Lý do đề nghị")
        if not reason:
            raise IncompleteSurveyError("Hãy ghi lý do đề nghị.")
        channel = bounds.line(channel, "channel", "Hình thức nộp")
        self.trigger_event(self.ReviewRequested, form=form, reason=reason, channel=channel, **act.event_fields())

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
        escape = Decision(
            self.version + 1, DecisionKind.ESCAPED_POVERTY, act.effective_on, self.standing, to_standing, starts_window
        )
        until = effect_of(escape).window_until  # the one rule of the window (domain/decisions.py)
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
            raise TransitionRefusedError(before_registration(act.effective_on, self.registered_on))
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
        derived = poverty_windows(corrected_decisions(self.decisions, version, effective_on, basis, void))
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
        """Why the decision recorded as `version` cannot be corrected so, or None (domain/decisions.py)."""
        return correction_refusal(self.decisions, self.registered_on, version, effective_on, void)

    def standing_on(self, day: date) -> Standing:
        standing = Standing.UNLISTED
        for effective_on, to_standing in self.history:
            if effective_on > day:
                break
            standing = to_standing
        return standing

    def take(self, windows: PovertyWindows) -> None:
        self.standing, self.history, self.windows = windows.standing, windows.history, windows.windows

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


topics.register_renamed(Household)
