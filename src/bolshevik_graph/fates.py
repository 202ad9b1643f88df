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
from .figures import FigureCheck, check_figures
from .models import Body, Dataset, Fate, Membership, Person, Role

#: Fates that mean the person lived on after an arrest (an unknown fate is not survival).
SURVIVED = frozenset({Fate.NATURAL, Fate.ACCIDENT, Fate.KILLED_BY_ENEMY})

#: The start of the Great Terror as the summary counts it (deaths before this year).
GREAT_TERROR = date(1936, 1, 1)


def died_before_great_terror(died: PartialDate | None) -> bool:
    """True when a death certainly came before 1936 (an unknown death date does not count)."""
    return died is not None and died.is_before(GREAT_TERROR)


def outlived_stalin(died: PartialDate | None) -> bool:
    """True when a death certainly came after Stalin's, 5 Mar 1953."""
    return died is not None and died.is_after(STALIN_DIED)


DEFAULT_BODY = "cc-1917-aug"


@dataclass(frozen=True, slots=True)
class FateRow:
    """One member of a body and how they ended."""

    id: str
    name: str
    role: str
    born: PartialDate | None
    died: PartialDate | None
    arrested: PartialDate | None
    age: int | None
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
            "arrested": str(self.arrested) if self.arrested else None,
            "age": self.age,
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
    arrested: int
    arrested_survived: int
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
            "arrested": self.arrested,
            "arrested_survived": self.arrested_survived,
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
class Coverage:
    """How much of a body's published roster the data holds, per role."""

    role: str
    size: int
    known: int

    @property
    def unfilled(self) -> int:
        """Slots of the published size the data has no name for."""
        return max(0, self.size - self.known)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {"role": self.role, "size": self.size, "known": self.known}


@dataclass(frozen=True, slots=True)
class FatesReport:
    """The fates of one body's members, a summary for each role, the roster's coverage and the
    published figures about the body beside the same counts computed from the data."""

    body: Body
    people: list[FateRow]
    summaries: list[RoleSummary] = field(default_factory=list)
    age_basis: str = "revolution"
    coverage: list[Coverage] = field(default_factory=list)
    figures: list[FigureCheck] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape: ``body``, ``people``, ``summary`` (keyed by role),
        ``age_basis``, ``coverage`` and ``figures``."""
        return {
            "body": {
                "id": self.body.id,
                "name": self.body.name,
                "kind": self.body.kind.value,
                "start": str(self.body.start) if self.body.start else None,
                "end": str(self.body.end) if self.body.end else None,
            },
            "age_basis": self.age_basis,
            "people": [row.to_dict() for row in self.people],
            "summary": {summary.role: summary.to_dict() for summary in self.summaries},
            "coverage": [c.to_dict() for c in self.coverage],
            "figures": [f.to_dict() for f in self.figures],
        }


#: Roles in the order they are listed; a person with several roles in a body shows the first.
_ROLE_ORDER = list(Role)


def fates(dataset: Dataset, body: str = DEFAULT_BODY) -> FatesReport:
    """The fates of everyone who held a role in ``body``, with a summary per role.

    Ages are taken at the revolution (7 Nov 1917) for bodies of 1917 and before, and on entering
    the body for later ones (``age_basis`` says which).
    """
    if body not in dataset.bodies:
        raise UnknownIdError("body", body, dataset.bodies)
    the_body = dataset.bodies[body]
    at_revolution = the_body.start is None or not the_body.start.is_after(REVOLUTION)
    by_person: dict[str, list[Membership]] = {}
    for membership in dataset.memberships_by_body.get(body, []):
        by_person.setdefault(membership.person, []).append(membership)
    rows = [
        _row(dataset, dataset.people[person_id], terms, at_revolution)
        for person_id, terms in by_person.items()
    ]
    rows.sort(key=lambda row: (_ROLE_ORDER.index(Role(row.role)), row.id))
    roles = sorted({row.role for row in rows}, key=lambda role: _ROLE_ORDER.index(Role(role)))
    summaries = [_summarise(role, [row for row in rows if row.role == role]) for role in roles]
    return FatesReport(
        the_body,
        rows,
        summaries,
        age_basis="revolution" if at_revolution else "entry",
        coverage=roster_coverage(dataset, the_body),
        figures=check_figures(dataset, body),
    )


def roster_coverage(dataset: Dataset, body: Body) -> list[Coverage]:
    """Known people elected with the body (terms starting when it began) against its sizes."""
    sizes = {Role.MEMBER: body.size_members, Role.CANDIDATE: body.size_candidates}
    terms = dataset.memberships_by_body.get(body.id, [])
    return [
        Coverage(
            role.value,
            size,
            len(
                {
                    m.person
                    for m in terms
                    if m.role is role and (m.start is None or m.start == body.start)
                }
            ),
        )
        for role, size in sizes.items()
        if size is not None
    ]


def _primary_role(terms: list[Membership]) -> Role:
    """The highest role a person held in the body (a candidate later promoted counts as member)."""
    return min((term.role for term in terms), key=_ROLE_ORDER.index)


def _row(dataset: Dataset, person: Person, terms: list[Membership], at_revolution: bool) -> FateRow:
    entry = min((t.start for t in terms if t.start is not None), default=None)
    on = REVOLUTION if at_revolution or entry is None else entry.earliest
    ages = age_range(person.born, on) if person.born and (at_revolution or entry) else None
    if ages and entry is not None and not at_revolution and entry.precision != "day":
        ages = (ages[0], max(ages[1], age_range(person.born, entry.latest)[1]))  # type: ignore[arg-type]
    exact = ages[0] if ages and ages[0] == ages[1] else None
    return FateRow(
        id=person.id,
        name=person.name,
        role=_primary_role(terms).value,
        born=person.born,
        died=person.died,
        arrested=person.arrested,
        age=exact,
        age_range=ages,
        fate=person.fate,
        killed_on_stalins_orders=killed_on_orders_of(dataset, person.id),
        how=person.fate_detail,
    )


def _summarise(role: str, rows: list[FateRow]) -> RoleSummary:
    aged = [row for row in rows if row.age is not None]
    ages = [row.age for row in aged if row.age is not None]
    fate_counts = Counter(row.fate.value for row in rows)
    by_age = sorted(aged, key=lambda row: (row.age, row.name))
    return RoleSummary(
        role=role,
        count=len(rows),
        fates={fate.value: fate_counts[fate.value] for fate in Fate if fate_counts[fate.value]},
        killed_on_stalins_orders=sum(row.killed_on_stalins_orders for row in rows),
        arrested=sum(row.arrested is not None for row in rows),
        arrested_survived=sum(row.arrested is not None and row.fate in SURVIVED for row in rows),
        died_before_great_terror=sum(1 for row in rows if died_before_great_terror(row.died)),
        outlived_stalin=sum(1 for row in rows if outlived_stalin(row.died)),
        ages_known=len(ages),
        median_age=statistics.median(ages) if ages else None,
        mean_age=statistics.fmean(ages) if ages else None,
        youngest=_extreme(by_age[0]) if by_age else None,
        oldest=_extreme(min(aged, key=lambda row: (-(row.age or 0), row.name))) if aged else None,
    )


def _extreme(row: FateRow) -> Extreme:
    assert row.age is not None
    return Extreme(row.id, row.name, row.age)
