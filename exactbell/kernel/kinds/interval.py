"""Kind ``interval``: a rigorous bracket of a real quantity the kernel builds from a declarative spec.

data: quantity {"of": name, ...spec}, bracket [lo, hi] (decimal texts), optional paper / claims.
The quantity is evaluated with python-flint arb balls (``PREC`` bits) and the kernel proves
lo < quantity < hi (one-sided quantities: the bound they have). Quantities (``quantity.of``):

  binary-entropy   H_bin(q) = -q log2 q - (1-q) log2(1-q), ``argument`` an expression (rationals,
                   fixed parameters, pi, sqrt, sin, cos, exp, log); a rational q also gets its exact
                   form c + sum a_p log2(p) (unique factorisation: logs of primes are Q-independent)
  cglmp-quantum    the quantum maximum of CGLMP I_d (Collins et al. 2002) is at least the value of the
                   state sum_j g_j|jj> (normalised) with the CGLMP bases |a>_x = d^-1/2 sum_j
                   e^{2 pi i j(a + alpha_x)/d}|j>, |b>_y = d^-1/2 sum_j e^{-2 pi i j(b + beta_y)/d}|j>,
                   alpha = (0, 1/2), beta = (-1/4, 1/4) (the sign that fits the labelling of I_d in
                   models.cglmp: 2 sqrt 2 at d = 2); Born rule p = |<a_x b_y|psi>|^2 (one-sided)
  md-information   min I(S:L) in bits over measurement-dependent models q(s, l) reproducing p(o|s) with
                   S the context (uniform) and l the local deterministic responses (no loss: a
                   stochastic response refines to deterministic ones without raising I, data processing).
                   Upper end: the model q(s,l) = p(o_s(l)|s) K_s(l|o_s(l))/#s of ``model``; lower end:
                   weak Lagrange duality of min_{q,r} D(q || u_S x r): for every mu,
                   min I >= [sum_{s,o} mu_so p(o|s)/#s - max_l sum_s e^{mu_{s,o_s(l)} - 1}/#s] / ln 2.
                   Without ``dual`` only the upper end is decided. p: CGLMP strategy or GHZ (Mermin X/Y).
  pinsker-gap      I(S:L) - c M^2 log2(e) of a joint table p(s, l), M = sum |p(s,l) - p(s)p(l)| (eq. 5)
  pinsker-threshold  2 + 4 sqrt(2 ln2 I): with Pinsker I >= (M^2/2) log2 e and M >= (I_d - 2)/4 (eq. 11),
                   I_d above it forces I(XY:L) > I

``paper`` / ``claims``: lists of relations "< c", "<= c", "> c", ">= c", "= r" (r a decimal: the value
rounds to r at r's digits; or, for a rational entropy argument, an exact form such as
"2 - 3/4*log2(3)"). Each is decided (holds / fails / undecided) against the open bracket. Verdict:
refuted if any fails, numeric-only if any is undecided, else verified.
"""
from __future__ import annotations

import hashlib
import re
from fractions import Fraction
from itertools import product
from math import prod

import flint

from ..expr import ExprError, FieldAlgebra, parse
from ..models import cglmp
from ..numbers import format_rational
from ..scenario import Scenario
from . import Decision, kind

PREC = 256
FACTOR_LIMIT = 10**12  # exact log forms factor numerators and denominators below this by trial division
RESPONSES = 100_000  # local deterministic responses an md-information bound may visit
_DECIMAL = re.compile(r"^-?\d+\.\d+$")
_CLAIM = re.compile(r"^\s*(<=|>=|<|>|=)\s*(\S.*?)\s*$")


def _q(x) -> flint.arb:
    x = Fraction(x)
    return flint.arb(flint.fmpq(x.numerator, x.denominator))


def _real(name: str, ok=lambda x: True):
    def f(x):
        if not ok(x):
            raise ExprError(f"{name}({x}) is not a defined real value")
        return getattr(x, name)()
    return f


