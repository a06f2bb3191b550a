"""Kind ``trig-torus``: trigonometric inequalities for ALL angles (on the whole torus), optionally
under one hypothesis, reduced exactly to rational statements and proved by the inequality prover.

data.statements: a list of statements, each
  angles      {"t": "u", ...}: every angle variable with the name of its chart variable
  lhs, relation, rhs   trig expressions: rationals, + - * /, integer powers, abs(.),
              sqrt(rational), sin(L), cos(L) with L an integer combination of the angles and pi
              (angles may occur ONLY inside sin/cos)
  hypothesis  optional {"lhs", "relation", "rhs"} (abs-free), e.g. cos(t)*cos(t+f)*cos(f) < 0
  chart       {"scale": "3", "bound": "2"}: every angle is x = k*pi + 2*atan(v/sqrt(scale)),
              k in {0, 1}, v in [-bound, bound]; bound^2 >= scale makes the charts cover the circle,
              so the 2^n charts cover the torus. Then cos x = (-1)^k (scale - v^2)/(scale + v^2),
              sin x = (-1)^k sqrt(scale) 2v/(scale + v^2); sin/cos of sums by the addition
              formulas, of +-m*pi by the sign (-1)^m.
  cases       a partition of the chart box [-bound, bound]^n into closed boxes, each
              {"box": {"u": "[0, 1]", ...}, "signs": [...], "mode": ..., "proofs": {...}}
    signs[i] (one per abs(.) in the reading order of F = big - small, i.e. lhs first for
      >=, > and rhs first for <=, <) replaces abs(X) by +X or -X, or is
      "both". A sign constant factor of X coming from the chart (-1)^k is dropped first, so statements
      built from abs(.) of sines/cosines yield the same texts in every chart (the proofs given are
      checked against the texts of EVERY chart; a chart with different texts needs the same proof
      to work there, otherwise the certificate is rejected). Validity: with F = lhs - rhs (>=, >) or rhs - lhs (<=, <),
      an abs of polarity +1 in F may take either sign (F only decreases); otherwise a sign needs
      proofs.signs[i] (sign*X >= 0 on the box), and "both" (polarity -1 only) requires the case
      statement for both choices (abs(X) = max(X, -X)).
    mode "direct"      proofs.main: F_s REL 0 on the box.
         "square"      F = big - small: proofs.big: big_s >= 0, proofs.main: big_s^2 - small_s^2 REL 0
                       (then big >= big_s >= |small_s| >= small).
         "multiplier"  strict hypothesis g > 0: proofs.multiplier: mu >= 0 and proofs.main:
                       mu*F_s - g >= 0 on the box, so g > 0 gives mu*F_s > 0, hence F >= F_s > 0.
         "vacuous"     the hypothesis fails on the whole box: proofs.main: -g >= 0 (strict g > 0)
                       or -g > 0 (non-strict g >= 0).
    With "both" signs, proofs.main is a list (one proof per sign combination, binary order).
Every rational statement is re-proved with :func:`exactbell.prover.verify` (boxes / cells /
identity records); a statement identical (text, domain, proof) to one already checked is not
re-run, so charts that reduce to the same texts cost nothing extra.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ...kernel.expr import Algebra, ExprError, parse
from ...kernel.numbers import ExactnessError, format_rational, to_rational
from ...prover import ProverError, Statement, verify
from ...prover.api import interval_text, parse_interval
from ...prover.expression import parse_ast, used_variables
from . import Outcome, checker

FLIP = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}


class TrigError(ExactnessError):
    pass


# ---------------------------------------------------------------------------------------------
# trig syntax
class _Lin:
    """Integer linear form in the angles plus m*pi."""

    def __init__(self, coef: dict, pi: int = 0):
        self.coef = {k: v for k, v in coef.items() if v}
        self.pi = pi

    def __add__(self, o):
        c = dict(self.coef)
        for k, v in o.coef.items():
            c[k] = c.get(k, 0) + v
        return _Lin(c, self.pi + o.pi)

    def scale(self, n: int):
        return _Lin({k: n * v for k, v in self.coef.items()}, n * self.pi)


class _TrigAlgebra(Algebra):
    def __init__(self, angles):
        self.angles = list(angles)

    def const(self, q):
        return ("c", Fraction(q))

    def name(self, name):
        if name == "pi":
            return ("lin", _Lin({}, 1))
        if name not in self.angles:
            raise TrigError(f"unknown name {name!r} (angles: {', '.join(self.angles)}, pi)")
        return ("lin", _Lin({name: 1}))

    @staticmethod
    def _lin(x):
        if x[0] == "lin":
            return x[1]
        if x[0] == "c" and x[1] == 0:
            return _Lin({})
        return None

    def call(self, name, args):
        if len(args) != 1:
            raise TrigError(f"{name} takes one argument")
        (a,) = args
        if name in ("sin", "cos"):
            lin = self._lin(a)
            if lin is None:
                raise TrigError(f"the argument of {name} must be an integer combination of the angles and pi")
            return (name, lin)
        if name == "abs":
            return ("abs", self._val(a))
        if name == "sqrt":
            if a[0] != "c" or a[1] <= 0:
                raise TrigError("sqrt takes a positive rational constant")
            return ("sqrt", a[1])
        raise TrigError(f"function {name!r} is not allowed (sin, cos, abs, sqrt)")

    @staticmethod
    def _val(x):
        if x[0] == "lin":
            raise TrigError("an angle may occur only inside sin(.) or cos(.)")
        return x

    def add(self, a, b):
        if a[0] == "lin" or b[0] == "lin":
            la, lb = self._lin(a), self._lin(b)
            if la is None or lb is None:
                raise TrigError("an angle may occur only inside sin(.) or cos(.)")
            return ("lin", la + lb)
        return ("+", a, b)

    def sub(self, a, b):
        return self.add(a, self.neg(b))

    def neg(self, a):
        if a[0] == "lin":
            return ("lin", a[1].scale(-1))
        return ("neg", a)

    def mul(self, a, b):
        for x, y in ((a, b), (b, a)):
            if x[0] == "lin":
                if y[0] != "c" or y[1].denominator != 1:
                    raise TrigError("angles may be multiplied by integers only")
                return ("lin", x[1].scale(int(y[1])))
        return ("*", a, b)

    def div(self, a, b):
        return ("/", self._val(a), self._val(b))

    def pow(self, a, n):
        return ("^", self._val(a), n)


def parse_trig(text, angles):
    if not isinstance(text, str):
        raise TrigError(f"expected an expression string, got {type(text).__name__}")
    try:
        node = parse(text, _TrigAlgebra(angles))
    except ExprError as e:
        raise TrigError(str(e)) from None
    return _TrigAlgebra._val(node)


def abs_nodes(node, out=None) -> list:
    out = [] if out is None else out
    if node[0] == "abs":
        out.append(node)
    if node[0] in ("+", "*", "/"):
        abs_nodes(node[1], out)
        abs_nodes(node[2], out)
    elif node[0] in ("neg", "abs", "^"):
        abs_nodes(node[1], out)
    return out


def _const_sign(node):
    """Sign of a constant subexpression (rationals, sqrt of constants), else None."""
    tag = node[0]
    if tag == "c":
        return (node[1] > 0) - (node[1] < 0)
    if tag == "sqrt":
        return 1
    if tag == "neg":
        s = _const_sign(node[1])
        return None if s is None else -s
    if tag in ("*", "/"):
        a, b = _const_sign(node[1]), _const_sign(node[2])
        return None if a is None or b is None else a * b
    return None


def polarities(node, pol=1, out=None) -> list:
    """Polarity (+1, -1, 0 = unknown) of every abs(.) in reading order."""
    out = [] if out is None else out
    tag = node[0]
    if tag == "abs":
        out.append(pol)
        polarities(node[1], 0, out)
    elif tag == "+":
        polarities(node[1], pol, out)
        polarities(node[2], pol, out)
    elif tag == "neg":
        polarities(node[1], -pol, out)
    elif tag == "*":
        sa, sb = _const_sign(node[1]), _const_sign(node[2])
        polarities(node[1], pol * sb if sb else 0, out)
        polarities(node[2], pol * sa if sa else 0, out)
    elif tag == "/":
        sb = _const_sign(node[2])
        polarities(node[1], pol * sb if sb else 0, out)
        polarities(node[2], 0, out)
    elif tag == "^":
        polarities(node[1], 0, out)
    return out


# ---------------------------------------------------------------------------------------------
# chart substitution -> prover text
class Chart:
    def __init__(self, angles: dict, scale: Fraction, ks: dict):
        self.vars = dict(angles)
        self.scale, self.ks = scale, ks
        sc = format_rational(scale)
        self.root = "" if scale == 1 else f"sqrt({sc})*"
        self.sc = sc

    def base(self, angle):
        v, sc = self.vars[angle], self.sc
        return f"(({sc} - {v}^2)/({sc} + {v}^2))", f"({self.root}2*{v}/({sc} + {v}^2))"

    def cos_sin(self, lin: _Lin):
        """(cos sign, sin sign, cos text, sin text) of the linear form in this chart; a form whose
        first coefficient is negative is negated first (cos(-L) = cos L, sin(-L) = -sin L)."""
        if lin.coef and lin.coef[min(lin.coef)] < 0:
            sc, ss, c, s = self.cos_sin(lin.scale(-1))
            return sc, -ss, c, s
        sign = -1 if (lin.pi + sum(n * self.ks[a] for a, n in lin.coef.items())) % 2 else 1
        c, s = "1", "0"
        first = True
        for a in sorted(lin.coef):
            n = lin.coef[a]
            ca, sa = self.base(a)
            step_s = sa if n > 0 else f"(-{sa})"
            for _ in range(abs(n)):
                if first:
                    c, s, first = ca, step_s, False
                else:
                    c, s = f"({c}*{ca} - {s}*{step_s})", f"({s}*{ca} + {c}*{step_s})"
        return sign, sign, c, s


def translate(node, chart: Chart, signs: list, counter: list):
    """(sign, text): the node equals sign*text in the chart; abs(X) -> signs[i]*X."""
    tag = node[0]
    if tag == "c":
        q = node[1]
        return (1, f"({format_rational(q)})") if q >= 0 else (-1, f"({format_rational(-q)})")
    if tag == "sqrt":
        return 1, f"sqrt({format_rational(node[1])})"
    if tag in ("sin", "cos"):
        sc, ss, c, s = chart.cos_sin(node[1])
        return (ss, s) if tag == "sin" else (sc, c)
    if tag == "neg":
        s, t = translate(node[1], chart, signs, counter)
        return -s, t
    if tag == "abs":
        i = counter[0]
        counter[0] += 1
        _s, t = translate(node[1], chart, signs, counter)
        si = signs[i]
        return (1, f"({t})") if si == 1 else (-1, f"({t})")
    if tag == "+":
        sa, a = translate(node[1], chart, signs, counter)
        sb, b = translate(node[2], chart, signs, counter)
        return sa, (f"({a} + {b})" if sa == sb else f"({a} - {b})")
    if tag in ("*", "/"):
        sa, a = translate(node[1], chart, signs, counter)
        sb, b = translate(node[2], chart, signs, counter)
        return sa * sb, f"({a}{tag}{b})"
    if tag == "^":
        s, t = translate(node[1], chart, signs, counter)
        return s ** node[2], f"({t})^{node[2]}"
    raise TrigError(f"unexpected node {tag!r}")


def _signed(sign, text):
    return text if sign == 1 else f"(-{text})"


def _abs_args(node, chart):
    """Texts X of every abs(X) (reading order), chart sign dropped."""
    out = []
    for a in abs_nodes(node):
        s, t = translate(a[1], chart, [1] * 64, [0])
        out.append(t)
    return out


# ---------------------------------------------------------------------------------------------
class _Verifier:
    def __init__(self, reader):
        self.reader = reader
        self.cache = set()
        self.count = 0

    def check(self, field, text, rel, box: dict, proof):
        names = list(box)
        try:
            used = used_variables(parse_ast(text, names))
        except ProverError as e:
            raise self.reader.fail(field, str(e)) from None
        dom = {n: box[n] for i, n in enumerate(names) if i in used} or box
        key = (text, rel, tuple(dom.items()), repr(proof))
        if key in self.cache:
            return
        try:
            st = Statement.make(text, rel, "0", dom, require_all=bool(used))
            verdict, _detail = verify(st, proof)
        except ProverError as e:
            raise self.reader.fail(field, f"{e} (statement {text[:120]}{'...' if len(text) > 120 else ''} {rel} 0)") \
                from None
        except (ValueError, TypeError, ArithmeticError, RecursionError) as e:
            raise self.reader.fail(field, str(e) or type(e).__name__) from None
        if verdict != "verified":
            raise self.reader.fail(field, "the rational statement is not proved")
        self.cache.add(key)
        self.count += 1


def sign_choices(signs: list) -> list:
    """Every way of fixing the abs arguments marked "both" to +1 or -1 (the others kept)."""
    both = [j for j, x in enumerate(signs) if x == "both"]
    out = []
    for bits in product((1, -1), repeat=len(both)):
        sg = list(signs)
        for j, v in zip(both, bits):
            sg[j] = v
        out.append(sg)
    return out


def oriented(lhs, rel, rhs):
    """(big, small, strict): the statement says big - small > 0 (strict) or >= 0."""
    if rel in (">=", ">"):
        return lhs, rhs, rel == ">"
    if rel in ("<=", "<"):
        return rhs, lhs, rel == "<"
    raise TrigError(f"relation must be one of >=, >, <=, < (got {rel!r})")


def case_boxes(reader, where, cases, names, bound):
    boxes = []
    total = Fraction(0)
    for i, case in enumerate(cases):
        if not isinstance(case, dict) or not isinstance(case.get("box"), dict) or set(case["box"]) != set(names):
            raise reader.fail(f"{where}.cases[{i}].box", f"must give an interval for each of {names}")
        b = []
        for n in names:
            try:
                lo, hi, lo_o, hi_o = parse_interval(case["box"][n])
            except ProverError as e:
                raise reader.fail(f"{where}.cases[{i}].box.{n}", str(e)) from None
            if lo_o or hi_o or lo < -bound or hi > bound:
                raise reader.fail(f"{where}.cases[{i}].box.{n}", f"must be closed and inside [-{bound}, {bound}]")
            b.append((lo, hi))
        vol = Fraction(1)
        for lo, hi in b:
            vol *= hi - lo
        total += vol
        for j, o in enumerate(boxes):
            if all(max(l1, l2) < min(h1, h2) for (l1, h1), (l2, h2) in zip(b, o)):
                raise reader.fail(f"{where}.cases[{i}].box", f"overlaps cases[{j}]")
        boxes.append(b)
    if total != (2 * bound) ** len(names):
        raise reader.fail(f"{where}.cases", "the case boxes do not cover the chart box (volumes)")
    return boxes


def check_statement(reader, where: str, s: dict, ver: _Verifier) -> str:
    if not isinstance(s, dict):
        raise reader.fail(where, "must be an object")

    def get(key, typ):
        if not isinstance(s.get(key), typ):
            raise reader.fail(f"{where}.{key}", f"required, of type {typ.__name__}")
        return s[key]

    angles = get("angles", dict)
    if not angles:
        raise reader.fail(f"{where}.angles", "must name at least one angle")
    names = [angles[a] for a in angles]
    if len(set(names)) != len(names) or any(not isinstance(n, str) or not n.isidentifier() or n == "pi"
                                            for n in names) or set(names) & set(angles):
        raise reader.fail(f"{where}.angles", "chart variable names must be distinct identifiers, not angle names")
    chart = get("chart", dict)
    with reader.context(f"{where}.chart"):
        scale, bound = to_rational(chart.get("scale")), to_rational(chart.get("bound"))
    if scale <= 0 or bound <= 0 or bound * bound < scale:
        raise reader.fail(f"{where}.chart", "need scale > 0 and bound^2 >= scale (charts must cover the circle)")
    rel = get("relation", str)
    with reader.context(where):
        try:
            L, R = parse_trig(s.get("lhs"), list(angles)), parse_trig(s.get("rhs"), list(angles))
            big, small, strict = oriented(L, rel, R)
        except TrigError as e:
            raise reader.fail(where, str(e)) from None
    F = ("+", big, ("neg", small))
    pols = polarities(F)
    n_abs = len(pols)
    hyp = s.get("hypothesis")
    g = None
    if hyp is not None:
        if not isinstance(hyp, dict):
            raise reader.fail(f"{where}.hypothesis", "must be an object with lhs, relation, rhs")
        try:
            hb, hs, hstrict = oriented(parse_trig(hyp.get("lhs"), list(angles)), hyp.get("relation"),
                                       parse_trig(hyp.get("rhs"), list(angles)))
        except TrigError as e:
            raise reader.fail(f"{where}.hypothesis", str(e)) from None
        g = ("+", hb, ("neg", hs))
        if abs_nodes(g):
            raise reader.fail(f"{where}.hypothesis", "must not contain abs(.)")
    cases = get("cases", list)
    boxes = case_boxes(reader, where, cases, names, bound)
    rel_main = ">" if strict else ">="
    for ks in product((0, 1), repeat=len(angles)):
        ch = Chart(angles, scale, dict(zip(angles, ks)))
        args = _abs_args(F, ch)
        for i, (case, b) in enumerate(zip(cases, boxes)):
            cw = f"{where}.cases[{i}]"
            box = {n: interval_text(lo, hi, False, False) for n, (lo, hi) in zip(names, b)}
            signs = case.get("signs")
            if not isinstance(signs, list) or len(signs) != n_abs or any(x not in (1, -1, "both") for x in signs):
                raise reader.fail(f"{cw}.signs", f"must list {n_abs} entries, each 1, -1 or \"both\"")
            proofs = case.get("proofs")
            if not isinstance(proofs, dict):
                raise reader.fail(f"{cw}.proofs", "must be an object")
            sign_proofs = proofs.get("signs", {})
            if not isinstance(sign_proofs, dict):
                raise reader.fail(f"{cw}.proofs.signs", "must be an object {index: proof}")
            for j, (sj, pj) in enumerate(zip(signs, pols)):
                if sj == "both":
                    if pj != -1:
                        raise reader.fail(f"{cw}.signs[{j}]", "\"both\" is valid only for abs of polarity -1")
                elif pj != 1:
                    if str(j) not in sign_proofs:
                        raise reader.fail(f"{cw}.proofs.signs", f"abs #{j} (polarity {pj}) needs a sign proof")
                if str(j) in sign_proofs:
                    if sj == "both":
                        raise reader.fail(f"{cw}.proofs.signs.{j}", "no sign proof for \"both\"")
                    ver.check(f"{cw}.proofs.signs.{j}", _signed(sj, args[j]), ">=", box, sign_proofs[str(j)])
            extra = set(sign_proofs) - {str(j) for j in range(n_abs)}
            if extra:
                raise reader.fail(f"{cw}.proofs.signs", f"unknown abs indices {sorted(extra)}")
            mode = case.get("mode")
            both = [j for j, x in enumerate(signs) if x == "both"]
            combos = sign_choices(signs)
            mains = proofs.get("main")
            if both:
                if not isinstance(mains, list) or len(mains) != len(combos):
                    raise reader.fail(f"{cw}.proofs.main", f"must list {len(combos)} proofs (one per sign choice)")
            else:
                mains = [mains]
            if mode in ("multiplier", "vacuous") and g is None:
                raise reader.fail(f"{cw}.mode", f"mode {mode} needs a hypothesis")
            if mode == "vacuous":
                sgn, gt = translate(g, ch, [], [0])
                ver.check(f"{cw}.proofs.main", _signed(-sgn, gt), ">=" if hstrict else ">", box, proofs.get("main"))
                continue
            for k, (sg, pm) in enumerate(zip(combos, mains)):
                fw = f"{cw}.proofs.main" + (f"[{k}]" if both else "")
                if mode == "direct":
                    sF, tF = translate(F, ch, sg, [0])
                    ver.check(fw, _signed(sF, tF), rel_main, box, pm)
                elif mode == "square":
                    if g is not None:
                        raise reader.fail(f"{cw}.mode", "square is not combined with a hypothesis")
                    if any(j < len(abs_nodes(big)) for j in both):
                        raise reader.fail(f"{cw}.signs", "square mode: \"both\" only for abs of the smaller side")
                    cnt = [0]
                    sb, tb = translate(big, ch, sg, cnt)
                    ss, ts = translate(small, ch, sg, cnt)
                    if k == 0:
                        ver.check(f"{cw}.proofs.big", _signed(sb, tb), ">=", box, proofs.get("big"))
                    ver.check(fw, f"({tb})^2 - ({ts})^2", rel_main, box, pm)
                elif mode == "multiplier":
                    if not hstrict:
                        raise reader.fail(f"{cw}.mode", "multiplier needs a strict hypothesis")
                    mu = case.get("multiplier")
                    if not isinstance(mu, str):
                        raise reader.fail(f"{cw}.multiplier", "must be an expression in the chart variables")
                    if k == 0:
                        ver.check(f"{cw}.proofs.multiplier", mu, ">=", box, proofs.get("multiplier"))
                    sF, tF = translate(F, ch, sg, [0])
                    sg_, gt = translate(g, ch, [], [0])
                    ver.check(fw, f"({mu})*{_signed(sF, tF)} - {_signed(sg_, gt)}", ">=", box, pm)
                else:
                    raise reader.fail(f"{cw}.mode", "one of direct, square, multiplier, vacuous")
    h = f" under {hyp.get('lhs')} {hyp.get('relation')} {hyp.get('rhs')}" if hyp else ""
    return f"{s.get('lhs')} {rel} {s.get('rhs')} for all {', '.join(angles)}{h}"


@checker("trig-torus")
def decide(cert, reader) -> Outcome:
    if cert.verdict != "verified":
        raise reader.fail("expected.verdict", "trig-torus certificates prove statements (verdict verified)")
    stmts = reader.get("data.statements", list)
    if not stmts:
        raise reader.fail("data.statements", "must list at least one statement")
    if reader.get("data.statement_count", int) != len(stmts):
        raise reader.fail("data.statement_count", f"the certificate lists {len(stmts)} statements")
    ver = _Verifier(reader)
    texts = [check_statement(reader, f"data.statements[{i}]", s, ver) for i, s in enumerate(stmts)]
    n = reader.get("data.rational_statements", int)
    if n != ver.count:
        raise reader.fail("data.rational_statements", f"the proof checks {ver.count} distinct rational statements")
    return Outcome("verified", "; ".join(texts) + f" ({ver.count} rational statements proved)")
