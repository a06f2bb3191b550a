"""Checking inequality proofs "f REL 0 on a domain" exactly (the prover's verifier; format: :mod:`.kinds.inequality`).
f = lhs - rhs (rhs - lhs for <=, <); each branch value (abs/max/min resolved) is A + B·√u, A, B, u rational
functions, one radicand per statement. First :func:`domain_conditions` (no divisor vanishes, no radicand < 0 on the
domain, so cancelling common factors changes no value there), then the method (cells, boxes, identity, ...)."""
from __future__ import annotations

import operator
from dataclasses import dataclass
from fractions import Fraction
from functools import reduce
from itertools import islice, product
from math import comb, gcd, isqrt, lcm, prod

from flint import arb, fmpq_mpoly_ctx, fmpq_poly
from flint.utils.flint_exceptions import FlintError

from . import upoly
from .algebraic import NumberField
from .envelope import Obj
from .expr import ExprError, parse
from .gaussian import real_sign
from .numbers import ExactnessError, format_rational, to_rational
from .params import Domain
from .polytope import roots_in
from .upoly import to_fmpq, to_fraction

RELATIONS = (">=", ">", "<=", "<", "==")
FUNCTIONS = {"abs": (1, 1), "max": (2, 64), "min": (2, 64), "sqrt": (1, 1), "sin": (1, 1), "cos": (1, 1)}
MAX_BRANCHES, MAX_SWITCHES = 256, 4096  # values of one node (and pairs formed for them); abs/max/min switches
MAX_DEGREE = 64  # per variable, of every numerator and denominator: Sturm sequences stay small (seconds)
MAX_NODES, MAX_WORK = 5000, 50_000  # nodes of a statement (charts expanded); nodes x (cell points or boxes)
MAX_BERNSTEIN = 2000  # coefficients of one Bernstein expansion


class ProofError(ExactnessError):
    """A statement outside the supported class, a failed domain condition, or a bad proof."""


# -- syntax: ("c", q) ("v", i) ("+"|"-"|"*"|"/", a, b) ("neg", a) ("^", a, n) (fn, args...) ------
class _Ast:  # noqa: E704 - the syntax tree builder for :func:`expr.parse`
    def __init__(self, names, fixed):
        self.names, self.fixed = list(names), fixed or {}

    def const(self, q): return ("c", Fraction(q))
    def add(self, a, b): return ("+", a, b)
    def sub(self, a, b): return ("-", a, b)
    def neg(self, a): return ("neg", a)
    def mul(self, a, b): return ("*", a, b)
    def pow(self, a, n): return ("^", a, n)

    def name(self, n):
        if n not in self.fixed and n not in self.names:
            raise ProofError(f"unknown name {n!r} (parameters: {', '.join(self.names) or 'none'})")
        return ("c", Fraction(self.fixed[n])) if n in self.fixed else ("v", self.names.index(n))

    def call(self, name, args):
        lo, hi = FUNCTIONS.get(name, (1, 0))
        if not lo <= len(args) <= hi:
            raise ProofError(f"{name} with {len(args)} argument(s) is outside the supported class "
                             "(abs, sqrt: one argument; max, min: 2 to 64)")
        return (name, *args)

    def div(self, a, b):
        if b == ("c", 0):
            raise ProofError("division by zero")
        return ("/", a, b)


def parse_ast(t, names, fixed=None, trig=False) -> tuple:
    """The syntax tree of ``t``; sin and cos only in trigonometric statements (:func:`parse_trig`)."""
    if type(t) is int:
        return ("c", Fraction(t))
    if not isinstance(t, str):
        raise ProofError(f"expected an expression string, got {type(t).__name__}")
    try:
        node = parse(t, _Ast(names, fixed))
    except ExprError as e:
        raise ProofError(str(e)) from None
    if not trig and any(n[0] in ("sin", "cos") for n in walk(node)):
        raise ProofError("sin and cos outside a trigonometric statement are outside the supported class")
    return node


def text(node, names, prec: int = 0) -> str:
    """Canonical text (parses back to the same tree, up to signs of substituted constants)."""
    tag = node[0]
    if tag == "c":
        # "-1/2" reads as the term (-1)/2: a fraction binds like "/" (x/(-1/2), not x/-1/2), "-2" like unary minus
        s, p = format_rational(node[1]), 2 if node[1].denominator != 1 else 3 if node[1] < 0 else 5
    elif tag == "v":
        s, p = names[node[1]], 5
    elif tag in ("sin", "cos"):
        terms = [f"{'-' if c < 0 else '+'} {'' if abs(c) == 1 else f'{abs(c)}*'}{a}"
                 for c, a in zip(node[1] + (node[2],), list(names) + ["pi"]) if c]
        lin = " ".join(terms).removeprefix("+ ")
        s, p = f"{tag}({'-' + lin[2:] if lin.startswith('- ') else lin or '0'})", 5
    elif tag in FUNCTIONS:
        s, p = f"{tag}({', '.join(text(c, names) for c in node[1:])})", 5
    elif tag == "neg":
        s, p = "-" + text(node[1], names, 4), 3
    elif tag == "^":
        s, p = f"{text(node[1], names, 5)}^{node[2]}", 4
    else:
        p = 1 if tag in "+-" else 2
        s = text(node[1], names, p) + (f" {tag} " if p == 1 else tag) + text(node[2], names, p + 1)
    return f"({s})" if p < prec else s


def walk(node):
    yield node
    for ch in node[1:]:
        yield from walk(ch) if isinstance(ch, tuple) and ch and isinstance(ch[0], str) else ()


