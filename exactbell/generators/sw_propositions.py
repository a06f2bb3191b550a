"""Sengupta–Wooltorton Props. 1–2, Lemmas 1–5, Claim 1 and App. E: certificates on the whole
parameter range (inequality prover) and exact polytope comparisons at rational points."""
from __future__ import annotations

from ..certificates.format import envelope
from ..kernel.functional import SW_SCENARIO, functional_from_spec
from ..kernel.poly import RationalFunction
from ..prover import Statement, prove
from ..prover.sw_models import distinct_values, vertices
from . import generator

PAPER = "sengupta-wooltorton"
CORR = {"form": "correlator", "marginals": "uniform-average",
        "observables": "A_x = M_{0|x} - M_{1|x}; <B_xy> = sum_ab (-1)^b p(ab|xy) (signaling marginal, "
                       "written B@xy)", "matrix": "P[2x+a][2y+b] = p(ab|xy), Eq. (5)"}
SW = {"form": "sw-4x4", "matrix": "P[2x+a][2y+b] = p(ab|xy), Eq. (5)", "pairing": "<F,P> = sum_ij F_ij P_ij"}
T_P_TERMS = {"B@01": "1", "B@00": "-1", "B@10": "(1-p)/p", "B@11": "-(1-p)/p",
             "A0B0": "1", "A0B1": "1", "A1B0": "(1-p)/p", "A1B1": "-(1-p)/p"}
G_PR = [["1", "1", "0", "r-1"], ["1", "0", "0", "0"], ["0", "0", "0", "0"], ["p-1", "0", "0", "(1-p)*(1-r)"]]


def _vertex_bound(cid, claim, location, statement, vertex_set, conventions, functional, names, domain, bound,
                  relation):
    F = functional_from_spec(SW_SCENARIO, functional, conventions, lambda c: RationalFunction.parse(c, names))
    vals = [v.to_text() for v in distinct_values(F, vertices(vertex_set, {n: None for n in names}))]
    if relation == "max":
        st = Statement.make(f"max({', '.join(vals)})", "==", bound, domain)
        proof = prove(st)
        verdict = "refuted" if proof["method"] == "refuted" else "verified"
    else:
        proof = {"each": [prove(Statement.make(v, "<=", bound, domain, require_all=False)) for v in vals]}
        verdict = "refuted" if any(p["method"] == "refuted" for p in proof["each"]) else "verified"
    expected = {"verdict": verdict}
    if verdict == "refuted":
        expected["counterexample"] = proof["point"]
    params = {}
    for n in names:
        st1 = Statement.make(n, ">=", n, {n: domain[n]})
        lo, hi = st1.box[0]
        params[n] = {"range": [str(lo), str(hi)]}
    return envelope(cid, claim, PAPER, location, statement, "sw-vertex-bound", expected, conventions,
                    {"scenario": SW_SCENARIO.to_spec(), "vertex_set": vertex_set, "functional": functional,
                     "values": vals, "bound": bound, "relation": relation, "domain": domain, "proof": proof},
                    parameters=params)


@generator("C000-08.all-p", PAPER, "C000-08")
def prop1_item1_all_p():
    return _vertex_bound(
        "C000-08.all-p", "C000-08", "Proposition 1 item 1, Eq. (12), L287-293; proof App. F (F4)",
        "For every p in (2/5, 1): the maximum of T_p over non-signaling local (deterministic) behaviours is "
        "2(|2p-1| + 1 - p)/p.",
        "ns-deterministic", CORR, {"terms": T_P_TERMS}, ["p"], {"p": "(2/5, 1)"},
        "2*(abs(2*p - 1) + 1 - p)/p", "max")


@generator("C000-09.all-p", PAPER, "C000-09")
def prop1_item2_all_p():
    return _vertex_bound(
        "C000-09.all-p", "C000-09", "Proposition 1 item 2, L294; proof App. F part 2",
        "For every p in (2/5, 1): the maximum of T_p over the one-way signaling polytope S_(p,p),(1/2,1/2) "
        "(all 256 Eq. (9) vertices) is 2 max{p, |-p + 2(1-p)^2/p|} + 2(1-p).",
        "one-way-symmetric", CORR, {"terms": T_P_TERMS}, ["p"], {"p": "(2/5, 1)"},
        "2*max(p, abs(-p + 2*(1-p)^2/p)) + 2*(1-p)", "max")


