"""The qualifier of a seed figure, read from its note with the words of qualifier_words.csv.

A note qualifies the figure itself only where a listed word stands directly before the figure's own number
(the seed value, or the same digits scaled by a power of 1,000: "more than 50.3 trillion" for 50,300 billion
VND; written the English or the Vietnamese way, 15.3 or 15,3), before "this amount", or stands alone as a clause of the note ("about", "page says nearly; ..."); a
word before another number ("capital over 46.8 trillion", "over 25% of the national surplus") says
nothing about the figure. The first such word in the note wins."""
import re
from decimal import Decimal, InvalidOperation

from .seed import mapping

NUMBER = r"(\d[\d,.]*\d|\d)"
SCALES = [Decimal(1000) ** k for k in range(-3, 4)]


def _words():
    rows = mapping("qualifier_words.csv", ["words", "qualifier"])
    # longest first, so "just over" is tried before "over" and "less than" before "than"
    return sorted(((r["words"], r["qualifier"]) for r in rows), key=lambda w: (-len(w[0]), w[0]))


def _readings(text):
    """The number as English writes it (1,234.5) and as Vietnamese writes it (1.234,5)."""
    for thousands, decimal in ((",", "."), (".", ",")):
        try:
            yield Decimal(text.replace(thousands, "").replace(decimal, "."))
        except InvalidOperation:
            continue


def _same_figure(text, seed_value):
    try:
        value = Decimal(seed_value)
    except InvalidOperation:
        return False
    return any(number != 0 and number * s == value for number in _readings(text) for s in SCALES)


def qualifier(note, seed_value, words=None):
    """'about', 'at_least', 'at_most', 'nearly' or '' (exact) for a seed row's note and value."""
    if not note:
        return ""
    found = []
    for phrase, qual in words if words is not None else _words():
        word = r"(?<![\w])" + re.escape(phrase) + r"(?![\w])"
        for m in re.finditer(word, note, flags=re.IGNORECASE):
            rest = note[m.end():]
            before = note[:m.start()]
            number = re.match(r"\s+" + NUMBER, rest)
            if number and _same_figure(number.group(1), seed_value):
                found.append((m.start(), qual))
            elif re.match(r"\s+this amount\b", rest, flags=re.IGNORECASE):
                found.append((m.start(), qual))
            elif re.fullmatch(r"(.*[;,(]\s*|\s*|.*\bpage says\s*)", before, flags=re.IGNORECASE | re.DOTALL) \
                    and re.match(r"\s*([;,)]|$)", rest):
                found.append((m.start(), qual))
    return min(found)[1] if found else ""
