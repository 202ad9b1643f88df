"""Finding a person by any name they are known by: id, name, full name, Russian name or alias.

People of this period are known by many names (Koba, Dzhugashvili, Ulyanov, Bronstein, Сталин,
"Iron Felix"), so every command that takes a person resolves what the user typed here, case- and
accent-insensitively and across scripts (Cyrillic is transliterated, so "Dzhugashvili" finds
"Джугашвили"). The rules, most specific first:

1. the text is an id: that person;
2. the whole text equals one of a person's names (or their id), once normalised;
3. every word of the text is a word of a person's names (so "Bukharin" or "Ulyanov" works).

The first rule that matches anyone decides. One person: their id. Several: an
:class:`~bolshevik_graph.errors.AmbiguousNameError` listing them with ids and dates. Nobody: an
:class:`~bolshevik_graph.errors.UnknownIdError` suggesting close ids.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .errors import AmbiguousNameError, UnknownIdError
from .models import Dataset, Person

#: Russian and Ukrainian letters in a plain Latin transliteration (close to BGN/PCGN, as used by
#: English-language histories: Dzhugashvili, Yezhov is matched through its alias Ezhov).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
    "ї": "yi", "є": "ye", "ґ": "g",
}  # fmt: skip
#: Latin letters that Unicode does not decompose into a base letter and an accent.
_LATIN = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"}


_NOT_ASCII_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """``text`` as it is compared: lower case, Cyrillic transliterated, accents dropped,
    punctuation and hyphens as spaces, single spaces."""
    if text.isascii():  # most names: the same result, ten times faster
        return " ".join(_NOT_ASCII_ALNUM.sub(" ", text.lower()).split())
    folded = "".join(_CYRILLIC.get(ch, _LATIN.get(ch, ch)) for ch in text.casefold())
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
    )
    return " ".join("".join(ch if ch.isalnum() else " " for ch in plain).split())


@dataclass(frozen=True, slots=True)
class PersonNames:
    """A person as name look-up sees them: the id, the names to match, and the dates to show."""

    id: str
    name: str
    born: str
    died: str
    names: tuple[str, ...]

    @classmethod
    def of(cls, person: Person) -> PersonNames:
        """The look-up entry of a dataset's person."""
        return cls(
            id=person.id,
            name=person.name,
            born=str(person.born or ""),
            died=str(person.died or ""),
            names=(person.name, person.full_name, person.name_ru, *person.aliases),
        )

    def describe(self) -> str:
        """``id: name, born - died`` (with an en dash), the line a list of candidates shows."""
        return f"{self.id}: {self.name}, {self.born or '?'} – {self.died or '?'}"


def match_people(people: Sequence[PersonNames], text: str) -> list[PersonNames]:
    """Everyone ``text`` could mean, by the first of the module's rules that matches anyone."""
    for person in people:
        if person.id == text:
            return [person]
    wanted = normalise(text)
    if not wanted:
        return []
    keys = {p.id: {normalise(n) for n in (p.id, *p.names) if n} for p in people}
    exact = [p for p in people if wanted in keys[p.id]]
    if exact:
        return exact
    words = set(wanted.split())
    return [p for p in people if words <= {w for key in keys[p.id] for w in key.split()}]


def resolve_name(
    people: Sequence[PersonNames], text: str, known: Iterable[str] | None = None
) -> str:
    """The id of the one person ``text`` names; raises when it names nobody or several.

    ``known``: every id, for the suggestions of an unknown name (default: those of ``people``)."""
    found = match_people(people, text)
    if len(found) == 1:
        return found[0].id
    if not found:
        raise UnknownIdError("person", text, [p.id for p in people] if known is None else known)
    raise AmbiguousNameError(text, [p.describe() for p in found])


def resolve_person(dataset: Dataset, text: str) -> str:
    """The id of the person of ``dataset`` that ``text`` names (see the module's rules).

    Only people whose names could hold every word of ``text`` are looked at closely, so a name
    is found among 100,000 people in a fraction of a second."""
    if text in dataset.people:
        return text
    words = normalise(text).split()
    likely = [
        PersonNames.of(person) for person in dataset.people.values() if _may_match(person, words)
    ]
    return resolve_name(likely, text, dataset.people)


def _may_match(person: Person, words: list[str]) -> bool:
    """False when ``person`` certainly cannot match ``words``: their names are plain ASCII and
    some word is not even a substring of them (normalising ASCII only lowers and splits)."""
    raw = " ".join((person.id, person.name, person.full_name, person.name_ru, *person.aliases))
    if not raw.isascii():
        return True
    lowered = raw.lower()
    return all(word in lowered for word in words)


def people_names(people: Iterable[Person]) -> list[PersonNames]:
    """The look-up entries of ``people``."""
    return [PersonNames.of(person) for person in people]
