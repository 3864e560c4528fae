"""The scorer and the ``newsbot evaluate`` command (:mod:`newsbot.evaluate`): the corpus's
scoring rules, a small labelled corpus, predictions written, and each hostile corpus input
(bad index line, truncated page, unwritable predictions file, a path outside the folder)
refused with one line on stderr, exit status 2 and files already written left as they were."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from support import HARBOUR_ARTICLE as PAGE, assert_refused as _refused

from newsbot.cli import main
from newsbot.evaluate import (Scores, SnippetScores, body_scores, date_scores, load_corpus, norm_title,
                              snippet_counts)


def test_scoring_follows_corpus_rules():
    assert norm_title("  A\u0301  b ") == "\u00c1 b"
    assert date_scores("2024-04-30T14:17:29+00:00", "2024-04-30 16:17:29+02:00") == (True, True)
    assert date_scores("2024-04-30T23:30:00+00:00", "2024-05-01 00:10:00+02:00") == (False, True)
    assert date_scores("2024-04-30", "2024-04-30 16:17:29+02:00") == (False, True)
    assert date_scores(None, "2024-04-30 16:17:29+02:00") == (False, False)
    p, r, exact = body_scores("one two three four five", "one two three four five")
    assert (p, r, exact) == (1.0, 1.0, True)
    # 2 predicted shingles, 1 shared; expected has 1 shingle: P = 1/2, R = 1
    p, r, exact = body_scores("a b c d e", "a b c d")
    assert (p, r, exact) == (0.5, 1.0, False)
    scores = Scores()
    scores.add("x", {"title": "T", "date_published": None, "body": "a b c d e"}, {"title": "T", "date": None, "body": "a b c d"})
    scores.add("y", {"title": "U", "date_published": None, "body": "a b c d"}, {"title": "T", "date": None, "body": "a b c d e"})
    s = scores.summary()
    assert s["title_exact"] == 0.5
    assert s["body_precision"] == pytest.approx(0.75) and s["body_recall"] == pytest.approx(0.75)
    assert s["body_f1"] == pytest.approx(0.75)
    assert "authors_exact" not in s  # no page labels its authors


def test_authors_are_scored_as_lists_and_as_names():
    scores = Scores()
    page = {"title": "T", "date_published": None, "body": "a b c d"}
    label = {"title": "T", "date": None, "body": "a b c d"}
    scores.add("x", {**page, "authors": ["Ana Ruiz", "Tom  Okafor"]}, {**label, "authors": ["Ana Ruiz", "Tom Okafor"]})
    scores.add("y", {**page, "authors": ["Ana Ruiz", "Brussels"]}, {**label, "authors": ["Ana Ruiz", "Mara Lind"]})
    scores.add("z", {**page, "authors": []}, {**label, "authors": []})
    scores.add("w", page, label)  # not labelled: not counted
    s = scores.summary()
    assert s["authors_exact"] == pytest.approx(2 / 3)
    assert (s["authors_precision"], s["authors_recall"]) == (pytest.approx(3 / 4), pytest.approx(3 / 4))


def test_evaluate_command_on_a_small_corpus(tmp_path, capsys):
    import gzip

    from newsbot.cli import main

    page = ("<html lang='en'><head><title>Harbour plan agreed | Port News</title>"
            "<meta property='og:site_name' content='Port News'>"
            "<meta property='article:published_time' content='2025-02-11T09:12:40+01:00'></head><body>"
            "<article><h1>Harbour plan agreed</h1><p>The five harbour authorities signed a joint plan that sets out "
            "how icebreaker time is shared during the coldest months of the year.</p><p>Ships will book one slot in a "
            "common timetable, which the authorities say will cut waiting times at the edge of the ice.</p>"
            "<p>The timetable will be published every Monday from November to March, the chair said.</p></article></body></html>")
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(page.encode()))
    expected = {"title": "Harbour plan agreed", "date": "2025-02-11 09:12:40+01:00", "body": "x"}
    (tmp_path / "index.jsonl").write_text(json.dumps({"id": "P1", "file": "p.html.gz", "publisher": "Port",
                                                      "eu_portal": False, "url": "https://port.example/a",
                                                      "expected": expected}) + "\n")
    preds = tmp_path / "pred.jsonl"
    assert main(["evaluate", str(tmp_path), "--write-predictions", str(preds)]) == 0
    out = capsys.readouterr().out
    assert "1 pages  title 1.000  date instant 1.000" in out
    assert "authors exact" not in out
    assert "per publisher:\n  Port " in out
    assert "worst pages by body F1:\n  P1 " in out
    [pred] = [json.loads(x) for x in preds.read_text().splitlines()]
    assert pred["id"] == "P1" and pred["title"] == "Harbour plan agreed"
    assert pred["date_published"] == "2025-02-11T09:12:40+01:00"
    assert main(["evaluate", str(tmp_path / "nowhere")]) == 2
    assert "not a labelled corpus folder" in capsys.readouterr().err


def test_snippet_scoring_follows_the_snippet_corpus_rules():
    record = {"title": "Ferry  timetable", "body": "Crossings start at six.\n\nTickets   are sold on board."}
    # title and body joined, white space folded in the text and in each snippet
    expected = {"with": ["timetable Crossings start", "Tickets are\nsold", "A third crossing"],
                "without": ["Share this", "start at six. Tickets"]}
    assert snippet_counts(record, expected) == (2, 1, 1, 1)
    assert snippet_counts({"title": None, "body": None}, expected) == (0, 3, 0, 2)
    scores = SnippetScores()
    scores.add("a", record, expected)
    scores.add("b", {"title": "x", "body": "Share this"}, {"with": ["x"], "without": ["Share this", "y"]})
    s = scores.summary()
    # summed counts: tp 3, fn 1, fp 2, tn 2
    assert (s["tp"], s["fn"], s["fp"], s["tn"]) == (3, 1, 2, 2)
    assert s["precision"] == pytest.approx(3 / 5) and s["recall"] == pytest.approx(3 / 4)
    assert s["accuracy"] == pytest.approx(5 / 8)
    assert s["f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35)


def test_evaluate_command_on_a_snippet_corpus(tmp_path, capsys):
    page = ("<html lang='en'><head><title>Allotment rules change | Garden Post</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Allotment rules change</h1>"
            "<p>From spring every allotment holder may keep two beehives, the garden association decided "
            "at its yearly meeting in the village hall.</p><p>Hives must stand at least five metres from the "
            "nearest path, and each holder registers them with the association's secretary.</p>"
            "<p>The association expects the first hives in April.</p></article>"
            "<footer><p>Follow the Garden Post on every platform you use.</p></footer></body></html>")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "g.html.gz").write_bytes(gzip.compress(page.encode()))
    entries = [{"id": "g", "file": "pages/g.html.gz", "url": "https://garden.example/allotments",
                "expected": {"with": ["may keep two beehives", "first hives in April"],
                             "without": ["Follow the Garden Post", "Home News"]}},
               {"id": "h", "file": "pages/g.html.gz", "url": "https://garden.example/allotments",
                "expected": {"with": ["a sentence the page does not hold"], "without": []}}]
    (tmp_path / "index.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries))
    preds = tmp_path / "pred.jsonl"
    assert main(["evaluate", str(tmp_path), "--generic", "--write-predictions", str(preds)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("all           2 pages  snippets P 1.000 R 0.667 accuracy 0.800 F1 0.800  "
                          "(tp 2 fn 1 fp 0 tn 2)")
    assert "worst pages by snippets missed and wrongly kept:\n  h " in out
    assert "per publisher" not in out and "title" not in out
    rows = [json.loads(x) for x in preds.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["g", "h"] and rows[0]["title"] == "Allotment rules change"
    assert "may keep two beehives" in rows[0]["body"] and "Follow the Garden Post" not in rows[0]["body"]


def test_evaluate_reads_pages_in_the_encoding_their_corpus_format_says(tmp_path):
    """A news corpus stores UTF-8 bytes whatever the page declares; a snippet corpus the bytes as
    served, read by the page's own declaration."""
    from newsbot.evaluate import predict

    body = ("<p>Die Brücke über die Förde wird im März gesperrt, sagte die Stadt am Dienstag.</p>"
            "<p>Umleitungen führen über die Südbrücke; Fußgänger nutzen die Fähre.</p>")
    page = f"<html lang='de'><head><meta charset='windows-1252'><title>Brücke gesperrt</title></head><body><article><h1>Brücke gesperrt</h1>{body}</article></body></html>"
    # UTF-8 bytes with one stray byte, under a stale declaration: UTF-8 because the corpus says so
    news = {"id": "n", "url": "https://city.example/a", "html": page.encode("utf-8").replace(b"</article>", b"\x85</article>"),
            "expected": {"title": "Brücke gesperrt"}}
    assert predict(news, generic=True)["title"] == "Brücke gesperrt"
    served = {"id": "s", "url": "https://city.example/a", "html": page.encode("cp1252"),
              "expected": {"with": ["Fußgänger nutzen die Fähre"], "without": []}}
    record = predict(served, generic=True)
    assert record["title"] == "Brücke gesperrt" and "Fußgänger nutzen die Fähre" in record["body"]


