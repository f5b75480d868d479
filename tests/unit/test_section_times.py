"""The learner-minutes model behind the instructor guide's timings (benchmarks/section_times.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import nbformat
import pytest

PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "section_times.py"
spec = importlib.util.spec_from_file_location("section_times", PATH)
st = importlib.util.module_from_spec(spec)
sys.modules["section_times"] = st  # dataclasses look their module up there
spec.loader.exec_module(st)


def test_a_formula_counts_as_one_word():
    assert st._words("The L2 step $w \\leftarrow (1 - 2\\eta\\lambda) w$ multiplies.") == 5


def test_outputs_tell_figure_widgets_from_progress_bars_and_images():
    def out(data):
        return nbformat.v4.new_output("display_data", data=data)

    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        out({st.WIDGET_MIME: {}, "text/plain": "Interactive figure: x. (Run this cell to…"}),
        out({st.WIDGET_MIME: {}, "text/plain": "FTRL l1=3:  40%|####"}),
        out({"image/png": "", "text/plain": "<Figure>"}),
        nbformat.v4.new_output("stream", name="stdout", text="a\nb\n"),
    ]
    assert st._outputs(cell) == (2, 1, 1)


def test_minutes_add_the_stated_rates():
    section = st.Section("s", words=st.WORDS_PER_MINUTE, code_lines=12, output_lines=30,
                         figures=2, widgets=0, run_seconds=30.0,
                         exercise_seconds=st.SECONDS_PER_VALUE_EXERCISE)
    expected = 1 + 12 * 5 / 60 + 30 * 2 / 60 + 1 + 0.5 + 3
    assert section.minutes == pytest.approx(expected)


def test_run_seconds_come_from_nbclient_timing():
    cell = nbformat.v4.new_code_cell("x")
    cell.metadata["execution"] = {"iopub.execute_input": "2026-11-23T10:00:00.000000Z",
                                  "shell.execute_reply": "2026-11-23T10:00:02.500000Z"}
    assert st._run_seconds(cell) == pytest.approx(2.5)
    assert st._run_seconds(nbformat.v4.new_code_cell("y")) == 0.0


def test_markdown_row_names_sections_exercises_and_total():
    found = [st.Section("Introduction and setup", words=300),
             st.Section("2. One data point", words=150, exercise_seconds=180,
                        exercises=["touch-l1"])]
    row = st.markdown_row("04_norm-ball-geometry", found)
    assert row == "| **04** (6) | Introduction and setup 2 · §2 One data point + `touch-l1` 4 |"
