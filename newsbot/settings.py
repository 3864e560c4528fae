"""Scrapy settings for newsbot. Every value can be changed with ``-s NAME=value``.

newsbot's own settings:
- ``NEWSBOT_CONTACT_URL``: contact URL placed in the User-Agent.
- ``NEWSBOT_ARCHIVE``: path of a ``.warc.gz`` that receives every response (WARC records).
- ``NEWSBOT_REPLAY``: path of a ``.warc.gz`` that answers requests instead of the network.
- ``NEWSBOT_ALLOW_LOOPBACK``: allow redirects to loopback hosts (tests); redirects to
  private, link-local and reserved addresses are always refused.
- ``NEWSBOT_PROVENANCE``: add ``provenance`` ({field: layer}) to each record.
- ``NEWSBOT_STATE_DIR``: folder of the crawl state (seen-store, ``newsbot crawl`` lock).
- ``NEWSBOT_INCREMENTAL``: skip and drop articles earlier runs wrote (off for ``-O``; the
  spider argument ``-a incremental=false`` turns it off for one run).
- ``NEWSBOT_SEEN_STORE``: path of the SQLite seen-store (default
  ``<NEWSBOT_STATE_DIR>/seen.sqlite``); ``NEWSBOT_SEEN_STORE_CLASS``: its implementation.
- ``NEWSBOT_MONITOR`` / ``NEWSBOT_MONITOR_PORTALS``: monitor thresholds, all portals / per
  portal (see :mod:`newsbot.monitors`); ``NEWSBOT_MONITOR_ACTIONS``: Spidermon action classes
  run when a monitor fails (notifications; none by default).
- ``NEWSBOT_RETRY_BACKOFF`` / ``NEWSBOT_RETRY_BACKOFF_MAX``: seconds before the first retry,
  doubled at each further one, capped (used when the response gives no ``Retry-After``).
- ``NEWSBOT_RETRY_AFTER_MAX``: longest ``Retry-After`` (seconds) honoured; a server asking for
  more is not retried.
- ``NEWSBOT_MAX_SITEMAP_URLS``: entries read from one feed or sitemap (sitemaps.org's limit).
- ``NEWSBOT_PORTALS_FILE``: a TOML file or folder of portals defined by configuration
  (default: the environment variable of the same name); see ``newsbot.portals.config``.
- ``NEWSBOT_MAX_QUEUED``: article requests of sitemaps and feeds waiting in the scheduler at
  once; the rest are read from the documents as the queue drains (bounds memory in backfill).
- ``NEWSBOT_RESOLVE``: host names answered with a loopback address instead of DNS, like
  ``curl --resolve`` (JSON ``{"host": "127.0.0.1"}`` or ``host:ip,host:ip``); see
  :mod:`newsbot.resolver`.
"""
import os

from newsbot.useragent import DEFAULT_CONTACT_URL, user_agent

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.spiders"]
NEWSPIDER_MODULE = "newsbot.spiders"
COMMANDS_MODULE = "newsbot.commands"

NEWSBOT_CONTACT_URL = DEFAULT_CONTACT_URL
# newsbot/<package version> (+NEWSBOT_CONTACT_URL); follows -s NEWSBOT_CONTACT_URL unless
# USER_AGENT itself is set (newsbot.useragent.ContactUserAgentMiddleware)
USER_AGENT = user_agent()
NEWSBOT_ARCHIVE = ""
NEWSBOT_REPLAY = ""
NEWSBOT_ALLOW_LOOPBACK = False
NEWSBOT_PROVENANCE = False
NEWSBOT_STATE_DIR = "output/.state"
NEWSBOT_INCREMENTAL = True
NEWSBOT_SEEN_STORE = ""
NEWSBOT_SEEN_STORE_CLASS = "newsbot.seenstore.SqliteSeenStore"
NEWSBOT_MONITOR = {}  # e.g. {"min_found": 1, "coverage": {"section": 0.9}, "max_error_ratio": 0.2}
NEWSBOT_MONITOR_PORTALS = {}  # {portal: {same keys}}, merged over NEWSBOT_MONITOR
NEWSBOT_MONITOR_ACTIONS = []  # e.g. ["spidermon.contrib.actions.slack.notifiers.SendSlackMessageSpiderFinished"]; comma-separated with -s
NEWSBOT_RETRY_BACKOFF = 1.0
NEWSBOT_RETRY_BACKOFF_MAX = 30.0
NEWSBOT_RETRY_AFTER_MAX = 120.0
NEWSBOT_MAX_SITEMAP_URLS = 50_000
NEWSBOT_PORTALS_FILE = os.environ.get("NEWSBOT_PORTALS_FILE", "")
NEWSBOT_MAX_QUEUED = 2000
NEWSBOT_RESOLVE = {}  # {host name: loopback address}, answered without DNS
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
CONCURRENT_ITEMS = 16  # outputs of one callback processed at once (Scrapy: 100); pipelines are synchronous

DOWNLOADER_MIDDLEWARES = {
    "newsbot.middlewares.SafeRedirectMiddleware": 610,  # above RedirectMiddleware (600)
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newsbot.middlewares.BackoffRetryMiddleware": 550,
    "newsbot.middlewares.WarcReplayMiddleware": 950,
    "newsbot.middlewares.WarcArchiveMiddleware": 960,
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "newsbot.useragent.ContactUserAgentMiddleware": 500,  # Scrapy's place
}
EXTENSIONS = {
    "newsbot.extensions.QuietErrors": 0,
    "newsbot.extensions.ItemErrors": 0,
    "newsbot.incremental.Incremental": 100,
    "newsbot.runstats.Progress": 110,
    "newsbot.runstats.RunStatsWriter": 120,
    "spidermon.contrib.scrapy.extensions.Spidermon": 500,
}
LOG_FORMATTER = "newsbot.logformatter.NewsLogFormatter"
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

# Output: one JSON Lines file a run, output/<portal>/<YYYY-MM-DD>/<portal>-<run start UTC>.jsonl
FEEDS = {
    "output/%(name)s/%(date)s/%(name)s-%(time)s.jsonl": {"format": "jsonlines", "encoding": "utf8"},
}
FEED_URI_PARAMS = "newsbot.feeds.uri_params"
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
