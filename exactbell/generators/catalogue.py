"""Write ``proofs/catalogue.toml``: every claim id of the claims catalogue (``../shared/claims/*.md``) with
its paper, its status label and, where it has no certificate or only point certificates, the reason.

Run ``python -m exactbell.generators.catalogue [CLAIMS_DIR] [--out FILE]`` from the source checkout. The
ids, titles and the catalogue's own status tags are read from the Markdown; the label is derived from the
tag by :func:`label_of` unless :data:`REVIEW` overrides it; ranges, sub-ids and reasons are the reviewed
entries of :data:`REVIEW` (transcribed from the same catalogue, one line each). The output is
deterministic (byte-identical on re-run) and written atomically.

Labels: ``exact`` (EXACT, EXACT*, EXACT-ALG, RAT-CERT: decidable exactly), ``exact-pieces`` (exact parts
beside OUT/NUM parts), ``numeric`` (NUM only), ``out`` (OUT only: external results, literature,
proof-level theorems), ``schema`` (definitions only). The first two are *exact-checkable*.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..certificates.format import write_atomic

FILES = {"000.md": ("C000", "sengupta-wooltorton"), "001.md": ("C001", "liu-chiribella"),
         "002.md": ("C002", "chaves-kueng-brask-gross"),
         "003-004.md": (None, None)}  # C003 and C004 share one file
PAPERS = {"C000": "sengupta-wooltorton", "C001": "liu-chiribella", "C002": "chaves-kueng-brask-gross",
          "C003": "sainz-hoban-skrzypczyk-aolita", "C004": "wooltorton-brown-colbeck"}
LABELS = ("exact", "exact-pieces", "numeric", "out", "schema")
EXACT_CHECKABLE = ("exact", "exact-pieces")

_HEAD = re.compile(r"^(?:### |\*\*)(C00\d-\d\d)\b[:\s—-]*(.*)$")
_BOLD = re.compile(r"\*\*([^*]+?)\*\*")
_STATUS = re.compile(r"^Status:\s*(.*)$")
_SENTENCE = re.compile(r"(?<!Eq)(?<!Eqs)(?<!Sec)(?<!App)(?<!Fig)(?<!Prop)(?<!Ref)\.\s+(?=[A-Z*])")


def blocks(text: str):
    """(id, heading rest, block lines) for each claim of one catalogue file, in file order."""
    cur = None
    for line in text.splitlines():
        m = _HEAD.match(line)
        if m:
            if cur:
                yield cur
            cur = (m.group(1), m.group(2), [line])
        elif line.startswith("## ") and cur:
            yield cur
            cur = None
        elif cur:
            cur[2].append(line)
    if cur:
        yield cur


def _clean(s: str) -> str:
    s = s.replace("\\*", "\u204e").replace("**", "").replace("\u204e", "*")  # EXACT\\* is EXACT*
    return re.sub(r"\s+", " ", s).strip(" .")


def status_of(cid: str, head: str, lines: list[str]) -> str:
    """The catalogue's own status tag, verbatim but for Markdown emphasis."""
    tagged = re.compile(r"EXACT|\bNUM\b|\bOUT\b|RAT-CERT")
    if cid.startswith("C001"):  # **[EXACT]** tags in the body, the first one primary
        tags = re.findall(r"\*\*(\[[A-Z-]+\](?:/\[[A-Z-]+\])?)\*\*", "\n".join(lines))
        return " ".join(dict.fromkeys(tags))
    if cid.startswith("C002"):  # Status: EXACT. ...
        for line in lines:
            m = _STATUS.match(line)
            if m:
                return _clean(m.group(1).split(". ")[0])
        return ""
    for line in ([head] if cid.startswith("C000") else reversed(lines)):  # the (last) line with a bold status
        r = line.replace("\\*", "\u204e")
        tags = [b for b in _BOLD.findall(r) if tagged.search(b) and not b.startswith("C00")]
        if tags:
            return _clean(re.sub(r"\s*\[checked[^\]]*\]", "", r[r.index("**" + tags[0]):]))
    return ""


