"""newsbot's own Scrapy signals (sent with ``crawler.signals.send_catch_log``), the visible
wiring between the output side and the components that follow it."""

record_written = object()
"""A record went into an output file: ``record`` (the dict), ``output`` (the
:class:`~newsbot.feedstorage.Output` it was written to). Sent by the record exporter
(:mod:`newsbot.exporters`) only once the record's bytes are in the file."""

output_planned = object()
"""The crawl made an output file of this run (written once it holds a record): ``output``
(the :class:`~newsbot.feedstorage.Output`). Sent by the atomic feed storage."""

output_stored = object()
"""An output file is in place under its final name: ``output`` (the
:class:`~newsbot.feedstorage.Output`). Sent by the atomic feed storage after the rename."""
