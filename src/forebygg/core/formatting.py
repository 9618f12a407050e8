"""Swedish number formats: 1 234,5 (non-breaking space between thousands, decimal comma)."""

from decimal import ROUND_HALF_UP, Decimal

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
