"""The extraction worker pool (:mod:`newsbot.workers`): its size from the setting, pages
extracted in other processes with the records the crawl process would make, a worker killed
under the pool costing no page, and a page that kills its worker never run in the crawl
process."""
from __future__ import annotations

import asyncio
import logging
import os
import signal
import time

from support import HARBOUR_ARTICLE, NEWS_URL, html_doc, paragraphs

from newsbot.extraction import extract_article
import pytest

from newsbot.workers import ExtractionPool, ExtractionTimeout, WorkerDied, _extract, worker_count

PAGES = [(f"{NEWS_URL}-{n}", html_doc(f"<title>Story {n}</title>",
                                      f"<article><h1>Story {n}</h1>{paragraphs(3 + n % 4, f'item {n}')}</article>").encode())
         for n in range(12)] + [(NEWS_URL, HARBOUR_ARTICLE)]


def test_the_pool_has_one_worker_a_core_by_default():
    assert worker_count(-1) == len(os.sched_getaffinity(0))
    assert worker_count(0) == 0 and worker_count(3) == 3


def _fields(ex):
    return ex.record, ex.provenance, ex.is_article, ex.encoding


def test_pages_are_extracted_in_worker_processes_as_in_the_crawl_process():
    pool = ExtractionPool(2)

    async def all_pages():
        return await asyncio.gather(*(pool.extract(html=body, url=url) for url, body in PAGES))

    try:
        got = asyncio.run(all_pages())
        workers = set(pool.pids)
    finally:
        pool.close()
    assert workers and os.getpid() not in workers and len(workers) <= 2
    assert [_fields(ex) for ex in got] == [_fields(extract_article(body, url)) for url, body in PAGES]
    assert got[-1].record["title"] == "Harbour cranes return to the north quay"


def test_workers_start_as_pages_find_the_live_ones_busy_not_all_on_the_first_page():
    pool = ExtractionPool(8)
    url, body = PAGES[-1]
    try:
        asyncio.run(pool.extract(html=body, url=url))
        one = list(pool.pids)
        asyncio.run(pool.extract(html=body, url=url))  # the worker is idle again: it takes the page
        still = list(pool.pids)

        async def three():
            return await asyncio.gather(*(pool.extract(html=b, url=u) for u, b in PAGES[:3]))

        asyncio.run(three())
        busy = list(pool.pids)
    finally:
        pool.close()
    assert len(one) == 1 and still == one
    assert len(busy) == 3 and busy[0] == one[0]  # each page that found every worker busy started one


def test_a_killed_worker_costs_no_page_and_the_pool_starts_again():
    pool = ExtractionPool(1)
    url, body = PAGES[-1]
    try:
        first = asyncio.run(pool.extract(html=body, url=url))
        [pid] = pool.pids
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):  # its fork server reaps it
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        again = asyncio.run(pool.extract(html=body, url=url))  # tried again in a worker of its own
        later = asyncio.run(pool.extract(html=body, url=url))  # in the pool's new worker
        [new] = pool.pids
        assert new != pid
    finally:
        pool.close()
    assert _fields(first) == _fields(again) == _fields(later)
    assert first.record["title"] == "Harbour cranes return to the north quay"


def test_no_worker_extracts_in_the_crawl_process():
    pool = ExtractionPool(0)
    url, body = PAGES[0]
    assert _fields(asyncio.run(pool.extract(html=body, url=url))) == _fields(extract_article(body, url))
    assert pool.pids == []


def _poisoned(kwargs):
    """What a worker runs in the test below: a page whose URL says poison kills its worker
    (as a crash in a C library would), others are extracted."""
    if "poison" in kwargs["url"]:
        os._exit(7)
    return _extract(kwargs)


