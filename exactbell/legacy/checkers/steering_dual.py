"""Kind ``steering-dual``: an exact dual certificate of the outer SDP relaxation of Q_BWI (post-quantumness).

The relaxation, the identity behind the certificate and its validity are in exactbell.steering.dual
(operator-valued moment matrices H^y with *transposed* blocks, reduced projector words, equal traces
across y). A certificate proves the linear steering functional
f(σ) = Σ_y [tr(C^y_∅ ρ_B^y) + Σ_x tr(C^y_x σ_{0|xy})] is ≥ 0 on every quantum BWI assemblage.

data:
  assemblage        target: Bob-with-input, binary outcomes (optional ``formula``)
  words             the words S indexing H^y: strings of comma-separated input labels ("" = 𝟙,
                    "0,1" = P_0 P_1); Z^y is indexed by (word, Bob basis index), word-major
  Z                 [Z^0, Z^1, …] Hermitian (n_words·d)², entries in Q(i); must be PSD (exact LDLᵀ)
  lambda            per y ≥ 1 a list of [word, λ^y_w] (multipliers of tr Γ^0_w = tr Γ^y_w)
  functional        per y {"identity": C^y_∅, "projectors": [C^y_x]} — recomputed and compared
  value_target      f(σ) (exact; must be < 0 for a proof)
  value_noise       f(N) for white noise N_{a|xy} = 𝟙/(2d)
  visibility_bound  f(N)/(f(N) − f(σ)): every quantum v·σ + (1−v)·N has v ≤ this
  lower             optional {"visibility": v₀, "realisation": ...}: an exact quantum realisation of
                    v₀·σ + (1−v₀)·N (checked as in ``steering-realisation``), the lower end of the bracket
verified      ⇔ Z ⪰ 0, every non-data coefficient C^y_w vanishes exactly and f(σ) < 0: σ ∉ Q_BWI.
numeric-only  when Z is not PSD or an equality fails (a failed rounding proves nothing) or f(σ) ≥ 0.
"""
from __future__ import annotations

from ...kernel.numbers import format_rational
from ...steering import matrices as mx
from ...steering.assemblage import white_noise, same_blocks
from ...steering.dual import data_words, full_coefficients, functional_value, pairs_by_word, parse_word
from . import Outcome, checker
from .steering_assemblage import read_assemblage


def _real(reader, where, z):
    if z.im != 0:
        raise reader.fail(where, "functional value is not real")
    return z.re


def _rtext(x):
    return format_rational(x) if not hasattr(x, "to_text") else x.to_text()


