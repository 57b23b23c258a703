"""Snapshots the binary writes validate against docs/schemas/snapshot-2.schema.json; version 1
files (a fixture written by a version 1 build) still validate against snapshot-1."""
import json
import os
import pathlib
import subprocess
import tempfile

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("LEARNERPOWER_BIN", str(ROOT / ".build/debug/learnerpower"))
SCHEMA = json.loads((ROOT / "docs/schemas/snapshot-2.schema.json").read_text())
SCHEMA_V1 = json.loads((ROOT / "docs/schemas/snapshot-1.schema.json").read_text())
V1_FILE = ROOT / "Tests/LearnerPowerAppTests/Goldens/snapshot-v1.json"


def snapshot(*args):
    """Writes a snapshot into a private snapshots folder and returns the parsed JSON."""
    with tempfile.TemporaryDirectory() as home:
        env = {"HOME": home, "XDG_DATA_HOME": home + "/data", "LANG": "C.UTF-8"}
        out = subprocess.run([BIN, "snapshot", *args, "--created", "2024-05-01T09:30:00Z",
                              "--snapshots-dir", home + "/snaps"],
                             capture_output=True, text=True, env=env)
        assert out.returncode == 0, out.stderr
        path = pathlib.Path(out.stdout.strip())
        assert path.parent == pathlib.Path(home, "snaps")
        assert path.name.startswith("2024-05-01-0930-")
        return json.loads(path.read_text())


def test_the_schemas_themselves_are_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator.check_schema(SCHEMA_V1)


@pytest.mark.parametrize("args", [
    ["--current", "38", "--target", "70", "--title", "Q3 review"],
    ["--current", "0", "--target", "100", "--title", "Ends", "--note", "two\nlines"],
    ["--current", "50"],
    ["--current", "90", "--target", "10", "--title", "Back \u00e9 \u6f22"],
])
def test_written_snapshots_validate(args):
    doc = snapshot(*args)
    jsonschema.validate(doc, SCHEMA)
    assert doc["schema"] == "learnerpower.snapshot/2"
    assert doc["areas"] == [{"name": "Whole organisation", "current": doc["current"]["position"],
                             "target": doc["target"]["position"], "pinned": False}]
    assert doc["area"] == "Whole organisation"
    assert doc["assessment"] is None
    assert doc["created"] == "2024-05-01T09:30:00Z"


def test_a_large_jump_has_a_caveat_and_none_has_null():
    assert snapshot("--current", "10", "--target", "90")["transition"]["caveat"]
    assert snapshot("--current", "40", "--target", "45")["transition"]["caveat"] is None


def test_the_schema_refuses_damaged_snapshots():
    doc = snapshot("--current", "38", "--target", "70")
    for path, value in [(("current", "position"), 101), (("schema",), "learnerpower.snapshot/1"),
                        (("areas",), []), (("areas", 0, "current"), 101),
                        (("areas", 0, "pinned"), "yes"), (("area",), ""),
                        (("assessment",), {"questions": {"name": "q", "version": "1"},
                                           "today": {"Q1": 5}, "target": {}}),
                        (("assessment",), {"questions": {"name": "q", "version": "1"},
                                           "today": {"Q1": "maybe"}, "target": {}}),
                        (("current", "stage", "id"), "middle"),
                        (("transition", "direction"), "sideways"), (("created",), "yesterday")]:
        bad = json.loads(json.dumps(doc))
        node = bad
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, SCHEMA)


def test_show_json_round_trips_the_bytes():
    with tempfile.TemporaryDirectory() as home:
        env = {"HOME": home, "LANG": "C.UTF-8"}
        first = pathlib.Path(home, "a.json")
        subprocess.run([BIN, "snapshot", "--current", "38", "--target", "70", "--created",
                        "2024-05-01T09:30:00Z", "-o", str(first)], check=True, env=env,
                       capture_output=True)
        again = subprocess.run([BIN, "show", str(first), "--format", "json"], env=env,
                               capture_output=True, check=True)
        assert again.stdout == first.read_bytes()


def test_a_version_1_file_matches_the_version_1_schema_and_still_shows():
    doc = json.loads(V1_FILE.read_text())
    assert doc["schema"] == "learnerpower.snapshot/1"
    jsonschema.validate(doc, SCHEMA_V1)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)
    with tempfile.TemporaryDirectory() as home:
        env = {"HOME": home, "LANG": "C.UTF-8"}
        again = subprocess.run([BIN, "show", str(V1_FILE), "--format", "json"], env=env,
                               capture_output=True, check=True)
        assert again.stdout == V1_FILE.read_bytes()


def test_areas_and_answers_validate():
    doc = snapshot("--current", "10", "--target", "15")
    doc["areas"] = [{"name": "Compliance", "current": 10, "target": 15, "pinned": True},
                    {"name": "Leadership", "current": 55, "target": 85, "pinned": False}]
    doc["area"] = "Compliance"
    doc["assessment"] = {"questions": {"name": "Learner Power self-assessment", "version": "1"},
                         "today": {"Q1": 1, "Q2": "not sure"}, "target": {"Q1": 4}}
    jsonschema.validate(doc, SCHEMA)
    with tempfile.TemporaryDirectory() as home:
        path = pathlib.Path(home, "areas.json")
        path.write_text(json.dumps(doc))
        shown = subprocess.run([BIN, "show", str(path), "--format", "md"], capture_output=True,
                               text=True, env={"HOME": home, "LANG": "C.UTF-8"})
        assert shown.returncode == 0, shown.stderr
        assert "| Leadership | 55 (Enabled) | 85 (Learner-led) | +30 |  |" in shown.stdout
        assert "| Q2 | not sure | – |" in shown.stdout


def test_a_snapshot_with_answers_validates():
    with tempfile.TemporaryDirectory() as home:
        answers = pathlib.Path(home, "answers.toml")
        answers.write_text('[today]\nQ1 = 2\nQ2 = 1\nQ3 = "not sure"\nQ4 = 3\n\n'
                           '[target]\nQ1 = 4\nQ2 = 3\nQ4 = 4\n')
        doc = snapshot("--answers", str(answers), "--title", "From answers")
    jsonschema.validate(doc, SCHEMA)
    assert doc["assessment"] == {
        "questions": {"name": "Learner Power self-assessment", "version": "1"},
        "today": {"Q1": 2, "Q2": 1, "Q3": "not sure", "Q4": 3},
        "target": {"Q1": 4, "Q2": 3, "Q4": 4},
    }
    assert (doc["current"]["position"], doc["target"]["position"]) == (33, 89)
    assert doc["areas"] == [{"name": "Whole organisation", "current": 33, "target": 89,
                             "pinned": False}]
