"""The block scorer's training script (``tools/train_block_scorer.py``) on a corpus of its own:
publishers read from the URLs, a fit that learns which features mark article text, and a
cross-validation in which no page is scored by a model fitted on a page of its publisher, with
the decision thresholds chosen by the cross-validated figures."""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("numpy", reason="the training script needs numpy: pip install -e '.[train]'")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import train_block_scorer as trainer  # noqa: E402

TOWNS = ["Harbourville", "Millbrook", "Stonebridge", "Fernhill", "Oakmere", "Ashford", "Lindenfeld", "Kettleby"]


def _story(town: str) -> list[str]:
    return [f"The council of {town} met on Tuesday evening to decide how the old ferry pier will be repaired.",
            f"Engineers told the members that the timber under the pier of {town} has rotted in several places.",
            "A temporary walkway will carry passengers while the works go on, the harbour master said.",
            "Residents asked whether the summer timetable would change; the council promised an answer in May."]


def _page(town: str, host: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in _story(town))
    return (f"<html lang='en'><head><title>Pier repairs in {town}</title></head><body>"
            f"<header><a href='https://{host}/'>Front page</a></header>"
            f"<article><h1>Pier repairs in {town}</h1><div class='story-text'>{paras}"
            "<div class='note'><p>Follow the Courier on the radio every Sunday morning at nine.</p></div>"
            "</div></article><div class='more-list'><p><a href='/x'>Another story from the archive</a></p></div>"
            "</body></html>")


def _corpora(tmp_path: Path) -> tuple[Path, Path]:
    news, snippets = tmp_path / "news", tmp_path / "snippets"
    for d in (news, snippets):
        (d / "pages").mkdir(parents=True)
    news_lines, snippet_lines = [], []
    for i, town in enumerate(TOWNS):
        host = f"www.{town.lower()}-courier.co.uk" if i % 2 else f"news.{town.lower()}post.com"
        html = _page(town, host)
        name = f"pages/{town}.html.gz"
        if i < 4:
            (news / name).write_bytes(gzip.compress(html.encode("utf-8")))
            news_lines.append({"id": town, "file": name, "url": f"https://{host}/pier", "publisher": town,
                               "eu_portal": False,
                               "expected": {"title": f"Pier repairs in {town}", "date": None, "lead": None,
                                            "body": "\n".join(_story(town)), "authors": [], "tags": []}})
        else:
            (snippets / name).write_bytes(gzip.compress(html.encode("utf-8")))
            snippet_lines.append({"id": f"{host}_{i}", "file": name, "url": f"https://{host}/pier",
                                  "expected": {"with": [_story(town)[1], "temporary walkway will carry"],
                                               "without": ["on the radio every Sunday"]}})
    (news / "index.jsonl").write_text("".join(json.dumps(e) + "\n" for e in news_lines), encoding="utf-8")
    (snippets / "index.jsonl").write_text("".join(json.dumps(e) + "\n" for e in snippet_lines), encoding="utf-8")
    return news, snippets


def test_publishers_are_registrable_domains():
    assert trainer.publisher({"url": "https://news.example.co.uk/a/b", "id": "x"}) == "example.co.uk"
    assert trainer.publisher({"url": "https://www.example.com/story", "id": "x"}) == "example.com"
    assert trainer.publisher({"url": "https://blog.example.de:8080/", "id": "x"}) == "example.de"
    # the snippet corpus's URL-less pages: the host name opens the id
    assert trainer.publisher({"url": "hard::1", "id": "shop.example.at_1f2e3d"}) == "example.at"


def test_the_fit_learns_which_features_mark_article_text():
    # six publishers: paragraphs (good) are text, blocks in a "promo" box are not
    pages = [{"kind": "news", "group": f"site{g}.org",
              "feats": [{"good": 1.0, "tag:p": 1.0}, {"good": 0.0, "tag:p": 1.0, "c:promo": 1.0},
                        {"good": 1.0, "tag:p": 1.0, **({"c:rare": 1.0} if g == 0 else {})}],
              "labels": [(1.0, 1.0), (0.0, 1.0), (1.0, 1.0)]}
             for g in range(6)]
    m = trainer.fit(pages, 0.9, 0.4)
    assert (m["add"], m["drop"]) == (0.9, 0.4)
    assert m["weights"]["good"] > 0 > m["weights"]["c:promo"]
    assert "c:rare" not in m["weights"]  # on blocks of one publisher only
    from newsbot.extraction.generic import scorer
    assert scorer.probability(m, {"good": 1.0, "tag:p": 1.0}) > 0.9
    assert scorer.probability(m, {"tag:p": 1.0, "c:promo": 1.0}) < 0.4


