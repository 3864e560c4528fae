"""``scrapy crawl`` for newsbot: the run lifecycle of :mod:`newsbot.runner` (arguments and
settings checked before the crawl starts, one line and exit 2 when bad; the crawl lock; a
summary line and the exit status at the end), all taken before Scrapy's crawler process
starts logging."""
from __future__ import annotations

import logging
import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from ..runner import Job, Refused, lock, output_feeds, prepare, start, tell, worst


class Command(ScrapyCrawl):
    def process_options(self, args, opts):
        """``-o`` / ``-O`` replace the project's default feed instead of adding to it
        (:func:`newsbot.runner.output_feeds`, which refuses a bad one in one line); then the
        run is checked (:func:`newsbot.runner.prepare`) before Scrapy builds the crawler
        process, which configures logging and logs its start: a refusal is then the only line
        on stderr (exit status 2 or 3), and in ``LOG_FILE`` when one is set
        (:func:`newsbot.runner.tell`)."""
        output, overwrite = opts.output, opts.overwrite_output
        opts.output = opts.overwrite_output = None  # read by output_feeds, not by Scrapy
        super().process_options(args, opts)
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        jobs = [Job(args[0], dict(opts.spargs))]
        try:
            output_feeds(self.settings, output, overwrite)
            prepare(self.settings, jobs)
            self.held = lock(self.settings, jobs)
        except Refused as exc:
            tell(self.settings, f"newsbot: {exc}", logging.ERROR)
            sys.exit(exc.status)

    def run(self, args, opts):
        results = start(self.settings, [Job(args[0], dict(opts.spargs))], process=self.crawler_process,
                        held=self.held)
        self.exitcode = worst(results) or (1 if self.crawler_process.bootstrap_failed else 0)
