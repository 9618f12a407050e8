from django import template

from forebygg.core.formatting import format_number, format_percent

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
    return format_percent(value, int(decimals))


@register.filter
def get_item(mapping, key):
    """`{{ row.compliance|get_item:code }}`: a dict value by a key held in a variable."""
    return mapping.get(key) if mapping else None
