"""Pace logs (lessonlib/pace.py) and the room's minutes computed from them
(benchmarks/learner_times.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from lessonlib import pace
from lessonlib.checks.start_here import check_nonzero_count

ROOT = Path(__file__).resolve().parents[2]
NB00 = ROOT / "notebooks" / "00_start-here.ipynb"

spec = importlib.util.spec_from_file_location("learner_times",
                                              ROOT / "benchmarks" / "learner_times.py")
lt = importlib.util.module_from_spec(spec)
sys.modules["learner_times"] = lt  # dataclasses look their module up there
spec.loader.exec_module(lt)


class FakeShell:
    """What pace.start needs of IPython: its events, and the cell running now."""

    def __init__(self, running_cell=None):
        self.callbacks = []
        self.events = SimpleNamespace(register=self._register, unregister=self._unregister)
        self.displayhook = SimpleNamespace(
            exec_result=SimpleNamespace(info=SimpleNamespace(cell_id=running_cell)))

    def _register(self, name, callback):
        assert name == "pre_run_cell"
        self.callbacks.append(callback)

    def _unregister(self, name, callback):
        self.callbacks.remove(callback)

    def run(self, cell_id):
        for callback in self.callbacks:
            callback(SimpleNamespace(cell_id=cell_id))


@pytest.fixture
def logging_on(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # where the opt-out file lives
    log = tmp_path / "home" / ".lessonlib" / "pace.jsonl"
    monkeypatch.setenv(pace.ENV_VAR, str(log))
    monkeypatch.setenv("JPY_SESSION_NAME", str(NB00))
    monkeypatch.setattr(pace, "_active", None)
    return log


def _lines(path):
    return [json.loads(x) for x in path.read_text().splitlines()]


def test_sections_and_exercises_come_from_the_notebook():
    content = json.loads(NB00.read_text())
    sections = pace.section_map(content)
    assert sections["c000"] == pace.FIRST_SECTION
    assert sections["c004"] == "Check your environment"
    assert sections["c017"] == "How exercises work"
    assert pace.exercise_map(content) == {"check_push_ratio": "push-ratio",
                                          "check_nonzero_count": "count-nonzeros"}


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")),
                         ids=lambda p: p.stem[:2])
def test_every_check_call_is_tied_to_an_exercise_of_its_notebook(path):
    content = json.loads(path.read_text())
    ids = {c["metadata"]["exercise"] for c in content["cells"]
           if c["metadata"].get("exercise")}
    found = pace.exercise_map(content)
    assert set(found.values()) == ids, "an exercise whose check is not found, or the reverse"


def test_off_unless_the_variable_is_set(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(pace.ENV_VAR, raising=False)
    monkeypatch.setattr(pace, "_active", None)
    shell = FakeShell()
    assert pace.start(shell) is None
    assert shell.callbacks == [] and capsys.readouterr().out == ""
    pace.record_check("check_x", "pass", "fine")  # must be a silent no-op


def test_runs_are_logged_with_their_section_and_the_learner_is_told(logging_on, capsys):
    shell = FakeShell(running_cell="c004")
    log = pace.start(shell)
    assert log is not None and log.path == logging_on
    assert str(logging_on) in capsys.readouterr().out
    shell.run("c006")
    shell.run("a-cell-the-learner-added")  # counts where they were working
    shell.run("c017")
    lines = _lines(logging_on)
    assert [x["event"] for x in lines] == ["open", "setup", "run", "run", "run"]
    assert [x["section"] for x in lines] == (
        [pace.FIRST_SECTION] + ["Check your environment"] * 3 + ["How exercises work"])
    # "open" is when this process (the kernel, in a notebook) started: before everything else.
    assert lines[0]["t"] <= lines[1]["t"]
    assert {x["notebook"] for x in lines} == {"00_start-here.ipynb"}
    assert lines[0]["t"] <= lines[-1]["t"] <= time.time() + 0.001  # stored to the ms


def test_a_rerun_setup_cell_keeps_one_log_and_one_notice(logging_on, capsys):
    shell = FakeShell(running_cell="c004")
    pace.start(shell)
    pace.start(shell)
    assert len(shell.callbacks) == 1
    assert capsys.readouterr().out.count("This workshop times the course") == 1
    shell.run("c006")
    assert [x["event"] for x in _lines(logging_on)] == ["open", "setup", "setup", "run"]


def test_checks_log_their_result_and_the_kind_of_hint_only(logging_on, capsys):
    pace.start(FakeShell(running_cell="c016"))
    assert "This workshop times the course" in capsys.readouterr().out  # the notice
    check_nonzero_count(...)
    check_nonzero_count(5)
    check_nonzero_count(2)
    checks = [x for x in _lines(logging_on) if x["event"] == "check"]
    assert [x["result"] for x in checks] == ["unanswered", "hint", "pass"]
    assert {x["exercise"] for x in checks} == {"count-nonzeros"}
    assert {x["section"] for x in checks} == {"How exercises work"}
    printed = capsys.readouterr().out.splitlines()
    assert printed[1].startswith("❌ Not yet. 5 is the length")  # what the learner saw ...
    # ... and what the log keeps: the kind of hint, the learner's 5 blanked out
    assert checks[1]["hint"] == pace.hint_kind(printed[1]).rstrip()
    assert checks[1]["hint"].startswith("❌ Not yet. # is the length")
    assert "hint" not in checks[0] and "hint" not in checks[2]
    assert not any("message" in x for x in checks)


SECRET = "hunter2-SECRET"


def _leaky(w, t):
    note = "hunter2-SECRET in the learner's code"  # noqa: F841 - the line a traceback shows
    raise ValueError(f"{SECRET} in the exception text. Fix that and run both cells again.")


class _Opaque:
    def __repr__(self):
        return f"<Opaque {SECRET}>"


def test_the_log_never_holds_the_learners_code_arguments_or_exception_text(logging_on, capsys):
    """Checks quote all three to the learner; none of it may reach the file."""
    from lessonlib.checks.l1_zeroing import check_soft_threshold
    from lessonlib.checks.overfitting import check_l1_part

    pace.start(FakeShell(running_cell="c016"))
    check_soft_threshold(_leaky)             # exception text, source line, arguments
    check_soft_threshold(SECRET)             # not a function: its repr
    check_nonzero_count(SECRET)              # a string answer, quoted back
    check_nonzero_count(_Opaque())           # an object's repr
    check_l1_part(SECRET)
    shown = capsys.readouterr().out
    assert shown.count(SECRET) >= 4, "the learner is still told what went wrong"
    checks = [x for x in _lines(logging_on) if x["event"] == "check"]
    assert [x["result"] for x in checks] == ["hint"] * 5
    assert "hunter2" not in logging_on.read_text()
    assert "raised ValueError" in checks[0]["hint"], "the kind of error is still there"


def test_the_notice_says_what_is_recorded_where_and_how_to_stop(logging_on, capsys):
    pace.start(FakeShell(running_cell="c004"))
    notice = " ".join(capsys.readouterr().out.split())
    for words in (str(logging_on), "the time you run each cell", "notebook and section",
                  "the result", "kind of hint", "never records your code, your answers or your "
                  "outputs", "deletes them within 30 days", "lessonlib.pace.opt_out()",
                  pace.OPT_OUT_FILE):
        assert words in notice, words


def test_opting_out_lasts_across_kernels_and_restarts(logging_on, monkeypatch, capsys):
    shell = FakeShell(running_cell="c004")
    pace.start(shell)
    pace.opt_out()
    assert pace.active() is None and shell.callbacks == []
    assert (logging_on.parent / "no-pace").exists()
    assert "every later session" in capsys.readouterr().out
    pace.record_check("check_nonzero_count", "hint", "❌ Not yet.")
    before = logging_on.read_text()
    # a new kernel (a restart, another notebook): the variable is still set by the hub
    monkeypatch.setattr(pace, "_active", None)
    assert pace.start(FakeShell(running_cell="c004")) is None
    check_nonzero_count(2)
    assert logging_on.read_text() == before and capsys.readouterr().out.count("workshop") == 0
    pace.opt_in()
    assert pace.start(FakeShell(running_cell="c004")) is not None


def test_checks_publish_through_a_hook_and_do_not_import_the_pace_log():
    code = ("import sys, lessonlib.checks.core as core; "
            "print('lessonlib.pace' in sys.modules, hasattr(core, 'pace'))")
    out = __import__("subprocess").run([sys.executable, "-c", code], capture_output=True,
                                       text=True, check=True, cwd=ROOT).stdout.split()
    assert out == ["False", "False"]


def test_an_unwritable_log_never_stops_a_cell(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(pace.ENV_VAR, str(blocker / "pace.jsonl"))  # a file is not a folder
    monkeypatch.setenv("JPY_SESSION_NAME", str(NB00))
    monkeypatch.setattr(pace, "_active", None)
    shell = FakeShell()
    pace.start(shell)
    shell.run("c006")
    check_nonzero_count(2)
    assert capsys.readouterr().out.splitlines()[-1].startswith("✅ Correct.")
    assert blocker.read_text() == ""


def test_any_text_a_check_prints_can_be_logged(logging_on):
    pace.start(FakeShell(running_cell="c016"))
    pace.record_check("check_nonzero_count", "hint", "❌ Not yet. you gave \ud800")
    assert _lines(logging_on)[-1]["hint"] == "❌ Not yet. you gave \ud800"


def test_clearing_the_variable_and_rerunning_setup_stops_logging(logging_on, monkeypatch):
    shell = FakeShell(running_cell="c004")
    pace.start(shell)
    monkeypatch.setenv(pace.ENV_VAR, "")
    assert pace.start(shell) is None and pace.active() is None
    assert shell.callbacks == []
    pace.record_check("check_nonzero_count", "pass", "✅ Correct.")
    assert [x["event"] for x in _lines(logging_on)] == ["open", "setup"]


def test_only_notebooks_opened_in_jupyter_are_logged(logging_on, monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME")  # a script or a test run from a hub terminal
    assert pace.start(FakeShell()) is None
    assert not logging_on.exists()


def test_a_moved_notebook_is_logged_by_file_name_only(logging_on, monkeypatch):
    monkeypatch.setenv("JPY_SESSION_NAME", "/home/jupyter-ada/old/renamed.ipynb")
    shell = FakeShell(running_cell="c004")
    pace.start(shell)
    shell.run("c006")
    lines = _lines(logging_on)
    assert {x["notebook"] for x in lines} == {"renamed.ipynb"}
    assert "ada" not in logging_on.read_text()
    assert {x["section"] for x in lines} == {pace.FIRST_SECTION}  # no sections known


def test_a_real_kernel_logs_the_cell_ids_jupyterlab_sends(tmp_path):
    """The protocol as JupyterLab speaks it: execute_request with metadata.cellId."""
    jupyter_client = pytest.importorskip("jupyter_client")
    log = tmp_path / "pace.jsonl"
    km = jupyter_client.KernelManager(kernel_name="python3")
    env = {**__import__("os").environ, pace.ENV_VAR: str(log), "JPY_SESSION_NAME": str(NB00)}
    km.start_kernel(env=env, cwd=str(NB00.parent))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        for cell_id, code in [("c004", "import lessonlib\nrng = lessonlib.setup(seed=0)"),
                              ("c006", "x = 1"), ("c017", "nonzeros = 2")]:
            msg = kc.session.msg("execute_request",
                                 {"code": code, "silent": False, "store_history": True,
                                  "user_expressions": {}, "allow_stdin": False,
                                  "stop_on_error": True},
                                 metadata={"cellId": cell_id})
            kc.shell_channel.send(msg)
            reply = kc.get_shell_msg(timeout=60)
            while reply["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
                reply = kc.get_shell_msg(timeout=60)  # a late kernel_info_reply of the wait
            assert reply["content"]["status"] == "ok", reply["content"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    lines = _lines(log)
    assert [(x["event"], x.get("cell")) for x in lines] == [
        ("open", None), ("setup", "c004"), ("run", "c006"), ("run", "c017")]
    assert lines[1]["t"] - lines[0]["t"] < 60, "'open' is not the kernel's start"
    assert lines[-1]["section"] == "How exercises work"


# --- benchmarks/learner_times.py ----------------------------------------------------------

def _write(path, events):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(e) + "\n" for e in events))
    return path


def _run(t, section, nb="00_start-here.ipynb"):
    return {"t": t, "event": "run", "notebook": nb, "section": section}


def _check(t, result, message="❌ Not yet. count again", section="How exercises work"):
    line = {"t": t, "event": "check", "notebook": "00_start-here.ipynb", "section": section,
            "exercise": "count-nonzeros", "result": result}
    return {**line, "hint": message} if result == "hint" else line


def test_gaps_count_for_the_later_section_and_breaks_are_left_out(tmp_path):
    learner = lt.read_log(_write(tmp_path / "a.jsonl", [
        _run(0, "Check your environment"),
        _run(120, "Check your environment"),          # 2 min
        _run(300, "How exercises work"),              # 3 min reading the next section
        _run(300 + 20 * 60, "How exercises work"),    # a 20-minute break
        _run(300 + 21 * 60, "How exercises work"),    # 1 min
    ]))
    minutes, breaks = lt.split_minutes(learner)
    assert minutes == {("00_start-here.ipynb", "Check your environment"): pytest.approx(2.0),
                       ("00_start-here.ipynb", "How exercises work"): pytest.approx(4.0)}
    assert breaks == 1
    minutes, breaks = lt.split_minutes(learner, break_minutes=30)
    assert minutes[("00_start-here.ipynb", "How exercises work")] == pytest.approx(24.0)
    assert breaks == 0


def test_unreadable_lines_are_counted_not_fatal(tmp_path):
    path = _write(tmp_path / "a.jsonl", [_run(0, "s"), _run(60, "s")])
    path.write_text(path.read_text() + '{"t": 90, "event": "ru')  # a line cut short
    learner = lt.read_log(path)
    assert len(learner.events) == 2 and learner.unreadable == 1


def test_exercises_count_tries_to_the_first_pass_and_the_hints_shown(tmp_path):
    a = lt.read_log(_write(tmp_path / "a.jsonl", [
        _check(0, "unanswered", "✏️ Not answered yet."),   # not a try
        _check(60, "hint"), _check(120, "hint"), _check(240, "pass", "✅ Correct."),
        _check(300, "hint")]))                               # after passing: not counted
    b = lt.read_log(_write(tmp_path / "b.jsonl", [_check(0, "pass", "✅ Correct.")]))
    c = lt.read_log(_write(tmp_path / "c.jsonl", [_check(0, "hint", "❌ Not yet. other")]))
    stats = lt.exercise_stats([a, b, c])[("00_start-here.ipynb", "count-nonzeros")]
    assert (stats.tried, stats.passed) == (3, 2)
    assert sorted(stats.tries_to_pass) == [1, 3]
    assert sorted(stats.minutes_to_pass) == [pytest.approx(0.0), pytest.approx(3.0)]
    # learner a saw "count again" twice: it counts once, as one learner stuck on it
    assert dict(stats.hints) == {"❌ Not yet. count again": 1, "❌ Not yet. other": 1}


def test_hints_that_differ_only_in_the_learners_values_are_one_stall(tmp_path):
    # Logs written before pace masked hints held the sentence as printed ("message"):
    # they are masked when read.
    logs = [lt.read_log(_write(tmp_path / f"{i}.jsonl", [
        {**_check(0, "hint"), "hint": None,
         "message": f"❌ Not yet. you gave {value}; count the entries that are not 0"},
        {**_check(9, "hint"), "hint": None,
         "message": f"❌ Not yet. your function raised ValueError (line 2: `{code}`)"}]))
        for i, (value, code) in enumerate([(5, "x[0]"), (2.5, "np.sum(x)"), (-1e3, "x")])]
    hints = lt.exercise_stats(logs)[("00_start-here.ipynb", "count-nonzeros")].hints
    assert dict(hints) == {
        "❌ Not yet. you gave #; count the entries that are not #": 3,
        "❌ Not yet. your function raised ValueError …": 3}


def test_the_report_follows_the_course_order_and_gives_medians(tmp_path, capsys):
    logs = []
    for i, minutes in enumerate([2, 4, 9]):
        logs.append(_write(tmp_path / f"l{i}" / "pace.jsonl", [
            _run(0, "Check your environment"),
            _run(60 * minutes, "How exercises work"),
            _check(60 * minutes + 30, "pass", "✅ Correct."),
        ]))
    assert lt.main([str(p) for p in logs]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 learner logs, 9 events, 0 unreadable lines")
    rows = [line for line in out.splitlines() if line.startswith(("Check your", "How exercises",
                                                                  "The course map"))]
    # The course's own order, with a section nobody reached and one all three only ran
    # through (0 min: not in its median); median of 2.5, 4.5, 9.5 min.
    assert rows[0].split() == ["The", "course", "map", "0", "-", "0"]
    assert rows[1].split() == ["Check", "your", "environment", "0", "-", "3"]
    assert rows[2].split()[-4:] == ["3", "4.5", "3.5-7.0", "0"]
    assert "count-nonzeros" in out and "    3      3" in out
    assert lt.main(["--markdown", *map(str, logs)]) == 0
    row = capsys.readouterr().out.strip()
    assert row == "| **00** (4, n = 3) | How exercises work + `count-nonzeros` 4 |"


def test_a_restart_and_a_run_all_do_not_pull_the_medians_down(tmp_path):
    nb = "03_l1-zeroing.ipynb"
    learner = lt.read_log(_write(tmp_path / "a.jsonl", [
        _run(0, "1. The kink at zero", nb),
        _run(300, "1. The kink at zero", nb),              # 5 min reading and running
        {"t": 360, "event": "open", "notebook": nb, "section": pace.FIRST_SECTION},
        *[_run(361 + i, f"{i}. section", nb) for i in range(2, 6)],   # Run All: 1 s each
    ]))
    minutes, _ = lt.split_minutes(learner)
    # the minute before the restart was spent in §1, not in the introduction
    assert minutes[(nb, "1. The kink at zero")] == pytest.approx(6.0)
    assert minutes[(nb, pace.FIRST_SECTION)] == 0.0
    tables, totals, _ = lt.notebook_tables([learner])
    by_title = {s.title: s for s in tables[nb]}
    assert by_title["1. The kink at zero"].minutes_by_learner == [pytest.approx(6.0)]
    assert by_title["3. section"].minutes_by_learner == []
    assert by_title["3. section"].ran_through == 1
    assert totals[nb] == [pytest.approx(6.0 + 6 / 60)]  # every second still counts here


def test_two_notebooks_open_share_one_timeline(tmp_path):
    a, b = "01_sparse-features.ipynb", "02_zeno-l2.ipynb"
    learner = lt.read_log(_write(tmp_path / "a.jsonl", [
        _run(0, "s1", a), _run(120, "s1", b), _run(180, "s1", a)]))
    minutes, _ = lt.split_minutes(learner)
    assert minutes == {(a, "s1"): pytest.approx(1.0), (b, "s1"): pytest.approx(2.0)}


def test_no_logs_says_where_they_come_from(tmp_path, capsys):
    assert lt.main([str(tmp_path / "missing.jsonl")]) == 1
    assert pace.ENV_VAR in capsys.readouterr().out


def test_sections_start_at_level_two_headings_only():
    nb = nbformat.read(NB00, as_version=4)
    headings = [pace.section_title(c.source) for c in nb.cells if c.cell_type == "markdown"]
    assert [h for h in headings if h] == [
        "The course map", "How to run the course", "Check your environment",
        "How exercises work", "Summary"]


def test_the_room_now_says_where_each_learner_is_and_who_may_be_stuck(tmp_path, capsys):
    home = tmp_path / "home"
    ada = _write(home / "ada" / ".lessonlib" / "pace.jsonl", [
        _run(0, "Check your environment"), _check(60, "hint"), _check(120, "hint")])
    bob = _write(home / "bob" / ".lessonlib" / "pace.jsonl", [
        _run(0, "Check your environment"), _check(60, "hint"),
        _check(90, "pass", "✅ Correct.")])                     # passed after a hint
    eve = _write(home / "eve" / ".lessonlib" / "pace.jsonl", [
        _run(0, "Check your environment"), _run(30, "Check your environment")])
    learners = [lt.read_log(p) for p in (ada, bob, eve)]
    text = lt.room_now(learners, now=120 + 11 * 60)
    lines = text.splitlines()
    assert lines[0] == "where the room is (3 learners, 11.0 min after the last event)"
    assert "  00 · Check your environment: 1 (quiet over 10 min: eve)" in lines
    assert "  00 · How exercises work: 2 (quiet over 10 min: ada, bob)" in lines
    stuck = lines[lines.index("may be stuck (latest check a hint, no pass since):") + 1:]
    assert stuck == ["  ada  00 `count-nonzeros`, 2 hint(s), latest 11 min ago: "
                     "❌ Not yet. count again"]
    assert lt.main(["--now", str(ada), str(bob)]) == 0
    assert capsys.readouterr().out.startswith("where the room is (2 learners")