def budget(node, count: int = 0, what: str = "") -> None:
    """At most ``MAX_NODES`` nodes (shared subtrees counted each time) and ``count``·nodes <= ``MAX_WORK``."""
    if (n := sum(1 for _ in islice(walk(node), MAX_NODES + 1))) > MAX_NODES or count * n > MAX_WORK:
        raise ProofError(f"more than {MAX_WORK} node evaluations ({what})" if n <= MAX_NODES else
                         f"a statement of more than {MAX_NODES} nodes")


def used_variables(node) -> set: return {n[1] for n in walk(node) if n[0] == "v"}  # noqa: E704
def has_sqrt(node) -> bool: return any(n[0] == "sqrt" for n in walk(node))  # noqa: E704


# -- rational functions (python-flint fmpq_mpoly), values A + B·√u ------------------------------
class Ring:
    def __init__(self, names):
        self.names = tuple(names)
        self.ctx = fmpq_mpoly_ctx.get(self.names or ("_",), "lex")
        self.gens = self.ctx.gens()[: len(self.names)]

    def const(self, q): return self.ctx.constant(to_fmpq(q))  # noqa: E704


class RF:
    """num/den with common factors cancelled and den monic (the value wherever den != 0)."""

    __slots__ = ("num", "den")

    def __init__(self, num, den=None, reduce=True):
        den = num.context().constant(1) if den is None else den
        if den.is_zero():
            raise ProofError("division by an identically zero expression")
        if max(num.degrees() + den.degrees(), default=0) > MAX_DEGREE:
            raise ProofError(f"a rational function of degree more than {MAX_DEGREE}")
        g = num.gcd(den) if reduce and not den.is_constant() else den.context().constant(1)
        num, den = num / g, den / g
        lc = den.leading_coefficient()
        self.num, self.den = (num / lc, den / lc) if lc != 1 else (num, den)

    def __add__(self, o):
        return RF(self.num + o.num, self.den) if self.den == o.den else RF(
            self.num * o.den + o.num * self.den, self.den * o.den)

    def __neg__(self): return RF(-self.num, self.den, reduce=False)
    def __sub__(self, o): return self + (-o)
    def __mul__(self, o): return RF(self.num * o.num, self.den * o.den)

    def __truediv__(self, o):
        if o.num.is_zero():
            raise ProofError("division by an identically zero expression")
        return RF(self.num * o.den, self.den * o.num)

    def is_zero(self): return self.num.is_zero()
    def __eq__(self, o): return isinstance(o, RF) and self.num * o.den == o.num * self.den
    def text(self): return str(self.num or 0) if self.den.is_one() else f"({self.num or 0})/({self.den})"

    def at(self, point):
        """The value at an exact point (a zero denominator there is an error)."""
        num, den = (sum(to_fraction(c) * prod(x ** int(e) for x, e in zip(point, exps) if int(e))
                        for exps, c in p.to_dict().items()) for p in (self.num, self.den))
        if den == 0:
            raise ProofError("a denominator vanishes at the point")
        return num / den


class SV:
    """A + B·√u (B None: rational)."""

    __slots__ = ("A", "B", "u")

    def __init__(self, A, B=None, u=None):
        self.A, self.B, self.u = (A, None, None) if B is None or B.is_zero() else (A, B, u)

    def _radicand(self, o):
        if self.B is not None and o.B is not None and not self.u == o.u:
            raise ProofError("two distinct square roots in one statement are outside the supported class")
        return self.u if self.B is not None else o.u

    def __add__(self, o):
        u = self._radicand(o)
        B = o.B if self.B is None else self.B if o.B is None else self.B + o.B
        return SV(self.A + o.A, B, u)

    def __neg__(self): return SV(-self.A, None if self.B is None else -self.B, self.u)
    def __sub__(self, o): return self + (-o)

    def __mul__(self, o):
        if self.B is not None and o.B is not None and not self.u == o.u and self.A.is_zero() and o.A.is_zero():
            return SV(self.A, self.B * o.B, self.u * o.u)  # √u·√w = √(uw), both radicands are ≥ 0
        u = self._radicand(o)
        if self.B is None or o.B is None:
            B = None if self.B is None and o.B is None else self.B * o.A if o.B is None else self.A * o.B
            return SV(self.A * o.A, B, u)
        return SV(self.A * o.A + self.B * o.B * u, self.A * o.B + self.B * o.A, u)

    def __truediv__(self, o):
        if o.B is not None:
            raise ProofError("a square root in a divisor is outside the supported class")
        return SV(self.A / o.A, None if self.B is None else self.B / o.A, self.u)

    def is_zero(self): return self.A.is_zero() and self.B is None

    def at(self, point) -> Quad:
        return Quad(self.A.at(point)) if self.B is None else Quad(self.A.at(point), self.B.at(point), self.u.at(point))

    def __eq__(self, o):
        return (isinstance(o, SV) and (self.B is None) == (o.B is None) and self.A == o.A
                and (self.B is None or (self.B == o.B and self.u == o.u)))


