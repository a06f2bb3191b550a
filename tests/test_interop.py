"""PORTA / cdd / PANDA readers and writers: exact round trips and clear errors."""
from __future__ import annotations

from fractions import Fraction as F
from itertools import product

import pytest

from exactbell import interop
from exactbell.polytopes.cddfacets import facets_cdd, inequality_of
from exactbell.polytopes.exact import PointSet, facet_test

POINTS = [(F(0), F(0)), (F(1), F(0)), (F(0), F(1, 3)), (F(1), F(2, 3))]
INEQS = [([F(1), F(0)], F(1), "<="), ([F(-1, 2), F(3)], F(7, 5), ">="), ([F(0), F(1)], F(0), "==")]


def test_poi_round_trip():
    text = interop.write_poi(POINTS)
    assert "1/3" in text
    assert interop.read_poi(text) == POINTS


def test_ext_round_trip():
    assert interop.read_ext(interop.write_ext(POINTS)) == POINTS


def test_ieq_round_trip():
    dim, back = interop.read_ieq(interop.write_ieq(INEQS, 2))
    assert dim == 2 and back == INEQS


def test_ine_round_trip_normalises_to_upper_bounds():
    dim, back = interop.read_ine(interop.write_ine(INEQS, 2))
    assert dim == 2
    assert back[0] == ([F(1), F(0)], F(1), "<=")
    assert back[1] == ([F(1, 2), F(-3)], F(-7, 5), "<=")  # the >= row flipped
    assert back[2][2] == "=="


def test_panda_inequalities_are_read():
    text = "Inequalities:\n 2 x1 - 1/2 x2 <= 3\n-x2 >= -4\n"
    assert interop.read_panda_inequalities(text, 2) == [([F(2), F(-1, 2)], F(3), "<="), ([F(0), F(-1)], F(-4), ">=")]
    assert interop.write_panda(POINTS).startswith("Names:\nx1 x2\nVertices:")


def test_floats_and_bad_dimensions_are_rejected():
    with pytest.raises(interop.FormatError, match="decimal"):
        interop.read_poi("DIM = 2\nCONV_SECTION\n0.5 1\nEND\n")
    with pytest.raises(interop.FormatError, match="DIM"):
        interop.read_poi("DIM = 3\nCONV_SECTION\n1 1\nEND\n")
    with pytest.raises(interop.FormatError, match="x3"):
        interop.read_ieq("DIM = 2\nINEQUALITIES_SECTION\nx3 <= 1\nEND\n")
    with pytest.raises(interop.FormatError, match="not exact"):
        interop.read_ine("H-representation\nbegin\n 1 3 real\n 1 0 0\nend\n")


def test_exported_cube_facets_verify_after_import():
    ps = PointSet(list(product((0, 1), repeat=3)))
    ineqs = []
    for T in facets_cdd(ps):
        a, b = inequality_of(ps, T)
        ineqs.append((list(a), b, "<="))
    dim, back = interop.read_ieq(interop.write_ieq(ineqs, 3))
    assert all(facet_test(ps, a, b, rel)["facet"] for a, b, rel in back) and len(back) == 6