@generator("C000-14.part1", PAPER, "C000-14")
def prop2_part1():
    return _vertex_bound(
        "C000-14.part1", "C000-14", "Proposition 2 item 1, Eq. (15), L329-340; proof App. F (F7)-(F13)",
        "For all p, r in [0, 1): W_{p,r}(P) = <G_{p,r}, P> <= 1 on the two-way signaling polytope "
        "S_(p,1),(r,1) (all 256 Eq. (9) vertices, symbolic in p and r).",
        "fixed-bit", SW, {"matrix": G_PR}, ["p", "r"], {"p": "[0, 1)", "r": "[0, 1)"}, "1", "upper")


# ---------------------------------------------------------------------------------------------
# C000-12: the quantum bound exceeds 2 on [1/2, 1) and the NS local bound on (2/5, 1)
def _inequality(cid, claim, location, statement, lhs, rel, rhs, domain):
    st = Statement.make(lhs, rel, rhs, domain)
    proof = prove(st)
    expected = {"verdict": "verified"}
    if proof["method"] == "refuted":
        expected = {"verdict": "refuted", "counterexample": proof["point"]}
        proof = {"method": "refuted"}
    params = {n: {"range": [str(lo), str(hi)]} for n, (lo, hi) in zip(st.names, st.box)}
    return envelope(cid, claim, PAPER, location, statement, "inequality", expected,
                    {"sqrt": "principal (non-negative) square root", "division": "after exact cancellation"},
                    {"lhs": lhs, "relation": rel, "rhs": rhs, "domain": domain, "proof": proof}, parameters=params)


@generator("C000-12.gt2", PAPER, "C000-12")
def eq14_quantum_gt2():
    return _inequality(
        "C000-12.gt2", "C000-12", "Sec. IV A after Eq. (14), L315",
        "The non-signaling quantum value 2 sqrt(2) sqrt(p/(3p-1)) of T_p is strictly larger than 2 for all "
        "p in [1/2, 1).", "2*sqrt(2)*sqrt(p/(3*p - 1))", ">", "2", {"p": "[1/2, 1)"})


@generator("C000-12.q-above-local", PAPER, "C000-12")
def eq14_quantum_above_local():
    return _inequality(
        "C000-12.q-above-local", "C000-12", "Proposition 1 items 1 and 3, L293-295",
        "For all p in (2/5, 1) the quantum value 2 sqrt(2) sqrt(p/(3p-1)) exceeds the non-signaling local bound "
        "2(|2p-1| + 1 - p)/p (equality in the limit p -> 2/5 and p -> 1).",
        "2*sqrt(2)*sqrt(p/(3*p - 1))", ">", "2*(abs(2*p - 1) + 1 - p)/p", {"p": "(2/5, 1)"})


