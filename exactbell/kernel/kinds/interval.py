"""Kind ``interval`` (docs/kinds/interval.md): python-flint arb at ``PREC`` bits proves lo < quantity < hi (or the
one-sided bound a quantity has), and each paper/claim relation is decided against the open bracket. Quantities: an
expression, the CGLMP value of an explicit quantum strategy (Collins et al. 2002), and the minimal mutual information
of measurement-dependent models (a model bounds it above, a Lagrange dual point below)."""
from __future__ import annotations

import re
from fractions import Fraction
from functools import reduce
from math import lcm, prod

import flint

from .. import limits
from ..expr import ExprError, FieldAlgebra, parse
from ..lp import distribution, local_model
from ..models import cglmp, model_points, strategies
from ..numbers import bit_size, digest, format_rational
from ..poly import Poly
from ..prove_check import to_arb as _q
from ..scenario import Scenario
from . import Decision, kind

PREC = 256
RESPONSES = 100_000  # local deterministic responses an md-information bound may visit
_DECIMAL = re.compile(r"^-?[0-9]{1,1000}\.[0-9]{1,1000}$")  # ASCII digits, within limits.INT_DIGITS
_CLAIM = re.compile(r"^(<=|>=|<|>|=)\s*(\S.*)$")  # on stripped text: no backtracking over blanks


def _checked(name, domain, fn):
    """``fn`` on arguments provably in its domain only."""
    def f(x):
        if not domain(x):
            raise ExprError(f"{name}({x}) is not provably defined")
        return fn(x)
    return f


def _radau(m, i, weight: bool):
    """Node t_i (ascending, t_m = 1) or weight w_i of the m-point Gauss–Radau rule on [0, 1] with the fixed node 1
    (Brown–Fawzi–Fawzi Thm 2.3; Abramowitz–Stegun 25.4.31, reflected): t = (1 + x)/2 for the m − 1 certified simple
    real roots x of (P_{m−1} − P_m)/(1 − x) (Legendre P_n), w_i = (1 + x_i)/(2 m² P_{m−1}(x_i)²), w_m = 1/m²."""
    m, i = (int(v.unique_fmpz()) if v.is_exact() and v.unique_fmpz() is not None else 0 for v in (m, i))
    if not 1 <= i <= m <= 20:
        raise ExprError("radau_t(m, i), radau_w(m, i) take integers 1 <= i <= m <= 20")
    P = flint.fmpq_poly.legendre_p
    q, r = divmod(P(m - 1) - P(m), flint.fmpq_poly([1, -1]))
    xs = sorted((z.real for z, k in q.complex_roots() if z.imag == 0 and k == 1), key=lambda v: v.mid())
    if r != 0 or len(xs) != m - 1:
        raise ExprError(f"the Gauss-Radau polynomial of m = {m} has no m - 1 certified simple real roots")
    if i == m:
        return flint.arb(1) / (m * m) if weight else flint.arb(1)
    x = xs[i - 1]
    p = flint.arb_poly(P(m - 1))(x)
    return (1 + x) / (2 * m * m * p * p) if weight else (1 + x) / 2


_ARB = {"sqrt": _checked("sqrt", lambda x: x >= 0, flint.arb.sqrt),
        "radau_t": lambda m, i: _radau(m, i, False), "radau_w": lambda m, i: _radau(m, i, True),
        "log": _checked("log", lambda x: x > 0, flint.arb.log),
        "log2": _checked("log2", lambda x: x > 0, lambda x: x.log() / flint.arb(2).log()),
        "H_bin": _checked("H_bin", lambda x: x > 0 and x < 1,
                          lambda x: -(x * x.log() + (1 - x) * (1 - x).log()) / flint.arb(2).log()),
        "exp": flint.arb.exp, "sin": flint.arb.sin, "cos": flint.arb.cos, "abs": abs}


def _log2(x: Poly) -> Poly:
    if not (q := x.constant_value()) or q < 0:
        raise ExprError(f"log2 of {x.to_text()}")
    return Poly.var(format_rational(q))


