"""Cross-table checks on a dataset that has been read: references, dates, lifetimes.

Per-cell checks (enums, date syntax, required values) happen while reading; what is checked here
needs more than one row: ids that must exist, dates that must be in order, lifetimes.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, itemgetter

from .collector import paused_collector
from .dates import PartialDate, julian_to_gregorian
from .errors import Problem
from .models import (
    POSTHUMOUS_OBJECT_TYPES,
    POSTHUMOUS_ROLES,
    SYMMETRIC_TYPES,
    WEAK_SOURCE_KINDS,
    Confidence,
    Dataset,
    Fate,
    Person,
    Relationship,
    Role,
)
from .plausibility import check_plausibility
from .screens import distinct, repeated, suspect_memberships, suspect_relationships
from .tables import TABLES_BY_NAME


@dataclass(frozen=True, slots=True)
class _Checker:
    dataset: Dataset
    broken_keys: dict[str, set[str]]
    unreadable: set[str]

    def at(self, table: str, line: int, column: str, message: str) -> Problem:
        """A problem located at a column of a row, as the user's file has it."""
        position = self.dataset.columns.get(table, {}).get(column)
        return Problem(f"{table}.csv", line, position, column, message)

    def unknown(self, table: str, key: str) -> bool:
        """True when ``key`` is no row of ``table`` and not a row already reported as broken."""
        if table in self.unreadable:
            return False
        rows = getattr(self.dataset, table)
        return key not in rows and key not in self.broken_keys.get(table, set())


def check(
    dataset: Dataset,
    broken_keys: dict[str, set[str]] | None = None,
    unreadable: set[str] | None = None,
) -> list[Problem]:
    """Every cross-table problem of ``dataset``, in table order then line order.

    References into rows in ``broken_keys`` or tables in ``unreadable`` are not reported again.
    """
    checker = _Checker(dataset, broken_keys or {}, unreadable or set())
    with paused_collector():
        problems = _problems(checker)
    order = {f"{name}.csv": index for index, name in enumerate(TABLES_BY_NAME)}
    return sorted(problems, key=lambda p: (order[p.file], p.line or 0, p.column or 0))


def _problems(checker: _Checker) -> list[Problem]:
    return [
        *_check_people(checker),
        *_check_unique_ids(checker),
        *_check_bodies(checker),
        *_check_body_sizes(checker),
        *_check_memberships(checker),
        *_check_relationships(checker),
        *_check_duplicate_claims(checker),
        *_check_certain_sourcing(checker),
        *_check_events(checker),
        *_check_figures(checker),
        *_check_alternatives(checker),
        *_check_citations(checker),
        *check_plausibility(checker),
    ]


def _check_people(c: _Checker) -> Iterator[Problem]:
    for person in c.dataset.people.values():
        if person.born and person.died and person.died.is_before(person.born):
            yield c.at(
                "people", person.line, "died", f"death {person.died} is before birth {person.born}"
            )
        for column in ("born", "died"):
            yield from _check_old_style(c, person, column)
        if person.died is None and person.fate is not Fate.UNKNOWN:
            yield c.at("people", person.line, "died", f"fate {person.fate} needs a death date")
        arrested = person.arrested
        if arrested and person.born and arrested.is_before(person.born):
            message = f"arrest {arrested} is before birth {person.born}"
            yield c.at("people", person.line, "arrested", message)
        if arrested and person.died and arrested.is_after(person.died):
            message = f"arrest {arrested} is after death {person.died}"
            yield c.at("people", person.line, "arrested", message)


def _check_unique_ids(c: _Checker) -> Iterator[Problem]:
    """People, bodies and events are all nodes of one graph: an id names one of them only."""
    seen: dict[str, tuple[str, int]] = {}
    for table in ("people", "bodies", "events"):
        for key, row in getattr(c.dataset, table).items():
            first = seen.setdefault(key, (table, row.line))
            if first[0] != table:
                message = (
                    f"id {key!r} is already used in {first[0]}.csv (line {first[1]}): "
                    "ids must be unique across people, bodies and events"
                )
                yield c.at(table, row.line, "id", message)


def _check_old_style(c: _Checker, person: Person, column: str) -> Iterator[Problem]:
    """An Old Style date must convert to the New Style one beside it."""
    new: PartialDate | None = getattr(person, column)
    old: PartialDate | None = getattr(person, f"{column}_os")
    if old is None:
        return
    if new is None:
        yield c.at(
            "people", person.line, column, f"{column}_os {old} is given but {column} is empty"
        )
        return
    converted = julian_to_gregorian(old)
    if old.precision == "day" and new.precision == "day" and converted != new:
        message = f"Old Style {old} is {converted} New Style, not {new}"
        yield c.at("people", person.line, column, message)


def _span_in_order(
    c: _Checker, table: str, line: int, start: PartialDate | None, end: PartialDate | None
) -> list[Problem]:
    """A dated row must not end before it starts. (A list, not a generator: called once per row
    of the biggest tables, where a generator's set-up costs more than the check.)"""
    if start and end and end.is_before(start):
        return [c.at(table, line, "end", f"end {end} is before start {start}")]
    return []


