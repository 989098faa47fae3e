"""Reading datapackage.json: JSON, the frictionless profile, the parts the validator relies on, and safe paths."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from build_scripts.errors import Problem, say, shown

DESCRIPTOR = "datapackage.json"
TYPES = {"string", "number", "integer", "boolean", "date"}
REQUIRED_RESOURCES = ("units", "unit_crosswalk", "indicators", "sources", "observations")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Package and resource names become file names of the site (<name>.zip, downloads/<name>.csv): slugs only.
SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
MAX_DEPTH = 32  # deeper JSON is refused: the build's writers recurse once a level
# Characters that change how text reads without being seen: bidirectional controls and zero-width ones.
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and line feed are text
# The Frictionless profiles, by name or by their published address: matched here, never fetched.
PROFILES = {"data-package", "tabular-data-package", "data-resource", "tabular-data-resource"}
PROFILE_URLS = {f"https://specs.frictionlessdata.io/schemas/{name}.json" for name in PROFILES} | {
    f"https://datapackage.org/profiles/{version}/{name}.json" for version in ("1.0", "2.0")
    for name in ("datapackage", "dataresource", "tableschema", "tabledialect")}
# What every file is: UTF-8 CSV, ',' between cells, '"' around them, a header row (the build reads only that).
DIALECT_DEFAULTS = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True, "headerRow": 1,
                    "lineTerminator": "\n", "skipInitialSpace": False, "caseSensitiveHeader": False, "csvddfVersion": 1.2}


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
    duplicates: list[str] = []

    def pairs(items):
        seen = {}
        for key, value in items:
            if key in seen and not duplicates:
                duplicates.append(key)
            seen[key] = value
        return seen

    try:
        descriptor = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        return None, [Problem(DESCRIPTOR, exc.lineno, None, "descriptor-json", say("descriptor-json", detail=exc.msg, line=exc.lineno, column=exc.colno))]
    except RecursionError:
        return None, [_problem("descriptor-json", detail="nested too deeply", line=1, column=1)]
    if not isinstance(descriptor, dict):
        return None, [_problem("descriptor-not-object")]
    if _depth(descriptor) > MAX_DEPTH:
        return None, [_problem("descriptor-deep", limit=MAX_DEPTH)]
    if duplicates:
        return None, [_problem("descriptor-duplicate-key", key=duplicates[0])]
    return descriptor, []


def _depth(value) -> int:
    """How deeply lists and objects nest (without recursion: the value may be deep)."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                todo.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _strings(value, where: str = ""):
    """Every key and text of the descriptor with where it is (a.b.c)."""
    todo = [(value, where)]
    while todo:
        item, at = todo.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                yield str(key), at or "the top level"
                todo.append((child, f"{at}.{key}" if at else str(key)))
        elif isinstance(item, list):
            todo.extend((child, f"{at}[{i}]") for i, child in enumerate(item))
        elif isinstance(item, str):
            yield item, at


def package_problems(descriptor: dict) -> list[Problem]:
    """The package-level rules that keep the build from failing late on what validation accepted."""
    out: list[Problem] = []
    for text, where in _strings(descriptor):
        bad = CONTROL.search(text) or INVISIBLE.search(text)
        if bad:
            out.append(_problem("descriptor-control", char=f"U+{ord(bad.group()):04X}", where=where))
            break
    name = descriptor.get("name")
    if not isinstance(name, str) or not SLUG.fullmatch(name) or len(name) > 100:
        out.append(_problem("package-name", name=json.dumps(name, ensure_ascii=False)[:100]))
    version = descriptor.get("version")
    if version is not None and not (isinstance(version, str) and re.fullmatch(r"[0-9]{1,9}\.[0-9]{1,9}\.[0-9]{1,9}", version)):
        out.append(_problem("package-version", version=json.dumps(version, ensure_ascii=False)[:100]))
    created = descriptor.get("created")
    if created is not None and not _created_ok(created):
        out.append(_problem("package-created", created=json.dumps(created, ensure_ascii=False)[:100]))
    for key in ("profile", "$schema"):
        if key in descriptor and not _profile_ok(descriptor[key]):
            out.append(_problem("profile-remote", where=f"the package's {key}", profile=str(descriptor[key])[:200]))
    return out