def test_a_page_that_kills_its_worker_fails_alone_and_never_runs_in_the_crawl_process():
    died = []
    pool = ExtractionPool(2, function=_poisoned, on_death=died.append)
    url, body = PAGES[-1]

    async def together():
        return await asyncio.gather(pool.extract(html=body, url=url + "-poison"),
                                    *(pool.extract(html=b, url=u) for u, b in PAGES[:4]),
                                    return_exceptions=True)

    try:
        poisoned, *others = asyncio.run(together())
        afterwards = asyncio.run(pool.extract(html=body, url=url))
    finally:
        pool.close()
    assert isinstance(poisoned, WorkerDied) and str(poisoned) == f"{url}-poison: its extraction worker died twice"
    assert pool.deaths == 2 and len(died) == 2  # the shared worker, then the page's own
    assert died[0] >= 1 and died[1] == 1  # pages under way in each
    assert [_fields(ex) for ex in others] == [_fields(extract_article(b, u)) for u, b in PAGES[:4]]
    assert afterwards.record["title"] == "Harbour cranes return to the north quay"


def _collector(kwargs):
    """What a worker runs in the test below: its collector's thresholds and frozen objects."""
    import gc

    return gc.get_threshold(), gc.get_freeze_count()


def test_a_worker_starts_with_a_quiet_collector():
    from newsbot.workers import YOUNG_COLLECTION_THRESHOLD

    pool = ExtractionPool(1, function=_collector)
    try:
        threshold, frozen = asyncio.run(pool.extract())
    finally:
        pool.close()
    assert threshold[0] >= YOUNG_COLLECTION_THRESHOLD and frozen > 1000  # the extraction code's objects


def _parent(pid: int) -> int:
    with open(f"/proc/{pid}/stat", "rb") as fh:
        return int(fh.read().rsplit(b")", 1)[1].split()[1])


def test_start_runs_the_fork_server_before_the_first_page_and_the_workers_come_from_it():
    import multiprocessing.forkserver

    url, body = PAGES[-1]
    pool = ExtractionPool(1)
    try:
        pool.start()
        server = multiprocessing.forkserver._forkserver._forkserver_pid
        assert server is not None and pool.pids == []  # the server runs, no worker yet
        os.kill(server, 0)
        got = asyncio.run(pool.extract(html=body, url=url))
        [pid] = pool.pids
        assert _parent(pid) == server
    finally:
        pool.close()
    assert got.record["title"] == "Harbour cranes return to the north quay"
    idle = ExtractionPool(0)
    idle.start()  # extracts in this process: nothing to start
    assert idle.pids == [] and asyncio.run(idle.extract(html=body, url=url)).record == got.record


def test_a_page_larger_than_the_socket_buffers_arrives_whole():
    url = f"{NEWS_URL}-long"
    body = html_doc("<title>A long page</title>", "<!-- " + "padding " * 500_000 + "-->"
                    f"<article><h1>A long page</h1>{paragraphs(4, 'long')}</article>").encode()
    pool = ExtractionPool(1)

    async def twice():
        return await asyncio.gather(pool.extract(html=body, url=url), pool.extract(html=body, url=url))

    try:
        first, second = asyncio.run(twice())
    finally:
        pool.close()
    assert len(body) > 4_000_000
    assert _fields(first) == _fields(second) == _fields(extract_article(body, url))
    assert first.record["title"] == "A long page"


def _failing(kwargs):
    """What a worker runs in the test below: a page that raises."""
    raise ValueError(f"cannot read {kwargs['url']}")


def test_an_exception_in_a_worker_is_raised_where_the_page_is_awaited():
    pool = ExtractionPool(1, function=_failing)
    try:
        with pytest.raises(ValueError, match="cannot read https://") as raised:
            asyncio.run(pool.extract(html=b"<p>x</p>", url=NEWS_URL))
        [pid] = pool.pids
        with pytest.raises(ValueError):
            asyncio.run(pool.extract(html=b"<p>y</p>", url=NEWS_URL))
        assert pool.pids == [pid]  # the worker lives on
    finally:
        pool.close()
    assert "in _failing" in str(raised.value.__cause__)


