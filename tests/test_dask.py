"""Corpus on dask.distributed: a LocalCluster of 2 worker processes gives the local run's tables."""

from __future__ import annotations

import pandas as pd
import pytest
from test_corpus import write_pages

from analysis.corpus import Corpus

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask-pages")
    write_pages(folder, 5, seed=7)
    return folder


def test_local_cluster_equals_local_run(pages, tmp_path):
    from distributed import Client, LocalCluster

    local = Corpus(pages, cache_dir=tmp_path / "local").process()
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        # the analyst's scheduler address; the corpus connects its own client to it
        on_dask = Corpus(pages, cache_dir=tmp_path / "dask", batch_pages=2)
        on_dask.process_dask(scheduler=cluster.scheduler_address)
        assert on_dask.last_run.processed == local.page_ids
        assert on_dask.last_run.batches == 3
        workers_used = {
            w["id"] for w in client.scheduler_info()["workers"].values() if w.get("id") is not None
        }
        assert len(workers_used) == 2
        for name in local.tables:
            pd.testing.assert_frame_equal(on_dask.read(name), local.read(name))
        # the partitioned Parquet read back on the cluster, one partition per batch
        lazy = on_dask.to_dask("tokens")
        assert lazy.npartitions == 3
        computed = client.compute(lazy).result().reset_index(drop=True)
        pd.testing.assert_frame_equal(computed, local.tokens())
        # a second run finds everything cached
        on_dask.process_dask(scheduler=client)
        assert on_dask.last_run.processed == [] and on_dask.last_run.cached == local.page_ids
    assert cluster.status.name == "closed"


def test_default_local_cluster_is_closed(pages, tmp_path):
    import distributed

    corpus = Corpus(pages, cache_dir=tmp_path / "own", tables=("articles",))
    corpus.process_dask(n_workers=2)
    assert corpus.last_run.processed == corpus.page_ids
    with pytest.raises(ValueError, match="No global client"):
        distributed.get_client()  # the corpus closed its own client and cluster
    pd.testing.assert_frame_equal(
        corpus.articles(),
        Corpus(pages, cache_dir=tmp_path / "ref", tables=("articles",)).process().articles(),
    )
