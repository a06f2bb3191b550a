"""cos and sin of rational multiples of π as exact algebraic numbers (float-free).

Checker side: :func:`verify_cos` / :func:`verify_sin` decide exactly whether a field element c
equals cos(rπ): with r = u/q in lowest terms, cos(rπ) is a root of T_q(x) − (−1)^u (Chebyshev);
c must be a root too (exact evaluation), and a rigorous rational enclosure of cos(rπ)
(python-flint ``arb``) together with the enclosure of c must lie in an interval holding only one
distinct root of that polynomial (exact Sturm count).

Generator side: :func:`trig_field` finds a small real cyclotomic field Q(2cos(2π/m)) containing
all requested values and returns them as field elements.
"""
from __future__ import annotations

from fractions import Fraction
from math import gcd

from ..kernel import upoly
from ..kernel.algebraic import AlgebraicNumber, NumberField


def chebyshev_t(n: int) -> list:
    """T_n as a coefficient list (lowest degree first)."""
    t0, t1 = [Fraction(1)], [Fraction(0), Fraction(1)]
    if n == 0:
        return t0
    for _ in range(n - 1):
        t0, t1 = t1, upoly.add(upoly.mul([Fraction(0), Fraction(2)], t1), upoly.scale(t0, -1))
    return t1


def _arf_to_fraction(x) -> Fraction:
    man, exp = x.man_exp()
    man, exp = int(man), int(exp)
    return Fraction(man * 2**exp) if exp >= 0 else Fraction(man, 2 ** (-exp))


def cos_pi_enclosure(r: Fraction, prec: int = 128) -> tuple[Fraction, Fraction]:
    """Rigorous rational interval containing cos(rπ) (flint arb ball → exact endpoints)."""
    import flint

    old = flint.ctx.prec
    flint.ctx.prec = prec
    try:
        ball = (flint.arb(flint.fmpq(r.numerator, r.denominator)) * flint.arb.pi()).cos()
        mid, rad = _arf_to_fraction(ball.mid()), _arf_to_fraction(ball.rad())
    finally:
        flint.ctx.prec = old
    return mid - rad, mid + rad


def _evaluate(poly, x):
    out = x - x
    for c in reversed(poly):
        out = out * x + c
    return out


def _enclose(c, width: Fraction) -> tuple[Fraction, Fraction]:
    if isinstance(c, AlgebraicNumber):
        while True:
            lo, hi = c.enclosure()
            if hi - lo <= width:
                return lo, hi
            c.field.refine()
    c = Fraction(c)
    return c, c


class TrigError(ValueError):
    pass


def verify_cos(c, r: Fraction) -> None:
    """Raise :class:`TrigError` unless the exact scalar ``c`` equals cos(rπ)."""
    r = Fraction(r)
    q, u = r.denominator, r.numerator
    target = [Fraction(-((-1) ** u))]
    poly = upoly.add(chebyshev_t(q), target)  # T_q(x) - (-1)^u
    if _evaluate(poly, c) != 0:
        raise TrigError(f"value is not cos({r}*pi): T_{q}(c) != {(-1) ** u}")
    sq = upoly.flint(poly) // upoly.flint(poly).gcd(upoly.flint(poly).derivative())  # square-free part
    width = Fraction(1, 16 * q * q)
    lo1, hi1 = _enclose(c, width)
    lo2, hi2 = cos_pi_enclosure(r)
    lo, hi = min(lo1, lo2) - width, max(hi1, hi2) + width
    if upoly.count_roots(sq, lo, hi) != 1:
        raise TrigError(f"value is another root of T_{q}(x) - ({(-1) ** u}), not cos({r}*pi)")


def verify_sin(s, r: Fraction) -> None:
    """sin(rπ) = cos((1/2 − r)π)."""
    try:
        verify_cos(s, Fraction(1, 2) - Fraction(r))
    except TrigError:
        raise TrigError(f"value is not sin({Fraction(r)}*pi)") from None


# ---------------------------------------------------------------------------------------------
# generator side: a small field containing given cos/sin values

def _cos_minpoly(m: int) -> list:
    from flint import fmpz_poly

    p = fmpz_poly.cos_minpoly(m)
    return [Fraction(int(c)) for c in p.coeffs()]


def _lcm(a, b):
    return a * b // gcd(a, b)


def _solve_rational(columns: list[list[Fraction]], target: list[Fraction]):
    """Rational x with Σ x_k columns[k] = target, or None (exact Gaussian elimination)."""
    n, rows = len(columns), len(target)
    A = [[columns[k][i] for k in range(n)] + [target[i]] for i in range(rows)]
    piv_cols, r = [], 0
    for col in range(n):
        p = next((i for i in range(r, rows) if A[i][col] != 0), None)
        if p is None:
            continue
        A[r], A[p] = A[p], A[r]
        inv = 1 / A[r][col]
        A[r] = [v * inv for v in A[r]]
        for i in range(rows):
            if i != r and A[i][col] != 0:
                f = A[i][col]
                A[i] = [a - f * b for a, b in zip(A[i], A[r])]
        piv_cols.append(col)
        r += 1
    if any(A[i][n] != 0 for i in range(r, rows)):
        return None
    x = [Fraction(0)] * n
    for i, col in enumerate(piv_cols):
        x[col] = A[i][n]
    return x


