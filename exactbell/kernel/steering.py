"""Steering assemblages over Q(i) or K(i) (Sainz–Hoban–Skrzypczyk–Aolita, PRL 125, 050404 (2020)), keyed (y, x, a),
Alice the first Kronecker factor: PSD and no-signalling (Def. 2, Eqs. (2)–(4)), maps by weighted Kraus operators or
Choi matrices J = Σ_ij |i⟩⟨j| ⊗ Λ(|i⟩⟨j|), and the outer moment relaxation of Q_BWI."""
from fractions import Fraction
from functools import reduce
from itertools import product

from .gaussian import ONE, ZERO, Gaussian, conj, herm_psd, matrix_text, real_sign
from .linalg import add, adjoint, identity, mul, partial_trace, scale, trace
from .poly import Poly

TYPES = ("traditional", "bob-with-input", "instrumental")


def steer(R, M, dA, dB):
    """tr_A[(M ⊗ 𝟙) R], the unnormalised steered state (paper L44): τ_bc = Σ_jk M_jk R_(kb),(jc)."""
    return [[sum((M[j][k] * R[k * dB + b][j * dB + c] for j in range(dA) for k in range(dA) if M[j][k]), ZERO)
             for c in range(dB)] for b in range(dB)]


class Assemblage:
    """σ_{a|xy} keyed (y, x, a); a traditional or instrumental assemblage has ny = 1 (y = 0 only)."""

    def __init__(self, type_, dim, nx, na, ny, blocks):
        self.type, self.dim, self.nx, self.na, self.ny, self.blocks = type_, dim, nx, na, ny, blocks

    def label(self, key) -> str:
        y, x, a = key
        return f"sigma[a={a}|x={x},y={y}]" if self.type == "bob-with-input" else f"sigma[a={a}|x={x}]"

    def marginal(self, x, y=0):
        """Σ_a σ_{a|xy}."""
        return reduce(add, (self.blocks[(y, x, a)] for a in range(self.na)))

    def not_psd(self, field):
        """None, or (key, :func:`herm_psd` result with a witness) for the first block not PSD."""
        results = ((k, herm_psd(self.blocks[k], field)) for k in sorted(self.blocks))
        return next(((k, r) for k, r in results if not r.psd), None)

    def signalling(self) -> str | None:
        """The first failed no-signalling condition (Eqs. (2)-(4); traditional: Σ_a σ_{a|x} independent of x, trace 1;
        instrumental: normalisation only), or None."""
        for y, x in product(range(self.ny), range(self.nx)):
            m = self.marginal(x, y)
            if self.type != "instrumental" and m != self.marginal(0, y):
                return f"sum_a sigma[a|x={x},y={y}] != sum_a sigma[a|x=0,y={y}] (Alice signals to Bob)"
            if trace(m) != 1:
                return f"tr sum_a sigma[a|x={x},y={y}] != 1 (not normalised)"
        for (y, x, a), S in sorted(self.blocks.items()):
            if trace(S) != trace(self.blocks[(0, x, a)]):
                return f"tr sigma[a={a}|x={x},y={y}] != tr sigma[a={a}|x={x},y=0] (Bob signals to Alice)"
        return None

    def postselect(self):
        """σ_{a|x} = ω_{a|x,y=a} (Def. 4) of a Bob-with-input ω with as many y as a."""
        return Assemblage("instrumental", self.dim, self.nx, self.na, 1,
                          {(0, x, a): self.blocks[(a, x, a)] for x in range(self.nx) for a in range(self.na)})

    def mix(self, v):
        """v·σ + (1−v)·N with white noise N_{a|xy} = 𝟙/(n_a·d)."""
        noise = scale((1 - v) * Fraction(1, self.na * self.dim), identity(self.dim, ONE))
        return Assemblage(self.type, self.dim, self.nx, self.na, self.ny,
                          {k: add(scale(v, S), noise) for k, S in self.blocks.items()})


def povm_failure(P, dim, field) -> str | None:
    """None when every element is PSD and Σ_b N_b = 𝟙."""
    return "an element is not positive semidefinite" if not all(herm_psd(N, field).psd for N in P) else \
        None if reduce(add, P) == identity(dim, ONE) else "elements do not sum to the identity"


def kraus_apply(terms, X, dual=False):
    """E(X) = Σ_k w_k K_k X K_k† (E†(X) = Σ_k w_k K_k† X K_k when ``dual``)."""
    return reduce(add, (scale(w, mul(mul(adjoint(K, conj), X), K) if dual else mul(mul(K, X), adjoint(K, conj)))
                        for w, K in terms))


