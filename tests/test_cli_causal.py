"""`exactbell causal-bound FILE` on user correlation functions."""
import json
from fractions import Fraction

from exactbell.causal.polytope import causal_vertices
from exactbell.cli import main
from exactbell.kernel.scenario import Scenario


def test_causal_bound_of_a_user_file_matches_the_vertex_maximum(tmp_path, capsys):
    terms = [{"a": [0, 0], "x": [0, 0], "value": "1/4"}, {"a": [1, 1], "x": [1, 1], "value": "1/4"},
             {"a": [0, 1], "x": [1, 0], "value": "-1/3"}]
    f = tmp_path / "alpha.json"
    f.write_text(json.dumps({"scenario": {"inputs": [2, 2], "outputs": [2, 2]}, "terms": terms}))
    assert main(["causal-bound", str(f)]) == 0
    out = json.loads(capsys.readouterr().out)
    sc = Scenario((2, 2), (2, 2))
    weights = {(tuple(t["a"]), tuple(t["x"])): Fraction(t["value"]) for t in terms}
    best = max(sum(w * v.p(a, x) for (a, x), w in weights.items()) for v in causal_vertices(sc))
    assert Fraction(out["causal_bound"]) == best and out["vertices"] == 112


def test_causal_bound_rejects_floats_with_a_clear_line(tmp_path, capsys):
    f = tmp_path / "bad.json"
    f.write_text('{"scenario": {"inputs": [2, 2], "outputs": [2, 2]}, "coefficients": [0.5]}')
    assert main(["causal-bound", str(f)]) == 2
    assert "coefficients[0]: float literal 0.5" in capsys.readouterr().err
