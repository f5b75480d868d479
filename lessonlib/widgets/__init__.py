"""Widget builders: controls wired to plot functions.

Every builder returns a :class:`~lessonlib.widgets.live.LiveFigure`: the controls
above a picture that is re-rendered in the kernel when a control moves. Its plain
text form is a stable sentence, so nbval can compare the cell and a reopened
notebook tells the learner to run the cell instead of showing an error.
"""

from lessonlib.widgets.live import LiveFigure, echo_slider

__all__ = ["LiveFigure", "echo_slider"]
