"""Dask (exactbell/distributed.py): the class-parallel adjacency decompositions (the older one,
polytopes/adjacency.py, and the fast engine, polytopes/fastsym.py) on a local 2-worker cluster,
interrupted runs resumed from their checkpoint, and certificate checking with the kernel's
per-certificate limits on the cluster."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from fractions import Fraction

import pytest

from exactbell.cli import main
from exactbell.kernel.limits import RunLimits
from exactbell.kernel.scenario import Scenario
from exactbell.polytopes import models as pm
from exactbell.polytopes.adjacency import (
    classes_adm,
    classes_cdd,
    load_checkpoint,
    save_checkpoint,
)
from exactbell.polytopes.classcert import support_and_group

from .conftest import PROOFS, ROOT, load

distributed = pytest.importorskip("distributed")

GOOD = PROOFS / "wooltorton-brown-colbeck" / "C004-01.local.json"


@pytest.fixture(scope="module")
def client():
    """A local cluster of two single-threaded worker processes, always closed."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, scheduler_port=0,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster, set_as_default=False) as c:
        yield c


@pytest.fixture(scope="module")
def one_way():
    """S_(p,p),(1/2,1/2) at p = 3/4: 64 vertices, 13 facet classes."""
    _, ps, _, group = support_and_group(pm.named_signaling("one-way-symmetric", p=Fraction(3, 4)))
    return ps, group


@pytest.fixture(scope="module")
def uninterrupted(one_way):
    return classes_adm(*one_way)


def interrupt_after(k, how=KeyboardInterrupt):
    def progress(done, known):
        if done >= k:
            if how != "sigterm":
                raise how()
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(10)
            raise AssertionError("SIGTERM did not interrupt the run")
    return progress


def test_one_worker_class_list_is_cdds(one_way, uninterrupted):
    ps, group = one_way
    assert len(uninterrupted) == 13 and all(isinstance(v, int) for v in uninterrupted.values())
    assert set(uninterrupted) == set(classes_cdd(ps, group))


def test_two_dask_workers_give_the_same_classes_and_ridge_counts(client, one_way, uninterrupted):
    assert classes_adm(*one_way, client=client) == uninterrupted


def test_interrupted_dask_run_resumes_to_the_same_class_list(client, one_way, uninterrupted, tmp_path):
    ckpt = tmp_path / "classes.json"
    with pytest.raises(KeyboardInterrupt):
        classes_adm(*one_way, client=client, checkpoint=ckpt, progress=interrupt_after(4))
    assert os.listdir(tmp_path) == ["classes.json"]  # no temporary file left behind
    saved = load_checkpoint(ckpt, *one_way)
    processed = [T for T, v in saved.items() if v is not None]
    assert len(processed) == 4 and not json.loads(ckpt.read_text())["complete"]
    assert all(saved[T] == uninterrupted[T] for T in processed)
    assert classes_adm(*one_way, client=client, resume=ckpt) == uninterrupted
    assert json.loads(ckpt.read_text())["complete"] and load_checkpoint(ckpt, *one_way) == uninterrupted