class Collector:
    """Every branch value; the critical polynomials, divisors, radicands on the way."""

    def __init__(self, ring: Ring, sign=None):  # sign(d) = ±1 (±d ≥ 0): the active branch only
        self.ring, self.sign, self.critical, self.divisors, self.radicands = ring, sign, [], [], []

    def crit(self, sv: SV):  # numerators and denominators of A, B, u and the numerator of A² - B²u
        polys = [sv.A.num, sv.A.den] + ([] if sv.B is None else [
            sv.B.num, sv.B.den, sv.u.num, sv.u.den, (sv.A * sv.A - sv.B * sv.B * sv.u).num])
        self.critical += [p for p in polys if not p.is_constant()]

    def values(self, node) -> list:
        tag, R = node[0], self.ring
        if tag in ("c", "v"):
            return [SV(RF(R.const(node[1]) if tag == "c" else R.gens[node[1]]))]
        if tag == "neg":
            return [-v for v in self.values(node[1])]
        if tag == "sqrt":
            args = self.values(node[1])
            if any(a.B is not None for a in args):
                raise ProofError("nested square roots are outside the supported class")
            for a in args:
                self.radicands.append(a.A)
                self.crit(a)
            return [SV(RF(R.const(0)), RF(R.const(1)), a.A) for a in args]
        if tag == "^":
            base, one = self.values(node[1]), SV(RF(R.const(1)))
            if node[2] < 0:
                self.divisors += base
            out = [prod([one / a if node[2] < 0 else a] * abs(node[2]), start=one) for a in base]
        elif tag in ("+", "-", "*", "/"):
            right = self.values(node[2])
            if tag == "/":
                self.divisors += right
            if len(left := self.values(node[1])) * len(right) > MAX_BRANCHES:
                raise ProofError(f"more than {MAX_BRANCHES} branches")
            op = {"+": SV.__add__, "-": SV.__sub__, "*": SV.__mul__, "/": SV.__truediv__}[tag]
            out = [op(a, b) for a in left for b in right]
        elif self.sign is not None:  # abs, max, min where the signs of the switches are known
            vals, better = [self.values(ch)[0] for ch in node[1:]], 1 if tag == "max" else -1
            out = [reduce(lambda best, v: v if self.sign(v - best) == better else best, vals[1:],
                          -vals[0] if tag == "abs" and self.sign(vals[0]) < 0 else vals[0])]
        else:  # abs, max, min: all branches, the switching differences are critical
            groups = [self.values(ch) for ch in node[1:]]
            n = sum(map(len, groups))
            if (n * n - sum(len(g) ** 2 for g in groups)) // 2 > MAX_SWITCHES:
                raise ProofError(f"more than {MAX_SWITCHES} switches of abs/max/min")
            switches = list(groups[0]) if tag == "abs" else [
                a - b for i, g in enumerate(groups) for h in groups[i + 1:] for a in g for b in h]
            for d in switches:
                self.crit(d)
            out = [v for g in groups for v in g] + ([-a for a in groups[0]] if tag == "abs" else [])
        for v in out if tag in "+-*/^" else ():
            self.crit(v)
        return distinct(out)


def distinct(values) -> list:
    """The values without repeats (equal as functions), at most ``MAX_BRANCHES`` of them."""
    uniq = []
    for v in values:
        uniq += [] if any(v == w for w in uniq) else [v]
    if len(uniq) > MAX_BRANCHES:
        raise ProofError(f"more than {MAX_BRANCHES} branches")
    return uniq


# -- exact values at a point (rationals or elements of Q(root)) ----------------------------------
def branch_at(node, ring, point) -> SV:
    """The branch active at a point of the domain (abs/max/min decided by exact signs there)."""
    return Collector(ring, lambda d: 1 if d.at(point).sign() >= 0 else -1).values(node)[0]


@dataclass(frozen=True)
class Quad:
    """The exact number a + b·√c."""

    a: Fraction
    b: Fraction = Fraction(0)
    c: Fraction = Fraction(0)

    def sign(self) -> int:
        """For exact ordered-field scalars, c ≥ 0: if a and b have opposite signs, a² vs b²c decides."""
        sa, sb = real_sign(self.a), real_sign(self.b)
        if sb == 0 or real_sign(self.c) == 0 or sa == sb:
            return sa
        return sb if sa == 0 else sa * real_sign(self.a * self.a - self.b * self.b * self.c)

    def text(self) -> str:
        a, b, c = self.a, self.b, Fraction(self.c)
        rn, rd = isqrt(c.numerator), isqrt(c.denominator)
        if b == 0 or (rn * rn == c.numerator and rd * rd == c.denominator):
            return format_rational(a + b * Fraction(rn, rd))
        s = f"{format_rational(b)}*sqrt({format_rational(c)})"
        return s if a == 0 else f"{format_rational(a)} + {s}".replace("+ -", "- ")


def eval_point(node, point) -> Quad:
    point = tuple(Fraction(x) for x in point)
    return branch_at(node, Ring([f"x{i}" for i in range(len(point))]), point).at(point)


def value_at(node, point) -> Quad:
    """The exact value of ``node`` at ``point`` once every radicand is >= 0 and every divisor nonzero there."""
    col = Collector(Ring([f"x{i}" for i in range(len(point))]))
    col.values(node)
    if any(u.at(point) < 0 for u in col.radicands):
        raise ProofError("square root of a negative number at the point")
    if any(d.at(point).sign() == 0 for d in col.divisors):
        raise ProofError("a divisor vanishes at the point")
    return eval_point(node, point)


# -- the statement ----------------------------------------------------------------------------
@dataclass
class Statement:
    lhs: tuple
    relation: str
    rhs: tuple
    names: tuple
    domains: tuple  # params.Domain per name

    @classmethod
    def of(cls, lhs, relation, rhs, names, domains, require_all=True) -> Statement:
        if relation not in RELATIONS:
            raise ProofError(f"unknown relation {relation!r} (one of {', '.join(RELATIONS)})")
        unused = set(range(len(names))) - used_variables(lhs) - used_variables(rhs)
        if require_all and unused:
            raise ProofError(f"parameter {names[min(unused)]!r} does not occur in the statement")
        return cls(lhs, relation, rhs, tuple(names), tuple(domains))

    node = property(lambda s: ("-", s.lhs, s.rhs) if s.relation in (">=", ">", "==") else ("-", s.rhs, s.lhs))
    strict = property(lambda s: s.relation in (">", "<"))
    oriented = property(lambda s: ">" if s.strict else "==" if s.relation == "==" else ">=")
    box = property(lambda s: [(d.lo, d.hi) for d in s.domains])

    def sides(self, box=None) -> list:
        """Per parameter: is the lo (hi) side of ``box`` an open end of the domain?"""
        return [{"lo": not d.lo_closed and b[0] == d.lo, "hi": not d.hi_closed and b[1] == d.hi}
                for d, b in zip(self.domains, box or self.box)]

    def text(self): return f"{text(self.lhs, self.names)} {self.relation} {text(self.rhs, self.names)}"
    def in_domain(self, point) -> bool: return all(d.contains(x) for d, x in zip(self.domains, point))
    def holds(self, s: int) -> bool: return s == 0 if self.oriented == "==" else s > 0 or (s == 0 and not self.strict)
    def violated_at(self, point) -> bool: return not self.holds(eval_point(self.node, point).sign())


