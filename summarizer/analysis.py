"""What briefbot knows about one article, computed once at ingest and cached in the store."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Role = Literal["delegate", "host", "principal", "mentioned", "author"]

# Bump when summaries, people or topics change: stored articles are re-analysed at the next start.
ANALYSIS_VERSION = 4  # 4: summaries keep a subject with a bracketed abbreviation; long files read a prefix


@dataclass(frozen=True)
class Person:
    name: str
    title: str | None = None
    organization: str | None = None
    role: Role = "mentioned"
    lead: bool = False


@dataclass(frozen=True)
class Delegation:
    lead: str | None
    members: tuple[Person, ...] = ()
    destination: str | None = None
    purpose: str | None = None


@dataclass(frozen=True)
class Topic:
    label: str
    score: float


@dataclass(frozen=True)
class Analysis:
    summary: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    delegations: tuple[Delegation, ...] = ()
    topics: tuple[Topic, ...] = ()
    version: int = ANALYSIS_VERSION

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            summary=tuple(data.get("summary", ())),
            people=tuple(Person(**p) for p in data.get("people", ())),
            delegations=tuple(
                Delegation(
                    lead=d.get("lead"),
                    members=tuple(Person(**m) for m in d.get("members", ())),
                    destination=d.get("destination"),
                    purpose=d.get("purpose"),
                )
                for d in data.get("delegations", ())
            ),
            topics=tuple(Topic(**t) for t in data.get("topics", ())),
            version=int(data.get("version", ANALYSIS_VERSION)),
        )


@dataclass(frozen=True)
class PeopleResult:
    people: tuple[Person, ...] = field(default_factory=tuple)
    delegations: tuple[Delegation, ...] = field(default_factory=tuple)
