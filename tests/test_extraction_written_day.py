"""The day written whole (``day_pattern``) finds exactly what the pattern compiled for each day
finds (the reference below), on many generated and hostile texts, and stays linear."""

import random
import re
from datetime import date

import pytest

from newsbot.extraction.date_fields import day_pattern


def _reference(day) -> re.Pattern:
    """The day written whole as one pattern compiled for that day, its numbers in the pattern."""
    d, m, y = day.day, day.month, day.year
    return re.compile(
        rf"(?<![\d.])0?{d}\.\s?0?{m}\.\s?(?:{y}|{y % 100:02d})(?!\d)|(?<!\d){y}-{m:02d}-{d:02d}(?!\d)"
        rf"|(?<!\d)0?{d}/0?{m}/{y}(?!\d)|(?<!\d)0?{m}/0?{d}/{y}(?!\d)|(?<![\d.]){y}\.\s?0?{m}\.\s?0?{d}(?![\d:])"
        rf"|(?<![\d.])0?{d}(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+|ta['’]\s*)?[^\W\d_]{{3,}}\.?,?\s+(?:de\s+)?{y}(?!\d)"
        rf"|[^\W\d_]{{3,}}\.?\s+0?{d}(?:st|nd|rd|th)?,?\s+{y}(?!\d)"
        rf"|(?<!\d){y}\.\s+(?:gada\s+)?(?:0?{d}\.\s+[^\W\d_]{{3,}}|[^\W\d_]{{3,}}\s+0?{d}\.?)(?!\d)"
        rf"|(?<!\d){y}\s+m\.\s+[^\W\d_]{{3,}}\s+0?{d}\s+d\.|(?<!\d)0?{d}-0?{m}-{y}(?!\d)")


_DAYS = [date(2025, 3, 4), date(2025, 12, 31), date(2003, 1, 10), date(2010, 10, 1), date(2025, 1, 1),
         date(2024, 2, 29), date(2011, 11, 11), date(2020, 12, 20), date(999, 9, 9)]


def _pieces(day) -> list[str]:
    """Parts a text is made of: the day's own numbers in every width, near misses, separators,
    month names and the joining words of the shapes."""
    d, m, y = day.day, day.month, day.year
    numbers = {str(d), f"{d:02d}", f"0{d:02d}", str(m), f"{m:02d}", str(y), f"{y % 100:02d}", str(y + 1),
               str(d + 1), f"{d}{d}", f"{y}{d}", "0", "00", "1", "12", "٣", str(y)[:3]}
    return sorted(numbers) + [".", ". ", "/", "-", " ", "  ", "\n", ",", ", ", ":", "º", "st", "th", "er",
                              "de ", "ta' ", "ta’", "gada ", "gada", "m. ", "d.", " d.", "März", "mars",
                              "marts", "Oct", "kovo", "a", "ab", "Éé", "_", "x1", "\u00a0"]


@pytest.mark.parametrize("day", _DAYS, ids=str)
def test_written_day_finds_what_the_day_s_own_pattern_finds(day):
    reference, written, rng = _reference(day), day_pattern(day), random.Random(day.toordinal())
    pieces = _pieces(day)
    d, m, y = day.day, day.month, day.year
    texts = [f"{d}.{m}.{y}", f"0{d}. 0{m}. {y % 100:02d}", f"{y}-{m:02d}-{d:02d}", f"{d}/{m}/{y}", f"{m}/{d}/{y}",
             f"{y}. {m:02d}. {d:02d}.", f"{y}. {m}. {d}:30", f"{d}th March, {y}", f"{d} de marzo de {y}",
             f"{d} ta' Marzu {y}", f"March {d}, {y}", f"Mar. {d}st {y}", f"{y}. gada {d}. marts",
             f"{y}. gada marts {d}.", f"{y}. március {d}.5", f"{y}. {d}. martsx1", f"{y} m. kovo {d} d.",
             f"0{d}-0{m}-{y}", f"{y}. gada gada {d}. x", f"1{d}.{m}.{y}", f"{d}.{m}.{y}1", f"x.March {d}, {y}",
             f"aMarch {d} {y}", f"{y}.March {d}, {y}", f"{d}.Mar {d}, {y}"]
    shapes = list(texts)
    for _ in range(6000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))))
    for _ in range(3000):  # the shapes cut, joined and mixed with the pieces
        parts = [rng.choice(shapes) for _ in range(rng.randint(1, 3))] + [rng.choice(pieces) for _ in range(3)]
        rng.shuffle(parts)
        text = "".join(parts)
        texts.append(text[rng.randint(0, 3):])
    for text in texts:
        assert [m.span() for m in written.finditer(text)] == [m.span() for m in reference.finditer(text)], text
        for pos in range(0, len(text) + 1, 3):
            got, want = written.search(text, pos), reference.search(text, pos)
            assert (got and got.span()) == (want and want.span()), (text, pos)
    hit = written.search(f"Published {d}.{m}.{y} at noon")
    assert hit.group() == f"{d}.{m}.{y}" and hit.start() == 10


@pytest.mark.parametrize("text, hits, after_1", [
    ("a" * 40000, 0, None), ("é" * 40000, 0, None), ("1" * 40000, 0, None), ("4. " * 20000, 0, None),
    ("2025. " * 8000, 0, None), ("March " * 8000, 0, None), ("4 " * 20000, 0, None),
    ("2025. gada " * 4000, 0, None), ("4." * 20000, 0, None), ("March 4, 202" * 4000, 0, None),
    ("4.3.2025 " * 5000, 5000, (9, 17)),
])
def test_written_day_reads_hostile_text_whole(text, hits, after_1):
    """Long runs of letters, digits and a day's pieces (the old pattern's backtracking took
    seconds on them) give exactly their days."""
    written = day_pattern(date(2025, 3, 4))
    assert sum(1 for _ in written.finditer(text)) == hits
    found = written.search(text, 1)
    assert (found and found.span()) == after_1
