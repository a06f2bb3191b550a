"""Several parameters: bisection of the domain box, every leaf closed rigorously.

The subdivision is recorded as a preorder string over {S, I, B}: ``S`` splits the current box
at the midpoint of its widest side (ties: the first parameter), ``I`` closes a box because an
arb (ball arithmetic) enclosure of f on the closed box is > 0 (≥ 0 for non-strict), ``B``
closes a box exactly: f is a single rational function N/D there, the Bernstein coefficients of
D on the box are all of one strict sign and those of N·sign(D) are all ≥ 0 (for strict
relations: on every closed face of the box that is not on an open side of the domain, some
coefficient of that face is > 0). The B leaves handle zeros on box corners and edges
(tangencies at the boundary, vanishing slacks), where interval arithmetic cannot close.
``A`` (two parameters, non-strict relations) closes a box by exact real-algebraic work
(:mod:`exactbell.prover.algebraic2`): zeros anywhere in the box, e.g. an interior tangency at
an irrational point; its record (square-free kernel, cell samples) is listed, in preorder, in
the proof's ``algebraic`` field.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product
from math import comb

from .expression import (Collector, ProverError, Ring, eval_arb, eval_point, interval, is_piecewise)

MAX_DEPTH = 40
MAX_LEAVES = 20000
ALG_DEPTH = 4  # algebraic leaves are tried from this depth on (cheaper closes first)


def _split(box):
    widths = [hi - lo for lo, hi in box]
    d = widths.index(max(widths))
    lo, hi = box[d]
    mid = (lo + hi) / 2
    left, right = list(box), list(box)
    left[d], right[d] = (lo, mid), (mid, hi)
    return left, right


def _poly_dict(p):
    return {tuple(int(x) for x in e): Fraction(int(c.p), int(c.q)) for e, c in p.to_dict().items()}


def bernstein(p, box) -> dict:
    """Exact Bernstein coefficients of polynomial p (fmpq_mpoly) on the box, keyed by multi-index."""
    n = len(box)
    coeffs = _poly_dict(p)
    degs = [max((e[i] for e in coeffs), default=0) for i in range(n)]
    # substitute x_i = lo_i + w_i t_i : expand per variable
    cur = coeffs
    for i, (lo, hi) in enumerate(box):
        w = hi - lo
        nxt: dict = {}
        for e, c in cur.items():
            k = e[i]
            for j in range(k + 1):  # (lo + w t)^k = sum_j C(k,j) lo^(k-j) w^j t^j
                cc = c * comb(k, j) * lo ** (k - j) * w**j
                if cc:
                    f = e[:i] + (j,) + e[i + 1:]
                    nxt[f] = nxt.get(f, 0) + cc
        cur = nxt
    # power basis -> Bernstein basis along each axis: b_k = sum_{j<=k} C(k,j)/C(d,j) a_j
    for i in range(n):
        d = degs[i]
        nxt = {}
        for e, c in cur.items():
            j = e[i]
            for k in range(j, d + 1):
                f = e[:i] + (k,) + e[i + 1:]
                nxt[f] = nxt.get(f, 0) + c * Fraction(comb(k, j), comb(d, j))
        cur = nxt
    full = {}
    for idx in product(*[range(d + 1) for d in degs]):
        full[idx] = cur.get(idx, Fraction(0))
    return {"degrees": degs, "coeffs": full}


def _faces(box, open_sides):
    """Closed faces of the box not lying on an open side of the domain: per axis 'lo'/'hi'/'in'."""
    n = len(box)
    for choice in product(("lo", "in", "hi"), repeat=n):
        if any(ch != "in" and open_sides[i][ch] for i, ch in enumerate(choice)):
            continue
        yield choice


def den_sign(sv, box) -> int:
    """+1/-1 if the Bernstein coefficients of the denominator on the box share a strict sign, else 0."""
    den = bernstein(sv.A.den, box)["coeffs"].values()
    if all(c > 0 for c in den):
        return 1
    if all(c < 0 for c in den):
        return -1
    return 0


def bernstein_close(sv, box, strict: bool, open_sides) -> bool:
    if sv.B is not None:
        return False
    s = den_sign(sv, box)
    if s == 0:
        return False
    bn = bernstein(sv.A.num, box)
    co, degs = bn["coeffs"], bn["degrees"]
    if any(s * c < 0 for c in co.values()):
        return False
    if not strict:
        return True
    for face in _faces(box, open_sides):
        ok = False
        for idx, c in co.items():
            if s * c > 0 and all((ch == "lo" and k == 0) or (ch == "hi" and k == degs[i]) or ch == "in"
                                 for i, (ch, k) in enumerate(zip(face, idx))):
                ok = True
                break
        if not ok:
            return False
    return True


def _open_sides(box, domain_box, open_flags):
    return [{"lo": open_flags[i][0] and box[i][0] == domain_box[i][0],
             "hi": open_flags[i][1] and box[i][1] == domain_box[i][1]} for i in range(len(box))]


def arb_close(node, box, strict: bool) -> bool:
    v = eval_arb(node, [interval(lo, hi) for lo, hi in box])
    return bool(v > 0) if strict else bool(v >= 0)


def _algebraic_ok(single, names, strict):
    return single is not None and single.B is None and len(names) == 2 and not strict


def algebraic_leaf(single, box):
    """("proved", record) | ("refuted", point) | None (denominator sign not proved)."""
    from . import algebraic2

    s = den_sign(single, box)
    if s == 0:
        return None
    try:
        return algebraic2.decide(single.A.num, s, box)
    except ProverError:  # e.g. a degenerate projection: leave the box to bisection
        return None


def prove(node, names, domain_box, open_flags, strict: bool, algebraic: list | None = None):
    """Returns ("proved", tree) | ("refuted", point) | ("unknown", reason).

    Records of algebraic leaves (letter A) are appended, in preorder, to ``algebraic``."""
    if algebraic is None:
        algebraic = []
    ring = Ring(names)
    single = None
    if not is_piecewise(node):
        vals = Collector(ring).values(node)
        single = vals[0] if len(vals) == 1 else None
    out: list[str] = []
    stack = [(list(domain_box), 0)]
    leaves = 0
    while stack:
        box, depth = stack.pop()
        centre = tuple((lo + hi) / 2 for lo, hi in box)
        try:
            s = eval_point(node, centre).sign()
        except ProverError:
            s = None
        if s is not None and (s < 0 or (strict and s == 0)):
            return "refuted", centre
        if arb_close(node, box, strict):
            out.append("I")
        elif single is not None and bernstein_close(single, box, strict, _open_sides(box, domain_box, open_flags)):
            out.append("B")
        elif depth >= ALG_DEPTH and _algebraic_ok(single, names, strict) and \
                (res := algebraic_leaf(single, box)) is not None:
            if res[0] == "refuted":
                if eval_point(node, res[1]).sign() < 0:
                    return "refuted", res[1]
                return "unknown", f"the kernel is negative at {res[1]} but f is not"
            out.append("A")
            algebraic.append(res[1])
        else:
            if depth >= MAX_DEPTH or leaves > MAX_LEAVES:
                return "unknown", f"could not close the box {box}"
            out.append("S")
            left, right = _split(box)
            stack.append((right, depth + 1))
            stack.append((left, depth + 1))
            continue
        leaves += 1
    return "proved", "".join(out)


def leaf_boxes(domain_box, tree: str) -> list:
    """The leaf boxes of a recorded subdivision, in preorder."""
    out, stack, pos = [], [list(domain_box)], 0
    while stack and pos < len(tree):
        box = stack.pop()
        ch = tree[pos]
        pos += 1
        if ch == "S":
            left, right = _split(box)
            stack.append(right)
            stack.append(left)
        else:
            out.append(box)
    return out


def centre_values(node, boxes_) -> list[str]:
    """Exact values of f at the leaf-box centres (recorded so every constant is load-bearing)."""
    return [eval_point(node, tuple((lo + hi) / 2 for lo, hi in box)).text() for box in boxes_]


def check(node, names, domain_box, open_flags, strict: bool, tree: str, algebraic=None) -> int:
    """Re-check a recorded subdivision; returns the number of leaves or raises ProverError."""
    if not isinstance(tree, str) or set(tree) - set("SIBA"):
        raise ProverError("tree must be a string over S, I, B, A")
    algebraic = [] if algebraic is None else algebraic
    if not isinstance(algebraic, list) or len(algebraic) != tree.count("A"):
        raise ProverError(f"algebraic: needs one record per A leaf ({tree.count('A')})")
    apos = 0
    ring = Ring(names)
    single = None
    if not is_piecewise(node):
        vals = Collector(ring).values(node)
        single = vals[0] if len(vals) == 1 else None
    pos = 0
    stack = [list(domain_box)]
    leaves = 0
    while stack:
        box = stack.pop()
        if pos >= len(tree):
            raise ProverError("tree ends before every box is closed")
        ch = tree[pos]
        pos += 1
        if ch == "S":
            left, right = _split(box)
            stack.append(right)
            stack.append(left)
            continue
        if ch == "I":
            if not arb_close(node, box, strict):
                raise ProverError(f"interval arithmetic does not close the box {_box_text(box)}")
        elif ch == "A":
            if not _algebraic_ok(single, names, strict):
                raise ProverError("an algebraic leaf needs two parameters, a single rational expression "
                                  "and a non-strict relation")
            s = den_sign(single, box)
            if s == 0:
                raise ProverError(f"algebraic leaf: the denominator's sign is not proved on {_box_text(box)}")
            from . import algebraic2

            try:
                algebraic2.check(single.A.num, s, box, algebraic[apos], names)
            except ProverError as e:
                raise ProverError(f"algebraic[{apos}] (box {_box_text(box)}): {e}") from None
            apos += 1
        else:
            if single is None:
                raise ProverError("a Bernstein leaf needs a single rational expression (no abs/max/min/sqrt)")
            if not bernstein_close(single, box, strict, _open_sides(box, domain_box, open_flags)):
                raise ProverError(f"Bernstein coefficients do not close the box {_box_text(box)}")
        leaves += 1
    if pos != len(tree):
        raise ProverError("tree has entries after every box is closed")
    return leaves


def _box_text(box):
    from ..kernel.numbers import format_rational as fr

    return " x ".join(f"[{fr(lo)}, {fr(hi)}]" for lo, hi in box)