# -- trigonometric statements: for all real angles, by the charts x = kπ + 2·atan(v) -----------------
def _linear(node, n) -> tuple:
    """The argument of sin/cos (a linear form with integer coefficients) as coefficients of the angles, pi."""
    plain = not any(m[0] in FUNCTIONS for m in walk(node))  # no sin, cos, abs, sqrt ... inside
    f = Collector(Ring(map(str, range(n + 1)))).values(node)[0].A if plain else None
    terms = {tuple(map(int, e)): c for e, c in f.num.to_dict().items()} if plain and f.den.is_one() else None
    if terms is None or any(sum(e) != 1 or c.q != 1 for e, c in terms.items()):
        raise ProofError("an angle occurs outside sin(.) and cos(.) or not in an integer combination "
                         "of the angles and pi")
    return tuple(int(terms.get(tuple(int(i == j) for j in range(n + 1)), 0)) for i in range(n + 1))


def _trig_node(node, n):
    if node[0] in ("sin", "cos"):
        lin = _linear(node[1], n)
        if sum(map(abs, lin[:n])) > 16:
            raise ProofError(f"{node[0]} takes one integer combination of the angles (at most 16 in all) and pi")
        return (node[0], lin[:n], lin[n])
    if node[0] == "v":
        raise ProofError("an angle occurs outside sin(.) and cos(.)")
    return (node[0],) + tuple(_trig_node(c, n) if isinstance(c, tuple) else c for c in node[1:])


def parse_trig(t, angles, fixed=None) -> tuple:
    """sin(L), cos(L), L an integer combination of the angles and pi, as ("sin", coefficients, m)."""
    return _trig_node(parse_ast(t, list(angles) + ["pi"], fixed, trig=True), len(angles))


def chart(node, k) -> tuple:
    """The statement in chart k (k_i ∈ {0, 1}): angle i is k_i·π + 2·atan(v_i), so cos and sin of it
    are (-1)^k_i (1 - v²)/(1 + v²) and (-1)^k_i 2v/(1 + v²); of sums by the addition formulas."""
    if node[0] not in ("sin", "cos"):
        return (node[0],) + tuple(chart(c, k) if isinstance(c, tuple) else c for c in node[1:])
    one, re, im = ("c", Fraction(1)), ("c", Fraction(1)), ("c", Fraction(0))
    for i, n in enumerate(node[1]):
        v2 = ("+", one, ("^", ("v", i), 2))
        c, s = ("/", ("-", one, ("^", ("v", i), 2)), v2), ("/", ("*", ("c", Fraction(2)), ("v", i)), v2)
        for _ in range(abs(n)):
            s1 = s if n > 0 else ("neg", s)
            re, im = ("-", ("*", re, c), ("*", im, s1)), ("+", ("*", re, s1), ("*", im, c))
    out = re if node[0] == "cos" else im
    return out if (node[2] + sum(n * ki for n, ki in zip(node[1], k))) % 2 == 0 else ("neg", out)


def check_trig(trig, hypothesis, proof: Obj) -> str:
    """Each chart's rational statement on [-1, 1]^n (k·π + 2·atan(v), |v| ≤ 1, k = 0, 1 covers a period); with a
    hypothesis g > 0 (≥ 0), closed pieces tiling [-1, 1]^n, each with μ ≥ 0 and μ·f - g ≥ 0 (> 0)."""
    angles, full = trig.names, Domain(Fraction(-1), Fraction(1), True, True)
    n = len(angles)
    for idx, p in enumerate(proof.objs("charts", 2**n)):
        k = [idx >> (n - 1 - i) & 1 for i in range(n)]
        st = Statement(chart(trig.lhs, k), trig.relation, chart(trig.rhs, k), angles, (full,) * n)
        if hypothesis is None:
            check_sub(st, p)
            continue
        try:
            g, boxes, _ = chart(hypothesis.node, k), [], defined(st)
            for i, q in enumerate(p.objs("pieces")):
                b = q.obj("box")
                doms = tuple(Domain.parse(b.text(a)) for a in angles)
                if any(not (d.lo_closed and d.hi_closed and -1 <= d.lo and d.hi <= 1 and not d.excluded) for d in doms):
                    raise ProofError(f"pieces[{i}].box: closed intervals inside [-1, 1]")
                mu, (p1, p2) = parse_ast(q.get("multiplier"), angles), q.objs("proofs", 2)
                main = ("-", ("*", mu, st.node) if mu != ("c", 0) else mu, g)  # μ·f - g
                check_sub(Statement(mu, ">=", ("c", 0), angles, doms), p1)
                check_sub(Statement(main, ">=" if hypothesis.strict else ">", ("c", 0), angles, doms), p2)
                box = [(d.lo, d.hi) for d in doms]
                if any(all(lo < h2 and l2 < hi for (lo, hi), (l2, h2) in zip(box, o)) for o in boxes):
                    raise ProofError(f"pieces[{i}].box overlaps an earlier piece")
                boxes.append(box)
            if sum(prod(hi - lo for lo, hi in box) for box in boxes) != 2**n:
                raise ProofError("the pieces do not cover the chart box [-1, 1]^n")
        except ProofError as e:
            raise ProofError(f"charts[{idx}] (k = {k}): {e}") from None
    return f"{2**n} charts x = k*pi + 2*atan(v), |v| <= 1, each proved"


