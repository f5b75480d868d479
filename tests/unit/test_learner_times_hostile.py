"""`make learner-times` on logs written by a hostile learner: it must finish, skip and count
what is bad, never open a path a log names, never print a terminal escape, and still give the
right figures for the good lines.

learner_times.py runs as a separate process with a timeout: a FIFO opened for reading, or
/dev/zero read to the end, would hang it or eat the machine's memory; the timeout turns such
a regression into a failure instead of a stuck test run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "learner_times.py"
NB = "00_start-here.ipynb"
T0 = 1_800_000_000.0

spec = importlib.util.spec_from_file_location("learner_times_h", SCRIPT)
lt = importlib.util.module_from_spec(spec)
sys.modules["learner_times_h"] = lt  # dataclasses look their module up there
spec.loader.exec_module(lt)


def good_lines() -> list[str]:
    """Two minutes in "Check your environment", three reading "How exercises work", a hint
    and then a pass on its exercise (3 learners' worth of lines would say the same)."""
    events = [
        {"t": T0, "event": "run", "notebook": NB, "section": "Check your environment"},
        {"t": T0 + 120, "event": "run", "notebook": NB, "section": "Check your environment"},
        {"t": T0 + 300, "event": "check", "notebook": NB, "section": "How exercises work",
         "exercise": "count-nonzeros", "result": "hint", "hint": "❌ Not yet. count again"},
        {"t": T0 + 360, "event": "check", "notebook": NB, "section": "How exercises work",
         "exercise": "count-nonzeros", "result": "pass"},
    ]
    return [json.dumps(e) for e in events]


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """learner_times.py in its own process; a hang or a crash fails the test."""
    done = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                          timeout=timeout, cwd=ROOT, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    return done


def assert_no_escapes(out: bytes) -> None:
    text = out.decode("utf-8")
    bad = [hex(ord(c)) for c in text if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0
           or c in "\u202e\u2066\u200f"]
    assert not bad, f"control characters reached the terminal: {bad[:10]}"


def assert_good_figures(out: str) -> None:
    """The figures of :func:`good_lines`: 2 and 4 minutes, 1 try to pass after a hint."""
    rows = [line.split() for line in out.splitlines()]
    assert ["Check", "your", "environment", "1", "2.0", "0"] in rows, out
    assert ["How", "exercises", "work", "1", "4.0", "0"] in rows, out
    assert ["count-nonzeros", "1", "1", "2", "1.0"] in rows, out
    assert ["1", "learner(s):", "❌", "Not", "yet.", "count", "again"] in rows, out


@pytest.fixture
def home(tmp_path) -> Path:
    """A hub's homes folder with one learner whose log is good."""
    log = tmp_path / "home" / "ada" / ".lessonlib" / "pace.jsonl"
    log.parent.mkdir(parents=True)
    log.write_text("\n".join(good_lines()) + "\n")
    return tmp_path / "home"


HOSTILE_LINES = [
    # numbers that overflow or are not numbers
    '{"t": 1' + "0" * 400 + ', "event": "run", "notebook": "00_start-here.ipynb"}',
    '{"t": ' + "9" * 5000 + ', "event": "run", "notebook": "00_start-here.ipynb"}',
    '{"t": NaN, "event": "run", "notebook": "00_start-here.ipynb"}',
    '{"t": Infinity, "event": "run", "notebook": "00_start-here.ipynb"}',
    '{"t": -Infinity, "event": "run", "notebook": "00_start-here.ipynb"}',
    '{"t": 1e308, "event": "run", "notebook": "00_start-here.ipynb"}',
    '{"t": true, "event": "run", "notebook": "00_start-here.ipynb"}',
    # nesting deeper than any parser's stack, and just under the line length limit
    "[" * 100_000 + "]" * 100_000,
    '{"t": 1800000400, "event": "run", "notebook": ' + "[" * 1900 + "]" * 1900 + "}",
    # fields of the wrong type or size
    '{"t": 1800000400, "event": "run", "notebook": "00_start-here.ipynb", "section": {"a": 1}}',
    '{"t": 1800000400, "event": "run", "notebook": "00_start-here.ipynb", "section": "'
    + "x" * 3000 + '"}',
    '{"t": 1800000400, "event": "check", "notebook": "00_start-here.ipynb", "result": "owned"}',
    "[1, 2, 3]",
    '"just a string"',
    '{"t": 1800000400, "event": "ru',
    "\x00\x00\x00",
]


def test_hostile_lines_are_skipped_and_counted_and_the_good_ones_still_add_up(home):
    log = home / "ada" / ".lessonlib" / "pace.jsonl"
    lines = good_lines()
    mixed = [lines[0], *HOSTILE_LINES[:8], lines[1], *HOSTILE_LINES[8:], lines[2], lines[3]]
    log.write_text("\n".join(mixed) + "\n")
    out = run(str(log)).stdout.decode()
    assert out.startswith(f"1 learner logs, 4 events, {len(HOSTILE_LINES)} unreadable lines"), out
    assert_good_figures(out)
    now = run("--now", str(log)).stdout.decode()
    assert "where the room is (1 learner" in now and "00 · How exercises work: 1" in now


def test_deep_nesting_under_the_length_limit_is_a_bad_line_not_a_recursion_error():
    line = '{"t": 1800000400, "notebook": ' + "[" * 1900 + "]" * 1900 + "}"
    assert len(line) < lt.MAX_LINE_CHARS
    with pytest.raises(ValueError, match="nested too deeply"):
        lt.parse_event(line)


def test_a_notebook_name_is_looked_up_never_opened(home, tmp_path):
    fifo = tmp_path / "trap.ipynb"
    os.mkfifo(fifo)  # opening it for reading would wait forever for a writer
    names = ["../../../../../../dev/zero", "/dev/zero", "/etc/passwd", str(fifo),
             f"../../../{fifo.name}", "00_start-here.ipynb/../x", "..", "",
             "03_l1-zeroing.ipynb\x00.txt", "notebooks/00_start-here.ipynb"]
    log = home / "ada" / ".lessonlib" / "pace.jsonl"
    bad = [{"t": T0 + 10, "event": "run", "notebook": n, "section": "s"} for n in names]
    log.write_text("\n".join(good_lines() + [json.dumps(b) for b in bad]) + "\n")
    out = run(str(log), timeout=120).stdout.decode()
    assert out.startswith("1 learner logs, 4 events, 0 unreadable lines"), out
    assert f"{len(names)} lines about files that are not course notebooks skipped" in out, out
    assert_good_figures(out)
    assert not [n for n in names if len(n) > 2 and n in out]
    # and the function that reads a notebook's sections takes only the course's names
    assert lt.course_order(str(fifo)) == ([], {})
    assert lt.course_order("../notebooks/00_start-here.ipynb") == ([], {})


def test_logs_that_are_not_regular_files_are_skipped_without_waiting(home, tmp_path):
    good = home / "ada" / ".lessonlib" / "pace.jsonl"
    fifo = home / "bob" / ".lessonlib" / "pace.jsonl"
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    link = home / "eve" / ".lessonlib" / "pace.jsonl"  # a link to a file eve may not read
    link.parent.mkdir(parents=True)
    secret = tmp_path / "instructors-secret.jsonl"
    secret.write_text("\n".join(good_lines()) + "\n")
    link.symlink_to(secret)
    linked_dir = home / "mal" / ".lessonlib"  # the folder itself a link
    linked_dir.parent.mkdir(parents=True)
    linked_dir.symlink_to(good.parent)
    done = run(str(good), str(fifo), str(link), str(linked_dir / "pace.jsonl"), "/dev/zero",
               timeout=120)
    out = done.stdout.decode()
    assert f"skipped {fifo}: not a regular file" in out
    assert f"skipped {link}: a symbolic link" in out
    assert f"skipped {linked_dir / 'pace.jsonl'}: its .lessonlib folder is a symbolic link" in out
    assert "skipped /dev/zero: not a regular file" in out
    assert "1 learner logs, 4 events, 0 unreadable lines" in out
    assert_good_figures(out)
    # make learner-times' default: every home's log, found by a glob, read the same way
    assert lt.read_log(good).events and lt.main(["--now", str(fifo), str(good)]) == 0


def test_a_huge_log_is_read_only_up_to_the_cap(tmp_path):
    log = tmp_path / "big.jsonl"
    with open(log, "w") as f:
        f.write("\n".join(good_lines()) + "\n")
        f.truncate(lt.MAX_LOG_BYTES + 5_000_000)  # a sparse file: 25 MB of zero bytes
    data, cut = lt.read_bytes(log)
    assert cut and len(data) == lt.MAX_LOG_BYTES
    learner = lt.read_log(log)
    assert len(learner.events) == 4 and learner.unreadable >= 1  # the cut counts as bad
    out = run(str(log)).stdout.decode()
    assert out.startswith("1 learner logs, 4 events, ")


def test_escapes_and_control_characters_never_reach_the_terminal(tmp_path):
    evil = "\x1b]0;pwned\x07\x1b]8;;file:///etc\x1b\\link\x1b]8;;\x1b\\\x1b[2J\x1b[31m\r\u202e\b"
    home = tmp_path / "home"
    log = home / f"mal{evil}" / ".lessonlib" / "pace.jsonl"
    log.parent.mkdir(parents=True)
    events = [
        {"t": T0, "event": "run", "notebook": NB, "section": f"Check your environment{evil}"},
        {"t": T0 + 60, "event": "check", "notebook": NB, "section": f"s{evil}",
         "exercise": f"count{evil}", "result": "hint", "hint": f"❌ Not yet{evil}"},
        {"t": T0 + 90, "event": "check", "notebook": NB, "section": f"s{evil}",
         "exercise": f"count{evil}", "result": "hint", "message": f"old{evil}"},
    ]
    log.write_text("\n".join(json.dumps(e) for e in events) + "\n")
    for args in ([str(log)], ["--now", str(log)], ["--markdown", str(log)]):
        out = run(*args).stdout
        assert_no_escapes(out)
        assert b"pwned" not in out or b"\x1b" not in out
    now = run("--now", str(log)).stdout.decode()
    assert "may be stuck" in now and "count" in now  # the good parts are still shown


def test_it_runs_in_a_hubs_user_environment_without_the_developer_tools(home):
    """On The Littlest JupyterHub it runs from the learners' environment (binder/'s pins):
    no jupytext there. Only --markdown needs it."""
    log = home / "ada" / ".lessonlib" / "pace.jsonl"
    code = ("import runpy, sys; sys.modules['jupytext'] = None; "
            f"sys.argv = ['learner_times.py', {str(log)!r}]; "
            f"runpy.run_path({str(SCRIPT)!r}, run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert_good_figures(done.stdout.decode())
