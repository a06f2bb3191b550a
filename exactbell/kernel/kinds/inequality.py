"""Kind ``inequality``: "lhs REL rhs for every value of the domain parameters", decided exactly.

Expressions in the parameters (rationals, + - * /, powers, abs, max, min, sqrt; every parameter fixed:
decided by exact evaluation, no proof), or trigonometric statements for all real angles (sin, cos of
integer combinations of the angles and pi); proofs (cells, boxes, identity, combination, refuted point;
charts for angles) are checked by :mod:`exactbell.kernel.prove_check`. Format: ``docs/kinds/inequality.md``.

Statement (canonical text of the parsed expressions, not the file's text)::

    2*sqrt(2)*sqrt(p/(3*p - 1)) > 2 for all p in [1/2, 1)                       (verified)
    4*(2*q - 1) >= s fails at s = 5/2, q = 3/4, where 4*(2*q - 1) - s = -1/2;
        so not for all s in (2, 5/2], q in [3/4, 1)                              (refuted)
    abs(r) <= 1/2 at r = 1/6;  abs(r) <= 1/2 fails at r = 3/4, where abs(r) - 1/2 = 1/4   (fixed)
"""
from __future__ import annotations

from contextlib import contextmanager

from .. import prove_check as pc
from . import Decision, kind

SQRT = "principal (non-negative) square root"


@contextmanager
def failing(ctx, where: str):
    """A bad proof or an unsupported statement is an error of the certificate at ``where``."""
    try:
        yield
    except (pc.ProofError, ValueError, ArithmeticError, TypeError) as e:
        raise ctx.fail(where, str(e) or type(e).__name__) from None


def sqrt_convention(ctx, nodes) -> None:
    if any(pc.has_sqrt(x) for x in nodes) and ctx.cert.conventions.text("sqrt") != SQRT:
        raise ctx.fail("conventions.sqrt", f"must be {SQRT!r} (the kernel's square root)")


def decide_statement(ctx, st: pc.Statement, proof) -> tuple[str, str, str]:
    """(statement, verdict, detail) for a proof :class:`Obj`; a bad proof is an error."""
    with failing(ctx, proof.where):
        verdict, detail, value = pc.check(st, proof)
    q = ctx.quantifier()
    if verdict == "verified":
        return f"{st.text()} {q}", verdict, detail
    at = ", ".join(f"{n} = {x}" for n, x in detail.items())
    diff = pc.text(("-", st.lhs, st.rhs), st.names)
    text = f"{st.text()} fails at {at}, where {diff} = {value}; so not {q}"
    return text, verdict, f"exact counterexample at {at}"


def _trig_statement(ctx, o, angles, relations) -> pc.Statement:
    lhs, rhs = (pc.parse_trig(o.get(k), angles, ctx.fixed) for k in ("lhs", "rhs"))
    return pc.Statement(lhs, o.text("relation", relations), rhs, angles, ())


def _trig(ctx, data) -> Decision:
    """``statements``: trigonometric statements for all real values of their angles (see module doc)."""
    texts, nodes, rows = [], [], data.objs("statements")
    if not rows:
        raise ctx.fail("data.statements", "lists no statement")
    for s in rows:
        angles = tuple(s.list("angles"))
        if not angles:
            raise ctx.fail(s.at("angles"), "a trigonometric statement needs at least one angle")
        for a in dict.fromkeys(angles):
            if ctx.names.get(a) != "angle":  # an angle may recur in later statements
                ctx.declare(a, "angle", s.at("angles"))
        with failing(ctx, s.where):
            st, h = _trig_statement(ctx, s, angles, pc.RELATIONS), s.obj("hypothesis", None)
            hyp = None if h is None else _trig_statement(ctx, h, angles, (">", ">=", "<", "<="))
            if hyp and st.relation == "==":
                raise pc.ProofError("an identity under a hypothesis is not supported")
            mine = [st.node] + ([hyp.node] if hyp else [])
            trig = [n for x in mine for n in pc.walk(x) if n[0] in ("sin", "cos")]
            used = {j for n in trig for j, c in enumerate(n[1]) if c}
            if len(used) != len(angles):
                raise pc.ProofError("every angle must occur in the statement")
            detail = pc.check_trig(st, hyp, s.obj("proof"))
        nodes += mine
        texts.append(f"{st.text()} for all real {', '.join(angles)}" + (f" with {hyp.text()}" if hyp else ""))
    sqrt_convention(ctx, nodes)
    q = ctx.quantifier()
    return Decision("; ".join(texts) + (f", {q}" if q else ""), "verified", detail)


def _at_point(ctx, data) -> Decision:
    """All parameters fixed: lhs REL rhs decided by exact evaluation at their values (no proof)."""
    names = tuple(sorted(ctx.fixed))
    point = tuple(ctx.fixed[n] for n in names)
    with failing(ctx, "data"):
        lhs, rhs = (pc.parse_ast(data.get(k), names) for k in ("lhs", "rhs"))
        st = pc.Statement.of(lhs, data.text("relation", pc.RELATIONS), rhs, names, ())
        holds, diff = st.holds(pc.value_at(st.node, point).sign()), pc.value_at(("-", lhs, rhs), point)
    sqrt_convention(ctx, [st.node])
    if holds:
        return Decision(f"{st.text()} {ctx.quantifier()}", "verified", "decided by exact evaluation at the point")
    text = f"{st.text()} fails {ctx.quantifier()}, where {pc.text(('-', lhs, rhs), names)} = {diff.text()}"
    return Decision(text, "refuted", f"lhs - rhs = {diff.text()} exactly")


@kind("inequality")
def decide(cert, ctx, data) -> Decision:
    if data.has("statements"):
        if ctx.domains:
            raise ctx.fail("parameters", "trigonometric statements quantify over their angles, "
                                         "not over domains")
        return _trig(ctx, data)
    if not ctx.domains:
        if not ctx.fixed:
            raise ctx.fail("parameters", "an inequality needs a domain parameter, or fixed parameters to decide it at")
        return _at_point(ctx, data)
    names = tuple(ctx.domains)  # the statement lhs REL rhs over them, fixed parameters substituted
    with failing(ctx, "data"):
        lhs, rhs = (pc.parse_ast(data.get(k), names, ctx.fixed) for k in ("lhs", "rhs"))
        relation = data.text("relation", pc.RELATIONS)
        st = pc.Statement.of(lhs, relation, rhs, names, tuple(ctx.domains.values()))
    sqrt_convention(ctx, [st.node])
    return Decision(*decide_statement(ctx, st, data.obj("proof")))
