"""Pydantic's refusals in Vietnamese: no `Field required` or `Input should be…` ever reaches an official (issue 10 §2).

Each error type pydantic can report for the API's schemas has a message here, filled from the error's context
(the bound, the allowed values); any other type gets the general message rather than the English one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

GENERAL = "Giá trị không hợp lệ."
DAY = "Phải là một ngày hợp lệ theo dạng yyyy-mm-dd (ví dụ 2026-11-28)."
MOMENT = "Phải là một thời điểm hợp lệ theo dạng ISO 8601 (ví dụ 2026-11-28T09:00:00+07:00)."
WHOLE = "Phải là một số nguyên."
NUMBER = "Phải là một số."
IDENTIFIER = "Phải là một mã UUID hợp lệ (ví dụ 3f2b8c1e-5d4a-4b6e-9c7d-1a2b3c4d5e6f)."

MESSAGES: dict[str, str] = {
    "missing": "Bắt buộc phải có.",
    "missing_argument": "Bắt buộc phải có.",
    "extra_forbidden": "Trường này không được phép.",
    "json_invalid": "Nội dung JSON không hợp lệ.",
    "json_type": "Nội dung phải là JSON.",
    "model_type": "Phải là một đối tượng JSON.",
    "model_attributes_type": "Phải là một đối tượng JSON.",
    "dataclass_type": "Phải là một đối tượng JSON.",
    "dict_type": "Phải là một đối tượng JSON.",
    "mapping_type": "Phải là một đối tượng JSON.",
    "list_type": "Phải là một danh sách.",
    "tuple_type": "Phải là một danh sách.",
    "set_type": "Phải là một danh sách.",
    "iterable_type": "Phải là một danh sách.",
    "string_type": "Phải là một chuỗi ký tự.",
    "string_unicode": "Phải là chuỗi ký tự Unicode hợp lệ.",
    "string_too_short": "Phải có ít nhất {min_length} ký tự.",
    "string_too_long": "Không được quá {max_length} ký tự.",
    "string_pattern_mismatch": "Không đúng định dạng yêu cầu.",
    "too_short": "Phải có ít nhất {min_length} phần tử.",
    "too_long": "Không được quá {max_length} phần tử.",
    "bool_type": "Phải là true hoặc false.",
    "bool_parsing": "Phải là true hoặc false.",
    "int_type": WHOLE,
    "int_parsing": WHOLE,
    "int_from_float": "Phải là một số nguyên, không có phần thập phân.",
    "int_parsing_size": "Số quá lớn.",
    "float_type": NUMBER,
    "float_parsing": NUMBER,
    "decimal_type": NUMBER,
    "decimal_parsing": NUMBER,
    "finite_number": "Phải là một số hữu hạn.",
    "greater_than": "Phải lớn hơn {gt}.",
    "greater_than_equal": "Phải lớn hơn hoặc bằng {ge}.",
    "less_than": "Phải nhỏ hơn {lt}.",
    "less_than_equal": "Phải nhỏ hơn hoặc bằng {le}.",
    "multiple_of": "Phải là bội số của {multiple_of}.",
    "enum": "Phải là một trong các giá trị: {expected}.",
    "literal_error": "Phải là một trong các giá trị: {expected}.",
    "none_required": "Phải để trống (null).",
    "date_type": DAY,
    "date_parsing": DAY,
    "date_from_datetime_parsing": DAY,
    "date_from_datetime_inexact": "Phải là một ngày, không kèm giờ.",
    "date_past": "Phải là một ngày trong quá khứ.",
    "date_future": "Phải là một ngày trong tương lai.",
    "datetime_type": MOMENT,
    "datetime_parsing": MOMENT,
    "datetime_from_date_parsing": MOMENT,
    "datetime_object_invalid": MOMENT,
    "time_type": "Phải là một giờ hợp lệ (hh:mm).",
    "time_parsing": "Phải là một giờ hợp lệ (hh:mm).",
    "uuid_type": IDENTIFIER,
    "uuid_parsing": IDENTIFIER,
    "uuid_version": IDENTIFIER,
    "url_type": "Phải là một địa chỉ URL hợp lệ.",
    "url_parsing": "Phải là một địa chỉ URL hợp lệ.",
    "bytes_type": "Phải là dữ liệu nhị phân hợp lệ.",
    "bytes_invalid_encoding": "Dữ liệu không đúng bảng mã.",
    "union_tag_invalid": GENERAL,
    "union_tag_not_found": GENERAL,
    "recursion_loop": "Dữ liệu lồng nhau quá sâu.",
    "recursion_depth_exceeded": "Dữ liệu lồng nhau quá sâu.",
}


def vietnamese(error: Mapping[str, Any]) -> str:
    """The message for one of pydantic's errors, its bounds filled in from the error's context."""
    kind = str(error.get("type", ""))
    context = {key: readable(value) for key, value in (error.get("ctx") or {}).items()}
    if kind in ("value_error", "assertion_error"):
        return own_message(context.get("error", ""))
    try:
        return MESSAGES.get(kind, GENERAL).format(**context)
    except (KeyError, IndexError, ValueError):  # a context without the bound: the general message
        return GENERAL


def readable(value: Any) -> str:
    """A context value as an official reads it: pydantic's `'a', 'b' or 'c'` becomes `'a', 'b' hoặc 'c'`."""
    return str(value).replace(" or ", " hoặc ")


def own_message(text: str) -> str:
    """Our validators raise Vietnamese messages; pydantic's own value errors are English, so never shown."""
    text = text.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return text if any(ord(character) > 127 for character in text) else GENERAL
