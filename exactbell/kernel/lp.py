"""The causal-relaxation LPs of Chaves–Kueng–Brask–Gross (Sec. II; eqs. (4), (5), (31), (53)) built exactly from
a declarative spec, and exact checks of primal, dual and Farkas points. Layouts: docs/kinds/lp.md."""
from __future__ import annotations

from fractions import Fraction as F
from itertools import product
from math import prod

from . import upoly
from .scenario import ns_rows

MAX_RESPONSES = 1 << 14


class LPError(ValueError):
    """A spec or witness that does not fit (one line)."""


def need(ok, problem: str) -> None:
    if not ok:
        raise LPError(problem)


class CausalModel:
    def __init__(self, inputs: dict, outputs: dict, parents: dict, latent: dict | None = None):
        latent = latent or {}
        names = [*inputs, *outputs, *latent]
        need(len(set(names)) == len(names) and outputs and all(isinstance(n, str) for n in names),
             "node names must be distinct strings, with at least one output")
        self.card = {**inputs, **outputs, **latent}
        for n, c in self.card.items():
            need(type(c) is int and 1 <= c <= 16, f"cardinality of {n!r} must be an integer in [1, 16]")
        self.inputs, self.outputs, self.nodes = list(inputs), list(outputs), [*outputs, *latent]
        need(set(parents) <= set(self.nodes), "parents are given only for outputs and latents")
        self.parents = {n: parents.get(n, []) for n in self.nodes}
        for n, ps in self.parents.items():
            need(isinstance(ps, list) and len(set(ps)) == len(ps) and all(p in self.card and p != n for p in ps),
                 f"parents of {n!r} must be distinct declared nodes other than {n!r}")
        self.order = []
        while len(self.order) < len(self.nodes):
            done = {*self.inputs, *self.order}
            ready = [n for n in self.nodes if n not in done and set(self.parents[n]) <= done]
            need(ready, "the causal structure has a cycle")
            self.order += ready
        self.configs = {n: list(product(*[range(self.card[p]) for p in self.parents[n]])) for n in self.nodes}
        self.n = prod(self.card[n] ** len(self.configs[n]) for n in self.nodes)
        need(self.n <= MAX_RESPONSES, f"{self.n} response functions exceed the limit {MAX_RESPONSES}")
        self.index = {n: {v: k for k, v in enumerate(cs)} for n, cs in self.configs.items()}
        self.contexts = list(product(*[range(self.card[x]) for x in self.inputs]))
        self.outcomes = list(product(*[range(self.card[a]) for a in self.outputs]))
        self.size = len(self.contexts) * len(self.outcomes)
        self.responses = [dict(zip(self.nodes, c)) for c in product(
            *[list(product(range(self.card[n]), repeat=len(self.configs[n]))) for n in self.nodes])]

    def cfg(self, n, values) -> int:
        """The index of a parent configuration of ``n`` (lexicographic)."""
        return self.index[n][tuple(values)]

    def evaluate(self, lam, context) -> dict:
        vals = dict(zip(self.inputs, context))
        for n in self.order:
            vals[n] = lam[n][self.cfg(n, [vals[p] for p in self.parents[n]])]
        return vals

    def columns(self) -> list:
        """For each λ: the observed outcome index in every context."""
        idx = {o: i for i, o in enumerate(self.outcomes)}
        return [tuple(idx[tuple(self.evaluate(lam, c)[a] for a in self.outputs)] for c in self.contexts)
                for lam in self.responses]

    def text(self) -> str:
        return "; ".join(f"{n}<-({','.join(self.parents[n])})" for n in self.nodes) + " with " + ", ".join(
            f"|{n}| = {self.card[n]}" for n in [*self.inputs, *self.nodes])


def named_model(name, m_x=2, m_y=2, o_a=2, o_b=2) -> CausalModel:
    """Fig. 1 (a)-(d): lhv, x-to-b, a-to-b and one-way-binary (message m = mu(x, a))."""
    pars = {"lhv": {"a": ["x"], "b": ["y"]}, "x-to-b": {"a": ["x"], "b": ["x", "y"]},
            "a-to-b": {"a": ["x"], "b": ["a", "y"]}, "one-way-binary": {"a": ["x"], "m": ["x", "a"], "b": ["m", "y"]}}
    need(name in pars, f"unknown named model {name!r} (known: {', '.join(pars)})")
    return CausalModel({"x": m_x, "y": m_y}, {"a": o_a, "b": o_b}, pars[name], {"m": 2} if "m" in pars[name] else {})


def local_model(parties) -> CausalModel:
    """N-party LHV model: inputs x0.., outputs a0.., a_k <- x_k."""
    return CausalModel({f"x{k}": m for k, (m, _) in enumerate(parties)}, {f"a{k}": o for k, (_, o) in enumerate(parties)},
                       {f"a{k}": [f"x{k}"] for k in range(len(parties))}, {})


