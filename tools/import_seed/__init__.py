"""Import the curated seed CSVs (raw/, with their SHA-256 in raw/ORIGIN.csv) into datapackage/data/*.csv.

Kept for provenance and re-runs; nothing at build or test time depends on it.
Run: .venv/bin/python -m tools.import_seed [--seed DIR] [--out DIR] [--readme FILE]
"""
