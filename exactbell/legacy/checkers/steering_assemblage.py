"""Kind ``steering-assemblage``: an explicit assemblage is (or is not) a valid no-signalling assemblage.

data:
  field             optional real number field (entries then live in K(i))
  assemblage        {"type": traditional | bob-with-input | instrumental, "dim", "x", "a", ["y"],
                     "blocks": blocks[y][x][a] (BWI) or blocks[x][a]} — exact complex entries
  formula           optional name of a built-in formula (exactbell.steering.assemblage.FORMULAS, e.g.
                    "sainz-eq5"): the listed blocks must equal it exactly
  bob_marginals     Σ_a σ_{a|x,y} per y (the same for every x: A does not signal to B); for an instrumental
                    assemblage Σ_a σ_{a|x} per x (no such condition there)
  alice_probabilities  p(a|x) = tr σ_{a|x,y} as [x][a] (the same for every y: B does not signal to A)
  extension         optional (instrumental target): a Bob-with-input assemblage ω (with optional
                    ``extension_formula``) that is no-signalling and post-selects (y = a) to the target: the
                    target is then in G_I (Definition 4)
verified  ⇔ every block is PSD (exact LDLᵀ over K(i)), the marginals are as stated and x/y-independent,
            and tr Σ_a σ = 1.
expected.counterexample (refuted, the assemblage is not PSD):
  {"block": [y, x, a] (or [x, a]), "eigenvalue": λ < 0, "eigenvector": v} with σ v = λ v exactly.
"""
from __future__ import annotations

from ...steering import matrices as mx
from ...steering.assemblage import FORMULAS, Assemblage, eigenpair_ok, same_blocks
from . import Outcome, checker


def read_assemblage(reader, where="data.assemblage") -> Assemblage:
    spec = reader.get(where, dict)
    with reader.context(where):
        A = Assemblage.from_spec(spec, reader.field)
    formula_key = where + "_formula" if where == "data.extension" else (
        where.rsplit(".", 1)[0] + ".formula" if where.count(".") else "formula")
    name = reader.get(formula_key, str, default=None)
    if name is not None:
        if name not in FORMULAS:
            raise reader.fail(formula_key, f"unknown formula {name!r} (known: {', '.join(sorted(FORMULAS))})")
        if not same_blocks(A, FORMULAS[name]()):
            raise reader.fail(where, f"blocks differ from formula {name!r}")
    return A


def _key(reader, where, raw, A):
    bwi = A.type == "bob-with-input"
    n = 3 if bwi else 2
    if not isinstance(raw, list) or len(raw) != n or any(not isinstance(v, int) or isinstance(v, bool) for v in raw):
        raise reader.fail(where, f"must be a list of {n} integer labels ({'[y, x, a]' if bwi else '[x, a]'})")
    key = tuple(raw) if bwi else (0, raw[0], raw[1])
    if key not in A.blocks:
        raise reader.fail(where, f"labels {raw} are out of range")
    return key


def check_marginals(reader, A: Assemblage):
    """Compare the stated marginals with the exact ones; return a list of NS failures."""
    raw = reader.get("data.bob_marginals", list)
    if A.type == "instrumental":  # Bob's input is a: no A->B condition, the marginal is listed per x
        if len(raw) != A.nx:
            raise reader.fail("data.bob_marginals", f"must list {A.nx} matrices (one per x) for an instrumental "
                                                    "assemblage")
        for x in range(A.nx):
            with reader.context(f"data.bob_marginals[{x}]"):
                rho = mx.parse_matrix(raw[x], reader.field, A.dim, A.dim, "marginal")
            if A.bob_marginal(x) != rho:
                raise reader.fail(f"data.bob_marginals[{x}]", f"differs from sum_a sigma[a|x={x}]")
        raw = None
    if raw is not None and len(raw) != A.ny:
        raise reader.fail("data.bob_marginals", f"must list {A.ny} matrices (one per y)")
    for y in range(A.ny if raw is not None else 0):
        where = f"data.bob_marginals[{y}]"
        with reader.context(where):
            rho = mx.parse_matrix(raw[y], reader.field, A.dim, A.dim, "marginal")
        for x in range(A.nx):
            if A.bob_marginal(x, y) != rho:
                raise reader.fail(where, f"differs from sum_a sigma[a|x={x},y={y}]")
    probs = reader.get("data.alice_probabilities", list)
    if len(probs) != A.nx or any(not isinstance(r, list) or len(r) != A.na for r in probs):
        raise reader.fail("data.alice_probabilities", f"must be a {A.nx}x{A.na} table [x][a]")
    for x in range(A.nx):
        for a in range(A.na):
            p = reader.value(f"data.alice_probabilities[{x}][{a}]", probs[x][a])
            for y in range(A.ny):
                if A.alice_probability(a, x, y) != p:
                    raise reader.fail(f"data.alice_probabilities[{x}][{a}]", f"differs from tr sigma at y={y}")
    if A.ns_violations():
        raise reader.fail("data.assemblage", A.ns_violations()[0])


@checker("steering-assemblage")
def decide(cert, reader) -> Outcome:
    A = read_assemblage(reader)
    if cert.verdict == "refuted":
        cx = reader.get("expected.counterexample", dict)
        key = _key(reader, "expected.counterexample.block", cx.get("block"), A)
        lam = reader.value("expected.counterexample.eigenvalue", cx.get("eigenvalue"))
        vec_raw = cx.get("eigenvector")
        if not isinstance(vec_raw, list) or len(vec_raw) != A.dim:
            raise reader.fail("expected.counterexample.eigenvector", f"must list {A.dim} entries")
        with reader.context("expected.counterexample.eigenvector"):
            vec = mx.parse_matrix([vec_raw], reader.field, 1, A.dim, "eigenvector")[0]
        if not eigenpair_ok(A.blocks[key], vec, lam):
            raise reader.fail("expected.counterexample", f"not an exact eigenpair of {A.label(key)}")
        if not lam < 0:
            return Outcome("verified", f"stated eigenvalue of {A.label(key)} is not negative")
        return Outcome("refuted", f"{A.label(key)} has the exact eigenvalue {reader.get('expected.counterexample.eigenvalue')}"
                                  " < 0: not positive semidefinite, so not an assemblage")
    bad = A.first_non_psd()
    if bad is not None:
        return Outcome("refuted", f"{A.label(bad[0])} is not positive semidefinite (exact LDL^T witness)")
    check_marginals(reader, A)
    if "extension" in cert.data:
        if A.type != "instrumental":
            raise reader.fail("data.extension", "an extension is for instrumental assemblages")
        W = read_assemblage(reader, "data.extension")
        if W.type != "bob-with-input" or not W.is_no_signalling():
            raise reader.fail("data.extension", "must be a no-signalling Bob-with-input assemblage")
        with reader.context("data.extension"):
            if not same_blocks(W.postselect(), A):
                raise ValueError("does not post-select (y = a) to the assemblage")
        return Outcome("verified", f"all {len(A.blocks)} blocks PSD; normalised; the stated BWI extension is in "
                                   "G_BWI and post-selects to it: in G_I (Def. 4)")
    kind = {"bob-with-input": "G_BWI (Def. 2)", "traditional": "no-signalling (traditional)",
            "instrumental": "PSD and normalised"}[A.type]
    return Outcome("verified", f"all {len(A.blocks)} blocks PSD (exact LDL^T over Q(i)); marginals as stated; {kind}")
