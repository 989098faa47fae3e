"""Colours and the shared Vega-Lite configuration. Colours come from the Okabe-Ito palette (safe for the
common colour-vision deficiencies); text is near-black. contrast_ratio() lets tests check WCAG contrast."""

from __future__ import annotations

# Okabe & Ito (2008), "Color Universal Design". Marks need >= 3:1 against white (WCAG 1.4.11).
BLUE = "#0072B2"        # published outcomes, the focus province
VERMILLION = "#D55E00"  # targets
OTHER = "#8C8C8C"       # other provinces in a ranking: neutral grey (3.4:1), the focus stands out in blue
TEXT = "#1F1F1F"        # every label, title and value: >= 4.5:1 on white (WCAG 1.4.3)
MUTED_TEXT = "#4D4D4D"  # axis labels
GRID = "#DDDDDD"
BACKGROUND = "#FFFFFF"
NO_DATA_FILL = "#E6E6E6"  # missing tiles: light grey with a dark hatch, never a colour of the scale
NO_DATA_HATCH = "#595959"
# Tile map classes (ColorBrewer Blues, light to dark, one hue, readable in greyscale). A tile's label is
# dark on the first DARK_FROM classes and white from there on: >= 4.5:1 either way (tested).
SEQUENTIAL = ["#DEEBF7", "#9ECAE1", "#4292C6", "#2171B5", "#08306B"]
DARK_FROM = 3
WHITE = "#FFFFFF"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def hex_rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def luminance(colour: str | tuple[int, int, int]) -> float:
    r, g, b = hex_rgb(colour) if isinstance(colour, str) else colour
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a, b) -> float:
    """WCAG 2 contrast ratio between two colours (hex strings or RGB tuples)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def config() -> dict:
    """Vega-Lite config shared by every chart (fonts, text colours, no border around the view)."""
    # Label limits are 0 (none) where labels are short words or numbers: a limit makes vl-convert measure
    # every label twice (a third of a tile map's or a ranking's render time) and never cut one of ours.
    return {
        "axis": {
            "aria": False, "domainColor": MUTED_TEXT, "gridColor": GRID, "labelColor": MUTED_TEXT, "labelFontSize": 11,
            "tickColor": MUTED_TEXT, "titleColor": TEXT, "titleFontSize": 12, "titleFontWeight": "normal",
        },
        "background": BACKGROUND,
        "font": FONT,
        "legend": {
            "aria": False, "direction": "horizontal", "labelColor": TEXT, "labelFontSize": 11, "labelLimit": 0,
            "orient": "bottom", "titleColor": TEXT, "titleFontSize": 12, "titleFontWeight": "normal",
        },
        "text": {"color": TEXT},
        "title": {"anchor": "start", "color": TEXT, "fontSize": 14, "fontWeight": "bold",
                  "subtitleColor": MUTED_TEXT},
        "view": {"stroke": None},
    }