# ---------------------------------------------------------------------------------------------
# C000-16: Lemma 1 at rational points
def _lemma1(p, r):
    from fractions import Fraction

    import numpy as np
    from scipy.optimize import linprog

    from ..legacy.checkers.sw_lemma1 import CHANNELS, channel_vertices, dependences, matrix_text, product_point
    from ..kernel.numbers import format_rational as fr
    from ..numeric import rationalize

    verts = channel_vertices(p, r)
    ab = max(dependences(v)[0] for v in verts)
    ba = max(dependences(v)[1] for v in verts)
    alice = [[r, Fraction(0)], [Fraction(0), r]]
    bob = [[Fraction(1), Fraction(1)], [Fraction(1), Fraction(1)]]
    P = product_point(alice, bob)
    V = np.array([[float(x) for x in v.values] for v in verts])
    x0 = np.array([float(x) for x in P.values])
    # maximise c.P - t  s.t.  c.v - t <= 0, -1 <= c <= 1
    n = V.shape[1]
    res = linprog(np.concatenate([-x0, [1.0]]), A_ub=np.hstack([V, -np.ones((len(V), 1))]), b_ub=np.zeros(len(V)),
                  bounds=[(-1, 1)] * n + [(None, None)], method="highs")
    best = None
    for den in (1, 2, 4, 8, 16, 100, 1000):
        c = [rationalize(x, den) for x in res.x[:n]]
        t = max(sum(ci * vi for ci, vi in zip(c, v.values)) for v in verts)
        val = sum(ci * vi for ci, vi in zip(c, P.values))
        if val > t:
            best = (c, t, val)
            break
    if best is None:
        raise RuntimeError("no exact separating hyperplane found")
    c, t, val = best
    pid = f"C000-16.p={fr(p)},r={fr(r)}"
    return envelope(
        pid, "C000-16", PAPER, "Lemma 1, Eq. (11), L192-200; proof App. C L646-697",
        f"Sample-point fallback (the whole-region refutation is C000-16.region). "
        f"Lemma 1 at p = {fr(p)}, r = {fr(r)}: S_(p,1)*,(r,1)* (conv of the four channel polytopes of Eq. (11)) "
        "equals S_(p,r) (per-λ dependence bounds p for A->B and r for B->A). Refuted: the inclusion ⊆ holds, but "
        "the point with Bob's b = 0 and Alice's p_A(0|x,y) = (r,0) at x=0, (0,r) at x=1 lies in S_(p,r) and not in "
        "S_(p,1)*,(r,1)*.",
        "sw-lemma1", {"verdict": "refuted", "counterexample": {
            "alice": [[fr(x) for x in row] for row in alice], "bob": [[fr(x) for x in row] for row in bob]}},
        SW, {"channels": [list(ch) for ch in CHANNELS], "vertex_count": len(verts),
             "inclusion": {"A->B": fr(ab), "B->A": fr(ba)}, "behaviour": matrix_text(P.values),
             "separation": {"matrix": matrix_text(c), "bound": fr(t), "point_value": fr(val),
                            "vertex_values": [fr(sum(ci * vi for ci, vi in zip(c, v.values))) for v in verts]}},
        parameters={"p": fr(p), "r": fr(r)})


def _register_lemma1(p, r):
    from fractions import Fraction

    from ..kernel.numbers import format_rational as fr

    p, r = Fraction(p), Fraction(r)

    @generator(f"C000-16.p={fr(p)},r={fr(r)}", PAPER, "C000-16")
    def make():
        return _lemma1(p, r)


for _p, _r in (("1/2", "1/2"), ("1/3", "1/3"), ("9/10", "9/10"), ("1/2", "1/5"), ("1/5", "3/4")):
    _register_lemma1(_p, _r)


# ---------------------------------------------------------------------------------------------
# C000-20: App. E's conclusion omits the deterministic vertices
@generator("C000-20", PAPER, "C000-20")
def appendix_e_class():
    from ..legacy.checkers.sw_appendix_e import E1, orbit

    e1 = [[RationalFunction.parse(x, ["p"]) for x in row] for row in E1]
    entries = []
    for m in orbit(e1):
        for row in m:
            for x in row:
                if not any(x == y for y in entries):
                    entries.append(x)
    texts = [e.to_text() for e in entries]
    domain = {"p": "[1/2, 1)"}
    proof = prove(Statement.make(f"max({', '.join(texts)})", "<=", "1/2", domain, require_all=False))
    return envelope(
        "C000-20", "C000-20", PAPER, "App. E, L897-912 (conclusion of the proof sketch of Claim 1)",
        "The non-signaling part of the one-way polytope S_(p,p),(1/2,1/2) equals the convex hull of the class "
        "(E1) (for all p in [1/2, 1)). Refuted: the deterministic local points are non-signaling vertices of the "
        "polytope but lie outside conv(class (E1)).",
        "sw-e1-class", {"verdict": "refuted", "counterexample": {"behaviour": [[1, 0, 1, 0], [0, 0, 0, 0], [1, 0, 1, 0],
                                                                 [0, 0, 0, 0]]}},
        SW, {"e1": E1, "class_size": len(orbit(e1)), "entries": texts, "domain": domain, "proof": proof},
        parameters={"p": {"range": ["1/2", "1"]}})


