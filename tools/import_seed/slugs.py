"""URL-safe slugs and source ids."""
import hashlib
import re
import unicodedata


def slugify(text):
    """'Bà Rịa - Vũng Tàu' -> 'ba-ria-vung-tau' (ASCII, lower case, hyphens)."""
    text = text.replace("Đ", "D").replace("đ", "d")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def source_id(url):
    return "src-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
