"""Swedish number formats: 1 234,5 (non-breaking space between thousands, decimal comma)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

THOUSANDS = "\u00a0"


def format_number(value, decimals: int = 0) -> str:
    """Format like Swedish official statistics; None becomes an en dash (uppgift saknas)."""
    if value is None or value == "":
        return "–"
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "−" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", THOUSANDS)
    return f"{sign}{grouped},{fraction}" if decimals else f"{sign}{grouped}"


def format_percent(value, decimals: int = 0) -> str:
    """14 → '14 %'; signs are kept ('−6 %'); None becomes an en dash."""
    if value is None:
        return "–"
    return f"{format_number(value, decimals)}\u00a0%"


def join_with_and(items) -> str:
    """ "a, b och c" in the active language."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return _("%(first)s och %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}
