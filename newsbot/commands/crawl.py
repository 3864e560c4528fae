"""``scrapy crawl`` for newsbot: arguments and settings are checked before the crawl starts
(one line and exit 2 when bad) and the run ends with a summary line and its exit status
(:mod:`newsbot.runs`). The ``JOBDIR`` of a run that finished is cleared
(:func:`clear_finished_job`)."""
from __future__ import annotations

import contextlib
import shutil
import sys
from pathlib import Path

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from ..runs import BAD_ARGUMENTS, check_settings, summarize


class Command(ScrapyCrawl):
    def process_options(self, args, opts):
        """``-o`` / ``-O`` replace the project's default feed instead of adding to it (Scrapy
        merges dict settings by priority, which would also write under ``output/``); then the
        settings (:func:`newsbot.runs.check_settings`) and the spider's arguments are checked:
        one line and exit 2 when one is bad."""
        if opts.output or opts.overwrite_output:
            self.settings.set("FEEDS", {}, priority="cmdline")
            feeds = self.settings.attributes["FEEDS"].value
            for uri in list(feeds):
                feeds.delete(uri, priority="cmdline")
        super().process_options(args, opts)
        # before Scrapy builds the crawler process, which configures logging from LOG_LEVEL
        # and logs its start: a refusal is then the only line on stderr
        try:
            check_settings(self.settings)
            if len(args) == 1:
                from scrapy.spiderloader import get_spider_loader

                try:
                    spidercls = get_spider_loader(self.settings).load(args[0])
                except KeyError:
                    spidercls = None  # reported by run()
                if hasattr(spidercls, "check_arguments"):
                    spidercls.check_arguments(**opts.spargs)
        except ValueError as exc:
            print(f"newsbot: {args[0] + ': ' if len(args) == 1 else ''}{exc}", file=sys.stderr)
            sys.exit(BAD_ARGUMENTS)

    def run(self, args, opts):
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        name = args[0]  # settings (the portals file too) were checked in process_options
        try:
            spidercls = self.crawler_process.spider_loader.load(name)
        except KeyError:
            print(f"newsbot: unknown spider {name!r} (known: "
                  f"{', '.join(sorted(self.crawler_process.spider_loader.list()))})", file=sys.stderr)
            self.exitcode = BAD_ARGUMENTS
            return
        try:
            if hasattr(spidercls, "check_arguments"):
                spidercls.check_arguments(**opts.spargs)
        except ValueError as exc:
            print(f"newsbot: {name}: {exc}", file=sys.stderr)
            self.exitcode = BAD_ARGUMENTS
            return
        crawler = self.crawler_process.create_crawler(name)
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        status, line = summarize(spider_name(crawler, name), crawler.stats.get_stats() if crawler.stats else None)
        print(line, file=sys.stderr)
        clear_finished_job(crawler)
        self.exitcode = status or (1 if self.crawler_process.bootstrap_failed else 0)


def spider_name(crawler, default: str) -> str:
    """The name of the spider ``crawler`` ran (``portal -a name=X`` runs the spider of portal
    ``X``), else ``default`` (the name given on the command line)."""
    spider = getattr(crawler, "spider", None)
    return getattr(spider, "name", None) or default


JOB_FILES = ("requests.seen", "requests.queue", "spider.state")  # what Scrapy keeps in JOBDIR


def clear_finished_job(crawler) -> bool:
    """After a crawl whose finish reason is ``finished``, remove Scrapy's files from its
    ``JOBDIR`` (the seen-request fingerprints, the empty queue, the spider state) and the
    folder when that leaves it empty, so the next run with the same job folder starts afresh
    instead of filtering its feeds as already seen. A paused or failed run keeps its folder to
    be resumed. Returns True when files were removed."""
    jobdir = crawler.settings.get("JOBDIR") if crawler.settings else None
    stats = crawler.stats.get_stats() if crawler.stats else {}
    if not jobdir or stats.get("finish_reason") != "finished":
        return False
    folder = Path(jobdir)
    removed = False
    for entry in JOB_FILES:
        path = folder / entry
        if path.is_dir():
            shutil.rmtree(path)
            removed = True
        elif path.exists():
            path.unlink()
            removed = True
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when empty
    return removed
