"""Exact algebraic leaves for two parameters: f = N/D ≥ 0 on a closed box, zeros allowed anywhere.

Used by :mod:`exactbell.prover.boxes` (leaf letter ``A``) for boxes that touch a zero of f in
their interior (tangencies), where interval arithmetic and Bernstein coefficients cannot close.
Float-free; only exact arithmetic (python-flint fmpq_mpoly: factorisation, discriminants;
Sturm sequences of :mod:`exactbell.kernel.upoly`).

The argument (x = first parameter, y = second, box [a1,b1]×[a2,b2], D of one strict sign s on
the box, proved by its Bernstein coefficients):

1. *Kernel.* Factor s·N = c·∏ f_i^e_i over Q. Factors with even e_i are squares (≥ 0); a
   linear factor vanishing on a face of the box has constant sign on the box. Dropping both
   (folding the sign of the latter into c) leaves a square-free kernel M with s·N = M·E,
   E ≥ 0 on the box, so M ≥ 0 on the box implies f ≥ 0 there.
2. *Projection.* P(x) = lc_y(M)·disc_y(M)·M(x,a2)·M(x,b2) is a nonzero polynomial (M is
   square-free and has no factor y−a2, y−b2). On an open interval I ⊂ (a1,b1) free of roots
   of P, the roots of M(x,·) in [a2,b2] are simple, never at a2 or b2 and never escape to
   infinity, so if M(x_s,·) > 0 on [a2,b2] at one sample x_s ∈ I then M > 0 on I×[a2,b2]
   (a first zero would be a double root or an end root, i.e. a root of P).
3. *Samples.* One canonical rational sample per open cell of P in (a1,b1) (the cells of
   :func:`exactbell.kernel.upoly.sign_cells`); M(x_s,·) > 0 on [a2,b2] is decided exactly.
   By continuity M ≥ 0 on the closure of the cells, the whole box.
If a sample shows M(x_s,y) < 0, the rational point (x_s, y) is a counterexample candidate.
The irrational zeros (tangency points) never need to be computed: they are roots of P.
"""
from __future__ import annotations

from fractions import Fraction

from ..kernel import upoly
from ..kernel.numbers import ExactnessError, format_rational, to_rational
from .expression import ProverError


def _frac(c) -> Fraction:
    return Fraction(int(c.p), int(c.q))


def _terms(poly) -> dict:
    return {tuple(int(e) for e in k): _frac(v) for k, v in poly.to_dict().items()}


def _upoly_x(terms: dict) -> list:
    """Terms that involve only x -> univariate coefficient list."""
    deg = max((e[0] for e in terms), default=0)
    out = [Fraction(0)] * (deg + 1)
    for (ex, ey), c in terms.items():
        if ey:
            raise ProverError("internal: polynomial still depends on the second parameter")
        out[ex] += c
    return upoly.trim(out)


def _coeff_y(terms: dict, k: int) -> list:
    return _upoly_x({(ex, 0): c for (ex, ey), c in terms.items() if ey == k}) if terms else []


def _at_y(terms: dict, y: Fraction) -> list:
    acc: dict = {}
    for (ex, ey), c in terms.items():
        acc[(ex, 0)] = acc.get((ex, 0), 0) + c * y**ey
    return _upoly_x(acc)


def _at_x(terms: dict, x: Fraction) -> list:
    deg = max((e[1] for e in terms), default=0)
    out = [Fraction(0)] * (deg + 1)
    for (ex, ey), c in terms.items():
        out[ey] += c * x**ex
    return upoly.trim(out)


def _boundary_sign(fac_terms: dict, box) -> int | None:
    """+1/-1 if the factor is linear in one variable and vanishes on a face of the box, else None."""
    if len(fac_terms) > 2 or any(sum(e) > 1 for e in fac_terms):
        return None
    lin = [(e, c) for e, c in fac_terms.items() if sum(e) == 1]
    if len(lin) != 1:
        return None
    (e, a) = lin[0]
    i = 0 if e[0] else 1
    b = fac_terms.get((0, 0), Fraction(0))
    root = -b / a
    lo, hi = box[i]
    if root == lo:
        return 1 if a > 0 else -1
    if root == hi:
        return -1 if a > 0 else 1
    return None


