"""Kind ``ico-bound``: bounds on the ICO value of a bipartite causal inequality (Liu–Chiribella).

Upper bound (Eqs. (4), (23), (28)): α = Σ_ξ α^ξ with every α^ξ single-trigger for trigger ξ, and for
each piece a dual W^ξ, block diagonal in the canonical labels, with W^ξ ∈ Span(Choi(NoSig)) and
W^ξ − Ω(α^ξ) ⪰ 0. Then I^ICO ≤ Σ_ξ Tr W^ξ / Π m_i (weak duality + the paper's Theorem 1/2/App. H:
canonical instruments are optimal for single-trigger correlations). The certificate stores the
*slack* Z = W − Ω per label block; the checker rebuilds Ω from α^ξ (Eqs. 19–21) itself.

Lower bound: an explicit valid process (S ⪰ 0, L_V(S) = S, Tr S = d_{A_O} d_{B_O}, Araújo et al.
2015) with explicit instruments, or block diagonal with the canonical instruments of a trigger;
the value Σ α p, p(a|x) = Tr[Sᵀ (M_{a1|x1} ⊗ N_{a2|x2})], is recomputed exactly.

data:
  field          optional number field (entries then are rationals, field expressions, or
                 coefficient lists [c0, c1, ...] in the power basis)
  scenario, coefficients   the correlation α in canonical (inputs-major) order
  upper          {"pieces": [{"trigger": [ξ1, ξ2], "coefficients": [...] (omit if one piece),
                 "slack": [16×16 block per context]}], "value": Σ Tr W / Π m}
  lower          {"form": "canonical", "trigger": [...], "process": [block per context], "value"}
                 or {"form": "explicit", "dims": [dAI, dAO, dBI, dBO], "process": rows,
                 "instruments": [party][setting][outcome] Choi rows (input factor first), "value"}
  causal_bound   optional: the causal maximum, recomputed by enumeration
  claim          {"type": "equals", "value": v}            lower = upper = v
                 {"type": "no-violation"}                   upper = causal bound
                 {"type": "at-most", "decimal": q}          upper ≤ q, q the smallest decimal with its digits ≥ upper
                 {"type": "approx", "decimal": q}           lower, upper both round to q
                 {"type": "attains", "value": v}            lower = v (an explicit construction)
                 {"type": "violation"}                      lower > causal bound
                 {"type": "no-violation-interval"}          upper = causal bound, plus data.start: no
                                                            violation on the whole segment (convexity)
                 {"type": "bracket"}                         just the interval
"""
from __future__ import annotations

from fractions import Fraction
from math import prod

from ...causal import exact as ex
from ...kernel.linalg import psd_decide
import re

from ...kernel.expr import parse_rational
from ...kernel.numbers import decimal_string, format_rational, to_rational

_RAT = re.compile(r"^\s*[+-]?\d+(\s*/\s*\d+)?\s*$")
from . import Outcome, checker


def _field(reader, obj, where, key, typ):
    if key not in obj:
        raise reader.fail(f"{where}.{key}", "required field is missing")
    if not isinstance(obj[key], typ):
        raise reader.fail(f"{where}.{key}", f"expected {typ.__name__}")
    return obj[key]


def _sign(z):
    return z.sign() if hasattr(z, "sign") else (z > 0) - (z < 0)


class _Scalars:
    def __init__(self, reader):
        self.reader, self.field = reader, reader.field
        self.one = self.field.element([1]) if self.field else Fraction(1)

    def __call__(self, v):
        if self.field is None:
            if isinstance(v, str) and not _RAT.match(v):
                return parse_rational(v, self.reader.fixed)
            return to_rational(v)
        if isinstance(v, list):
            return self.field.element([to_rational(c) for c in v])
        return self.field.parse(v) if isinstance(v, str) else self.field.element([to_rational(v)])

    def matrix(self, where, rows, n):
        r = self.reader
        if not isinstance(rows, list) or len(rows) != n:
            raise r.fail(where, f"expected a {n}×{n} matrix (list of {n} rows)")
        out = {}
        for i, row in enumerate(rows):
            if not isinstance(row, list) or len(row) != n:
                raise r.fail(f"{where}[{i}]", f"expected a row of {n} entries")
            with r.context(f"{where}[{i}]"):
                for j, v in enumerate(row):
                    q = self(v)
                    if q != 0:
                        out[(i, j)] = q
        return out

    def psd(self, where, M, n):
        with self.reader.context(where):
            res = psd_decide(ex.dense(M, n, self.one * 0), sign=_sign, one=self.one)
        if not res.psd:
            raise self.reader.fail(where, "not positive semidefinite (exact LDLᵀ found a negative direction)")