def test_a_killed_worker_costs_only_its_tasks(client, one_way, uninterrupted):
    """SIGKILL one worker process mid-run: the scheduler reruns its classes elsewhere."""
    killed = []

    def progress(done, known):
        if done == 2 and not killed:
            pid = next(iter(client.run(os.getpid).values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    assert classes_adm(*one_way, client=client, progress=progress) == uninterrupted and killed
    client.wait_for_workers(2, timeout=60)  # the nanny restarts it for the next tests


def test_sigterm_writes_the_checkpoint_and_resuming_in_process_completes(one_way, uninterrupted, tmp_path):
    from exactbell.distributed import sigterm_as_interrupt

    ckpt = tmp_path / "c.json"
    with sigterm_as_interrupt(), pytest.raises(KeyboardInterrupt):
        classes_adm(*one_way, checkpoint=ckpt, progress=interrupt_after(6, "sigterm"))
    assert sum(v is not None for v in load_checkpoint(ckpt, *one_way).values()) == 6
    assert classes_adm(*one_way, resume=ckpt) == uninterrupted


def test_a_checkpoint_of_another_polytope_or_a_forged_class_is_refused(one_way, uninterrupted, tmp_path):
    ckpt = tmp_path / "c.json"
    save_checkpoint(ckpt, *one_way, uninterrupted)
    _, ps, _, group = support_and_group(pm.local(Scenario((2, 2), (2, 2))))
    with pytest.raises(ValueError, match=r"c\.json: polytope: the checkpoint was written for a different"):
        classes_adm(ps, group, resume=ckpt)
    obj = json.loads(ckpt.read_text())
    T = obj["classes"][0]["tight"]
    obj["classes"][0]["tight"] = T[::-1]
    ckpt.write_text(json.dumps(obj))
    with pytest.raises(ValueError, match=r"classes\[0\]\.tight: not the canonical form"):
        load_checkpoint(ckpt, *one_way)
    ckpt.write_text("{")
    with pytest.raises(ValueError, match=r"c\.json: <file>: not a readable JSON checkpoint"):
        load_checkpoint(ckpt, *one_way)


def _slow_certificate(tmp_path):
    cert = load(GOOD)
    cert["data"]["scenario"] = {"inputs": [4] * 5, "outputs": [2] * 5}  # 2^16 front strategies: minutes
    path = tmp_path / "slow.json"
    path.write_text(json.dumps(cert))
    return path


def test_checking_on_dask_keeps_the_kernel_limits_and_the_order(client, tmp_path):
    from exactbell.distributed import check_on_dask

    dup = tmp_path / "dup.json"
    dup.write_text('{"id": 1, "id": 2}')
    paths = [GOOD, _slow_certificate(tmp_path), dup, GOOD]
    seen = []
    rows = check_on_dask(paths, client, RunLimits(seconds=12, memory_mb=1024), lambda i, r: seen.append(i))
    assert sorted(seen) == [0, 1, 2, 3]
    assert [r.passed for r in rows] == [True, False, False, True]
    assert [r.path for r in rows] == [str(p) for p in paths]
    assert rows[1].verdict == "error" and "wall-clock limit of 12 s exceeded" in rows[1].detail
    assert "dup.json: id: duplicate key" in rows[2].detail


def test_cli_check_on_a_scheduler(client, tmp_path, capsys):
    dup = tmp_path / "dup.json"
    dup.write_text('{"id": 1, "id": 2}')
    code = main(["check", "--scheduler", client.scheduler_info()["address"], str(GOOD), str(dup)])
    out = capsys.readouterr().out
    assert code == 1 and out.strip().endswith("1 passed, 1 failed") and f"FAIL {dup}: id: duplicate key" in out


def test_cli_polytope_adm_on_a_scheduler_with_a_checkpoint(client, tmp_path, capsys):
    ckpt = tmp_path / "c.json"
    args = ["polytope", "signaling", "--named", "one-way-symmetric", "--param", "p=3/4", "--classes",
            "--method", "adm", "--json"]
    assert main(args + ["--scheduler", client.scheduler_info()["address"], "--checkpoint", str(ckpt)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["class_count"] == 13 and json.loads(ckpt.read_text())["complete"]
    assert main(args + ["--workers", "1", "--resume", str(ckpt)]) == 0  # a complete checkpoint: nothing to do
    assert json.loads(capsys.readouterr().out)["classes"] == report["classes"]


@pytest.mark.parametrize("extra, words", [
    (["--method", "adm", "--workers", "1", "--resume", "missing.json"], "missing.json: <file>: not a readable"),
    (["--method", "cdd", "--checkpoint", "c.json"], "--checkpoint and --resume need --method fast or adm"),
    (["--method", "adm", "--workers", "0"], "--workers must be at least 1"),
])
def test_cli_polytope_bad_adm_options_get_one_line(tmp_path, capsys, monkeypatch, extra, words):
    monkeypatch.chdir(tmp_path)
    code = main(["polytope", "local", "--scenario", "2,2:2,2", "--classes"] + extra)
    err = capsys.readouterr().err.strip()
    assert code == 2 and words in err and "\n" not in err


def test_default_check_runs_without_dask():
    code = ("import sys; sys.modules['dask'] = sys.modules['distributed'] = None\n"
            "from exactbell.cli import main\n"
            f"sys.exit(main(['check', '-j', '1', {str(GOOD)!r}]))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0 and done.stdout.strip().endswith("1 passed, 0 failed"), done.stderr
    code = code.replace(f"'check', '-j', '1', {str(GOOD)!r}", f"'check', '--scheduler', 'tcp://x:1', {str(GOOD)!r}")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 2 and "needs dask.distributed" in done.stderr and done.stderr.count("\n") == 1


def _processed(method, checkpoint) -> int:
    """Classes marked processed in a checkpoint of either engine."""
    if method == "adm":
        return [c["ridges"] is not None for c in checkpoint["classes"]].count(True)
    return len(checkpoint["processed"])


@pytest.mark.parametrize("method, module, task", [("adm", "adjacency", "neighbours"), ("fast", "fastsym", "_work")])
def test_cli_interrupted_classification_resumes_to_the_same_report(tmp_path, capsys, monkeypatch, method, module,
                                                                  task):
    import importlib

    engine = importlib.import_module(f"exactbell.polytopes.{module}")
    args = ["polytope", "signaling", "--named", "one-way-symmetric", "--param", "p=3/4", "--classes",
            "--method", method, "--workers", "1", "--json"]
    assert main(args) == 0
    full = json.loads(capsys.readouterr().out)
    real, calls = getattr(engine, task), []

    def interrupted(context, T):
        if len(calls) == 5:
            raise KeyboardInterrupt
        calls.append(T)
        return real(context, T)

    ckpt = tmp_path / "c.json"
    monkeypatch.setattr(engine, task, interrupted)
    assert main(args + ["--checkpoint", str(ckpt)]) == 130
    out = capsys.readouterr()
    assert out.out == "" and out.err.strip() == f"exactbell polytope: interrupted; continue with --resume {ckpt}"
    assert _processed(method, json.loads(ckpt.read_text())) == 5
    monkeypatch.setattr(engine, task, real)
    assert main(args + ["--resume", str(ckpt)]) == 0
    assert json.loads(capsys.readouterr().out) == full


# ---------------------------------------------------------------------------------------------
# the fast engine (polytopes/fastsym.py) on Dask, resumable

def fast_result(res) -> tuple:
    """What a fast classification decides: the classes in order, the ridge lists, completeness."""
    return res["classes"], res["ridges"], res["complete"]


@pytest.fixture(scope="module")
def fast_in_process(one_way):
    from exactbell.polytopes.fastsym import classify

    return fast_result(classify(*one_way))


def test_fast_engine_on_the_cluster_equals_in_process(client, one_way, fast_in_process, uninterrupted):
    from exactbell.polytopes.fastsym import classify

    classes, ridges, complete = fast_in_process
    assert complete and len(classes) == 13 and set(classes) == set(uninterrupted) and len(ridges) == 13
    assert fast_result(classify(*one_way, client=client)) == fast_in_process


@pytest.mark.parametrize("where", ["cluster", "in-process"])
def test_interrupted_fast_run_resumes_to_the_identical_result(client, one_way, fast_in_process, tmp_path, where):
    from exactbell.polytopes import fastsym

    on = {"client": client} if where == "cluster" else {}
    ckpt = tmp_path / "classes.json"
    with pytest.raises(KeyboardInterrupt):
        fastsym.classify(*one_way, checkpoint=ckpt, progress=interrupt_after(4), **on)
    assert os.listdir(tmp_path) == ["classes.json"]  # no temporary file left behind
    obj = json.loads(ckpt.read_text())
    assert obj["format"] == "exactbell-fastsym-checkpoint" and not obj["complete"] and len(obj["processed"]) == 4
    found, raw = fastsym.load_checkpoint(ckpt, *one_way)
    classes = fast_in_process[0]
    assert found[0] == classes[0] and set(found) <= set(classes) and len(raw) == 4
    res = fastsym.classify(*one_way, resume=ckpt, **on)
    assert fast_result(res) == fast_in_process
    assert json.loads(ckpt.read_text())["complete"]
    found, raw = fastsym.load_checkpoint(ckpt, *one_way)
    assert sorted(found) == sorted(classes) and len(raw) == 13


def test_a_fast_checkpoint_of_another_engine_or_forged_is_refused(one_way, tmp_path, uninterrupted):
    from exactbell.polytopes import fastsym

    ckpt = tmp_path / "c.json"
    save_checkpoint(ckpt, *one_way, uninterrupted)  # the older engine's checkpoint
    with pytest.raises(ValueError, match=r"c\.json: format: not a version 1 exactbell-fastsym-checkpoint file"):
        fastsym.classify(*one_way, resume=ckpt)
    with pytest.raises(KeyboardInterrupt):
        fastsym.classify(*one_way, checkpoint=ckpt, progress=interrupt_after(3))
    good = json.loads(ckpt.read_text())
    for field, forge, words in [
        ("classes", lambda o: o["classes"][0].reverse(), r"classes\[0\]: not the canonical form"),
        ("classes", lambda o: o["classes"].append(o["classes"][0]), r"classes: a class is listed twice"),
        ("processed", lambda o: o["processed"][1][1][0].__setitem__(0, len(o["classes"])), r"processed\[1\]: needs"),
        ("processed", lambda o: o["processed"].append(o["processed"][0]), r"processed\[3\]: needs"),
    ]:
        obj = json.loads(json.dumps(good))
        forge(obj)
        ckpt.write_text(json.dumps(obj))
        with pytest.raises(ValueError, match=words):
            fastsym.load_checkpoint(ckpt, *one_way)




def test_cli_polytope_fast_on_a_scheduler_with_a_checkpoint(client, tmp_path, capsys):
    ckpt = tmp_path / "c.json"
    args = ["polytope", "signaling", "--named", "one-way-symmetric", "--param", "p=3/4", "--classes", "--json"]
    assert main(args + ["--scheduler", client.scheduler_info()["address"], "--checkpoint", str(ckpt)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["method"] == "fast" and report["class_count"] == 13 and json.loads(ckpt.read_text())["complete"]
    assert main(args + ["--workers", "1", "--resume", str(ckpt)]) == 0  # a complete checkpoint: nothing to do
    assert json.loads(capsys.readouterr().out)["classes"] == report["classes"]


def test_fast_engine_on_one_worker_runs_without_dask(tmp_path):
    ckpt = tmp_path / "c.json"
    code = ("import sys; sys.modules['dask'] = sys.modules['distributed'] = None\n"
            "from exactbell.cli import main\n"
            "sys.exit(main(['polytope', 'local', '--scenario', '2,2:2,2', '--classes', '--workers', '1', "
            f"'--checkpoint', {str(ckpt)!r}, '--json']))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["class_count"] == 2, done.stderr
    assert json.loads(ckpt.read_text())["complete"]
