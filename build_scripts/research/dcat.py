"""The DCAT catalogue of the portal: DCAT-AP JSON-LD at /catalog.jsonld.

Why DCAT-AP JSON-LD and not DCAT-US (Project Open Data ``/data.json``): the portal is bilingual, and
JSON-LD language maps carry every title and description in Vietnamese and English, where data.json has
one plain string; DCAT-US requires fields that would have to be invented here (a contact e-mail, US
bureau and program codes), where DCAT-AP requires only titles, descriptions, a publisher and access URLs;
and it is plain RDF (W3C DCAT vocabulary), read by CKAN's DCAT harvester (ckanext-dcat) and the European
data portal, and checked in the tests by parsing it as RDF. The file is named .jsonld, not data.json,
because harvesters that fetch /data.json expect the Project Open Data schema.

The datasets: the whole package (its distributions are the package's own downloads), then one a
indicator and one a unit (their CSV, Parquet and JSON slices and their API document), each part of the
package (dct:isPartOf). Every download has its size (dcat:byteSize) and SHA-256 (spdx:checksum).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from build_scripts.research import common, links

CATALOG_PATH = "catalog.jsonld"
EU = "http://publications.europa.eu/resource/authority/"
LANGUAGE_URIS = {"vi": EU + "language/VIE", "en": EU + "language/ENG"}
FILE_TYPES = {"csv": "CSV", "parquet": "PARQUET", "json": "JSON", "zip": "ZIP"}

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "title": {"@id": "dct:title", "@container": "@language"},
    "description": {"@id": "dct:description", "@container": "@language"},
    "keyword": {"@id": "dcat:keyword"},
    "identifier": {"@id": "dct:identifier"},
    "issued": {"@id": "dct:issued", "@type": "xsd:dateTime"},
    "version": {"@id": "owl:versionInfo"},
    "publisher": {"@id": "dct:publisher"},
    "name": {"@id": "foaf:name"},
    "homepage": {"@id": "foaf:homepage", "@type": "@id"},
    "landingPage": {"@id": "dcat:landingPage", "@type": "@id"},
    "license": {"@id": "dct:license", "@type": "@id"},
    "language": {"@id": "dct:language", "@type": "@id"},
    "spatial": {"@id": "dct:spatial", "@type": "@id"},
    "theme": {"@id": "dcat:theme", "@type": "@id"},
    "temporal": {"@id": "dct:temporal"},
    "startDate": {"@id": "dcat:startDate", "@type": "xsd:date"},
    "endDate": {"@id": "dcat:endDate", "@type": "xsd:date"},
    "isPartOf": {"@id": "dct:isPartOf", "@type": "@id"},
    "dataset": {"@id": "dcat:dataset"},
    "distribution": {"@id": "dcat:distribution"},
    "accessURL": {"@id": "dcat:accessURL", "@type": "@id"},
    "downloadURL": {"@id": "dcat:downloadURL", "@type": "@id"},
    "mediaType": {"@id": "dcat:mediaType", "@type": "@id"},
    "format": {"@id": "dct:format", "@type": "@id"},
    "byteSize": {"@id": "dcat:byteSize", "@type": "xsd:nonNegativeInteger"},
    "checksum": {"@id": "spdx:checksum"},
    "algorithm": {"@id": "spdx:algorithm", "@type": "@id"},
    "checksumValue": {"@id": "spdx:checksumValue", "@type": "xsd:hexBinary"},
}


@lru_cache(maxsize=None)
def themes() -> dict:
    import yaml

    return yaml.safe_load((common.HERE / "dcat_themes.yml").read_text(encoding="utf-8"))


def _langs(texts: dict) -> dict:
    return {lang: text for lang, text in sorted(texts.items()) if text}


def _distribution(descriptor: dict, record: dict, title: str) -> dict:
    fmt = record["format"]
    dist = {
        "@id": record["url"] + "#distribution",
        "@type": "dcat:Distribution",
        "title": {lang: record.get("title") or f"{title} ({common.t(lang, 'format_' + fmt)})"
                  for lang in common.LANGUAGES},
        "accessURL": record["url"],
        "downloadURL": record["url"],
        "mediaType": "http://www.iana.org/assignments/media-types/" + record["media_type"],
        "license": _license(descriptor),
    }
    if fmt in FILE_TYPES:
        dist["format"] = EU + "file-type/" + FILE_TYPES[fmt]
    if record.get("bytes") is not None:
        dist["byteSize"] = str(record["bytes"])
        dist["checksum"] = {"@type": "spdx:Checksum", "algorithm": "spdx:checksumAlgorithm_sha256",
                            "checksumValue": record["sha256"]}
    return dist


def _license(descriptor: dict) -> str | None:
    licences = descriptor.get("licenses") or []
    return licences[0].get("path") if licences else None


def _temporal(first, last) -> dict | None:
    if not (first and last):
        return None
    return {"@type": "dct:PeriodOfTime", "startDate": common.jsonable(first), "endDate": common.jsonable(last)}


def _dataset(descriptor: dict, dataset_id: str, titles: dict, descriptions: dict, landing: str, records: list[dict],
             extra: dict) -> dict:
    data = {
        "@id": dataset_id,
        "@type": "dcat:Dataset",
        "title": _langs(titles),
        "description": _langs(descriptions),
        "landingPage": landing,
        "publisher": {"@id": common.base_url(descriptor) + "#publisher"},
        "license": _license(descriptor),
        "spatial": EU + "country/VNM",
        "language": [LANGUAGE_URIS[lang] for lang in common.LANGUAGES if lang in LANGUAGE_URIS],
        "version": descriptor.get("version"),
        "distribution": [_distribution(descriptor, r, titles.get("en") or next(iter(titles.values())))
                         for r in records],
        **extra,
    }
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def catalog(con, descriptor: dict, sums: dict) -> dict:
    from build_scripts.research import citation

    common.ensure_long(con)
    base = common.base_url(descriptor)
    package_id = base + "data/#dataset"
    coverage = common.query(con, "package_coverage")[0]
    titles = {lang: common.text_in(descriptor, "title", lang) for lang in common.LANGUAGES}
    descriptions = {lang: common.text_in(descriptor, "description", lang) for lang in common.LANGUAGES}
    datasets = [_dataset(descriptor, package_id, titles, descriptions, base + "data/",
                         [{**r, "title": r["path"].rsplit("/", 1)[-1]} for r in links.package_downloads(descriptor, sums)],
                         {"identifier": f"{descriptor.get('name')}@{descriptor.get('version')}",
                          "keyword": list(descriptor.get("keywords", [])),
                          "issued": descriptor.get("created"),
                          "temporal": _temporal(coverage["first_start"], coverage["last_end"])})]
    for row in common.query(con, "slice_indicators"):
        key = row["indicator_id"]
        records = list(links.slice_downloads(descriptor, sums, "indicators", key).values())
        records.append(_api_record(descriptor, "indicators", key))
        datasets.append(_dataset(
            descriptor, base + f"indicators/{key}/#dataset",
            {lang: row[f"name_{lang}"] for lang in common.LANGUAGES if f"name_{lang}" in row},
            {lang: row[f"description_{lang}"] for lang in common.LANGUAGES if f"description_{lang}" in row},
            base + f"indicators/{key}/", records,
            {"identifier": key, "isPartOf": package_id, "keyword": [row["theme"]],
             "theme": EU + "data-theme/" + themes().get(row["theme"], "ECON"),
             "temporal": _temporal(row["first_start"], row["last_end"])}))
    for row in common.query(con, "slice_units"):
        key = row["unit_id"]
        records = list(links.slice_downloads(descriptor, sums, "units", key).values())
        records.append(_api_record(descriptor, "units", key))
        names = {lang: row.get(f"name_{lang}") for lang in common.LANGUAGES}
        datasets.append(_dataset(
            descriptor, base + f"provinces/{key}/#dataset", names,
            {lang: common.t(lang, "jsonld_unit_description", name=names[lang] or key, indicators=row["indicators"],
                            first=common.jsonable(row["first_start"]), last=common.jsonable(row["last_end"]))
             for lang in common.LANGUAGES},
            base + f"provinces/{key}/", records,
            {"identifier": key, "isPartOf": package_id,
             "temporal": _temporal(row["first_start"], row["last_end"])}))
    publisher = {"@id": base + "#publisher", "@type": "foaf:Agent", "name": citation.author(descriptor),
                 "homepage": base}
    return {
        "@context": CONTEXT,
        "@graph": [
            {
                "@id": base + CATALOG_PATH,
                "@type": "dcat:Catalog",
                "title": _langs(titles),
                "description": _langs(descriptions),
                "homepage": base,
                "publisher": {"@id": publisher["@id"]},
                "license": _license(descriptor),
                "language": [LANGUAGE_URIS[lang] for lang in common.LANGUAGES if lang in LANGUAGE_URIS],
                "dataset": datasets,
            },
            publisher,
        ],
    }


def _api_record(descriptor: dict, kind: str, key: str) -> dict:
    return {"format": "api", "media_type": "application/json",
            "url": common.site_url(descriptor, links.api_path(kind, key)), "bytes": None, "sha256": None}


def write(con, descriptor: dict, sums: dict, site_dir: Path) -> Path:
    return common.write_text(site_dir / CATALOG_PATH, common.dumps(catalog(con, descriptor, sums)))
