"""Sturm sequences, root isolation and exact sign patterns of univariate polynomials."""
from fractions import Fraction as F

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from exactbell.kernel import upoly


def poly_from_roots(roots):
    p = [F(1)]
    for r in roots:
        p = upoly.mul(p, [-F(r), F(1)])
    return p


def test_count_roots_half_open():
    p = poly_from_roots([1, 2, 3])
    assert upoly.count_roots(p, F(0), F(3)) == 3
    assert upoly.count_roots(p, F(1), F(3)) == 2  # (1, 3] excludes 1
    assert upoly.count_roots([F(-2), F(0), F(1)], F(-2), F(2)) == 2  # x^2 - 2


@settings(max_examples=50, deadline=None)
@given(st.lists(st.fractions(min_value=-5, max_value=5, max_denominator=7), min_size=1, max_size=5))
def test_isolation_finds_every_distinct_root(roots):
    p = poly_from_roots(roots)
    boxes = upoly.isolate_real_roots(p, F(-6), F(6))
    assert len(boxes) == len(set(roots))
    for r in set(roots):
        assert sum(1 for lo, hi in boxes if lo < r <= hi) == 1


def test_nonnegativity_with_tangency_and_counterexample():
    assert upoly.nonnegative_on(poly_from_roots([1, 1]), F(0), F(3)) == (True, None)  # tangency at 1
    ok, x = upoly.nonnegative_on(poly_from_roots([1, 2]), F(0), F(3))
    assert not ok and upoly.evaluate(poly_from_roots([1, 2]), x) < 0
    # x^2 - 2 >= 0 on [3/2, 2] but not on [1, 2]
    assert upoly.nonnegative_on([F(-2), F(0), F(1)], F(3, 2), F(2))[0]
    ok, x = upoly.nonnegative_on([F(-2), F(0), F(1)], F(1), F(2))
    assert not ok and x * x < 2


@settings(max_examples=50, deadline=None)
@given(st.lists(st.fractions(min_value=-3, max_value=3, max_denominator=5), min_size=1, max_size=4),
       st.fractions(min_value=-4, max_value=0, max_denominator=3), st.fractions(min_value=0, max_value=4, max_denominator=3))
def test_sign_cells_cover_every_cell(roots, lo, hi):
    assume(lo < hi)
    p = poly_from_roots(roots)
    cells = upoly.sign_cells(p, lo, hi)
    inside = sorted(r for r in set(roots) if lo < r < hi)
    assert len(cells) == len(inside) + 3  # two ends and one sample per open cell
    xs = [x for x, _ in cells]
    assert xs == sorted(xs)
    for x, s in cells:
        v = upoly.evaluate(p, x)
        assert s == (v > 0) - (v < 0)
    for (x, _), r in zip(cells[1:-1], inside):
        assert x < r


def test_roots_between_is_exact_for_rational_roots_and_isolates_the_others():
    # (x - 1/2)(x - 1)(x^2 - 2)(x + 3) on (-2, 1): 1/2 exactly, sqrt(2) outside, -sqrt(2) isolated, 1 at the open end
    p = upoly.mul(poly_from_roots([F(1, 2), 1, -3]), [F(-2), F(0), F(1)])
    rational, records = upoly.roots_between([p, poly_from_roots([F(1, 2)])], F(-2), F(1))
    assert rational == {F(1, 2)} and len(records) == 1
    lo, hi, seq = records[0]
    assert lo < hi and lo * abs(lo) < -2 <= hi * abs(hi) and upoly.trim(seq[0]) == [F(-2), F(0), F(1)]


def test_fmpq_and_fraction_convert_both_ways_exactly():
    """upoly.to_fmpq / upoly.to_fraction: the kernel's one conversion each way."""
    for q in (F(0), F(-7, 3), F(10**40 + 1, 7**20)):
        back = upoly.to_fraction(upoly.to_fmpq(q))
        assert back == q and type(back) is F
    assert upoly.to_fraction(upoly.flint([F(3), F(-5, 2)]).coeffs()[1]) == F(-5, 2)
