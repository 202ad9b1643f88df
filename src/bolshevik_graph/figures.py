"""Published figures about a body beside the same count computed from the data.

Historians and speakers give numbers ("of the 139 members and candidates ... 98 were arrested
and shot"); `figures.csv` keeps them with their sources, and this module computes what the data
says under the figure's measure, so the two can be printed side by side and the difference
explained. The data's count is over the people elected to the body as members or candidates.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .dates import REVOLUTION, age_range
from .derived import killed_on_orders_of
from .models import AGE_MEASURES, VIOLENT_FATES, Dataset, Fate, Figure, Measure, Person, Role

#: How the data counts a person under each measure: the same words appear in the data dictionary.
DEFINITIONS: dict[Measure, str] = {
    Measure.ARRESTED: "people with an arrest date",
    Measure.ARRESTED_AND_SHOT: "people whose fate is executed",
    Measure.DIED_VIOLENTLY: "people executed, dead in custody or assassinated",
    Measure.KILLED_ON_STALINS_ORDERS: "people killed on Stalin's orders (derived from the edges)",
    Measure.MEDIAN_AGE: "median completed age on 7 Nov 1917 of the full members with a known age",
    Measure.YOUNGEST_AGE: "youngest completed age on 7 Nov 1917 among the full members",
}

#: The measure in a few words, for a sentence ("98 of 139, arrested and shot").
LABELS: dict[Measure, str] = {
    Measure.ARRESTED: "arrested",
    Measure.ARRESTED_AND_SHOT: "arrested and shot",
    Measure.DIED_VIOLENTLY: "died violently",
    Measure.KILLED_ON_STALINS_ORDERS: "killed on Stalin's orders",
    Measure.MEDIAN_AGE: "median age at the revolution",
    Measure.YOUNGEST_AGE: "youngest age at the revolution",
}

_COUNTS: dict[Measure, Callable[[Dataset, Person], bool]] = {
    Measure.ARRESTED: lambda _, p: p.arrested is not None,
    Measure.ARRESTED_AND_SHOT: lambda _, p: p.fate is Fate.EXECUTED,
    Measure.DIED_VIOLENTLY: lambda _, p: p.fate in VIOLENT_FATES,
    Measure.KILLED_ON_STALINS_ORDERS: lambda d, p: killed_on_orders_of(d, p.id),
}


@dataclass(frozen=True, slots=True)
class FigureCheck:
    """A published figure and, when the data can compute it, the data's own value."""

    figure: Figure
    computed: int | float | None
    computed_total: int | None

    @property
    def definition(self) -> str:
        """How the data counts under this figure's measure."""
        return DEFINITIONS[self.figure.measure]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        f = self.figure
        return {
            "id": f.id,
            "claimant": f.claimant,
            "year": f.year or None,
            "measure": f.measure.value,
            "value": f.value,
            "total": f.total,
            "statement": f.statement,
            "note": f.note or None,
            "computed": self.computed,
            "computed_total": self.computed_total,
            "definition": self.definition,
            "sources": list(f.sources),
        }


def body_people(dataset: Dataset, body: str) -> list[Person]:
    """Everyone who held a term in ``body``, once each, in file order."""
    ids = dict.fromkeys(m.person for m in dataset.memberships_by_body.get(body, []))
    return [dataset.people[i] for i in ids if i in dataset.people]


def count(dataset: Dataset, people: list[Person], measure: Measure) -> int:
    """How many of ``people`` the data counts under ``measure``."""
    test = _COUNTS[measure]
    return sum(test(dataset, person) for person in people)


def _ages(dataset: Dataset, body: str) -> list[int]:
    members = dict.fromkeys(
        m.person for m in dataset.memberships_by_body.get(body, []) if m.role is Role.MEMBER
    )
    born = [dataset.people[i].born for i in members if i in dataset.people]
    ranges = [age_range(b, REVOLUTION) for b in born if b is not None]
    return [low for low, high in ranges if low == high]


def computed_value(dataset: Dataset, body: str, measure: Measure) -> int | float | None:
    """The data's value for ``measure`` over ``body`` (None when nobody qualifies)."""
    if measure is Measure.MEDIAN_AGE:
        ages = _ages(dataset, body)
        return statistics.median(ages) if ages else None
    if measure is Measure.YOUNGEST_AGE:
        return min(_ages(dataset, body), default=None)
    return count(dataset, body_people(dataset, body), measure)


def check_figures(dataset: Dataset, body: str) -> list[FigureCheck]:
    """Every published figure about ``body``, each with the data's value for the same measure."""
    total = len(body_people(dataset, body))
    return [
        FigureCheck(
            figure,
            computed_value(dataset, body, figure.measure),
            None if figure.measure in AGE_MEASURES else total,
        )
        for figure in dataset.figures.values()
        if figure.body == body
    ]
