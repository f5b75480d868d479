"""The workshop's Zero to JupyterHub config (instructor/z2jh/config.yaml), checked as Helm
would check it, and for what the chart's schema does not check: who may log in and HTTPS.

Helm lays a user's ``config.yaml`` over the chart's defaults (``values.yaml``: a deep merge of
mappings, the user's value wins) and validates the result against ``values.schema.yaml``
(JSON Schema, Draft 7). Both come from the chart (4.4) in ``../shared/z2jh/``; they are read
from there, not copied into this repository. Without that folder the test skips and says so,
except under CI (``CI=true``), where it must run.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")
jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "instructor" / "z2jh" / "config.yaml"
GUIDE = ROOT / "instructor" / "hub.md"
CHART = ROOT.parent / "shared" / "z2jh"

#: Logins that let anyone in: never on a hub a room can reach.
OPEN_AUTHENTICATORS = {"dummy", "shared-password", "null", "nullauthenticator",
                       "jupyterhub.auth.DummyAuthenticator",
                       "jupyterhub.authenticators.shared.SharedPasswordAuthenticator"}
#: Settings of an authenticator that name who may log in.
ALLOW_LISTS = ("allowed_users", "allowed_organizations", "allowed_groups", "allowed_teams",
               "allowed_idps", "manage_groups")


def chart() -> tuple[dict, dict]:
    """The chart's defaults and its schema, or a skip (a failure under CI)."""
    if not (CHART / "values.schema.yaml").is_file() or not (CHART / "values.yaml").is_file():
        message = (f"the Zero to JupyterHub chart's schema and defaults are not at {CHART} "
                   "(values.schema.yaml, values.yaml from the chart 4.4): the config is "
                   "not validated")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    defaults = yaml.safe_load((CHART / "values.yaml").read_text())
    schema = yaml.safe_load((CHART / "values.schema.yaml").read_text())
    return defaults, schema


def merged(base: dict, over: dict) -> dict:
    """Helm's merge: mappings merge key by key, anything else (lists included) is replaced.

    Examples
    --------
    >>> merged({"a": {"x": 1, "y": [1]}, "b": 2}, {"a": {"y": [2]}, "c": 3})
    {'a': {'x': 1, 'y': [2]}, 'b': 2, 'c': 3}
    """
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def schema_errors(values: dict, schema: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(values)]


def security_problems(values: dict) -> list[str]:
    """What makes a hub open to anyone or readable on the wire, in merged chart values."""
    problems = []
    config = values.get("hub", {}).get("config", {}) or {}
    auth = str(config.get("JupyterHub", {}).get("authenticator_class") or "dummy")
    if auth.lower() in {a.lower() for a in OPEN_AUTHENTICATORS} or "dummy" in auth.lower():
        problems.append(f"authenticator {auth!r} lets anyone in")
    sections = [v for k, v in config.items() if isinstance(v, dict) and k != "JupyterHub"]
    if any(s.get("allow_all") is True for s in sections):
        problems.append("allow_all lets every account of the identity provider in")
    if not any(s.get(key) for s in sections for key in ALLOW_LISTS):
        problems.append("no allow-list or allowed group")
    admins = [a for s in sections for a in (s.get("admin_users") or [])]
    if len(admins) != 1:
        problems.append(f"admin_users should be the instructor alone, not {admins}")
    https = values.get("proxy", {}).get("https", {}) or {}
    if https.get("enabled") is not True:
        problems.append("HTTPS is off")
    elif https.get("type") == "letsencrypt" and not (
            https.get("hosts") and (https.get("letsencrypt") or {}).get("contactEmail")):
        problems.append("Let's Encrypt needs the hub's host and a contact")
    return problems


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.safe_load(CONFIG.read_text())


def test_the_config_validates_against_the_chart(config):
    defaults, schema = chart()
    assert schema_errors(merged(defaults, config), schema) == []


