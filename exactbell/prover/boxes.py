"""Several parameters: search for a bisection tree over {S, I, B} that the kernel checks
(:func:`exactbell.kernel.prove_check.check_boxes`, which defines the letters)."""
from __future__ import annotations

from ..kernel.prove_check import arb_close, bernstein_close, box_branch, split
from .expression import ProverError, Ring, eval_point

MAX_DEPTH = 40
MAX_LEAVES = 20000


def prove(st):
    """Returns ("proved", tree) | ("refuted", point) | ("unknown", reason)."""
    ring = Ring(st.names)
    out: list[str] = []
    stack = [(list(st.box), 0)]
    leaves = 0
    while stack:
        box, depth = stack.pop()
        centre = tuple((lo + hi) / 2 for lo, hi in box)
        try:
            s = eval_point(st.node, centre).sign()
        except ProverError:
            s = None
        if s is not None and (s < 0 or (st.strict and s == 0)):
            return "refuted", centre
        sides = st.sides(box)
        if arb_close(st.node, box, st.strict):
            out.append("I")
        elif (single := box_branch(st.node, ring, box)) is not None and bernstein_close(single, box, st.strict,
                                                                                       sides):
            out.append("B")
        else:
            if depth >= MAX_DEPTH or leaves > MAX_LEAVES:
                return "unknown", f"could not close the box {box}"
            out.append("S")
            left, right = split(box)
            stack.append((right, depth + 1))
            stack.append((left, depth + 1))
            continue
        leaves += 1
    return "proved", "".join(out)