def cyclotomic_real_field(m: int, generator: str = "g"):
    """Q(2cos(2π/m)) as a :class:`NumberField`, or None when it is Q (m in 1, 2, 3, 4, 6)."""
    mp = _cos_minpoly(m)
    if len(mp) <= 2:
        return None
    lo, hi = cos_pi_enclosure(Fraction(2, m))
    bound = 1 + max(abs(x / mp[-1]) for x in mp[:-1])  # Cauchy: every real root lies in (-bound, bound)
    for a, b in upoly.isolate_real_roots(mp, -bound, bound):
        if a < 2 * lo and 2 * hi < b:
            return NumberField(generator, mp, a, b)
    # the enclosure straddles an isolating-interval end: refine by bisection around it
    roots = upoly.isolate_real_roots(mp, 2 * lo - 1, 2 * hi + 1)
    for a, b in roots:
        if a <= 2 * hi and 2 * lo <= b:
            return NumberField(generator, mp, a, b)
    raise RuntimeError("could not isolate 2cos(2pi/m)")


def _cos_in(field, m: int, k: int):
    """cos(2πk/m) as an element of Q(g), g = 2cos(2π/m)."""
    t = chebyshev_t(abs(k) % m)
    half_g = field.gen() * Fraction(1, 2) if field is not None else None
    if field is None:
        raise ValueError
    return _evaluate(t, half_g)


def trig_field(angles, generator: str = "g"):
    """(field or None, {"cos": {r: value}, "sin": {r: value}}) for angles rπ, r rational.

    The values lie in K_m = Q(2cos(2π/m)), m the least multiple of 4 with r·m/2 ∈ Z for all r;
    the smallest subfield K_{m'} (m' | m) that contains them all is returned (None = Q)."""
    angles = [Fraction(r) for r in angles]
    m = 4
    for r in angles:
        m = _lcm(m, (r / 2).denominator)
        m = _lcm(m, (Fraction(1, 4) - r / 2).denominator)
    big = cyclotomic_real_field(m, generator)
    needed = {}
    for r in angles:
        needed[("cos", r)] = Fraction(r * m / 2)
        needed[("sin", r)] = Fraction((Fraction(1, 4) - r / 2) * m)
    if big is None:
        values = {key: _rational_cos(Fraction(2 * k, m)) for key, k in needed.items()}
        return None, _pack(values)
    big_vals = {key: _cos_in(big, m, int(k)) for key, k in needed.items()}
    d = big.degree
    for m2 in sorted((x for x in range(1, m + 1) if m % x == 0), key=lambda x: (len(_cos_minpoly(x)), x)):
        deg2 = len(_cos_minpoly(m2)) - 1
        if deg2 == d:
            break
        g2 = 2 * _cos_in(big, m, m // m2)  # 2cos(2π/m2) in K_m
        powers, p = [], big.element([1])
        for _ in range(deg2):
            powers.append([p.c[i] if i < len(p.c) else Fraction(0) for i in range(d)])
            p = p * g2
        coords = {}
        for key, v in big_vals.items():
            x = _solve_rational(powers, [v.c[i] if i < len(v.c) else Fraction(0) for i in range(d)])
            if x is None:
                break
            coords[key] = x
        else:
            small = cyclotomic_real_field(m2, generator)
            if small is None:
                return None, _pack({key: x[0] for key, x in coords.items()})
            return small, _pack({key: small.element(x) for key, x in coords.items()})
    return big, _pack(big_vals)


def _rational_cos(r: Fraction) -> Fraction:
    """cos(rπ) for the rational cases (r·6 ∈ Z ... only values 0, ±1/2, ±1)."""
    r = r % 2
    table = {Fraction(0): 1, Fraction(1, 3): Fraction(1, 2), Fraction(1, 2): 0, Fraction(2, 3): Fraction(-1, 2),
             Fraction(1): -1, Fraction(4, 3): Fraction(-1, 2), Fraction(3, 2): 0, Fraction(5, 3): Fraction(1, 2)}
    if r not in table:
        raise ValueError(f"cos({r}*pi) is irrational")
    return Fraction(table[r])


def _pack(values: dict) -> dict:
    out = {"cos": {}, "sin": {}}
    for (kind, r), v in values.items():
        out[kind][r] = v
    return out


def approx_text(x, digits: int = 7) -> str:
    """Exact text of a scalar, with a decimal approximation for irrational field elements
    (computed from a rigorous enclosure; no floats)."""
    from ..kernel.params import scalar_text

    if not isinstance(x, AlgebraicNumber) or x.is_rational():
        return scalar_text(x)
    width = Fraction(1, 10 ** (digits + 2))
    lo, hi = _enclose(x, width)
    mid = (lo + hi) / 2
    scaled = round(mid * 10**digits)
    sign = "-" if scaled < 0 else ""
    q, r = divmod(abs(scaled), 10**digits)
    return f"{sign}{q}.{r:0{digits}d}~ ({scalar_text(x)})"
