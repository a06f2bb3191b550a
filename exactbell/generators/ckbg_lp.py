"""Chaves–Kueng–Brask–Gross LP certificates in schema 2 (kernel kind ``lp``).

Untrusted producer helper. The solver side (:mod:`exactbell.lp.solve` on the LP built by
:func:`exactbell.relaxations.lps.build`, an adapter over :func:`exactbell.kernel.lp.build`) produces a
legacy-style record ``{"problem", primal/dual/farkas/pieces ...}``; :func:`to_v2` rewrites it as a
``lp`` certificate: the declarative spec the kernel builds the same LP from, and the witness
vectors (same column/row layout).
"""
from __future__ import annotations

from ..certificates.format import envelope2
from ..kernel import lp as L
from ..kernel.numbers import format_rational as R
from ..kernel.numbers import to_rational

CONV = {"lambda": "mixed radix over response tables of outputs then latents (first most significant); each table "
                  "lists values per parent configuration, lexicographic",
        "order": "inputs-major: index = context*#outcomes + outcome, contexts and outcomes lexicographic",
        "lp": "exactbell.kernel.lp: columns q_lambda (measurement dependence: q(ctx, lambda)) then auxiliaries; rows: "
              "observation (or functional + no-signalling + normalisation), marginal, measure rows",
        "C": "C_{U->B} = max over (u != u', w, b) of P_lambda[ |d(f_B(u,w),b) - d(f_B(u',w),b)| ] (eq. 4/31)",
        "M": "M = sum_{ctx,lambda} |q(ctx,lambda) - p(ctx) sum_ctx' q(ctx',lambda)| (eq. 5, full l1), p(ctx) uniform"}
DISTRIBUTIONS = ("pr-box", "white-noise", "i3322-pr", "ghz", "werner-bilocal", "singlets-xyz")
VARIANTS = [(r, s, t) for r in range(2) for s in range(2) for t in range(2)]


def model_spec(m: dict) -> dict:
    if "named" in m:
        return {"named": m["named"], "inputs": [m.get("m_x", 2), m.get("m_y", 2)],
                "outputs": [m.get("o_a", 2), m.get("o_b", 2)]}
    return m


def kernel_model(spec: dict):
    if "named" in spec:
        return L.named_model(spec["named"], *spec["inputs"], *spec["outputs"])
    if "local" in spec:
        return L.local_model(spec["local"])
    return L.CausalModel(spec["inputs"], spec["outputs"], spec.get("parents", {}), spec.get("latent", {}))


def dist(p, model):
    """The kernel-named distribution equal to p (kind ``lp`` accepts named distributions only)."""
    p = [to_rational(v) for v in p]
    for name in DISTRIBUTIONS:
        try:
            if L.distribution(name, model) == p:
                return name
        except L.LPError:
            pass
    raise ValueError("the observed distribution is not one the kernel names (exactbell.kernel.lp.distribution)")


def head(prob: dict, pname: str | None) -> dict:
    mspec = model_spec(prob["model"])
    model = kernel_model(mspec)
    obj = dict(prob["objective"])
    sense = obj.pop("sense", "min") if obj["measure"] == "table-weight" else "min"
    if prob["type"] == "measurement-dependence":
        obj = {"measure": "M"}
    if obj["measure"] == "non-bilocality":
        obj = {"measure": "non-bilocality", "profile": obj.get("nu_profile"),
               "fix_marginal": obj.get("fix_marginal", False)}
    cons, out = prob.get("constraints", {}), {"model": mspec}
    if cons.get("kind") == "functional":
        f, vt = cons["functional"], to_rational(cons.get("value_t", 0))
        out["observed"] = {"functional": {"name": f["name"], **({"d": f["d"]} if "d" in f else {})},
                           "value": pname if vt == 1 and to_rational(cons["value"]) == 0 else cons["value"]}
        assert vt in (0, 1)
    elif "p" in cons:
        out["observed"] = {"p": dist(cons["p"], model)}
        if "p_t" in cons:
            out["observed"]["p1"] = dist([to_rational(a) + to_rational(b) for a, b in zip(cons["p"], cons["p_t"])], model)
    out["objective"], out["sense"] = obj, sense
    return out


