from django.http import HttpResponse
from django.shortcuts import render


def not_found(request, exception=None):
    return render(request, "404.html", {"message": _message(exception)}, status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def _message(exception) -> str:
    """Show our own Swedish 404 messages; never echo Django's internal resolver text."""
    if exception and exception.args and isinstance(exception.args[0], str):
        text = exception.args[0]
        if not text.startswith(("No ", "Page not found")):
            return text
    return ""


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"


def attachment(content: bytes, mime: str, name: str) -> HttpResponse:
    """A file the browser saves under `name` instead of showing it."""
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
