"""Kind ``composite``: premises decided by the kernel, a fixed rule, hostile premise names."""
import json
import os
import shutil

import pytest

from exactbell.kernel.check import check_file
from exactbell.kernel.pins import PIN_FILE

from .conftest import PROOFS, load

DIR = PROOFS / "wooltorton-brown-colbeck"
CID = "C004-16.fixed-pair.paths"
PREMISES = load(DIR / f"{CID}.json")["data"]["premises"]
END = f"{CID}.end.json"


def _copy(to, pins=True):
    """A copy of the composite, its premises, a refuted and another certificate (and the pin file)."""
    to.mkdir(exist_ok=True)
    names = [f"{CID}.json", *PREMISES, "C004-16.eq1-joint.json", "C004-15.torus.json"]
    for name in names + [PIN_FILE] * pins:
        shutil.copy(DIR / name, to / name)
    return to


@pytest.fixture
def folder(tmp_path):
    return _copy(tmp_path)


def _write(folder, cert, name="c.json"):
    (folder / name).write_text(json.dumps(cert))
    return check_file(folder / name)


def _composite(**data):
    cert = load(DIR / f"{CID}.json")
    cert.update(id="C004-16.test")
    cert["data"].update(data)
    return cert


def _error(res, field, text):
    assert res.verdict == "error" and not res.passed, res.detail
    assert f": {field}: " in res.detail and text in res.detail, res.detail
    assert "\n" not in res.detail


def test_bundled_composite_passes():
    res = check_file(DIR / f"{CID}.json")
    assert res.passed and res.pin == "pinned" and res.verdict == "verified", res.detail
    assert res.statement.startswith(f"C004-16 holds: [{CID}.start: ")
    assert f"] and [{CID}.condition4: " in res.statement
    assert "by the intermediate value theorem (stated, not decided: the function is continuous" \
        in res.statement
    for name in PREMISES:  # each premise is a certificate of its own, with its own pin
        premise = check_file(DIR / name)
        assert premise.passed and premise.kind == "inequality"
        assert f"[{premise.id}: {premise.statement}]" in res.statement


def test_copy_passes_unpinned_and_pinned(folder, tmp_path):
    res = check_file(folder / f"{CID}.json")
    assert res.passed and res.pin == "pinned", res.detail
    res2 = _write(_copy(tmp_path / "unpinned", pins=False), _composite())
    assert res2.passed and res2.pin == "unpinned" and res2.statement == res.statement, res2.detail


def test_missing_premise(folder):
    res = _write(folder, _composite(premises=[PREMISES[0], "nothing.json"]))
    _error(res, "data.premises[1]", "missing premise")


@pytest.mark.parametrize("name", ["../C004-16.eq1-joint.json", "sub/c.json", "sub\\c.json", "/etc/passwd",
                                  ".hidden.json", "a..json", "C004-16.eq1-joint", "", 7, {"file": "c.json"}])
def test_path_tricks(folder, name):
    _error(_write(folder, _composite(premises=[PREMISES[0], name])), "data.premises[1]", "plain file name")


def test_symlink_and_directory_are_not_regular_files(folder):
    os.symlink(DIR / PREMISES[1], folder / "link.json")
    os.mkdir(folder / "dir.json")
    for name in ("link.json", "dir.json"):
        res = _write(folder, _composite(premises=[PREMISES[0], name]))
        _error(res, "data.premises[1]", "not a regular file")


def test_self_reference(folder):
    _error(_write(folder, _composite(premises=[PREMISES[0], "c.json"])), "data.premises[1]", "itself")
    _write(folder, _composite())
    os.link(folder / "c.json", folder / "hard.json")
    _error(_write(folder, _composite(premises=["hard.json", PREMISES[0]])), "data.premises[0]",
           "refers to the composite itself")


def test_premise_may_not_be_composite(folder):
    _write(folder, _composite(), name="inner.json")
    res = _write(folder, _composite(premises=[PREMISES[0], "inner.json"]))
    _error(res, "data.premises[1]", "itself composite")


def test_refuted_premise(folder):
    res = _write(folder, _composite(premises=[PREMISES[0], "C004-16.eq1-joint.json"]))
    _error(res, "data.premises[1]", "is refuted: 4*(2*q - 1) >= s fails at")


def test_failing_premise(folder):
    bad = load(folder / END)
    bad["data"]["rhs"] = "11/4"  # I_CHSH at the end of the path is not >= 11/4 everywhere
    (folder / END).write_text(json.dumps(bad))
    _error(check_file(folder / f"{CID}.json"), f"data.premises[{PREMISES.index(END)}]", f"premise {END!r} fails")


def test_premise_differing_from_its_pin_fails(folder):
    bad = load(folder / END)
    bad["data"]["rhs"] = "12/5"  # still true, but not the pinned statement
    (folder / END).write_text(json.dumps(bad))
    assert check_file(folder / END).pin == "differs"
    _error(check_file(folder / f"{CID}.json"), f"data.premises[{PREMISES.index(END)}]", "differs from its pin")


def test_unknown_rule(folder):
    _error(_write(folder, _composite(rule="modus-ponens")), "data.rule", "unknown rule 'modus-ponens'")


def test_changed_rule_changes_the_statement(folder):
    cert = load(DIR / f"{CID}.json")
    cert["data"]["rule"] = "all"
    res = _write(folder, cert, name=f"{CID}.json")
    assert not res.passed and res.pin == "differs", res.detail
    assert "as their conjunction (stated, not decided" in res.detail


