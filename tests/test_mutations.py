"""Property test over every bundled certificate: the valid file passes, and changing any one
exact entry (a coefficient, a bound, an SOS term, a parameter, a counterexample) or dropping one
element of a list (a vertex, a strategy, a term) makes the checker reject it."""
import copy
import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactbell.legacy.checkers import check_file
from exactbell.kernel.expr import ExprError, tokenize

from .conftest import bundled_params, load

EXAMPLES = int(os.environ.get("EXACTBELL_MUTATIONS", "6"))  # mutants per certificate, at most
BUDGET = float(os.environ.get("EXACTBELL_MUTATION_SECONDS", "6"))  # ... and about this much checking time
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


def mutation_sites(cert):
    sites = []
    for top in ("data", "parameters"):
        if top in cert:
            sites += [(k, (top,) + p) for k, p in leaves(cert[top])]
    if "counterexample" in cert["expected"]:
        sites += [(k, ("expected", "counterexample") + p) for k, p in leaves(cert["expected"]["counterexample"])]
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


@pytest.mark.parametrize("path", bundled_params())
def test_certificate_passes_and_every_single_mutation_is_rejected(path, tmp_path_factory):
    result = check_file(path)
    assert result.passed, result.detail
    examples = max(2, min(EXAMPLES, int(BUDGET / max(result.seconds, 1e-3))))
    cert = load(path)
    assert result.verdict == cert["expected"]["verdict"]
    sites = mutation_sites(cert)
    assert sites, "certificate has no exact data to mutate"
    out = tmp_path_factory.mktemp("mut") / path.name

    @settings(max_examples=min(examples, 4 * len(sites)), deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(sites), st.sampled_from(DELTAS))
    def mutated_is_rejected(site, delta):
        out.write_text(json.dumps(apply(cert, site, delta)))
        result = check_file(out)
        assert not result.passed, f"mutation {site} by {delta} was accepted: {result.detail}"

    mutated_is_rejected()
