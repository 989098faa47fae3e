"""Comparable series across the 2025 reform (ARCHITECTURE.md, The rules the code carries out).

``comparable.prepare(con)`` builds the ``observations_comparable`` table in a connection from
``build_scripts.db.load_package``; ``comparable`` has the page queries, ``files`` writes the downloads.
"""
