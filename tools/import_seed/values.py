"""Numbers: seed text -> canonical decimal text (no exponent, no '.0' noise)."""
from decimal import Decimal, InvalidOperation


def parse(text):
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def convert(text, factor):
    """The seed value in the canonical unit, as plain decimal text.

    A factor of 1 keeps the digits the source printed (without a fraction of zeros alone); a scaled value drops the trailing zeros
    that the scaling introduced (1.5 billion USD -> 1500 million USD, not 1500.0).
    """
    value = parse(text)
    if value is None:
        return None
    factor = Decimal(factor)
    if factor == 1:
        text = format(value, "f")
        # keep the digits the source printed, but not a fraction of zeros alone ("30.0" -> "30")
        return text.split(".")[0] if "." in text and set(text.split(".")[1]) == {"0"} else text
    scaled = (value * factor).normalize()
    out = format(scaled, "f")
    return out