def _arb_algebra(fixed: dict) -> FieldAlgebra:
    """Real arb balls; sqrt and log refuse arguments not provably in their domain."""
    fns = {"sqrt": _real("sqrt", lambda x: x >= 0), "log": _real("log", lambda x: x > 0), "exp": _real("exp"),
           "sin": _real("sin"), "cos": _real("cos")}
    return FieldAlgebra({"pi": flint.arb.pi(), **{k: _q(v) for k, v in fixed.items()}}, fns, _q)


def _ln2():
    return flint.arb(2).log()


def _hbin(x):
    return -(x * x.log() + (1 - x) * (1 - x).log()) / _ln2()


class _Form(dict):
    """c + sum a_p log2(p) as {1: c, p: a_p} (odd primes p): rational combinations of log2 of positive
    rationals. Equal forms <=> equal reals (logs of primes are Q-independent: unique factorisation)."""

    def __add__(a, b):
        return _Form({k: a.get(k, 0) + b.get(k, 0) for k in {*a, *b}})

    def __neg__(a):
        return _Form({k: -v for k, v in a.items()})

    def __sub__(a, b):
        return a + -b

    def rat(a) -> Fraction:
        if any(k != 1 and v for k, v in a.items()):
            raise ExprError("only rational multiples of logarithms are allowed")
        return a.get(1, Fraction(0))

    def __mul__(a, b):
        a, b = (b, a) if not any(k != 1 and v for k, v in a.items()) else (a, b)
        return _Form({k: v * b.rat() for k, v in a.items()})

    def __truediv__(a, b):
        return _Form({k: v / b.rat() for k, v in a.items()})

    def __pow__(a, n):
        return _Form({1: a.rat() ** n})

    @property
    def c(self):  # the coefficients, for the expression parser's size guard
        return list(self.values())

    def key(a):
        return {k: v for k, v in a.items() if v}


def _log2(x: _Form) -> _Form:
    q, out = x.rat(), _Form()
    if not 0 < q or max(q.numerator, q.denominator) >= FACTOR_LIMIT:
        raise ExprError(f"log2 of {format_rational(q)}: needs a positive rational below {FACTOR_LIMIT}")
    for n, sign in ((q.numerator, 1), (q.denominator, -1)):
        p = 2
        while n > 1:
            p = n if p * p > n else p
            while n % p == 0:
                k = 1 if p == 2 else p
                out[k], n = out.get(k, 0) + sign, n // p
            p += 1
    return out


_LOGS = FieldAlgebra({}, {"log2": _log2}, lambda q: _Form({1: q}))


def _form_text(v: _Form) -> str:
    out = format_rational(v.get(1, 0))
    for p in sorted(k for k in v if k != 1 and v[k]):
        c = v[p]
        out += f" {'-' if c < 0 else '+'} {'' if abs(c) == 1 else format_rational(abs(c)) + '*'}log2({p})"
    return out[4:] if out.startswith("0 + ") else out


# -- quantities: (lower ball or None, upper ball or None, text, exact form or None) ---------------------
def _binary_entropy(ctx, spec):
    text = spec.text("argument")
    x = ctx.guard(spec.at("argument"), lambda: parse(text, _arb_algebra(ctx.fixed)))
    if not (x > 0 and x < 1):
        raise ctx.fail(spec.at("argument"), "the argument is not provably in (0, 1)")
    try:
        q = parse(text, FieldAlgebra(ctx.fixed))
        c = _LOGS.const
        exact = c(-q) * _log2(c(q)) - c(1 - q) * _log2(c(1 - q))
    except ExprError:
        exact = None
    h = _hbin(x)
    return h, h, f"H_bin({text})" + (f" = {_form_text(exact)} (exactly)" if exact else "") + " in bits", exact


def _schmidt(ctx, spec, d):
    g = [ctx.value(spec, f"<{spec.at('schmidt')}[{i}]>", raw=v) for i, v in enumerate(spec.list("schmidt", d))]
    if any(not isinstance(v, Fraction) for v in g) or not any(g):
        raise ctx.fail(spec.at("schmidt"), "needs d rationals, not all zero")
    text = "[" + ", ".join(map(format_rational, g)) + "]"
    return g, text if len(text) <= 160 else "#" + hashlib.sha256(text.encode()).hexdigest()[:12] + " (sha256 of " + text[:20] + "...)"


