"""Snapshots the binary writes validate against docs/schemas/snapshot-1.schema.json."""
import json
import os
import pathlib
import subprocess
import tempfile

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("LEARNERPOWER_BIN", str(ROOT / ".build/debug/learnerpower"))
SCHEMA = json.loads((ROOT / "docs/schemas/snapshot-1.schema.json").read_text())


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


def test_the_schema_itself_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("args", [
    ["--current", "38", "--target", "70", "--title", "Q3 review"],
    ["--current", "0", "--target", "100", "--title", "Ends", "--note", "two\nlines"],
    ["--current", "50"],
    ["--current", "90", "--target", "10", "--title", "Back \u00e9 \u6f22"],
])
def test_written_snapshots_validate(args):
    doc = snapshot(*args)
    jsonschema.validate(doc, SCHEMA)
    assert doc["schema"] == "learnerpower.snapshot/1"
    assert doc["created"] == "2024-05-01T09:30:00Z"


def test_a_large_jump_has_a_caveat_and_none_has_null():
    assert snapshot("--current", "10", "--target", "90")["transition"]["caveat"]
    assert snapshot("--current", "40", "--target", "45")["transition"]["caveat"] is None


def test_the_schema_refuses_damaged_snapshots():
    doc = snapshot("--current", "38", "--target", "70")
    for path, value in [(("current", "position"), 101), (("schema",), "learnerpower.snapshot/2"),
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
