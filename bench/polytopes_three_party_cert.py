"""Complete class list of the three-party two-input two-output local polytope with the scalable
completeness data (ridge neighbours), written to bench/out/, with timings of the PRODUCER only.

The file written here is a schema-1 producer dump (kind ``polytope-classes``) that no checker
decides: this bench measures generation, not checking. (The kernel's ``classes`` kind takes the
three-party ``local`` model; writing its schema-2 certificate from this data is not done yet.)

    nice -n 5 /tmp/tv/bin/python bench/polytopes_three_party_cert.py
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from exactbell.certificates.format import envelope, write_atomic
from exactbell.kernel.scenario import Scenario
from exactbell.polytopes import models as pm
from exactbell.polytopes.classcert import ridge_classes_data

OUT = Path(__file__).resolve().parent / "out" / "local-222-222.classes.json"


def main():
    t = time.perf_counter()
    data = {"model": "local", "scenario": {"inputs": [2, 2, 2], "outputs": [2, 2, 2]}}
    data.update(ridge_classes_data(pm.local(Scenario((2, 2, 2), (2, 2, 2))), workers=2))
    t_gen = time.perf_counter() - t
    cert = envelope("local-222-222.classes", "C000-04", "sengupta-wooltorton", "bench (not a paper claim)",
                    "Facet classes of the 3-party 2-input 2-output local polytope (Sliwa 2003: 46 classes).",
                    "polytope-classes", {"verdict": "verified"}, {"classes": "computed symmetry group"}, data)
    write_atomic(OUT, json.dumps(cert, indent=None))
    print(f"classes {len(data['classes'])}, facets {data['facets']}, ridges "
          f"{sum(len(c['ridges']) for c in data['classes'])}, size {OUT.stat().st_size} B")
    print(f"generate {t_gen:.1f}s (producer only: the kernel has no three-party local model, so the "
          f"written file is not checked)")


if __name__ == "__main__":
    main()
