"""The crawler's User-Agent: ``newsbot/<package version> (+<NEWSBOT_CONTACT_URL>)``.

The product token and version follow the HTTP ``User-Agent`` grammar (RFC 9110 §10.1.5); the
``+URL`` comment is the usual place for a crawler's contact page.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware

from .settings_table import TABLE

DEFAULT_CONTACT_URL = TABLE["NEWSBOT_CONTACT_URL"].default


def package_version() -> str:
    """The installed ``newsbot`` distribution's version (``importlib.metadata``), e.g.
    ``"0.1.0"``; ``"0+unknown"`` when the package is not installed."""
    try:
        return version("newsbot")
    except PackageNotFoundError:
        return "0+unknown"


def user_agent(contact_url: str = DEFAULT_CONTACT_URL) -> str:
    """``newsbot/<version> (+<contact_url>)``."""
    return f"newsbot/{package_version()} (+{contact_url})"


def of_settings(settings) -> str:
    """The User-Agent a run with ``settings`` sends: ``USER_AGENT`` as given, unless it is
    still the project's default (:func:`user_agent` of the default contact URL), then
    :func:`user_agent` of ``NEWSBOT_CONTACT_URL``."""
    given = settings.get("USER_AGENT")
    if not given or given == user_agent():
        return user_agent(settings.get("NEWSBOT_CONTACT_URL") or DEFAULT_CONTACT_URL)
    return given


class ContactUserAgentMiddleware(UserAgentMiddleware):
    """Scrapy's User-Agent middleware (same place, 500) whose value follows
    ``NEWSBOT_CONTACT_URL`` as the crawler's settings give it (``-s`` included): when
    ``USER_AGENT`` is still the project's default (:func:`user_agent` of the default contact
    URL), the header is :func:`user_agent` of ``NEWSBOT_CONTACT_URL``; a ``USER_AGENT`` set
    otherwise (settings, ``-s``, a spider's ``custom_settings``) is sent as given."""

    @classmethod
    def from_crawler(cls, crawler):
        mw = super().from_crawler(crawler)
        mw.user_agent = of_settings(crawler.settings)
        return mw
