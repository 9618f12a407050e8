"""Brå's prioritisation of kommuner for support: thin views over `support.domain`.

The page, its CSV and the saving of Brå's default weights are for Brå's analysts and site
admins only; everyone else gets a 404, never a hint that the page exists.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from forebygg.core.views import attachment
from forebygg.oversight.prioritisation_forms import PrioritisationForm, WeightsForm
from forebygg.oversight.views import require_national
from forebygg.reporting.domain.overview import REPORTED_STATES
from forebygg.reporting.models import YearlyReport
from forebygg.support.domain import weights as saved
from forebygg.support.domain.prioritisation import (
    CRITERIA,
    default_weights,
    gather_inputs,
    police_list_years,
    rank,
)
from forebygg.support.interfaces import table


def _reported_years(user) -> list[int]:
    """Years with a report the user sees, newest first."""
    reported = (
        YearlyReport.objects.visible_to(user)
        .filter(status__in=REPORTED_STATES)
        .order_by()
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(reported), reverse=True)


def _plain(weight: float) -> str:
    """A weight as an <input type=number> value: 20, 1.5."""
    text = repr(float(weight))
    return text[:-2] if text.endswith(".0") else text


def _query(weights: dict[str, float], year: int, list_year: int | None) -> str:
    values = {key: _plain(weight) for key, weight in weights.items()}
    values["ar"] = str(year)
    if list_year is not None:
        values["lista"] = str(list_year)
    return urlencode(values)


def _bound_form(request, stored=None) -> PrioritisationForm:
    """The GET parameters over Brå's saved weights: a parameter left out keeps its saved value.

    The year offered first is the latest with a report the user sees, else this year; this
    year and last year are always offered.
    """
    reported, list_years = _reported_years(request.user), police_list_years()
    this_year = timezone.localdate().year
    years = sorted({this_year, this_year - 1, *reported}, reverse=True)
    data = {key: _plain(weight) for key, weight in saved.current_weights(stored).items()}
    data["ar"] = str(reported[0] if reported else this_year)
    data["lista"] = str(list_years[0]) if list_years else ""
    known = {criterion.key for criterion in CRITERIA} | {"ar", "lista"}
    data.update({key: value for key, value in request.GET.items() if key in known})
    return PrioritisationForm(data, years=years, list_years=list_years)


def _ranking(request, form: PrioritisationForm):
    year, list_year = form.cleaned_data["ar"], form.cleaned_data["lista"]
    inputs = gather_inputs(year, request.user, list_year=list_year)
    return inputs, rank(inputs, form.weights)


@login_required
@require_GET
def prioritisation(request):
    require_national(request)
    stored = saved.stored_default()
    form = _bound_form(request, stored)
    context = {"form": form, "ranking": None}
    context["history"] = (
        list(stored.history.select_related("history_user")[:5]) if stored is not None else []
    )
    context["saved_weights"] = saved.current_weights(stored)
    if form.is_valid():
        inputs, ranking = _ranking(request, form)
        weights, year, list_year = form.weights, form.cleaned_data["ar"], form.cleaned_data["lista"]
        first = inputs[0] if inputs else None
        context |= {
            "ranking": ranking,
            "rows": [table.table_row(ranked) for ranked in ranking],
            "criterion_headers": table.criterion_headers(weights),
            "weights": [(key, _plain(weight)) for key, weight in weights.items()],
            "year": year,
            "list_year": first.list_year if first else list_year,
            "crime_year": first.crime_year if first else None,
            "reported": sum(kommun.has_reported for kommun in inputs),
            "kommun_count": len(inputs),
            "query": _query(weights, year, list_year),
            "is_saved_default": weights == context["saved_weights"],
            "saved_query": urlencode({"ar": year, **({"lista": list_year} if list_year else {})}),
            "default_query": _query(default_weights(), year, list_year),
        }
    return render(request, "oversight/prioritisation.html", context)


@login_required
@require_GET
def prioritisation_csv(request):
    require_national(request)
    form = _bound_form(request)
    if not form.is_valid():
        return HttpResponseBadRequest(
            _("Vikterna är ogiltiga: rätta dem på sidan och ladda ner igen."),
            content_type="text/plain; charset=utf-8",
        )
    _inputs, ranking = _ranking(request, form)
    name = f"prioritering-{form.cleaned_data['ar']}.csv"
    return attachment(table.ranking_csv(ranking, form.weights), "text/csv; charset=utf-8", name)


@login_required
@require_POST
def prioritisation_weights(request):
    require_national(request)
    form = WeightsForm(request.POST)
    back = reverse("oversight:prioritisation")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    saved.save_default_weights(form.weights, by=request.user)
    messages.success(request, _("Vikterna är sparade som Brå:s standard."))
    year = request.POST.get("ar", "")
    list_year = request.POST.get("lista", "")
    keep = {key: value for key, value in (("ar", year), ("lista", list_year)) if value.isdigit()}
    return redirect(f"{back}?{urlencode(keep)}" if keep else back)
