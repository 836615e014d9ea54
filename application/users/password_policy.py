"""What a new password must not be (issue 10 §4): short, the account's own name, the commune's name,
or one of the passwords everyone tries first.

Checked for every new password — `giamngheo create-user`, the chair's reset on *Tài khoản*, and the
official's own change — before it is hashed. Comparisons are made on a folded form (lower case,
without diacritics, đ as d, letters and digits only), so "Hải-Hòa 2024" is refused like "haihoa2024".
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import files

MINIMUM_PASSWORD = 8
# A name this short inside a password ("le", "ha") is a coincidence, not a reuse of the name.
SHORTEST_NAME_CHECKED = 3


def folded(text: str) -> str:
    """Lower case ASCII letters and digits only: diacritics dropped, đ as d, spaces and signs removed."""
    text = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(char for char in text if char.isascii() and char.isalnum())


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list (application/common_passwords.txt, package data), read once."""
    text = files("application.users").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line.casefold() for line in lines if line and not line.startswith("#"))


def password_problem(password: str, username: str, commune: str) -> str | None:
    """Why this password is refused, in Vietnamese, or None when it may be used."""
    if len(password) < MINIMUM_PASSWORD:
        return f"Mật khẩu phải có ít nhất {MINIMUM_PASSWORD} ký tự."
    plain = folded(password)
    name = folded(username)
    if len(name) >= SHORTEST_NAME_CHECKED and name in plain:
        return "Mật khẩu không được chứa tên đăng nhập."
    place = folded(commune)
    if len(place) >= SHORTEST_NAME_CHECKED and place in plain:
        return f"Mật khẩu không được chứa tên xã ({commune})."
    common = common_passwords()
    if password.casefold() in common or plain in common:
        return "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác."
    return None
