"""Safety and limits without a crawl: settings refused at start, output paths, redirect
checks, Retry-After, failure kinds."""
from __future__ import annotations

import os
import subprocess
import sys
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

import pytest
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import Request, Response
from scrapy.settings import Settings
from twisted.internet.error import ConnectionLost

from newsbot import settings as project_settings
from newsbot.feeds import safe_component, uri_params
from newsbot.middlewares import (BackoffRetryMiddleware, RequestRefused, SafeRedirectMiddleware, _retry_after,
                                 failure_kind)
from newsbot.settings_table import check as check_settings


def _settings(**values) -> Settings:
    s = Settings()
    s.setmodule(project_settings, priority="project")
    for k, v in values.items():
        s.set(k, v, priority="cmdline")
    return s


# -- settings ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name,value", [
    ("DOWNLOAD_TIMEOUT", "abc"), ("DOWNLOAD_TIMEOUT", "0"), ("DOWNLOAD_TIMEOUT", "-3"), ("DOWNLOAD_TIMEOUT", "nan"),
    ("DOWNLOAD_MAXSIZE", "-1"), ("DOWNLOAD_MAXSIZE", "20MB"), ("DOWNLOAD_WARNSIZE", "1.5"),
    ("CONCURRENT_REQUESTS", "0"), ("CONCURRENT_REQUESTS_PER_DOMAIN", "x"), ("DOWNLOAD_DELAY", "-0.5"),
    ("RETRY_TIMES", "-1"), ("REDIRECT_MAX_TIMES", "many"), ("NEWSBOT_RETRY_BACKOFF", "-1"),
    ("NEWSBOT_RETRY_AFTER_MAX", "soon"), ("NEWSBOT_MAX_SITEMAP_URLS", "0"), ("CLOSESPIDER_TIMEOUT", "inf"),
    ("NEWSBOT_ALLOW_LOOPBACK", "maybe"), ("ROBOTSTXT_OBEY", "perhaps"), ("REACTOR_THREADPOOL_MAXSIZE", "abc"),
    ("DNS_TIMEOUT", "0"),
    ("RETRY_HTTP_CODES", "500,abc"), ("RETRY_HTTP_CODES", "500,999"),
])
def test_bad_setting_is_refused_with_one_line_naming_it(name, value):
    with pytest.raises(ValueError) as err:
        check_settings(_settings(**{name: value}))
    message = str(err.value)
    assert message.startswith(f"{name}=") and "\n" not in message


def test_default_and_sane_settings_pass():
    check_settings(_settings())
    check_settings(_settings(DOWNLOAD_TIMEOUT="2.5", DOWNLOAD_MAXSIZE="0", RETRY_TIMES="0",
                             NEWSBOT_ALLOW_LOOPBACK="true", RETRY_HTTP_CODES="500,503"))


