from django import template

from forebygg.core.formatting import format_number

register = template.Library()


@register.filter
def sv_number(value, decimals=0):
    return format_number(value, int(decimals))


@register.filter
def richtext(value, heading_level=3):
    from forebygg.core.richtext import render_html

    return render_html(value or "", heading_level=int(heading_level))


@register.filter
def sv_percent(value, decimals=0):
    """14 → '14 %'; signs are kept ('−6 %')."""
    if value is None:
        return "–"
    return f"{format_number(value, int(decimals))}\u00a0%"