def test_the_pool_logs_its_first_worker_death_at_warning_and_the_others_at_debug(caplog):
    import logging

    pool = ExtractionPool(1, function=_poisoned)
    url, body = PAGES[-1]
    caplog.set_level(logging.DEBUG, logger="newsbot.workers")
    try:
        with pytest.raises(WorkerDied):
            asyncio.run(pool.extract(html=body, url=url + "-poison"))
    finally:
        pool.close()
    deaths = [r for r in caplog.records if r.name == "newsbot.workers" and "worker died" in r.getMessage()]
    assert [r.levelno for r in deaths] == [logging.WARNING, logging.DEBUG]
    assert deaths[0].getMessage().startswith("An extraction worker died with 1 pages under way")


def test_a_page_whose_worker_dies_twice_is_dropped_and_counted_by_the_pipeline(caplog):
    import logging

    from scrapy.exceptions import DropItem
    from scrapy.utils.test import get_crawler

    from newsbot import settings as project_settings
    from newsbot.pipelines import ExtractPipeline
    from newsbot.stats import summary

    settings = {k: v for k, v in vars(project_settings).items() if k.isupper() and k != "TWISTED_REACTOR"}
    crawler = get_crawler(settings_dict={**settings, "NEWSBOT_EXTRACT_WORKERS": 1})
    pipeline = ExtractPipeline(crawler)
    pipeline.pool.function = _poisoned
    url, body = PAGES[-1]
    caplog.set_level(logging.DEBUG, logger="newsbot.pipelines")

    async def pages():
        lost = []
        for n in range(2):
            try:
                await pipeline.process_item({"url": f"{url}-poison-{n}", "body": body})
            except DropItem as exc:
                lost.append(str(exc))
        return lost, await pipeline.process_item({"url": url, "body": body})

    try:
        lost, record = asyncio.run(pages())
    finally:
        pipeline.close_spider()
    assert lost == [f"worker_died: {url}-poison-{n}: its extraction worker died twice" for n in range(2)]
    assert record["title"] == "Harbour cranes return to the north quay"
    stats = crawler.stats.get_stats()
    assert stats["newsbot/workers/died"] == 4 and stats["newsbot/dropped/worker_died"] == 2
    deaths = [r for r in caplog.records if "worker died" in r.getMessage()]
    assert [r.levelno for r in deaths] == [logging.WARNING] + [logging.DEBUG] * 3
    status, line = summary("x", {**stats, "item_scraped_count": 1, "finish_reason": "finished"})
    assert status == 1 and "pages lost to extraction workers that died: 2" in line


def _stalling(kwargs):
    """What a worker runs in the tests below: a page whose URL says stall never ends (as one
    that takes libxml2 minutes), others are extracted."""
    if "stall" in kwargs["url"]:
        time.sleep(3600)
    return _extract(kwargs)


def test_a_page_past_the_deadline_fails_alone_and_its_worker_is_replaced():
    died = []
    pool = ExtractionPool(1, function=_stalling, on_death=died.append, timeout=3.0)
    url, body = PAGES[-1]

    async def together():
        # one worker holds the stalling page and the next; both more pages wait for it
        return await asyncio.gather(pool.extract(html=body, url=url + "-stall"),
                                    *(pool.extract(html=b, url=u) for u, b in PAGES[:3]),
                                    return_exceptions=True)

    try:
        started = time.monotonic()
        stalled, *others = asyncio.run(together())
        waited = time.monotonic() - started
        afterwards = asyncio.run(pool.extract(html=body, url=url))
    finally:
        pool.close()
    assert isinstance(stalled, ExtractionTimeout)
    assert str(stalled) == f"{url}-stall: its extraction took longer than 3 seconds"
    assert [_fields(ex) for ex in others] == [_fields(extract_article(b, u)) for u, b in PAGES[:3]]
    assert afterwards.record["title"] == "Harbour cranes return to the north quay"
    assert pool.deaths == 0 and died == []  # killed for its page, not died
    assert 3.0 <= waited < 60


