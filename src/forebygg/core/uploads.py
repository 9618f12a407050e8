"""Uploads are refused past FOREBYGG_MAX_UPLOAD_BYTES while they arrive, not after.

Django would otherwise store the whole body in a temporary file before any form could look at
its size. The handler stops reading at the limit and marks the request, so the form can say
why in Swedish (`upload_too_large`) instead of "this field is required".
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class SizeLimitedUploadHandler(FileUploadHandler):
    received = 0
    announced_too_large = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # The form fields around the file take a few bytes more than the file itself.
        limit = settings.FOREBYGG_MAX_UPLOAD_BYTES + 64 * 1024
        self.announced_too_large = bool(content_length and content_length > limit)

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.announced_too_large or self.received > settings.FOREBYGG_MAX_UPLOAD_BYTES:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def upload_too_large(request) -> bool:
    return getattr(request, "upload_too_large", False)
