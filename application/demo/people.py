"""The demo commune's people: Vietnamese names with realistic frequencies, households of plausible shape.

Pure and deterministic from the random generator it is given. Family names follow their approximate
shares in the Red River delta (Nguyễn about a third); children take their father's family name; a wife
keeps her own. Middle names of people born before about 1990 are mostly Văn (men) and Thị (women).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, replace

from domain.household import Member
from domain.people import Sex

# Approximate shares in percent (Nam Định: Nguyễn, Trần, Vũ, Phạm, Đỗ, Mai … are frequent).
FAMILY_NAMES = {
    "Nguyễn": 31,
    "Trần": 11,
    "Lê": 8,
    "Phạm": 8,
    "Vũ": 7,
    "Hoàng": 4,
    "Đỗ": 4,
    "Bùi": 3,
    "Đặng": 3,
    "Mai": 3,
    "Ngô": 2,
    "Đinh": 2,
    "Đoàn": 2,
    "Trịnh": 2,
    "Phan": 1,
    "Hồ": 1,
    "Dương": 1,
    "Lương": 1,
    "Cao": 1,
    "Lý": 1,
    "Tô": 1,
    "Hà": 1,
    "Đào": 1,
}
OLD_MIDDLE = {"male": {"Văn": 70, "Đức": 8, "Ngọc": 5, "Hữu": 5, "Xuân": 4, "Quang": 4, "Công": 4},
              "female": {"Thị": 88, "Ngọc": 3, "Thu": 3, "Thanh": 3, "Minh": 3}}
YOUNG_MIDDLE = {"male": {"Văn": 30, "Đức": 12, "Minh": 14, "Quang": 8, "Gia": 8, "Hoàng": 8, "Anh": 10, "Bảo": 10},
                "female": {"Thị": 30, "Ngọc": 14, "Thu": 10, "Phương": 10, "Khánh": 8, "Minh": 10, "Hà": 8,
                           "Bảo": 10}}
OLD_GIVEN = {
    "male": ["Hùng", "Dũng", "Tuấn", "Hải", "Long", "Sơn", "Thắng", "Cường", "Hòa", "Bình", "Trung", "Thành",
             "Toàn", "Tùng", "Vinh", "Thịnh", "Lực", "Chiến", "Tiến", "Đông", "Quý", "Mạnh", "Hưng", "Nghĩa",
             "Phúc", "Khang", "Lâm", "Tâm", "Thuận", "Hiển"],
    "female": ["Hoa", "Lan", "Hương", "Hạnh", "Hằng", "Mai", "Nga", "Thảo", "Loan", "Nhung", "Tuyết", "Liên",
               "Thủy", "Hà", "Dung", "Oanh", "Hiền", "Vân", "Thu", "Hồng", "Xuân", "Bích", "Huệ", "Lụa", "Thơm",
               "Mến", "Gấm", "Yến", "Chanh", "Nụ"],
}
YOUNG_GIVEN = {
    "male": ["Minh", "Nam", "Huy", "Đạt", "Khoa", "Quân", "Hiếu", "Kiên", "Long", "Phúc", "Duy", "Trung", "Hoàng",
             "Khôi", "Bảo", "Tuấn", "Thành", "Đức", "Anh", "Việt", "Lâm", "Phong", "Tùng", "Hải"],
    "female": ["Linh", "Trang", "Huyền", "Ngọc", "Anh", "Thảo", "Quỳnh", "Hà", "Phương", "Vy", "Chi", "Nhi", "My",
               "Hương", "Yến", "Giang", "Mai", "Lan", "Trâm", "Hân", "Thư", "Ánh", "Ngân", "Diệp"],
}


@dataclass(frozen=True)
class DemoHousehold:
    """A household as registered: its number in the demo, hamlet, head and the other members, and the
    commune's household code and the head's citizen ID, the natural key the list import finds it by."""

    number: int
    hamlet: str
    head_name: str
    head_born: int
    members: tuple[Member, ...]
    head_sex: Sex = Sex.MALE
    code: str = ""
    citizen_id: str = ""


def weighted(rng: random.Random, shares: dict[str, int]) -> str:
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def person_name(rng: random.Random, family: str, sex: str, born: int) -> str:
    young = born >= 1990
    middle = weighted(rng, (YOUNG_MIDDLE if young else OLD_MIDDLE)[sex])
    given = rng.choice((YOUNG_GIVEN if young else OLD_GIVEN)[sex])
    return f"{family} {middle} {given}"


def household_of(rng: random.Random, number: int, hamlet: str) -> DemoHousehold:
    """A head (mostly a man; a widow in about one household in six), spouse, children, sometimes a parent."""
    head_sex = "female" if rng.random() < 0.17 else "male"
    head_born = rng.randint(1945, 1995)
    family = weighted(rng, FAMILY_NAMES)
    head = person_name(rng, family, head_sex, head_born)
    members: list[Member] = []
    children_family = family
    if head_sex == "male" and rng.random() < 0.9:
        wife_born = min(2003, head_born + rng.randint(-2, 6))
        members.append(Member(person_name(rng, weighted(rng, FAMILY_NAMES), "female", wife_born), "vợ", wife_born))
    elif head_sex == "female":
        children_family = weighted(rng, FAMILY_NAMES)  # the late or absent husband's family name
    mother_born = head_born + 3
    for _ in range(children_count(rng, head_born)):
        born = rng.randint(max(mother_born + 19, 1965), min(mother_born + 42, 2021))
        child_sex = rng.choice(("male", "female"))
        members.append(Member(person_name(rng, children_family, child_sex, born), "con", born))
    if head_born >= 1965 and rng.random() < 0.25:
        parent_born = head_born - rng.randint(22, 32)
        parent_sex = rng.choice(("male", "female"))
        parent_family = family if parent_sex == "male" else weighted(rng, FAMILY_NAMES)
        relation = "bố" if parent_sex == "male" else "mẹ"
        members.append(Member(person_name(rng, parent_family, parent_sex, parent_born), relation, parent_born))
    sex = Sex.FEMALE if head_sex == "female" else Sex.MALE
    return DemoHousehold(number, hamlet, head, head_born, tuple(members), sex)


def children_count(rng: random.Random, head_born: int) -> int:
    """Grown children of older heads have mostly left to found their own households."""
    if head_born < 1960:
        return rng.choice((0, 0, 0, 1, 1, 2))
    return rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 4))


def hamlet_sizes(rng: random.Random, hamlets: tuple[str, ...] | list[str], total: int) -> dict[str, int]:
    """Hamlets of unequal size (between about 120 and 300 households at 2,500), summing to the total."""
    weights = [rng.uniform(0.6, 1.4) for _ in hamlets]
    sizes = [max(1, int(total * w / sum(weights))) for w in weights]
    sizes[0] += total - sum(sizes)
    return dict(zip(hamlets, sizes, strict=True))


def demo_households(rng: random.Random, hamlets: tuple[str, ...] | list[str], total: int) -> list[DemoHousehold]:
    households, number = [], 0
    for hamlet, size in hamlet_sizes(rng, hamlets, total).items():
        for _ in range(size):
            households.append(household_of(rng, number, hamlet))
            number += 1
    return with_identities(households, hamlets)


# Nam Định's province code in the citizen ID (Circular 59/2021/TT-BCA, Art. 7: 3 digits of the province of
# birth registration, 1 digit of century and sex, 2 digits of the birth year, 6 random digits).
PROVINCE_CODE = "036"


def hamlet_prefixes(hamlets: tuple[str, ...] | list[str]) -> dict[str, str]:
    """“Xuân Hà” → “XH”, “Xuân Đài Đông” → “XDD”, “Xóm 5” → “X5”; the position breaks a tie (renamed hamlets)."""
    prefixes: dict[str, str] = {}
    for position, hamlet in enumerate(hamlets, start=1):
        plain = unicodedata.normalize("NFKD", hamlet.replace("Đ", "D").replace("đ", "d"))
        words = re.findall(r"[A-Za-z0-9]+", plain.encode("ascii", "ignore").decode())
        prefix = "".join(w if w.isdigit() else w[0] for w in words).upper() or f"X{position}"
        prefixes[hamlet] = prefix if prefix not in prefixes.values() else f"{prefix}{position}"
    return prefixes


def citizen_id(rng: random.Random, sex: Sex, born: int) -> str:
    century_sex = (0 if born < 2000 else 2) + (sex is Sex.FEMALE)
    return f"{PROVINCE_CODE}{century_sex}{born % 100:02d}{rng.randrange(10**6):06d}"


def with_identities(households: list[DemoHousehold], hamlets: tuple[str, ...] | list[str]) -> list[DemoHousehold]:
    """Each household's code (hamlet initials and its number in the hamlet, e.g. XH-0001) and its head's
    12-digit citizen ID. A generator of their own, seeded by the household, keeps the names, shapes and
    histories drawn from the demo's seed as they were."""
    prefixes, counts, taken = hamlet_prefixes(hamlets), dict.fromkeys(hamlets, 0), set()
    coded = []
    for household in households:
        counts[household.hamlet] += 1
        rng = random.Random(f"{household.number}/{household.head_name}/{household.head_born}")
        number = citizen_id(rng, household.head_sex, household.head_born)
        while number in taken:
            number = citizen_id(rng, household.head_sex, household.head_born)
        taken.add(number)
        code = f"{prefixes[household.hamlet]}-{counts[household.hamlet]:04d}"
        coded.append(replace(household, code=code, citizen_id=number))
    return coded
