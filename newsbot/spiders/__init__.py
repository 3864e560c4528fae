"""newsbot spiders: :class:`~newsbot.spiders.portal.PortalSpider` (one spider a portal of the
registry, made by the spider loader), ``portal`` (any portal by name) and ``article`` (explicit
URLs)."""
