"""newsbot spiders: one a portal over :class:`~newsbot.spiders.base.PortalSpider`, plus
``article`` for explicit URLs."""