# -- domain conditions ------------------------------------------------------------------------
def _uni(p, i=0) -> fmpq_poly:
    """The polynomial p, whose only variable is variable i, as an fmpq_poly."""
    out = {int(e[i]): c for e, c in p.to_dict().items()}
    return fmpq_poly([out.get(k, 0) for k in range(max(out, default=-1) + 1)])


def domain_conditions(st, col: Collector) -> None:
    """Raise unless every divisor is nonzero and every radicand ≥ 0 on the whole domain."""
    sides, used = st.sides(), lambda p: [i for i, e in enumerate(p.degrees()[:len(st.names)]) if e > 0]
    if any(d.B is not None for d in col.divisors):
        raise ProofError("a square root in a divisor is outside the supported class")
    for g in (g for d in col.divisors for g, _e in d.A.num.factor()[1]):  # irreducible: rational roots if linear
        vs = used(g)  # several parameters: Bernstein, g > 0 or -g > 0 on the box minus its open sides
        if (roots_in(_uni(g, vs[0]), st.domains[vs[0]]) > 0 if len(vs) == 1 else
                len(vs) > 1 and not any(bernstein_close(SV(RF(s * g)), st.box, True, sides) for s in (1, -1))):
            raise ProofError(f"the divisor factor {g} vanishes on the domain (or is not proved nonzero there)")
    for u in col.radicands:  # N/D ≥ 0 iff N·D ≥ 0; u < 0 at an open end means u < 0 just inside it
        p = u.num * u.den
        vs = used(p)
        if len(vs) == 1:
            ok, at = upoly.nonnegative_on(_uni(p, vs[0]), *st.box[vs[0]])
        else:
            ok, at = bernstein_close(SV(RF(p)), st.box, False, sides) if vs else _uni(p)[0] >= 0, None
        if not ok:
            raise ProofError(f"square root of a negative number on the domain (radicand {u.text()}"
                             + (f", at {format_rational(at)})" if at is not None else ", not proved >= 0)"))


# -- one parameter: cells ---------------------------------------------------------------------
def decompose(st, col=None) -> tuple:
    """(detail, failures): exact points (in Q or Q(root)) where f fails, among a sample of each open cell between
    critical roots and excluded points and, if strict, those roots and the closed ends (f is continuous)."""
    ring, col = Ring(st.names), col or defined(st)[0]
    return cells(st.domains[0], col.critical, st.strict,
                 lambda x: st.holds(branch_at(st.node, ring, (x,)).at((x,)).sign()), st.node)


def cells(dom, critical, strict, holds, node=("c", 0)) -> tuple:
    """(detail, the points where ``holds`` fails) over the samples of :func:`decompose`."""
    rational, pts = upoly.roots_between([_uni(p) for p in critical], dom.lo, dom.hi)
    pts += [[x, x, None] for x in {dom.lo, dom.hi, *(x for x in dom.excluded if dom.lo < x < dom.hi)} | rational]
    budget(node, len(pts), "cells")
    samples = upoly.separate(pts)
    roots = [l if s is None else NumberField("t", upoly.trim(s[0]), l, h).gen() for l, h, s in pts
             if strict and (s is not None or dom.contains(l))]
    return f"{len(pts) - 2} cell boundaries inside the domain, {len(samples)} cells", [
        x for x in samples + roots if not holds(x)]


# -- several parameters: boxes ----------------------------------------------------------------
def split(box):
    """The two halves of the box across its (first) widest side."""
    d = max(range(len(box)), key=lambda i: box[i][1] - box[i][0])
    (lo, hi), mid = box[d], (box[d][0] + box[d][1]) / 2
    return [*box[:d], (lo, mid), *box[d + 1:]], [*box[:d], (mid, hi), *box[d + 1:]]


def bernstein(p, box) -> tuple:
    """(degrees, {multi-index: exact Bernstein coefficient of p on the box})."""
    if prod(d + 1 for d in p.degrees()) > MAX_BERNSTEIN:
        raise ProofError(f"more than {MAX_BERNSTEIN} Bernstein coefficients")
    t = [to_fmpq(lo) + to_fmpq(hi - lo) * g for (lo, hi), g in zip(box, p.context().gens())]
    cur = {tuple(int(x) for x in e): to_fraction(c)  # x_i = lo_i + (hi_i - lo_i) t_i
           for e, c in (p.compose(*t) if box else p).to_dict().items()}
    degs = [max((e[i] for e in cur), default=0) for i in range(len(box))]
    for i, d in enumerate(degs):  # power basis -> Bernstein basis along axis i
        nxt = {}
        for e, c in cur.items():
            for k in range(e[i], d + 1):
                f = e[:i] + (k,) + e[i + 1:]
                nxt[f] = nxt.get(f, 0) + c * Fraction(comb(k, e[i]), comb(d, e[i]))
        cur = nxt
    return degs, {idx: cur.get(idx, Fraction(0)) for idx in product(*[range(d + 1) for d in degs])}


