"""Imported by the fork server of the extraction workers (:mod:`newsbot.workers`) when it
starts: the server ends with the crawl that started it, leaves Ctrl-C to it, and holds the
extraction code, so the workers it forks start at once."""
from newsbot.workers import die_with_parent, ignore_interrupts

die_with_parent()
ignore_interrupts()

import newsbot.extraction  # noqa: E402,F401 (imported once here, shared by every worker)
