"""The dashboard's queries: per hamlet, the standings on a day, the transitions of a period and the
coverage of the plan's targets (application/plan/dashboard.py reads through them).

Each "?" of a fragment is filled, in order, by the parameters returned with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from application.plan.dashboard_view.tables import SURVEY_FLAGS
from application.plan.tallies import Coverage, Standings
from application.readmodels.database import Cursor
from domain.decisions import Standing
from domain.indicators import Indicator, IndicatorRules
from domain.people import Employment

Fragment = tuple[str, list[Any]]
LISTED = ("poor", "near_poor")
STABLE_WORK = (Employment.WAGED_WITH_CONTRACT, Employment.SELF_EMPLOYED)
STABLE = tuple(employment.value for employment in STABLE_WORK)
# Household-level coverage targets read from the survey's indicator flags (domain.md §3.3).
SURVEY_TARGETS = {
    "hygienic_water": Indicator.WATER_SOURCE,
    "hygienic_latrine": Indicator.HYGIENIC_LATRINE,
    "telecom_internet": Indicator.TELECOM,
}
# Every coverage target a hamlet with listed households has a figure for, even when nobody in it is concerned.
COVERAGE_TARGETS = (*SURVEY_TARGETS, "health_insurance", "school_attendance", "working_member")


@dataclass(frozen=True)
class HamletStandings:
    hamlet: str
    start: Standings
    end: Standings


def standing_on(day: date) -> Fragment:
    """The standing of household h at the end of the day: the one its latest decision effective by then gave."""
    sql = (
        "(SELECT d.standing FROM view_dashboard_decisions d WHERE d.household_id = h.household_id"
        " AND d.effective_on <= ? ORDER BY d.effective_on DESC, d.version DESC LIMIT 1)"
    )
    return sql, [day.isoformat()]


def standings(cursor: Cursor, start_day: date, end_day: date) -> list[HamletStandings]:
    """Every hamlet a household is registered in (in the order the first of each was registered), with the
    households registered by each day and how many of them were poor, near-poor at its end."""
    start, start_params = standing_on(start_day)
    end, end_params = standing_on(end_day)
    rows = cursor.all(
        f"SELECT hamlet, MIN(position) AS first, {standings_columns('start')}, {standings_columns('end')}"
        f" FROM (SELECT h.hamlet, h.position, CASE WHEN h.registered_on <= ? THEN COALESCE({start}, 'unlisted') END"
        f" AS start_standing, CASE WHEN h.registered_on <= ? THEN COALESCE({end}, 'unlisted') END AS end_standing"
        " FROM view_dashboard_households h) s GROUP BY hamlet ORDER BY first",
        [start_day.isoformat(), *start_params, end_day.isoformat(), *end_params],
    )
    return [HamletStandings(str(r["hamlet"]), standings_of(r, "start"), standings_of(r, "end")) for r in rows]


def standings_columns(day: str) -> str:
    return (
        f"COUNT({day}_standing) AS {day}_total,"
        f" SUM(CASE WHEN {day}_standing = 'poor' THEN 1 ELSE 0 END) AS {day}_poor,"
        f" SUM(CASE WHEN {day}_standing = 'near_poor' THEN 1 ELSE 0 END) AS {day}_near_poor"
    )


def standings_of(row: dict[str, Any], day: str) -> Standings:
    return Standings(*(int(row[f"{day}_{part}"] or 0) for part in ("total", "poor", "near_poor")))


def transitions_between(cursor: Cursor, starts_on: date, ends_on: date) -> list[tuple[str, Standing, Standing, int]]:
    """Per hamlet, the decisions in force effective in the period: (hamlet, from, to, how many)."""
    rows = cursor.all(
        "SELECT hamlet, previous, standing, COUNT(*) AS n FROM (SELECT h.hamlet, h.registered_on, d.effective_on,"
        " d.standing, LAG(d.standing, 1, 'unlisted') OVER (PARTITION BY d.household_id ORDER BY d.version)"
        " AS previous FROM view_dashboard_decisions d JOIN view_dashboard_households h"
        " ON h.household_id = d.household_id) t WHERE registered_on <= ? AND effective_on >= ? AND effective_on <= ?"
        " GROUP BY hamlet, previous, standing",
        (ends_on.isoformat(), starts_on.isoformat(), ends_on.isoformat()),
    )
    return [(str(r["hamlet"]), Standing(r["previous"]), Standing(r["standing"]), int(r["n"])) for r in rows]


def coverage_on(cursor: Cursor, day: date, rules: IndicatorRules) -> dict[str, dict[str, Coverage]]:
    """Per hamlet and coverage target: how many of the households poor or near-poor on the day (or of their
    members concerned) have it, do not, or are not known (seed plan §II.2)."""
    listed, listed_params = listed_households(day)
    members, member_params = member_counts(day, rules)
    rows = cursor.all(
        f"{listed}, members AS (SELECT l.*, {members} FROM listed l LEFT JOIN view_dashboard_people p"
        " ON p.household_id = l.household_id GROUP BY l.household_id, l.hamlet, l.surveyed,"
        f" {', '.join(f'l.{column}' for column in FLAG_COLUMNS)}) SELECT hamlet, {hamlet_coverage_columns()}"
        " FROM members GROUP BY hamlet",
        [*listed_params, *member_params],
    )
    return {str(r["hamlet"]): {code: coverage_of(r, code) for code in COVERAGE_TARGETS} for r in rows}


FLAG_COLUMNS = tuple(f"deprived_{indicator.value}" for indicator in SURVEY_FLAGS)


def listed_households(day: date) -> Fragment:
    """CTE `listed`: the households registered and poor or near-poor on the day, each with the flags of its
    latest survey by then (NULL without one)."""
    standing, params = standing_on(day)
    flags = ", ".join(f"s.{column}" for column in FLAG_COLUMNS)
    sql = (
        "WITH latest AS (SELECT h.household_id, h.hamlet, (SELECT s.version FROM view_dashboard_surveys s"
        " WHERE s.household_id = h.household_id AND s.surveyed_on <= ? ORDER BY s.version DESC LIMIT 1)"
        f" AS survey_version FROM view_dashboard_households h WHERE h.registered_on <= ? AND {standing}"
        f" IN {sql_list(LISTED)}), listed AS (SELECT l.household_id, l.hamlet, s.version AS surveyed, {flags}"
        " FROM latest l LEFT JOIN view_dashboard_surveys s"
        " ON s.household_id = l.household_id AND s.version = l.survey_version)"
    )
    return sql, [day.isoformat(), day.isoformat(), *params]


def member_counts(day: date, rules: IndicatorRules) -> Fragment:
    """Per listed household, its members' counts: insured and children at school, each 1 (has it), 0 (not)
    or NULL (not known); working-age members, those whose work is recorded, those in stable work."""
    child, child_params = aged_between(rules.school_age_from, rules.child_under, day)
    worker, worker_params = aged_between(rules.working_age_from, rules.working_age_to, day)
    insured = person_state("health_insurance", Indicator.HEALTH_INSURANCE)
    schooled = person_state("in_school", Indicator.SCHOOL_ATTENDANCE)
    sql = (
        f"{coverage_columns(f'CASE WHEN p.member_id IS NOT NULL THEN {insured} ELSE 2 END', 'insured')},"
        f" {coverage_columns(f'CASE WHEN {child} THEN {schooled} ELSE 2 END', 'schooled')},"
        f" SUM(CASE WHEN {worker} THEN 1 ELSE 0 END) AS workers,"
        f" SUM(CASE WHEN {worker} AND p.employment IS NOT NULL THEN 1 ELSE 0 END) AS workers_known,"
        f" SUM(CASE WHEN {worker} AND p.employment IN {sql_list(STABLE)} THEN 1 ELSE 0 END) AS workers_stable"
    )
    return sql, [*child_params * 3, *worker_params * 3]  # coverage_columns writes its state three times


def person_state(fact: str, indicator: Indicator) -> str:
    """1, 0 or NULL for member p: the recorded fact; without one, 1 when the household's latest survey found it
    not deprived of the indicator (every member then had it)."""
    return f"CASE WHEN p.{fact} IS NOT NULL THEN p.{fact} WHEN l.deprived_{indicator.value} = 0 THEN 1 END"


def hamlet_coverage_columns() -> str:
    """Per hamlet, from the households' rows of `members`: the coverage columns of every target."""
    surveys = [coverage_columns(f"1 - deprived_{i.value}", code) for code, i in SURVEY_TARGETS.items()]
    people = [summed_columns("insured", "health_insurance"), summed_columns("schooled", "school_attendance")]
    work = "CASE WHEN workers_stable > 0 THEN 1 WHEN workers > 0 AND workers_known = workers THEN 0 END"
    return ", ".join([*surveys, *people, coverage_columns(work, "working_member")])


