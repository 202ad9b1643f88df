"""Typed records for the rows of each table, the vocabularies they use, and the Dataset container.

Records are frozen dataclasses (built fast: :mod:`.frozen`): they know nothing of files, engines
or graphs. Each carries the line it came from so that cross-table checks can point at it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Protocol

from .dates import PartialDate
from .frozen import fast_init


class Fate(StrEnum):
    """How a person's life ended (see graph_data/README.md for each value's meaning)."""

    EXECUTED = "executed"
    DIED_IN_CUSTODY = "died_in_custody"
    ASSASSINATED = "assassinated"
    SUICIDE = "suicide"
    NATURAL = "natural"
    ACCIDENT = "accident"
    KILLED_BY_ENEMY = "killed_by_enemy"
    UNKNOWN = "unknown"


#: Fates in which another person or the state took the life.
VIOLENT_FATES = frozenset({Fate.EXECUTED, Fate.DIED_IN_CUSTODY, Fate.ASSASSINATED})


class BodyKind(StrEnum):
    """What sort of organisation a body is."""

    PARTY = "party"
    FACTION = "faction"
    CENTRAL_COMMITTEE = "central-committee"
    POLITBURO = "politburo"
    ORGBURO = "orgburo"
    SECRETARIAT = "secretariat"
    GOVERNMENT = "government"
    SECRET_POLICE = "secret-police"
    MILITARY = "military"
    INTERNATIONAL = "international"
    COURT = "court"
    OTHER = "other"


class Role(StrEnum):
    """A person's role in a body."""

    MEMBER = "member"
    CANDIDATE = "candidate"
    CHAIR = "chair"
    SECRETARY = "secretary"
    GENERAL_SECRETARY = "general-secretary"
    HEAD = "head"
    DEPUTY = "deputy"
    COMMANDER = "commander"
    LEADER = "leader"


class RelType(StrEnum):
    """Typed relationships between two people, read as ``subject TYPE object``."""

    PURGED_BY = "PURGED_BY"
    KILLED_BY = "KILLED_BY"
    ACTED_ON_ORDERS_OF = "ACTED_ON_ORDERS_OF"
    ALLIED_WITH = "ALLIED_WITH"
    OPPOSED = "OPPOSED"
    DENOUNCED = "DENOUNCED"
    SUCCEEDED = "SUCCEEDED"
    MARRIED_TO = "MARRIED_TO"
    SENTENCE_APPROVED_BY = "SENTENCE_APPROVED_BY"


#: Relationship types whose direction carries no meaning (A ALLIED_WITH B is B ALLIED_WITH A).
SYMMETRIC_TYPES = frozenset({RelType.ALLIED_WITH, RelType.MARRIED_TO})
#: Relationship types whose object may already be dead when the relationship starts.
POSTHUMOUS_OBJECT_TYPES = frozenset({RelType.DENOUNCED, RelType.SUCCEEDED})


class Confidence(StrEnum):
    """How sure the sources are of a relationship, strongest first."""

    CERTAIN = "certain"
    LIKELY = "likely"
    POSSIBLE = "possible"
    DISPUTED = "disputed"

    @property
    def rank(self) -> int:
        """0 for certain up to 3 for disputed: lower is surer."""
        return list(Confidence).index(self)


#: Confidence levels strong enough to count a relationship as established fact.
ESTABLISHED = frozenset({Confidence.CERTAIN, Confidence.LIKELY})


class EventKind(StrEnum):
    """What sort of event an event is."""

    REVOLUTION = "revolution"
    WAR = "war"
    TREATY = "treaty"
    REBELLION = "rebellion"
    CONGRESS = "congress"
    DOCUMENT = "document"
    ASSASSINATION = "assassination"
    TRIAL = "trial"
    SPEECH = "speech"
    PURGE = "purge"
    OTHER = "other"


