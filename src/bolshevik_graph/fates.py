"""The fates of a body's members: who they were, how they ended, and a summary per role.

This is the headline analysis of the project; it needs only the dataset (no networkx), so the
``fates`` command starts fast.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .dates import REVOLUTION, STALIN_DIED, PartialDate, age_range
from .derived import killed_on_orders_of
from .errors import UnknownIdError
from .models import Body, Dataset, Fate, Membership, Person, Role

#: The start of the Great Terror as the summary counts it (deaths before this year).
GREAT_TERROR = date(1936, 1, 1)
DEFAULT_BODY = "cc-1917-aug"


@dataclass(frozen=True, slots=True)
class FateRow:
    """One member of a body and how they ended."""

    id: str
    name: str
    role: str
    born: PartialDate | None
    died: PartialDate | None
    age_at_revolution: int | None
    age_range: tuple[int, int] | None
    fate: Fate
    killed_on_stalins_orders: bool
    how: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (dates as ISO strings)."""
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "born": str(self.born) if self.born else None,
            "died": str(self.died) if self.died else None,
            "age_at_revolution": self.age_at_revolution,
            "age_range": list(self.age_range) if self.age_range else None,
            "fate": self.fate.value,
            "killed_on_stalins_orders": self.killed_on_stalins_orders,
            "how": self.how,
        }


@dataclass(frozen=True, slots=True)
class Extreme:
    """The youngest or oldest member: who, and their age."""

    id: str
    name: str
    age: int


@dataclass(frozen=True, slots=True)
class RoleSummary:
    """Counts and ages for the members of one role (members, candidates, ...)."""

    role: str
    count: int
    fates: dict[str, int]
    killed_on_stalins_orders: int
    died_before_great_terror: int
    outlived_stalin: int
    ages_known: int
    median_age: float | None
    mean_age: float | None
    youngest: Extreme | None
    oldest: Extreme | None

    @property
    def killed_share(self) -> float:
        """Share of this role's members killed on Stalin's orders (0 to 1)."""
        return self.killed_on_stalins_orders / self.count if self.count else 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "role": self.role,
            "count": self.count,
            "fates": dict(self.fates),
            "killed_on_stalins_orders": self.killed_on_stalins_orders,
            "killed_on_stalins_orders_share": round(self.killed_share, 4),
            "died_before_great_terror": self.died_before_great_terror,
            "outlived_stalin": self.outlived_stalin,
            "ages_known": self.ages_known,
            "median_age": self.median_age,
            "mean_age": round(self.mean_age, 2) if self.mean_age is not None else None,
            "youngest": _extreme_dict(self.youngest),
            "oldest": _extreme_dict(self.oldest),
        }


def _extreme_dict(extreme: Extreme | None) -> dict[str, Any] | None:
    if extreme is None:
        return None
    return {"id": extreme.id, "name": extreme.name, "age": extreme.age}


@dataclass(frozen=True, slots=True)
class FatesReport:
    """The fates of one body's members, and a summary for each role."""

    body: Body
    people: list[FateRow]
    summaries: list[RoleSummary] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape: ``body``, ``people`` and ``summary`` (keyed by role)."""
        return {
            "body": {
                "id": self.body.id,
                "name": self.body.name,
                "kind": self.body.kind.value,
                "start": str(self.body.start) if self.body.start else None,
                "end": str(self.body.end) if self.body.end else None,
            },
            "people": [row.to_dict() for row in self.people],
            "summary": {summary.role: summary.to_dict() for summary in self.summaries},
        }


#: Roles in the order they are listed; a person with several roles in a body shows the first.
_ROLE_ORDER = list(Role)


def fates(dataset: Dataset, body: str = DEFAULT_BODY) -> FatesReport:
    """The fates of everyone who held a role in ``body``, with a summary per role."""
    if body not in dataset.bodies:
        raise UnknownIdError("body", body, dataset.bodies)
    by_person: dict[str, list[Membership]] = {}
    for membership in dataset.memberships_by_body.get(body, []):
        by_person.setdefault(membership.person, []).append(membership)
    rows = [
        _row(dataset, dataset.people[person_id], _primary_role(terms))
        for person_id, terms in by_person.items()
    ]
    rows.sort(key=lambda row: (_ROLE_ORDER.index(Role(row.role)), row.id))
    roles = sorted({row.role for row in rows}, key=lambda role: _ROLE_ORDER.index(Role(role)))
    summaries = [_summarise(role, [row for row in rows if row.role == role]) for role in roles]
    return FatesReport(dataset.bodies[body], rows, summaries)


def _primary_role(terms: list[Membership]) -> Role:
    """The highest role a person held in the body (a candidate later promoted counts as member)."""
    return min((term.role for term in terms), key=_ROLE_ORDER.index)


def _row(dataset: Dataset, person: Person, role: Role) -> FateRow:
    ages = age_range(person.born, REVOLUTION) if person.born else None
    exact = ages[0] if ages and ages[0] == ages[1] else None
    return FateRow(
        id=person.id,
        name=person.name,
        role=role.value,
        born=person.born,
        died=person.died,
        age_at_revolution=exact,
        age_range=ages,
        fate=person.fate,
        killed_on_stalins_orders=killed_on_orders_of(dataset, person.id),
        how=person.fate_detail,
    )


def _summarise(role: str, rows: list[FateRow]) -> RoleSummary:
    aged = [row for row in rows if row.age_at_revolution is not None]
    ages = [row.age_at_revolution for row in aged if row.age_at_revolution is not None]
    fate_counts = Counter(row.fate.value for row in rows)
    by_age = sorted(aged, key=lambda row: (row.age_at_revolution, row.name))
    return RoleSummary(
        role=role,
        count=len(rows),
        fates={fate.value: fate_counts[fate.value] for fate in Fate if fate_counts[fate.value]},
        killed_on_stalins_orders=sum(row.killed_on_stalins_orders for row in rows),
        died_before_great_terror=sum(
            1 for row in rows if row.died is not None and row.died.is_before(GREAT_TERROR)
        ),
        outlived_stalin=sum(
            1 for row in rows if row.died is not None and row.died.is_after(STALIN_DIED)
        ),
        ages_known=len(ages),
        median_age=statistics.median(ages) if ages else None,
        mean_age=statistics.fmean(ages) if ages else None,
        youngest=_extreme(by_age[0]) if by_age else None,
        oldest=_extreme(min(aged, key=lambda row: (-(row.age_at_revolution or 0), row.name)))
        if aged
        else None,
    )


def _extreme(row: FateRow) -> Extreme:
    assert row.age_at_revolution is not None
    return Extreme(row.id, row.name, row.age_at_revolution)
