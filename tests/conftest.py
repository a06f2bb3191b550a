import copy
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROOFS = ROOT / "proofs"

pytest_plugins = ["pytester"]


def bundled_certificates():
    return sorted(p for p in PROOFS.rglob("*.json") if not p.name.startswith("."))


# complete facet class lists of the 12-dimensional Table I polytopes: their completeness check
# takes minutes, so the README's main job (`exactbell check`) decides them and the tests only
# with -m slow
SLOW_CERTIFICATES = {"C000-04.two-way.p=3_4", "C000-04.mix.p=1_2_r=1_2"}
# certificates whose mutants take over 30 s together (each mutant is decided again: the fixed-bit class
# list 7 s a check, C000-25's many proof leaves); their mutation tests run with -m slow
SLOW_MUTANTS = SLOW_CERTIFICATES | {"C000-04.fixed-bit.p=2_3_r=3_4", "C000-25"}


def bundled_params(slow=SLOW_CERTIFICATES):
    """bundled_certificates() as pytest parameters, those in ``slow`` marked slow."""
    return [pytest.param(p, id=p.stem, marks=[pytest.mark.slow] if p.stem in slow else [])
            for p in bundled_certificates()]


def load(path):
    return json.loads(Path(path).read_text())


@pytest.fixture
def write_cert(tmp_path):
    """Write a certificate dict to a temporary file and return its path."""

    def _write(obj, name="cert.json"):
        path = tmp_path / name
        path.write_text(json.dumps(obj) if not isinstance(obj, str) else obj)
        return path

    return _write


@pytest.fixture
def chsh_local():
    return copy.deepcopy(load(PROOFS / "wooltorton-brown-colbeck" / "C004-01.local.json"))


@pytest.fixture
def chsh_quantum():
    return copy.deepcopy(load(PROOFS / "wooltorton-brown-colbeck" / "C004-01.quantum.json"))


def walk_leaves(obj, path=()):
    """(path, value) for every scalar leaf of a JSON object (shared by the mutation tests)."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk_leaves(v, path + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk_leaves(v, path + (i,))
    else:
        yield path, obj


def check_mutant(tmp_path, cert, name="m.json"):
    """Write a (mutated) certificate dict to ``tmp_path / name`` and decide it with the kernel."""
    from exactbell.kernel.check import check_file

    path = tmp_path / name
    path.write_text(json.dumps(cert))
    return check_file(path)


def check_mutated(tmp_path, path, mutate):
    """Decide the bundled certificate at ``path`` after ``mutate(cert)`` changed a deep copy of it."""
    cert = load(path)
    mutate(cert)
    return check_mutant(tmp_path, cert)


def pinned_result(path):
    """The kernel's result for a bundled certificate, which must pass and match its pin."""
    from exactbell.kernel.check import check_file

    r = check_file(path)
    assert r.passed and r.pin == "pinned", r.detail
    return r


def caught(tmp_path, orig, cert):
    """A mutant is caught when it is rejected or its decided statement differs from the original's."""
    r = check_mutant(tmp_path, cert)
    return r.verdict == "error" or not r.passed or r.statement != orig.statement


DELETE = object()


def set_at(cert, path, value):
    """Set the entry at ``path`` (keys and indices) to ``value``; ``DELETE`` removes it."""
    o = cert
    for k in path[:-1]:
        o = o[k]
    if value is DELETE:
        del o[path[-1]]
    else:
        o[path[-1]] = value


def setter(*path_value):
    """mutate(cert): set the entry at each path to its value (``DELETE`` removes it)."""
    def mutate(cert):
        for path, value in path_value:
            set_at(cert, path, value)
    return mutate


def decide(tmp_path, folder, name, mutate, out=None):
    """The kernel's result for ``proofs/folder/name`` after ``mutate(cert)`` changed a deep copy of it."""
    from exactbell.kernel.check import check_file

    cert = copy.deepcopy(load(PROOFS / folder / name))
    mutate(cert)
    path = tmp_path / (out or name)
    path.write_text(json.dumps(cert))
    return check_file(path)


def rejected(r, *fields):
    """An error row whose one-line detail names every field in ``fields`` (no internal error)."""
    if os.environ.get("REDTEAM_SHOW"):
        print("DETAIL", r.detail)
    assert r.verdict == "error" and not r.passed, (r.verdict, r.statement, r.detail)
    assert "internal error" not in r.detail and "\n" not in r.detail, r.detail
    for f in fields:
        assert f in r.detail, (f, r.detail)
    return r
