from django import template

from forebygg.core.formatting import format_number

register = template.Library()


@register.filter
def sv_number(value, decimals=0):
    return format_number(value, int(decimals))
