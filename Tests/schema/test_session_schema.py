"""The session JSON the binary exports validates against docs/schemas/session-2.schema.json."""
import json
import os
import pathlib
import subprocess
import tempfile

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("LEARNERPOWER_BIN", str(ROOT / ".build/debug/learnerpower"))
SCHEMA = json.loads((ROOT / "docs/schemas/session-2.schema.json").read_text())
SCHEMA_1 = json.loads((ROOT / "docs/schemas/session-1.schema.json").read_text())

SCRIPT = {"title": "T", "organisation": "O", "steps": [
    {"kind": "explore", "title": "A", "from": 0, "to": 100, "notes": "n", "minutes": 2, "collect": "current"},
    {"kind": "vote", "title": "Both", "collect": "both"},
    {"kind": "vote", "title": "None yet", "collect": "target"},
    {"kind": "summary", "title": "S", "collect": "current"}]}


def export(entries):
    with tempfile.TemporaryDirectory() as home:
        folder = pathlib.Path(home, "sessions")
        folder.mkdir()
        lines = [json.dumps(e) for e in entries]
        (folder / "s1.jsonl").write_text("\n".join(lines) + "\n")
        out = subprocess.run([BIN, "workshop", "export", "s1", "--format", "json",
                              "--sessions-dir", str(folder)],
                             capture_output=True, text=True, env={"HOME": home, "LANG": "C.UTF-8"})
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)


def test_a_session_with_votes_validates():
    doc = export([
        {"type": "start", "at": 1, "session": "s1", "source": "x.toml", "script": SCRIPT},
        {"type": "move", "at": 2, "step": 1},
        {"type": "vote", "at": 3, "step": 1, "vote": {"id": 1, "name": "Ana", "current": 30, "target": 70}},
        {"type": "vote", "at": 4, "step": 1, "vote": {"id": 2, "current": 45, "target": 90}},
        {"type": "reveal", "at": 5, "step": 1, "shown": True},
        {"type": "note", "at": 6, "step": 1, "text": "wide spread"},
        {"type": "agree", "at": 7, "current": 35, "target": 80},
        {"type": "time", "at": 8, "step": 1, "seconds": 42.5},
    ])
    jsonschema.validate(doc, SCHEMA)
    assert doc["steps"][1]["statistics"]["current"]["median"] == 37.5
    assert doc["transition"]["from"] == 35


def test_a_session_without_votes_validates():
    doc = export([{"type": "start", "at": 1, "session": "s1", "script": SCRIPT}])
    jsonschema.validate(doc, SCHEMA)
    assert "transition" not in doc


def test_a_session_with_assess_answers_validates_and_agrees_on_their_result():
    script = {"title": "T", "steps": [
        {"kind": "assess", "title": "Culture: 1 of 2", "prompt": "Q1 text", "collect": "both",
         "question": "Q1"},
        {"kind": "assess", "title": "Culture: 2 of 2", "prompt": "Q2 text", "collect": "both",
         "question": "Q2"},
        {"kind": "summary", "title": "S", "collect": "current"}]}
    doc = export([
        {"type": "start", "at": 1, "session": "s1", "script": script},
        {"type": "vote", "at": 2, "step": 0, "vote": {"id": 1, "current": 33, "target": 100}},
        {"type": "vote", "at": 3, "step": 0, "vote": {"id": 2, "current": 67, "target": 100}},
        {"type": "vote", "at": 4, "step": 1, "vote": {"id": 3, "current": 100}},
    ])
    jsonschema.validate(doc, SCHEMA)
    assert doc["steps"][0]["kind"] == "assess"
    assert doc["steps"][0]["statistics"]["current"]["median"] == 50
    # Medians 50 (Q1) and 100 (Q2) today, 100 (Q1 only) for the target.
    assert doc["agreed"] == {"current": 75, "target": 100, "adjusted": False, "source": "assessment"}


def test_a_session_with_learning_areas_validates_and_carries_every_area():
    script = {"title": "T", "areas": [{"name": "Compliance", "pinned": True}, {"name": "Leadership"},
                                      {"name": "Onboarding"}],
              "steps": [
                  {"kind": "vote", "title": "C", "collect": "both", "area": "Compliance"},
                  {"kind": "vote", "title": "L", "collect": "both", "area": "Leadership"},
                  {"kind": "vote", "title": "O", "collect": "both", "area": "Onboarding"},
                  {"kind": "summary", "title": "S", "collect": "current"}]}
    doc = export([
        {"type": "start", "at": 1, "session": "s1", "script": script},
        {"type": "vote", "at": 2, "step": 0, "vote": {"id": 1, "current": 10, "target": 20}},
        {"type": "vote", "at": 3, "step": 1, "vote": {"id": 2, "current": 40, "target": 80}},
        {"type": "vote", "at": 4, "step": 1, "vote": {"id": 3, "current": 50, "target": 90}},
        {"type": "agree", "at": 5, "area": "Leadership", "current": 44, "target": 88},
    ])
    jsonschema.validate(doc, SCHEMA)
    areas = {a["name"]: a for a in doc["areas"]}
    assert list(areas) == ["Compliance", "Leadership", "Onboarding"]
    assert areas["Compliance"]["pinned"] is True
    assert areas["Compliance"]["agreed"] == {"current": 10, "target": 20, "adjusted": False, "source": "votes"}
    assert areas["Leadership"]["agreed"] == {"current": 44, "target": 88, "adjusted": True, "source": "adjusted"}
    assert areas["Leadership"]["transition"]["from"] == 44
    assert areas["Onboarding"]["agreed"]["source"] == "none" and "transition" not in areas["Onboarding"]
    assert doc["steps"][1]["area"] == "Leadership"
    # Every step names an area, so the whole organisation has no result of its own.
    assert doc["agreed"]["source"] == "none" and "transition" not in doc


def test_the_version_1_schema_is_kept_for_older_exports():
    assert SCHEMA_1["properties"]["schema"]["const"] == "learnerpower.session/1"
    with open(ROOT / "docs/schemas/session-1.schema.json") as f:
        jsonschema.Draft202012Validator.check_schema(json.load(f))