def kraus_failure(terms, dim) -> str | None:
    """CP as w_k ≥ 0; TP iff Σ_k w_k K_k† K_k = 𝟙."""
    if any(real_sign(w) < 0 for w, _ in terms):
        return "a Kraus weight is negative"
    tp = kraus_apply(terms, identity(len(terms[0][1]), ONE), dual=True) == identity(dim, ONE)
    return None if tp else "not trace preserving"


def choi_apply(J, d, X):
    """Λ(X) = Σ_ij X_ij Λ(E_ij), Λ(E_ij) the (i, j) block of J."""
    return [[sum((X[i][j] * J[i * d + k][j * d + l] for i in range(d) for j in range(d) if X[i][j]), ZERO)
             for l in range(d)] for k in range(d)]


def choi_trace_preserving(J, d) -> bool:
    return partial_trace(J, (d, d), (1,)) == identity(d, ONE)


def named_map(J, d) -> str:
    """"identity" (J = Σ E_ij⊗E_ij), "transpose" (J = Σ E_ij⊗E_ji), else "Choi [...]"."""
    n = range(d * d)
    if J == [[ONE if (r // d == r % d and c // d == c % d) else ZERO for c in n] for r in n]:
        return "identity"
    if J == [[ONE if (r // d == c % d and r % d == c // d) else ZERO for c in n] for r in n]:
        return "transpose"
    return "Choi " + matrix_text(J)


def map_variables(d):
    return [f"{v}{k}{p}" for v in "uw" for k in range(d) for p in "ri"]


def biquadratic_form(J, d) -> Poly:
    """B(u, w) = ⟨w|Λ(|u⟩⟨u|)|w⟩ in the real variables of :func:`map_variables`; Λ is positive iff B ≥ 0."""
    u, w = ([Gaussian(Poly.var(f"{v}{k}r"), Poly.var(f"{v}{k}i")) for k in range(d)] for v in "uw")
    total = Gaussian(Poly(), Poly())
    for i, j, k, l in product(range(d), repeat=4):
        if c := J[i * d + k][j * d + l]:
            total = total + u[i] * u[j].conj() * w[k].conj() * w[l] * Gaussian(Poly.const(c.re), Poly.const(c.im))
    if not total.im.is_zero():
        raise ValueError("<w|Lambda(|u><u|)|w> is not real (Lambda does not preserve Hermiticity)")
    return total.re


def words(nx, level):
    """Products of Alice's projectors P_x = M_{0|x}, length ≤ level, no equal neighbours, shortest first."""
    out, frontier = [()], [()]
    for _ in range(level):
        frontier = [w + (x,) for w in frontier for x in range(nx) if not w or w[-1] != x]
        out += frontier
    return out


def reduce_word(w):
    """Projector words: P_x P_x = P_x."""
    return tuple(x for k, x in enumerate(w) if k == 0 or w[k - 1] != x)


def relaxation_coefficients(Zs, lambdas, ws, d):
    """C^y_w = Σ_{red(S†T)=w} (Z^y[T,S])ᵀ + [y=0] Σ_y' λ^y'_w 𝟙 − λ^y_w 𝟙 of the dual point (Z^y, λ^y_w) of the
    outer relaxation of Q_BWI (binary outcomes); why f ≥ 0 on Q_BWI: docs/kinds/assemblage.md."""
    Cs = [{} for _ in Zs]
    terms = [(C, reduce_word(tuple(reversed(S)) + T),
              [[Z[t * d + j][s * d + i] for j in range(d)] for i in range(d)])
             for C, Z in zip(Cs, Zs) for (s, S), (t, T) in product(enumerate(ws), repeat=2)]
    terms += [(C, w, scale(sign * v, identity(d, ONE))) for y, lam in enumerate(lambdas, start=1)
              for w, v in lam.items() for C, sign in ((Cs[0], 1), (Cs[y], -1))]
    for C, w, M in terms:
        C[w] = add(C[w], M) if w in C else M
    return Cs


def relaxation_value(Cs, A):
    """f(σ) = Σ_y [tr(C^y_∅ Σ_a σ_{a|0y}) + Σ_x tr(C^y_(x) σ_{0|xy})]."""
    terms = [(C.get(()), A.marginal(0, y)) for y, C in enumerate(Cs)]
    terms += [(C.get((x,)), A.blocks[(y, x, 0)]) for y, C in enumerate(Cs) for x in range(A.nx)]
    return sum((trace(mul(C, S)) for C, S in terms if C is not None), ZERO)

