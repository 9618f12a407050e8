"""URLs for uploading statistics files (filled in by the statistics import views)."""

urlpatterns: list = []
