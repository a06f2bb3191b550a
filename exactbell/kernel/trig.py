"""cos, sin of rational multiples of π in Q(g), g = 2cos(2π/N), built here: m = flint's ``cos_minpoly(N)``
(irreducible), D_N(g) = 2 where D_k(2cos t) = 2cos(kt) (D_0 = 2, D_1 = x, D_{k+1} = x·D_k − D_{k−1}),
so g = 2cos(2πk/N); an arb enclosure of 2cos(2π/N) narrower than 16/N² (< their gaps) makes k = 1. Then
cos(2πk/N) = D_k(g)/2, sin(rπ) = cos((1/2 − r)π); abs/max/min compare elements of Q(g) ⊂ R exactly."""
from __future__ import annotations

from fractions import Fraction

from . import limits
from .algebraic import AlgebraicNumber, NumberField
from .poly import Poly


def angle(r) -> Poly:
    """The expression value of r·π (``pi`` is the kernel polynomial variable pi)."""
    return Poly.var("pi") * Fraction(r)


def _ratio(x) -> Fraction:
    """r for an expression value r·π with r rational."""
    r = x.terms.get((("pi", 1),), Fraction(0)) if isinstance(x, Poly) and set(x.terms) <= {(("pi", 1),)} else None
    if r is None or isinstance(r, AlgebraicNumber) and not r.is_rational():
        raise ValueError("cos and sin take an angle pi*r with r rational")
    return Fraction(r.c[0] if r.c else 0) if isinstance(r, AlgebraicNumber) else Fraction(r)


class Trig:
    """cos/sin of rπ in Q(2cos(2π/N)) (``field`` None when that is Q: N in 1, 2, 3, 4, 6)."""

    def __init__(self, n: int, generator: str):
        from flint import arb, ctx, fmpq, fmpz_poly

        if not 1 <= n <= 2 * limits.ANGLE_DENOMINATOR:
            raise ValueError(f"N = {n} is not in [1, {2 * limits.ANGLE_DENOMINATOR}]")
        self.n = n
        mp = [Fraction(int(c)) for c in fmpz_poly.cos_minpoly(n).coeffs()]
        with ctx.workprec(128):
            ball = 2 * arb.cos_pi_fmpq(fmpq(2, n))
            lo, hi = (_fraction(ball.mid()) + e * _fraction(ball.rad()) for e in (-1, 1))
        rational = len(mp) == 2  # Q: g = -mp[0] must lie in the enclosure
        if not (lo <= -mp[0] <= hi if rational else hi - lo < Fraction(16, n * n)):
            raise ValueError("cos_minpoly disagrees with 2cos(2pi/N)" if rational else
                             "enclosure of 2cos(2pi/N) too wide")
        self.field = None if rational else NumberField(generator, mp, lo, hi)
        g = -mp[0] if rational else self.field.gen()
        self.d = [2 + 0 * g, g]  # D_k(g)
        for _ in range(n - 1):
            self.d.append(g * self.d[-1] - self.d[-2])
        if self.d[n] != 2:
            raise ValueError("the generator is not 2cos(2pi k/N)")

    def cos(self, x):
        r = _ratio(x)
        if (r * self.n / 2).denominator != 1:
            raise ValueError(f"cos({r}*pi) is not in Q(2cos(2pi/{self.n}))")
        return self.d[int(r * self.n / 2) % self.n] / 2

    def sin(self, x):
        return self.cos(angle(Fraction(1, 2)) - x)


def _fraction(x) -> Fraction:
    """The exact value of an arb midpoint or radius."""
    man, exp = (int(v) for v in x.man_exp())
    return man * Fraction(2) ** exp


def install(ctx, data):
    """Read ``{"generator": "g", "n": N}``: the field Q(2cos(2π/N)) (None when it is Q) becomes
    the certificate's field and ``pi``, ``cos``, ``sin`` become available in its expressions."""
    spec = data.obj("trig")
    g = spec.text("generator")
    ctx.declare(g, "generator", spec.at("generator"))
    t = ctx.guard(spec.where, lambda: Trig(spec.int("n", 1, 2 * limits.ANGLE_DENOMINATOR), g))
    ctx.field, ctx.field_note = t.field, f" (= 2cos(2pi/{t.n}))"
    ctx.constants["pi"] = Poly.var("pi")
    ctx.functions.update(cos=t.cos, sin=t.sin, abs=abs, max=max, min=min)  # exact order on Q(g)
    return t.field
