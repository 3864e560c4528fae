"""Imported by the fork server of the extraction workers (:mod:`newsbot.workers`) when it
starts: the server ends with the crawl that started it, leaves Ctrl-C to it, and holds the
extraction code and the libraries it calls on some pages only (htmldate, dateparser,
trafilatura), so the workers it forks start at once and none imports them again."""
from newsbot.workers import die_with_parent, ignore_interrupts

die_with_parent()
ignore_interrupts()

import dateparser  # noqa: E402,F401 (imported once here, shared by every worker)
import htmldate  # noqa: E402,F401
import trafilatura  # noqa: E402,F401

import newsbot.extraction  # noqa: E402,F401