class ParticipantRole(StrEnum):
    """A person's part in an event."""

    DEFENDANT = "defendant"
    PROSECUTOR = "prosecutor"
    JUDGE = "judge"
    DEFENCE = "defence"
    EXECUTIONER = "executioner"
    VICTIM = "victim"
    ASSASSIN = "assassin"
    AUTHOR = "author"
    SPEAKER = "speaker"
    SUBJECT = "subject"
    ORGANISER = "organiser"
    LEADER = "leader"
    PARTICIPANT = "participant"
    SIGNATORY = "signatory"


#: Parts a person can play in an event after their death (the subject of the Secret Speech).
POSTHUMOUS_ROLES = frozenset({ParticipantRole.SUBJECT})


class SourceKind(StrEnum):
    """What sort of work a source is."""

    SEED = "seed"
    ENCYCLOPEDIA = "encyclopedia"
    BOOK = "book"
    ARTICLE = "article"
    WEB = "web"
    DATABASE = "database"
    ARCHIVE = "archive"
    MIRROR = "mirror"
    BLOG = "blog"


#: Kinds that cannot carry a claim alone: copies of another publication, opinion, seed documents.
WEAK_SOURCE_KINDS = frozenset({SourceKind.MIRROR, SourceKind.BLOG, SourceKind.SEED})


class Cited(Protocol):
    """Any row that cites sources and knows its line: every table but sources itself."""

    @property
    def sources(self) -> tuple[str, ...]: ...

    @property
    def line(self) -> int: ...


@fast_init
@dataclass(frozen=True, slots=True)
class Person:
    """A row of people.csv."""

    id: str
    name: str
    full_name: str
    name_ru: str
    aliases: tuple[str, ...]
    born: PartialDate | None
    born_os: PartialDate | None
    born_place: str
    died: PartialDate | None
    died_os: PartialDate | None
    died_place: str
    arrested: PartialDate | None
    fate: Fate
    fate_detail: str
    wikidata: str
    note: str
    sources: tuple[str, ...]
    line: int = field(default=0, compare=False)


@fast_init
@dataclass(frozen=True, slots=True)
class Body:
    """A row of bodies.csv: a party, faction, committee or state organ."""

    id: str
    name: str
    name_ru: str
    kind: BodyKind
    parent: str
    predecessor: str
    start: PartialDate | None
    end: PartialDate | None
    size_members: int | None
    size_candidates: int | None
    note: str
    sources: tuple[str, ...]
    line: int = field(default=0, compare=False)

    @property
    def size(self) -> int | None:
        """The published size, members and candidates together, when both are known."""
        if self.size_members is None or self.size_candidates is None:
            return None
        return self.size_members + self.size_candidates


@fast_init
@dataclass(frozen=True, slots=True)
class Membership:
    """A row of memberships.csv: one term of one person in one body."""

    person: str
    body: str
    role: Role
    start: PartialDate | None
    end: PartialDate | None
    note: str
    sources: tuple[str, ...]
    line: int = field(default=0, compare=False)


@fast_init
@dataclass(frozen=True, slots=True)
class Relationship:
    """A row of relationships.csv: ``subject TYPE object`` between two people."""

    subject: str
    type: RelType
    object: str
    start: PartialDate | None
    end: PartialDate | None
    confidence: Confidence
    note: str
    sources: tuple[str, ...]
    line: int = field(default=0, compare=False)


@fast_init
@dataclass(frozen=True, slots=True)
class Event:
    """A row of events.csv: a dated event such as a trial, a treaty or a speech."""

    id: str
    name: str
    name_ru: str
    kind: EventKind
    start: PartialDate | None
    end: PartialDate | None
    place: str
    note: str
    sources: tuple[str, ...]
    line: int = field(default=0, compare=False)


@fast_init
@dataclass(frozen=True, slots=True)
class Participation:
    """A row of participants.csv: a person's part in an event (a defendant and the sentence)."""

    event: str
    person: str
    role: ParticipantRole
    sentence: str
    note: str
    sources: tuple[str, ...]
    line: int = field(default=0, compare=False)


@fast_init
@dataclass(frozen=True, slots=True)
class Source:
    """A row of sources.csv: a work cited by other rows."""

    id: str
    kind: SourceKind
    title: str
    author: str
    publisher: str
    year: str
    url: str
    note: str
    line: int = field(default=0, compare=False)


