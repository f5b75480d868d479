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


def test_deep_dives_are_counted_apart_from_the_core():
    found = [st.Section("Introduction and setup", words=1500),           # 10 min
             st.Section("2. One data point", words=3000),                # 20 min
             st.Section("Deep dive: the constrained form", words=1500),  # 5 + 5 min
             st.Section("deep dive: lower case too", words=750)]
    core, deep = st.core_and_deep(found)
    assert core == pytest.approx(30) and deep == pytest.approx(15)
    assert st.is_deep_dive("Deep dive: x") and not st.is_deep_dive("3. Diving deep")
    row = st.markdown_row("04_norm-ball-geometry", found)
    assert row.startswith("| **04** (30 + 15 deep) |"), row
    assert "core 30.0 min, deep dives 15.0 min" in st.report("04_x", found)


def test_a_core_over_40_minutes_is_flagged():
    assert st.budget_note(40.0) == "ok"
    assert st.budget_note(41.2) == "OVER: core 41 min > 40 min"
    # deep dives do not count against the core's budget
    found = [st.Section("1. Core", words=150 * 39), st.Section("Deep dive: long", words=150 * 30)]
    core, deep = st.core_and_deep(found)
    assert st.budget_note(core) == "ok" and deep == pytest.approx(30)
    found.append(st.Section("2. More core", words=150 * 2))
    assert "OVER" in st.report("0x_over", found)
