"""Sources: one row a URL, kind and language from the publisher table and the page address."""
import re
from collections import Counter, defaultdict

from .errors import ImportSeedError
from .seed import mapping
from .slugs import source_id

EN_URL = re.compile(r"//(en|english|e)\.|/en/|/en-|izaenglish|/web/english/")
FR_URL = re.compile(r"//fr\.")
ES_URL = re.compile(r"//es\.")


def language(publisher, url, explicit):
    if explicit:
        return explicit
    if "(English" in publisher or "English)" in publisher:
        return "en"
    if "(French" in publisher:
        return "fr"
    if EN_URL.search(url):
        return "en"
    if FR_URL.search(url):
        return "fr"
    if ES_URL.search(url):
        return "es"
    return "vi"


def build(citations):
    """citations: dicts with url, publisher, published (seed source_date), _file, _line."""
    publishers = {r["publisher"]: r for r in mapping("publishers.csv", ["publisher", "kind", "language"])}
    # the page's own headline and date, read from the stored page (source_titles.csv gives the evidence)
    titles = {r["url"]: r for r in mapping("source_titles.csv", ["url", "title", "published", "evidence"])}
    by_url = defaultdict(list)
    for c in citations:
        by_url[c["url"]].append(c)
    rows = []
    for url, cites in by_url.items():
        # the publisher label most rows give (ties: the smallest); the most precise date given
        counts = Counter(c["publisher"] for c in cites)
        publisher = sorted(counts, key=lambda p: (-counts[p], p))[0]
        dates = sorted({c["published"] for c in cites if c["published"]}, key=lambda d: (-len(d), d))
        if publisher not in publishers:
            c = cites[0]
            raise ImportSeedError(c["_file"], c["_line"], "source_publisher",
                                  f"publisher {publisher!r} is not in tools/import_seed/publishers.csv")
        entry = publishers[publisher]
        found = titles.get(url, {})
        rows.append({"source_id": source_id(url), "title": found.get("title", ""), "publisher": publisher, "url": url,
                     "published": found.get("published") or (dates[0] if dates else ""),
                     "language": language(publisher, url, entry["language"]),
                     "kind": entry["kind"]})
    ids = Counter(r["source_id"] for r in rows)
    clash = [i for i, n in ids.items() if n > 1]
    if clash:
        raise ImportSeedError("sources", field="source_id", message=f"two URLs share the id {clash[0]}")
    return rows
