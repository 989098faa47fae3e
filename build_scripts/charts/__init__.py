"""Charts: pure Altair builders (builders.py), files and HTML for a page (render.py), number and date
locales from Babel (locale.py), colours and shared configuration (theme.py), and the browser assets
(assets.py copies build_scripts/assets into a docs folder; vendor.py regenerates the Vega bundle)."""
