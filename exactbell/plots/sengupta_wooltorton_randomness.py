"""Sengupta–Wooltorton Figs. 2–4 (C000-21): DI randomness with noisy one-way signaling.

The curves are search-side numerics (Brown–Fawzi–Fawzi lower bounds, :mod:`exactbell.randomness`), read
from ``exactbell/randomness/data/sw_curves.json`` (``python -m exactbell.randomness.curves --out …``
writes it). Markers are kernel-decided: each ``C000-21.hmin.*`` and ``C000-21.bff.m=6.*`` rate certificate (kind
interval) is checked here (``check_file``) and its bracket's low end is a rigorous lower bound on the rate
(min-entropy, or the rounded BFF dual; the rate is at most 1 bit). The paper prints no numbers for these figures: its prose claims are drawn beside them,
with their lines (text of the arXiv version in ../shared/seeds).
"""
from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from . import decided, finish

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[1] / "randomness" / "data" / "sw_curves.json"
PROOFS = ROOT / "proofs" / "sengupta-wooltorton"
COLOURS = {"0.5": "C0", "0.55": "C3", "0.7": "C2", "0.9": "C1"}
BFF = "bff.m=6"
STYLES = {"chsh": ("--", "f_CHSH"), "t_p": (":", "T_p"), "t_qopt": ("-", "T_q_opt")}


def curves() -> dict:
    if not DATA.is_file():
        raise RuntimeError(f"{DATA}: missing; run python -m exactbell.randomness.curves --out {DATA}")
    return json.loads(DATA.read_text())


def certified(method: str = "hmin") -> list:
    """[(f, p, mu, lower bound)] from the decided rate certificates C000-21.<method>.<f>.p=<p>.mu=<mu>
    (``hmin``: min-entropy; ``bff.m=6``: the rounded BFF dual, 6 Gauss-Radau nodes) of kind interval."""
    out = []
    for path in sorted(PROOFS.glob(f"C000-21.{method}.*.json")):
        if ".e=" in path.name or ".t=" in path.name:
            continue
        r, _ = decided(path)
        if r.kind != "interval" or r.verdict != "verified":
            continue
        f, p, mu = path.stem.split(".")[-3:]
        p, mu = (Fraction(t.split("=")[1].replace("_", "/")) for t in (p, mu))
        out.append((f, float(p), float(mu), float(Fraction(r.bracket[0]))))
    return out


def _method(d) -> str:
    m = d["method"]
    return f"BFF, m = {m['m']} Gauss-Radau nodes, {m['moment_matrix']}x{m['moment_matrix']} moment matrix"


def fig2(outdir: Path) -> Path:
    import matplotlib.pyplot as plt

    d = curves()
    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    for p, c in d["fig2"].items():
        for k, (ls, name) in STYLES.items():
            ax.plot(c["mu"], [max(v, 0) for v in c[k]], ls, color=COLOURS.get(p, "k"), label=f"{name}, p = {p}")
    pts = [t for t in certified() if str(t[1]) in d["fig2"]]
    if pts:
        ax.plot([t[2] for t in pts], [t[3] for t in pts], "k^", ms=5,
                label="certified lower bound (kernel: exact SOS dual, min-entropy)")
    pts = [t for t in certified(BFF) if str(t[1]) in d["fig2"]]
    if pts:
        ax.plot([t[2] for t in pts], [t[3] for t in pts], "ks", ms=4, mfc="none",
                label="certified lower bound (kernel: rounded BFF dual, m = 6)")
    ax.set_xlabel("depolarizing noise μ")
    ax.set_ylabel("r_S,p (bits, lower bound)")
    ax.set_title(f"Sengupta–Wooltorton Fig. 2 reproduced ({_method(d)})", fontsize=8)
    ax.text(0.02, 0.02, "paper (L449): q_opt → p at high noise, so T_p and T_q_opt vanish at the same μ",
            transform=ax.transAxes, fontsize=6)
    return finish(fig, ax, outdir, "sengupta_wooltorton_fig2.png", 6)


def fig3(outdir: Path) -> Path:
    import matplotlib.pyplot as plt

    d = curves()
    c = d["fig3"]
    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    for k, (ls, name) in STYLES.items():
        ax.plot(c["p"], [max(v, 0) for v in c[k]], ls, color={"chsh": "C0", "t_p": "C3", "t_qopt": "C2"}[k],
                label=f"{name} (numeric, {_method(d)})")
    pts = [t for t in certified() if t[2] == 0]
    if pts:
        ax.errorbar([t[1] for t in pts], [(t[3] + 1) / 2 for t in pts], yerr=[(1 - t[3]) / 2 for t in pts],
                    fmt="none", ecolor="k", capsize=3, label="certified bracket [H_min dual bound, 1] (kernel)")
        ax.plot([t[1] for t in pts], [t[3] for t in pts], "k^", ms=5)
    pts = [t for t in certified(BFF) if t[2] == 0]
    if pts:
        ax.plot([t[1] for t in pts], [t[3] for t in pts], "ks", ms=4, mfc="none",
                label="certified lower bound (kernel: rounded BFF dual, m = 6)")
    ax.axvline(0.7, color="grey", lw=0.8, ls="-.", label="paper (L451): CHSH rate > 0 only for p ≲ 0.7")
    ax.axhline(1.0, color="grey", lw=0.8, ls=(0, (1, 3)), label="paper (L434, L451): at most 1 bit; T_q_opt near it")
    ax.set_xlabel("p (probability that Bob receives Alice's input)")
    ax.set_ylabel("r_S,p at μ = 0 (bits)")
    ax.set_title("Sengupta–Wooltorton Fig. 3 reproduced", fontsize=9)
    return finish(fig, ax, outdir, "sengupta_wooltorton_fig3.png", 6)


def fig4(outdir: Path) -> Path:
    import matplotlib.pyplot as plt

    d = curves()
    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    for p, c in d["fig2"].items():
        ok = [(m, q) for m, q, r in zip(c["mu"], c["q_opt"], c["t_qopt"]) if r > 1e-6 and q is not None]
        ax.plot([m for m, _ in ok], [q for _, q in ok], "o-", ms=3, color=COLOURS.get(p, "k"), label=f"q_opt, p = {p}")
        ax.axhline(float(p), color=COLOURS.get(p, "k"), lw=0.6, ls="--")
    ax.set_xlabel("depolarizing noise μ (points with a positive rate)")
    ax.set_ylabel("q_opt")
    ax.set_title("Sengupta–Wooltorton Fig. 4 (App. G) reproduced; dashed: q = p, paper L449: q_opt → p "
                 "at high noise", fontsize=7)
    return finish(fig, ax, outdir, "sengupta_wooltorton_fig4.png", 6)


PLOTS = {"sengupta-wooltorton-fig2": fig2, "sengupta-wooltorton-fig3": fig3, "sengupta-wooltorton-fig4": fig4}
