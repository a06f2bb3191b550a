"""Statements for the inequality prover: parsing, symbolic branches, exact and interval evaluation.

Supported class (anything else is a :class:`ProverError`): rationals, the declared parameters,
``+ - * /``, integer powers, ``abs(.)``, ``max(., ., ...)``, ``min(., ., ...)`` and ``sqrt(.)``,
where every square root in one statement has the same radicand u (a rational function), so
every value is A + B·√u with rational functions A, B.

Semantics of division: quotients are simplified exactly (common factors cancelled), so a
removable singularity is filled by continuity; a pole that survives cancellation inside the
domain is an error. Everything here is exact (Fraction, python-flint fmpq/fmpq_mpoly, arb balls);
no floats.
"""
from __future__ import annotations

from fractions import Fraction

from flint import arb, fmpq, fmpq_mpoly_ctx

from ..kernel.expr import ExprError, parse
from ..kernel.numbers import ExactnessError


class ProverError(ExactnessError):
    """A statement or proof outside the supported class, or malformed."""


FUNCTIONS = {"abs": (1, 1), "max": (2, None), "min": (2, None), "sqrt": (1, 1)}


# ----------------------------------------------------------------------------------------
# syntax tree
class _AstAlgebra:
    def __init__(self, names):
        self.names = list(names)

    def const(self, q):
        return ("c", Fraction(q))

    def name(self, name):
        if name not in self.names:
            raise ProverError(f"unknown parameter {name!r} (declared: {', '.join(self.names) or 'none'})")
        return ("v", self.names.index(name))

    def call(self, name, args):
        if name not in FUNCTIONS:
            raise ProverError(f"function {name!r} is outside the supported class (abs, max, min, sqrt)")
        lo, hi = FUNCTIONS[name]
        if len(args) < lo or (hi is not None and len(args) > hi):
            raise ProverError(f"{name} takes {lo if hi == lo else f'at least {lo}'} argument(s), got {len(args)}")
        return (name, *args)

    def add(self, a, b):
        return ("+", a, b)

    def sub(self, a, b):
        return ("-", a, b)

    def neg(self, a):
        return ("neg", a)

    def mul(self, a, b):
        return ("*", a, b)

    def div(self, a, b):
        if b == ("c", 0):
            raise ProverError("division by zero")
        return ("/", a, b)

    def pow(self, a, n):
        return ("^", a, n)


def parse_ast(text, names) -> tuple:
    if isinstance(text, int) and not isinstance(text, bool):
        return ("c", Fraction(text))
    if not isinstance(text, str):
        raise ProverError(f"expected an expression string, got {type(text).__name__}")
    try:
        return parse(text, _AstAlgebra(names))
    except ExprError as e:
        raise ProverError(str(e)) from None


def used_variables(node, out=None) -> set:
    out = set() if out is None else out
    if node[0] == "v":
        out.add(node[1])
    elif node[0] not in ("c",):
        for ch in node[1:]:
            if isinstance(ch, tuple):
                used_variables(ch, out)
    return out


def is_piecewise(node) -> bool:
    if node[0] in ("abs", "max", "min"):
        return True
    return any(isinstance(ch, tuple) and is_piecewise(ch) for ch in node[1:])


def has_sqrt(node) -> bool:
    if node[0] == "sqrt":
        return True
    return any(isinstance(ch, tuple) and has_sqrt(ch) for ch in node[1:])


# ----------------------------------------------------------------------------------------
# rational functions over Q (python-flint multivariate polynomials), reduced
class Ring:
    """Q[x_1..x_n] with helpers; one per statement."""

    def __init__(self, names):
        self.names = tuple(names)
        self.ctx = fmpq_mpoly_ctx.get(self.names if self.names else ("_",), "lex")
        self.gens = self.ctx.gens()[: len(self.names)]

    def const(self, q):
        return self.ctx.constant(fmpq(Fraction(q).numerator, Fraction(q).denominator))

    def parse_poly(self, text):
        """A polynomial from text (used for factor lists in proofs)."""
        node = parse_ast(text, self.names)
        rf = self._poly_of(node)
        return rf

    def _poly_of(self, node):
        sv = symbolic_single(node, self)
        if sv.B is not None or not sv.A.den.is_one():
            raise ProverError(f"not a polynomial: {node!r}")
        return sv.A.num


def _normalise_den(num, den):
    lc = den.leading_coefficient()
    if lc != 1:
        num, den = num / lc, den / lc
    return num, den