def _cglmp_born(ctx, spec):
    """p(a,b|x,y) of the CGLMP strategy (module docstring), as arb balls in inputs-major order."""
    d = spec.int("d", 2, 24)
    g, gtext = _schmidt(ctx, spec, d)
    norm = sum((_q(v) ** 2 for v in g), flint.arb(0)).sqrt()
    al, be = (Fraction(0), Fraction(1, 2)), (Fraction(-1, 4), Fraction(1, 4))
    e = lambda t: flint.acb(0, 2 * flint.arb.pi() * _q(t)).exp() / flint.arb(d).sqrt()  # noqa: E731
    A = {(x, a): [e(j * (a + al[x]) / d) for j in range(d)] for x in range(2) for a in range(d)}
    B = {(y, b): [e(-j * (b + be[y]) / d) for j in range(d)] for y in range(2) for b in range(d)}
    sc = Scenario((2, 2), (d, d))
    p = []
    for (x, y), (a, b) in ((c, o) for c in sc.contexts for o in sc.outcomes):
        amp = sum((A[x, a][j].conjugate() * B[y, b][j].conjugate() * _q(g[j]) for j in range(d)), flint.acb(0))
        p.append((amp * amp.conjugate()).real / norm**2)
    return sc, p, f"the state sum_j g_j|jj>, g = {gtext}, in the CGLMP bases alpha = (0, 1/2), beta = (-1/4, 1/4)"


def _cglmp_quantum(ctx, spec):
    sc, p, text = _cglmp_born(ctx, spec)
    v = sum((_q(c) * pv for c, pv in zip(cglmp(sc.outputs[0]), p) if c), flint.arb(0))
    d = sc.outputs[0]
    return v, None, f"the quantum maximum of CGLMP I_{d} on (2,2;{d},{d}) (at least the value of {text})", None


def _ghz(ctx, spec):
    """Mermin: (|000> + |111>)/sqrt2, x = 0: X, x = 1: Y; p = |1 + conj(prod_k (-1)^a_k i^x_k)|^2 / 16."""
    sc, p = Scenario((2, 2, 2), (2, 2, 2)), []
    for x in sc.contexts:
        for a in sc.outcomes:
            eps = flint.acb(-1) ** sum(a) * flint.acb(0, 1) ** sum(x)
            p.append(((1 + eps.conjugate()) * (1 + eps)).real / 16)
    return sc, p, "the GHZ distribution (Mermin X/Y measurements)"


