"""newsbot's own Scrapy signals (sent with ``crawler.signals.send_catch_log``), the visible
wiring between the output side and the components that follow it."""

record_written = object()
"""A record went into an output file: ``record`` (the dict), ``output`` (the
:class:`~newsbot.feedstorage.Output` it was written to). Sent by the record exporter
(:mod:`newsbot.exporters`) only once the record's bytes are in the file."""

output_planned = object()
"""The crawl made an output file of this run (written once it holds a record): ``output``
(the :class:`~newsbot.feedstorage.Output`). Sent by the atomic feed storage."""

pages_joined = object()
"""The pages of an article printed over several were joined into one record: ``record`` (the
joined record, the first page's ``id`` and ``url``) and ``urls`` (the URL of each page
joined, in page order). Sent by :class:`~newsbot.articlepages.ArticlePages`, before
the record goes on through the pipelines."""

output_stored = object()
"""An output file is in place under its final name: ``output`` (the
:class:`~newsbot.feedstorage.Output`). Sent by the atomic feed storage after the rename."""
