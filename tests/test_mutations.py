"""Every bundled certificate passes, and every mutation is rejected.

Mutated copies are written beside a copy of their folder's pin file, so a mutation that the
kernel accepts but that changes the decided statement fails its pin: either way it does not
pass. Two families of mutations:

* exact witness entries: change one number or expression, drop one element of a list;
* semantic ones (kernel certificates): an unread key, a renamed parameter (onto a reserved,
  observable or generator name), a flipped sense, an opened or narrowed domain, a dropped
  paper value, a changed expected verdict.
"""
import copy
import json
import os
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactbell.kernel.check import check_file
from exactbell.kernel.expr import ExprError, tokenize
from exactbell.kernel.pins import PIN_FILE

from .conftest import SLOW_MUTANTS, bundled_params, load

EXAMPLES = int(os.environ.get("EXACTBELL_MUTATIONS", "6"))  # mutants per certificate, at most
# fewer mutants where each one re-decides a whole class list or every premise; fixed per kind, never
# measured, so which mutants run does not depend on the machine's load
FEWER = {"classes": 2, "composite": 2}
DELTAS = ["1/7", "-1/3", "2", "-1/1000003"]


def _is_exact_text(s: str) -> bool:
    if not re.search(r"\d", s):
        return False
    try:
        tokenize(s)
    except ExprError:
        return False
    return True


def leaves(obj, path=()):
    """Paths of mutable exact leaves and of lists with >= 2 elements."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from leaves(v, path + (k,))
    elif isinstance(obj, list):
        if len(obj) >= 2:
            yield ("drop", path)
        for i, v in enumerate(obj):
            yield from leaves(v, path + (i,))
    elif isinstance(obj, int) and not isinstance(obj, bool):
        yield ("int", path)
    elif isinstance(obj, str) and _is_exact_text(obj):
        yield ("text", path)


# Witness entries that are proofs with freedom: another value may prove the same statement, so a
# mutant may pass — with the pinned statement, which is all a pin promises. Each entry says why.
NON_CANONICAL = {
    # any functional strictly larger on the point than on every other point proves it extreme
    ("vertex-set", ("data", "extreme", "*", "functional")),
    # a point may carry several labels; another label of the same point names the same point
    ("vertex-set", ("data", "extreme", "*", "label")),
    ("vertex-set", ("data", "redundant", "*", "label")),
    # any label in the same orbit generates the same class
    ("vertex-set", ("data", "representatives", "*", "orbits")),
    # the refutation is existential: any combination of model points with the stated value is a witness
    ("local-bound", ("data", "point", "weights")),
    # LP duals are not unique: a multiplier of a row with right-hand side 0 whose columns have slack may
    # grow and still prove the same bound (tests/test_kernel_lp.py attacks the duals with targeted mutants)
    ("lp", ("data", "dual")),
    ("lp", ("data", "duals")),
    ("lp", ("data", "pieces", "*", "dual")),
}


def _free(kind, path) -> bool:
    for k, pattern in NON_CANONICAL:
        if k == kind and len(path) >= len(pattern) and all(
                q == "*" or q == p for p, q in zip(path, pattern)):
            return True
    return False


def mutation_sites(cert):
    sites = []
    for top in ("data", "parameters"):
        if top in cert:
            sites += [(k, (top,) + p) for k, p in leaves(cert[top]) if not _free(cert["kind"], (top,) + p)]
    exp = cert["expected"]
    if isinstance(exp, dict) and "counterexample" in exp:
        sites += [(k, ("expected", "counterexample") + p) for k, p in leaves(exp["counterexample"])]
    return sites


def apply(cert, site, delta):
    cert = copy.deepcopy(cert)
    kind, path = site
    parent = cert
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if kind == "drop":
        target = parent[last]
        target.pop(len(target) // 2)
    elif kind == "int":
        parent[last] = parent[last] + (1 if parent[last] <= 0 else -1)
    else:
        parent[last] = f"({parent[last]}) + {delta}"
    return cert


def semantic_mutants(cert):
    """(name, mutant) pairs: meaning changes that must be rejected or change the statement."""
    out = []

    def mutant(name, fn):
        c = copy.deepcopy(cert)
        fn(c)
        out.append((name, c))

    mutant("unread key in data", lambda c: c["data"].update(unread_note="1"))
    mutant("expected verdict flipped", lambda c: c.update(
        expected="refuted" if c["expected"] != "refuted" else "verified"))
    if "paper" in cert["data"]:
        mutant("paper value dropped", lambda c: c["data"].pop("paper"))
    if "sense" in cert["data"]:
        mutant("sense flipped", lambda c: c["data"].update(sense={"max": "min", "min": "max"}.get(
            c["data"]["sense"], "max")))
    for name, value in cert.get("parameters", {}).items():
        for reserved in ("sqrt", "A0", "pi"):
            def rename(c, name=name, reserved=reserved):
                c["parameters"][reserved] = c["parameters"].pop(name)
            mutant(f"parameter {name} renamed to {reserved}", rename)
        if isinstance(value, str) and value.strip()[:1] in "([":
            flipped = ("[" if value.strip()[0] == "(" else "(") + value.strip()[1:]
            mutant(f"domain of {name} opened/closed", lambda c, n=name, v=flipped: c["parameters"].update({n: v}))
    field = cert["data"].get("field")
    if isinstance(field, dict) and cert.get("parameters"):
        first = next(iter(cert["parameters"]))

        def collide(c, first=first):
            c["parameters"][c["data"]["field"]["generator"]] = c["parameters"].pop(first)
        mutant("parameter renamed onto the field generator", collide)
    return out


def _setup(path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("mut")
    pins = path.parent / PIN_FILE
    if pins.exists():
        shutil.copy(pins, folder / PIN_FILE)
    cert = load(path)
    if cert["kind"] == "composite":  # its premises stand beside it, so a mutant fails on its own merits
        for name in cert["data"]["premises"]:
            shutil.copy(path.parent / name, folder / name)
    return folder / path.name


@pytest.mark.parametrize("path", bundled_params(SLOW_MUTANTS))
def test_certificate_passes_and_every_single_mutation_is_rejected(path, tmp_path_factory):
    result = check_file(path)
    assert result.passed, result.detail
    cert = load(path)
    examples = FEWER.get(cert["kind"], EXAMPLES)
    sites = mutation_sites(cert)
    assert sites, "certificate has no exact data to mutate"
    out = _setup(path, tmp_path_factory)

    @settings(max_examples=min(examples, 4 * len(sites)), deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(sites), st.sampled_from(DELTAS))
    def mutated_is_rejected(site, delta):
        out.write_text(json.dumps(apply(cert, site, delta)))
        result = check_file(out)
        assert not result.passed, f"mutation {site} by {delta} was accepted: {result.detail}"

    mutated_is_rejected()


@pytest.mark.parametrize("path", [p for p in bundled_params(SLOW_MUTANTS) if load(p.values[0])["exactbell"] == 2])
def test_semantic_mutations_are_rejected_or_change_the_statement(path, tmp_path_factory):
    cert = load(path)
    out = _setup(path, tmp_path_factory)
    for name, mutant in semantic_mutants(cert):
        out.write_text(json.dumps(mutant))
        result = check_file(out)
        assert not result.passed, f"{name}: accepted with the pinned statement: {result.statement}"
