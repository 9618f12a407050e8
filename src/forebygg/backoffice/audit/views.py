"""Ändringslogg: who changed what in a kommun's data, for its coordinator and site admins."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from forebygg.core.domain.audit import audited_types, list_change_authors, list_changes
from forebygg.geo.domain.queries import get_kommun_or_404
from forebygg.orgs.access import access_for, can_edit_kommun


class ChangeFilterForm(forms.Form):
    """Filter by model type and by user; `sida` is the page number."""

    typ = forms.ChoiceField(label=gettext_lazy("Typ"), required=False)
    vem = forms.ChoiceField(label=gettext_lazy("Vem"), required=False)

    def __init__(self, data, *, types, authors):
        super().__init__(data)
        self.types = {audited.key: audited for audited in types}
        self.authors = {str(author.pk): author for author in authors}
        everything = [("", _("Alla"))]
        self.fields["typ"].choices = everything + [(key, t.label) for key, t in self.types.items()]
        self.fields["vem"].choices = everything + [
            (key, author.get_full_name() or author.get_username())
            for key, author in self.authors.items()
        ]

    def filters(self) -> dict:
        """The valid filters; an unknown value filters nothing rather than failing the page."""
        self.is_valid()
        chosen_type = self.types.get(self.cleaned_data.get("typ", ""))
        return {
            "model": chosen_type.model if chosen_type else None,
            "user": self.authors.get(self.cleaned_data.get("vem", "")),
        }


def change_log_context(request, *, kommun) -> dict:
    """What the log page shows, shared by the workspace page and the admin's site-wide page."""
    form = ChangeFilterForm(
        request.GET,
        types=audited_types(kommun_scoped=kommun is not None),
        authors=list_change_authors(kommun=kommun),
    )
    page = list_changes(kommun=kommun, page=request.GET.get("sida") or 1, **form.filters())
    query = request.GET.copy()
    query.pop("sida", None)
    return {"kommun": kommun, "form": form, "page": page, "query": query.urlencode()}


@login_required
@require_GET
def change_log(request, code):
    kommun = get_kommun_or_404(code)
    if not (can_edit_kommun(request.user, kommun) or access_for(request.user).is_site_admin):
        raise Http404(_("Sidan finns inte eller så saknar du behörighet."))
    return render(request, "backoffice/audit/log.html", change_log_context(request, kommun=kommun))
