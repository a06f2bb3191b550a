"""The base install (python-flint + rich) checks every bundled certificate: ``exactbell check`` runs in a
subprocess where importing the ``search`` extra (pycddlib, numpy, sympy, SciPy, cvxpy, mpmath, matplotlib)
raises ImportError, through a ``sitecustomize`` meta-path blocker on PYTHONPATH."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT, SLOW_CERTIFICATES, bundled_certificates

BLOCKED = ("cdd", "numpy", "sympy", "scipy", "cvxpy", "mpmath", "matplotlib")
BLOCKER = f'''
import sys

BLOCKED = {BLOCKED!r}


class _Blocker:
    """Refuse the search extra: the base install does not have it."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{{name}} is not installed (base install)")
        return None


sys.meta_path.insert(0, _Blocker())
'''


@pytest.fixture(scope="module")
def base_env(tmp_path_factory):
    d = tmp_path_factory.mktemp("base_tier")
    (d / "sitecustomize.py").write_text(BLOCKER)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(d), str(ROOT)]))
    return env


def _run(env, *args, timeout=1800):
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_the_blocker_blocks_the_search_extra(base_env):
    code = (f"import importlib\nfor m in {BLOCKED!r}:\n    try:\n        importlib.import_module(m)\n"
            "    except ImportError:\n        print('blocked', m)\n")
    out = _run(base_env, "-c", code, timeout=120).stdout.split("\n")
    assert [line for line in out if line] == [f"blocked {m}" for m in BLOCKED]
    # the public API loads without them; a search verb says which extra it needs
    r = _run(base_env, "-c", "import exactbell\nF = exactbell.BellFunctional.chsh()\n"
                             "print(exactbell.local_bound(F).value)\n"
                             "try:\n    exactbell.ns_bound(F)\nexcept ImportError as e:\n    print(e)", timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "2"
    assert r.stdout.splitlines()[1].startswith('ns_bound needs the search extra (pip install "exactbell[search]")')
    # the JSON and Faacets exchange formats and the LaTeX report need no numpy; .npy files say what they need
    r = _run(base_env, "-c", "from exactbell import interop, local_bound, check\n"
                             "F = interop.from_faacets([2, 2], '<A1 B1> + <A1 B2> + <A2 B1> - <A2 B2>')\n"
                             "G = interop.from_json(interop.to_json(F, 'cg'))\n"
                             "print(local_bound(G).value, interop.to_array(G, 'fc'))\n"
                             "print(check('proofs/wooltorton-brown-colbeck/C004-01.local.json', jobs=1).latex()"
                             ".splitlines()[0])\n"
                             "try:\n    interop.save_npy(F, 'x.npy')\nexcept ImportError as e:\n    print(e)", timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "2 [[Fraction(0, 1), Fraction(0, 1), Fraction(0, 1)], [Fraction(0, 1), Fraction(1, 1), Fraction(1, 1)], "
        "[Fraction(0, 1), Fraction(1, 1), Fraction(-1, 1)]]",
        "% exactbell 0.1.0 certificate summary: 1 passed, 0 failed",
        'save_npy needs the search extra (pip install "exactbell[search]"): numpy is not installed (base install)']


def _smallest_per_kind() -> list[str]:
    """The smallest bundled certificate of every kind (the default run's sample of the base tier)."""
    best = {}
    for p in bundled_certificates():
        kind = json.loads(p.read_text())["kind"]
        if p.stem not in SLOW_CERTIFICATES and (kind not in best or p.stat().st_size < best[kind].stat().st_size):
            best[kind] = p
    return [str(best[k]) for k in sorted(best)]


def test_base_install_checks_one_certificate_of_every_kind(base_env):
    files = _smallest_per_kind()
    r = _run(base_env, "-m", "exactbell", "check", "--json", "-j", "1", *files, timeout=600)
    rows = json.loads(r.stdout)
    assert len({row["kind"] for row in rows}) == len(files) >= 14
    assert [row["id"] for row in rows if not row["passed"]] == [] and r.returncode == 0


@pytest.mark.slow
def test_base_install_checks_every_bundled_certificate(base_env):
    files = [str(p) for p in bundled_certificates() if p.stem not in SLOW_CERTIFICATES]
    r = _run(base_env, "-m", "exactbell", "check", "--json", "-j", str(os.cpu_count() or 1), *files)
    rows = json.loads(r.stdout)
    failed = [f"{row['id']}: {row['detail']}" for row in rows if not row["passed"]]
    assert not failed, "\n".join(failed[:5])
    assert len(rows) == len(files) and r.returncode == 0
    assert r.stderr.strip().endswith(f"{len(files)} passed, 0 failed")
