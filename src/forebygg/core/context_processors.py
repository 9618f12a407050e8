from django.conf import settings


def site(request):
    return {"site_name": "Förebygg", "oidc_enabled": settings.OIDC_ENABLED}