class RF:
    """num/den, reduced (gcd cancelled), den monic."""

    __slots__ = ("num", "den")

    def __init__(self, num, den=None, reduce=True):
        if den is None:
            den = num.context().constant(1)
        if den.is_zero():
            raise ProverError("division by an identically zero expression")
        if reduce and not den.is_constant():
            g = num.gcd(den)
            if not g.is_constant():
                num, den = num / g, den / g
        self.num, self.den = _normalise_den(num, den)

    def __add__(self, o):
        if self.den == o.den:
            return RF(self.num + o.num, self.den)
        return RF(self.num * o.den + o.num * self.den, self.den * o.den)

    def __sub__(self, o):
        return self + (-o)

    def __neg__(self):
        return RF(-self.num, self.den, reduce=False)

    def __mul__(self, o):
        return RF(self.num * o.num, self.den * o.den)

    def __truediv__(self, o):
        if o.num.is_zero():
            raise ProverError("division by an identically zero expression")
        return RF(self.num * o.den, self.den * o.num)

    def is_zero(self):
        return self.num.is_zero()

    def __eq__(self, o):
        return isinstance(o, RF) and self.num * o.den == o.num * self.den

    def text(self):
        if self.den.is_one():
            return _ptext(self.num)
        return f"({_ptext(self.num)})/({_ptext(self.den)})"


def _ptext(p) -> str:
    s = str(p)
    return s if s else "0"


class SV:
    """A + B·√u with rational functions A, B, u (B None: a rational value)."""

    __slots__ = ("A", "B", "u")

    def __init__(self, A, B=None, u=None):
        if B is not None and B.is_zero():
            B, u = None, None
        self.A, self.B, self.u = A, B, u

    def _radicand(self, o):
        if self.B is not None and o.B is not None and not self.u == o.u:
            raise ProverError("more than one distinct square root in a statement is outside the supported class")
        return self.u if self.B is not None else o.u

    def __add__(self, o):
        u = self._radicand(o)
        if self.B is None and o.B is None:
            return SV(self.A + o.A)
        B = self.B if o.B is None else (o.B if self.B is None else self.B + o.B)
        return SV(self.A + o.A, B, u)

    def __neg__(self):
        return SV(-self.A, None if self.B is None else -self.B, self.u)

    def __sub__(self, o):
        return self + (-o)

    def __mul__(self, o):
        if (self.B is not None and o.B is not None and not self.u == o.u and self.A.is_zero()
                and o.A.is_zero()):  # √u·√w = √(uw): both radicands are required to be ≥ 0
            return SV(self.A, self.B * o.B, self.u * o.u)
        u = self._radicand(o)
        if self.B is None and o.B is None:
            return SV(self.A * o.A)
        if o.B is None:
            return SV(self.A * o.A, self.B * o.A, u)
        if self.B is None:
            return SV(self.A * o.A, self.A * o.B, u)
        return SV(self.A * o.A + self.B * o.B * u, self.A * o.B + self.B * o.A, u)

    def __truediv__(self, o):
        if o.B is not None:
            raise ProverError("a square root in a denominator is outside the supported class")
        return SV(self.A / o.A, None if self.B is None else self.B / o.A, self.u)

    def is_zero(self):
        return self.A.is_zero() and self.B is None

    def __eq__(self, o):
        if not isinstance(o, SV):
            return False
        if (self.B is None) != (o.B is None):
            return False
        return self.A == o.A and (self.B is None or (self.B == o.B and self.u == o.u))

    def text(self) -> str:
        if self.B is None:
            return self.A.text()
        return f"{self.A.text()} + ({self.B.text()})*sqrt({self.u.text()})"


def _power(x, n, one):
    if n < 0:
        x = one / x
        n = -n
    out = one
    for _ in range(n):
        out = out * x
    return out


class Collector:
    """Symbolic evaluation of every branch; records critical polynomials and domain conditions."""

    def __init__(self, ring: Ring):
        self.ring = ring
        self.critical: list = []  # polynomials whose real roots bound the cells
        self.denominators: list = []  # must not vanish on the domain
        self.radicands: list = []  # RF, must be >= 0 on the domain
        self.switches: list = []  # SV differences deciding abs/max/min

    def crit(self, sv: SV):
        for rf in (sv.A,) + (() if sv.B is None else (sv.B, sv.u)):
            for p in (rf.num, rf.den):
                if not p.is_constant():
                    self.critical.append(p)
            if not rf.den.is_constant():
                self.denominators.append(rf.den)
        if sv.B is not None:
            d = sv.A * sv.A - sv.B * sv.B * sv.u
            if not d.num.is_zero() and not d.num.is_constant():
                self.critical.append(d.num)

    def values(self, node) -> list:
        tag = node[0]
        R = self.ring
        if tag == "c":
            return [SV(RF(R.const(node[1])))]
        if tag == "v":
            return [SV(RF(R.gens[node[1]]))]
        if tag == "neg":
            return [-v for v in self.values(node[1])]
        if tag in ("+", "-", "*", "/"):
            out = []
            for a in self.values(node[1]):
                for b in self.values(node[2]):
                    v = a + b if tag == "+" else a - b if tag == "-" else a * b if tag == "*" else a / b
                    self.crit(v)
                    out.append(v)
            return _dedup(out)
        if tag == "^":
            one = SV(RF(R.const(1)))
            out = [_power(a, node[2], one) for a in self.values(node[1])]
            for v in out:
                self.crit(v)
            return out
        if tag == "abs":
            out = []
            for a in self.values(node[1]):
                self.crit(a)
                self.switches.append(a)
                out += [a, -a]
            return _dedup(out)
        if tag in ("max", "min"):
            groups = [self.values(ch) for ch in node[1:]]
            flat = [v for g in groups for v in g]
            for i, g in enumerate(groups):
                for h in groups[i + 1:]:
                    for a in g:
                        for b in h:
                            d = a - b
                            self.crit(d)
                            self.switches.append(d)
            return _dedup(flat)
        if tag == "sqrt":
            out = []
            for a in self.values(node[1]):
                if a.B is not None:
                    raise ProverError("nested square roots are outside the supported class")
                self.radicands.append(a.A)
                self.crit(a)
                out.append(SV(RF(R.const(0)), RF(R.const(1)), a.A))
            return out
        raise ProverError(f"unsupported node {tag!r}")


