"""Renderers of a validation Report: terminal text (one line a problem, then a summary) and JSON."""

from __future__ import annotations

import json

from build_scripts.errors import Report, say


def _counted(count: int, word: str) -> str:
    return say(f"{word}-one" if count == 1 else f"{word}-many")


def summary(report: Report, package_label: str) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    warn = say("warnings-part", count=warnings, warning_word=_counted(warnings, "warning")) if warnings else ""
    if report.ok:
        return say("summary-ok", package=package_label, files=report.files, rows=report.rows, warnings=warn)
    return say("summary-bad", package=package_label, errors=errors, error_word=_counted(errors, "error"), warnings=warn,
               files=report.files, rows=report.rows)


def render_text(report: Report, package_label: str) -> str:
    """`<package>/<file>:<row>:<field>: <message>` a problem (errors first, then warnings), then the summary."""
    prefix = package_label.rstrip("/") + "/"
    lines = [prefix + str(p) for p in report.errors + report.warnings]
    lines.append(summary(report, package_label))
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    """The same problems as a JSON list of objects (file, row, field, type, message, severity, cell)."""
    items = [p.as_dict() for p in report.errors + report.warnings]
    return json.dumps(items, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