@checker("steering-dual")
def decide(cert, reader) -> Outcome:
    A = read_assemblage(reader)
    if A.type != "bob-with-input" or A.na != 2:
        raise reader.fail("data.assemblage", "the relaxation needs a Bob-with-input assemblage with binary outcomes")
    if not A.is_no_signalling():
        raise reader.fail("data.assemblage", "target is not a no-signalling assemblage")
    d = A.dim
    raw_words = reader.get("data.words", list)
    ws = []
    for k, t in enumerate(raw_words):
        with reader.context(f"data.words[{k}]"):
            ws.append(parse_word(t, A.nx))
    if len(set(ws)) != len(ws) or not ws:
        raise reader.fail("data.words", "words must be distinct (and non-empty list)")
    n = len(ws) * d
    rawZ = reader.get("data.Z", list)
    if len(rawZ) != A.ny:
        raise reader.fail("data.Z", f"must list {A.ny} matrices (one per y)")
    Zs = []
    for y, Zr in enumerate(rawZ):
        with reader.context(f"data.Z[{y}]"):
            Z = mx.parse_matrix(Zr, reader.field, n, n, "Z")
            if not mx.is_hermitian(Z):
                raise ValueError("Z is not Hermitian")
        Zs.append(Z)
    rawL = reader.get("data.lambda", list)
    if len(rawL) != A.ny - 1:
        raise reader.fail("data.lambda", f"must list {A.ny - 1} multiplier lists (y = 1..{A.ny - 1})")
    lambdas = []
    for y, L in enumerate(rawL):
        if not isinstance(L, list):
            raise reader.fail(f"data.lambda[{y}]", "must be a list of [word, value]")
        lam = {}
        for k, item in enumerate(L):
            where = f"data.lambda[{y}][{k}]"
            if not isinstance(item, list) or len(item) != 2:
                raise reader.fail(where, "must be [word, value]")
            with reader.context(where):
                w = parse_word(item[0], A.nx)
                if w in lam:
                    raise ValueError(f"word {item[0]!r} listed twice")
                lam[w] = mx.parse_matrix([[item[1]]], reader.field, 1, 1, "lambda")[0][0]
        lambdas.append(lam)
    pairs = pairs_by_word(ws)
    for lam in lambdas:
        for w in lam:
            if w not in pairs:
                raise reader.fail("data.lambda", f"word {','.join(map(str, w))!r} does not occur in H")
    with reader.context("data.words"):
        Cs = full_coefficients(Zs, lambdas, ws, d, pairs)
    data = set(data_words(A.nx))
    for y in range(A.ny):
        for w in data:
            Cs[y].setdefault(w, mx.zeros(d))
    # redundant functional: recomputed and compared
    rawF = reader.get("data.functional", list)
    if len(rawF) != A.ny:
        raise reader.fail("data.functional", f"must list {A.ny} entries (one per y)")
    for y, Fy in enumerate(rawF):
        if not isinstance(Fy, dict):
            raise reader.fail(f"data.functional[{y}]", "must be {identity, projectors}")
        with reader.context(f"data.functional[{y}]"):
            C0 = mx.parse_matrix(Fy.get("identity"), reader.field, d, d, "identity")
            proj = Fy.get("projectors")
            if not isinstance(proj, list) or len(proj) != A.nx:
                raise ValueError(f"projectors must list {A.nx} matrices")
            Cx = [mx.parse_matrix(P, reader.field, d, d, f"projectors[{x}]") for x, P in enumerate(proj)]
        if C0 != Cs[y][()] or any(Cx[x] != Cs[y][(x,)] for x in range(A.nx)):
            raise reader.fail(f"data.functional[{y}]", "differs from the coefficients computed from Z and lambda")
    fA = _real(reader, "data.value_target", functional_value(Cs, A))
    fN = _real(reader, "data.value_noise", functional_value(Cs, white_noise(A)))
    if reader.value("data.value_target") != fA:
        raise reader.fail("data.value_target", f"differs from f(sigma) = {_rtext(fA)}")
    if reader.value("data.value_noise") != fN:
        raise reader.fail("data.value_noise", f"differs from f(N) = {_rtext(fN)}")
    lower_text = "0"
    if "lower" in cert.data:
        lower_text = _lower(cert, reader, A)
    vb = reader.value("data.visibility_bound")
    if fN == fA or vb != fN / (fN - fA):
        raise reader.fail("data.visibility_bound", "is not f(N)/(f(N) - f(sigma))")
    # the proof proper
    for y, Z in enumerate(Zs):
        res = mx.psd(Z, reader.field)
        if not res.psd:
            return Outcome("numeric-only", f"Z[{y}] is not PSD (exact LDL^T): the rounded dual proves nothing",
                           bracket=(lower_text, "1"))
    for y in range(A.ny):
        for w, C in Cs[y].items():
            if w not in data and any(any(r) for r in C):
                return Outcome("numeric-only", f"coefficient of word {w} (y={y}) does not vanish: not a proof",
                               bracket=(lower_text, "1"))
    if not fA < 0:
        return Outcome("numeric-only", "f(sigma) >= 0: the functional does not separate sigma",
                       bracket=(lower_text, "1"))
    if fN < 0:  # impossible for a valid certificate (white noise is quantum): refuse rather than report
        raise reader.fail("data.value_noise", "f(noise) < 0 although white noise is quantum: inconsistent certificate")
    return Outcome("verified",
                   f"exact dual: Z PSD over Q(i) ({n}x{n}, {len(ws)} words), f(sigma) = {_rtext(fA)} < 0 <= f(Q_BWI): "
                   f"not quantum; quantum visibility <= {_rtext(vb)}",
                   bracket=(lower_text, _rtext(vb)))


def _lower(cert, reader, A):
    from .steering_realisation import read_realisation

    spec = reader.get("data.lower", dict)
    v0 = reader.value("data.lower.visibility", spec.get("visibility"))
    if not 0 <= v0 <= 1:
        raise reader.fail("data.lower.visibility", "must lie in [0, 1]")
    R = read_realisation(reader, "data.lower.realisation")
    with reader.context("data.lower.realisation"):
        produced = R.assemblage("bob-with-input")
    if not same_blocks(produced, A.mix(v0, white_noise(A))):
        raise reader.fail("data.lower.realisation", "does not realise v0*sigma + (1-v0)*noise exactly")
    return _rtext(v0)