def _coeffs(reader, sc, where, scal, raw=None):
    raw = reader.get(where, list) if raw is None else raw
    if len(raw) != sc.size:
        raise reader.fail(where, f"expected {sc.size} coefficients for scenario {sc.to_spec()}, got {len(raw)}")
    vals = []
    for i, v in enumerate(raw):
        with reader.context(f"{where}[{i}]"):
            vals.append(scal(v))
    return ex.correlation_table(sc, vals)


def _read(reader, scal, where):
    v = reader.get(where)
    with reader.context(where):
        return scal(v)


def _same(reader, where, stated, computed):
    if stated != computed:
        raise reader.fail(where, f"stated value does not equal the recomputed one ({_text(computed)})")


def _text(x):
    return x.to_text() if hasattr(x, "to_text") else format_rational(x)


def _dec(x, up: bool) -> str:
    """Outward-rounded 10-digit decimal text of an exact real (rational or field element)."""
    lo, hi = (x.enclosure() if hasattr(x, "enclosure") else (x, x))
    while hasattr(x, "enclosure") and hi - lo > Fraction(1, 10**12):
        x.field.refine()
        lo, hi = x.enclosure()
    q = hi if up else lo
    scaled = q * 10**10
    n = -((-scaled.numerator) // scaled.denominator) if up else scaled.numerator // scaled.denominator
    return decimal_string(Fraction(n, 10**10), 10)


def check_named(reader, sc, alpha, scal, where="data.inequality"):
    """If the certificate names a built-in inequality, its coefficients must be exactly those."""
    from ...causal.inequalities import named

    spec = reader.get(where, dict, default=None)
    if spec is None:
        return None
    with reader.context(where):
        a = _read(reader, scal, f"{where}.a") if "a" in spec else None
        if a is not None and scal.field is not None:
            a = scal.one * a
        sc2, ref = named(spec.get("name"), a, spec.get("x_star"), spec.get("b_star"))
    if sc2 != sc:
        raise reader.fail("data.scenario", f"{spec.get('name')} lives in scenario {sc2.to_spec()}")
    for i, k in enumerate(sc.entries()):
        if ref[k] != alpha[k]:
            raise reader.fail(f"data.coefficients[{i}]", f"differs from the built-in {spec.get('name')} ({_text(ref[k])})")
    return spec.get("name")


def check_upper(reader, sc, alpha, scal):
    reader.get("data.upper", dict)  # must be an object
    pieces = reader.get("data.upper.pieces", list)
    if not pieces:
        raise reader.fail("data.upper.pieces", "needs at least one piece")
    bsp = ex.block_space(sc)
    n = bsp.size
    total = {k: scal.one * 0 for k in alpha}
    value = scal.one * 0
    for p, piece in enumerate(pieces):
        w = f"data.upper.pieces[{p}]"
        if not isinstance(piece, dict):
            raise reader.fail(w, "must be an object")
        trig = _field(reader, piece, w, "trigger", list)
        if "coefficients" in piece:
            beta = _coeffs(reader, sc, f"{w}.coefficients", scal, _field(reader, piece, w, "coefficients", list))
        elif len(pieces) == 1:
            beta = alpha
        else:
            raise reader.fail(f"{w}.coefficients", "required when the correlation is split into several pieces")
        bad = ex.single_trigger_problem(sc, beta, tuple(trig))
        if bad:
            raise reader.fail(f"{w}.trigger", f"piece is not single-trigger: {bad}")
        for k in total:
            total[k] = total[k] + beta[k]
        slack_raw = _field(reader, piece, w, "slack", list)
        if len(slack_raw) != len(sc.contexts):
            raise reader.fail(f"{w}.slack", f"expected one {n}×{n} block per context ({len(sc.contexts)})")
        with reader.context(f"{w}.trigger"):
            om = ex.omega_blocks(sc, beta, tuple(trig), scal.one)
        W = {}
        for i, x in enumerate(sc.contexts):
            Z = scal.matrix(f"{w}.slack[{i}]", slack_raw[i], n)
            scal.psd(f"{w}.slack[{i}]", Z, n)
            W[x] = ex.combine([(1, Z), (1, om[x])])
        full, space, layout = ex.assemble(sc, W)
        bad = ex.ns_span_violation(full, space, layout)
        if bad:
            raise reader.fail(f"{w}.slack", f"W = slack + Ω is not in the no-signalling span: {bad}")
        value = value + ex.trace(full, space) / prod(sc.outputs)
    for k in alpha:
        if total[k] != alpha[k]:
            raise reader.fail("data.upper.pieces", f"the pieces do not sum to the correlation at (a, x) = {k}")
    _same(reader, "data.upper.value", _read(reader, scal, "data.upper.value"), value)
    return value, len(pieces)


def _instr(reader, scal, where, raw, din, dout, nset, nout):
    if not isinstance(raw, list) or len(raw) != nset:
        raise reader.fail(where, f"expected {nset} settings")
    out = []
    for x, inst in enumerate(raw):
        if not isinstance(inst, list) or len(inst) != nout:
            raise reader.fail(f"{where}[{x}]", f"expected {nout} outcomes")
        mats = [scal.matrix(f"{where}[{x}][{a}]", m, din * dout) for a, m in enumerate(inst)]
        for a, M in enumerate(mats):
            scal.psd(f"{where}[{x}][{a}]", M, din * dout)
        tot = ex.combine([(1, M) for M in mats])
        red = {}
        for (r, c), v in tot.items():
            if r % dout == c % dout:
                key = (r // dout, c // dout)
                red[key] = red.get(key, 0) + v
        if not ex.equal({k: v for k, v in red.items() if v != 0}, {(i, i): scal.one for i in range(din)}):
            raise reader.fail(f"{where}[{x}]", "the instrument is not trace preserving (Tr_out Σ_a M ≠ I_in)")
        out.append(mats)
    return out


def check_lower(reader, sc, alpha, scal):
    reader.get("data.lower", dict)  # must be an object
    form = reader.get("data.lower.form", str)
    if form == "canonical":
        trig = tuple(reader.get("data.lower.trigger", list))
        n = ex.block_space(sc).size
        raw = reader.get("data.lower.process", list)
        if len(raw) != len(sc.contexts):
            raise reader.fail("data.lower.process", f"expected one block per context ({len(sc.contexts)})")
        with reader.context("data.lower.trigger"):
            if any(not isinstance(t, int) or isinstance(t, bool) or not 0 <= t < k for t, k in zip(trig, sc.inputs)) \
                    or len(trig) != sc.parties:
                raise ValueError("a trigger lists one valid setting per party")
            om = ex.omega_blocks(sc, alpha, trig, scal.one)
        S = {}
        for i, x in enumerate(sc.contexts):
            S[x] = scal.matrix(f"data.lower.process[{i}]", raw[i], n)
            scal.psd(f"data.lower.process[{i}]", S[x], n)
        full, space, layout = ex.assemble(sc, S)
        bad = ex.process_violation(full, space, layout)
        if bad:
            raise reader.fail("data.lower.process", bad)
        value = sum((v * om[x].get(k, 0) for x in S for k, v in S[x].items()), scal.one * 0)
    elif form == "explicit":
        dims = reader.get("data.lower.dims", list)
        if len(dims) != 4 or any(not isinstance(d, int) or isinstance(d, bool) or d < 1 for d in dims):
            raise reader.fail("data.lower.dims", "expected [d_AI, d_AO, d_BI, d_BO], positive integers")
        space = ex.Space(dims)
        layout = [(0, (1,)), (2, (3,))]
        S = scal.matrix("data.lower.process", reader.get("data.lower.process", list), space.size)
        scal.psd("data.lower.process", S, space.size)
        bad = ex.process_violation(S, space, layout)
        if bad:
            raise reader.fail("data.lower.process", bad)
        ins = reader.get("data.lower.instruments", list)
        if len(ins) != 2:
            raise reader.fail("data.lower.instruments", "expected one instrument list per party")
        A = _instr(reader, scal, "data.lower.instruments[0]", ins[0], dims[0], dims[1], sc.inputs[0], sc.outputs[0])
        B = _instr(reader, scal, "data.lower.instruments[1]", ins[1], dims[2], dims[3], sc.inputs[1], sc.outputs[1])
        dB = dims[2] * dims[3]
        value = scal.one * 0
        for (a, x), c in alpha.items():
            if c == 0:
                continue
            M = ex.kron(A[x[0]][a[0]], B[x[1]][a[1]], dB)
            p = sum((v * M.get(k, 0) for k, v in S.items()), scal.one * 0)  # Tr[Sᵀ M]
            value = value + c * p
    else:
        raise reader.fail("data.lower.form", f"unknown form {form!r} (canonical or explicit)")
    _same(reader, "data.lower.value", _read(reader, scal, "data.lower.value"), value)
    return value


def _decimal(reader, where):
    q = reader.rational(where)
    d = 0
    while (q * 10**d).denominator != 1:
        d += 1
        if d > 30:
            raise reader.fail(where, "must be a terminating decimal (at most 30 digits)")
    return q, d


def _segment(reader, sc, alpha, scal) -> bool:
    """Convexity argument for α_t = (1−t) α_start + t α, t ∈ [0, 1].

    v(α) = I^ICO is convex (a max of linear functions of α). If v(α_start) = causal(α_start)
    (here: the algebraic maximum equals the causal bound), v(α) = causal(α), and one causal
    vertex is optimal at both ends, then v(α_t) ≤ (1−t)v(α_start) + t v(α) = value of that vertex
    at α_t ≤ causal(α_t) ≤ v(α_t): no violation on the whole segment."""
    from ...causal.polytope import causal_bound

    start = _coeffs(reader, sc, "data.start.coefficients", scal)
    if check_named(reader, sc, start, scal, "data.start.inequality") is None:
        raise reader.fail("data.start.inequality", "the start of the segment must be a named built-in inequality")
    cs = causal_bound(sc, start)
    _same(reader, "data.start.causal_bound", _read(reader, scal, "data.start.causal_bound"), cs.value)
    alg = sum((max(start[(a, x)] for a in sc.outcomes) for x in sc.contexts), scal.one * 0)
    if alg != cs.value:
        raise reader.fail("data.start", f"the algebraic maximum {_text(alg)} exceeds the causal bound at the start")
    ce = causal_bound(sc, alpha)
    common = {k for k, _ in cs.optimal} & {k for k, _ in ce.optimal}
    if not common:
        raise reader.fail("data.start", "no causal vertex is optimal at both ends of the segment")
    return True


def _check_formula(reader, scal, name, claim):
    """data.claim.formula = "(1+a+sqrt(1+a^2))/2" (Eq. 7): v = (1 + a + w)/2 with w ≥ 0, w² = 1 + a²."""
    if claim.get("formula") != "(1+a+sqrt(1+a^2))/2" or name not in ("biased-ocb", "ocb-piece", "ocb"):
        raise reader.fail("data.claim.formula", "only (1+a+sqrt(1+a^2))/2 for the (biased) OCB is known")
    a = _read(reader, scal, "data.inequality.a") if name != "ocb" else Fraction(1)
    v = _read(reader, scal, "data.claim.value")
    w = 2 * v - 1 - a
    if not (_sign(w * scal.one) >= 0 and w * w == 1 + a * a):
        raise reader.fail("data.claim.value", "is not (1 + a + sqrt(1 + a^2))/2")


@checker("ico-bound")
def decide(cert, reader) -> Outcome:
    sc = reader.scenario()
    if sc.parties != 2:
        raise reader.fail("data.scenario", "ico-bound certificates are bipartite")
    scal = _Scalars(reader)
    alpha = _coeffs(reader, sc, "data.coefficients", scal)
    name = check_named(reader, sc, alpha, scal)
    upper = lower = None
    parts = []
    if "upper" in cert.data:
        upper, npieces = check_upper(reader, sc, alpha, scal)
        parts.append(f"dual certificate ({npieces} single-trigger piece{'s' * (npieces > 1)}) gives I^ICO ≤ {_dec(upper, True)}")
    if "lower" in cert.data:
        lower = check_lower(reader, sc, alpha, scal)
        parts.append(f"explicit process attains {_dec(lower, False)}")
    if upper is None and lower is None:
        raise reader.fail("data", "needs an upper and/or a lower certificate")
    causal = None
    if "causal_bound" in cert.data:
        from ...causal.polytope import causal_bound

        causal = causal_bound(sc, alpha).value
        _same(reader, "data.causal_bound", _read(reader, scal, "data.causal_bound"), causal)
    claim = reader.get("data.claim", dict)
    typ = claim.get("type")
    if "formula" in claim:
        _check_formula(reader, scal, name, claim)
    ok = True
    if typ == "equals":
        v = _read(reader, scal, "data.claim.value")
        if upper is None or lower is None:
            raise reader.fail("data.claim", "an equality needs both an upper and a lower certificate")
        ok = upper == v and lower == v
        parts.append(f"I^ICO = {_text(v)} exactly" if ok else f"bracket does not collapse to {_text(v)}")
    elif typ == "attains":
        v = _read(reader, scal, "data.claim.value")
        if lower is None:
            raise reader.fail("data.claim", "attains needs a lower certificate")
        ok = lower == v
        parts.append(f"the explicit process and instruments reach exactly {_text(v)}" if ok else "value differs")
    elif typ == "no-violation":
        if upper is None or causal is None:
            raise reader.fail("data.claim", "no-violation needs an upper certificate and data.causal_bound")
        ok = upper == causal
        parts.append(f"I^ICO = causal bound {_text(causal)}: no ICO violation" if ok else "upper bound exceeds the causal bound")
    elif typ == "violation":
        if lower is None or causal is None:
            raise reader.fail("data.claim", "violation needs a lower certificate and data.causal_bound")
        ok = lower > causal
        parts.append(f"I^ICO ≥ {_dec(lower, False)} > causal bound {_text(causal)}: ICO violation" if ok
                     else "the process does not beat the causal bound")
    elif typ == "no-violation-interval":
        if upper is None or causal is None:
            raise reader.fail("data.claim", "needs an upper certificate and data.causal_bound")
        ok = upper == causal and _segment(reader, sc, alpha, scal)
        parts.append("no ICO violation anywhere on the segment from data.start to this correlation (convexity)" if ok
                     else "upper bound exceeds the causal bound")
    elif typ == "at-most":
        q, d = _decimal(reader, "data.claim.decimal")
        if upper is None:
            raise reader.fail("data.claim", "at-most needs an upper certificate")
        ok = upper <= q and q - Fraction(1, 10**d) < upper
        if upper <= q and not ok:
            raise reader.fail("data.claim.decimal", f"not the tight {d}-digit rounding of the certified upper bound")
        parts.append(f"≤ {decimal_string(q, d)}")
    elif typ == "approx":
        q, d = _decimal(reader, "data.claim.decimal")
        if upper is None or lower is None:
            raise reader.fail("data.claim", "approx needs an upper and a lower certificate")
        h = Fraction(1, 2 * 10**d)
        ok = q - h <= lower and upper < q + h
        parts.append(f"value rounds to {decimal_string(q, d)}" if ok else f"bracket does not round to {decimal_string(q, d)}")
    elif typ != "bracket":
        raise reader.fail("data.claim.type", f"unknown claim type {typ!r}")
    best_lo = lower if causal is None or (lower is not None and lower >= causal) else causal
    lo_t = _dec(best_lo, False) if best_lo is not None else "-"
    hi_t = _dec(upper, True) if upper is not None else "-"
    if ok:
        return Outcome("verified", "; ".join(parts), bracket=(lo_t, hi_t))
    # not proved: refuted only if the rigorous interval [best_lo, upper] contradicts the claim
    L, U = best_lo, upper
    gt = lambda a, b: a is not None and b is not None and a > b  # noqa: E731
    if typ == "equals":
        refuted = gt(L, v) or gt(v, U)
    elif typ == "attains":
        refuted = gt(v, U)
    elif typ in ("no-violation", "no-violation-interval"):
        refuted = gt(lower, causal)
    elif typ == "violation":
        refuted = U is not None and not gt(U, causal)
    elif typ == "at-most":
        refuted = gt(L, q)
    else:  # approx
        refuted = (L is not None and L >= q + h) or gt(q - h, U)
    verdict = "refuted" if refuted else "numeric-only"
    tail = "the certified interval contradicts the claim" if refuted else \
        "not proved exactly; the rigorous interval is the bracket"
    return Outcome(verdict, "; ".join(parts + [tail]), bracket=(lo_t, hi_t))
