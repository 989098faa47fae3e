"""The MkDocs configuration of one build: the repository's mkdocs.yml with the generated docs folder,
the temporary site folder, the navigation titles from the translation files and the chart assets."""

from __future__ import annotations

from pathlib import Path

import yaml

from build_scripts import i18n, settings

# nav entries of mkdocs.yml name their page; their titles come from the translation files (nav: section).
NAV_KEYS = {
    "index.md": "home", "indicators/index.md": "indicators", "provinces/index.md": "provinces",
    "data/index.md": "data", "sources/index.md": "sources", "methodology.md": "methodology",
    "about.md": "about", "api.md": "api", "contributing.md": "contributing",
}


def write(docs_dir: Path, site_dir: Path, dest: Path, missing: list[str]) -> Path:
    """Write the build's mkdocs.yml to dest; nav entries whose page does not exist go to ``missing``."""
    config = yaml.safe_load(settings.MKDOCS_YML.read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    config["hooks"] = [str((settings.MKDOCS_YML.parent / hook).resolve()) for hook in config.get("hooks", [])]
    theme = config.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((settings.MKDOCS_YML.parent / theme["custom_dir"]).resolve())
    default = settings.DEFAULT_LANGUAGE
    nav = []
    for entry in config.get("nav", []):
        (title, page), = entry.items()
        if not (docs_dir / page).is_file():
            missing.append(page)
            continue
        nav.append({i18n.t(default, f"nav.{NAV_KEYS[page]}") if page in NAV_KEYS else title: page})
    config["nav"] = nav
    config["site_name"] = i18n.words(default)["site_name"]
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"]["languages"]:
                lang = language["locale"]
                language["name"] = i18n.words(lang)["language_name"]
                if lang != default:
                    language["site_name"] = i18n.words(lang)["site_name"]
                    language["nav_translations"] = {
                        i18n.t(default, f"nav.{key}"): i18n.t(lang, f"nav.{key}") for key in sorted(set(NAV_KEYS.values()))
                    }
    styles = docs_dir / "assets" / "stylesheets"
    config["extra_css"] = sorted(p.relative_to(docs_dir).as_posix() for p in styles.glob("*.css")) if styles.is_dir() else []
    try:
        from build_scripts.charts.assets import EXTRA_JAVASCRIPT  # charts.js loads the Vega bundle itself
    except ImportError:
        EXTRA_JAVASCRIPT = []
    config["extra_javascript"] = [js for js in EXTRA_JAVASCRIPT if (docs_dir / js).is_file()]
    dest.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return dest