# ---------------------------------------------------------------------------------------------
# C000-19: Claim 1 at rational p
def _claim1(p):
    from fractions import Fraction

    import numpy as np
    from scipy.optimize import linprog

    from ..legacy.checkers.sw_claim1 import ns_vector, one_way_vertices, two_way_vertex
    from ..legacy.checkers.sw_lemma1 import matrix_text
    from ..kernel.functional import from_sw_matrix
    from ..kernel.numbers import format_rational as fr
    from ..numeric import rationalize

    ow = one_way_vertices(p)
    labs = [(a, b) for a in range(16) for b in range(16)]
    tw = [two_way_vertex(p, a, b) for a, b in labs]

    def lp(verts, c):
        V = np.array([[float(x) for x in v.values] for v in verts]).T  # 16 x n
        N = np.array([[float(x) for x in ns_vector(v)] for v in verts]).T  # 4 x n
        A = np.vstack([N, np.ones((1, V.shape[1]))])
        res = linprog(-(c @ V), A_eq=A, b_eq=[0, 0, 0, 0, 1], bounds=[(0, None)] * V.shape[1], method="highs")
        return -res.fun, res

    rng = np.random.default_rng(7)
    # search hints (directions found by the random screen below; p = 3/4 one from the experiment report)
    seeds = [np.array(from_sw_matrix([[2, 2, 2, 2], [3, 0, 2, 1], [-3, -1, 3, -2], [2, 2, -3, 0]]), dtype=float),
             np.array([1, -2, -3, 1, 3, -2, -1, -3, -3, 0, 2, -3, 2, -1, -3, 1], dtype=float)]
    seeds += [rng.integers(-3, 4, 16).astype(float) for _ in range(3000)]
    for c in seeds:
        h1, r1 = lp(ow, c)
        h2, r2 = lp(tw, c)
        if h2 <= h1 + 1e-7:
            continue
        # exact point: solve on the LP support
        import sympy

        sup = [i for i, w in enumerate(r2.x) if w > 1e-9]
        rows = [[ns_vector(tw[i])[k] for i in sup] for k in range(4)] + [[Fraction(1)] * len(sup)]
        sol = sympy.Matrix(rows).gauss_jordan_solve(sympy.Matrix([0, 0, 0, 0, 1]))[0]
        if sol.free_symbols:
            sol = sol.subs({s: 0 for s in sol.free_symbols})
        w = [Fraction(int(x.p), int(x.q)) for x in sol]
        if any(x < 0 for x in w):
            continue
        keep = [(labs[i], x) for i, x in zip(sup, w) if x > 0]
        P = [sum(x * tw[labs.index(l)].values[k] for l, x in keep) for k in range(16)]
        cq = [Fraction(int(round(x))) for x in c]
        val = sum(a * b for a, b in zip(cq, P))
        for sign in (1, -1):
            for den in (1, 2, 4, 8, 12, 24, 100):
                mu = [rationalize(sign * m, den) for m in r1.eqlin.marginals[:4]]
                t = max(sum(a * b for a, b in zip(cq, v.values)) - sum(m * n for m, n in zip(mu, ns_vector(v)))
                        for v in ow)
                if val > t:
                    return envelope(
                        f"C000-19.p={fr(p)}", "C000-19", PAPER, "Claim 1, Sec. III E L251-257; sketch App. E L841-912",
                        f"Claim 1 at p = {fr(p)}: the non-signaling part of S_1W^p = conv(S_(p,p),(1/2,1/2) ∪ "
                        "S_(1/2,1/2),(p,p)) equals the non-signaling part of S_(p,p),(p,p). Refuted: an exactly "
                        "non-signaling point of S_(p,p),(p,p) is separated from Π_NS[S_1W^p].",
                        "sw-claim1", {"verdict": "refuted", "counterexample": {
                            "labels": [list(l) for l, _ in keep], "weights": [fr(x) for _, x in keep]}},
                        SW, {"vertex_counts": {"one_way": len(ow), "two_way": len({v.values for v in tw})},
                             "behaviour": matrix_text(P),
                             "separation": {"matrix": matrix_text(cq), "multipliers": [fr(m) for m in mu],
                                            "bound": fr(t), "point_value": fr(val),
                                            "vertex_values": [fr(sum(a * b for a, b in zip(cq, v.values)) - sum(
                                                m * n for m, n in zip(mu, ns_vector(v)))) for v in ow]}},
                        parameters={"p": fr(p)})
    raise RuntimeError(f"no separating direction found at p = {p}")


