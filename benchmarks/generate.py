"""Generate a synthetic dataset in the project's own CSV layout, at a chosen size.

    python benchmarks/generate.py --people 100000 --relationships 1000000 --out /tmp/big

People get plausible lifetimes (born 1850-1910, most dying 1917-1960), bodies get spans, and
relationship objects are drawn with a heavy-tailed degree distribution (a few people purge many,
as in the real graph). Every row cites the one synthetic source. The output validates clean.
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bolshevik_graph.tables import TABLES_BY_NAME

TYPES = ["PURGED_BY", "KILLED_BY", "ALLIED_WITH", "OPPOSED", "DENOUNCED", "SUCCEEDED"]
CONFIDENCE = ["certain", "likely", "possible", "disputed"]
FATES = ["executed", "natural", "died_in_custody", "suicide", "unknown"]


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def _writer(out: Path, table: str) -> tuple[Any, Any]:
    handle = (out / f"{table}.csv").open("w", encoding="utf-8", newline="")
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(TABLES_BY_NAME[table].column_names)
    return writer, handle


def generate(
    out: Path, people: int, relationships: int, bodies: int = 50, seed: int = 1917
) -> None:
    """Write people, bodies, memberships, relationships and sources CSVs into ``out``."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    lives: list[tuple[date, date]] = []
    writer, handle = _writer(out, "people")
    for i in range(people):
        born = _day(rng, date(1850, 1, 1), date(1905, 12, 31))
        last = min(
            date(1975, 1, 1), born + timedelta(days=365 * 100)
        )  # the validator refuses > 120
        died = _day(rng, max(born + timedelta(days=365 * 25), date(1917, 1, 1)), last)
        lives.append((born, died))
        fate = rng.choice(FATES)
        writer.writerow(
            [
                f"p{i}",
                f"Person {i}",
                f"Person Number {i}",
                "",
                "",
                born.isoformat(),
                "",
                "",
                died.isoformat(),
                "",
                "",
                "",
                fate,
                "",
                "",
                "",
                "synthetic",
            ]
        )
    handle.close()
    writer, handle = _writer(out, "bodies")
    for b in range(bodies):
        writer.writerow(
            [f"b{b}", f"Body {b}", "", "other", "", "", "1850", "", "", "", "", "synthetic"]
        )
    handle.close()
    writer, handle = _writer(out, "memberships")
    for i in range(people):
        born, died = lives[i]
        start = _day(rng, born + timedelta(days=365 * 18), died)
        writer.writerow(
            [
                f"p{i}",
                f"b{rng.randrange(bodies)}",
                "member",
                start.isoformat(),
                died.isoformat(),
                "",
                "synthetic",
            ]
        )
    handle.close()
    writer, handle = _writer(out, "relationships")
    written = 0
    # One claim is one row (the validator refuses a repeated subject, type and object).
    claimed: set[tuple[int, str, int]] = set()
    while written < relationships:
        subject = rng.randrange(people)
        # Heavy tail: low ids are the 'hubs' many people point at.
        obj = (
            min(people - 1, int(rng.paretovariate(1.2)) - 1)
            if rng.random() < 0.5
            else rng.randrange(people)
        )
        if obj == subject:
            continue
        (sb, sd), (ob, od) = lives[subject], lives[obj]
        lo, hi = max(sb, ob), min(sd, od)
        if lo >= hi:
            continue
        rel_type = rng.choice(TYPES)
        key = (min(subject, obj), rel_type, max(subject, obj))
        if key in claimed:
            continue
        claimed.add(key)
        start = _day(rng, lo, hi)
        writer.writerow(
            [
                f"p{subject}",
                rel_type,
                f"p{obj}",
                start.isoformat(),
                "",
                rng.choice(CONFIDENCE),
                "",
                "synthetic",
            ]
        )
        written += 1
    handle.close()
    writer, handle = _writer(out, "sources")
    writer.writerow(["synthetic", "database", "Synthetic benchmark data", "", "", "", "", ""])
    handle.close()


def main() -> None:
    """Parse the size and write the files."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--relationships", type=int, default=10000)
    parser.add_argument("--bodies", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1917)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generate(args.out, args.people, args.relationships, args.bodies, args.seed)
    print(f"wrote {args.out}: {args.people} people, {args.relationships} relationships")


if __name__ == "__main__":
    main()
