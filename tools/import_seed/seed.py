"""Read the seed CSVs and the importer's own mapping tables, with line numbers."""
import csv
import tomllib
import unicodedata
from pathlib import Path

from .errors import ImportSeedError

HERE = Path(__file__).resolve().parent


def read_csv(path, required):
    """Rows of a CSV as dicts with '_file' and '_line' (line number in the file, header = 1)."""
    path = Path(path)
    if not path.is_file():
        raise ImportSeedError(path, message="file not found")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise ImportSeedError(path, 1, missing[0], "column missing from the header")
        rows = []
        for row in reader:
            clean = {k: unicodedata.normalize("NFC", (v or "").strip()) for k, v in row.items() if k}
            clean["_file"], clean["_line"] = path.name, reader.line_num
            rows.append(clean)
    return rows


def read_catalogue():
    """The hand-written indicator catalogue: catalogue/*.toml merged, id -> table."""
    out = {}
    for path in sorted((HERE / "catalogue").glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ImportSeedError(path, message=f"not valid TOML ({exc})") from None
        for key, table in data.items():
            if key in out:
                raise ImportSeedError(path, field=key, message="indicator defined twice in the catalogue")
            table["_file"] = path.name
            out[key] = table
    return out


def mapping(name, required):
    return read_csv(HERE / name, required)