def _register_claim1(p):
    from fractions import Fraction

    from ..kernel.numbers import format_rational as fr

    p = Fraction(p)

    @generator(f"C000-19.p={fr(p)}", PAPER, "C000-19")
    def make():
        return _claim1(p)


for _p in ("3/4", "9/10"):
    _register_claim1(_p)


# ---------------------------------------------------------------------------------------------
# C000-18: Lemma 3 (kappa) and the algebra of Lemmas 4 and 5, on their whole parameter ranges
KAPPA = "eps + (1 - eps)*(1 - 4*l)/(1 - 2*l)"
_LEMMA_ITEMS = [
    ("C000-18.kappa-ge-eps", "Lemma 3, L222-228",
     "kappa = eps + (1-eps)(1-4l)/(1-2l) >= eps for all l in [0, 1/4], eps in [0, 1].",
     KAPPA, ">=", "eps", {"l": "[0, 1/4]", "eps": "[0, 1]"}),
    ("C000-18.kappa-le-1", "Lemma 3, L222-228",
     "kappa = eps + (1-eps)(1-4l)/(1-2l) <= 1 for all l in [0, 1/4], eps in [0, 1] (so S_(kappa,kappa) is a "
     "relaxation between eps and full signaling).", KAPPA, "<=", "1", {"l": "[0, 1/4]", "eps": "[0, 1]"}),
    ("C000-18.kappa-l=0", "Lemma 3 remark, L228",
     "At l = 0, kappa = 1 for every eps in [0, 1].", "eps + (1 - eps)*(1 - 4*0)/(1 - 2*0)", "==", "1",
     {"eps": "[0, 1]"}),
    ("C000-18.kappa-eps=1", "Lemma 3 remark, L228",
     "At eps = 1, kappa = 1 for every l in [0, 1/4].", "1 + (1 - 1)*(1 - 4*l)/(1 - 2*l)", "==", "1",
     {"l": "[0, 1/4]"}),
    ("C000-18.lemma4-mu-upper", "Lemma 4 proof, (D1), L742-752",
     "mu - 1 <= (1-4l)/l follows from mu <= (1-3l)/l: (1-3l)/l - 1 = (1-4l)/l for l in (0, 1/4].",
     "(1 - 3*l)/l - 1", "==", "(1 - 4*l)/l", {"l": "(0, 1/4]"}),
    ("C000-18.lemma4-mu-lower", "Lemma 4 proof, (D1), L752-756",
     "1 - mu <= (1-4l)/(1-3l) follows from mu >= l/(1-3l): 1 - l/(1-3l) = (1-4l)/(1-3l) for l in [0, 1/4].",
     "1 - l/(1 - 3*l)", "==", "(1 - 4*l)/(1 - 3*l)", {"l": "[0, 1/4]"}),
    ("C000-18.lemma4-crossing", "Lemma 4 proof, L764-766",
     "At w = l/(1-2l) the increasing bound (1-4l)/l * w equals (1-4l)/(1-2l) for l in (0, 1/4].",
     "(1 - 4*l)/l * (l/(1 - 2*l))", "==", "(1 - 4*l)/(1 - 2*l)", {"l": "(0, 1/4]"}),
    ("C000-18.lemma4-crossing-2", "Lemma 4 proof, L764-766",
     "At w = l/(1-2l) the decreasing bound (1-4l)/(1-3l) * (1-w) also equals (1-4l)/(1-2l) for l in [0, 1/4].",
     "(1 - 4*l)/(1 - 3*l) * (1 - l/(1 - 2*l))", "==", "(1 - 4*l)/(1 - 2*l)", {"l": "[0, 1/4]"}),
    ("C000-18.lemma4-slopes", "Lemma 4 proof, L760-762",
     "(1-4l)/l >= 0 and (1-4l)/(1-3l) >= 0 on (0, 1/4] (so the max-min is at the crossing): their minimum is >= 0.",
     "min((1 - 4*l)/l, (1 - 4*l)/(1 - 3*l))", ">=", "0", {"l": "(0, 1/4]"}),
    ("C000-18.lemma5-normalised", "Lemma 5 proof, L790-794",
     "phi = (alpha1/(1-nu), (1-alpha0)/(1-nu)) with nu = alpha0 - alpha1 is normalised (as rational functions).",
     "alpha1/(1 - (alpha0 - alpha1)) + (1 - alpha0)/(1 - (alpha0 - alpha1))", "==", "1",
     {"alpha0": "[1/2, 1]", "alpha1": "[0, 1/4]"}),
    ("C000-18.lemma5-mixture", "Lemma 5 proof, L796-800",
     "nu * 1 + (1 - nu) phi(0) = alpha0 and nu * 0 + (1 - nu) phi(0) = alpha1 (first identity).",
     "(alpha0 - alpha1) + (1 - (alpha0 - alpha1))*alpha1/(1 - (alpha0 - alpha1))", "==", "alpha0",
     {"alpha0": "[1/2, 1]", "alpha1": "[0, 1/4]"}),
]