def test_the_deadline_runs_from_when_a_worker_starts_its_page():
    pool = ExtractionPool(1, function=_slow, timeout=3.0)

    async def queued():
        return await asyncio.gather(*(pool.extract(url=f"{NEWS_URL}-{n}") for n in range(3)))

    try:
        asyncio.run(pool.extract(url=NEWS_URL))  # the worker started: its start is not a page's time
        done = asyncio.run(queued())
    finally:
        pool.close()
    # the second page waits 2 s in the worker, then takes 2: late if timed from when it was sent,
    # a second early if timed from its start (room for a loaded machine)
    assert done == [f"{NEWS_URL}-{n}" for n in range(3)]


def _slow(kwargs):
    """What a worker runs in the test above: 2 s a page."""
    time.sleep(2.0)
    return kwargs["url"]


def test_a_page_past_the_deadline_is_dropped_and_fails_the_run(caplog):
    import logging

    from scrapy.exceptions import DropItem
    from scrapy.utils.test import get_crawler

    from newsbot import settings as project_settings
    from newsbot.pipelines import ExtractPipeline
    from newsbot.stats import summary

    settings = {k: v for k, v in vars(project_settings).items() if k.isupper() and k != "TWISTED_REACTOR"}
    crawler = get_crawler(settings_dict={**settings, "NEWSBOT_EXTRACT_WORKERS": 1, "NEWSBOT_EXTRACT_TIMEOUT": 3})
    pipeline = ExtractPipeline(crawler)
    pipeline.pool.function = _stalling
    url, body = PAGES[-1]

    async def pages():
        with pytest.raises(DropItem) as dropped:
            await pipeline.process_item({"url": f"{url}-stall", "body": body})
        return str(dropped.value), await pipeline.process_item({"url": url, "body": body})

    try:
        lost, record = asyncio.run(pages())
    finally:
        pipeline.close_spider()
    assert lost == f"extraction_timeout: {url}-stall: its extraction took longer than 3 seconds"
    [logged] = [r for r in caplog.records if "extraction_timeout" in r.getMessage()]
    assert logged.levelno == logging.WARNING and logged.getMessage().startswith(
        f"Dropped {url}-stall: its extraction took longer than 3 seconds (extraction_timeout)")
    assert record["title"] == "Harbour cranes return to the north quay"
    stats = crawler.stats.get_stats()
    assert stats["newsbot/dropped/extraction_timeout"] == 1 and "newsbot/workers/died" not in stats
    status, line = summary("article", {**stats, "finish_reason": "finished"})
    assert status == 1 and "pages dropped as their extraction passed NEWSBOT_EXTRACT_TIMEOUT: 1" in line


def test_a_ctrl_c_reaching_the_workers_costs_no_worker():
    """A Ctrl-C in a terminal goes to the crawl's whole process group: the crawl answers it, its
    workers and their fork server go on (they would die of it, printing a traceback)."""
    pool = ExtractionPool(1)
    url, body = PAGES[-1]
    try:
        asyncio.run(pool.extract(html=body, url=url))
        [pid] = pool.pids
        os.kill(pid, signal.SIGINT)
        time.sleep(0.2)
        again = asyncio.run(pool.extract(html=body, url=url))
    finally:
        pool.close()
    assert pool.pids == [] and pool.deaths == 0
    assert again.record["title"] == "Harbour cranes return to the north quay"


def test_an_idle_worker_that_dies_is_logged_as_losing_nothing(caplog):
    pool = ExtractionPool(1)
    pool.deaths = 1
    with caplog.at_level(logging.DEBUG, logger="newsbot.workers"):
        pool._log_death(0)
        pool._log_death(2)
    assert [r.getMessage().split(": ", 1)[1] for r in caplog.records] == [
        "none was lost; another is started when a page needs it; further deaths are logged at DEBUG",
        "each is tried once more in a worker of its own, and dropped (worker_died) when that one dies too; "
        "further deaths are logged at DEBUG"]
