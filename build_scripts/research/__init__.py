"""For researchers: per-indicator and per-unit downloads, the static JSON API, the DCAT-AP catalogue,
schema.org JSON-LD, citations and checksums. Entry points: publish.publish and the fragments module."""
