"""Refuse a request body larger than any upload the project takes, before anything reads it.

Django caps form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not files: without this, a
gigabyte posted to any form is written to a temporary file before the form can say no.
"""

from django.conf import settings

from forebygg.core.views import too_large


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _declared_length(request) > settings.FOREBYGG_MAX_REQUEST_BYTES:
            return too_large(request)
        return self.get_response(request)


def _declared_length(request) -> int:
    length = request.META.get("CONTENT_LENGTH") or ""
    return int(length) if length.isascii() and length.isdigit() else 0
