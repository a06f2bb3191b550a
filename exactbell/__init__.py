"""exactbell: exact certificates for claims about Bell nonlocality, signaling polytopes,
causal inequalities, steering and device-independent cryptography.

The public API (:mod:`exactbell.api`) is re-exported lazily: ``import exactbell`` loads nothing
else, and a name such as ``exactbell.check`` loads the kernel only (standard library and
python-flint). numpy, SciPy, cvxpy and pycddlib are imported by the verbs that need them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "BellFunctional",
    "Certificate",
    "Facet",
    "FacetClasses",
    "FacetList",
    "LocalBound",
    "NSBound",
    "Polytope",
    "QuantumBound",
    "Report",
    "Scenario",
    "VertexList",
    "__version__",
    "check",
    "check_one",
    "exact",
    "latex",
    "local_bound",
    "local_polytope",
    "ns_bound",
    "quantum_bound",
]

if TYPE_CHECKING:  # for type checkers and IDEs; at run time the names come from __getattr__
    from .api import (
        BellFunctional,
        Certificate,
        Facet,
        FacetClasses,
        FacetList,
        LocalBound,
        NSBound,
        Polytope,
        QuantumBound,
        Report,
        Scenario,
        VertexList,
        check,
        check_one,
        exact,
        latex,
        local_bound,
        local_polytope,
        ns_bound,
        quantum_bound,
    )


def __getattr__(name: str):
    import importlib

    if name == "api":
        return importlib.import_module(".api", __name__)
    if name in __all__:
        value = getattr(importlib.import_module(".api", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'exactbell' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
