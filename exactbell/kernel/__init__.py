"""The trusted kernel: everything ``exactbell check`` imports, and nothing else.

It decides certificates (schema version 2) with exact arithmetic and renders the statement it
decided. It computes every fact it relies on; a certificate supplies witnesses, never meanings.

Layout:
  envelope   hostile-input reader: strict JSON, limits, :class:`Obj` (every key must be read)
  limits     explicit resource limits; ``run`` applies the per-certificate wall-clock/memory ones
  params     parameters and domains, name spaces, exact values, the statement's quantifier
  check      one file: envelope -> kind -> unread keys -> expected verdict -> pin
  run        many files in forked workers with limits
  pins       ``proofs/<paper>/claims.toml``: the reviewed decided statements
  kinds/     the generic kinds, one module each (``data`` is documented in docs/kinds/)
  arithmetic numbers, expr, upoly, poly, algebraic (Q(α) ⊂ R), gaussian (Q(i), K(i)), linalg
             (the one matrix helper, exact LDLᵀ), trig (Q(2cos(2π/N)) built by the kernel)
  models     scenario, functional, models (behaviour models, named functionals, local bounds),
             ncpoly (free algebra of ±1 observables, Born rule), polytope (Eq. (9) models,
             groups, completeness), process (process matrices), steering (assemblages), lp
             (causal-relaxation LPs), prove_check (the verifier of inequality proofs)

Rules: no floats, no numpy, no sympy, no solver, no search, no imports from outside the kernel
(python-flint and the standard library only). ``tests/test_kernel_boundary.py`` enforces them.
"""
