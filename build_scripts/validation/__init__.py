"""The parts of `validate`: the descriptor, reading the files, the schema checks and the domain checks."""