def label_of(status: str) -> str:
    """exact / exact-pieces / numeric / out / schema from a status tag (the review may override). In
    C001's bracketed tags the first is the primary status (the catalogue's key counts)."""
    s = status.upper()
    if "SCHEMA" in s:
        return "schema"
    first = re.match(r"\[([A-Z-]+)\]", s)
    if first and not re.search(r"EXACT|RAT-CERT", first.group(1)):
        return "numeric" if first.group(1) == "NUM" else "out"
    exact = bool(re.search(r"EXACT|RAT-CERT", s))
    if exact:
        return "exact-pieces" if re.search(r"\bNUM\b|\bOUT\b", s) else "exact"
    return "numeric" if re.search(r"\bNUM\b", s) else "out"


def title_of(head: str, lines: list[str]) -> str:
    """The claim's heading: a bold heading up to its closing ``**`` (across lines), followed, when that
    is only a location (C001), by the statement's first sentence; at most 160 characters."""
    if lines[0].startswith("###"):
        t = _clean(re.sub(r"\*\*[^*]*(EXACT|NUM|OUT)[^*]*\*\*.*$", "", head))
    else:
        text = " ".join(lines).replace("\\*", "\u204e")
        bold = text[2:].split("**", 1)
        t = re.sub(r"^C00\d-\d\d\s*(—\s*)?", "", bold[0]).strip()
        if head.startswith("C001") or lines[0].startswith("**C001"):  # C001: the bold part is the location
            rest = _SENTENCE.split(bold[1].strip(), maxsplit=1)[0]
            t = f"{t} {rest}"
        t = _clean(t)
    t = re.sub(r"\s*\[checked[^\]]*\]\s*$", "", t)
    return t if len(t) <= 160 else t[:157].rsplit(" ", 1)[0] + " ..."


def read_catalogue(folder: Path) -> dict[str, dict]:
    out = {}
    for name in FILES:
        for cid, head, lines in blocks((folder / name).read_text(encoding="utf-8")):
            if cid in out:
                raise ValueError(f"{name}: claim {cid} appears twice")
            status = status_of(cid, head, lines)
            status = status if len(status) <= 100 else status[:97].rsplit(" ", 1)[0] + " ..."
            out[cid] = {"paper": PAPERS[cid[:4]], "source": name, "title": title_of(head, lines), "status": status,
                        "label": label_of(status)}
    return out


