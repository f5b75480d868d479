"""The limits of a check: a learner's function is stopped after a few seconds (the limit is
lowered here), an interrupt gives a sentence, and the alarm leaves no trace behind."""

from __future__ import annotations

import signal
import threading
import time

import numpy as np
import pytest

from lessonlib.checks import core
from lessonlib.checks.core import TRY_AGAIN, Feedback, call_learner, exercise
from lessonlib.checks.l1_zeroing import check_ista_step, check_soft_threshold
from lessonlib.checks.wide_lab import check_ftrl_weights

needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM here")


@pytest.fixture
def short_limit(monkeypatch):
    monkeypatch.setattr(core, "LEARNER_TIME_LIMIT", 0.2)


def forever(*args):
    while True:
        pass


def swallows_everything(*args):
    n = 0
    while True:
        try:
            n += 1
        except:  # noqa: E722 - a learner may write this; the alarm repeats until it lands
            pass


def sleeps(*args):
    time.sleep(60)


def sleeps_and_swallows(*args):
    while True:
        try:
            time.sleep(10)  # every alarm arrives here, inside the try
        except:  # noqa: E722
            pass


@needs_alarm
@pytest.mark.parametrize("func", [forever, swallows_everything, sleeps, sleeps_and_swallows])
@pytest.mark.parametrize("check", [check_soft_threshold, check_ista_step, check_ftrl_weights])
def test_a_function_that_never_returns_is_stopped_with_a_sentence(check, func, short_limit,
                                                                  capsys):
    check(func)
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN) and "still running after 0.2 seconds" in out
    assert "Traceback" not in out and "core.py" not in out


@needs_alarm
def test_the_limit_covers_all_calls_of_one_check_together(short_limit):
    calls = []

    def slow(w, t):
        calls.append(1)
        time.sleep(0.08)
        return np.sign(w) * np.maximum(np.abs(w) - t, 0)

    feedback = check_soft_threshold.verdict(slow)
    assert not feedback.passed and "still running" in feedback.message
    assert len(calls) < 5  # five cases at 0.08 s each would need 0.4 s


def test_an_interrupt_inside_the_learners_function_is_a_sentence(capsys):
    def interrupted(w, t):
        raise KeyboardInterrupt

    check_soft_threshold(interrupted)
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN) and "you stopped your function" in out
    assert "Traceback" not in out


def test_an_interrupt_in_the_check_itself_is_a_sentence(capsys):
    @exercise
    def check_stopped(x):
        raise KeyboardInterrupt

    check_stopped(1)
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN) and "stopped before it finished" in out


@needs_alarm
def test_the_alarm_restores_the_previous_handler_and_timer(short_limit):
    fired = []

    def previous(signum, frame):
        fired.append(signum)

    old = signal.signal(signal.SIGALRM, previous)
    try:
        signal.setitimer(signal.ITIMER_REAL, 50.0)
        assert not check_soft_threshold.verdict(forever).passed
        assert signal.getsignal(signal.SIGALRM) is previous
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 45.0 < left <= 50.0  # the other timer runs on, minus the time spent here
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        time.sleep(0.2)
        assert fired == [signal.SIGALRM]  # it still reaches its own handler
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@needs_alarm
def test_after_a_check_no_alarm_is_left_running(short_limit):
    import sys

    before, trace = signal.getsignal(signal.SIGALRM), sys.gettrace()
    check_soft_threshold.verdict(forever)
    check_soft_threshold.verdict(sleeps_and_swallows)
    check_soft_threshold.verdict(lambda w, t: np.sign(w) * np.maximum(np.abs(w) - t, 0))
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before and sys.gettrace() is trace


def test_off_the_main_thread_a_check_runs_without_the_alarm(monkeypatch):
    results = []

    def run():
        results.append(check_soft_threshold.verdict(
            lambda w, t: np.sign(w) * np.maximum(np.abs(w) - t, 0)))
        results.append(core._can_alarm())

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    assert results[0].passed and results[1] is False


def test_where_sigalrm_is_missing_a_check_still_works(monkeypatch):
    monkeypatch.delattr(signal, "setitimer")
    assert not core._can_alarm()
    assert check_soft_threshold.verdict(
        lambda w, t: np.sign(w) * np.maximum(np.abs(w) - t, 0)).passed
    assert "you stopped" in check_soft_threshold.verdict(
        lambda w, t: (_ for _ in ()).throw(KeyboardInterrupt)).message


def test_each_call_gets_fresh_copies_unless_the_check_asks_otherwise():
    data = np.array([1.0, 2.0])

    def spoil(x):
        x[:] = 0
        return 1

    call_learner(spoil, data)
    assert data.tolist() == [1.0, 2.0]
    call_learner(spoil, data, fresh_copies=False)
    assert data.tolist() == [0.0, 0.0]


def test_huge_arguments_and_errors_are_quoted_short():
    def crash(x):
        raise ValueError("x" * 10_000)

    with pytest.raises(core.LearnerCodeError) as info:
        call_learner(crash, list(range(10**6)))
    assert len(str(info.value)) < 400


def test_grading_a_check_directly_still_raises_the_learners_error():
    @exercise
    def check_one(func):
        call_learner(func)
        return Feedback.ok()

    with pytest.raises(core.LearnerCodeError):
        check_one.grade(lambda: 1 / 0)
    assert "ZeroDivisionError" in check_one.verdict(lambda: 1 / 0).message


def test_a_function_that_calls_exit_gets_a_sentence(capsys):
    import sys

    check_soft_threshold(lambda w, t: sys.exit(1))
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN) and "exit()" in out
