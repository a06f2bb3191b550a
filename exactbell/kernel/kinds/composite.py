"""Kind ``composite`` (docs/kinds/composite.md): a claim derived by a fixed rule from other certificates of its
folder, each decided here, pinned and verified, none composite: ``C004-16 holds: [id1: S1] and [id2: S2], by
the intermediate value theorem (stated, not decided: ...)``; the inference step is labelled as stated."""
from __future__ import annotations

import os
import re
import stat
from itertools import accumulate

from ..envelope import CertificateError, load
from . import Decision, kind

MAX_PREMISES = 16
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._,=+-]{0,190}\.json$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._,=/+-]{0,199}$")  # an id, not free text: it enters "[id: S]"
RULES = {  # rule: (least number of premises, how the premises give the claim)
    "all": (1, "as their conjunction (stated, not decided: that the conjunction is the claim"),
    "intermediate-value": (2, "by the intermediate value theorem (stated, not decided: the function is continuous "
                              "along each path, and the premises give its values at the path's ends and the "
                              "conditions along it"),
}


def _premise(ctx, where: str, name) -> tuple[str, str]:
    """(id, decided statement) of the premise file ``name``, decided here by the kernel."""
    from ..check import check_file  # lazy: check imports the kinds

    own = ctx.cert.path
    if not isinstance(name, str) or not _NAME.match(name) or ".." in name:
        raise ctx.fail(where, "must be a plain file name ending in .json in the composite's folder "
                              "(no /, \\, .. or leading dot)")
    try:
        st, mine = os.lstat(own.parent / name), os.stat(own)
    except OSError:
        raise ctx.fail(where, f"missing premise {name!r} (no such file in the composite's folder)") from None
    ctx.need(stat.S_ISREG(st.st_mode), where, f"premise {name!r} is not a regular file")
    ctx.need((st.st_dev, st.st_ino) != (mine.st_dev, mine.st_ino), where, "refers to the composite itself")
    try:
        nested = load(own.parent / name).kind == "composite"
    except CertificateError as e:
        raise ctx.fail(where, f"premise {name!r} fails: {e}") from None
    res = None if nested else check_file(own.parent / name)
    problem = ("is itself composite (no nesting)" if nested or res.kind == "composite" else
               f"is refuted: {res.statement}" if res.verdict == "refuted" else
               f"fails: {res.detail}" if not res.passed else
               f"is {res.verdict}, not verified" if res.verdict != "verified" else
               f"has the id {res.id!r}, which is not an id (letters, digits, . _ , = / + -)"
               if not _ID.match(res.id) else None)
    ctx.need(not problem, where, f"premise {name!r} {problem}")
    return res.id, res.statement


def _nests(text: str) -> bool:
    """Brackets ( [ and ) ] nest ([a, b) is one pair): the text stays inside its "(stated, not decided: ...)"."""
    depths = [0, *accumulate((c in "([") - (c in ")]") for c in text)]
    return min(depths) == 0 == depths[-1]


@kind("composite")
def decide(cert, ctx, data) -> Decision:
    ctx.need(not (ctx.domains or ctx.fixed), "parameters",
             "a composite takes no parameters (its premises have their own)")
    ctx.need(_ID.match(cert.claim), "claim", "a composite's claim is an id such as C004-16 (it names the conclusion)")
    rule = data.text("rule")
    ctx.need(rule in RULES, data.at("rule"), f"unknown rule {rule!r} (known: {', '.join(RULES)})")
    (least, how), names = RULES[rule], data.list("premises")
    ctx.need(least <= len(names) <= MAX_PREMISES, data.at("premises"),
             f"rule {rule} needs {least} to {MAX_PREMISES} premises, got {len(names)}")
    ctx.need(len(set(map(str, names))) == len(names), data.at("premises"), "names a premise twice")
    stated = data.text("stated", default="")
    ctx.need(stated == stated.strip() and len(stated) <= 2000 and _nests(stated), data.at("stated"), "at most "
             "2000 characters, no surrounding blanks, and its brackets must nest (it stays inside the stated part)")
    decided = [_premise(ctx, f"{data.at('premises')}[{i}]", n) for i, n in enumerate(names)]
    body = " and ".join(f"[{pid}: {s}]" for pid, s in decided)
    return Decision(f"{cert.claim} holds: {body}, {how}{f'; {stated})' if stated else ')'}", "verified",
                    f"{len(decided)} premises decided by the kernel, combined by rule {rule}")