# Reviewed per-id entries (transcribed from the catalogue, and from the certificates' decided statements
# where a reason says what is certified): label overrides, the parameter range the paper states, claim ids
# of certificates that belong to this catalogue id (parts), the one-line reason where the id has no
# certificate or only point certificates, and coverage "points only" where the id's headline claim is decided
# at points although a part of it holds on a range.
_OUT_GENERAL = "the statement over all dimensions is OUT (catalogue)"
REVIEW: dict[str, dict] = {
    # -- Sengupta-Wooltorton --------------------------------------------------------------------------------------
    "C000-02": {"range": "every fidelity p, q, r, s in [0, 1]",
                "reason": "vertex counts decided at four instances (one-way and two-way at p = 3/4, fixed-bit at "
                          "(p, r) = (2/3, 3/4), the mixture at p = r = 1/2); the kernel's convex-hull check takes "
                          "numbers (C000-03 decides the 256 labelled points distinct for all p, q, r, s)"},
    "C000-04": {"range": "every p (and r) of each Table I model", "coverage": "points only",
                "reason": "class counts decided at points (one-way p = 3/5, 3/4, 9/10; two-way p = 3/4; fixed-bit "
                          "(2/3, 3/4); mixture p = r = 1/2, and at the generic (p, r) = (2/3, 3/5) a lower bound of "
                          "1044 > 1043 classes under every affine symmetry group): completeness (ridge closure) "
                          "needs a fixed rational p; "
                          "13 one-way facet families hold for all p in (1/2, 1) (C000-04.one-way.families); the "
                          "'interesting' counts are NUM, certified by exact violations at points"},
    "C000-05": {"reason": "the interpolation method is OUT; its outputs are checked in C000-06, C000-15, C000-24"},
    "C000-11": {"label": "exact-pieces",
                "note": "catalogue: NUM (value), OUT (self-testing); the value of strategy (13)/(F3) is exact "
                        "(C000-11.range.*), so the id is exact-checkable as issue #17 counts it",
                "reason": "uniqueness of the optimal strategy (a self-test, ref. [43]) is OUT"},
    "C000-15": {"range": "every (p, r) in [0, 1)^2",
                "reason": "the 29 printed matrices are refuted at (p, r) = (2/3, 3/4) and (1/2, 1/3), where about "
                          "half are not facets: a refutation needs one point, and the garbled entries (E7) give no "
                          "parametric family to check"},
    "C000-19": {"range": "every p in (1/2, 1)",
                "reason": "refuted at p = 3/4 and 9/10 by an exactly non-signaling point outside conv(S_1W^p): a "
                          "counterexample needs one p"},
    "C000-21": {"reason": "rigorous lower bounds on the rates at six (p, mu) points (guessing-probability duals, "
                          "kind sos) and BFF (m = 3 and 6 Radau nodes) lower bounds at four points (rounded BFF duals, "
                          "kind sos with Eve's letters); the BFF curves of Figs. 2-4 are NUM"},
    "C000-22": {"reason": "conditional on Conjecture 1 and on Lemma 1 (false, C000-16): nothing to certify"},
    "C000-23": {"range": "every polytope of Table I",
                "reason": "checked on the complete facet list of the one-way polytope at p = 3/4 (552 facets); "
                          "complete facet lists exist only at points (C000-04)"},
    # -- Liu-Chiribella --------------------------------------------------------------------------------------------
    "C001-03": {"range": "every real a",
                "reason": "the causal bound max(1 + a/2, 1/2 + a, 1/2) is decided at a = -3, -1/2, 1/2, 2: the "
                          "causal maximum over the 5056 definite-order behaviours is taken at a fixed a"},
    "C001-05": {"range": "every a in [0, 1]",
                "reason": "Eq. (49) decided at a = 0, 1/10, 1/5, 1/3, 1/2, 3/4, 1 (the causal maximum is taken at "
                          "a fixed a); no certificate for all a"},
    "C001-09": {"range": "every (m, n)",
                "reason": "canonical instruments decided for (m, n) = (2, 2) and (2, 4), the LGYNI and OCB spaces: "
                          "Eqs. (19)-(21) are a per-instance check"},
    "C001-12": {"range": "every real a and x*, b* in {0, 1}",
                "reason": "Lemma 1 (twirled certificate, erratum E1) decided at 8 (a, x*, b*) points; for every real "
                          "a the full biased OCB bound is certified in C001-16.range.* (entries in Q(t))"},
    "C001-13": {"reason": "the wording fails for a < 0: refuted at a = -1 (C not PSD); one counterexample suffices"},
    "C001-15": {"range": "every real a",
                "reason": "S_OCB,a decided at a = 1 and 3/4; for every real a the attaining process is part of "
                          "C001-16.range.* (entries in Q(t))"},
    "C001-17": {"reason": "stated at a = 1 only (OCB itself)"},
    "C001-18": {"range": "every direction theta",
                "reason": "the disk of Fig. 1 is decided along 9 sampled directions (6 values of a, 3 relabelled); "
                          "for every real a the support lines follow from C001-16.range.*, the relabelled half is "
                          "decided at points only"},
    "C001-20": {"reason": "no closed form: a rigorous rational bracket (RAT-CERT); Branciard's qubit value is "
                          "external"},
    "C001-21": {"reason": "the threshold a ~ 0.188 is an SDP sweep (NUM); the rigorous part is C001-22"},
    "C001-23": {"reason": "an exact dual near a = 0.1886 needs facial reduction (NUM in the catalogue)"},
    "C001-24": {"reason": "a literature statement (OUT); its mathematical content is C001-21/22"},
    "C001-25": {"reason": "support-function sweep (NUM); 'not a polytope' needs infinitely many exact checks (OUT)"},
    "C001-26": {"reason": "the curve of Fig. 2(a) has no closed form: rigorous brackets at 14 values of a"},
    "C001-28": {"reason": "external see-saw numerics (Branciard et al.)"},
    "C001-29": {"reason": "external (Kunjwal-Oreshkov 2023); consistent with C001-27"},
    "C001-30": {"reason": "a numeric coincidence flagged by the catalogue, not a claim of the paper"},
    "C001-32": {"range": "every dimension",
                "reason": "finite linear algebra per dimension only; " + _OUT_GENERAL},
    "C001-35": {"range": "every even d",
                "reason": "decided for d = 2, 4, 6 (the kernel builds the supermaps for d up to 8); " + _OUT_GENERAL},
    "C001-37": {"reason": "a theorem over all dimensions (OUT)"},
    "C001-38": {"reason": "Theorem 2 over all dimensions is OUT; Eq. (98) is exact for given projectors"},
    "C001-39": {"reason": "a proof-level theorem (OUT), taken as an axiom by every exact ICO value"},
    "C001-42": {"reason": "stated for three named inequalities (OCB at a = 1, LGYNI, GYNI), certified at each"},
    "C001-43": {"reason": "a literature statement (OUT)"},
    "C001-44": {"reason": "the hierarchy is a conjecture (OUT); tightness for OCB is C001-17"},
    # -- Chaves-Kueng-Brask-Gross ----------------------------------------------------------------------------------
    "C002-07": {"reason": "an entropy of an exact LP optimum: a rigorous interval, no closed form"},
    "C002-15": {"range": "every number of outcomes d",
                "reason": "exact LPs for d = 2, ..., 8 (symmetry reduction needed beyond); " + _OUT_GENERAL},
    "C002-16": {"range": "every number of outcomes d",
                "reason": "local bound and NS maximum decided for d = 2, ..., 8; " + _OUT_GENERAL},
    "C002-19": {"reason": "lower bounds on the quantum maximum from explicit strategies; 'requires d >= 16' needs an "
                          "NPA upper bound at d = 15 (NUM)"},
    "C002-20": {"reason": "ill-posed: the LP optimum is not unique, so 'its' mutual information is not defined"},
    "C002-21": {"reason": "a mutual information value: bracketed, transcendental"},
    "C002-23": {"reason": "a negative search claim (OUT)"},
    "C002-24": {"reason": "external results (OUT)"},
    "C002-28": {"range": "every v in [0, 1]",
                "reason": "the nu range is decided at the paper's v = 1 and v = 4/5; the closed form "
                          "[v^2/4, (2 - v^2)/4] for all v has no certificate"},
    # -- Sainz-Hoban-Skrzypczyk-Aolita -----------------------------------------------------------------------------
    "C003-02": {"status": "EXACT* per instance; the theorem OUT (refs [14, 15])", "label": "exact-pieces",
                "reason": "GHJW itself is external; its constructive realisation is decided per assemblage"},
    "C003-03": {"reason": "the proof is in the supplementary material, not in the seed (OUT)"},
    "C003-05": {"status": "schema-only (definitions)", "label": "schema",
                "reason": "definitions: recorded as conventions of the steering certificates"},
    "C003-12": {"parts": ["C003-12a", "C003-12b", "C003-12c"]},
    "C003-15": {"reason": "supplementary-material claims, not in the seed (OUT)"},
    "C003-19": {"status": "OUT", "reason": "no argument in the seed, and doubtful given C003-17"},
    "C003-20": {"reason": "the background results are external (OUT); the quantum post-selection identity "
                          "tr[N_b|a sigma_a|x] = tr[(M_a|x (x) N_b|a) rho] is decided for all two-qubit M, N, rho as a "
                          "polynomial identity in their entries (C003-20.postselection); other dimensions are not "
                          "certified"},
    # -- Wooltorton-Brown-Colbeck ----------------------------------------------------------------------------------
    "C004-07": {"range": "every (theta, phi, omega) with (4)",
                "reason": "the value of strategy (6) equals eta^Q for all angles as an identity of C004-06.symbolic; "
                          "the Born rule is decided at exact points (these NPA faces, C004-06.quantum.*)"},
    "C004-09": {"range": "every (theta, phi, omega) with (4)",
                "reason": "the uniqueness proof (Jordan's lemma, supplementary material) is OUT; its first exact "
                          "piece, the SOS nullifiers on strategy (6), is decided at two angle triples "
                          "(C004-09.nullifiers, from the C004-06 SOS certificates)"},
    "C004-14": {"reason": "the state identity holds for all angles (C004-14.state); B1 = -sigma_X at omega = pi is a "
                          "point by definition of the subfamily; the self-test is OUT"},
    "C004-17": {"range": "every phi in (0, pi/2)",
                "reason": "the entropy is transcendental: bracketed at phi = 5pi/12 and 9pi/20; the monotonicity step "
                          "(C004-11.hbin-decreasing) is stated"},
    "C004-18": {"range": "every theta, omega at phi = pi/2",
                "reason": "decided at one point, (pi/3, pi/2, 5pi/6); no certificate for all theta, omega"},
    "C004-20": {"reason": "nonlocality (CHSH > 2) and the TLM arcsin equality (correlators sin(pi r_xy), every r_xy on "
                          "the principal branch [-1/2, 1/2], their signed sum 1) are decided at two limit points, 5/2 at "
                          "(pi/3, pi/2, 5pi/6) and 1 + sqrt 2 at (pi/4, pi/2, pi); for every theta, omega at phi = "
                          "pi/2 the boundary equality is decided in Landau's algebraic form (C004-20.landau), its "
                          "equivalence with TLM stated; non-exposedness in Q_corr and the Wang-Wu-Scarani self-test "
                          "are OUT"},
    "C004-25": {"reason": "external or conceptual discussion claims (OUT)"},
    "C004-26": {"reason": "a protocol remark: nothing to check"},
}


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(entries: dict[str, dict]) -> str:
    lines = ["# The claims catalogue, one entry per claim id (issue #17: `exactbell claims` lists every id).",
             "# Generated by `python -m exactbell.generators.catalogue [../shared/claims]` from the catalogue",
             "# Markdown (read-only, not bundled) and the reviewed REVIEW table of that module; do not edit by hand.",
             "# label: exact | exact-pieces (exact-checkable) | numeric | out | schema; status: the catalogue's tag;",
             "# range: the parameter range the paper states; parts: certificate claim ids counted under this id;",
             "# reason: why the id has no certificate, or only certificates at points, or what stays uncertified;",
             "# coverage: 'points only' where the headline claim is decided at points though a part holds on a range.",
             ""]
    for cid in sorted(entries):
        e = entries[cid]
        lines.append(f"[{_toml_str(cid)}]")
        for key in ("paper", "source", "title", "status", "label", "range", "coverage", "parts", "reason", "note"):
            if key in e:
                v = e[key]
                lines.append(f"{key} = " + ("[" + ", ".join(map(_toml_str, v)) + "]" if isinstance(v, list)
                                            else _toml_str(v)))
        lines.append("")
    return "\n".join(lines)