def _dedup(vals):
    out = []
    for v in vals:
        if not any(v == w for w in out):
            out.append(v)
    return out


def symbolic_single(node, ring) -> SV:
    """The value of a statement without case splits (error if it has branches)."""
    vals = Collector(ring).values(node)
    if len(vals) != 1:
        raise ProverError("expression has several branches (abs/max/min); expected a single rational expression")
    return vals[0]


# ----------------------------------------------------------------------------------------
# exact numbers a + b√c at a point
class Quad:
    """a + b·√c with rationals a, b and a non-square rational c > 0 (b = 0: rational)."""

    __slots__ = ("a", "b", "c")

    def __init__(self, a, b=0, c=None):
        self.a, self.b, self.c = Fraction(a), Fraction(b), c
        if self.b != 0 and (r := _rational_sqrt(Fraction(c))) is not None:
            self.a, self.b = self.a + self.b * r, Fraction(0)
        if self.b == 0:
            self.c = None

    @staticmethod
    def sqrt(x: Quad) -> Quad:
        if x.b != 0:
            raise ProverError("nested square roots are outside the supported class")
        if x.a < 0:
            raise ProverError(f"square root of the negative number {x.a}")
        r = _rational_sqrt(x.a)
        if r is not None:
            return Quad(r)
        return Quad(0, 1, x.a)

    def _c(self, o):
        if self.c is not None and o.c is not None and self.c != o.c:
            raise ProverError("two different irrational square roots at one point are outside the supported class")
        return self.c if self.c is not None else o.c

    def __add__(self, o):
        return Quad(self.a + o.a, self.b + o.b, self._c(o))

    def __neg__(self):
        return Quad(-self.a, -self.b, self.c)

    def __sub__(self, o):
        return self + (-o)

    def __mul__(self, o):
        if self.c is not None and o.c is not None and self.c != o.c and self.a == 0 and o.a == 0:
            return Quad(0, self.b * o.b, self.c * o.c)
        c = self._c(o)
        return Quad(self.a * o.a + (self.b * o.b * c if c is not None else 0), self.a * o.b + self.b * o.a, c)

    def __truediv__(self, o):
        if o.b == 0:
            if o.a == 0:
                raise ProverError("division by zero at the point")
            return Quad(self.a / o.a, self.b / o.a, self.c)
        n = o.a * o.a - o.b * o.b * o.c
        return self * Quad(o.a / n, -o.b / n, o.c)

    def sign(self) -> int:
        return sign_quad(self.a, self.b, self.c if self.c is not None else 0)

    def text(self) -> str:
        from ..kernel.numbers import format_rational as fr

        if self.b == 0:
            return fr(self.a)
        return f"{fr(self.a)} + {fr(self.b)}*sqrt({fr(self.c)})"


def sign_of(x) -> int:
    return (x > 0) - (x < 0)


def sign_quad(a, b, c) -> int:
    """Sign of a + b√c (c ≥ 0) for exact ordered-field scalars a, b, c."""
    sa, sb = sign_of(a), sign_of(b)
    if sb == 0 or c == 0:
        return sa
    if sa == 0:
        return sb
    if sa == sb:
        return sa
    d = a * a - b * b * c
    return sa if d > 0 else sb if d < 0 else 0


def _rational_sqrt(q: Fraction):
    from math import isqrt

    n, d = q.numerator, q.denominator
    rn, rd = isqrt(n), isqrt(d)
    return Fraction(rn, rd) if rn * rn == n and rd * rd == d else None