def test_premise_count_duplicates_parameters_and_unread_keys(folder):
    _error(_write(folder, _composite(premises=[PREMISES[0]])), "data.premises", "needs 2 to 16 premises")
    _error(_write(folder, _composite(premises=[PREMISES[0]] * 17)), "data.premises", "needs 2 to 16")
    _error(_write(folder, _composite(premises=[PREMISES[0], PREMISES[0]])), "data.premises", "twice")
    _error(_write(folder, _composite(premises="C004-15.torus.json")), "data.premises", "expected list")
    _error(_write(folder, _composite(stated=" padded")), "data.stated", "no surrounding blanks")
    _error(_write(folder, _composite(extra="1")), "data.extra", "unknown key (no code reads it)")
    cert = _composite()
    cert["parameters"] = {"p": "(0, 1)"}
    _error(_write(folder, cert), "parameters", "takes no parameters")
    cert = _composite()
    cert["claim"] = "every Bell inequality is violated"  # free text may not enter the statement as the claim
    _error(_write(folder, cert), "claim", "is an id")


ALL = {"rule": "all", "premises": ["C004-15.torus.json"], "stated": "C004-15 is the lemma"}


def test_rule_all_conjunction(folder, tmp_path):
    res = _write(folder, _composite(**ALL))
    assert res.verdict == "verified" and res.pin == "missing", res.detail  # decided; its id has no pin
    folder = _copy(tmp_path / "unpinned", pins=False)
    res = _write(folder, _composite(**ALL))
    assert res.passed, res.detail
    torus = check_file(folder / "C004-15.torus.json").statement
    assert res.statement == (f"C004-16 holds: [C004-15.torus: {torus}], as their conjunction (stated, not "
                             "decided: that the conjunction is the claim; C004-15 is the lemma)")


# -- hostile referee (redteam): attacks on the statement's structure and on the premises ------------------
def _premise_copy(folder, name, **changes):
    cert = load(folder / "C004-15.torus.json")
    cert.update(changes)
    (folder / name).write_text(json.dumps(cert))


def test_premise_id_cannot_forge_the_statement(tmp_path):
    # in a user's folder (no pins) a premise's id is free; "[X: 2 + 2 = 5] and [Y: ...]" would read as decided
    folder = _copy(tmp_path / "unpinned", pins=False)
    _premise_copy(folder, "forged.json", id="X: 2 + 2 = 5] and [Y")
    res = _write(folder, _composite(rule="all", premises=["forged.json"], stated=""))
    _error(res, "data.premises[0]", "premise 'forged.json' has the id 'X: 2 + 2 = 5] and [Y', which is not an id")


@pytest.mark.parametrize("stated", ["none) and [C999: 2 + 2 = 5] (decided", "x] and [C999: 1 = 2", "a (b", "a [b"])
def test_stated_text_stays_inside_its_label(folder, stated):
    # ")" would close "(stated, not decided: ..." and let free text read as decided
    _error(_write(folder, _composite(stated=stated)), "data.stated", "brackets must nest")


def test_stated_text_with_half_open_intervals_passes(tmp_path):
    folder = _copy(tmp_path / "unpinned", pins=False)
    res = _write(folder, _composite(rule="all", premises=["C004-15.torus.json"], stated="phi in [pi/6, pi/2) (so)"))
    assert res.passed and res.statement.endswith("; phi in [pi/6, pi/2) (so))"), res.detail


def test_numeric_only_premise_is_named_as_such(tmp_path):
    folder = _copy(tmp_path / "unpinned", pins=False)
    cert = {"exactbell": 2, "id": "N", "claim": "N", "paper": "user", "kind": "interval", "location": "x",
            "summary": "x", "expected": "numeric-only", "conventions": {"information": "bits: log base 2"},
            "data": {"quantity": {"of": "expression", "value": "log2(3)"}, "bracket": ["1.5", "1.6"],
                     "paper": ["= 1.6"]}}
    (folder / "num.json").write_text(json.dumps(cert))
    _error(_write(folder, _composite(rule="all", premises=["num.json"])), "data.premises[0]",
           "premise 'num.json' is numeric-only, not verified")


def _fifo(folder):
    os.mkfifo(folder / "fifo.json")
    return "fifo.json"


def _hard_link_to_other_composite(folder):
    os.link(folder / f"{CID}.json", folder / "hl.json")
    return "hl.json"


def _legacy(folder):
    _premise_copy(folder, "legacy.json", exactbell=1)
    return "legacy.json"


def _expected_refuted(folder):
    _premise_copy(folder, "exp.json", expected="refuted")
    return "exp.json"


def _unpinned_id(folder):
    _premise_copy(folder, "new.json", id="C004-15.torus.copy")
    return "new.json"


@pytest.mark.parametrize("make,text", [
    (_fifo, "premise 'fifo.json' is not a regular file"),
    (_hard_link_to_other_composite, "premise 'hl.json' is itself composite (no nesting)"),
    (_legacy, "premise 'legacy.json' fails: "),
    (_expected_refuted, "premise 'exp.json' fails: "),
    (_unpinned_id, "id: no pin for 'C004-15.torus.copy'"),
    (lambda folder: "C004-15.torus.js\u043en", "must be a plain file name ending in .json"),  # Cyrillic o
    (lambda folder: "C004-15.TORUS.json", "missing premise 'C004-15.TORUS.json'"),
    (lambda folder: "x" * 200 + ".json", "must be a plain file name"),
])
def test_premise_attacks_rejected(folder, make, text):
    _error(_write(folder, _composite(rule="all", premises=[make(folder)])), "data.premises[0]", text)


@pytest.mark.parametrize("text,nests", [("", True), ("[0, 1)", True), ("f((a)) on [0, 1]", True),
                                        (")(", False), ("a (b", False), ("x]", False)])
def test_stated_brackets_nest_exactly(text, nests):
    from exactbell.kernel.kinds.composite import _nests

    assert _nests(text) is nests
