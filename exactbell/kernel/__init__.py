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
  models     the model library (scenarios, functionals, ...)
  kinds/     the generic kinds, one module each
  numbers, expr, upoly, poly, algebraic, gaussian, linalg, scenario, functional, localbound:
             exact arithmetic (rationals, Q(α) ⊂ R, Q(i), polynomials, Sturm, LDLᵀ) and models

Rules: no floats, no numpy, no sympy, no solver, no search, no imports from outside the kernel
(python-flint and the standard library only).
"""
