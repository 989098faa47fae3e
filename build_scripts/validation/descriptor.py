"""Reading datapackage.json: JSON, the frictionless profile, the parts the validator relies on, and safe paths."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from build_scripts.errors import Problem, say

DESCRIPTOR = "datapackage.json"
TYPES = {"string", "number", "integer", "boolean", "date"}
REQUIRED_RESOURCES = ("units", "unit_crosswalk", "indicators", "sources", "observations")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass
class Field:
    name: str
    type: str
    constraints: dict


@dataclass
class ResourceSpec:
    name: str
    path: str
    fields: list[Field]
    primary_key: list[str]
    foreign_keys: list[dict]
    missing_values: list[str]
    file: Path | None = None  # resolved, inside the package; None when the path is unsafe
    names: list[str] = field(default_factory=list)


def _problem(kind: str, row: int | None = None, loc: tuple[str, ...] = (), **params) -> Problem:
    """A descriptor problem; loc names where in the descriptor (resource name, then keys), e.g. ("sources", "path")."""
    field_ = ".".join(("resources",) + loc) if loc else None
    return Problem(DESCRIPTOR, row, field_, kind, say(kind, **params))


def locate(problems: list[Problem], text: str) -> list[Problem]:
    """Give each descriptor problem the line of datapackage.json it is about: the resource's "name" line, or the
    line of the field it names within that resource."""
    from dataclasses import replace

    out = []
    for p in problems:
        if p.file != DESCRIPTOR or p.row is not None or not p.field:
            out.append(p)
            continue
        parts = p.field.split(".")
        row = None
        match = re.search(r'"name"\s*:\s*' + re.escape(json.dumps(parts[1], ensure_ascii=False)), text)
        if match:
            start = match.start()
            if "fields" in parts and len(parts) > parts.index("fields") + 1:
                name = parts[parts.index("fields") + 1]
                inner = re.compile(r'"name"\s*:\s*' + re.escape(json.dumps(name, ensure_ascii=False))).search(text, match.end())
                start = inner.start() if inner else start
            row = text.count("\n", 0, start) + 1
        out.append(replace(p, row=row))
    return out


def load(package: Path) -> tuple[dict | None, list[Problem]]:
    path = package / DESCRIPTOR
    if not path.is_file():
        return None, [_problem("descriptor-missing")]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [_problem("descriptor-unreadable", detail=str(exc))]
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [Problem(DESCRIPTOR, exc.lineno, None, "descriptor-json", say("descriptor-json", detail=exc.msg, line=exc.lineno, column=exc.colno))]
    except RecursionError:
        return None, [_problem("descriptor-json", detail="nested too deeply", line=1, column=1)]
    if not isinstance(descriptor, dict):
        return None, [_problem("descriptor-not-object")]
    return descriptor, []


def safe_path(package: Path, name: str, path: object) -> tuple[Path | None, list[Problem]]:
    """The resolved file of a resource path, or None and the reason it is refused."""
    if not isinstance(path, str) or not path:
        return None, [_problem("path-not-string", loc=(name, "path"), resource=name)]
    if SCHEME.match(path) or path.startswith("//") or "://" in path:
        return None, [_problem("path-remote", loc=(name, "path"), resource=name, path=path)]
    if path.startswith(("/", "\\")) or PurePosixPath(path).is_absolute() or re.match(r"^[A-Za-z]:", path):
        return None, [_problem("path-absolute", loc=(name, "path"), resource=name, path=path)]
    parts = re.split(r"[/\\]", path)
    if ".." in parts or "\x00" in path:
        return None, [_problem("path-escapes", loc=(name, "path"), resource=name, path=path)]
    root = package.resolve()
    try:
        resolved = (root / path).resolve()
    except (OSError, RuntimeError, ValueError):
        return None, [_problem("path-escapes", loc=(name, "path"), resource=name, path=path)]
    if root not in resolved.parents:
        return None, [_problem("path-escapes", loc=(name, "path"), resource=name, path=path)]
    return resolved, []


def _frictionless_errors(descriptor: dict) -> list[Problem]:
    try:
        from frictionless import FrictionlessException, Package

        try:
            errors = list(Package.metadata_validate(descriptor))
        except FrictionlessException as exc:
            return [_problem("descriptor-invalid", detail=exc.error.message)]
        return [_problem("descriptor-invalid", detail=e.message) for e in errors]
    except Exception as exc:  # frictionless itself failing on a hostile descriptor
        return [_problem("descriptor-invalid", detail=f"{type(exc).__name__}: {exc}")]


def resources(package: Path, descriptor: dict) -> tuple[list[ResourceSpec], list[Problem]]:
    """The resources the validator can check, and the problems of the descriptor."""
    problems: list[Problem] = []
    items = descriptor.get("resources")
    if not isinstance(items, list) or not items:
        return [], [_problem("descriptor-no-resources")]
    specs: list[ResourceSpec] = []
    seen: set[str] = set()
    for index, res in enumerate(items):
        label = res.get("name") if isinstance(res, dict) and isinstance(res.get("name"), str) else f"#{index + 1}"
        spec = _resource(package, res, label, problems)
        if spec is None:
            continue
        if spec.name in seen:
            problems.append(_problem("resource-duplicate", loc=(spec.name,), resource=spec.name))
            continue
        seen.add(spec.name)
        specs.append(spec)
    names = {s.name for s in specs}
    for spec in specs:
        for fk in spec.foreign_keys:
            target = fk["reference"]["resource"] or spec.name
            if target not in names:
                problems.append(_problem("key-resource", loc=(spec.name, "schema", "foreignKeys"), resource=spec.name, target=target))
                continue
            target_fields = next(s.names for s in specs if s.name == target)
            for ref_field in fk["reference"]["fields"]:
                if ref_field not in target_fields:
                    problems.append(_problem("key-field", loc=(spec.name, "schema", "foreignKeys"), key="foreign key", resource=spec.name, field=f"{target}.{ref_field}"))
    for required in REQUIRED_RESOURCES:
        if required not in names and not any(required == (r.get("name") if isinstance(r, dict) else None) for r in items):
            problems.append(_problem("resource-missing", resource=required))
    try:
        text = (package / DESCRIPTOR).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    return specs, locate(problems, text)


def frictionless_check(descriptor: dict):
    """frictionless's own view of the descriptor (its JSON schema and profiles), started in a thread so that
    importing frictionless overlaps the DuckDB work; call the returned function for the problems."""
    import threading

    box: list[list[Problem]] = []
    thread = threading.Thread(target=lambda: box.append(_frictionless_errors(descriptor)), daemon=True)
    thread.start()

    def result() -> list[Problem]:
        thread.join()
        return box[0] if box else [_problem("descriptor-invalid", detail="frictionless did not finish")]

    return result


def _resource(package: Path, res: object, label: str, problems: list[Problem]) -> ResourceSpec | None:
    if not isinstance(res, dict):
        problems.append(_problem("resource-invalid", resource=label, detail="a resource must be a JSON object"))
        return None
    name = res.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9._-]+", name):
        problems.append(_problem("resource-invalid", resource=label, detail="its name must be lower-case letters, digits, '.', '_' or '-'"))
        return None
    if "data" in res and "path" not in res:
        problems.append(_problem("resource-invalid", loc=(name,), resource=name, detail="inline data is not allowed; use a CSV file"))
        return None
    file, path_problems = safe_path(package, name, res.get("path"))
    problems.extend(path_problems)
    schema = res.get("schema")
    if isinstance(schema, str):
        problems.append(_problem("resource-invalid", loc=(name,), resource=name, detail="the schema must be inline, not a path or address"))
        return None
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
        problems.append(_problem("resource-invalid", loc=(name,), resource=name, detail="it needs a schema with a list of fields"))
        return None
    fields: list[Field] = []
    for f in schema["fields"]:
        if not isinstance(f, dict) or not isinstance(f.get("name"), str) or not f["name"]:
            problems.append(_problem("resource-invalid", loc=(name,), resource=name, detail="every field needs a name"))
            return None
        ftype = f.get("type", "string")
        if ftype not in TYPES:
            problems.append(_problem("field-type", loc=(name, "schema", "fields", f["name"], "type"), resource=name, field=f["name"], type=str(ftype)))
            return None
        constraints = f.get("constraints", {})
        if not isinstance(constraints, dict):
            problems.append(_problem("resource-invalid", loc=(name,), resource=name, detail=f"the constraints of {f['name']} must be an object"))
            return None
        bad = _bad_constraints(constraints)
        if bad:
            problems.append(_problem("resource-invalid", loc=(name,), resource=name, detail=f"field {f['name']}: {bad}"))
            return None
        fields.append(Field(f["name"], ftype, constraints))
    names = [f.name for f in fields]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        problems.append(_problem("field-duplicate", loc=(name, "schema", "fields", dup), resource=name, field=dup))
        return None
    pk = schema.get("primaryKey", [])
    pk = [pk] if isinstance(pk, str) else pk
    if not isinstance(pk, list) or any(k not in names for k in pk):
        problems.append(_problem("key-field", loc=(name, "schema", "primaryKey"), key="primary key", resource=name, field=str(pk)))
        return None
    fks = []
    for fk in schema.get("foreignKeys", []) if isinstance(schema.get("foreignKeys", []), list) else [None]:
        norm = _foreign_key(fk)
        if norm is None or any(f not in names for f in norm["fields"]):
            problems.append(_problem("key-field", loc=(name, "schema", "foreignKeys"), key="foreign key", resource=name, field=json.dumps(fk, ensure_ascii=False)[:200]))
            return None
        fks.append(norm)
    missing = schema.get("missingValues", [""])
    if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
        problems.append(_problem("resource-invalid", loc=(name,), resource=name, detail="missingValues must be a list of strings"))
        return None
    return ResourceSpec(name, res.get("path") if isinstance(res.get("path"), str) else "", fields, pk, fks, missing, file, names)


def _bad_constraints(c: dict) -> str:
    if "pattern" in c:
        if not isinstance(c["pattern"], str):
            return "pattern must be a string"
        try:
            re.compile(f"^{c['pattern']}$")
        except re.error as exc:
            return f"pattern is not a valid regular expression ({exc})"
    if "enum" in c and (not isinstance(c["enum"], list) or not c["enum"]):
        return "enum must be a non-empty list"
    for key in ("minimum", "maximum"):
        if key in c and (isinstance(c[key], bool) or not isinstance(c[key], (int, float))):
            return f"{key} must be a number"
    for key in ("minLength", "maxLength"):
        if key in c and (isinstance(c[key], bool) or not isinstance(c[key], int)):
            return f"{key} must be a whole number"
    for key in ("required", "unique"):
        if key in c and not isinstance(c[key], bool):
            return f"{key} must be true or false"
    return ""


def _foreign_key(fk: object) -> dict | None:
    if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
        return None
    fields, ref = fk.get("fields"), fk["reference"]
    ref_fields, target = ref.get("fields"), ref.get("resource", "")
    fields = [fields] if isinstance(fields, str) else fields
    ref_fields = [ref_fields] if isinstance(ref_fields, str) else ref_fields
    if not (isinstance(fields, list) and isinstance(ref_fields, list) and isinstance(target, str)):
        return None
    if len(fields) != len(ref_fields) or not fields or not all(isinstance(f, str) for f in fields + ref_fields):
        return None
    return {"fields": fields, "reference": {"resource": target, "fields": ref_fields}}
