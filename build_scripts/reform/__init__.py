"""Comparable series across the 2025 reform (DESIGN.md, The 2025 reform).

``comparable.prepare(con)`` builds the ``observations_comparable`` table in a connection from
``build_scripts.db.load_package``; ``comparable`` has the page queries, ``files`` writes the downloads.
"""