def bernstein_close(sv, box, strict, open_sides) -> bool:
    """sv ≥ 0 (> 0 off the open sides) on the closed box: sv = N/D, the Bernstein coefficients of D have
    one strict sign s, those of s·N are ≥ 0 and, if strict, every closed face has one > 0."""
    den = bernstein(sv.A.den, box)[1].values()
    s = 1 if all(c > 0 for c in den) else -1 if all(c < 0 for c in den) else 0
    if sv.B is not None or s == 0:
        return False
    degs, co = bernstein(sv.A.num, box)
    if any(s * c < 0 for c in co.values()):
        return False
    for face in product(("lo", "in", "hi"), repeat=len(box)) if strict else ():
        if any(ch != "in" and open_sides[i][ch] for i, ch in enumerate(face)):
            continue
        if not any(s * c > 0 and all(ch == "in" or k == (0 if ch == "lo" else degs[i])
                                     for i, (ch, k) in enumerate(zip(face, idx))) for idx, c in co.items()):
            return False
    return True


def to_arb(q) -> arb:
    return arb(to_fmpq(q))


def eval_arb(node, box):
    """An arb ball containing every value of the expression on the box (list of arb)."""
    tag = node[0]
    if tag in ("c", "v"):
        return to_arb(node[1]) if tag == "c" else box[node[1]]
    a = [eval_arb(ch, box) for ch in node[1:] if isinstance(ch, tuple)]
    if tag == "^":  # repeated products where the ball meets x < 0 (arb's own power is NaN there)
        x, k = a[0], abs(node[2])
        out = x ** k if bool(x >= 0) else prod([x] * k, start=arb(1))
        out = out.nonnegative_part() if k % 2 == 0 and not bool(x >= 0) else out
        return out if node[2] >= 0 else 1 / out
    ops = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "neg": operator.neg,
           "abs": abs, "sqrt": arb.sqrt, "max": lambda *v: reduce(arb.max, v), "min": lambda *v: reduce(arb.min, v)}
    return ops[tag](*a)


def arb_close(node, box, strict) -> bool:
    v = eval_arb(node, [to_arb(lo).union(to_arb(hi)) for lo, hi in box])
    return bool(v > 0) if strict else bool(v >= 0)


def box_branch(node, ring, box):
    """The one branch of ``node`` on the closed box (each switch d: ±d ≥ 0 by Bernstein), or None."""
    def sign(d):
        for s in (1, -1):
            if bernstein_close(d if s > 0 else -d, box, False, None):
                return s
        raise ProofError("a switch of abs/max/min changes sign on the box")
    try:
        return Collector(ring, sign).values(node)[0]
    except ProofError:
        return None


def check_boxes(st, tree) -> str:
    if not isinstance(tree, str) or set(tree) - set("SIB"):
        raise ProofError("tree must be a string over S, I, B")
    ring, pos, stack, leaves = Ring(st.names), 0, [st.box], 0
    while stack:
        box = stack.pop()
        budget(st.node, leaves, "boxes")
        if pos >= len(tree):
            raise ProofError("tree ends before every box is closed")
        ch, pos = tree[pos], pos + 1
        if ch == "S":
            stack += reversed(split(box))
            continue
        single = None if ch == "I" else box_branch(st.node, ring, box)
        if not (arb_close(st.node, box, st.strict) if ch == "I" else
                single is not None and bernstein_close(single, box, st.strict, st.sides(box))):
            where = " x ".join(f"[{format_rational(lo)}, {format_rational(hi)}]" for lo, hi in box)
            raise ProofError(f"{'interval arithmetic' if ch == 'I' else 'Bernstein coefficients'} do not "
                             f"close the box {where}")
        leaves += 1
    if pos != len(tree):
        raise ProofError("tree has entries after every box is closed")
    return f"{leaves} boxes closed ({tree.count('I')} interval, {tree.count('B')} Bernstein)"


# -- the proof ----------------------------------------------------------------------------------
def defined(st) -> tuple:
    """(collector, branch values of f) once the domain conditions hold."""
    col, _ = Collector(Ring(st.names)), budget(st.node)
    vals = col.values(st.node)  # the top node is "-": its values are critical
    domain_conditions(st, col)
    return col, vals


def check(st, proof: Obj) -> tuple:
    """("verified", detail, None) or ("refuted", {name: value}, value of lhs - rhs there)."""
    col, vals = defined(st)
    method = proof.text("method", ("cells", "boxes", "identity", "combination", "refuted"))
    if method == "refuted":
        raw = proof.obj("point")
        pt = tuple(to_rational(raw.text(n)) for n in st.names)
        if not st.in_domain(pt) or not st.violated_at(pt):
            raise ProofError("the point is not in the domain" if not st.in_domain(pt) else "the statement holds there")
        return "refuted", {n: format_rational(x) for n, x in zip(st.names, pt)}, eval_point(
            ("-", st.lhs, st.rhs), pt).text()
    if method == "identity":
        if st.oriented == "==" and len(vals) == 1 and vals[0].is_zero():
            return "verified", "lhs - rhs simplifies to 0 exactly", None
        (s, left), (t, right) = (extremal(x, Ring(st.names)) for x in (st.lhs, st.rhs))
        if st.oriented != "==" or not s or s != t or any(not any(v == w for w in b) for a, b in
                                                         ((left, right), (right, left)) for v in a):
            raise ProofError("identity: the relation is not ==, or lhs - rhs does not simplify to 0 and the "
                             "sides are not the max (min) of the same values")
        return "verified", (f"both sides are the {'max' if s > 0 else 'min'} of the same {len(left)} values "
                            "(abs(f) = max(f, -f), sums of maxima distributed)"), None
    if method == "cells":
        if len(st.names) != 1:
            raise ProofError("method cells needs exactly one parameter")
        detail, bad = decompose(st, col)
        if bad:
            raise ProofError("the decomposition shows the statement is false; give a refuted point")
        return "verified", detail, None
    if st.oriented == "==":
        raise ProofError(f"method {method} proves inequalities, not identities")
    if method == "boxes":
        return "verified", check_boxes(st, proof.text("tree")), None
    weights = proof.list("weights")
    wst, cst = combination_sides(st, weights)
    for sub, p in zip(wst + [cst], proof.objs("weight_proofs", len(wst)) + [proof.obj("proof")]):
        check_sub(sub, p)
    return "verified", (f"max of the branches >= their convex combination with weights {', '.join(weights)} "
                        "(each >= 0, sum 1), which is >= 0"), None


