"""Extraction on a real dask.distributed LocalCluster (two worker processes on 127.0.0.1)."""
from __future__ import annotations

import pytest

from kg import pipeline
from kg.store import open_store
from tests.test_pipeline import fake_process, quads, write_corpus

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    import cloudpickle
    import tests.test_pipeline as tp
    cloudpickle.register_pickle_by_value(tp)     # workers need not import the tests package
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as lc:
        yield lc
    cloudpickle.unregister_pickle_by_value(tp)


def test_dask_build_equals_single_process_build(tmp_path, cluster):
    corpus = write_corpus(tmp_path / "c.jsonl", 60)
    with open_store(str(tmp_path / "one")) as one, open_store(str(tmp_path / "dask")) as dk:
        s1 = pipeline.build([str(corpus)], one, process_fn=fake_process, workers=1)
        sd = pipeline.build([str(corpus)], dk, process_fn=fake_process, dask=cluster.scheduler_address)
        assert sd.engine == "dask" and sd.workers == 2
        assert (s1.stored, s1.relations) == (sd.stored, sd.relations)
        assert quads(one) == quads(dk)
        again = pipeline.build([str(corpus)], dk, process_fn=fake_process,
                               dask=cluster.scheduler_address)
        assert (again.stored, again.unchanged) == (0, 60)


def test_unreachable_scheduler_is_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "DASK_CONNECT_TIMEOUT", 2)
    from kg.errors import KGError
    from kg.serve import free_port
    corpus = write_corpus(tmp_path / "c.jsonl", 2)
    with open_store(str(tmp_path / "s")) as st, pytest.raises(KGError, match="Dask scheduler") as err:
        pipeline.build([str(corpus)], st, process_fn=fake_process,
                       dask=f"tcp://127.0.0.1:{free_port()}")
    assert "\n" not in str(err.value)


def test_cli_build_on_dask_equals_local_build(tmp_path, cluster, examples_dir):
    pytest.importorskip("kg.extract", reason="extractor not installed")
    from kg.extract import extract  # noqa: F401
    from click.testing import CliRunner
    from kg.cli import cli
    run = CliRunner().invoke
    r = run(cli, ["build", str(examples_dir), "--store", str(tmp_path / "dask"),
                  "--dask", cluster.scheduler_address])
    assert r.exit_code == 0, r.output
    assert "dask x2" in r.output
    r = run(cli, ["build", str(examples_dir), "--store", str(tmp_path / "one"), "--workers", "1"])
    assert r.exit_code == 0, r.output
    with open_store(str(tmp_path / "one"), read_only=True) as one, \
            open_store(str(tmp_path / "dask"), read_only=True) as dk:
        assert quads(one) == quads(dk)
