"""One answer per form, however many copies of it arrive at the same instant (issue 10, point 9).

Every use case first looks for the receipt of its command id and answers "duplicate" when it finds one.
A copy that loses the race to the first one can miss the receipt yet load the household after the first
copy was saved: the domain then refuses ("Hộ đã là hộ nghèo.") although the act was recorded as asked.
The receipt is saved in the same transaction as the act, so when a use case is refused, looking the
receipt up again tells a real refusal from a lost race. Done here once, for every use case that records
an act (those taking an `entry` and answering `Recorded`), instead of in each of them.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from domain.acts import DomainError

GUARDED = "_answers_duplicates"


def records_an_act(function: Any) -> bool:
    if not inspect.isfunction(function) or function.__name__.startswith("_") or hasattr(function, GUARDED):
        return False
    signature = inspect.signature(function)
    return "entry" in signature.parameters and signature.return_annotation in ("Recorded", "Recorded | None")


def answers_duplicates(use_case: Callable[..., Any]) -> Callable[..., Any]:
    """The use case, answering the first copy's result instead of a refusal when its copy won the race."""
    signature = inspect.signature(use_case)

    @functools.wraps(use_case)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return use_case(self, *args, **kwargs)
        except DomainError:
            entry = signature.bind_partial(self, *args, **kwargs).arguments.get("entry")
            if previous := self.core.previous(getattr(entry, "command_id", "")):
                return previous
            raise

    setattr(guarded, GUARDED, True)
    return guarded


def guard_use_cases(cases: type) -> None:
    """Wraps the use cases a class defines itself; called for every capability service."""
    for name, function in list(vars(cases).items()):
        if records_an_act(function):
            setattr(cases, name, answers_duplicates(function))