def werner_mixture(data: dict, p) -> str:
    """p = (1 - v2) white noise + v2 werner-bilocal: rewrite ``observed`` and return v2."""
    model = kernel_model(data["model"])
    p = [to_rational(v) for v in p]
    w, n = L.distribution("werner-bilocal", model), L.distribution("white-noise", model)
    t = (p[0] - n[0]) / (w[0] - n[0])
    assert all((1 - t) * b + t * a == q for a, b, q in zip(w, n, p))
    data["observed"] = {"p": "white-noise", "p1": "werner-bilocal"}
    return R(t)


def to_v2(c: dict) -> dict:
    """Schema-2 ``lp`` certificate from a legacy lp-* record (envelope of schema 1)."""
    k, d, params = c["kind"], c["data"], None
    if k == "lp-optimum":
        prob = d["problem"]
        bil = prob["type"] == "bilocal" and prob["model"].get("inputs", {}).get("x") == 2
        data = head(prob, None)
        if bil:
            params = {"v2": werner_mixture(data, prob["constraints"]["p"])}
        data.update(claim="optimum", primal=d["primal"], dual=d["dual"],
                    paper={"relation": d.get("relation", "="), "value": d["claimed"]})
    elif k == "lp-infeasible":
        data = head(d["problem"], "t")
        data.pop("sense")
        data.update(claim="infeasible", farkas=d["farkas"])
        if "infeasible_above" in d:
            params = {"t": f"({d['infeasible_above']}, 5]"}
    elif k == "lp-parametric":
        pname = "v" if d["problem"]["constraints"].get("kind") == "full" else "t"
        data = head(d["problem"], pname)
        data.update(claim="piecewise", pieces=[{"to": p["to"], "dual": p["dual"]} for p in d["pieces"]],
                    points=[p["primal"] for p in d["points"]], paper=[[p["to"], *p["value"]] for p in d["claimed"]])
        params = {pname: f"[{d['range'][0]}, {d['range'][1]}]"}
    elif k == "lp-universal":
        data = head(d["problem"], None)
        vs = {v["vertex"]: v["primal"] for v in d["vertices"]}
        dps = {tuple(v["variant"]): v["dual"] for v in d["dual_points"]}
        data.update(claim="universal", factor=d["factor"], duals=[dps[v] for v in VARIANTS],
                    primals=[vs[f"local/{i}"] for i in range(16)] + [vs["pr/%d%d%d" % v] for v in VARIANTS],
                    paper=d["claimed_factor"])
    elif k == "lp-parametric-dual":
        data = head(d["problem"], "v2")
        data["observed"] = {"p": "white-noise", "p1": "werner-bilocal"}
        data["objective"] = {"measure": "non-bilocality", "profile": d["profile"], "fix_marginal": True}
        pieces = []
        for p in d["pieces"]:
            q = {"to": p["to"], "nu": p["nu_star"], "primals": [p["primal_from"], p["primal_to"]]}
            q["dual"] = {"denominator": p["dual"]["denominator"], "entries": p["dual"]["entries"]} if "dual" in p \
                else {"denominator": ["1"], "entries": []}  # the zero dual: LP >= 0
            pieces.append(q)
        data.update(claim="nu-family", pieces=pieces, paper=[[p["to"], *p["value"]] for p in d["claimed"]])
        if "curves" in d:
            data["curves"] = [{"at": c["t"], "range": [c["range_min"]["dual"], c["range_max"]["dual"]],
                               "primal": c["primal"]} for c in d["curves"]]
        params = {"v2": "[0, 1]"}
    else:
        raise ValueError(f"no schema-2 form for {k}")
    conv = dict(CONV)
    if "functional" in data.get("observed", {}):
        conv["form"] = "named"
    if params and "v2" in params:
        conv["v2"] = "v2 = v^2, the squared visibility of the two Werner states (eqs. (54)-(55))"
    return envelope2(c["id"], c["claim"], c["paper"], c["location"], c["statement"], "lp", c["expected"]["verdict"],
                     conv, data, params)
