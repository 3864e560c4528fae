"""Scrapy settings for newsbot. Every value can be changed with ``-s NAME=value``.

newsbot's own settings (``NEWSBOT_*``) take their defaults, types and meaning from the one
settings table, :mod:`newsbot.settings_table`; the Scrapy settings below are newsbot's choices
of Scrapy's (politeness, limits, the components it plugs in).
"""
from newsbot.feeds import DEFAULT_FEED
from newsbot.settings_table import defaults
from newsbot.useragent import user_agent

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.spiders"]
NEWSPIDER_MODULE = "newsbot.spiders"
COMMANDS_MODULE = "newsbot.commands"

globals().update(defaults())
# newsbot/<package version> (+NEWSBOT_CONTACT_URL); follows -s NEWSBOT_CONTACT_URL unless
# USER_AGENT itself is set (newsbot.useragent.ContactUserAgentMiddleware)
USER_AGENT = user_agent()
SPIDER_LOADER_CLASS = "newsbot.spiders.loader.PortalSpiderLoader"

# Politeness
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5

# Limits (seconds, bytes)
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"  # the spider's errback logs each final failure once
DOWNLOAD_FAIL_ON_DATALOSS = True  # a body cut short of its Content-Length is a failure
MEMUSAGE_WARNING_MB = 1024  # a warning line past 1 GiB of resident memory,
MEMUSAGE_LIMIT_MB = 2048  # and the crawl stops (finish reason memusage_exceeded) past 2 GiB
MEMUSAGE_CHECK_INTERVAL_SECONDS = 5.0
# outputs of one callback processed at once (Scrapy: 100). Scrapy starts that many tasks for each
# callback's output; an article callback gives one item (whose pipelines await its extraction in a
# worker) and the requests the backlog frees, so two keep those requests from waiting on the item
CONCURRENT_ITEMS = 2

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newsbot.robots.RobotsTxtMiddleware": 100,  # Scrapy's place; its failures counted and logged once
    "newsbot.middlewares.RedirectTargetMiddleware": 50,  # below robots.txt (100): nothing goes to a refused target
    "newsbot.incremental.ValidatorsOfTheTargetMiddleware": 60,  # a redirected conditional request: the target's own
    "newsbot.middlewares.SafeRedirectMiddleware": 610,  # above RedirectMiddleware (600)
    "newsbot.blocks.BlockDetectionMiddleware": 590,  # above the retries: a challenge is never retried
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newsbot.middlewares.HeadMetaRefreshMiddleware": 580,  # Scrapy's place; reads the page's head only
    "newsbot.middlewares.BackoffRetryMiddleware": 550,
    "newsbot.middlewares.WarcReplayMiddleware": 950,
    "newsbot.middlewares.WarcArchiveMiddleware": 960,
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "newsbot.useragent.ContactUserAgentMiddleware": 500,  # Scrapy's place
}
EXTENSIONS = {
    "newsbot.httplimits.HeaderLimits": 0,
    "newsbot.extensions.Deadline": 0,
    "newsbot.extensions.HoldBackAtStop": 0,
    "newsbot.extensions.QuietErrors": 0,
    "newsbot.logs.RunLog": 0,
    "newsbot.extensions.ItemErrors": 0,
    "newsbot.extensions.CrawlHeap": 0,
    "newsbot.runner.JobFolder": 0,
    "newsbot.incremental.Incremental": 100,
    "newsbot.runstats.Progress": 110,
    "newsbot.runstats.RunStatsWriter": 120,
    "spidermon.contrib.scrapy.extensions.Spidermon": 500,
}
LOG_FORMATTER = "newsbot.logformatter.NewsLogFormatter"
STATS_CLASS = "newsbot.extensions.CrawlStats"  # Scrapy's, read and written without a hook on each access
ITEM_PIPELINES = {
    "newsbot.pipelines.ExtractPipeline": 100,
    "newsbot.pipelines.DateWindowPipeline": 200,
    "newsbot.pipelines.ValidatePipeline": 300,
    "newsbot.pipelines.DeduplicatePipeline": 400,
    "newsbot.pipelines.IncrementalPipeline": 500,
}
SPIDER_MIDDLEWARES = {
    "newsbot.incremental.SkipSeenMiddleware": 950,
}

# Monitoring (Spidermon): checks run when a spider closes; thresholds in NEWSBOT_MONITOR*
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ("newsbot.monitors.SpiderCloseMonitorSuite",)

# Output: JSON Lines files, output/<portal>/<YYYY-MM-DD>/<portal>-<run start UTC>-<chunk>.jsonl (newsbot.feeds)
FEEDS = {DEFAULT_FEED: {"format": "jsonlines", "encoding": "utf8"}}
FEED_URI_PARAMS = "newsbot.feeds.uri_params"
# every format through newsbot's exporters: only records really written count as delivered
FEED_EXPORTERS = {"jsonlines": "newsbot.exporters.JsonLinesExporter", "jsonl": "newsbot.exporters.JsonLinesExporter",
                  "jl": "newsbot.exporters.JsonLinesExporter",
                  "json": "newsbot.exporters.JsonExporter", "csv": "newsbot.exporters.CsvExporter",
                  "xml": "newsbot.exporters.XmlExporter", "pickle": "newsbot.exporters.PickleExporter",
                  "marshal": "newsbot.exporters.MarshalExporter"}
FEED_EXPORT_ENCODING = "utf-8"
# local output files are written as <name>.<pid>.part and renamed when complete
FEED_STORAGES = {"": "newsbot.feedstorage.AtomicFileFeedStorage",
                 "file": "newsbot.feedstorage.AtomicFileFeedStorage"}

TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
FEED_STORE_EMPTY = False
LOG_LEVEL = "INFO"
LOGSTATS_INTERVAL = 60.0
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
TWISTED_DNS_RESOLVER = "newsbot.resolver.HostOverrideResolver"  # Scrapy's caching resolver + NEWSBOT_RESOLVE
