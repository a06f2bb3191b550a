"""The Table I erratum for S_(p,1)*,(p,1)* (Eq. 11; printed: 1043 classes) at the generic point
p = 2/3, r = 3/5 (issue #17): a lower bound of 1044 pairwise inequivalent facet classes under the
kernel-computed group, which the kernel finds to be all the affine symmetries of the vertices."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from exactbell.kernel.check import check_file

from .conftest import check_mutant as run

SW = Path(__file__).resolve().parents[1] / "proofs" / "sengupta-wooltorton"
PATH = SW / "C000-04.mix.p=2_3_r=3_5.json"
ID = "C000-04.mix.p=2/3,r=3/5"


def load():
    return json.loads(PATH.read_text())


def pinned_statement():
    return tomllib.loads((SW / "claims.toml").read_text())[ID]["statement"]


def test_generic_point_refutes_1043_under_every_affine_symmetry_group():
    r = check_file(PATH)
    assert (r.passed, r.pin, r.verdict) == (True, "pinned", "refuted")
    assert ("at p = 2/3, at r = 3/5 (784 spanning points, dimension 12) has at least 1044 facet classes "
            "(65416 facets in their orbits) under the group of the 64 relabelings") in r.statement
    assert r.statement.endswith("these are all the affine symmetries of the vertices (order at most 64), so every "
                                "group of symmetries has at least 1044 facet classes (paper: 1043 classes)")


def test_the_list_is_the_smallest_refutation():
    c = load()
    assert (c["data"]["paper"], len(c["data"]["classes"]), c["data"]["complete"], c["data"]["affine"]) \
        == (1043, 1044, False, True)
    assert all("ridges" not in k for k in c["data"]["classes"])


def _drop_last(c):
    c["data"]["classes"].pop()


def _repeat_first(c):
    c["data"]["classes"].append(c["data"]["classes"][0])


PAPER_ONLY_REFUTED = "data.paper: an incomplete list can only refute the printed claim"


@pytest.mark.parametrize("mutate, why", [
    (_drop_last, PAPER_ONLY_REFUTED),  # 1043 classes: a lower bound equal to the printed count refutes nothing
    (lambda c: c["data"].update(paper=1044), PAPER_ONLY_REFUTED),  # a lower bound cannot confirm a count
    (lambda c: c["data"].update(paper=2000), PAPER_ONLY_REFUTED),  # nor refute a larger one
    (_repeat_first, "data.classes[1044]: is equivalent to an earlier class"),  # 1045 listed, two equivalent
], ids=["1043-classes", "paper-1044", "paper-2000", "repeated-class"])
def test_mutants_are_rejected(tmp_path, mutate, why):
    c = load()
    mutate(c)
    r = run(tmp_path, c)
    assert r.verdict == "error"
    assert r.detail.endswith(why)


def test_without_affine_the_statement_drops_the_any_symmetry_count(tmp_path):
    c = load()
    c["data"].pop("affine")
    r = run(tmp_path, c)
    assert r.verdict == "refuted"
    assert r.statement != pinned_statement()
    assert "every group of symmetries" not in r.statement
    assert r.statement.endswith("the least number of support points on a listed facet is 12 (paper: 1043 classes)")


@pytest.mark.slow
def test_generator_is_deterministic():
    from exactbell.certificates.format import dump_certificate
    from exactbell.generators import discover

    assert dump_certificate(discover()[ID].make()) == PATH.read_text()


# -- the producer: the first classes of the adjacency decomposition (one-way p = 3/4: 13 classes) -----------

@pytest.fixture(scope="module")
def one_way():
    from fractions import Fraction

    from exactbell.polytopes.models import named_signaling

    return named_signaling("one-way-symmetric", p=Fraction(3, 4))


def test_first_classes_are_a_reproducible_prefix_refuting_a_smaller_count(tmp_path, one_way):
    from exactbell.generators.sw_polytopes import classes_v2
    from exactbell.polytopes.classcert import first_classes_data

    ten = first_classes_data(one_way, 10)
    assert (len(ten["classes"]), ten["complete"]) == (10, False)
    assert first_classes_data(one_way, 10) == ten
    cert = classes_v2("T.first", "C000-04", "test", "the first 10 one-way classes", "one-way-symmetric",
                      {"p": "3/4"}, ten, 9)
    r = run(tmp_path, cert)
    assert r.verdict == "refuted"
    assert f"has at least 10 facet classes ({ten['facets']} facets in their orbits)" in r.statement


def test_first_classes_beyond_the_class_count_are_refused(one_way):
    from exactbell.polytopes.classcert import first_classes_data

    assert len(first_classes_data(one_way, 13)["classes"]) == 13
    with pytest.raises(RuntimeError, match="only 13 facet classes, fewer than 14"):
        first_classes_data(one_way, 14)
    with pytest.raises(ValueError, match="count: 0 is not a positive number"):
        first_classes_data(one_way, 0)