def kernel(num, sign: int, box):
    """Square-free kernel M of sign·num on the box (fmpq_mpoly) as in step 1 of the module doc."""
    c, facs = num.factor()
    s = 1 if _frac(c) * sign > 0 else -1
    keep = []
    for f, e in facs:
        if int(e) % 2 == 0:
            continue
        bs = _boundary_sign(_terms(f), box)
        if bs is not None:
            s *= bs
            continue
        keep.append(f)
    M = num.context().constant(s)
    for f in keep:
        M = M * f
    return M


def _projection(M, box) -> list:
    terms = _terms(M)
    degy = max((e[1] for e in terms), default=0)
    (a2, b2) = box[1]
    P = upoly.mul(_at_y(terms, a2), _at_y(terms, b2))
    if degy >= 1:
        P = upoly.mul(P, _coeff_y(terms, degy))
    if degy >= 2:
        disc = _upoly_x(_terms(M.discriminant(M.context().names()[1])))
        P = upoly.mul(P, disc)
    P = upoly.trim(P)
    if not P:
        raise ProverError("internal: the projection polynomial vanishes identically")
    return P


def samples(M, box) -> list:
    """Canonical rational samples, one per open cell of the projection polynomial in (a1, b1)."""
    (a1, b1) = box[0]
    P = _projection(M, box)
    if upoly.degree(P) < 1:
        return [(a1 + b1) / 2]
    cells = upoly.sign_cells(P, a1, b1)
    return [x for x, _ in cells[1:-1]]


def decide(num, sign: int, box):
    """("proved", record) | ("refuted", (x, y)) for sign·num ≥ 0 on the closed 2-d box."""
    if len(box) != 2:
        raise ProverError("algebraic leaves need exactly two parameters")
    M = kernel(num, sign, box)
    terms = _terms(M)
    xs = samples(M, box)
    (a2, b2) = box[1]
    for x in xs:
        cells = upoly.sign_cells(_at_x(terms, x), a2, b2)
        for y, s in cells[1:-1] + [cells[0], cells[-1]]:  # interior samples first: the point stays inside
            if s <= 0:
                return "refuted", (x, y)
    return "proved", {"kernel": str(M), "samples": [format_rational(x) for x in xs]}


def check(num, sign: int, box, record, names) -> None:
    """Re-derive an algebraic leaf exactly and compare with its record; raises ProverError."""
    if not isinstance(record, dict) or set(record) != {"kernel", "samples"}:
        raise ProverError("an algebraic leaf record is {kernel, samples}")
    M = kernel(num, sign, box)
    from .expression import Ring

    ring = Ring(names)
    try:
        got = ring.parse_poly(record["kernel"])
    except Exception as e:  # noqa: BLE001 - malformed text is a proof error
        raise ProverError(f"kernel: {e}") from None
    if got != M:
        raise ProverError(f"kernel: the square-free kernel on this box is {M}")
    xs = samples(M, box)
    listed = record["samples"]
    if not isinstance(listed, list) or len(listed) != len(xs):
        raise ProverError(f"samples: the projection has {len(xs)} open cells")
    terms = _terms(M)
    (a2, b2) = box[1]
    for i, (t, x) in enumerate(zip(listed, xs)):
        try:
            tx = to_rational(t)
        except (ExactnessError, ValueError, TypeError):
            tx = None
        if tx != x:
            raise ProverError(f"samples[{i}]: the canonical sample of cell {i} is {x}")
        if any(s <= 0 for _, s in upoly.sign_cells(_at_x(terms, x), a2, b2)):
            raise ProverError(f"samples[{i}]: the kernel is not positive on the fibre x = {x}")