def _created_ok(created) -> bool:
    """An ISO date and time the build can date its files with (gzip and zip store seconds since 1970 in 32 bits)."""
    import datetime as dt

    if not isinstance(created, str) or not created.isascii():
        return False
    try:
        moment = dt.datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    try:
        return 0 <= moment.timestamp() < 2 ** 32
    except (OverflowError, OSError, ValueError):
        return False


def _profile_ok(profile) -> bool:
    return isinstance(profile, str) and (profile in PROFILES or profile in PROFILE_URLS)


def _resource_settings(res: dict, name: str) -> list[Problem]:
    """Resource settings the build would ignore or fetch: refused, so that what is published reads as declared."""
    out = []
    if name not in REQUIRED_RESOURCES:
        out.append(_problem("resource-unknown", loc=(name,), resource=name, known=", ".join(REQUIRED_RESOURCES)))
    for key in ("profile", "$schema"):
        if key in res and not _profile_ok(res[key]):
            out.append(_problem("profile-remote", loc=(name, key), where=f"resource {name}", profile=str(res[key])[:200]))
    encoding = res.get("encoding", "utf-8")
    if not isinstance(encoding, str) or encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
        out.append(_problem("resource-setting", loc=(name, "encoding"), resource=name, setting=f"encoding {str(encoding)[:60]}"))
    if "dialect" in res:
        dialect = res["dialect"]
        if not isinstance(dialect, dict) or any(DIALECT_DEFAULTS.get(k, object()) != v or isinstance(v, bool) != isinstance(DIALECT_DEFAULTS.get(k), bool)
                                                for k, v in dialect.items() if k != "$schema"):
            out.append(_problem("resource-setting", loc=(name, "dialect"), resource=name, setting="a dialect other than the default"))
    for key, allowed in (("format", ("csv",)), ("mediatype", ("text/csv",)), ("compression", ())):
        if key in res and res[key] not in allowed:
            out.append(_problem("resource-setting", loc=(name, key), resource=name, setting=f"{key} {str(res[key])[:60]}"))
    schema = res.get("schema")
    if isinstance(schema, dict) and "missingValues" in schema and schema["missingValues"] != [""]:
        out.append(_problem("missing-values", loc=(name, "schema", "missingValues"), resource=name,
                            values=json.dumps(schema["missingValues"], ensure_ascii=False)[:100]))
    return out


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


def _offline(descriptor: dict) -> dict:
    """The descriptor without its profile addresses (checked by _profile_ok): frictionless would fetch them."""
    out = {k: v for k, v in descriptor.items() if k not in ("profile", "$schema")}
    if isinstance(out.get("resources"), list):
        out["resources"] = [{k: v for k, v in r.items() if k not in ("profile", "$schema")} if isinstance(r, dict) else r
                            for r in out["resources"]]
    return out


def _no_network(*args, **kwargs):
    raise OSError("validation never uses the network")


def _frictionless_errors(descriptor: dict) -> list[Problem]:
    import socket

    connect, create = socket.socket.connect, socket.create_connection
    socket.socket.connect, socket.create_connection = _no_network, _no_network  # nothing is ever fetched
    try:
        return _frictionless_errors_offline(_offline(descriptor))
    finally:
        socket.socket.connect, socket.create_connection = connect, create


def _frictionless_errors_offline(descriptor: dict) -> list[Problem]:
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
    problems: list[Problem] = package_problems(descriptor)
    items = descriptor.get("resources")
    if not isinstance(items, list) or not items:
        return [], problems + [_problem("descriptor-no-resources")]
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
    if not isinstance(name, str) or not SLUG.fullmatch(name) or len(name) > 100:
        problems.append(_problem("resource-invalid", resource=shown(label, 100), detail="its name must be a slug: lower-case letters and digits, words joined by '-' or '_'"))
        return None
    problems.extend(_resource_settings(res, name))
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