def ns_lp(sc, f, sign: int) -> LP:
    """min (sign 1) or max (sign -1) of <F, P> over no-signalling P: columns p(a|x) (canonical order), rows
    normalisation per context, then :func:`ns_rows`."""
    nout, lp = len(sc.outcomes), LP(sc.size)
    for c in range(len(sc.contexts)):
        lp.add({c * nout + o: 1 for o in range(nout)}, "=", 1)
    for row in ns_rows(sc):
        lp.add(row)
    lp.c = {j: sign * F(v) for j, v in enumerate(f) if v}
    return lp


# -- functionals and distributions, inputs-major (CHSH in the paper's 0-bound form, eq. (8)) ----------
def chsh(r, s, t) -> dict:
    """(S - 3)/2, S = sum_xy P(a+b = xy + rx + sy + t mod 2 | xy): local bound 0, PR value 1/2."""
    out = {16: F(-3, 2)}  # key 16: the constant term
    for x, y, a, b in product(range(2), repeat=4):
        if a ^ b == (x * y) ^ (r * x) ^ (s * y) ^ t:
            out[4 * (2 * x + y) + 2 * a + b] = F(1, 2)
    return out


def evaluate(f: dict, p) -> F:
    return sum((v * p[k] for k, v in f.items() if k < len(p)), F(f.get(len(p), 0)))


def pr_box(r=0, s=0, t=0) -> list:
    return [chsh(r, s, t).get(k, F(0)) for k in range(16)]


