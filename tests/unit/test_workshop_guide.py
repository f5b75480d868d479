"""instructor/hub.md says what keeps a workshop safe, in the commands an instructor copies:
HTTPS and an allow-list on The Littlest JupyterHub, a tested tag rather than main, pinned
builds, the link's risks, and how long pace logs are kept."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "instructor" / "hub.md").read_text()


def section(title: str) -> str:
    start = GUIDE.index(f"\n## {title}")
    end = GUIDE.find("\n## ", start + 1)
    return GUIDE[start:end if end > 0 else None]


def commands(text: str) -> list[str]:
    """The shell lines of a section's ```bash blocks, continuation lines joined."""
    blocks = re.findall(r"```bash\n(.*?)```", text, re.S)
    return [line for block in blocks for line in block.replace("\\\n", " ").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def test_tljh_turns_on_https_an_allow_list_and_one_admin():
    lines = commands(section("The Littlest JupyterHub"))
    assert "sudo tljh-config set https.enabled true" in lines
    assert any(line.startswith("sudo tljh-config add-item https.letsencrypt.domains")
               for line in lines)
    assert any("users.allowed" in line for line in lines)
    admins = [line for line in lines if "users.admin" in line]
    assert len(admins) == 1 and "INSTRUCTOR" in admins[0]
    assert not any(re.search(r"allow_all|FirstUse|dummy", line) for line in lines)


def test_tljh_clones_a_tested_tag_and_builds_with_pinned_setuptools():
    lines = commands(section("The Littlest JupyterHub"))
    clones = [line for line in lines if "git clone" in line]
    assert clones and all("--branch COURSE_TAG" in line for line in clones)
    assert not any(re.search(r"--branch main|/tmp/", line) for line in clones)
    installs = [line for line in lines if "pip install" in line and "/opt/course" in line]
    assert any("--no-build-isolation" in line for line in installs)
    assert any("binder/requirements.txt" in line for line in installs)  # pins setuptools


def test_every_pip_install_in_the_guide_is_pinned():
    for line in commands(GUIDE):
        if "pip install" in line and "-r " not in line and "/opt/course" not in line:
            assert re.search(r"==\d", line), f"unpinned: {line}"


def test_the_guide_names_what_must_never_be_deployed():
    never = section("What must never be deployed")
    for words in ("rehearsal hub", "dummy", "allow_all", "without HTTPS", "allow-list",
                  "admin"):
        assert words in never, words


def test_the_link_section_warns_about_look_alike_links_and_targetpath():
    link = " ".join(section("The workshop link").split())
    assert "only the link on the course page" in link and "check the host" in link
    assert "targetpath" in link and ".ipython/profile_default/startup" in link
    blocks = re.findall(r"```.*?```", section("The workshop link"), re.S)
    assert blocks and not any("targetpath" in b for b in blocks), "a link to copy has one"


def test_pace_logs_have_a_retention_a_deletion_and_a_safe_way_to_read():
    pace = " ".join(section("Timing your room").split())
    assert "within 30 days" in pace and "rm -f" in pace
    assert "copy the logs out as root, then analyse them as your ordinary user" in pace
    assert "lessonlib.pace.opt_out()" in pace and "~/.lessonlib/no-pace" in pace
    assert "never written" in pace
    runs = [line for line in commands(section("Timing your room")) if "learner_times" in line]
    assert runs and not any(line.startswith("sudo") for line in runs)


def test_the_rehearsal_hub_is_not_offered_for_a_room():
    for text in (section("Rehearse on your machine"), (ROOT / "hub" / "README.md").read_text(),
                 (ROOT / "README.md").read_text()):
        flat = " ".join(text.split())
        assert "sparse-weights" not in flat
        assert "real session" not in flat
    rehearse = " ".join(section("Rehearse on your machine").split())
    assert "refuses to start as root" in rehearse and "random password" in rehearse
    assert "not isolated" in rehearse


def test_only_the_rehearsal_hub_lets_everyone_in():
    """allow_all and the dummy/shared-password logins appear in one configuration file: the
    loopback rehearsal hub's. Every other hub configuration the project ships names who may
    log in."""
    found = []
    for path in [*ROOT.glob("hub/*.py"), *ROOT.glob("instructor/**/*.yaml"),
                 *ROOT.glob("instructor/**/*.py"), *ROOT.glob("binder/*")]:
        text = path.read_text(errors="replace")
        if re.search(r"allow_all\s*[:=]\s*True|allow_all:\s*true|authenticator_class"
                     r"\s*[:=]\s*[\"']?(dummy|shared-password)", text):
            found.append(path.relative_to(ROOT).as_posix())
    assert found == ["hub/jupyterhub_config.py"]