def test_a_broken_copy_is_rejected(config):
    defaults, schema = chart()
    for path, value in [(("singleuser", "memroy"), {"limit": "2G"}),   # a misspelt key
                        (("singleuser", "cpu", "limit"), "1"),          # CPU must be a number
                        (("singleuser", "image", "tag"), 1234567),      # a tag is a string
                        (("cull", "timeout"), "1h"),
                        (("proxy", "https", "type"), "selfsigned")]:
        broken = copy.deepcopy(config)
        node = broken
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
        errors = schema_errors(merged(defaults, broken), schema)
        assert errors, f"the chart's schema accepted {'.'.join(path)} = {value!r}"


def test_it_is_secure_by_default(config):
    defaults, _ = chart()
    assert security_problems(merged(defaults, config)) == []
    # and the chart alone is not: its default login is the dummy one, without HTTPS
    alone = security_problems(defaults)
    assert any("dummy" in p for p in alone) and "HTTPS is off" in alone


@pytest.mark.parametrize("change, problem", [
    ({"hub": {"config": {"JupyterHub": {"authenticator_class": "dummy"}}}}, "lets anyone in"),
    ({"hub": {"config": {"JupyterHub": {"authenticator_class": "shared-password"}}}},
     "lets anyone in"),
    ({"hub": {"config": {"Authenticator": {"allow_all": True}}}}, "allow_all"),
    ({"hub": {"config": {"GitHubOAuthenticator": {"allow_all": True}}}}, "allow_all"),
    ({"hub": {"config": {"GitHubOAuthenticator": {"allowed_organizations": []}}}},
     "no allow-list"),
    ({"hub": {"config": {"Authenticator": {"admin_users": ["instructor", "a-learner"]}}}},
     "admin_users"),
    ({"proxy": {"https": {"enabled": False}}}, "HTTPS is off"),
    ({"proxy": {"https": {"hosts": []}}}, "Let's Encrypt needs"),
])
def test_an_open_or_plain_http_hub_is_rejected(config, change, problem):
    defaults, schema = chart()
    values = merged(defaults, merged(config, change))
    assert schema_errors(values, schema) == []  # Helm itself would install it ...
    assert any(problem in p for p in security_problems(values))  # ... this test does not


def test_the_config_carries_the_workshop_settings(config):
    single = config["singleuser"]
    # the sizing table: RAM = 2 GB + 1 GB per learner, one core per 4 learners
    guide = " ".join(GUIDE.read_text().split())
    assert "RAM = 2 GB + 1 GB per learner" in guide and "one core per 4 learners" in guide
    assert (single["memory"]["guarantee"], single["cpu"]["guarantee"]) == ("1G", 0.25)
    assert single["extraEnv"]["LESSONLIB_PACE_LOG"] == "~/.lessonlib/pace.jsonl"
    kernels = single["extraFiles"]["cull-kernels"]["data"]["MappingKernelManager"]
    assert kernels["cull_idle_timeout"] == 1200 and config["cull"]["enabled"] is True
    assert single["defaultUrl"] == "/lab"
    github = config["hub"]["config"]["GitHubOAuthenticator"]
    host = config["proxy"]["https"]["hosts"][0]
    assert github["oauth_callback_url"] == f"https://{host}/hub/oauth_callback"
    assert "client_secret" not in CONFIG.read_text(), "secrets belong in secrets.yaml"
    # learners' egress: HTTPS and DNS only, no private network, no cloud metadata
    policy = single["networkPolicy"]
    assert policy["enabled"] and not policy["egressAllowRules"]["nonPrivateIPs"]
    assert not policy["egressAllowRules"]["privateIPs"]
    assert not policy["egressAllowRules"]["cloudMetadataServer"]
    assert [p["port"] for rule in policy["egress"] for p in rule["ports"]] == [443]
    # nbgitpuller must be in the image repo2docker builds from binder/
    assert re.search(r"^nbgitpuller==", (ROOT / "binder" / "requirements.txt").read_text(), re.M)


def test_the_guide_quotes_the_tested_file():
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(), re.S)
    assert CONFIG.read_text() in blocks, "instructor/hub.md must show config.yaml as it is"


def test_without_the_chart_it_says_so_and_skips_except_under_ci(monkeypatch, tmp_path):
    monkeypatch.setitem(globals(), "CHART", tmp_path / "no-chart")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="not validated"):
        chart()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="no-chart"):
        chart()
