"""Importer of the statistics office's PX-Web exports in Vietnamese (2015-2019 by province)."""