def _md_information(ctx, spec):
    dist = spec.obj("distribution")
    sc, p, dtext = {"cglmp": _cglmp_born, "ghz": _ghz}[dist.text("state", ("cglmp", "ghz"))](ctx, dist)
    ctx.cert.conventions.text("responses", ("lexicographic: party-major tables of outputs per input, "
                                            "first most significant",))
    if prod(o**m for m, o in zip(sc.inputs, sc.outputs)) > RESPONSES:
        raise ctx.fail(dist.where, f"more than {RESPONSES} local deterministic responses")
    resp = [sum(t, ()) for t in product(*[list(sc.deterministic_strategies(k)) for k in range(sc.parties)])]
    off = [sum(sc.inputs[:k]) for k in range(sc.parties)]
    col = [[sc.outcomes.index(tuple(r[off[k] + s[k]] for k in range(sc.parties))) for s in sc.contexts] for r in resp]
    ns, no, inv = len(sc.contexts), len(sc.outcomes), _q(Fraction(1, len(sc.contexts)))
    model, q = spec.list("model", ns), {}
    for s in range(ns):
        if not isinstance(model[s], list) or len(model[s]) != no:
            raise ctx.fail(f"{spec.at('model')}[{s}]", f"needs {no} outcome lists")
        for o, ent in enumerate(model[s]):
            w, ps, tot = f"{spec.at('model')}[{s}][{o}]", p[s * no + o], Fraction(0)
            if not isinstance(ent, list) or (not ent) != (ps == 0) or not (ps == 0 or ps > 0):
                raise ctx.fail(w, "lists [response, weight] pairs exactly when p(o|s) is provably > 0 (else empty)")
            for e in ent:
                lam = e[0] if isinstance(e, list) and len(e) == 2 else None
                if type(lam) is not int or not 0 <= lam < len(resp) or col[lam][s] != o or (s, lam) in q:
                    raise ctx.fail(w, f"{e!r} is not [a new response giving outcome {o} at context {s}, weight]")
                k = ctx.value(spec, f"<{w}>", raw=e[1])
                if not isinstance(k, Fraction) or k <= 0:
                    raise ctx.fail(w, "weights are positive rationals")
                tot += k
                q[s, lam] = ps * _q(k) * inv
            if ent and tot != 1:
                raise ctx.fail(w, f"weights sum to {format_rational(tot)}, not 1")
    ql = {}
    for (s, lam), v in q.items():
        ql[lam] = ql.get(lam, flint.arb(0)) + v
    hi = sum((v * (v / (ql[lam] * inv)).log() for (s, lam), v in q.items()), flint.arb(0)) / _ln2()
    lo = None
    if spec.has("dual"):
        mu = [ctx.value(spec, f"<{spec.at('dual')}[{i}]>", raw=v) for i, v in enumerate(spec.list("dual", ns * no))]
        if not all(isinstance(m, Fraction) for m in mu):
            raise ctx.fail(spec.at("dual"), "multipliers are rationals")
        ex = [_q(m - 1).exp() for m in mu]
        worst = None
        for c in col:
            t = sum((ex[s * no + o] for s, o in enumerate(c)), flint.arb(0)) * inv
            worst = t if worst is None else worst.max(t)
        lo = (sum((_q(m) * pv for m, pv in zip(mu, p) if m), flint.arb(0)) * inv - worst) / _ln2()
    how = "a Lagrange dual point (lower) and an explicit model (upper)" if lo is not None else "an explicit model"
    return lo, hi, (f"min I(S:L) in bits over measurement-dependent models (S the uniform context, L local "
                    f"deterministic responses) reproducing {dtext}, bounded by {how},"), None


def _pinsker_gap(ctx, spec):
    rows = spec.list("joint")
    P = [[ctx.value(spec, f"<{spec.at('joint')}>", raw=v) for v in r] if isinstance(r, list) else None for r in rows]
    if not P or any(r is None or len(r) != len(P[0]) for r in P) or any(
            not isinstance(v, Fraction) or v < 0 for r in P for v in r) or sum(map(sum, P)) != 1:
        raise ctx.fail(spec.at("joint"), "needs a rectangular table of nonnegative rationals summing to 1")
    c = ctx.value(spec, "constant")
    ps, pl = [sum(r) for r in P], [sum(col) for col in zip(*P)]
    M = sum(abs(v - ps[i] * pl[j]) for i, r in enumerate(P) for j, v in enumerate(r))
    info = sum((_q(v) * _q(v / (ps[i] * pl[j])).log() for i, r in enumerate(P) for j, v in enumerate(r) if v),
               flint.arb(0)) / _ln2()
    gap = info - _q(c * M * M) / _ln2()
    table = "[" + "; ".join(" ".join(map(format_rational, r)) for r in P) + "]"
    return gap, gap, (f"I(S:L) - {format_rational(c)}*M^2*log2(e) in bits for p(s,l) = {table} "
                      f"(M = sum |p(s,l) - p(s)p(l)| = {format_rational(M)})"), None


def _pinsker_threshold(ctx, spec):
    info = ctx.value(spec, "information")
    if not isinstance(info, Fraction) or info <= 0:
        raise ctx.fail(spec.at("information"), "a positive rational")
    v = 2 + 4 * (2 * _ln2() * _q(info)).sqrt()
    i = format_rational(info)
    return v, v, (f"the threshold 2 + 4*sqrt(2*ln(2)*{i}) (I_d above it forces I(XY:L) > {i} by Pinsker "
                  f"I(XY:L) >= (M^2/2)*log2(e) and eq. (11) M >= (I_d - 2)/4)"), None


QUANTITIES = {"binary-entropy": _binary_entropy, "cglmp-quantum": _cglmp_quantum, "md-information": _md_information,
              "pinsker-gap": _pinsker_gap, "pinsker-threshold": _pinsker_threshold}


