"""The shared core: input validation, setup, the live figure widget, the check machinery."""

from __future__ import annotations

import math

import ipywidgets as widgets
import numpy as np
import pytest

import lessonlib
from lessonlib import _validate as v
from lessonlib._setup import CourseSetupError
from lessonlib.checks.core import (
    NOT_ATTEMPTED,
    PASS,
    TRY_AGAIN,
    Feedback,
    LearnerCodeError,
    call_learner,
    exercise,
)
from lessonlib.plots import new_figure
from lessonlib.widgets import LiveFigure, echo_slider


# --- validation -------------------------------------------------------------------------
@pytest.mark.parametrize("bad", [[1.0, np.nan], [np.inf], np.array([[1, -np.inf]])])
def test_non_finite_arrays_are_refused_by_name(bad):
    with pytest.raises(ValueError, match="weights contains"):
        v.as_float_array(bad, "weights")


@pytest.mark.parametrize("bad", ["abc", None, {"a": 1}])
def test_non_numbers_are_a_type_error(bad):
    with pytest.raises(TypeError, match="w must be numbers"):
        v.as_float_array(bad, "w")


def test_shape_and_emptiness():
    with pytest.raises(ValueError, match="a 1-D vector, got an array of shape"):
        v.as_float_array([[1.0]], "w", ndim=1)
    with pytest.raises(ValueError, match="must not be empty"):
        v.as_float_array([], "w")
    assert v.as_float_array([], "w", allow_empty=True).size == 0


def test_scalar_ranges_name_the_parameter_and_interval():
    assert v.as_scalar(0, "lam", low=0) == 0.0
    with pytest.raises(ValueError, match=r"lam must be in \[0, inf\], got -1"):
        v.as_scalar(-1, "lam", low=0)
    with pytest.raises(ValueError, match=r"eta must be in \(0, inf\]"):
        v.as_scalar(0, "eta", low=0, low_open=True)
    with pytest.raises(ValueError, match="finite"):
        v.as_scalar(math.nan, "lam")
    with pytest.raises(TypeError, match="must be a number"):
        v.as_scalar(True, "lam")
    with pytest.raises(TypeError):
        v.as_scalar("1", "lam")


def test_p_accepts_inf_and_refuses_zero():
    assert v.as_p(math.inf) == math.inf
    assert v.as_p(0.5) == 0.5
    for bad in (0, -1):
        with pytest.raises(ValueError, match=r"p must be in \(0"):
            v.as_p(bad)


def test_int_ranges():
    assert v.as_int(np.int64(3), "d", low=1) == 3
    with pytest.raises(ValueError, match=r"d must be a whole number in \[1, 20\], got 0"):
        v.as_int(0, "d", low=1, high=20)
    with pytest.raises(TypeError):
        v.as_int(2.5, "d")


# --- setup ------------------------------------------------------------------------------
def test_require_passes_on_this_version_and_explains_an_old_one():
    assert lessonlib.require("0.1") == lessonlib.__version__
    with pytest.raises(CourseSetupError, match="make lab"):
        lessonlib.require("99.0")
    with pytest.raises(TypeError):
        lessonlib.require(1.0)


def test_setup_is_seeded():
    a = lessonlib.setup(seed=5).normal(size=3)
    b = lessonlib.setup(seed=5).normal(size=3)
    assert np.array_equal(a, b)
    with pytest.raises(ValueError):
        lessonlib.setup(seed=-1)


def test_blas_threads_is_one_unless_a_test_asks_for_more(monkeypatch):
    from threadpoolctl import threadpool_info

    from lessonlib._setup import blas_threads

    monkeypatch.delenv("LESSONLIB_BLAS_THREADS", raising=False)
    assert blas_threads() == 1
    monkeypatch.setenv("LESSONLIB_BLAS_THREADS", "2")
    assert blas_threads() == 2
    lessonlib.setup(seed=0)  # applies it to every BLAS threadpoolctl knows
    assert {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"} <= {2}
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv("LESSONLIB_BLAS_THREADS", bad)
        with pytest.raises(ValueError, match="LESSONLIB_BLAS_THREADS"):
            blas_threads()
    monkeypatch.delenv("LESSONLIB_BLAS_THREADS")
    lessonlib.setup(seed=0)


# --- live figure ------------------------------------------------------------------------
def make_live():
    fig, ax = new_figure()
    (line,) = ax.plot([0, 1], [0, 1])
    slope = widgets.FloatSlider(value=1.0, min=0, max=2)

    def update(slope):
        line.set_ydata([0, slope])
        return f"slope = {slope:.1f}"

    return LiveFigure(fig, {"slope": slope}, update, title="a line"), slope


def test_live_figure_redraws_when_a_control_moves():
    live, slope = make_live()
    first = bytes(live.image.value)
    assert first.startswith(b"\x89PNG")
    assert live.readout.value == "slope = 1.0"
    slope.value = 2.0
    assert bytes(live.image.value) != first
    assert live.readout.value == "slope = 2.0"
    assert 0 < live.last_update_seconds < 5


def test_live_figure_plain_text_is_stable_and_helpful():
    live, _ = make_live()
    assert repr(live) == "Interactive figure: a line. (Run this cell to bring it to life.)"
    bundle = live._repr_mimebundle_()
    assert bundle["text/plain"] == repr(live)
    # A long title is kept whole (ipywidgets alone cuts the text at 110 characters).
    live.title = "a title long enough to push the sentence well past one hundred and ten characters"
    assert live._repr_mimebundle_()["text/plain"].endswith("(Run this cell to bring it to life.)")
    assert echo_slider()._repr_mimebundle_()["text/plain"].endswith("to life.)")


def test_live_figure_refuses_a_non_figure():
    with pytest.raises(TypeError, match="matplotlib Figure"):
        LiveFigure("not a figure", {}, lambda: None, title="x")


def test_echo_slider_echoes():
    w = echo_slider()
    w.slider.value = 9
    assert "<b>9</b>" in w.echo.value
    assert "Run this cell" in repr(w)


# --- checks -----------------------------------------------------------------------------
@exercise
def check_double(func):
    got = call_learner(func, 3)
    if got == 6:
        return Feedback.ok("Doubling works.")
    return Feedback.hint(f"double(3) gave {got!r}; expected 6.")


def test_check_passes_a_right_answer(capsys):
    check_double(lambda x: 2 * x)
    assert capsys.readouterr().out.startswith(PASS)


def test_check_hints_on_a_wrong_answer(capsys):
    check_double(lambda x: x + 2)
    assert capsys.readouterr().out.startswith(f"{TRY_AGAIN} double(3) gave 5")


def test_check_reports_an_unanswered_stub(capsys):
    check_double(...)
    assert capsys.readouterr().out.startswith(NOT_ATTEMPTED)


def test_check_never_raises_when_the_learner_code_crashes(capsys):
    def broken(x):
        return x / 0

    check_double(broken)
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN)
    assert "ZeroDivisionError" in out and "x / 0" in out