def _check_bodies(c: _Checker) -> Iterator[Problem]:
    for body in c.dataset.bodies.values():
        for column in ("parent", "predecessor"):
            other = getattr(body, column)
            if other and c.unknown("bodies", other):
                yield c.at("bodies", body.line, column, f"unknown body {other!r}")
        yield from _span_in_order(c, "bodies", body.line, body.start, body.end)


def _check_body_sizes(c: _Checker) -> Iterator[Problem]:
    """A body's roster as elected (terms starting when it began) cannot outnumber its size."""
    for body in c.dataset.bodies.values():
        sizes = {Role.MEMBER: body.size_members, Role.CANDIDATE: body.size_candidates}
        for role, size in sizes.items():
            if size is None:
                continue
            elected = {
                m.person
                for m in c.dataset.memberships_by_body.get(body.id, [])
                if m.role is role and (m.start is None or m.start == body.start)
            }
            if len(elected) > size:
                column = f"size_{role.value}s"
                message = f"{len(elected)} {role.value}s elected at {body.start} but size is {size}"
                yield c.at("bodies", body.line, column, message)


def _check_memberships(c: _Checker) -> Iterator[Problem]:
    for m in suspect_memberships(c.dataset.memberships, c.dataset.people, c.dataset.bodies):
        person = c.dataset.people.get(m.person)
        body = c.dataset.bodies.get(m.body)
        if person is None and c.unknown("people", m.person):
            yield c.at("memberships", m.line, "person", f"unknown person {m.person!r}")
        if body is None and c.unknown("bodies", m.body):
            yield c.at("memberships", m.line, "body", f"unknown body {m.body!r}")
        yield from _span_in_order(c, "memberships", m.line, m.start, m.end)
        if person is not None:
            yield from _within_lifetime(c, "memberships", m.line, person, m.start, m.end)
        if body is not None and m.start:
            if body.start and m.start.is_before(body.start):
                message = f"start {m.start} is before {body.id} began ({body.start})"
                yield c.at("memberships", m.line, "start", message)
            if body.end and m.start.is_after(body.end):
                message = f"start {m.start} is after {body.id} ended ({body.end})"
                yield c.at("memberships", m.line, "start", message)


def _within_lifetime(
    c: _Checker,
    table: str,
    line: int,
    person: Person,
    start: PartialDate | None,
    end: PartialDate | None,
    *,
    role: str = "",
) -> list[Problem]:
    """A dated row that involves ``person`` must start after birth and start before death (a
    list, as for :func:`_span_in_order`)."""
    born, died = person.born, person.died
    problems: list[Problem] = []
    if start and born and start.is_before(born):
        who = f"{role} {person.id}" if role else person.id
        problems.append(
            c.at(table, line, "start", f"start {start} is before {who} was born ({born})")
        )
    if start and died and start.is_after(died):
        who = f"{role} {person.id}" if role else person.id
        problems.append(c.at(table, line, "start", f"start {start} is after {who} died ({died})"))
    if end and died and end.is_after(died):
        who = f"{role} {person.id}" if role else person.id
        problems.append(c.at(table, line, "end", f"end {end} is after {who} died ({died})"))
    return problems


def _check_relationships(c: _Checker) -> Iterator[Problem]:
    people = c.dataset.people
    for r in suspect_relationships(c.dataset.relationships, people, POSTHUMOUS_OBJECT_TYPES):
        subject = people.get(r.subject)
        obj = people.get(r.object)
        if subject is None and c.unknown("people", r.subject):
            yield c.at("relationships", r.line, "subject", f"unknown person {r.subject!r}")
        if obj is None and c.unknown("people", r.object):
            yield c.at("relationships", r.line, "object", f"unknown person {r.object!r}")
        if r.subject == r.object:
            yield c.at(
                "relationships", r.line, "object", f"{r.subject!r} cannot be {r.type} itself"
            )
        yield from _span_in_order(c, "relationships", r.line, r.start, r.end)
        if subject is not None:
            yield from _within_lifetime(
                c, "relationships", r.line, subject, r.start, r.end, role="subject"
            )
        if obj is not None and r.type not in POSTHUMOUS_OBJECT_TYPES:
            yield from _within_lifetime(
                c, "relationships", r.line, obj, r.start, None, role="object"
            )


def _claim_keys(relationships: list[Relationship]) -> list[tuple[str, str, str]]:
    """Each relationship's claim: subject, type and object, the pair in order for a symmetric
    type. (Made in one pass in C: one call per row was a third of the check's time at 1M.)"""
    keys: list[tuple[str, str, str]] = list(
        map(attrgetter("subject", "type", "object"), relationships)
    )
    # The member itself, not its .value (a property call): a StrEnum hashes and compares as its
    # value.
    symmetric = map(SYMMETRIC_TYPES.__contains__, map(itemgetter(1), keys))
    for i in compress(range(len(keys)), symmetric):
        subject, kind, obj = keys[i]
        if obj < subject:
            keys[i] = (obj, kind, subject)
    return keys


