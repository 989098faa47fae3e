"""Importer of the General Statistics Office's (GSO) yearbook tables by province, from the copy kept in
the public repository choisy/gso (raw/gso_21092018.zip). Runs after tools.import_seed; see tools/README.md."""
