"""A household member's facts on a form: read from the fields, and written back into them."""

from __future__ import annotations

from domain.formatting import vn_date
from domain.people import Allowance, Employment, Nutrition, Person, Sex
from web.shared.forms import FormReader

FLAGS = ("health_insurance", "in_school", "lower_secondary_done")


def read_person(reader: FormReader) -> Person | None:
    name = reader.text("full_name", message="Hãy nhập họ tên thành viên.")
    person = Person(
        name,
        reader.text("relation", required=False),
        reader.optional_choice("sex", Sex),
        reader.date("born_on", required=False),
        reader.integer("birth_year", minimum=1900, maximum=2100, required=False),
        reader.text("ethnicity", required=False),
        reader.text("citizen_id", required=False),
        reader.flag("health_insurance"),
        reader.flag("in_school"),
        reader.flag("lower_secondary_done"),
        reader.optional_choice("employment", Employment),
        reader.optional_choice("allowance", Allowance) or Allowance.NONE,
        reader.optional_choice("nutrition", Nutrition),
    )
    return None if reader.errors else person


def person_values(person: Person) -> dict[str, str]:
    """The form fields of an update form, filled with what is known of the member."""
    values = {
        "full_name": person.full_name,
        "relation": person.relation,
        "sex": person.sex.value if person.sex else "",
        "born_on": vn_date(person.born_on),
        "birth_year": str(person.birth_year or ""),
        "ethnicity": person.ethnicity,
        "citizen_id": person.citizen_id,
        "employment": person.employment.value if person.employment else "",
        "allowance": person.allowance.value,
        "nutrition": person.nutrition.value if person.nutrition else "",
    }
    for name in FLAGS:
        flag = getattr(person, name)
        values[name] = "" if flag is None else ("yes" if flag else "no")
    return values