def extremal(node, ring) -> tuple:
    """(s, values): ``node`` is the max (s = 1) or min (s = -1) of the distinct values, or one value
    (s = 0), for +, -, negation, abs (of one value: max(f, -f)) and max/min over such expressions."""
    tag, kids = node[0], [ch for ch in node[1:] if isinstance(ch, tuple)]
    if not any(n[0] in ("abs", "max", "min") for n in walk(node)):
        return 0, Collector(ring).values(node)
    parts = [extremal(ch, ring) for ch in kids]
    signs = {k for k, _ in parts} - {0}
    if tag == "abs" and not signs:
        return 1, [parts[0][1][0], -parts[0][1][0]]
    if tag == "neg":
        return -parts[0][0], [-v for v in parts[0][1]]
    if tag == "-":
        parts[1] = (-parts[1][0], [-v for v in parts[1][1]])
        signs = {k for k, _ in parts} - {0}
    s = {"max": 1, "min": -1}.get(tag, next(iter(signs), 0))
    if tag not in ("max", "min", "+", "-") or signs - {s}:
        raise ProofError(f"{tag} of a max or min is outside the max-plus class of identities")
    out = [v for _, vs in parts for v in vs] if tag in ("max", "min") else [
        a + b for a in parts[0][1] for b in parts[1][1]]
    return s, distinct(out)


def combination_sides(st, weights: list) -> tuple:
    """(weight statements λ_i >= 0, the statement Σλ_i h_i >= 0 (> 0)); Σλ_i = 1 is checked."""
    L, R = st.node[1], st.node[2]
    hs = ([("-", L, ch) for ch in R[1:]] if R[0] == "min" else [("-", ch, R) for ch in L[1:]]
          if L[0] == "max" else None)
    if hs is None or not isinstance(weights, list) or len(weights) != len(hs):
        raise ProofError("method combination needs lhs = max(...) or rhs = min(...) and one weight per branch")
    ws, plus = [parse_ast(t, st.names) for t in weights], lambda a, b: ("+", a, b)
    comb_ = reduce(plus, [("*", w, h) for w, h in zip(ws, hs)])
    diff = Collector(Ring(st.names)).values(("-", reduce(plus, ws), ("c", 1)))
    if len(diff) != 1 or not diff[0].is_zero():
        raise ProofError("weights: do not sum to 1 exactly (as one expression without abs/max/min)")
    return ([Statement(w, ">=", ("c", 0), st.names, st.domains) for w in ws],
            Statement(comb_, ">" if st.strict else ">=", ("c", 0), st.names, st.domains))


def check_sub(st, p: Obj) -> None:
    """The nested proof ``p`` must verify ``st``; errors name where ``p`` sits."""
    try:
        if check(st, p)[0] != "verified":
            raise ProofError("does not prove its statement")
    except ProofError as e:
        raise ProofError(f"{p.where}: {e}") from None


# -- one parameter and several square roots: the ring Q(x)[√u_1, ..., √u_k] (kind sos) -----------
MAX_RADICALS = 4


class Radicals:
    """Q(x)[√u_1, ..., √u_k], u_i ≥ 0 polynomials on the closed domain of x, modulo (√u_i)² = u_i: formally 0
    is 0 everywhere (the converse may fail, which only rejects); divisors are rationalised by conjugates
    and their norms proved nonzero on the domain."""

    def __init__(self, name: str, dom: Domain):
        self.name, self.dom, self.ring, self.radicands = name, dom, Ring((name,)), []

    def lift(self, q) -> Surd: return Surd(self, {0: RF(self.ring.const(q))})  # noqa: E704
    def var(self) -> Surd: return Surd(self, {0: RF(self.ring.gens[0])})  # noqa: E704

    def sqrt(self, x) -> Surd:
        """√(n/d) = √(n·d)/|d|; √(q²) = ±q if q has one sign on the closed domain; else n·d is a generator."""
        x = Surd.of(self, x)
        if set(x.parts) - {0}:
            raise ProofError("nested square roots are outside the supported class")
        v = x.parts.get(0, RF(self.ring.const(0)))
        self.nonzero(RF(v.den), whole=True)  # one sign on the whole interval, excluded points included
        mid = (self.dom.lo + self.dom.hi) / 2
        scale = RF(self.ring.const(1), v.den * (1 if upoly.evaluate(_uni(v.den), mid) > 0 else -1))
        u = RF(v.num * v.den)
        ok, at = upoly.nonnegative_on(_uni(u.num), self.dom.lo, self.dom.hi)
        if not ok:
            raise ProofError(f"square root of a negative number on the domain (radicand {u.text()} at {format_rational(at)})")
        try:  # u = q² in Q[x] (flint's exact square root): √u = ±q when q has one sign on the closed domain
            q = u.num.sqrt()
        except FlintError:
            q = None
        for s in (1, -1) if q is not None else ():
            if upoly.nonnegative_on(_uni(s * q), self.dom.lo, self.dom.hi)[0]:
                return Surd(self, {0: RF(s * q) * scale})
        if not any(u == w for w in self.radicands):
            if len(self.radicands) == MAX_RADICALS:
                raise ProofError(f"more than {MAX_RADICALS} distinct radicands")
            self.radicands.append(u)
        return Surd(self, {1 << next(i for i, w in enumerate(self.radicands) if u == w): scale})

    def nonzero(self, rf: RF, whole=False) -> None:
        """Raise unless the rational function has no zero in the domain (``whole``: nor at excluded points)."""
        d = Domain(self.dom.lo, self.dom.hi, self.dom.lo_closed, self.dom.hi_closed) if whole else self.dom
        if rf.is_zero() or roots_in(_uni(rf.num), d):
            raise ProofError(f"the divisor {rf.text()} vanishes on the domain")

    def positive(self, v: Surd) -> bool:
        """v > 0 at every point of the domain (v has at most one square root)."""
        if len(v.parts) > 2 or len([m for m in v.parts if m]) > 1 or any(m & (m - 1) for m in v.parts):
            raise ProofError("a sign of a value with several square roots is outside the supported class")
        i = next((m.bit_length() - 1 for m in v.parts if m), None)
        sv = SV(v.parts.get(0, RF(self.ring.const(0))), None if i is None else v.parts[1 << i],
                None if i is None else self.radicands[i])
        col = Collector(self.ring)
        col.crit(sv)
        return not cells(self.dom, col.critical, True, lambda x: sv.at((x,)).sign() > 0)[1]

    def sign(self, v: Surd) -> int:
        """1 if v > 0 on the domain, 0 if v is formally 0, else -1 (v ≤ 0 somewhere, or undecided)."""
        try:
            return 0 if not v.parts else 1 if self.positive(v) else -1
        except ProofError:  # several square roots: undecided
            return -1


