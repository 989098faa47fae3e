"""The wiring of WIRING.md as edits, for trying it on a copy of the tree:

    python build_scripts/research/wire_example.py /tmp/copy-of-the-tree

It edits files the site engineer owns (pipeline, pages, templates): never run it on the shared tree.
Each edit asserts that the text it replaces is there, so it says which step no longer fits.
"""
import sys
from pathlib import Path
root = Path(sys.argv[1])
def sub(rel, old, new):
    p = root / rel; s = p.read_text(encoding="utf-8"); assert old in s, (rel, old[:70]); p.write_text(s.replace(old, new, 1), encoding="utf-8")

sub("build_scripts/pipeline/__init__.py", '''    progress.phase("pages")
    site = Site.load(con, package_dir, docs_dir)
    counts = generate(site, progress=lambda name, n: progress.step(f"{name}: {n} pages"))
    progress.done(f"{sum(counts.values())} pages")

    progress.phase("downloads")
    files = downloads.write_all(con, package_dir, docs_dir / "downloads")
    progress.done(f"{len(files)} files")
''', '''    progress.phase("downloads")
    files = downloads.write_all(con, package_dir, docs_dir / "downloads")
    site = Site.load(con, package_dir, docs_dir)
    site.research = publish(con, site.descriptor, docs_dir, page_units=[u["unit_id"] for u in site.units])
    files = sorted(files + site.research.files)
    progress.done(f"{len(files)} files")

    progress.phase("pages")
    counts = generate(site, progress=lambda name, n: progress.step(f"{name}: {n} pages"))
    progress.done(f"{sum(counts.values())} pages")
''')
sub("build_scripts/pipeline/__init__.py", "    from build_scripts.pages.site import Site\n",
    "    from build_scripts.pages.site import Site\n    from build_scripts.research.publish import publish\n")
sub("build_scripts/pages/site.py", '''    units: list[dict] = field(default_factory=list)
''', '''    units: list[dict] = field(default_factory=list)
    research: object = None  # build_scripts.research.publish.Published: set by the pipeline, or reopened in a worker
''')
init = (root / "build_scripts/pages/__init__.py").read_text(encoding="utf-8")
if "_init_worker" in init:
    sub("build_scripts/pages/__init__.py", '''    _SITE = Site.load(db.load_package(Path(package_dir)), Path(package_dir), Path(out_dir), focus)
''', '''    _SITE = Site.load(db.load_package(Path(package_dir)), Path(package_dir), Path(out_dir), focus)
    from build_scripts.research.publish import reopen
    _SITE.research = reopen(_SITE.con, _SITE.descriptor, Path(out_dir), page_units=[u["unit_id"] for u in _SITE.units])
''')
sub("build_scripts/pages/indicator.py", "from build_scripts.pages.site import Site, href\n",
    "from build_scripts.pages.site import Site, href\nfrom build_scripts.research import fragments\n")
sub("build_scripts/pages/indicator.py", '''        "period": label,
    }''', '''        "period": label,
        "research": fragments.indicator(site.research, key, lang, unit_label),
    }''')
sub("build_scripts/pages/province.py", "from build_scripts.pages.site import Site, href\n",
    "from build_scripts.pages.site import Site, href\nfrom build_scripts.research import fragments\n")
sub("build_scripts/pages/province.py", '''        "period": lambda p: site.period_label(p, lang),
    }''', '''        "period": lambda p: site.period_label(p, lang),
        "research": fragments.unit(site.research, key, lang),
    }''')
sub("build_scripts/pages/data.py", "from build_scripts.pages.site import Site, href\n",
    "from build_scripts.pages.site import Site, href\nfrom build_scripts.research import fragments\n")
sub("build_scripts/pages/data.py", '''        "base_url": Markup''', '''        "research": fragments.data(site.research, lang, *fragments.snippet_subject(
            site.research, site.focus_id, [row["indicator_id"] for row in site.indicators if row.get("headline")])),
        "base_url": Markup''')
t = root / "build_scripts/templates/indicator.md.j2"; s = t.read_text(encoding="utf-8")
i = s.index("## {{ t('downloads') }}")
t.write_text(s[:i] + "## {{ t('downloads') }}\n\n{{ research.downloads }}\n\n## {{ t('how_to_cite') }}\n\n{{ research.cite }}\n\n{{ research.jsonld }}", encoding="utf-8")
t = root / "build_scripts/templates/province.md.j2"
t.write_text(t.read_text(encoding="utf-8") + "\n## {{ t('downloads') }}\n\n{{ research.downloads }}\n", encoding="utf-8")
t = root / "build_scripts/templates/data.md.j2"; s = t.read_text(encoding="utf-8")
i = s.index("## {{ t('snippets') }}")
t.write_text(s[:i] + "## {{ t('snippets') }}\n\n{{ research.snippets }}\n\n## {{ t('downloads') }}\n\n{{ research.package_downloads }}\n\n{{ research.slices }}\n\n## {{ t('how_to_cite') }}\n\n{{ research.cite }}\n\n{{ research.jsonld }}", encoding="utf-8")
print("wired", root)
