"""Hostile inputs to ``newsbot evaluate``, ``scrapy crawl`` and ``newsbot crawl``: each bad
corpus file, setting, WARC or spider argument ends with one line on stderr naming it, exit
status 2, no traceback, and files already written left as they were. Also the User-Agent
follows ``NEWSBOT_CONTACT_URL``.

No test here touches the network: refused crawls stop before any request, and the crawls that
run fetch from a loopback site.
"""
from __future__ import annotations

import gzip
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

import pytest
from loopback import Site
from support import WARC_PAGES as PAGES, write_warc

from newsbot.cli import main
from newsbot.evaluate import load_corpus

PAGE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour cranes return to the north quay</title>
<meta property="article:published_time" content="2025-03-04T09:30:00+01:00">
</head><body><article><h1>Harbour cranes return to the north quay</h1>
<p>The port authority said on Tuesday that the two cranes removed for repairs last winter are
back in service, and that container traffic on the north quay should recover within weeks.</p>
<p>Dock workers welcomed the news, although the union asked for a review of night shifts once
the backlog of ships waiting in the roads has cleared.</p></article></body></html>"""
ENTRY = ('{"id": "p1", "file": "p1.html.gz", "publisher": "Harbour News", "eu_portal": false, '
         '"url": "https://harbour.example/news/cranes", "expected": {"title": "Harbour cranes return '
         'to the north quay", "date": "2025-03-04 09:30:00+01:00", "body": "The port authority said."}}')


def _corpus(tmp_path: Path, index: bytes, page: bytes | None = None) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / "p1.html.gz").write_bytes(page if page is not None else gzip.compress(PAGE))
    (folder / "index.jsonl").write_bytes(index)
    return folder


def _refused(rc: int, err: str, *names: str) -> None:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert rc == 2, err
    assert "Traceback" not in err, err
    assert len(lines) == 1, err
    for name in names:
        assert name in lines[0], (name, lines[0])


# -- newsbot evaluate --------------------------------------------------------------------------

def test_evaluate_good_corpus_writes_predictions(tmp_path, capsys):
    folder = _corpus(tmp_path, ENTRY.encode() + b"\n")
    out = tmp_path / "pred.jsonl"
    out.write_text("old\n", encoding="utf-8")
    assert main(["evaluate", str(folder), "--write-predictions", str(out)]) == 0
    assert "1 pages" in capsys.readouterr().out
    [line] = out.read_text(encoding="utf-8").splitlines()
    assert '"id": "p1"' in line
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


BAD_INDEX = {
    "not an object": (b"[1,2]\n", ":1:", "JSON object"),
    "no url": (ENTRY.replace('"url": "https://harbour.example/news/cranes", ', "").encode(), ":1:", "'url'"),
    "no id": (ENTRY.replace('"id": "p1", ', "").encode(), ":1:", "'id'"),
    "expected a string": (ENTRY[:ENTRY.index('"expected"')].encode() + b'"expected": "x"}', ":1:", "'expected'"),
    "title a number": (ENTRY.replace('"title": "Harbour cranes return to the north quay"', '"title": 7').encode(),
                       ":1:", "'title'"),
    "not UTF-8": (ENTRY.encode() + b"\n" + ENTRY.replace("Harbour News", "H\xe4fen").encode("latin-1"),
                  ":2:", "UTF-8"),
    "outside the folder": (ENTRY.replace("p1.html.gz", "../../../../etc/passwd").encode(), ":1:",
                           "outside the corpus folder"),
    "absolute path": (ENTRY.replace("p1.html.gz", "/etc/passwd").encode(), ":1:", "outside the corpus folder"),
    "deep JSON": (b"[" * 100_000 + b"\n", ":1:", "bad corpus entry"),
}


@pytest.mark.parametrize("case", sorted(BAD_INDEX))
def test_evaluate_refuses_bad_index_line(tmp_path, capsys, case):
    index, where, what = BAD_INDEX[case]
    folder = _corpus(tmp_path, index)
    out = tmp_path / "pred.jsonl"
    out.write_text("old\n", encoding="utf-8")
    rc = main(["evaluate", str(folder), "--write-predictions", str(out)])
    err = capsys.readouterr().err
    _refused(rc, err, "index.jsonl" + where, what)
    assert out.read_text(encoding="utf-8") == "old\n"


def test_evaluate_refuses_truncated_gzip_page(tmp_path, capsys):
    folder = _corpus(tmp_path, ENTRY.encode(), page=gzip.compress(PAGE)[:-30])
    rc = main(["evaluate", str(folder)])
    _refused(rc, capsys.readouterr().err, "index.jsonl:1:", "p1.html.gz", "truncated")


@pytest.mark.parametrize("target", ["folder", "/proc/newsbot-x.jsonl", "missing/sub/pred.jsonl"])
def test_evaluate_refuses_unwritable_predictions(tmp_path, capsys, target):
    folder = _corpus(tmp_path, ENTRY.encode())
    path = tmp_path if target == "folder" else (tmp_path / target if not target.startswith("/") else Path(target))
    before = sorted(p.name for p in tmp_path.iterdir())
    rc = main(["evaluate", str(folder), "--write-predictions", str(path)])
    _refused(rc, capsys.readouterr().err, "--write-predictions", str(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not Path("/proc/newsbot-x.jsonl").exists()


def test_load_corpus_reads_only_inside_the_folder(tmp_path):
    folder = _corpus(tmp_path, ENTRY.encode())
    [entry] = load_corpus(folder)
    assert entry["html"] == PAGE
    (tmp_path / "secret.html").write_bytes(b"secret")
    (folder / "index.jsonl").write_text(ENTRY.replace("p1.html.gz", "../secret.html"), encoding="utf-8")
    with pytest.raises(ValueError, match="outside the corpus folder"):
        load_corpus(folder)


# -- scrapy crawl / newsbot crawl: refused before any request ----------------------------------

def _scrapy(cwd: Path, *args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    return subprocess.run([sys.executable, "-m", "scrapy", "crawl", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


URL = "-a", "urls=http://127.0.0.1:9/never-fetched"
REFUSED = {
    "monitor list": (("-s", "NEWSBOT_MONITOR=[1]", *URL), "NEWSBOT_MONITOR"),
    "monitor bad JSON": (("-s", "NEWSBOT_MONITOR={bad", *URL), "NEWSBOT_MONITOR"),
    "monitor portals": (("-s", 'NEWSBOT_MONITOR_PORTALS={"x": 3}', *URL), "NEWSBOT_MONITOR_PORTALS"),
    "seen-store class": (("-s", "NEWSBOT_SEEN_STORE_CLASS=foo.Bar", *URL), "NEWSBOT_SEEN_STORE_CLASS"),
    "monitor actions": (("-s", "NEWSBOT_MONITOR_ACTIONS=foo.Bar", *URL), "NEWSBOT_MONITOR_ACTIONS"),
    "max queued": (("-s", "NEWSBOT_MAX_QUEUED=abc", *URL), "NEWSBOT_MAX_QUEUED"),
    "log level": (("-s", "LOG_LEVEL=LOUD", *URL), "LOG_LEVEL"),
    "state dir": (("-s", "NEWSBOT_STATE_DIR=/proc/x", *URL), "NEWSBOT_STATE_DIR"),
    "incremental": (("-s", "NEWSBOT_INCREMENTAL=maybe", *URL), "NEWSBOT_INCREMENTAL"),
    "contact": (("-s", "NEWSBOT_CONTACT_URL=https://x.example/\r\nX-Evil: 1", *URL), "NEWSBOT_CONTACT_URL"),
    "replay empty": (("-s", "NEWSBOT_REPLAY=empty.warc.gz", *URL), "NEWSBOT_REPLAY=empty.warc.gz"),
    "replay truncated": (("-s", "NEWSBOT_REPLAY=cut.warc.gz", *URL), "NEWSBOT_REPLAY=cut.warc.gz"),
    "archive not a WARC": (("-s", "NEWSBOT_ARCHIVE=notes.txt", *URL), "NEWSBOT_ARCHIVE=notes.txt"),
    "archive unwritable": (("-s", "NEWSBOT_ARCHIVE=/proc/x/a.warc.gz", *URL), "NEWSBOT_ARCHIVE=/proc/x/a.warc.gz"),
    "seen-store unwritable": (("-s", "NEWSBOT_SEEN_STORE=/proc/x/seen.sqlite", *URL), "NEWSBOT_SEEN_STORE"),
    "bad IPv6 URL": (("-a", "urls=http://[::1,http://127.0.0.1:9/x"), "http://[::1"),
    "port out of range": (("-a", "urls=https://127.0.0.1:99999/x"), "https://127.0.0.1:99999/x"),
    "url_file device": (("-a", "url_file=/dev/zero"), "url_file='/dev/zero'"),
    "url_file too large": (("-a", "url_file=big.txt"), "url_file='big.txt'"),
}


@pytest.fixture(scope="module")
def refused_runs(tmp_path_factory):
    """Every case of :data:`REFUSED` run as ``scrapy crawl article … -O out.jsonl`` in its own
    folder holding an earlier ``out.jsonl``, two at a time; ``{case: (process, folder)}``."""
    root = tmp_path_factory.mktemp("refused")
    warc = write_warc(root / "good.warc.gz", PAGES).read_bytes()

    def run(case):
        folder = root / case.replace(" ", "_")
        folder.mkdir()
        (folder / "out.jsonl").write_text('{"kept": true}\n', encoding="utf-8")
        (folder / "empty.warc.gz").write_bytes(b"")
        (folder / "cut.warc.gz").write_bytes(warc[:-50])
        (folder / "notes.txt").write_text("my notes\n", encoding="utf-8")
        if case == "url_file too large":
            (folder / "big.txt").write_bytes(b"http://127.0.0.1:9/x\n" * (11 * 1024 * 1024 // 21))
        args, _ = REFUSED[case]
        return case, (_scrapy(folder, "article", "-O", "out.jsonl", *args), folder)

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(pool.map(run, REFUSED))


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_crawl_refuses_bad_setting_or_argument(refused_runs, case):
    proc, folder = refused_runs[case]
    _refused(proc.returncode, proc.stderr, REFUSED[case][1])
    assert (folder / "out.jsonl").read_text(encoding="utf-8") == '{"kept": true}\n'
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "my notes\n"
    assert not (folder / "output").exists()


@pytest.mark.parametrize("argv, name", [
    (["crawl", "--all", "-s", "FOO"], "'FOO'"),
    (["crawl", "--all", "-s", "=1"], "'=1'"),
    (["crawl", "--all", "-s", "LOG_LEVEL=LOUD"], "LOG_LEVEL"),
    (["crawl", "--all", "-s", "NEWSBOT_MONITOR=[1]"], "NEWSBOT_MONITOR"),
    (["crawl", "--all", "-s", "NEWSBOT_STATE_DIR=/proc/x"], "NEWSBOT_STATE_DIR"),
    (["crawl", "euobserver", "--limit", "abc"], "limit='abc'"),
    (["crawl", "no_such_portal"], "no_such_portal"),
])
def test_newsbot_crawl_refuses_bad_setting_or_argument(tmp_path, monkeypatch, capsys, argv, name):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "newsbot.settings")
    _refused(main(argv), capsys.readouterr().err, "newsbot crawl:", name)
    assert list(tmp_path.iterdir()) == []


# -- User-Agent --------------------------------------------------------------------------------

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
        fast = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=false", "-s", "RETRY_ENABLED=false")
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