ENTRY = ('{"id": "p1", "file": "p1.html.gz", "publisher": "Harbour News", "eu_portal": false, '
         '"url": "https://harbour.example/news/cranes", "expected": {"title": "Harbour cranes return '
         'to the north quay", "date": "2025-03-04 09:30:00+01:00", "body": "The port authority said."}}')


def _corpus(tmp_path: Path, index: bytes, page: bytes | None = None) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / "p1.html.gz").write_bytes(page if page is not None else gzip.compress(PAGE))
    (folder / "index.jsonl").write_bytes(index)
    return folder


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
    "snippets not a list": (ENTRY[:ENTRY.index('"expected"')].encode() + b'"expected": {"with": "x"}}', ":1:",
                            "'with'"),
    "empty snippet": (ENTRY[:ENTRY.index('"expected"')].encode() + b'"expected": {"with": ["x"], "without": [" "]}}',
                      ":1:", "'without'"),
    "date unreadable": (ENTRY.replace("2025-03-04 09:30:00+01:00", "4 March 2025").encode(), ":1:",
                        "'4 March 2025' is not an ISO 8601 date"),
    "id twice": (ENTRY.encode() + b"\n" + ENTRY.encode(), ":2:", "id 'p1' given twice"),
    "formats mixed": (ENTRY.encode() + b"\n" + ENTRY[:ENTRY.index('"expected"')].encode()
                      + b'"expected": {"with": ["x"]}}', ":2:", "snippets labels in a corpus of news labels"),
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


