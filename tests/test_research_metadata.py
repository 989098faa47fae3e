"""What other tools read: the API index and documents, the DCAT-AP catalogue, schema.org JSON-LD, citations."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from html import unescape
from pathlib import Path

import pytest
import yaml

from test_research_site import build

BASE = "https://bac-ninh-open-data.github.io/"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pub(tmp_path_factory):
    return build(tmp_path_factory.mktemp("research_meta"))


def local(pub, url: str) -> Path:
    assert url.startswith(BASE), url
    return pub.site_dir / url[len(BASE):]


def api(pub, path: str) -> dict:
    return json.loads((pub.site_dir / "api" / "v1" / path).read_text(encoding="utf-8"))


def urls(value):
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "url" or k.endswith("_url"):
                yield v
            else:
                yield from urls(v)
    elif isinstance(value, list):
        for v in value:
            yield from urls(v)


def test_every_link_of_the_api_index_resolves(pub):
    index = api(pub, "index.json")
    assert index["api_version"] == "v1" and index["package_version"] == "0.1.0"
    assert [i["indicator_id"] for i in index["indicators"]] == ["export_value", "grdp_current", "grdp_growth", "pci_rank"]
    assert "bac-ninh" in [u["unit_id"] for u in index["units"]]
    site_links = [u for u in urls(index) if u.startswith(BASE) and not u.endswith("/")]
    assert len(site_links) > 40
    for url in site_links:
        assert local(pub, url).is_file(), f"index.json links to {url}, which the build did not write"
    for item in index["indicators"] + index["units"]:
        for lang, page in item["pages"].items():
            assert page.startswith(BASE + ("" if lang == "vi" else "en/")), page


def test_an_indicator_document_has_its_definition_sources_figures_and_citation(pub):
    doc = api(pub, "indicators/export_value.json")
    assert doc["package_version"] == "0.1.0" and doc["api_version"] == "v1"
    assert doc["indicator"]["unit"] == "million_usd" and doc["indicator"]["name_vi"] == "Kim ngạch xuất khẩu"
    assert len(doc["figures"]) == 4
    assert {f["source_id"] for f in doc["figures"]} == {s["source_id"] for s in doc["sources"]}
    shown = [f for f in doc["figures"] if f["unit_id"] == "bac-ninh"]
    assert [(f["value"], f["shown"]) for f in shown] == [(45000.5, True), (45800.0, False)]  # statistics office first
    assert "Export value" in doc["citation"]["en"] and "Kim ngạch xuất khẩu" in doc["citation"]["vi"]
    assert doc["citation"]["en"].endswith(BASE + "en/indicators/export_value/")


def test_a_unit_document_says_what_it_became_part_of(pub):
    old = api(pub, "units/bac-ninh-pre2025.json")
    assert old["unit"]["became_part_of"] == [{"unit_id": "bac-ninh", "effective_date": "2025-07-01"}]
    new = api(pub, "units/bac-ninh.json")
    assert [u["unit_id"] for u in new["unit"]["merged_from"]] == ["bac-giang-pre2025", "bac-ninh-pre2025"]
    assert new["package_version"] == "0.1.0" and len(new["figures"]) == 4


def documented_fields(path: Path) -> set[str]:
    return set(re.findall(r"`([a-z_0-9]+)`", path.read_text(encoding="utf-8")))


def keys(value, out=None):
    out = set() if out is None else out
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in ("vi", "en", "csv", "parquet", "json"):
                out.add(k)
            keys(v, out)
    elif isinstance(value, list):
        for v in value:
            keys(v, out)
    return out


@pytest.mark.parametrize("page", ["api.md", "api.en.md"])
def test_the_api_page_documents_every_field_and_address(pub, page):
    path = REPO / "docs" / page
    documented = documented_fields(path)
    used = keys(api(pub, "index.json")) | keys(api(pub, "indicators/grdp_growth.json")) | keys(api(pub, "units/bac-ninh.json"))
    assert sorted(used - documented) == []
    text = path.read_text(encoding="utf-8")
    for address in ("/api/v1/index.json", "/api/v1/indicators/{indicator_id}.json", "/api/v1/units/{unit_id}.json",
                    "/downloads/SHA256SUMS", "/catalog.jsonld"):
        assert address in text, f"{page} does not name {address}"


def test_the_dcat_catalogue_is_rdf_with_the_required_fields(pub):
    import rdflib

    path = pub.site_dir / "catalog.jsonld"
    data = json.loads(path.read_text(encoding="utf-8"))
    graph = rdflib.Graph().parse(data=json.dumps(data), format="json-ld")
    DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    DCT = rdflib.Namespace("http://purl.org/dc/terms/")
    SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
    FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
    catalogs = list(graph.subjects(rdflib.RDF.type, DCAT.Catalog))
    assert len(catalogs) == 1
    catalog = catalogs[0]
    assert {t.language for t in graph.objects(catalog, DCT.title)} == {"vi", "en"}
    publisher = graph.value(catalog, DCT.publisher)
    assert str(graph.value(publisher, FOAF.name)) == "Bắc Ninh Open Data maintainers"
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert len(datasets) == 1 + 4 + 6  # the package, 4 indicators, 6 units with figures
    assert datasets == set(graph.subjects(rdflib.RDF.type, DCAT.Dataset))
    checked = 0
    for dataset in datasets:
        assert {t.language for t in graph.objects(dataset, DCT.title)} >= {"en"}, dataset
        assert list(graph.objects(dataset, DCT.description)), dataset
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert distributions, dataset
        for dist in distributions:
            access = graph.value(dist, DCAT.accessURL)
            assert access is not None and local(pub, str(access)).is_file(), access
            size = graph.value(dist, DCAT.byteSize)
            if size is not None:
                content = local(pub, str(graph.value(dist, DCAT.downloadURL))).read_bytes()
                assert int(size) == len(content)
                checksum = graph.value(dist, SPDX.checksum)
                assert str(graph.value(checksum, SPDX.checksumValue)) == hashlib.sha256(content).hexdigest()
                checked += 1
    assert checked == len(pub.sums)  # every download (SHA256SUMS aside) is one distribution


def script_json(markup: str) -> dict:
    match = re.fullmatch(r'<script type="application/ld\+json">\n(.*)\n</script>\n', str(markup), re.S)
    assert match, markup[:80]
    assert "</" not in match.group(1) and "<" not in match.group(1)
    return json.loads(match.group(1))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_indicator_json_ld_is_a_dataset_search_engines_accept(pub, lang):
    from build_scripts.pages import fragments

    blocks = fragments.indicator(pub, "export_value", lang)
    data = script_json(blocks["jsonld"])
    assert data["@context"] == "https://schema.org" and data["@type"] == "Dataset"
    assert data["name"] == {"vi": "Kim ngạch xuất khẩu", "en": "Export value"}[lang]
    assert 50 <= len(data["description"]) <= 5000
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["url"] == BASE + ("en/" if lang == "en" else "") + "indicators/export_value/"
    assert data["temporalCoverage"] == "2024-01-01/2025-09-30"
    for download in data["distribution"]:
        assert local(pub, download["contentUrl"]).is_file()
    # the source title holding "<script>" is kept, escaped, and reads back as it was
    assert any(s["name"].endswith("<script>alert(1)</script>") for s in data["isBasedOn"])


def test_package_json_ld_on_the_data_page(pub):
    from build_scripts.pages import fragments

    data = script_json(fragments.data(pub, "vi", "grdp_growth", "bac-ninh")["jsonld"])
    assert data["@type"] == "Dataset" and data["version"] == "0.1.0"
    assert data["name"].startswith("Dữ liệu mở Bắc Ninh")
    assert any(d["contentUrl"].endswith("/downloads/bac-ninh-open-data.zip") for d in data["distribution"])


def test_json_ld_survives_markdown_as_a_script_element(pub):
    import markdown

    from build_scripts.pages import fragments

    block = fragments.indicator(pub, "export_value", "en")["jsonld"]
    html = markdown.markdown("# Title\n\nText.\n\n" + block, extensions=["tables", "fenced_code"])
    assert html.count('<script type="application/ld+json">') == 1
    inner = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(inner)["identifier"] == "export_value"


def test_the_indicator_page_blocks_link_the_downloads_with_size_and_digest(pub):
    import markdown

    from build_scripts.pages import fragments

    blocks = fragments.indicator(pub, "grdp_growth", "en")
    html = unescape(markdown.markdown(str(blocks["downloads"]), extensions=["tables"]))
    for fmt in ("csv", "parquet", "json"):
        path = f"downloads/indicators/grdp_growth.{fmt}"
        assert f'href="../../{path}"' in html
        assert pub.sums[path].sha256 in html
    size = pub.sums["downloads/indicators/grdp_growth.csv"].bytes
    assert f"{size / 1000:.1f} kB" in html
    assert 'href="../../api/v1/indicators/grdp_growth.json"' in html
    assert 'href="../../downloads/SHA256SUMS"' in html
    vi = unescape(str(fragments.indicator(pub, "grdp_growth", "vi")["downloads"]))
    assert f"{size / 1000:.1f}".replace(".", ",") + " kB" in vi  # numbers in the page's language


def test_citations_name_the_package_version_and_the_indicator(pub):
    from build_scripts.pages import fragments

    cite = unescape(str(fragments.indicator(pub, "grdp_growth", "vi")["cite"]))
    assert "Tăng trưởng GRDP" in cite and "phiên bản 0.1.0" in cite
    assert "@misc{bac-ninh-open-data-0.1.0-grdp_growth," in cite
    assert "url = {https://bac-ninh-open-data.github.io/indicators/grdp_growth/}" in cite
    package_cite = unescape(str(fragments.data(pub, "en", "grdp_growth", "bac-ninh")["cite"]))
    assert "Bắc Ninh Open Data maintainers (2026). Bắc Ninh Open Data: socio-economic indicators" in package_cite
    assert "(version 0.1.0) [Data set]. https://bac-ninh-open-data.github.io/en/data/" in package_cite


def test_citation_cff_agrees_with_the_package():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    descriptor = json.loads((REPO / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert cff["version"] == descriptor["version"]
    assert cff["title"] == descriptor["title"]
    assert cff["license"] == descriptor["licenses"][0]["name"]
    assert cff["url"] == descriptor["homepage"]
    assert [a["name"] for a in cff["authors"]] == [c["title"] for c in descriptor["contributors"]]
    assert str(cff["date-released"]) == descriptor["created"][:10]
    assert cff["message"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_data_page_explains_every_column_of_the_slices(pub, lang):
    from build_scripts.pages import fragments
    from build_scripts.research import slices

    text = unescape(str(fragments.data(pub, lang, "grdp_growth", "bac-ninh")["slices"]))
    explained = set(re.findall(r"^- ([a-z_, ]+):", text, re.M))
    names = {name.strip() for group in explained for name in group.split(",")}
    assert sorted(set(slices.COLUMNS) - names) == []
    # every indicator and unit with figures is listed with its three files
    for kind, keys in (("indicators", ["export_value", "grdp_current", "grdp_growth", "pci_rank"]),
                       ("units", ["bac-giang-pre2025", "bac-ninh", "bac-ninh-pre2025", "ha-noi", "ha-noi-pre2025", "viet-nam"])):
        for key in keys:
            for fmt in ("csv", "parquet", "json"):
                assert f"](../downloads/{kind}/{key}.{fmt})" in text


def test_indicator_json_ld_reads_as_rdf_with_the_schema_org_vocabulary(pub):
    import rdflib

    from build_scripts.pages import fragments

    data = script_json(fragments.indicator(pub, "grdp_growth", "en")["jsonld"])
    data["@context"] = {"@vocab": "https://schema.org/"}  # the same terms, without fetching schema.org's context
    graph = rdflib.Graph().parse(data=json.dumps(data), format="json-ld")
    SDO = rdflib.Namespace("https://schema.org/")
    dataset = rdflib.URIRef(BASE + "en/indicators/grdp_growth/#dataset")
    assert (dataset, rdflib.RDF.type, SDO.Dataset) in graph
    assert str(graph.value(dataset, SDO.name)) == "GRDP growth"
    urls = {str(graph.value(d, SDO.contentUrl)) for d in graph.objects(dataset, SDO.distribution)}
    assert urls == {BASE + f"downloads/indicators/grdp_growth.{fmt}" for fmt in ("csv", "parquet", "json")}


@pytest.mark.parametrize("page", ["api.md", "api.en.md"])
def test_the_ids_in_the_api_page_examples_exist_in_the_package(page):
    import csv

    text = (REPO / "docs" / page).read_text(encoding="utf-8")
    data = REPO / "datapackage" / "data"
    with (data / "units.csv").open(encoding="utf-8", newline="") as handle:
        units = {row["unit_id"] for row in csv.DictReader(handle)}
    with (data / "indicators.csv").open(encoding="utf-8", newline="") as handle:
        indicators = {row["indicator_id"] for row in csv.DictReader(handle)}
    used_units = set(re.findall(r"units/([a-z0-9-]+)\.(?:json|parquet|csv)", text)) | {"bac-ninh", "bac-ninh-pre2025"}
    used_indicators = {"grdp_growth"}
    assert sorted(used_units - units) == [] and sorted(used_indicators - indicators) == []


def test_every_language_of_the_site_has_the_researchers_words_with_the_same_keys():
    from build_scripts import settings
    from build_scripts.research import common

    keys = {lang: set(common.words(lang)) for lang in settings.LANGUAGES}
    first = keys[settings.LANGUAGES[0]]
    for lang, found in keys.items():
        assert sorted(first ^ found) == [], f"research/i18n/{lang}.yml"
    for lang in settings.LANGUAGES:
        for key, text in common.words(lang).items():
            assert text == unicodedata.normalize("NFC", text) and text.strip() == text, (lang, key)


def test_the_site_serves_the_package_citation_file_and_links_it(pub):
    cff = yaml.safe_load((pub.site_dir / "downloads" / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["version"] == "0.1.0" and cff["type"] == "dataset"
    assert cff["authors"] == [{"name": "Bắc Ninh Open Data maintainers"}]
    assert "downloads/CITATION.cff" in pub.sums
    from build_scripts.pages import fragments

    assert "[CITATION.cff](../downloads/CITATION.cff)" in str(fragments.data(pub, "vi", "grdp_growth", "bac-ninh")["cite"])


def test_the_repository_citation_file_is_the_one_the_real_package_gives():
    from build_scripts.research import citation

    descriptor = json.loads((REPO / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    repo = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert repo == yaml.safe_load(citation.cff_text(descriptor))


def test_indicator_json_ld_names_its_main_sources_and_points_to_the_rest(pub, monkeypatch):
    """An indicator with more sources than MAX_BASED_ON (grdp_growth of the real package has 134) lists those
    that give the most figures, then the sources index for the others, so that the page stays under 100 KB."""
    from build_scripts.pages import fragments
    from build_scripts.research import common, jsonld

    monkeypatch.setattr(jsonld, "MAX_BASED_ON", 1)  # the test package's grdp_growth has 3 sources
    sources = common.query(pub.con, "indicator_sources", key="grdp_growth")
    assert len(sources) > jsonld.MAX_BASED_ON
    data = script_json(fragments.indicator(pub, "grdp_growth", "vi")["jsonld"])
    listed, rest = data["isBasedOn"][:-1], data["isBasedOn"][-1]
    most = sorted(sources, key=lambda s: (-s["figures"], s["source_id"]))[:jsonld.MAX_BASED_ON]
    assert [w["url"] for w in listed] == [s["url"] for s in most]
    assert rest["url"] == BASE + "sources/"
    assert str(len(sources) - jsonld.MAX_BASED_ON) in rest["name"]