def test_cross_validation_never_scores_a_page_with_a_model_fitted_on_its_publisher(tmp_path, monkeypatch):
    news_dir, snippet_dir = _corpora(tmp_path)
    from newsbot.evaluate import load_corpus
    from newsbot.extraction.generic import scorer

    with scorer.using({}):
        pages = (trainer.collect(load_corpus(news_dir), "news")
                 + trainer.collect(trainer._read_snippets(snippet_dir), "snippets"))
    assert len({p["group"] for p in pages}) == 8
    assert any(lab == (0.0, 1.0) for p in pages if p["kind"] == "snippets" for lab in p["labels"])
    fitted, scored = [], []
    real_fit, real_evaluate = trainer.fit, trainer.evaluate
    monkeypatch.setattr(trainer, "fit", lambda train, add, drop, tiers: (
        fitted.append({p["group"] for p in train}), real_fit(train, add, drop, tiers))[1])
    monkeypatch.setattr(trainer, "evaluate", lambda test, m: (
        scored.append(({p["group"] for p in test}, bool(m), m.get("add"), m.get("drop"))), real_evaluate(test, m))[1])
    thresholds = [(0.9, 0.4), (0.8, 0.5)]
    tried, rules = trainer.cross_validate(pages, 3, thresholds)
    assert len(fitted) == 3
    for train_groups, test_runs in zip(fitted, [scored[i:i + 3] for i in range(0, len(scored), 3)]):
        held_out = test_runs[0][0]
        assert held_out and not held_out & train_groups
        assert train_groups | held_out == {p["group"] for p in pages}
        # each threshold pair with the fold's model, then the rules alone
        assert [(r[1], r[2], r[3]) for r in test_runs] == [(True, 0.9, 0.4), (True, 0.8, 0.5), (False, None, None)]
    assert [(a, d) for a, d, _ in tried] == thresholds
    for _, _, figures in tried + [("", "", rules)]:
        assert figures["news"]["pages"] == 4
        # 4 snippet pages, 2 "with" and 1 "without" each: accuracy in twelfths
        assert figures["snippets"]["accuracy"] * 12 == pytest.approx(round(figures["snippets"]["accuracy"] * 12), abs=1e-3)
    # the rules keep the closing note the labels leave out: every "with" found, every "without" too
    assert rules["snippets"]["recall"] == 1.0 and rules["snippets"]["precision"] == round(8 / 12, 4)
    assert rules["news"]["body_recall"] == 1.0 and rules["news"]["body_precision"] < 1.0


def test_the_command_reports_the_thresholds_the_cross_validation_chose(tmp_path, capsys, monkeypatch):
    news_dir, snippet_dir = _corpora(tmp_path)
    monkeypatch.setattr(trainer.scorer, "MODEL_FILE", tmp_path / "model.json")
    status = trainer.main(["--news", str(news_dir), "--snippets", str(snippet_dir), "--folds", "2",
                           "--add", "0.8", "0.9", "--drop", "0.4", "0.85", "--write"])
    assert status == 0
    report = json.loads(capsys.readouterr().out)
    tried = report["thresholds_tried"]
    assert [(t["add"], t["drop"]) for t in tried] == [(0.8, 0.4), (0.9, 0.4), (0.9, 0.85)]
    merit = {(t["add"], t["drop"]): t["news"]["body_f1"] + t["snippets"]["f1"] for t in tried}
    close = [pair for pair in merit if merit[pair] >= max(merit.values()) - trainer.MERIT_TOLERANCE]
    best = next(t for t in tried if (t["add"], t["drop"]) == min(close, key=lambda pair: (-pair[0], pair[1])))
    assert report["cross_validated"] == {k: best[k] for k in ("news", "snippets")}
    written = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    assert (written["add"], written["drop"]) == (best["add"], best["drop"])
    assert written["cross_validated"] == report["cross_validated"]
    assert written["trained_on"] == {"news_pages": 4, "snippet_pages": 4}


