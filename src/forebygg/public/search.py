"""One search over what is public: kommuner, the police's areas, methods, published experiences.

Nothing here looks at who is asking: a coordinator searching sees what a visitor sees, so a
draft or another kommun's unpublished experience never turns up, whoever is logged in.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forebygg.core.forms import Form
from forebygg.geo.domain.queries import search_kommuner, search_police_areas
from forebygg.methods.domain.evidence import search_methods
from forebygg.methods.domain.experiences import search_experiences

MAX_QUERY_LENGTH = 100
HITS_PER_KIND = 20


class SearchForm(Form):
    q = forms.CharField(
        label=gettext_lazy("Sök"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": gettext_lazy("Skriv högst %(limit_value)d tecken i sökrutan.")
        },
    )


@dataclass(frozen=True)
class Hit:
    kind: str
    title: str
    url: str
    detail: str


@dataclass(frozen=True)
class Group:
    key: str
    hits: list[Hit]
    more: bool  # there were more than HITS_PER_KIND; the query should be narrowed


@dataclass(frozen=True)
class Results:
    groups: list[Group]
    per_kind: int = HITS_PER_KIND

    @property
    def hits(self) -> list[Hit]:
        return [hit for group in self.groups for hit in group.hits]

    @property
    def more(self) -> bool:
        return any(group.more for group in self.groups)

    def of(self, key: str) -> list[Hit]:
        return next(group.hits for group in self.groups if group.key == key)


def kommun_hit(kommun) -> Hit:
    return Hit(
        _("Kommun"),
        kommun.short_name,
        kommun.get_absolute_url(),
        f"{kommun.code}, {kommun.lan.name}",
    )


def area_hit(area) -> Hit:
    detail = _("%(kind)s i %(kommun)s, polisens lista %(year)s") % {
        "kind": area.get_kind_display(),
        "kommun": area.kommun.short_name,
        "year": area.list_year or "–",
    }
    return Hit(_("Område"), area.name, area.kommun.get_absolute_url() + "#police-areas", detail)


def method_hit(method) -> Hit:
    return Hit(_("Metod"), method.name, method.get_absolute_url(), method.get_kind_display())


def experience_hit(experience) -> Hit:
    url = reverse("public:experience", kwargs={"pk": experience.pk})
    return Hit(_("Erfarenhet"), experience.title, url, experience.kommun.short_name)


SEARCHES: list[tuple[str, Callable, Callable]] = [
    ("kommuner", search_kommuner, kommun_hit),
    ("omraden", search_police_areas, area_hit),
    ("metoder", search_methods, method_hit),
    ("erfarenheter", search_experiences, experience_hit),
]


def search_public(query: str) -> Results:
    groups = []
    for key, find, as_hit in SEARCHES:
        found = find(query, limit=HITS_PER_KIND + 1)
        groups.append(
            Group(key, [as_hit(row) for row in found[:HITS_PER_KIND]], len(found) > HITS_PER_KIND)
        )
    return Results(groups)
