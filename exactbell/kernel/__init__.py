"""The trusted kernel: everything ``exactbell check`` imports (the standard library and python-flint only).

It decides certificates (docs/format.md) with exact arithmetic and renders the statement it decided; a
certificate supplies witnesses, never meanings. No floats, solver or search (tests/test_kernel_boundary.py).
"""