def _scrapy(tmp_path, *args):
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    return subprocess.run([sys.executable, "-m", "scrapy", "crawl", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("extra", [["-s", "DOWNLOAD_TIMEOUT=abc"], ["-s", "DOWNLOAD_MAXSIZE=-5"],
                                   ["-a", "name=../../escaped"], ["-a", "url_file=/nonexistent/urls.txt"]])
def test_bad_run_exits_2_and_touches_nothing(tmp_path, extra):
    out = tmp_path / "out.jsonl"
    out.write_text('{"kept": true}\n', encoding="utf-8")
    proc = _scrapy(tmp_path, "article", "-O", str(out), "-a", "urls=http://127.0.0.1:9/x", *extra)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert out.read_text(encoding="utf-8") == '{"kept": true}\n'
    ours = [ln for ln in proc.stderr.splitlines() if ln.startswith("newsbot:")]
    assert len(ours) == 1 and "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert not (tmp_path.parent / "escaped").exists()


def test_portal_argument_cannot_name_a_path(tmp_path):
    proc = _scrapy(tmp_path, "politico_eu", "-a", "lang=../../x")
    assert proc.returncode == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["../../etc", "/abs/path", "..", "a/b/../../c", "C:\\x", "x\x00y", ""])
def test_feed_path_parameters_stay_in_the_output_folder(value):
    template = project_settings.FEEDS and next(iter(project_settings.FEEDS))
    params = uri_params({"name": value, "time": "2025-03-04T10-00-00+00-00"}, None)
    path = os.path.normpath(template % params)
    assert path.startswith("output" + os.sep) and not os.path.isabs(path)
    assert path.count(os.sep) == template.count("/")
    assert "/" not in safe_component(value) and not safe_component(value).startswith(".")


# -- redirects ----------------------------------------------------------------------------------

class _Stats(dict):
    def inc_value(self, key, count=1, start=0):
        self[key] = self.get(key, start) + count


class _Crawler:
    def __init__(self, allowed_domains=None):
        self.spider = type("S", (), {"allowed_domains": allowed_domains})()


def _redirect(mw, source, location):
    request = Request(source)
    return mw.process_response(request, Response(source, status=302, headers={"Location": location}, request=request))


@pytest.mark.parametrize("location,reason", [
    ("file:///etc/passwd", "scheme"), ("ftp://example.org/x", "scheme"),
    ("http://169.254.169.254/latest/meta-data/", "private"), ("http://10.0.0.7/", "private"),
    ("http://127.0.0.1:8080/", "loopback"), ("http://2130706433/", "loopback"),
    ("https://elsewhere.example/x", "offsite"), ("/a", "loop"),
])
def test_redirects_refused_before_download(location, reason):
    stats = _Stats()
    mw = SafeRedirectMiddleware(allow_loopback=False, stats=stats, crawler=_Crawler())
    with pytest.raises(RequestRefused) as err:
        _redirect(mw, "https://news.example/a", location)
    assert err.value.reason == reason
    assert stats == {f"newsbot/redirect_refused/{reason}": 1}


def test_redirects_within_the_site_pass():
    mw = SafeRedirectMiddleware(allow_loopback=False, stats=_Stats(), crawler=_Crawler())
    for location in ("https://www.news.example/b", "/b", "http://news.example/b?x=1", "https://de.news.example/b"):
        assert _redirect(mw, "https://news.example/a", location).status == 302
    portal = SafeRedirectMiddleware(allow_loopback=False, stats=_Stats(), crawler=_Crawler(["news.example"]))
    with pytest.raises(RequestRefused):
        _redirect(portal, "https://news.example/a", "https://other.example/")
    loopback = SafeRedirectMiddleware(allow_loopback=True, stats=_Stats(), crawler=_Crawler())
    assert _redirect(loopback, "http://127.0.0.1:8000/a", "http://127.0.0.1:8000/b").status == 302


# -- retries ------------------------------------------------------------------------------------

def test_retry_after_values():
    now = datetime(2025, 3, 4, 12, tzinfo=timezone.utc)
    assert _retry_after(b"120") == 120.0
    assert _retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True).encode(), now.timestamp()) == 90.0
    assert _retry_after(format_datetime(now - timedelta(hours=1), usegmt=True).encode(), now.timestamp()) == 0.0
    assert _retry_after(b"soon") is None and _retry_after(None) is None and _retry_after(b"-5") is None


def test_backoff_doubles_and_is_capped():
    mw = BackoffRetryMiddleware(_settings(NEWSBOT_RETRY_BACKOFF="0.5", NEWSBOT_RETRY_BACKOFF_MAX="1.5"))
    delays = [mw._delay(Request("http://x.example/", meta={"retry_times": n}), None) for n in range(4)]
    assert delays == [0.5, 1.0, 1.5, 1.5]
    assert mw._delay(Request("http://x.example/"), 7.0) == 7.0


@pytest.mark.parametrize("exc,kind", [
    (DownloadTimeoutError("took longer than 2 seconds"), "timeout"),
    (ConnectionLost(), "connection_lost"),
    (DownloadCancelledError(), "too_large"),
    (IgnoreRequest("Ignored response because its body exceeded DOWNLOAD_MAXSIZE (20 B)"), "too_large"),
    (IgnoreRequest("max redirections reached"), "redirect_max"),
    (RequestRefused("no", "private"), "redirect_private"),
    (ValueError("x"), "ValueError"),
])
def test_failure_kinds(exc, kind):
    assert failure_kind(exc) == kind