def _logs(fixed: dict) -> FieldAlgebra:
    """Exact values Σ_r a_r log2(r) (r > 0 rational) as polynomials in symbols log2(r) named by r (c = c·log2(2))."""
    return FieldAlgebra({k: Poly.const(v) for k, v in fixed.items()},  # H_bin(q) = −q log2 q − (1 − q) log2(1 − q)
                        {"log2": _log2, "H_bin": lambda x: -(x * _log2(x) + (1 - x) * _log2(1 - x))}, Poly.const)


def _equal(a: Poly, b: Poly) -> bool:
    """Σ_r e_r log2(r) = 0 <=> Π_r r^(D e_r) = 1 (D a common denominator of the e_r): exact, no factoring."""
    if any(len(m) > 1 or m[0][1] != 1 for m in (a - b).terms if m):
        raise ExprError("only rational multiples of logarithms are allowed")
    e = [(Fraction(m[0][0]) if m else Fraction(2), v) for m, v in (a - b).terms.items()]
    den = lcm(*(v.denominator for _, v in e))
    if sum(abs(v * den) * bit_size(r) for r, v in e) > limits.EXPR_BITS:
        raise ExprError(f"an exact comparison above {limits.EXPR_BITS} bits")
    return prod((r ** int(v * den) for r, v in e), start=Fraction(1)) == 1


# -- quantities: (lower ball or None, upper ball or None, text, exact form or None) ---------------------
def _expression(ctx, spec):
    text = spec.text("value")
    ctx.need(text.isascii(), spec.at("value"), "an expression is ASCII text")  # the statement: no look-alike digits
    names = {"pi": flint.arb.pi(), **{k: _q(v) for k, v in ctx.fixed.items()}}
    x = ctx.guard(spec.at("value"), lambda: parse(text, FieldAlgebra(names, _ARB, _q)))
    try:
        exact = parse(text, _logs(ctx.fixed))
    except (ArithmeticError, ValueError, TypeError):
        exact = None
    return x, x, text, exact


def _rationals(ctx, spec, key, n):
    """The list ``key`` of n exact rationals."""
    values = [ctx.value(spec, f"<{spec.at(key)}[{i}]>", raw=v) for i, v in enumerate(spec.list(key, n))]
    ctx.need(all(isinstance(v, Fraction) for v in values), spec.at(key), f"needs {n} rationals")
    return values


def _cglmp_born(ctx, spec):
    """p(a,b|x,y) of sum_j g_j|jj> in the CGLMP bases |a>_x = d^-1/2 sum_j e^{2 pi i j(a + alpha_x)/d}|j>,
    |b>_y = d^-1/2 sum_j e^{-2 pi i j(b + beta_y)/d}|j>, alpha = (0, 1/2), beta = (-1/4, 1/4):
    |sum_j g_j e^{pi i 2j t/d}|^2 / (d^2 |g|^2) with t = a - b + alpha_x - beta_y (inputs-major order)."""
    d = spec.int("d", 2, 24)
    g = _rationals(ctx, spec, "schmidt", d)
    ctx.need(any(g), spec.at("schmidt"), "the Schmidt vector is zero")
    gtext = "[" + ", ".join(map(format_rational, g)) + "]"
    if len(gtext) > 160:
        gtext = f"#{digest(gtext)} (sha256 of {gtext[:20]}...)"
    sc, norm, p = Scenario((2, 2), (d, d)), _q(d * d * sum(v * v for v in g)), []
    for (x, y), (a, b) in ((c, o) for c in sc.contexts for o in sc.outcomes):
        t = a - b + (0, Fraction(1, 2))[x] - (Fraction(-1, 4), Fraction(1, 4))[y]
        amp = sum((_q(v) * flint.acb(_q(2 * j * t / d)).exp_pi_i() for j, v in enumerate(g)), flint.acb(0))
        p.append(abs(amp) ** 2 / norm)
    return sc, p, f"the state sum_j g_j|jj>, g = {gtext}, in the CGLMP bases alpha = (0, 1/2), beta = (-1/4, 1/4)"


