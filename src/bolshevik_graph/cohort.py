"""The Central Committees side by side: one row per committee with its size, how much of its
roster the data names, and how its people ended. The picture of the terror consuming the party's
leadership congress by congress, computed from the same derived facts as `fates`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from .dates import PartialDate
from .derived import killed_on_orders_of
from .fates import died_before_great_terror, outlived_stalin
from .figures import body_people
from .models import VIOLENT_FATES, Body, BodyKind, Dataset, Fate


@dataclass(frozen=True, slots=True)
class CohortRow:
    """One committee: its published size and what the data knows of its people."""

    body: Body
    known: int
    fates: dict[str, int]
    killed_on_stalins_orders: int
    arrested: int
    died_violently: int
    died_before_great_terror: int
    outlived_stalin: int

    @property
    def size(self) -> int | None:
        """The published size (members and candidates), when the data records it."""
        return self.body.size

    @property
    def killed_share(self) -> float | None:
        """Share of the known people killed on Stalin's orders."""
        return self.killed_on_stalins_orders / self.known if self.known else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping; the same keys are the CSV columns."""
        share = self.killed_share
        return {
            "body": self.body.id,
            "name": self.body.name,
            "elected": _iso(self.body.start),
            "size": self.size,
            "known": self.known,
            "unfilled": None if self.size is None else max(0, self.size - self.known),
            "killed_on_stalins_orders": self.killed_on_stalins_orders,
            "arrested": self.arrested,
            "died_violently": self.died_violently,
            "died_before_great_terror": self.died_before_great_terror,
            "outlived_stalin": self.outlived_stalin,
            "share_killed": None if share is None else round(share, 4),
            "fates": dict(self.fates),
        }


def _iso(day: PartialDate | None) -> str | None:
    return str(day) if day else None


def cohort(dataset: Dataset, kind: BodyKind = BodyKind.CENTRAL_COMMITTEE) -> list[CohortRow]:
    """One row per body of ``kind`` (Central Committees by default), in order of election."""
    bodies = sorted(
        (b for b in dataset.bodies.values() if b.kind is kind),
        key=lambda b: (b.start.earliest if b.start else date.max, b.id),
    )
    return [_row(dataset, body) for body in bodies]


def _row(dataset: Dataset, body: Body) -> CohortRow:
    people = body_people(dataset, body.id)
    fates = Counter(p.fate.value for p in people)
    return CohortRow(
        body=body,
        known=len(people),
        fates={f.value: fates[f.value] for f in Fate if fates[f.value]},
        killed_on_stalins_orders=sum(killed_on_orders_of(dataset, p.id) for p in people),
        arrested=sum(p.arrested is not None for p in people),
        died_violently=sum(p.fate in VIOLENT_FATES for p in people),
        died_before_great_terror=sum(died_before_great_terror(p.died) for p in people),
        outlived_stalin=sum(outlived_stalin(p.died) for p in people),
    )
