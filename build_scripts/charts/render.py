"""Files and HTML for one chart: the Vega-Lite spec (<name>.vl.json) with its data in <name>.data.json
(referenced by a relative url, never inline), the SVG fallback rendered by vl-convert in the page's
locale (<name>.svg), and the <figure> snippet a Markdown page embeds. Bytes are deterministic: keys
sorted, no timestamps, element ids renumbered in order."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .locale import format_locale, time_format_locale
from .rows import ChartInputError

# Width of the SVG image of a chart that fits its container on the page: a phone's column (a 360-pixel screen
# less the page margins), so that on a phone the image is drawn at its own size, as tall as the live chart that
# replaces it (that chart keeps its height and fits its width), and nothing moves when it does.
SVG_WIDTH = 320
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,120}")
_ID = re.compile(r'\bid="([^"]+)"')
_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")), autoescape=True,
                         undefined=StrictUndefined, keep_trailing_newline=False, trim_blocks=True)


@dataclass(frozen=True)
class ChartFiles:
    """The three files of a chart, and the SVG's size (for the <img> so the page does not jump)."""

    name: str
    spec: Path
    data: Path
    svg: Path
    width: int | None = None
    height: int | None = None
    kind: str = "chart"


def dumps(value, *, indent: int | None = None) -> str:
    """Deterministic JSON: sorted keys, UTF-8 text (NFC), trailing newline."""
    separators = (",", ": ") if indent else (",", ":")
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent, separators=separators,
                      allow_nan=False)
    return unicodedata.normalize("NFC", text) + "\n"


def split_data(spec: dict, data_url: str) -> tuple[dict, list]:
    """The spec with its one inline dataset replaced by ``data_url``, and that dataset's rows. The spec is
    copied one level deep only (its top-level keys change; nothing below them does), never deep-copied."""
    spec = dict(spec)
    data = spec.get("data")
    datasets = spec.pop("datasets", {})
    if isinstance(data, dict) and "name" in data and data["name"] in datasets:
        values = datasets[data["name"]]
    elif isinstance(data, dict) and isinstance(data.get("values"), list):
        values = data["values"]
    else:
        raise ChartInputError("chart spec has no top-level inline data to write beside it")
    for layer in spec.get("layer", []):
        if "data" in layer:
            raise ChartInputError("chart spec has data inside a layer: builders must use one top-level dataset")
    spec["data"] = {"format": {"type": "json"}, "url": data_url}
    return spec, values


def normalise_svg(svg: str, prefix: str, description: str | None = None) -> str:
    """Renumber element ids (clip paths, gradients) in order of appearance, prefixed by the chart name,
    so two renders give the same bytes and two charts on one page never share an id; give the image
    its description as role="img" and <title>, for when it is opened on its own."""
    if description:
        text = html.escape(" ".join(description.split()), quote=True)
        svg = re.sub(r"<svg\b([^>]*)>", lambda m: f'<svg{m.group(1)} role="img" aria-label="{text}"><title>{text}</title>',
                     svg, count=1)
    ids: dict[str, str] = {}
    for match in _ID.finditer(svg):
        ids.setdefault(match.group(1), f"{prefix}-{len(ids) + 1}")
    for old, new in ids.items():
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"url(#{old})", f"url(#{new})") \
                 .replace(f'href="#{old}"', f'href="#{new}"')
    return svg if svg.endswith("\n") else svg + "\n"


def render_svg(spec: dict, values: list, lang: str) -> str:
    """The SVG of ``spec`` with ``values`` inline, numbers and dates in ``lang``'s locale."""
    import vl_convert

    inline = {**spec, "data": {"values": values}}  # a shallow copy: the spec itself is not changed
    if inline.get("width") == "container":
        inline["width"] = SVG_WIDTH
    return vl_convert.vegalite_to_svg(inline, format_locale=format_locale(lang),
                                      time_format_locale=time_format_locale(lang), allowed_base_urls=[])


@dataclass(frozen=True)
class Prepared:
    """A chart ready to write: its spec (data by url) and rows, and the exact text of both files."""

    name: str
    spec: dict
    values: list
    spec_text: str
    data_text: str


def prepare(chart, name: str) -> Prepared:
    """Check the file name, turn the chart into its Vega-Lite dict once (an Altair chart, or a dict that
    is already one) and split off its data; the texts are what write_prepared writes."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ChartInputError(f"chart file name {name!r} must be lower-case letters, digits, '.', '_' or '-'")
    # validate=False: the build trusts the builders; tests/test_charts.py validates every spec against the schema
    full = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    spec, values = split_data(full, f"{name}.data.json")
    return Prepared(name, spec, values, dumps(spec, indent=2), dumps(values))


def render_prepared(chart: Prepared, lang: str) -> str:
    """The SVG fallback's text (vl-convert: the costly part of a chart)."""
    return normalise_svg(render_svg(chart.spec, chart.values, lang), chart.name, chart.spec.get("description"))


def write_prepared(chart: Prepared, out_dir: Path, lang: str, svg: str | None = None) -> ChartFiles:
    """Write the three files; ``svg`` is the SVG text when it is known already (the cache), else it is rendered."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    svg = render_prepared(chart, lang) if svg is None else svg
    name = chart.name
    paths = ChartFiles(name=name, spec=out_dir / f"{name}.vl.json", data=out_dir / f"{name}.data.json",
                       svg=out_dir / f"{name}.svg", **svg_size(svg), kind=_kind(chart.spec))
    _write(paths.data, chart.data_text)
    _write(paths.spec, chart.spec_text)
    _write(paths.svg, svg)
    return paths


def write_chart(chart, out_dir: Path, name: str, lang: str) -> ChartFiles:
    """Write <name>.vl.json, <name>.data.json and <name>.svg into ``out_dir``; return their paths. ``chart``
    is an Altair chart or its Vega-Lite dict (chart.to_dict())."""
    return write_prepared(prepare(chart, name), out_dir, lang)


def _kind(spec: dict) -> str:
    """The figure's CSS modifier: the builder's kind (usermeta), and whether its width is fixed."""
    kind = str((spec.get("usermeta") or {}).get("kind", "chart"))
    return f"{kind} bn-figure--fixed" if isinstance(spec.get("width"), (int, float)) else kind


def svg_size(svg: str) -> dict:
    match = re.search(r'<svg[^>]*\bwidth="(\d+(?:\.\d+)?)"[^>]*\bheight="(\d+(?:\.\d+)?)"', svg)
    return {"width": round(float(match.group(1))), "height": round(float(match.group(2)))} if match else {}


def _write(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return  # unchanged: keep the file's time so rebuilds and watchers stay quiet
    path.write_bytes(data)


def chart_html(files: ChartFiles, description: str, lang: str, page_url_prefix: str = "") -> str:
    """The <figure> a Markdown page embeds: a live chart filled in by charts.js, the SVG as an <img>
    fallback (no JavaScript, print) with ``description`` as its alt text and as the caption.
    ``page_url_prefix`` is prepended to the file names (e.g. "../" or "charts/"). One line a tag and no
    blank line, so Markdown passes it through as a raw HTML block."""
    if not isinstance(description, str) or not description.strip():
        raise ChartInputError(f"chart {files.name!r}: a chart needs a description (alt text and caption)")
    text = " ".join(unicodedata.normalize("NFC", description).split())
    return _TEMPLATES.get_template("figure.html.j2").render(
        description=text, lang=lang, kind=files.kind, width=files.width, height=files.height,
        spec_url=f"{page_url_prefix}{files.spec.name}", svg_url=f"{page_url_prefix}{files.svg.name}",
    ).strip() + "\n"