class Surd:
    """Σ_S c_S Π_{i∈S} √u_i with c_S ∈ Q(x) (an element of :class:`Radicals`)."""

    __slots__ = ("R", "parts")
    __hash__ = None

    def __init__(self, R: Radicals, parts: dict):
        self.R, self.parts = R, {m: c for m, c in parts.items() if not c.is_zero()}

    @staticmethod
    def of(R, o) -> Surd:
        if isinstance(o, Surd) and o.R is R:
            return o
        if isinstance(o, (int, Fraction)) and not isinstance(o, bool):
            return R.lift(o)
        raise TypeError(f"cannot combine {type(o).__name__} with a parametric value")

    @property
    def coeffs(self) -> list:  # for numbers.bit_size: every rational coefficient
        return [to_fraction(c) for rf in self.parts.values() for p in (rf.num, rf.den) for c in p.coeffs()]

    def _collect(self, pairs) -> Surd:
        out = {}
        for m, c in pairs:
            out[m] = out[m] + c if m in out else c
        return Surd(self.R, out)

    def __add__(self, o): return self._collect([*self.parts.items(), *Surd.of(self.R, o).parts.items()])  # noqa: E704

    def __mul__(self, o):  # √u_i·√u_i = u_i for every i in both masks
        return self._collect((m1 ^ m2, prod((u for i, u in enumerate(self.R.radicands) if (m1 & m2) >> i & 1),
                                            start=a * b))
                             for m1, a in self.parts.items() for m2, b in Surd.of(self.R, o).parts.items())

    __radd__, __rmul__ = __add__, __mul__

    def __neg__(self): return Surd(self.R, {m: -c for m, c in self.parts.items()})  # noqa: E704
    def __sub__(self, o): return self + (-Surd.of(self.R, o))  # noqa: E704
    def __rsub__(self, o): return Surd.of(self.R, o) - self  # noqa: E704
    def __rtruediv__(self, o): return Surd.of(self.R, o) / self  # noqa: E704
    def __bool__(self): return bool(self.parts)  # noqa: E704
    def sign(self) -> int: return self.R.sign(self)  # noqa: E704 - 1: > 0 on the whole domain, 0: formally 0

    def __truediv__(self, o):
        x, o = self, Surd.of(self.R, o)
        for i in range(len(self.R.radicands)):  # o·conj_i(o) has no √u_i
            conj = Surd(self.R, {m: -c if m >> i & 1 else c for m, c in o.parts.items()})
            x, o = (x * conj, o * conj) if any(m >> i & 1 for m in o.parts) else (x, o)
        if not o.parts:
            raise ZeroDivisionError("division by zero")
        self.R.nonzero(o.parts[0])
        return x * Surd(self.R, {0: RF(o.parts[0].den, o.parts[0].num)})

    def __pow__(self, n: int):
        if not isinstance(n, int) or n < 0:
            raise ExprError("parametric values take non-negative integer powers only")
        return prod([self] * n, start=self.R.lift(1))

    def __eq__(self, o):
        try:
            return not (self - o).parts
        except TypeError:
            return False

    def to_text(self) -> str:
        """Canonical text: Σ (numerator)*sqrt(u)*.../(denominator), the denominator an integer polynomial."""
        out = []
        for m, rf in sorted(self.parts.items()):
            co = [to_fraction(c) for q in (rf.num, rf.den) for c in q.coeffs()]
            k = to_fmpq(Fraction(lcm(*(c.denominator for c in co)), gcd(*(c.numerator for c in co))))
            num, den, wrap = str(rf.num * k), str(rf.den * k), " " in str(rf.num * k).lstrip("-")
            roots = "*".join(f"sqrt({u.text()})" for i, u in enumerate(self.R.radicands) if m >> i & 1)
            if roots:
                num = {"1": roots, "-1": "-" + roots}.get(num, f"({num})*{roots}" if wrap else f"{num}*{roots}")
                wrap = False
            if den != "1":
                num = (f"({num})" if wrap else num) + (f"/({den})" if " " in den or "*" in den else f"/{den}")
            out.append(num)
        return " + ".join(out).replace("+ -", "- ") or "0"
