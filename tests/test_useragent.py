"""The User-Agent (:mod:`newsbot.useragent`): it names the package version and follows
``NEWSBOT_CONTACT_URL`` unless ``USER_AGENT`` is set, for pages and robots.txt alike; checked
on a loopback site."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version

from loopback import Site
from support import HARBOUR_ARTICLE as PAGE, scrapy_crawl as _scrapy


def test_user_agent_follows_contact_url_unless_set(tmp_path):
    seen: dict[str, list[str]] = {}
    routes = {f"/{name}": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE) for name in ("a", "b", "c")}
    with Site(routes, max_requests=50, max_seconds=60) as site:
        handler = site.server.RequestHandlerClass

        class Recording(handler):
            def do_GET(self):  # noqa: N802
                seen.setdefault(self.path, []).append(self.headers.get("User-Agent"))
                super().do_GET()

        site.server.RequestHandlerClass = Recording
        fast = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=false", "-s", "RETRY_ENABLED=false",
                "-s", "NEWSBOT_ALLOW_LOOPBACK=true")
        runs = {
            "a": ("-s", "NEWSBOT_CONTACT_URL=https://contact.example/bots"),
            "b": ("-s", "NEWSBOT_CONTACT_URL=https://contact.example/bots", "-s", "USER_AGENT=Custom/2.0"),
            "c": (),
        }

        def run(name):
            folder = tmp_path / name
            folder.mkdir()
            return _scrapy(folder, "article", "-O", "out.jsonl", "-a", f"urls={site.url('/' + name)}",
                           *fast, *runs[name], timeout=120)

        with ThreadPoolExecutor(max_workers=3) as pool:
            procs = dict(zip(runs, pool.map(run, runs)))
    for proc in procs.values():
        assert proc.returncode == 0, proc.stderr[-2000:]
    assert version("newsbot") == "0.1.0"
    assert seen["/a"] == ["newsbot/0.1.0 (+https://contact.example/bots)"]
    assert seen["/b"] == ["Custom/2.0"]
    assert seen["/c"] == ["newsbot/0.1.0 (+https://github.com/newsbot-eu/newsbot)"]
    assert "newsbot/0.1.0 (+https://contact.example/bots)" in seen["/robots.txt"]
