"""Interleaved rounds and the ratio lines every benchmark prints.

A benchmark compares a side of newsbot with a peer doing the same work on the same input in
the same process run. Each round runs every side once, in an order that alternates from round
to round, so load from other processes on the machine falls on both sides alike; the figure
that counts is the ratio of the two sides within each round, summarised as the median of the
rounds with the least and greatest beside it.
"""
from __future__ import annotations

import argparse
import inspect
import statistics
import time
from typing import Callable


def interleaved(sides: dict[str, Callable[[], object]], rounds: int,
                clock: Callable[[], float] = time.process_time) -> dict[str, list[float]]:
    """Run each of ``sides`` (name → function of no argument) once a round for ``rounds``
    rounds, the order reversed every other round; returns each side's seconds a round, measured
    with ``clock`` (CPU seconds of this process by default; :func:`time.perf_counter` for wall
    time, when the work runs in other processes)."""
    spent: dict[str, list[float]] = {name: [] for name in sides}
    names = list(sides)
    for number in range(rounds):
        for name in names if number % 2 == 0 else reversed(names):
            start = clock()
            sides[name]()
            spent[name].append(clock() - start)
    return spent


def ratios(numerator: list[float], denominator: list[float]) -> list[float]:
    """The round-by-round ratios of two sides' figures (same length lists)."""
    return [a / b for a, b in zip(numerator, denominator)]


def summary(values: list[float]) -> tuple[float, float, float]:
    """``(median, least, greatest)`` of ``values``."""
    return statistics.median(values), min(values), max(values)


def ratio_line(label: str, values: list[float], goal: str = "") -> str:
    """One printed line: ``label``, the median ratio with its range over the rounds, and the
    goal it is held to (e.g. ``<= 1.2``)."""
    median, low, high = summary(values)
    return (f"{label:<44} {median:6.2f}  ({low:.2f}–{high:.2f}, {len(values)} rounds)"
            + (f"  goal {goal}" if goal else ""))


def per_item_line(label: str, seconds: list[float], items: int, unit: str = "ms/page") -> str:
    """One printed line of a side's own figure: median time an item (``seconds`` a round over
    ``items`` items), in milliseconds."""
    median, low, high = summary([1000 * s / items for s in seconds])
    return f"  {label:<42} {median:7.2f} {unit} ({low:.2f}–{high:.2f})"


def command(run: Callable[..., list[str]], doc: str, argv: list[str] | None = None,
            helps: dict[str, str] | None = None) -> int:
    """The command line of a benchmark whose ``run`` takes whole-number keyword parameters with
    defaults (``rounds``, ``copies``…): one ``--name N`` option each (default and name from
    ``run``'s signature, ``helps`` their help texts), ``doc``'s first line as the description.
    Prints the lines ``run`` returns; returns the exit status 0."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    for name, parameter in inspect.signature(run).parameters.items():
        parser.add_argument(f"--{name}", type=int, default=parameter.default, help=(helps or {}).get(name))
    for line in run(**vars(parser.parse_args(argv))):
        print(line, flush=True)
    return 0