class Measure(StrEnum):
    """What a published figure counts among the people of a body (members and candidates)."""

    ARRESTED = "arrested"
    ARRESTED_AND_SHOT = "arrested_and_shot"
    DIED_VIOLENTLY = "died_violently"
    KILLED_ON_STALINS_ORDERS = "killed_on_stalins_orders"
    MEDIAN_AGE = "median_age_at_revolution"
    YOUNGEST_AGE = "youngest_age_at_revolution"


#: Measures that are ages, not counts of people: they have no total.
AGE_MEASURES = frozenset({Measure.MEDIAN_AGE, Measure.YOUNGEST_AGE})


@fast_init
@dataclass(frozen=True, slots=True)
class Figure:
    """A row of figures.csv: a statistic a historian or a speaker published, kept to compare.

    ``value`` of ``total`` people of ``body`` were ``measure`` according to ``claimant``.
    """

    id: str
    body: str
    measure: Measure
    value: int
    total: int | None
    claimant: str
    year: str
    statement: str
    note: str
    sources: tuple[str, ...]
    line: int = field(default=0, compare=False)


@fast_init
@dataclass(frozen=True, slots=True)
class Alternative:
    """A row of alternatives.csv: a value another source gives where sources disagree."""

    table: str
    id: str
    column: str
    value: str
    sources: tuple[str, ...]
    note: str
    line: int = field(default=0, compare=False)


@dataclass
class Dataset:
    """Every table of a dataset, with lookups built on first use.

    ``columns`` maps each table name to its header (column name → 1-based position), so that a
    cross-table check can point at the column of the file the user actually wrote.
    """

    people: dict[str, Person] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    memberships: list[Membership] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    alternatives: list[Alternative] = field(default_factory=list)
    events: dict[str, Event] = field(default_factory=dict)
    participants: list[Participation] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)
    columns: dict[str, dict[str, int]] = field(default_factory=dict)
    location: str = ""

    def cited(self) -> dict[str, list[Cited]]:
        """Every table whose rows cite sources, by table name, in the documented table order."""
        return {
            "people": list(self.people.values()),
            "bodies": list(self.bodies.values()),
            "memberships": list(self.memberships),
            "relationships": list(self.relationships),
            "events": list(self.events.values()),
            "participants": list(self.participants),
            "figures": list(self.figures.values()),
            "alternatives": list(self.alternatives),
        }

    @cached_property
    def memberships_by_body(self) -> dict[str, list[Membership]]:
        """Memberships grouped by body id, in file order."""
        return _group(self.memberships, lambda m: m.body)

    @cached_property
    def memberships_by_person(self) -> dict[str, list[Membership]]:
        """Memberships grouped by person id, in file order."""
        return _group(self.memberships, lambda m: m.person)

    @cached_property
    def relationships_by_subject(self) -> dict[str, list[Relationship]]:
        """Relationships grouped by their subject's id."""
        return _group(self.relationships, lambda r: r.subject)

    @cached_property
    def relationships_by_object(self) -> dict[str, list[Relationship]]:
        """Relationships grouped by their object's id."""
        return _group(self.relationships, lambda r: r.object)

    @cached_property
    def participants_by_event(self) -> dict[str, list[Participation]]:
        """Participations grouped by event id, in file order."""
        return _group(self.participants, lambda p: p.event)

    @cached_property
    def participants_by_person(self) -> dict[str, list[Participation]]:
        """Participations grouped by person id, in file order."""
        return _group(self.participants, lambda p: p.person)

    @cached_property
    def alternatives_by_row(self) -> dict[tuple[str, str], list[Alternative]]:
        """Alternatives grouped by (table, row id)."""
        return _group(self.alternatives, lambda a: (a.table, a.id))


def _group[K, R](rows: list[R], key: Callable[[R], K]) -> dict[K, list[R]]:
    """Rows grouped by ``key``, each group in the rows' order."""
    index: dict[K, list[R]] = defaultdict(list)
    for row in rows:
        index[key(row)].append(row)
    return dict(index)
