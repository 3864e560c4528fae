"""The settings table (:mod:`newsbot.settings_table`) without a crawl: each bad setting refused
with one line naming it, the defaults and sane values passing; and the feed path parameters
(:mod:`newsbot.feeds`) that keep output files inside the output folder."""
from __future__ import annotations

import os

import pytest
from support import settings_with as _settings

from newsbot import settings as project_settings
from newsbot.feeds import safe_component, uri_params
from newsbot.settings_table import check as check_settings


@pytest.mark.parametrize("name,value", [
    ("DOWNLOAD_TIMEOUT", "abc"), ("DOWNLOAD_TIMEOUT", "0"), ("DOWNLOAD_TIMEOUT", "-3"), ("DOWNLOAD_TIMEOUT", "nan"),
    ("DOWNLOAD_MAXSIZE", "-1"), ("DOWNLOAD_MAXSIZE", "20MB"), ("DOWNLOAD_WARNSIZE", "1.5"),
    ("CONCURRENT_REQUESTS", "0"), ("CONCURRENT_REQUESTS_PER_DOMAIN", "x"), ("DOWNLOAD_DELAY", "-0.5"),
    ("RETRY_TIMES", "-1"), ("REDIRECT_MAX_TIMES", "many"), ("NEWSBOT_RETRY_BACKOFF", "-1"),
    ("NEWSBOT_RETRY_AFTER_MAX", "soon"), ("NEWSBOT_MAX_SITEMAP_URLS", "0"), ("CLOSESPIDER_TIMEOUT", "inf"),
    ("NEWSBOT_ALLOW_LOOPBACK", "maybe"), ("ROBOTSTXT_OBEY", "perhaps"), ("REACTOR_THREADPOOL_MAXSIZE", "abc"),
    ("DNS_TIMEOUT", "0"), ("NEWSBOT_EXTRACT_WORKERS", "99999999999999999999"), ("NEWSBOT_EXTRACT_WORKERS", "-2"),
    ("RETRY_HTTP_CODES", "500,abc"), ("RETRY_HTTP_CODES", "500,999"),
    ("NEWSBOT_PROVENANCE", "2"), ("NEWSBOT_ALLOW_LOOPBACK", "-7"), ("NEWSBOT_STANDARD_DISCOVERY", "2"),
    ("NEWSBOT_PROVENANCE", "yes"), ("ROBOTSTXT_OBEY", "TRUE"), ("NEWSBOT_INCREMENTAL", " true"),
    ("NEWSBOT_CONTACT_URL", "javascript:alert(1)"), ("NEWSBOT_CONTACT_URL", "newsbot.example"),
    ("NEWSBOT_CONTACT_URL", "http://"), ("NEWSBOT_CONTACT_URL", "mailto:"), ("NEWSBOT_CONTACT_URL", "https://exa mple.org/"),
    ("NEWSBOT_CONTACT_URL", "https://example.org/contact)"), ("NEWSBOT_CONTACT_URL", "https://example.org:99999/"),
])
def test_bad_setting_is_refused_with_one_line_naming_it(name, value):
    with pytest.raises(ValueError) as err:
        check_settings(_settings(**{name: value}))
    message = str(err.value)
    assert message.startswith(f"{name}=") and "\n" not in message


@pytest.mark.parametrize("name,value,message", [
    ("NEWSBOT_EXTRACT_WORKERS", "300", "NEWSBOT_EXTRACT_WORKERS='300' must be at most 256 (processes; -1: one a core, 0: none)"),
    ("DNS_TIMEOUT", "inf", "DNS_TIMEOUT='inf' is not a finite number of seconds"),
])
def test_a_number_out_of_range_is_refused_saying_why(name, value, message):
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)") + "$"):
        check_settings(_settings(**{name: value}))


def test_default_and_sane_settings_pass():
    check_settings(_settings())
    check_settings(_settings(DOWNLOAD_TIMEOUT="2.5", DOWNLOAD_MAXSIZE="0", RETRY_TIMES="0",
                             NEWSBOT_ALLOW_LOOPBACK="true", RETRY_HTTP_CODES="500,503", NEWSBOT_EXTRACT_WORKERS="256"))
    check_settings(_settings(NEWSBOT_PROVENANCE="True", NEWSBOT_INCREMENTAL="0", ROBOTSTXT_OBEY="true",
                             NEWSBOT_CONTACT_URL="mailto:desk@newsbot.example"))


@pytest.mark.parametrize("value", ["../../etc", "/abs/path", "..", "a/b/../../c", "C:\\x", "x\x00y", ""])
def test_feed_path_parameters_stay_in_the_output_folder(value):
    template = project_settings.FEEDS and next(iter(project_settings.FEEDS))
    params = uri_params({"name": value, "time": "2025-03-04T10-00-00+00-00", "batch_id": 1}, None)
    path = os.path.normpath(template % params)
    assert path.startswith("output" + os.sep) and not os.path.isabs(path)
    assert path.count(os.sep) == template.count("/")
    assert "/" not in safe_component(value) and not safe_component(value).startswith(".")


def test_every_chunk_of_a_run_is_named_with_the_run_start():
    class Spider:
        name = "loopnews"

    spider, other = Spider(), Spider()
    first = uri_params({"name": "loopnews", "time": "2025-03-04T23-59-58+00-00", "batch_id": 1}, spider)
    later = uri_params({"name": "loopnews", "time": "2025-03-05T00-00-03+00-00", "batch_id": 2}, spider)
    assert (first["time"], first["date"]) == (later["time"], later["date"]) == ("2025-03-04T23-59-58+00-00",
                                                                                  "2025-03-04")
    assert later["batch_id"] == 2
    assert uri_params({"name": "loopnews", "time": "2025-03-05T00-00-03+00-00", "batch_id": 1},
                      other)["time"] == "2025-03-05T00-00-03+00-00"  # another run: its own start