def test_check_never_raises_when_the_grader_trips(capsys):
    @exercise
    def check_len(x):
        return Feedback.ok() if len(x) == 2 else Feedback.hint("two items")

    check_len(5)  # len() of an int raises inside the grader
    assert capsys.readouterr().out.startswith(TRY_AGAIN)


def test_in_a_notebook_long_messages_are_wrapped_between_words(capsys, monkeypatch):
    from lessonlib.checks import core

    assert not core.in_notebook()  # pytest is not a Jupyter kernel: one line per message
    check_double(lambda x: "a long word " * 30)
    assert len(capsys.readouterr().out.splitlines()) == 1
    monkeypatch.setattr(core, "in_notebook", lambda: True)
    check_double(lambda x: "a long word " * 30)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 1 and all(len(line) <= core.MESSAGE_WIDTH for line in lines)
    assert lines[0].startswith(TRY_AGAIN)
    expected = str(check_double.grade(lambda x: "a long word " * 30))
    assert " ".join(lines) == " ".join(expected.split())  # nothing lost, no word cut


def test_call_learner_refuses_a_non_function():
    with pytest.raises(LearnerCodeError, match="expected a function"):
        call_learner(3)


def test_graders_are_reachable_for_tests():
    assert check_double.grade(lambda x: 2 * x).passed
    assert not check_double.grade(lambda x: x).passed


def test_setup_makes_returned_figures_render_as_images():
    # Regression: without the inline formatters a lessonlib Figure showed as bare text.
    import nbformat

    import notebooks as nbtool

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import lessonlib\nlessonlib.setup()\nfrom lessonlib.plots import new_figure\n"
        "fig, ax = new_figure()\nfig"
    )])
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                  "language": "python"}}
    nbtool.execute(nb)
    assert "image/png" in nb.cells[0].outputs[0]["data"]


def blit_pair():
    """The same figure rendered fully and by blitting, for comparing pixels."""
    import numpy as np

    def build(animated):
        fig, ax = new_figure()
        ax.plot([0, 1], [0, 1], color="grey")
        (dot,) = ax.plot([0.5], [0.5], "o", markersize=12)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        pos = widgets.FloatSlider(value=0.5, min=0, max=1)
        live = LiveFigure(fig, {"pos": pos}, lambda pos: dot.set_data([pos], [pos]),
                          title="dot", animated=[dot] if animated else ())
        return live, pos

    def pixels(live):
        from io import BytesIO

        from PIL import Image

        return np.asarray(Image.open(BytesIO(bytes(live.image.value))).convert("RGB"))

    return build, pixels


def test_blitting_draws_the_same_picture_as_a_full_redraw():
    build, pixels = blit_pair()
    full, full_pos = build(animated=False)
    blit, blit_pos = build(animated=True)
    for value in (0.2, 0.9):
        full_pos.value = value
        blit_pos.value = value
        a, b = pixels(full), pixels(blit)
        assert a.shape == b.shape
        # identical up to anti-aliasing noise on a handful of edge pixels
        assert (abs(a.astype(int) - b.astype(int)).max(axis=2) > 40).mean() < 0.002


def test_blitting_moves_the_animated_artist():
    build, pixels = blit_pair()
    blit, pos = build(animated=True)
    before = pixels(blit)
    pos.value = 0.9
    assert (before != pixels(blit)).any()
    blit.invalidate_background()
    pos.value = 0.1
    assert (before != pixels(blit)).any()


def test_animated_must_be_artists():
    fig, _ = new_figure()
    with pytest.raises(TypeError, match="matplotlib artists"):
        LiveFigure(fig, {}, lambda: None, title="x", animated=["line"])



def test_a_function_without_return_is_told_so_and_a_stub_is_unanswered(capsys):
    from lessonlib.checks.below_one import check_reweight_weights

    def stub(x, eps):
        ...

    def forgot_return(x, eps):
        1 / (np.abs(x) + eps)

    check_reweight_weights(stub)
    assert capsys.readouterr().out.startswith(NOT_ATTEMPTED)
    check_reweight_weights(forgot_return)
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN) and "returned None" in out and "return" in out