def build(folder: Path) -> dict[str, dict]:
    entries = read_catalogue(folder)
    unknown = set(REVIEW) - set(entries)
    if unknown:
        raise ValueError(f"REVIEW names ids not in the catalogue: {sorted(unknown)}")
    for cid, extra in REVIEW.items():
        if "label" in extra and extra["label"] not in LABELS:
            raise ValueError(f"REVIEW[{cid}]: unknown label {extra['label']!r}")
        if extra.get("coverage", "points only") != "points only":
            raise ValueError(f"REVIEW[{cid}]: coverage can only be reviewed down to 'points only'")
        entries[cid].update(extra)
    return entries


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m exactbell.generators.catalogue", description=__doc__.split("\n")[0])
    ap.add_argument("claims", nargs="?", default="../shared/claims", help="the catalogue folder (*.md)")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[2] / "proofs" / "catalogue.toml"))
    args = ap.parse_args(argv)
    try:
        entries = build(Path(args.claims))
    except (OSError, ValueError) as e:
        print(f"{args.claims}: {e}", file=sys.stderr)
        return 2
    write_atomic(args.out, render(entries))
    n = sum(e["label"] in EXACT_CHECKABLE for e in entries.values())
    print(f"{args.out}: {len(entries)} claim ids, {n} exact-checkable")
    return 0


if __name__ == "__main__":
    sys.exit(main())