def distribution(name: str, model) -> list:
    """Named distributions: PR box, white noise, I3322 PR box (a+b = 1 iff x+y = 3), GHZ with X/Y inputs, two
    Werner states at v = 1 (eqs. (54)-(55), b = 2 b0 + b1), two singlets with X, Y, Z."""
    sc = (tuple(model.card[x] for x in model.inputs), tuple(model.card[a] for a in model.outputs))
    table = {
        "pr-box": (((2, 2), (2, 2)), lambda c, o: pr_box()[4 * (2 * c[0] + c[1]) + 2 * o[0] + o[1]]),
        "white-noise": (sc, lambda c, o: F(1, len(model.outcomes))),
        "i3322-pr": (((3, 3), (2, 2)), lambda c, o: F(1, 2) * ((o[0] ^ o[1] == 1) == (sum(c) == 3))),
        "ghz": (((2, 2, 2), (2, 2, 2)), lambda c, o: F(1 + (-1) ** sum(o) * [1, 0, -1, 0][sum(c)], 8)),
        "werner-bilocal": (((2, 2), (2, 4, 2)), lambda c, o: F(1, 16) * (1 + (-1) ** (o[0] + o[2]) * F(
            (-1) ** (o[1] // 2) + (-1) ** (c[0] + c[1] + o[1] % 2), 2))),
        "singlets-xyz": (((3, 3), (2, 4, 2)), lambda c, o: F(1, 16) * (1 + (-1) ** (o[0] + o[2]) * (
            [(1, -1, 1), (-1, 1, 1), (1, 1, -1), (-1, -1, -1)][o[1]][c[0]] if c[0] == c[1] else 0)))}
    need(name in table and table[name][0] == sc, f"unknown distribution {name!r} or it does not fit the scenario")
    return [table[name][1](c, o) for c, o in product(model.contexts, model.outcomes)]


# -- the LP -------------------------------------------------------------------------------------------
class LP:
    """min c·x subject to row_i·x (= or >=) r0_i + θ r1_i and x >= 0."""

    def __init__(self, ncols: int):
        self.ncols, self.c, self.rows, self.senses, self.r0, self.r1 = ncols, {}, [], [], [], []

    def add(self, row: dict, sense: str = "=", r0=0, r1=0) -> None:
        self.rows.append({j: v for j, v in row.items() if v})
        self.senses.append(sense)
        self.r0.append(F(r0))
        self.r1.append(F(r1))

    def absolute(self, row: dict, aux: int, w) -> None:
        """w x_aux >= |row·x|: the rows w x_aux - row·x >= 0 and w x_aux + row·x >= 0."""
        for s in (-1, 1):
            self.add({**{j: s * v for j, v in row.items()}, aux: w}, ">=")

    def aux(self, k: int, sign: int) -> int:
        """Append k auxiliary columns, the objective their sum times ``sign``; returns the first."""
        t, self.ncols = self.ncols, self.ncols + k
        self.c = {j: F(sign) for j in range(t, self.ncols)}
        return t


def build(model, md: bool, obs, measure: dict, sign: int) -> LP:
    """The relaxation LP, objective times ``sign``. ``obs``: ("full", p0, p1): p = p0 + θ p1; ("functional", f,
    v0, v1): f(p) = v0 + θ v1, no-signalling, normalised. ``md``: the measurement-dependence LP (eq. (5),
    p(ctx) uniform). ``measure``: influence (eqs. (4)/(31)), message p(m=0), non-bilocality (eq. (53)),
    table-weight, none."""
    n, nctx, nout, kind, rs = model.n, len(model.contexts), len(model.outcomes), measure["measure"], model.responses
    lp = LP(nctx * n if md else n)
    need(lp.ncols * max(nctx, nout) <= 1 << 20, f"the LP has too many columns ({lp.ncols}) for this scenario")
    bucket = [[] for _ in range(model.size)]  # the columns behind each observed entry p(o|c)
    for lam, col in enumerate(model.columns()):
        for c, o in enumerate(col):
            bucket[c * nout + o].append(c * n + lam if md else lam)

    def lift(f: dict) -> dict:
        """f·p as a row over the columns (p(o|c) = nctx Σ q(c, λ) for measurement dependence)."""
        row = {}
        for k, v in f.items():
            for j in bucket[k] if k < model.size else []:
                row[j] = row.get(j, 0) + v * (nctx if md else 1)
        return {j: v for j, v in row.items() if v}
    if obs[0] == "full":
        for k in range(model.size):
            lp.add(lift({k: 1}), "=", obs[1][k], obs[2][k])
    else:
        lp.add(lift(obs[1]), "=", obs[2] - obs[1].get(model.size, 0), obs[3])
        for r in filter(None, map(lift, ns_rows(model))):
            lp.add(r)
        if not md:
            lp.add({lam: 1 for lam in range(n)}, "=", 1)
    if md:
        t = lp.aux(lp.ncols, sign)  # t(c, λ) at t + c·n + λ
        for c in range(nctx):
            lp.add({c * n + lam: nctx for lam in range(n)}, "=", 1)
        for c, lam in product(range(nctx), range(n)):  # nctx·t_k >= |nctx·q(c,λ) - Σ_c' q(c',λ)|
            lp.absolute({c2 * n + lam: (nctx - 1 if c2 == c else -1) for c2 in range(nctx)}, t + c * n + lam, nctx)
    elif kind == "influence":  # t >= |[λ_B(u, w) = b] - [λ_B(u', w) = b]|, identical rows kept once
        src, tgt = measure["source"], measure["target"]
        need(src in model.parents.get(tgt, []), f"{src!r} is not a parent of {tgt!r}")
        ps, t = model.parents[tgt], lp.aux(1, sign)
        k = ps.index(src)
        for row in dict.fromkeys(tuple(abs((r[tgt][i] == b) - (r[tgt][i2] == b)) for r in rs)
                                 for u, u2 in product(range(model.card[src]), repeat=2) if u != u2
                                 for w in product(*[range(model.card[p]) for p in ps if p != src])
                                 for i, i2 in [[model.cfg(tgt, w[:k] + (v,) + w[k:]) for v in (u, u2)]]
                                 for b in range(model.card[tgt])):
            lp.add({**{j: -v for j, v in enumerate(row) if v}, t: 1}, ">=")
    elif kind == "message":
        need(measure["node"] in model.nodes[len(model.outputs):], f"{measure['node']!r} is not a latent node")
        lp.c = {lam: F(sign * sum(model.evaluate(r, c)[measure["node"]] == 0 for c in model.contexts), nctx)
                for lam, r in enumerate(rs)}
    elif kind == "table-weight":
        lp.c = {lam: F(sign) for lam, r in enumerate(rs) if list(r[measure["node"]]) == measure["table"]}
        need(lp.c, "the table is not a response table of the node")
    elif kind == "non-bilocality":  # t(ka, kc) >= |Σ_{λ: λ_C = kc} ([λ_A = ka] - profile_ka) q_λ|
        a, c, prof = model.outputs[0], model.outputs[-1], measure["profile"]
        tabs = {x: sorted({r[x] for r in rs}) for x in (a, c)}
        need(len(prof) == len(tabs[a]), f"the profile needs {len(tabs[a])} entries, one per table of {a!r}")
        t = lp.aux(len(prof) * len(tabs[c]), sign)
        for ta, p in zip(tabs[a], prof) if measure["fix_marginal"] else []:
            lp.add({lam: 1 for lam, r in enumerate(rs) if r[a] == ta}, "=", p)
        for k, ((ta, p), tc) in enumerate(product(zip(tabs[a], prof), tabs[c])):
            lp.absolute({lam: (r[a] == ta) - p for lam, r in enumerate(rs) if r[c] == tc}, t + k, 1)
    else:
        need(kind == "none", f"unknown measure {kind!r}")
    return lp


# -- exact checks -------------------------------------------------------------------------------------
def primal(lp: LP, x: dict, th) -> F:
    """c·x after checking x >= 0 and every row at θ = ``th``."""
    need(all(v >= 0 for v in x.values()), "a primal entry is negative")
    for i, row in enumerate(lp.rows):
        s, rhs = sum((a * x[j] for j, a in row.items() if j in x), F(0)), lp.r0[i] + th * lp.r1[i]
        if s != rhs if lp.senses[i] == "=" else s < rhs:
            raise LPError(f"primal row {i} fails: {s} {lp.senses[i]} {rhs} is false")
    return sum((lp.c.get(j, 0) * v for j, v in x.items()), F(0))


def dual(lp: LP, y: dict, farkas: bool = False) -> tuple[F, F]:
    """(a, b) with rhs(θ)·y = a + b θ, after checking y >= 0 on '>=' rows and Aᵀy <= c (Farkas: <= 0)."""
    need(all(v >= 0 or lp.senses[i] == "=" for i, v in y.items()), "a dual entry of a '>=' row is negative")
    acc = {}
    for i, v in y.items():
        for j, a in lp.rows[i].items():
            acc[j] = acc.get(j, 0) + a * v
    cost = {} if farkas else lp.c
    bad = min((j for j in {*acc, *cost} if acc.get(j, 0) > cost.get(j, 0)), default=None)
    need(bad is None, f"dual constraint of column {bad} fails")
    return sum((lp.r0[i] * v for i, v in y.items()), F(0)), sum((lp.r1[i] * v for i, v in y.items()), F(0))


def _family(lp0: LP, lp1: LP, i: int) -> tuple[dict, list]:
    """Row i of L(ν) = L0 + ν (L1 - L0) (the profile is affine in ν): its entries and θ-free rhs, in ν."""
    aff = lambda a0, a1: upoly.trim([F(a0), F(a1) - F(a0)])  # noqa: E731
    r0, r1 = lp0.rows[i], lp1.rows[i]
    return {j: aff(r0.get(j, 0), r1.get(j, 0)) for j in {*r0, *r1}}, aff(lp0.r0[i], lp1.r0[i])


def poly_dual(lp0: LP, lp1: LP, D: list, N: dict, lo: F, hi: F) -> tuple[list, list]:
    """(P0, P1) with dual objective (P0 + θ P1)/D after checking that y(ν) = N(ν)/D(ν) is dual feasible for
    L(ν) on [lo, hi] (Sturm): D > 0, N_i >= 0 on '>=' rows, c_j D - Σ_i A_ij(ν) N_i >= 0."""
    ok = lambda p: upoly.nonnegative_on(p, lo, hi)[0]  # noqa: E731
    need(not upoly.count_roots(D, lo, hi) and upoly.evaluate(D, lo) > 0,
         "the denominator is not positive on the nu range")
    acc, P0, P1 = {j: upoly.scale(D, c) for j, c in lp0.c.items()}, [], []
    for i, n in N.items():
        need(lp0.senses[i] == "=" or ok(n), f"dual entry of '>=' row {i} is negative somewhere on the nu range")
        row, rhs = _family(lp0, lp1, i)
        for j, a in row.items():
            acc[j] = upoly.add(acc.get(j, []), upoly.scale(upoly.mul(a, n), -1))
        P0, P1 = upoly.add(P0, upoly.mul(rhs, n)), upoly.add(P1, upoly.scale(n, lp0.r1[i]))
    bad = min((j for j, r in acc.items() if not ok(r)), default=None)
    need(bad is None, f"dual constraint of column {bad} fails somewhere on the nu range")
    return P0, P1


def poly_primal(lp0: LP, lp1: LP, q: dict, th: F, lo: F, hi: F) -> list:
    """c·q(ν) after checking q >= 0 and every row of L(ν) at θ = ``th`` for all ν in [lo, hi] (Sturm)."""
    ok = lambda p: upoly.nonnegative_on(p, lo, hi)[0]  # noqa: E731
    bad = min((j for j, p in q.items() if not ok(p)), default=None)
    need(bad is None, f"column {bad} is negative somewhere on [{lo}, {hi}]")
    for i in range(len(lp0.rows)):
        row, rhs = _family(lp0, lp1, i)
        res = upoly.scale(upoly.add(rhs, [lp0.r1[i] * th]), -1)
        for j, a in row.items():
            res = upoly.add(res, upoly.mul(a, q.get(j, [])))
        need(not res if lp0.senses[i] == "=" else ok(res), f"row {i} fails somewhere on [{lo}, {hi}]")
    return upoly.trim(sum((upoly.flint(p) * upoly.to_fmpq(lp0.c.get(j, 0)) for j, p in q.items()), upoly.flint([])))