# -- the decision --------------------------------------------------------------------------------------
def _dec(text: str) -> Fraction:
    return Fraction(int(text.replace(".", "")), 10 ** len(text.split(".")[1]))


def _decimal(ctx, where, text) -> Fraction:
    if not isinstance(text, str) or not _DECIMAL.match(text):
        raise ctx.fail(where, "a bracket end is a decimal text such as \"0.0463\"")
    return _dec(text)


def _claim(ctx, where, text, lo, hi, exact):
    """'holds' | 'fails' | 'undecided' for the open bracket (lo, hi) (None: unbounded)."""
    m = _CLAIM.match(text) if isinstance(text, str) else None
    if not m:
        raise ctx.fail(where, "a claim is \"<|<=|>|>=|= value\"")
    rel, val = m.groups()
    return f"{rel} {val}", _relation(ctx, where, rel, val, lo, hi, exact)


def _relation(ctx, where, rel, val, lo, hi, exact):
    if rel == "=" and not _DECIMAL.match(val):
        if exact is None:
            raise ctx.fail(where, "an exact '=' needs a rational entropy argument (else write a decimal)")
        return "holds" if ctx.guard(where, lambda: parse(val, _LOGS)).key() == exact.key() else "fails"
    c = _dec(val) if _DECIMAL.match(val) else ctx.value(ctx.cert.data, f"<{where}>", raw=val)
    if not isinstance(c, Fraction):
        raise ctx.fail(where, "the value must be rational")
    if rel == "=":
        h = Fraction(1, 2 * 10 ** len(val.split(".")[1]))
        low, high = c - h, c + h
    else:
        low, high = (c, None) if rel[0] == ">" else (None, c)
    below = lambda x, y: x is not None and y is not None and x <= y  # noqa: E731
    inside = (low is None or below(low, lo)) and (high is None or below(hi, high))
    outside = below(hi, low) or below(high, lo)
    return "holds" if inside else "fails" if outside else "undecided"


@kind("interval")
def decide(cert, ctx, data) -> Decision:
    if ctx.domains:
        raise ctx.fail("parameters", "an interval is decided at fixed parameter values only")
    spec = data.obj("quantity")
    of = spec.text("of", tuple(QUANTITIES))
    if of != "cglmp-quantum":
        cert.conventions.text("information", ("bits: log base 2",))
    raw = data.list("bracket", 2)
    lo, hi = (_decimal(ctx, f"data.bracket[{i}]", v) for i, v in enumerate(raw))
    old, flint.ctx.prec = flint.ctx.prec, PREC
    try:
        lower, upper, text, exact = QUANTITIES[of](ctx, spec)
        balls = [b for b in (lower, upper) if b is not None]
        if not (lo < hi and all(_q(lo) < b and b < _q(hi) for b in balls)):
            raise ctx.fail("data.bracket", f"arb does not prove {raw[0]} < {text} < {raw[1]}: the bounds are "
                           + " and ".join(str(b) for b in balls))
    finally:
        flint.ctx.prec = old
    bound = (lo if lower is not None else None, hi if upper is not None else None)
    span = f"({raw[0]}, {raw[1]})"
    statement = (f"{text} lies in {span}" if None not in (lower, upper) else
                 f"{text} exceeds {raw[0]} (the strategy's value lies in {span})" if upper is None else
                 f"{text} is below {raw[1]} (the model's value lies in {span})")
    statement += f", {ctx.quantifier()}" if ctx.quantifier() else ""
    outcomes, parts = [], []
    for key in ("claims", "paper"):
        got = [_claim(ctx, f"data.{key}[{i}]", c, *bound, exact) for i, c in enumerate(data.list(key, default=[]))]
        outcomes += [o for _, o in got]
        if got:
            parts.append(f"{'paper' if key == 'paper' else 'claim'}: " + "; ".join(f"{c} {o}" for c, o in got))
    if parts:
        statement += " (" + "; ".join(parts) + ")"
    verdict = "refuted" if "fails" in outcomes else "numeric-only" if "undecided" in outcomes else "verified"
    return Decision(statement, verdict, f"arb at {PREC} bits", (raw[0], raw[1]))
