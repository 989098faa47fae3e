"""Importer of the provincial statistics offices' yearbook pages (tables of one province over several years)."""