@pytest.mark.parametrize("index", [b"", b"\n \n"])
def test_evaluate_refuses_an_empty_corpus(tmp_path, capsys, index):
    folder = _corpus(tmp_path, index)
    _refused(main(["evaluate", str(folder)]), capsys.readouterr().err, "index.jsonl", "no entry")


@pytest.mark.parametrize("inside", ["index.jsonl", "p1.html.gz", "./sub/../index.jsonl"])
def test_evaluate_never_overwrites_the_corpus_labels_or_pages(tmp_path, capsys, inside):
    folder = _corpus(tmp_path, ENTRY.encode() + b"\n")
    (folder / "sub").mkdir()
    before = {p: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    rc = main(["evaluate", str(folder), "--write-predictions", str(folder / inside)])
    _refused(rc, capsys.readouterr().err, "--write-predictions", "a file of the corpus")
    assert {p: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def test_load_corpus_reads_only_inside_the_folder(tmp_path):
    folder = _corpus(tmp_path, ENTRY.encode())
    [entry] = load_corpus(folder)
    assert entry["html"] == PAGE
    (tmp_path / "secret.html").write_bytes(b"secret")
    (folder / "index.jsonl").write_text(ENTRY.replace("p1.html.gz", "../secret.html"), encoding="utf-8")
    with pytest.raises(ValueError, match="outside the corpus folder"):
        load_corpus(folder)


def test_evaluate_runs_on_the_sample_corpus_every_clone_has(capsys):
    """The README's example: ``newsbot evaluate tests/fixtures/corpus``."""
    from support import FIXTURES

    assert main(["evaluate", str(FIXTURES / "corpus")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("all           3 pages  title 1.000  date instant 1.000  day 1.000")
    assert [line.split()[0] for line in out.split("worst pages by body F1:\n")[1].splitlines()] == [
        "tram", "ferry", "library"]


def test_the_corpus_tests_say_why_they_skip_on_a_fresh_clone(monkeypatch, tmp_path):
    import support

    monkeypatch.setattr(support, "CORPUS", tmp_path / "corpus" / "news")
    with pytest.raises(pytest.skip.Exception) as skipped:
        support.corpus_entries()
    reason = str(skipped.value)
    assert str(tmp_path / "corpus" / "news" / "index.jsonl") in reason
    assert "183 real news pages" in reason and "a user's clone does not need it" in reason