def eval_point(node, point) -> Quad:
    """Exact value of the expression at a rational point (tuple of Fractions)."""
    tag = node[0]
    if tag == "c":
        return Quad(node[1])
    if tag == "v":
        return Quad(point[node[1]])
    if tag == "neg":
        return -eval_point(node[1], point)
    if tag in ("+", "-", "*", "/"):
        a, b = eval_point(node[1], point), eval_point(node[2], point)
        return a + b if tag == "+" else a - b if tag == "-" else a * b if tag == "*" else a / b
    if tag == "^":
        return _power(eval_point(node[1], point), node[2], Quad(1))
    if tag == "abs":
        a = eval_point(node[1], point)
        return -a if a.sign() < 0 else a
    if tag in ("max", "min"):
        vals = [eval_point(ch, point) for ch in node[1:]]
        best = vals[0]
        for v in vals[1:]:
            s = (v - best).sign()
            if (tag == "max" and s > 0) or (tag == "min" and s < 0):
                best = v
        return best
    if tag == "sqrt":
        return Quad.sqrt(eval_point(node[1], point))
    raise ProverError(f"unsupported node {tag!r}")


def branch_at(node, ring, point) -> SV:
    """The symbolic branch active at a rational point (abs/max/min decided by exact signs there)."""
    tag = node[0]
    if tag == "c":
        return SV(RF(ring.const(node[1])))
    if tag == "v":
        return SV(RF(ring.gens[node[1]]))
    if tag == "neg":
        return -branch_at(node[1], ring, point)
    if tag in ("+", "-", "*", "/"):
        a, b = branch_at(node[1], ring, point), branch_at(node[2], ring, point)
        return a + b if tag == "+" else a - b if tag == "-" else a * b if tag == "*" else a / b
    if tag == "^":
        return _power(branch_at(node[1], ring, point), node[2], SV(RF(ring.const(1))))
    if tag == "abs":
        a = branch_at(node[1], ring, point)
        return -a if sv_sign_at(a, point) < 0 else a
    if tag in ("max", "min"):
        vals = [branch_at(ch, ring, point) for ch in node[1:]]
        best = vals[0]
        for v in vals[1:]:
            s = sv_sign_at(v - best, point)
            if (tag == "max" and s > 0) or (tag == "min" and s < 0):
                best = v
        return best
    if tag == "sqrt":
        a = branch_at(node[1], ring, point)
        if a.B is not None:
            raise ProverError("nested square roots are outside the supported class")
        return SV(RF(ring.const(0)), RF(ring.const(1)), a.A)
    raise ProverError(f"unsupported node {tag!r}")


def rf_at(rf: RF, point):
    """Value of a rational function at a point of exact scalars (Fraction or field elements)."""
    num, den = poly_at(rf.num, point), poly_at(rf.den, point)
    if den == 0:
        raise ProverError("denominator vanishes at the point")
    return num / den


def poly_at(p, point):
    total = 0
    for exps, c in p.to_dict().items():
        exps = tuple(int(e) for e in exps)
        term = Fraction(int(c.p), int(c.q))
        for x, e in zip(point, exps):
            if e:
                term = term * x**e
        total = total + term
    return total


def sv_sign_at(sv: SV, point) -> int:
    a = rf_at(sv.A, point)
    if sv.B is None:
        return sign_of(a)
    return sign_quad(a, rf_at(sv.B, point), rf_at(sv.u, point))


# ----------------------------------------------------------------------------------------
# rigorous interval evaluation (python-flint arb)
def to_arb(q: Fraction) -> arb:
    return arb(fmpq(q.numerator, q.denominator))


def interval(lo: Fraction, hi: Fraction) -> arb:
    return to_arb(lo).union(to_arb(hi))


def eval_arb(node, box: list):
    """An arb ball containing every value of the expression on the box (list of arb)."""
    tag = node[0]
    if tag == "c":
        return to_arb(node[1])
    if tag == "v":
        return box[node[1]]
    if tag == "neg":
        return -eval_arb(node[1], box)
    if tag in ("+", "-", "*", "/"):
        a, b = eval_arb(node[1], box), eval_arb(node[2], box)
        if tag == "/":
            return a / b
        return a + b if tag == "+" else a - b if tag == "-" else a * b
    if tag == "^":
        a, n = eval_arb(node[1], box), node[2]
        return a**n if n >= 0 else 1 / a ** (-n)
    if tag == "abs":
        return abs(eval_arb(node[1], box))
    if tag in ("max", "min"):
        vals = [eval_arb(ch, box) for ch in node[1:]]
        out = vals[0]
        for v in vals[1:]:
            out = out.max(v) if tag == "max" else out.min(v)
        return out
    if tag == "sqrt":
        return eval_arb(node[1], box).sqrt()
    raise ProverError(f"unsupported node {tag!r}")
