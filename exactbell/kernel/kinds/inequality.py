"""Kind ``inequality``: "lhs REL rhs for every value of the domain parameters" (proofs checked by
:mod:`..prove_check`), at fixed parameters (exact evaluation), or trigonometric statements for all real angles.
Format and statements: ``docs/kinds/inequality.md``."""
from __future__ import annotations

from .. import prove_check as pc
from . import Decision, kind

SQRT = "principal (non-negative) square root"


def sqrt_convention(ctx, nodes) -> None:
    if any(pc.has_sqrt(x) for x in nodes) and ctx.cert.conventions.text("sqrt") != SQRT:
        raise ctx.fail("conventions.sqrt", f"must be {SQRT!r} (the kernel's square root)")


def decide_statement(ctx, st: pc.Statement, proof) -> tuple[str, str, str]:
    """(statement, verdict, detail) for a proof :class:`Obj`; a bad proof is an error."""
    verdict, detail, value = ctx.guard(proof.where, lambda: pc.check(st, proof))
    if verdict == "verified":
        return f"{st.text()} {ctx.quantifier()}", verdict, detail
    at = ", ".join(f"{n} = {x}" for n, x in detail.items())
    diff = pc.text(("-", st.lhs, st.rhs), st.names)
    return (f"{st.text()} fails at {at}, where {diff} = {value}; so not {ctx.quantifier()}", verdict,
            f"exact counterexample at {at}")


def _statement(data, names, fixed, domains) -> pc.Statement:
    """lhs REL rhs of ``data`` over ``names`` (``fixed`` substituted)."""
    lhs, rhs = (pc.parse_ast(data.get(k), names, fixed) for k in ("lhs", "rhs"))
    return pc.Statement.of(lhs, data.text("relation", pc.RELATIONS), rhs, names, domains)


def _trig_statement(ctx, o, angles, relations) -> pc.Statement:
    lhs, rhs = (pc.parse_trig(o.get(k), angles, ctx.fixed) for k in ("lhs", "rhs"))
    return pc.Statement(lhs, o.text("relation", relations), rhs, angles, ())


def _trig_one(ctx, s, angles) -> tuple:
    """(statement, hypothesis or None, detail) of one trigonometric statement ``s``, proved."""
    st, h = _trig_statement(ctx, s, angles, pc.RELATIONS), s.obj("hypothesis", None)
    hyp = None if h is None else _trig_statement(ctx, h, angles, (">", ">=", "<", "<="))
    if hyp and st.relation == "==":
        raise pc.ProofError("an identity under a hypothesis is not supported")
    nodes = [st.node] + ([hyp.node] if hyp else [])
    used = {j for x in nodes for n in pc.walk(x) if n[0] in ("sin", "cos") for j, c in enumerate(n[1]) if c}
    if len(used) != len(angles):
        raise pc.ProofError("every angle must occur in the statement")
    return st, hyp, pc.check_trig(st, hyp, s.obj("proof"))


def _trig(ctx, data) -> Decision:
    """``statements``: trigonometric statements for all real values of their angles (see module doc)."""
    texts, nodes, rows = [], [], data.objs("statements")
    ctx.need(rows, "data.statements", "lists no statement")
    for s in rows:
        angles = tuple(s.list("angles"))
        ctx.need(angles, s.at("angles"), "a trigonometric statement needs at least one angle")
        for a in dict.fromkeys(angles):
            if ctx.names.get(a) != "angle":  # an angle may recur in later statements
                ctx.declare(a, "angle", s.at("angles"))
        st, hyp, detail = ctx.guard(s.where, lambda s=s, angles=angles: _trig_one(ctx, s, angles))
        nodes += [st.node] + ([hyp.node] if hyp else [])
        texts.append(f"{st.text()} for all real {', '.join(angles)}" + (f" with {hyp.text()}" if hyp else ""))
    sqrt_convention(ctx, nodes)
    q = ctx.quantifier()
    return Decision("; ".join(texts) + (f", {q}" if q else ""), "verified", detail)


def _at_point(ctx, data) -> Decision:
    """All parameters fixed: lhs REL rhs decided by exact evaluation at their values (no proof)."""
    names, point = tuple(sorted(ctx.fixed)), tuple(q for _, q in sorted(ctx.fixed.items()))
    st = ctx.guard("data", lambda: _statement(data, names, None, ()))
    holds, value = ctx.guard("data", lambda: (st.holds(pc.value_at(st.node, point).sign()),
                                              pc.value_at(("-", st.lhs, st.rhs), point).text()))
    sqrt_convention(ctx, [st.node])
    if holds:
        return Decision(f"{st.text()} {ctx.quantifier()}", "verified", "decided by exact evaluation at the point")
    return Decision(f"{st.text()} fails {ctx.quantifier()}, where {pc.text(('-', st.lhs, st.rhs), names)} = "
                    f"{value}", "refuted", f"lhs - rhs = {value} exactly")


@kind("inequality")
def decide(cert, ctx, data) -> Decision:
    if data.has("statements"):
        if ctx.domains:
            raise ctx.fail("parameters", "trigonometric statements quantify over their angles, not over domains")
        return _trig(ctx, data)
    if not ctx.domains:
        ctx.need(ctx.fixed, "parameters", "an inequality needs a domain parameter, or fixed parameters to decide it at")
        return _at_point(ctx, data)
    names = tuple(ctx.domains)  # the statement lhs REL rhs over them, fixed parameters substituted
    st = ctx.guard("data", lambda: _statement(data, names, ctx.fixed, tuple(ctx.domains.values())))
    sqrt_convention(ctx, [st.node])
    return Decision(*decide_statement(ctx, st, data.obj("proof")))
