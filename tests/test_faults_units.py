"""Safety and limits without a crawl: settings refused at start, output paths, redirect
checks, Retry-After, failure kinds."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from support import settings_with as _settings

from newsbot import settings as project_settings
from newsbot.feeds import safe_component, uri_params
from newsbot.settings_table import check as check_settings


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
