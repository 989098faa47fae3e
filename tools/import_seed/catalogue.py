"""The indicator catalogue (catalogue/*.toml) checked against the schema and turned into rows."""
from .errors import ImportSeedError

REQUIRED = ("theme", "order", "unit", "measure", "price_basis", "additive", "decimals",
            "name_vi", "name_en", "description_vi", "description_en")
OPTIONAL = ("headline", "higher_is_better", "caveats_vi", "caveats_en", "allow_negative", "_file")


def _enum(schema, name):
    for f in schema["fields"]:
        if f["name"] == name:
            return f.get("constraints", {}).get("enum")
    return None


def rows(catalogue, schema):
    out = []
    for indicator_id, t in sorted(catalogue.items()):
        where = f"tools/import_seed/catalogue/{t['_file']}"
        for key in REQUIRED:
            if key not in t:
                raise ImportSeedError(where, field=f"{indicator_id}.{key}", message="missing")
        unknown = sorted(set(t) - set(REQUIRED) - set(OPTIONAL))
        if unknown:
            raise ImportSeedError(where, field=f"{indicator_id}.{unknown[0]}", message="unknown key")
        for key in ("theme", "unit", "measure", "price_basis"):
            allowed = _enum(schema, key)
            if allowed and t[key] not in allowed:
                raise ImportSeedError(where, field=f"{indicator_id}.{key}",
                                      message=f"{t[key]!r} is not one of the schema's values")
        out.append({"indicator_id": indicator_id, "theme": t["theme"], "display_order": t["order"],
                    "headline": bool(t.get("headline", False)), "name_vi": t["name_vi"], "name_en": t["name_en"],
                    "description_vi": t["description_vi"], "description_en": t["description_en"],
                    "caveats_vi": t.get("caveats_vi", ""), "caveats_en": t.get("caveats_en", ""),
                    "unit": t["unit"], "measure": t["measure"], "price_basis": t["price_basis"],
                    "additive": bool(t["additive"]), "higher_is_better": t.get("higher_is_better"),
                    "decimals": t["decimals"]})
    return out
