"""Bodies of the API for members, surveys (phiếu B), average-living income and requests."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field, model_validator

from domain.indicators import DIMENSION_OF, Indicator
from domain.standards import IncomeEstimate, PovertyClass
from domain.survey import Occupation, RequestForm, Survey, SurveyAnswers
from web.households.schemas import PersonIn
from web.shared.schemas import BasisIn, EntryIn


class MemberAddIn(EntryIn):
    person: PersonIn
    change: Literal["birth", "marriage", "migration", "other"] = Field(description="sinh, kết hôn, chuyển đến, khác")


class MemberUpdateIn(EntryIn):
    person: PersonIn


class MemberRemovalIn(EntryIn):
    change: Literal["death", "marriage", "migration", "other"] = Field(description="chết, kết hôn, chuyển đi, khác")


class SurveyIn(EntryIn):
    """effective_on is the survey date; member-level indicators left out of `entered` come from the members."""

    reviewer: str = Field(min_length=1)
    income_per_capita_monthly: int | None = Field(None, ge=0, description="Thu nhập bình quân đầu người/tháng")
    b1_score: int | None = Field(None, ge=0)
    b1_cutoff: int | None = Field(None, ge=0, description="Điểm chuẩn so sánh của vùng")
    floor_area_m2: int | None = Field(None, ge=1)
    entered: dict[Indicator, bool] = Field({}, description="Chỉ số do rà soát viên xác định: true = thiếu hụt")
    evidence: dict[Indicator, str] = {}
    review_id: UUID | None = None

    @model_validator(mode="after")
    def has_income(self) -> SurveyIn:
        if self.income_per_capita_monthly is None and (self.b1_score is None or self.b1_cutoff is None):
            raise ValueError("Hãy nhập income_per_capita_monthly, hoặc cả b1_score và b1_cutoff.")
        return self

    def answers(self) -> SurveyAnswers:
        income = IncomeEstimate(self.income_per_capita_monthly, self.b1_score, self.b1_cutoff)
        return SurveyAnswers(self.reviewer, income, self.floor_area_m2, self.entered, self.evidence)


class AverageLivingIn(EntryIn):
    occupation: Occupation
    income_12_months: int = Field(ge=0, description="Tổng thu nhập thực tế 12 tháng qua (đồng)")
    social_allowances: int = Field(0, ge=0, description="Trợ cấp, trợ giúp xã hội của Nhà nước (không tính)")


class RequestIn(EntryIn):
    form: RequestForm = Field(description="form_01: Mẫu 01 đề nghị rà soát; form_04: Mẫu 04 đề nghị thoát nghèo")
    reason: str = Field(min_length=1)
    channel: Literal["direct", "post", "online"] = Field(description="trực tiếp, bưu điện, trực tuyến")


class IndicatorOut(BaseModel):
    indicator: Indicator
    dimension: str
    deprived: bool
    derived: bool = Field(description="Tính từ thông tin thành viên (hoặc diện tích); false: rà soát viên nhập")
    evidence: str


class SurveyOut(BaseModel):
    survey_id: UUID
    surveyed_on: date
    reviewer: str
    review_id: UUID | None
    income_per_capita_monthly: int | None
    b1_score: int | None
    b1_cutoff: int | None
    floor_area_m2: int | None
    members_count: int
    indicators: list[IndicatorOut]
    deprived_count: int
    standard_version: str
    standard_basis: BasisIn
    provisional_class: PovertyClass

    @classmethod
    def of(cls, s: Survey) -> SurveyOut:
        indicators = [
            IndicatorOut(
                indicator=i,
                dimension=DIMENSION_OF[i].value,
                deprived=s.is_deprived(i),
                derived=i.value in s.derived,
                evidence=s.evidence.get(i.value, ""),
            )
            for i in Indicator
        ]
        b = s.standard_basis
        basis = BasisIn(number=b.number, issued_on=b.issued_on, issuer=b.issuer)
        return cls(
            survey_id=s.survey_id,
            surveyed_on=s.surveyed_on,
            reviewer=s.reviewer,
            review_id=s.review_id,
            income_per_capita_monthly=s.income.per_capita_monthly,
            b1_score=s.income.b1_score,
            b1_cutoff=s.income.b1_cutoff,
            floor_area_m2=s.floor_area_m2,
            members_count=s.members_count,
            indicators=indicators,
            deprived_count=len(s.deprived),
            standard_version=s.standard_version,
            standard_basis=basis,
            provisional_class=s.provisional_class,
        )