def _cglmp_quantum(ctx, spec):
    sc, p, text = _cglmp_born(ctx, spec)
    d = sc.outputs[0]
    v = sum((_q(c) * pv for c, pv in zip(cglmp(d), p) if c), flint.arb(0))
    return v, None, f"the quantum maximum of CGLMP I_{d} on (2,2;{d},{d}) (at least the value of {text})", None


def _ghz(ctx, spec):
    """Mermin: (|000> + |111>)/sqrt2 measured in X (x = 0) or Y (x = 1) (:func:`..lp.distribution`)."""
    p = distribution("ghz", local_model([(2, 2)] * 3))
    return Scenario((2, 2, 2), (2, 2, 2)), [_q(v) for v in p], "the GHZ distribution (Mermin X/Y measurements)"


def _md_information(ctx, spec):
    """min I(S:L) over q(s, l) reproducing p(o|s), S uniform, l deterministic responses. Upper end: the
    model q(s,l) = p(o_s(l)|s) K_s(l|o_s(l))/#s; lower end (weak duality of min D(q || u_S x r)):
    min I >= [sum_{s,o} mu_so p(o|s)/#s - max_l sum_s e^{mu_{s,o_s(l)} - 1}/#s] / ln 2."""
    dist = spec.obj("distribution")
    sc, p, dtext = {"cglmp": _cglmp_born, "ghz": _ghz}[dist.text("state", ("cglmp", "ghz"))](ctx, dist)
    ctx.cert.conventions.text("responses", ("lexicographic: party-major tables of outputs per input, "
                                            "first most significant",))
    ctx.need(strategies(sc) <= RESPONSES, dist.where, f"more than {RESPONSES} local deterministic responses")
    ns, no, inv = len(sc.contexts), len(sc.outcomes), _q(Fraction(1, len(sc.contexts)))
    col = [[v[s * no:(s + 1) * no].index(1) for s in range(ns)]  # col[l][s]: the outcome response l gives at s
           for _, v in model_points(ctx, dist, sc, "local")]
    model, q, ql = spec.list("model", ns), {}, {}
    for s in range(ns):
        if not isinstance(model[s], list) or len(model[s]) != no:
            raise ctx.fail(f"{spec.at('model')}[{s}]", f"needs {no} outcome lists")
        for o, ent in enumerate(model[s]):
            w, ps, tot = f"{spec.at('model')}[{s}][{o}]", p[s * no + o], Fraction(0)
            if not isinstance(ent, list) or (not ent) != (ps == 0) or not (ps == 0 or ps > 0):
                raise ctx.fail(w, "lists [response, weight] pairs exactly when p(o|s) is provably > 0")
            for e in ent:
                lam = e[0] if isinstance(e, list) and len(e) == 2 else None
                if type(lam) is not int or not 0 <= lam < len(col) or col[lam][s] != o or (s, lam) in q:
                    raise ctx.fail(w, f"{e!r} is not [a new response giving outcome {o} at {s}, weight]")
                k = ctx.value(spec, f"<{w}>", raw=e[1])
                ctx.need(isinstance(k, Fraction) and k > 0, w, "weights are positive rationals")
                tot += k
                q[s, lam] = ps * _q(k) * inv
                ql[lam] = ql.get(lam, flint.arb(0)) + q[s, lam]
            ctx.need(not ent or tot == 1, w, f"weights sum to {format_rational(tot)}, not 1")
    hi = sum((v * (v / (ql[lam] * inv)).log() for (s, lam), v in q.items()), flint.arb(0)) / flint.arb(2).log()
    lo = None
    if spec.has("dual"):
        mu = _rationals(ctx, spec, "dual", ns * no)
        ex = [_q(m - 1).exp() for m in mu]
        worst = reduce(flint.arb.max, (sum((ex[s * no + o] for s, o in enumerate(c)), flint.arb(0))
                                       for c in col))  # max over responses l of sum_s e^{mu_{s,o_s(l)} - 1}
        lo = (sum((_q(m) * pv for m, pv in zip(mu, p) if m), flint.arb(0)) - worst) * inv / flint.arb(2).log()
    how = "an explicit model" if lo is None else "a Lagrange dual point (lower) and an explicit model (upper)"
    return lo, hi, (f"min I(S:L) in bits over measurement-dependent models (S the uniform context, L local "
                    f"deterministic responses) reproducing {dtext}, bounded by {how},"), None


