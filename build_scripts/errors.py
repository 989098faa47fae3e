"""The error model: a Problem has a position (file, row, field), a kind, a plain sentence and a severity.

Checks yield Problems; one renderer (report.py) shows them; nothing here prints.
"""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass, field

ERROR = "error"
WARNING = "warning"


def shown(cell: object, limit: int = 60) -> str:
    """A cell as it can be safely quoted in a message: control, format (bidi) and separator characters are
    escaped, long text is cut. Hostile text stays data; it never reaches a terminal raw."""
    text = str(cell)
    out = []
    for ch in text[:limit]:
        if ch == " " or unicodedata.category(ch)[0] not in "CZ":
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii") if ord(ch) > 31 or ch in "\t\n\r" else f"\\x{ord(ch):02x}")
    if len(text) > limit:
        out.append("…")
    return "".join(out)


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    field: str | None
    type: str
    message: str
    severity: str = ERROR
    cell: str | None = None

    def sort_key(self) -> tuple:
        return (self.file, self.row or 0, self.field or "", self.severity, self.type, self.message)

    def __str__(self) -> str:
        row = "-" if self.row is None else str(self.row)
        field_ = self.field or "-"
        prefix = "warning: " if self.severity == WARNING else ""
        return f"{self.file}:{row}:{field_}: {prefix}{self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    package: str
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    rows: int = 0
    # resource name -> SHA-256 of the bytes validation read: what the build may load (validation/reader.py)
    digests: dict[str, str] = field(default_factory=dict)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def sorted(self) -> list[Problem]:
        unique = {(p.sort_key(), p.cell): p for p in self.problems}
        return [unique[k] for k in sorted(unique, key=lambda k: (k[0], k[1] or ""))]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not any(p.severity == ERROR for p in self.problems)


_MESSAGES: dict[str, str] | None = None


def say(kind: str, **params: object) -> str:
    """The sentence for a kind of problem, from build_scripts/checks/messages.toml (words live there, not here).
    Cell values are escaped with shown() before they are put in a sentence."""
    global _MESSAGES
    if _MESSAGES is None:
        import tomllib
        from pathlib import Path

        here = Path(__file__).parent
        _MESSAGES = {}
        for path in (here / "validation" / "messages.toml", here / "checks" / "messages.toml"):
            _MESSAGES.update(tomllib.loads(path.read_text(encoding="utf-8"))["messages"])
    template = _MESSAGES.get(kind, "{kind}")
    safe = {k: (shown(v, 60 if k == "cell" else 300) if isinstance(v, str) else v) for k, v in params.items()}
    safe.setdefault("kind", kind)
    try:
        return template.format(**safe)
    except (KeyError, IndexError, ValueError):
        return template
