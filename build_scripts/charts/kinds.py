"""The chart builders a page can ask for, by name: the name is part of a chart's cache address."""

from __future__ import annotations

from . import builders, tilemap

BUILDERS = {
    "series_chart": builders.series_chart,
    "ranking_chart": builders.ranking_chart,
    "ranking_periods_chart": builders.ranking_periods_chart,
    "tile_map": tilemap.tile_map,
    "tile_periods_map": tilemap.tile_periods_map,
}
