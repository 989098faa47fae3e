"""Progress of a build: phase names, counts and times on a terminal; a one-line summary otherwise."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, stream=None, interactive: bool | None = None):
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.times: dict[str, float] = {}
        self._phase = None
        self._start = None

    def phase(self, name: str) -> "Progress":
        self._phase, self._start = name, time.perf_counter()
        if self.interactive:
            print(f"… {name}", file=self.stream, flush=True)
        return self

    def done(self, detail: str = "") -> None:
        elapsed = time.perf_counter() - self._start
        self.times[self._phase] = elapsed
        if self.interactive:
            print(f"✓ {self._phase}{': ' + detail if detail else ''} ({elapsed:.1f} s)", file=self.stream, flush=True)

    def step(self, detail: str) -> None:
        if self.interactive:
            print(f"  {detail}", file=self.stream, flush=True)

    def summary(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def timing(self) -> str:
        return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.times.items())
