"""``scrapy crawl`` for newsbot: arguments and settings are checked before the crawl starts
(one line and exit 2 when bad) and the run ends with a summary line and its exit status
(:mod:`newsbot.runs`)."""
from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from ..runs import BAD_ARGUMENTS, check_settings, summarize


class Command(ScrapyCrawl):
    def process_options(self, args, opts):
        """``-o`` / ``-O`` replace the project's default feed instead of adding to it (Scrapy
        merges dict settings by priority, which would also write under ``output/``)."""
        if opts.output or opts.overwrite_output:
            self.settings.set("FEEDS", {}, priority="cmdline")
            feeds = self.settings.attributes["FEEDS"].value
            for uri in list(feeds):
                feeds.delete(uri, priority="cmdline")
        super().process_options(args, opts)

    def run(self, args, opts):
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        name = args[0]
        try:
            spidercls = self.crawler_process.spider_loader.load(name)
        except KeyError:
            print(f"newsbot: unknown spider {name!r} (known: "
                  f"{', '.join(sorted(self.crawler_process.spider_loader.list()))})", file=sys.stderr)
            self.exitcode = BAD_ARGUMENTS
            return
        try:
            check_settings(self.settings)
            if hasattr(spidercls, "check_arguments"):
                spidercls.check_arguments(**opts.spargs)
        except ValueError as exc:
            print(f"newsbot: {name}: {exc}", file=sys.stderr)
            self.exitcode = BAD_ARGUMENTS
            return
        crawler = self.crawler_process.create_crawler(name)
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        status, line = summarize(name, crawler.stats.get_stats() if crawler.stats else None)
        print(line, file=sys.stderr)
        self.exitcode = status or (1 if self.crawler_process.bootstrap_failed else 0)
