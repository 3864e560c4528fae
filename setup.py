"""The project is declared in ``pyproject.toml``; this file is only for tools that still run
``setup.py`` themselves (``scrapyd-deploy`` builds its egg with ``setup.py bdist_egg``, and
writes a setup.py of its own, without newsbot's metadata, where none exists)."""
from setuptools import setup

setup()
