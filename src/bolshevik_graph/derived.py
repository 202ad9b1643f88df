"""Facts derived from the relationships of the graph, computed in one place and reused everywhere.

"Killed on Stalin's orders" is never a hand-set column: it follows from the edges. A person was
killed on someone's orders when their fate is violent (executed, died in custody, assassinated)
and either they were PURGED_BY that person in a purge still in force when they died (its end not
before their death: Abakumov, arrested on Stalin's orders in 1951 but shot under his successors
in 1954, does not count), or their sentence was SENTENCE_APPROVED_BY that person (a signature on
a Politburo execution list), or they were KILLED_BY that person or by someone who
ACTED_ON_ORDERS_OF that person — each edge at an established confidence (certain or likely).
"""

from __future__ import annotations

from .models import ESTABLISHED, VIOLENT_FATES, Dataset, RelType

STALIN = "stalin"


def killed_on_orders_of(dataset: Dataset, person_id: str, orderer: str = STALIN) -> bool:
    """True when the relationships establish that ``orderer`` had ``person_id`` killed."""
    person = dataset.people.get(person_id)
    if person is None or person.fate not in VIOLENT_FATES:
        return False
    for rel in dataset.relationships_by_subject.get(person_id, []):
        if rel.confidence not in ESTABLISHED:
            continue
        if rel.type is RelType.PURGED_BY and rel.object == orderer:
            ended_before_death = rel.end and person.died and rel.end.is_before(person.died)
            if not ended_before_death:
                return True
        if rel.type is RelType.SENTENCE_APPROVED_BY and rel.object == orderer:
            return True
        if rel.type is RelType.KILLED_BY and (
            rel.object == orderer or acted_on_orders_of(dataset, rel.object, orderer)
        ):
            return True
    return False


def acted_on_orders_of(dataset: Dataset, agent_id: str, orderer: str) -> bool:
    """True when an established ACTED_ON_ORDERS_OF edge runs from ``agent_id`` to ``orderer``."""
    return any(
        rel.type is RelType.ACTED_ON_ORDERS_OF
        and rel.object == orderer
        and rel.confidence in ESTABLISHED
        for rel in dataset.relationships_by_subject.get(agent_id, [])
    )


def killers(dataset: Dataset, person_id: str) -> list[str]:
    """Ids of the people the data names as having killed ``person_id`` (any confidence)."""
    return [
        rel.object
        for rel in dataset.relationships_by_subject.get(person_id, [])
        if rel.type is RelType.KILLED_BY
    ]


def sentence_approvers(dataset: Dataset, person_id: str) -> list[str]:
    """Ids of the people whose signature approved ``person_id``'s sentence, in file order."""
    return [
        rel.object
        for rel in dataset.relationships_by_subject.get(person_id, [])
        if rel.type is RelType.SENTENCE_APPROVED_BY
    ]