QUANTITIES = {"expression": _expression, "cglmp-quantum": _cglmp_quantum, "md-information": _md_information}


def _relation(ctx, where, text, lo, hi, exact):
    """'holds' | 'fails' | 'undecided' for a relation "< c" ... against the open bracket (lo, hi) (None:
    unbounded); "= r" with a decimal r: the value rounds to r; "= form": the exact value equals the form."""
    m = _CLAIM.match(text.strip()) if isinstance(text, str) and text.isascii() else None
    ctx.need(m, where, "a claim is \"<|<=|>|>=|= value\" in ASCII text")
    rel, val = m.groups()
    if rel == "=" and not _DECIMAL.match(val):
        ctx.need(exact is not None, where, "an exact '=' needs a quantity of rationals, log2 and H_bin of rationals")
        return f"{rel} {val}", "holds" if ctx.guard(where, lambda: _equal(parse(val, _logs({})), exact)) else "fails"
    c = Fraction(val) if _DECIMAL.match(val) else ctx.value(ctx.cert.data, f"<{where}>", raw=val)
    ctx.need(isinstance(c, Fraction), where, "the value must be rational")
    h = Fraction(1, 2 * 10 ** len(val.split(".")[1])) if rel == "=" else None
    low, high = (c - h, c + h) if h else (c, None) if rel[0] == ">" else (None, c)
    below = lambda x, y: x is not None and y is not None and x <= y
    inside = (low is None or below(low, lo)) and (high is None or below(hi, high))
    return f"{rel} {val}", "holds" if inside else "fails" if below(hi, low) or below(high, lo) else "undecided"


@kind("interval")
def decide(cert, ctx, data) -> Decision:
    ctx.need(not ctx.domains, "parameters", "an interval is decided at fixed parameter values only")
    spec = data.obj("quantity")
    of = spec.text("of", tuple(QUANTITIES))
    if of != "cglmp-quantum":
        cert.conventions.text("information", ("bits: log base 2",))
    raw = data.list("bracket", 2)
    ctx.need(all(isinstance(v, str) and _DECIMAL.match(v) for v in raw), "data.bracket", "a bracket end is a decimal "
             "text such as \"0.0463\" (ASCII digits, at most 1000 on each side of the point)")
    lo, hi = map(Fraction, raw)
    with flint.ctx.workprec(PREC):
        lower, upper, text, exact = QUANTITIES[of](ctx, spec)
        balls = [b for b in (lower, upper) if b is not None]
        if not (lo < hi and all(_q(lo) < b and b < _q(hi) for b in balls)):
            raise ctx.fail("data.bracket", f"arb does not prove {raw[0]} < {text} < {raw[1]}: the bounds are "
                           + " and ".join(str(b) for b in balls))
    bound, span = (lo if lower is not None else None, hi if upper is not None else None), f"({raw[0]}, {raw[1]})"
    statement = (f"{text} lies in {span}" if None not in (lower, upper) else
                 f"{text} exceeds {raw[0]} (the strategy's value lies in {span})" if upper is None else
                 f"{text} is below {raw[1]} (the model's value lies in {span})")
    statement += f", {ctx.quantifier()}" if ctx.quantifier() else ""
    outcomes, parts = [], []
    for key in ("claims", "paper"):
        got = [_relation(ctx, f"data.{key}[{i}]", c, *bound, exact) for i, c in enumerate(data.list(key, default=[]))]
        outcomes += [o for _, o in got]
        parts += [f"{key.rstrip('s')}: " + "; ".join(f"{c} {o}" for c, o in got)] if got else []
    statement += " (" + "; ".join(parts) + ")" if parts else ""
    verdict = "refuted" if "fails" in outcomes else "numeric-only" if "undecided" in outcomes else "verified"
    return Decision(statement, verdict, f"arb at {PREC} bits", (raw[0], raw[1]))
