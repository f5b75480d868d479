"""Exercise checks: ``check_xxx(answer)`` prints a pass or a specific hint.

A check never raises: a wrong type, a crash inside the learner's own function or
an unfinished ``...`` all become a sentence saying what is wrong. Each check wraps
a *grader*, a pure function returning :class:`Feedback`, which the unit tests call
directly (``check_xxx.grade(answer)``).

Checks for one notebook live in one module named for its topic and are all
re-exported here, so a notebook imports them with ``from lessonlib.checks import ...``.
"""

from lessonlib.checks.core import (
    NOT_ATTEMPTED,
    PASS,
    TRY_AGAIN,
    Feedback,
    LearnerCodeError,
    call_learner,
    exercise,
    is_unanswered,
)

__all__ = [
    "NOT_ATTEMPTED",
    "PASS",
    "TRY_AGAIN",
    "Feedback",
    "LearnerCodeError",
    "call_learner",
    "exercise",
    "is_unanswered",
]
