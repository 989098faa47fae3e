"""The pinned raw zip: checked against raw/ORIGIN.toml, then its PX-Web CSV exports read into tables.

A table is (title, header, rows); header[0] is the row-name column, each other header cell a column
label such as "1995", "Prel. 2016", "2011 Area (Km2)" or "Total 1995"."""
import csv
import hashlib
import io
import re
import tomllib
import zipfile
from pathlib import Path

from tools.import_seed.errors import ImportSeedError

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
ORIGIN = RAW / "ORIGIN.toml"


def _rel(path):
    try:
        return str(Path(path).resolve().relative_to(HERE.parents[1]))
    except ValueError:
        return str(path)


def origin(path=ORIGIN):
    if not Path(path).is_file():
        raise ImportSeedError(_rel(path), message="file not found: the origin record of the raw zip is missing")
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ImportSeedError(_rel(path), message=f"not valid TOML ({exc})") from None


def open_zip(zip_path, expected_sha256):
    """The zip, after its SHA-256 is checked; a missing or changed file is one sentence naming it."""
    zip_path = Path(zip_path)
    if not zip_path.is_file():
        raise ImportSeedError(_rel(zip_path), message="the raw GSO zip is missing; restore it from git "
                                                      "(it is the pinned copy recorded in raw/ORIGIN.toml)")
    data = zip_path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected_sha256:
        raise ImportSeedError(_rel(zip_path), message=f"the raw GSO zip has changed (SHA-256 {digest}, expected "
                                                      f"{expected_sha256} as recorded in raw/ORIGIN.toml); "
                                                      "nothing was imported")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportSeedError(_rel(zip_path), message="not a zip archive") from None


def member_name(info_name):
    """'gso_06082019/Industry/X.csv' -> 'Industry/X.csv' (the folder and file name the catalogue uses)."""
    return info_name.split("/", 1)[1] if "/" in info_name else info_name


def read_table(zf, name, zip_label):
    """name: the catalogue's 'Folder/File.csv'. Returns (title, header, [(line_number, cells)])."""
    members = {member_name(i.filename): i.filename for i in zf.infolist() if not i.is_dir()}
    if name not in members:
        raise ImportSeedError(f"{zip_label}!{name}", message="table not found in the raw zip")
    raw = zf.read(members[name])
    where = f"{zip_label}!{name}"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportSeedError(where, message=f"not UTF-8 (byte {exc.start})") from None
    lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    title, header, start = None, None, None
    for i, cells in enumerate(lines):
        if not cells or not any(c.strip() for c in cells):
            continue
        if len(cells) == 1 and title is None and header is None:
            title = cells[0].strip()
            continue
        header, start = cells, i + 1
        break
    if header is None:
        raise ImportSeedError(where, message="no header row")
    # a line repeating the header is dropped (the markets table, rewritten by R, has its header twice)
    rows = [(i + 1, cells) for i, cells in enumerate(lines[start:], start=start)
            if cells and any(c.strip() for c in cells) and cells != header]
    return title, header, rows


SUFFIX = re.compile(r"\s+(by|chia theo)\s+(Cities|Province, city).*$")


def clean_title(title, name):
    """The table title as published, without the PX-Web ' by Cities, provincies and Year' suffix and the
    '(*)' footnote marks (the footnotes are not in the export); the file name when the export has no title."""
    if not title:
        title = Path(name).stem
    title = SUFFIX.sub("", title)
    title = re.sub(r"\s*\(\*\)", "", title)
    return re.sub(r"\s+", " ", title).strip()


YEAR_FIRST = re.compile(r"^X?(?P<pre>Prel?\.\s*)?(?P<year>(?:19|20)\d\d)(?![\d-])\s*(?P<item>.*)$")
ITEM_FIRST = re.compile(r"^(?P<item>.*?)\s+(?P<pre>Prel?\.\s*)?(?P<year>(?:19|20)\d\d)$")


def parse_column(label):
    """'Prel. 2016' -> (2016, True, ''); '2011 Area (Km2)' -> (2011, False, 'Area (Km2)');
    'Total 1995' -> (1995, False, 'Total'); 'Number of projects' -> (None, False, 'Number of projects')."""
    text = re.sub(r"\(\*\)", "", label)
    text = re.sub(r"\s+", " ", text).strip()
    for pattern in (YEAR_FIRST, ITEM_FIRST):
        m = pattern.match(text)
        if m:
            return int(m.group("year")), bool(m.group("pre")), m.group("item").strip()
    return None, False, text
