"""Exercise checks: ``check_xxx(answer)`` prints a pass or a specific hint.

A check never raises: a wrong type, a crash inside the learner's own function or
an unfinished ``...`` all become a sentence saying what is wrong. Each check wraps
a *grader*, a pure function returning :class:`Feedback`, which the unit tests call
directly (``check_xxx.grade(answer)``).

Checks for one notebook live in one module named for its topic; a notebook imports
them from that module (``from lessonlib.checks.sparse_features import ...``), so the
name in the notebook leads straight to the file.
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