def _register_item(item):
    cid, loc, statement, lhs, rel, rhs, domain = item

    @generator(cid, PAPER, "C000-18")
    def make():
        return _inequality(cid, "C000-18", loc, statement, lhs, rel, rhs, domain)


for _item in _LEMMA_ITEMS:
    _register_item(_item)


# ---------------------------------------------------------------------------------------------
# C000-14 part 2: the (F14)-(F15) strategy, exactly, in Q(2^(1/6))
@generator("C000-14.part2", PAPER, "C000-14")
def prop2_part2():
    from ..legacy.checkers.sw_prop2_quantum import quantum_behaviour
    from ..kernel.algebraic import NumberField
    from ..kernel.functional import to_sw_matrix

    spec = {"generator": "g", "minpoly": "g^6 - 2", "interval": ["1", "2"]}  # g = 2^(1/6), c = g^2 = 2^(1/3)
    K = NumberField.from_spec(spec)
    g, one = K.gen(), K.element([1])
    # theta = pi - arctan(2^(2/3)/2): (cos, sin) ∝ (-1, 2^(-1/3)) = (-1, g^4/2)
    psi_t = ["-1", "0", "0", "g^4/2"]
    # phi_1 = arctan(2 sqrt 2): cos = 1/3, sin = 2 sqrt(2)/3 = 2 g^3/3
    # phi_0 = pi + 2 arcsin(sqrt(2/(2^(2/3)+2))): cos = -(c^2-2)/(c^2+2), sin = -2 sqrt(2) c/(c^2+2)
    cos0, sin0 = -(g**4 - 2) / (g**4 + 2), -2 * g**5 / (g**4 + 2)
    cos1, sin1 = one / 3, 2 * g**3 / 3
    A = [[[cos0, sin0], [sin0, -cos0]], [[cos1, sin1], [sin1, -cos1]]]
    psi = [K.parse(t) for t in psi_t]
    P = quantum_behaviour(psi, [A, A])
    k = P.p((1, 1), (1, 1))
    domain = {"p": "[0, 1)", "r": "[0, 1)"}
    pos = prove(Statement.make("(1 - p)*(1 - r)", ">", "0", domain))
    return envelope(
        "C000-14.part2", "C000-14", PAPER, "Proposition 2 item 2; proof App. F (F14)-(F16), L1060-1077",
        "There is a non-signaling quantum behaviour P_Q (the two-qubit strategy of (F14)-(F15)) with "
        "W_{p,r}(P_Q) > 1 for all p, r in [0, 1): exactly W - 1 = (16 + 2*2^(1/3) - 11*2^(2/3))/45 (1-p)(1-r). "
        "P_Q is a Hardy-type point: P(11|00) = P(01|01) = P(10|10) = 0. (F16) prints 2*2^(3/2) where the exact "
        "constant has 2*2^(1/3).",
        "sw-prop2-quantum", {"verdict": "verified"},
        dict(SW, state="cos(theta)|00> + sin(theta)|11>, unnormalised, P = <psi|Pi (x) Pi|psi>/<psi|psi>",
             observables="A_x = cos(phi_x) Z + sin(phi_x) X, B_y = A_y (F15); Pi = (1 + (-1)^a A)/2"),
        {"field": spec, "state": psi_t,
         "observables": [[[[x.to_text() for x in row] for row in M] for M in A]] * 2,
         "behaviour": [[x.to_text() for x in row] for row in to_sw_matrix(P.values)],
         "functional": {"matrix": G_PR}, "excess": {"constant": k.to_text()},
         "printed": {"constant": "(16 + 2*g^9 - 11*g^4)/45",
                     "difference": ((16 + 2 * g**9 - 11 * g**4) / 45 - k).to_text()},
         "domain": domain, "positivity": pos},
        parameters={"p": {"range": ["0", "1"]}, "r": {"range": ["0", "1"]}})


