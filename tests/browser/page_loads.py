"""Counting page loads the way the coordinator feels them.

A page load is a main-frame navigation or an HTMX request. A form post and the page its
redirect leads to are one load: only requests that are not themselves a redirect's
continuation are counted. A download started by a link is a navigation and counts once.
"""


class PageLoads:
    def __init__(self, page):
        self.page = page
        self.count = 0
        self.urls: list[str] = []
        page.on("request", self._seen)

    def _seen(self, request) -> None:
        if request.redirected_from is not None:
            return
        is_page = request.is_navigation_request() and request.frame == self.page.main_frame
        if is_page or request.headers.get("hx-request") == "true":
            self.count += 1
            self.urls.append(f"{request.method} {request.url}")