def test_thresholds_within_the_tolerance_go_to_the_pair_that_overrules_the_rules_least():
    def figures(news, snippets):
        return {"news": {"body_f1": news}, "snippets": {"f1": snippets}}

    scored = [(0.8, 0.5, figures(0.9840, 0.9417)), (0.9, 0.4, figures(0.9838, 0.9392)),
              (0.9, 0.5, figures(0.9839, 0.9406))]
    assert trainer.choose(scored)[:2] == (0.9, 0.5)  # 0.0012 below the best, 0.9 adds fewer blocks
    scored[0] = (0.8, 0.5, figures(0.9900, 0.9417))
    assert trainer.choose(scored)[:2] == (0.8, 0.5)  # clearly better: chosen
    assert trainer.choose([(0.9, 0.4, {"news": {"body_f1": 0.5}})])[:2] == (0.9, 0.4)  # news only
    # a lower drop of the same add, beaten on every figure, is passed over
    scored = [(0.9, 0.4, {"news": {"body_f1": 0.9841, "body_exact": 0.4973}, "snippets": {"f1": 0.9416}}),
              (0.9, 0.5, {"news": {"body_f1": 0.9842, "body_exact": 0.5082}, "snippets": {"f1": 0.9428}}),
              (0.8, 0.4, {"news": {"body_f1": 0.9845, "body_exact": 0.5100}, "snippets": {"f1": 0.9430}})]
    assert trainer.choose(scored)[:2] == (0.9, 0.5)
    scored[1][2]["news"]["body_exact"] = 0.4918  # better F1s, worse exact: not beaten on every figure
    assert trainer.choose(scored)[:2] == (0.9, 0.4)
    scored[1][2]["news"]["body_exact"] = 0.4973  # better F1s, the same exact: beaten all the same
    assert trainer.choose(scored)[:2] == (0.9, 0.5)
    scored[1] = (0.9, 0.5, scored[0][2])  # the same figures: neither is beaten, the lower drop is chosen
    assert trainer.choose(scored)[:2] == (0.9, 0.4)


@pytest.mark.parametrize("args, message", [
    (["--news", "{tmp}/nowhere"], "not found"),
    (["--add", "0.4", "--drop", "0.5"], "no --drop under an --add"),
    (["--folds", "1"], "--folds must be 2 or more"),
])
def test_bad_arguments_are_refused_in_one_line(tmp_path, capsys, args, message):
    news_dir, snippet_dir = _corpora(tmp_path)
    argv = ["--news", str(news_dir), "--snippets", str(snippet_dir)] + [a.format(tmp=tmp_path) for a in args]
    assert trainer.main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_blocks_of_a_box_pruned_by_name_are_read_only_for_the_tiers_asked(tmp_path):
    from newsbot.evaluate import load_corpus
    from newsbot.extraction.generic import scorer

    news_dir, _ = _corpora(tmp_path)
    story = _story("Harbourville")
    # the story's last paragraph sits in a box a theme named "widget"; a tag link repeats a word of it
    html = ("<html lang='en'><head><title>Pier</title></head><body><article><h1>Pier</h1><div class='story-text'>"
            + "".join(f"<p>{p}</p>" for p in story[:3]) + f"<div class='widget'><p>{story[3]}</p></div>"
            "<ul class='topics'><li><a href='/t/council'>council</a></li></ul></div></article></body></html>")
    (news_dir / "pages" / "Harbourville.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    entries = [e for e in load_corpus(news_dir) if e["id"] == "Harbourville"]
    with scorer.using({}):
        plain, = trainer.collect(entries, "news")
        read, = trainer.collect(entries, "news", frozenset({"boiler"}))
    assert not any("pruned" in f for f in plain["feats"])
    boxed = [(f, lab) for f, lab in zip(read["feats"], read["labels"]) if "pruned" in f]
    assert len(boxed) == 1
    f, lab = boxed[0]
    assert f["pruned:boiler"] == f["pruned:boiler:widget"] == 1.0 and f["kept"] == 0.0
    assert lab[0] == 1.0  # the labelled body holds it
    # a one-word link whose word the body holds is no evidence either way: not labelled
    link = [lab for f, lab in zip(read["feats"], read["labels"]) if f["link"] == 1.0]
    assert link == [None]
    assert len(read["feats"]) == len(plain["feats"]) + 1
    m = trainer.fit([dict(read, group=f"g{i}.org") for i in range(4)], 0.9, 0.5, frozenset({"boiler"}))
    assert m["pruned_tiers"] == ["boiler"]


def test_the_reprieve_model_learns_from_the_elements_a_name_prunes(tmp_path):
    from newsbot.evaluate import load_corpus

    news_dir, _ = _corpora(tmp_path)
    entries = load_corpus(news_dir)
    for entry in entries:  # the story's closing paragraph in a box named for a hidden label
        last = _story(entry["id"])[3]
        entry["html"] = entry["html"].replace(f"<p>{last}</p>".encode(),
                                              f"<div class='body field-label-hidden'><p>{last}</p></div>".encode())
    rows = trainer.element_rows(entries, "news")
    assert [len(r["feats"]) for r in rows] == [1, 1, 1, 1]
    assert all(r["feats"][0]["r:boiler:hidden"] == 1.0 and r["labels"][0][0] == 1.0 for r in rows)
    spare = trainer.fit_reprieve(rows, 0.3)
    assert spare["at"] == 0.3 and spare["tiers"] == list(trainer.REPRIEVE_TIERS)
    assert spare["weights"]["r:boiler:hidden"] > 0
    assert trainer.fit_reprieve([dict(r, labels=[None]) for r in rows], 0.3) is None  # nothing labelled
