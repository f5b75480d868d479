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


# ----------------------------------------------------------------------------- reading answers


class _SlowFloat:
    def __float__(self):
        time.sleep(30)
        return 1_866_240_000.0


class _SlowArray:
    def __array__(self, dtype=None, copy=None):
        time.sleep(30)
        return np.array(2.0)


@needs_alarm
@pytest.mark.parametrize("answer", [_SlowFloat(), _SlowArray()], ids=["float", "array"])
def test_an_answer_whose_own_code_is_slow_is_stopped(answer, short_limit, capsys):
    from lessonlib.checks.sparse_features import check_cross_size, check_dense_bytes

    started = time.monotonic()
    check_dense_bytes(answer)
    check_cross_size(lambda m: answer)
    out = capsys.readouterr().out
    assert time.monotonic() - started < 5  # each used to take 12-30 s
    assert out.count("reading your answer took more than 0.2 seconds") == 2, out
    assert "Traceback" not in out


@needs_alarm
def test_a_generator_answer_is_read_under_the_limit(short_limit):
    from lessonlib.checks.zeno_l2 import check_reaches_zero

    started = time.monotonic()
    feedback = check_reaches_zero.verdict(time.sleep(0.1) or 0.3 for _ in range(20))
    assert time.monotonic() - started < 2 and "reading your answer took more" in feedback.message
    assert check_reaches_zero.verdict(x for x in (0.3, 0.5)).passed  # a quick one still passes


class _Mine(BaseException):
    pass


def _raises(exc):
    def func(*args):
        raise exc
    return func


@pytest.mark.parametrize("exc", [_Mine, GeneratorExit], ids=["subclass", "GeneratorExit"])
@pytest.mark.parametrize("check", [check_soft_threshold, check_ista_step, check_ftrl_weights])
def test_a_base_exception_from_the_learners_function_is_a_sentence(check, exc, capsys):
    check(_raises(exc))
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN) and f"raised {exc.__name__}" in out
    assert "BaseException" in out and "Traceback" not in out


@pytest.mark.parametrize("exc", [SystemExit, _Mine, GeneratorExit])
def test_a_base_exception_while_reading_an_answer_is_a_sentence(exc, capsys):
    from lessonlib.checks.sparse_features import check_cross_size

    class Exits:
        def __array__(self, dtype=None, copy=None):
            raise exc

    check_cross_size(lambda m: Exits())
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN) and "reading your answer" in out, out


def test_what_the_learners_function_prints_is_cut_short(capsys):
    from lessonlib.checks.sparse_features import check_cross_size

    def chatty(m):
        print("x" * 2_000_000)
        return (180 * 60 / m) * (360 * 60 / m)

    check_cross_size(chatty)
    out = capsys.readouterr().out
    assert len(out) < 1_000 and "more characters your function printed are not shown" in out
    assert out.count("x" * core.SHOWN_OUTPUT) == 1 and "✅ Correct." in out


def test_a_short_print_is_shown_whole(capsys):
    def says(w, t):
        print("hello")
        return np.sign(w) * np.maximum(np.abs(w) - t, 0)

    check_soft_threshold(says)
    out = capsys.readouterr().out
    assert out.startswith("hello\n") and "not shown" not in out and "✅ Correct." in out


@pytest.mark.parametrize("answer", [np.array(["1.0", "0"], dtype=object),
                                    np.array([b"1", 0.0], dtype=object), ["1.0", "0"]],
                         ids=["object-str", "object-bytes", "list-str"])
def test_text_inside_an_array_is_refused_like_a_list_of_text(answer):
    with pytest.raises(core.LearnerCodeError, match="must be numbers, got values of type"):
        core.learner_numbers(answer, "your answer")


def test_a_number_subclass_is_read_by_the_value_it_holds():
    from lessonlib.checks.start_here import check_nonzero_count

    class Liar(float):
        def __float__(self):
            return 2.0

    class IntLiar(int):
        def __index__(self):
            return 2

        def __int__(self):
            return 2

    assert not check_nonzero_count.verdict(Liar(5.0)).passed
    assert not check_nonzero_count.verdict(IntLiar(5)).passed
    assert check_nonzero_count.verdict(Liar(2.0)).passed