def _overlap(a: Relationship, b: Relationship) -> bool:
    """True when both spans certainly share more than a boundary day (open ends are open)."""
    a_first = a.end is not None and b.start is not None and not a.end.is_after(b.start)
    b_first = b.end is not None and a.start is not None and not b.end.is_after(a.start)
    return not (a_first or b_first)


def _check_duplicate_claims(c: _Checker) -> Iterator[Problem]:
    """One claim is one row: the same subject, type and object twice over overlapping spans."""
    relationships = c.dataset.relationships
    keys = _claim_keys(relationships)
    recurring = repeated(keys)
    if not recurring:
        return
    # One row per claim is the rule, so a claim maps to its row, and to a list only when it
    # recurs.
    claims: dict[Hashable, list[Relationship]] = {}
    for key, r in zip(keys, relationships, strict=True):
        if key not in recurring:
            continue
        earlier = claims.setdefault(key, [])
        first = next((other for other in earlier if _overlap(other, r)), None)
        if first is not None:
            message = (
                f"{r.subject} {r.type} {r.object} is already claimed on line {first.line} "
                "for an overlapping span: merge the rows (a disagreeing date goes to "
                "alternatives.csv)"
            )
            yield c.at("relationships", r.line, "object", message)
        earlier.append(r)


def _check_certain_sourcing(c: _Checker) -> Iterator[Problem]:
    """A claim marked certain needs a source that is not a mirror, a blog or a seed."""
    sources = c.dataset.sources

    def weak_only(cited: tuple[str, ...]) -> bool:
        # An unknown source id is reported by the citation check; judge only fully known rows.
        kinds = [sources[s].kind if s in sources else None for s in cited]
        return bool(cited) and all(kind in WEAK_SOURCE_KINDS for kind in kinds)

    relationships = c.dataset.relationships
    if not any(map(weak_only, distinct(map(attrgetter("sources"), relationships)))):
        return
    for r in relationships:
        if r.confidence is Confidence.CERTAIN and weak_only(r.sources):
            message = "a certain claim needs a source that is not a mirror, blog or seed"
            yield c.at("relationships", r.line, "confidence", message)


def _check_figures(c: _Checker) -> Iterator[Problem]:
    for figure in c.dataset.figures.values():
        if figure.body and c.unknown("bodies", figure.body):
            yield c.at("figures", figure.line, "body", f"unknown body {figure.body!r}")
        if figure.total is not None and figure.value > figure.total:
            message = f"value {figure.value} is more than total {figure.total}"
            yield c.at("figures", figure.line, "value", message)


def _check_events(c: _Checker) -> Iterator[Problem]:
    for row in c.dataset.events.values():
        yield from _span_in_order(c, "events", row.line, row.start, row.end)
    for part in c.dataset.participants:
        event = c.dataset.events.get(part.event)
        person = c.dataset.people.get(part.person)
        if event is None and c.unknown("events", part.event):
            yield c.at("participants", part.line, "event", f"unknown event {part.event!r}")
        if person is None and c.unknown("people", part.person):
            yield c.at("participants", part.line, "person", f"unknown person {part.person!r}")
        if event is None or person is None or event.start is None:
            continue
        if person.born and event.start.is_before(person.born):
            message = f"{event.id} ({event.start}) is before {person.id} was born ({person.born})"
            yield c.at("participants", part.line, "person", message)
        if person.died and event.start.is_after(person.died) and part.role not in POSTHUMOUS_ROLES:
            message = f"{event.id} ({event.start}) is after {person.id} died ({person.died})"
            yield c.at("participants", part.line, "person", message)


def _check_alternatives(c: _Checker) -> Iterator[Problem]:
    for alt in c.dataset.alternatives:
        table = TABLES_BY_NAME.get(alt.table)
        if table is None or table.key is None:
            keyed = ", ".join(t.name for t in TABLES_BY_NAME.values() if t.key)
            yield c.at("alternatives", alt.line, "table", f"{alt.table!r} is not one of: {keyed}")
            continue
        if c.unknown(table.name, alt.id):
            yield c.at("alternatives", alt.line, "id", f"unknown {table.name} id {alt.id!r}")
        column = next((col for col in table.columns if col.name == alt.column), None)
        if column is None:
            yield c.at(
                "alternatives", alt.line, "column", f"{table.name} has no column {alt.column!r}"
            )
            continue
        try:
            column.parse(alt.value)
        except ValueError as err:
            yield c.at("alternatives", alt.line, "value", str(err))


def _check_citations(c: _Checker) -> Iterator[Problem]:
    """Every source id cited by any row must be a row of sources.csv."""
    for table, rows in c.dataset.cited().items():
        cited = distinct(map(attrgetter("sources"), rows))
        if not any(c.unknown("sources", source) for sources in cited for source in sources):
            continue
        for row in rows:
            for source in row.sources:
                if c.unknown("sources", source):
                    yield c.at(table, row.line, "sources", f"unknown source {source!r}")