# ---------------------------------------------------------------------------------------------
# C000-12: Eq. (14) (T_p on NS behaviours) and T_{1/2} = CHSH
EQ14_TERMS = {"B0": "(1-2*p)/p", "B1": "-(1-2*p)/p", "A0B0": "1", "A0B1": "1", "A1B0": "(1-p)/p",
              "A1B1": "-(1-p)/p"}
CHSH_TERMS = {"A0B0": "1", "A0B1": "1", "A1B0": "1", "A1B1": "-1"}


def _ns_identity(cid, location, statement, terms_f, terms_g, params):
    import sympy

    from ..legacy.checkers.sw_ns_identity import constraint_vectors

    names = [n for n in params]
    fixed = {n: v for n, v in params.items() if v is not None}

    def coeff(c):
        f = RationalFunction.parse(c, names)
        if fixed:
            from fractions import Fraction

            f = RationalFunction(f.num.substitute({k: Fraction(v) for k, v in fixed.items()}),
                                 f.den.substitute({k: Fraction(v) for k, v in fixed.items()}))
        return f

    F = functional_from_spec(SW_SCENARIO, {"terms": terms_f}, CORR, coeff)
    G = functional_from_spec(SW_SCENARIO, {"terms": terms_g}, CORR, coeff)
    syms = {n: sympy.Symbol(n) for n in names}
    D = [sympy.sympify((F.coefficients[i] - G.coefficients[i]).to_text(), locals=syms) if
         hasattr(F.coefficients[i] - G.coefficients[i], "to_text") else sympy.Rational(str(F.coefficients[i] -
                                                                                           G.coefficients[i]))
         for i in range(16)]
    ns, norm = constraint_vectors()
    m = sympy.symbols("m0:8")
    eqs = [sum(m[k] * int(v[i]) for k, v in enumerate(ns + norm)) - D[i] for i in range(16)]
    sol = sympy.solve(eqs, m, dict=True)[0]
    txt = [str(sympy.factor(sol.get(x, 0))).replace("**", "^") for x in m]
    return envelope(cid, "C000-12", PAPER, location, statement, "sw-ns-identity", {"verdict": "verified"}, CORR,
                    {"scenario": SW_SCENARIO.to_spec(), "functional": {"terms": terms_f},
                     "other": {"functional": {"terms": terms_g}},
                     "multipliers": {"ns": txt[:4], "normalisation": txt[4:]},
                     **({"variables": [n for n in names if n not in fixed]} if len(fixed) < len(names) else {})},
                    parameters=fixed or None)


@generator("C000-12.eq14", PAPER, "C000-12")
def eq14_identity():
    return _ns_identity(
        "C000-12.eq14", "Eq. (14), L308-313",
        "On non-signaling behaviours T_p(P) = (1-2p)/p <B0 - B1> + <A0(B0+B1)> + (1-p)/p <A1(B0-B1)> (Eq. (14)), "
        "for all p (as rational functions).", T_P_TERMS, EQ14_TERMS, {"p": None})


@generator("C000-12.chsh", PAPER, "C000-12")
def eq14_chsh():
    return _ns_identity(
        "C000-12.chsh", "after Eq. (14), L313",
        "At p = 1/2, T_p restricted to non-signaling behaviours is the CHSH functional.",
        T_P_TERMS, CHSH_TERMS, {"p": "1/2"})
