"""`python -m build_scripts fmt [--package DIR]`: rewrite the package's CSV files in canonical form."""

HELP = "rewrite the CSV files in canonical form (UTF-8, NFC, LF, schema column order, rows sorted by key)"


def add_arguments(parser):
    parser.add_argument("--package", default="datapackage", help="package folder (default: datapackage/)")


def run(args) -> int:
    import os
    import sys
    import tempfile
    from pathlib import Path

    from build_scripts import canonical
    from build_scripts.errors import say
    from build_scripts.validation import descriptor

    package = Path(args.package)
    if not package.is_dir():
        print(f"python -m build_scripts fmt: {say('package-not-folder', package=args.package)}", file=sys.stderr)
        return 2
    desc, problems = descriptor.load(package) if package.is_dir() else (None, [])
    if desc is None:
        for p in problems or [None]:
            print(f"{package}/{p}" if p else f"{package}: {say('descriptor-missing')}", file=sys.stderr)
        return 1
    specs, problems = descriptor.resources(package, desc)
    blocking = [p for p in problems if p.type.startswith(("path", "resource", "field", "key"))]
    for p in blocking:
        print(f"{package}/{p}", file=sys.stderr)
    failed, changed, count = bool(blocking), 0, 0
    for spec in sorted(specs, key=lambda s: s.path):
        if spec.file is None or not spec.file.is_file():
            continue
        count += 1
        label = f"{package}/{spec.path}"
        booleans = {f.name for f in spec.fields if f.type == "boolean"}
        try:
            data = spec.file.read_bytes()
            text = canonical.canonical_text(data, spec.names, spec.primary_key, booleans)
        except OSError as exc:
            print(say("fmt-refused", path=label, reason=exc.strerror or str(exc)), file=sys.stderr)
            failed = True
            continue
        except canonical.ReadError as exc:
            params = dict(exc.params)
            params.setdefault("row", exc.row)
            reason = say(exc.kind, **params)
            where = f" (row {exc.row})" if exc.row and exc.kind != "fmt-ragged" else ""
            print(say("fmt-refused", path=label, reason=reason + where), file=sys.stderr)
            failed = True
            continue
        new = text.encode("utf-8")
        if new == data:
            continue
        tmp = None
        try:  # written beside the file, then renamed over it: a full or read-only disk leaves the file as it was
            handle, tmp = tempfile.mkstemp(dir=spec.file.parent, prefix=".fmt-", suffix=".csv")
            with os.fdopen(handle, "wb") as out:
                out.write(new)
            os.chmod(tmp, spec.file.stat().st_mode & 0o777)
            os.replace(tmp, spec.file)
        except OSError as exc:
            reason = f"it cannot be written ({exc.strerror or exc}); the file was not changed"
            print(say("fmt-refused", path=label, reason=reason), file=sys.stderr)
            failed = True
            continue
        finally:
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)
        changed += 1
        print(say("fmt-rewrote", path=label))
    if changed:
        print(say("fmt-summary", package=package, changed=changed, count=count))
    else:
        print(say("fmt-unchanged", package=package, count=count))
    return 1 if failed else 0
