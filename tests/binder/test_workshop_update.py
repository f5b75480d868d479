"""What happens to a learner's edits when the workshop link is clicked again (nbgitpuller).

instructor/hub.md promises: clicking the nbgitpuller link a second time brings the course's
updates into the learner's copy without losing what they wrote. These tests hold nbgitpuller
(the version in hub/requirements.txt) to each part of that promise, with real git
repositories: an "upstream" the instructor pushes to, and the learner's clone.

Skipped when nbgitpuller is not installed (it comes with the hub: hub/setup.sh).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

pull = pytest.importorskip("nbgitpuller.pull")

GIT = ["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@localhost"]


def git(cwd: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def notebook(*sources: str) -> str:
    """A small notebook, one code cell per source, as JSON text with one line per field."""
    cells = [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
              "outputs": [], "source": [src]} for i, src in enumerate(sources)]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5},
                      indent=1) + "\n"


@pytest.fixture
def course(tmp_path) -> tuple[Path, Path, Path]:
    """(instructor's working copy, bare upstream, learner's home) with a first version."""
    work = tmp_path / "instructor"
    work.mkdir()
    git(work, "init", "-q", "-b", "main")
    (work / "notebooks").mkdir()
    (work / "notebooks" / "01.ipynb").write_text(notebook("answer = ...", "check(answer)"))
    (work / "notebooks" / "02.ipynb").write_text(notebook("x = 1", "print(x)"))
    (work / "README.md").write_text("version 1\n")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "v1")
    upstream = tmp_path / "l1-sparsity"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(upstream))
    git(work, "remote", "add", "origin", str(upstream))
    home = tmp_path / "home"
    home.mkdir()
    return work, upstream, home


def click_link(upstream: Path, home: Path) -> list[str]:
    """What the link's /git-pull does: clone the first time, merge afterwards."""
    puller = pull.GitPuller(upstream.as_uri(), str(home / "l1-sparsity"), branch="main")
    return list(puller.pull())


def publish(work: Path, message: str) -> None:
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", message)
    git(work, "push", "-q", "origin", "main")


def test_first_click_clones_the_course(course):
    work, upstream, home = course
    click_link(upstream, home)
    assert (home / "l1-sparsity" / "notebooks" / "01.ipynb").read_text() == (
        work / "notebooks" / "01.ipynb").read_text()


def test_an_update_arrives_and_the_learners_answer_stays(course):
    work, upstream, home = course
    click_link(upstream, home)
    mine = home / "l1-sparsity" / "notebooks" / "01.ipynb"
    mine.write_text(notebook("answer = 42", "check(answer)"))  # the learner's work
    (work / "README.md").write_text("version 2\n")  # the instructor fixes another file
    (work / "notebooks" / "03.ipynb").write_text(notebook("new = True"))  # and adds one
    publish(work, "v2")

    click_link(upstream, home)

    assert "answer = 42" in mine.read_text()
    assert (home / "l1-sparsity" / "README.md").read_text() == "version 2\n"
    assert (home / "l1-sparsity" / "notebooks" / "03.ipynb").exists()


def test_where_both_changed_the_same_lines_the_learner_wins(course):
    work, upstream, home = course
    click_link(upstream, home)
    mine = home / "l1-sparsity" / "notebooks" / "01.ipynb"
    mine.write_text(notebook("answer = 42", "check(answer)"))
    (work / "notebooks" / "01.ipynb").write_text(notebook("answer = ...  # hint: 6 * 7",
                                                          "check(answer)"))
    publish(work, "v2: better hint")

    click_link(upstream, home)

    text = mine.read_text()
    assert "answer = 42" in text and "hint" not in text
    json.loads(text)  # the merged notebook is still valid JSON


def test_a_deleted_notebook_comes_back_fresh(course):
    work, upstream, home = course
    click_link(upstream, home)
    mine = home / "l1-sparsity" / "notebooks" / "02.ipynb"
    mine.unlink()  # "I broke it; give me a clean copy": delete, click the link again

    click_link(upstream, home)

    assert mine.read_text() == (work / "notebooks" / "02.ipynb").read_text()


def test_a_learner_file_in_the_way_of_a_new_one_is_renamed_not_lost(course):
    work, upstream, home = course
    click_link(upstream, home)
    learner_file = home / "l1-sparsity" / "notebooks" / "notes.ipynb"
    learner_file.write_text(notebook("my notes"))
    (work / "notebooks" / "notes.ipynb").write_text(notebook("instructor's notes"))
    publish(work, "v2: notes")

    click_link(upstream, home)

    assert "instructor's notes" in learner_file.read_text()
    kept = [p for p in learner_file.parent.glob("notes__*.ipynb")]
    assert len(kept) == 1 and "my notes" in kept[0].read_text()
