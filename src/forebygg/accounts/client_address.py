"""The client's address that django-axes counts failed logins for (AXES_CLIENT_IP_CALLABLE).

Without FOREBYGG_CLIENT_IP_HEADER it is the connection's address (REMOTE_ADDR), and no
header a client sends changes it. Behind a reverse proxy every connection comes from the
proxy, so one stranger's failures would lock a username for everyone; there the header the
proxy sets is read instead. A client can put anything at the left of X-Forwarded-For, but
each trusted proxy appends the address it saw at the right, so the address is read
FOREBYGG_TRUSTED_PROXY_COUNT entries from the right.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    connection = request.META.get("REMOTE_ADDR")
    header = settings.FOREBYGG_CLIENT_IP_HEADER
    if not header:
        return connection
    hops = [hop.strip() for hop in request.META.get(header, "").split(",")]
    count = settings.FOREBYGG_TRUSTED_PROXY_COUNT
    if len(hops) < count:
        # Fewer entries than trusted proxies: the request did not come through them all.
        return connection
    return _address(hops[-count]) or connection


def _address(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None
