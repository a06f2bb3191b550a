"""Causal inequalities and the ICO bounds of Liu–Chiribella (arXiv:2403.02749).

* :mod:`.exact` — re-exports the kernel's process-matrix model :mod:`exactbell.kernel.process`
  (canonical instruments, Ω, NS span, L_V, Eq. (12)) plus producer-side decomposition search.
* :mod:`.v2` — rewrites the ICO certificates as schema-2 ``psd-dual`` certificates.
* :mod:`.polytope` — the causal polytope (definite-order deterministic strategies), causal bounds.
* :mod:`.inequalities` — GYNI, LGYNI, OCB and the biased families as correlation tables.
* :mod:`.sdp` — numeric layer: block-reduced ICO SDPs (cvxpy) and exact rounding.
"""
