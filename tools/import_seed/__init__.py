"""Import the curated seed CSVs (../shared/seed-data) into datapackage/data/*.csv.

Kept for provenance and re-runs; nothing at build or test time depends on it.
Run: .venv/bin/python -m tools.import_seed [--seed DIR] [--out DIR] [--readme FILE]
"""