def coverage_columns(state: str, name: str) -> str:
    """Sums of a per-row state that is 1 (covered), 0 (not covered) or NULL (not known); 2 counts nowhere."""
    return (
        f"SUM(CASE WHEN {state} = 1 THEN 1 ELSE 0 END) AS {name}_covered,"
        f" SUM(CASE WHEN {state} = 0 THEN 1 ELSE 0 END) AS {name}_not_covered,"
        f" SUM(CASE WHEN {state} IS NULL THEN 1 ELSE 0 END) AS {name}_unknown"
    )


def summed_columns(counted: str, name: str) -> str:
    return ", ".join(f"SUM({counted}_{part}) AS {name}_{part}" for part in ("covered", "not_covered", "unknown"))


def coverage_of(row: dict[str, Any], name: str) -> Coverage:
    return Coverage(*(int(row[f"{name}_{part}"] or 0) for part in ("covered", "not_covered", "unknown")))


def aged_between(from_age: int, to_age: int, day: date) -> Fragment:
    """A condition on member p: from_age <= completed years on the day < to_age (Person.age_on: by the birth
    date, or with only a birth year known by the year); false when neither is known."""
    sql = (
        "(CASE WHEN p.born_on IS NOT NULL THEN p.born_on <= ? AND p.born_on > ?"
        " ELSE p.birth_year <= ? AND p.birth_year > ? END)"
    )
    return sql, [anniversary(day, from_age), anniversary(day, to_age), day.year - from_age, day.year - to_age]


def anniversary(day: date, years: int) -> str:
    """The day `years` earlier as ISO text, compared as text (29/02 of a common year stays comparable)."""
    return f"{day.year - years:04d}-{day.month:02d}-{day.day:02d}"


def sql_list(values: Any) -> str:
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"
