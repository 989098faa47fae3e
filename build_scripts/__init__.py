"""Bắc Ninh Open Data: validate the data package, query it, generate the site, build it."""
