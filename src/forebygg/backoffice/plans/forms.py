"""Forms for the åtgärdsplan, its measures and follow-up. The rules live in the domain."""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forebygg.core.bounds import MAX_ID
from forebygg.core.forms import Form, UploadField
from forebygg.geo.models import POLICE_AREA_KINDS, Area
from forebygg.lagesbild.models import Lagesbild
from forebygg.methods.models import Method
from forebygg.plans.domain.planning import causes_of, eligible_organisations
from forebygg.plans.domain.spreadsheet import MAX_SHEET_BYTES
from forebygg.plans.enums import Funding, Horizon, MeasureArea, MeasureState, MeasureType
from forebygg.stats.catalogue import grouped, offered_to
from forebygg.stats.models import Indicator


class DateInput(forms.DateInput):
    input_type = "date"


NO_PERSONS = _("Skriv om problem, platser och grupper – aldrig om enskilda personer.")


class PlanForm(Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200, initial=_("Åtgärdsplan"))
    lagesbild = forms.ModelChoiceField(
        label=_("Bygger på lägesbild"), queryset=Lagesbild.objects.none(), empty_label=None
    )

    def __init__(self, *args, decided_lagesbilder, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lagesbild"].queryset = decided_lagesbilder
        self.fields["lagesbild"].label_from_instance = lambda lb: (
            f"Version {lb.number}, fastställd {lb.decision_date_text}"
        )


class MeasureForm(Form):
    title = forms.CharField(label=_("Åtgärd"), max_length=200)
    causes = forms.ModelMultipleChoiceField(
        label=_("Orsaker som åtgärden ska påverka"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    type = forms.ChoiceField(label=_("Typ"), choices=MeasureType.choices)
    horizon = forms.ChoiceField(label=_("Tidsperspektiv"), choices=Horizon.choices)
    owner = forms.ModelChoiceField(
        label=_("Ansvarig organisation"), queryset=None, required=False, empty_label="–"
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Samverkansparter"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    area_kind = forms.ChoiceField(label=_("Område"), choices=MeasureArea.choices)
    district = forms.CharField(label=_("Stadsdel eller ort"), max_length=120, required=False)
    police_area = forms.ModelChoiceField(
        label=_("Polisens område"), queryset=None, required=False, empty_label="–"
    )
    method = forms.ModelChoiceField(
        label=_("Metod ur metodbiblioteket"),
        queryset=Method.objects.order_by("name"),
        required=False,
        empty_label=_("– ingen –"),
        help_text=_(
            "Effektbedömningarna för metoden visas i varningarna. Saknas metoden, lämna tomt "
            "och skriv dess namn nedan."
        ),
    )
    method_text = forms.CharField(
        label=_("Metod (fritext)"),
        max_length=200,
        required=False,
        help_text=_("Till exempel ett lokalt arbetssätt eller programmets namn."),
    )
    description = forms.CharField(
        label=_("Hur åtgärden genomförs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    start = forms.DateField(label=_("Start"), required=False, widget=DateInput)
    end = forms.DateField(label=_("Slut"), required=False, widget=DateInput)
    cost = forms.DecimalField(label=_("Kostnad (kr)"), required=False, decimal_places=0)
    funding = forms.ChoiceField(label=_("Finansiering"), choices=Funding.choices)
    expected_effect = forms.CharField(
        label=_("Förväntad effekt"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    base = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, kommun, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["causes"].queryset = causes_of(kommun)
        self.fields["causes"].label_from_instance = lambda c: f"{c.problem.title}: {c.text}"
        self.fields["causes"].empty_text = _("Inga orsaker ännu. Gör en orsaksanalys först.")
        organisations = eligible_organisations(kommun).distinct().order_by("name")
        self.fields["owner"].queryset = organisations
        self.fields["partners"].queryset = organisations
        self.fields["police_area"].queryset = Area.objects.filter(
            kommun=kommun, kind__in=POLICE_AREA_KINDS
        )

    def clean_base(self):
        return self.cleaned_data["base"] or None


class GroupedIndicators(ModelChoiceIterator):
    """The field's indicators as one group per source (`stats.catalogue.grouped`): an
    <optgroup> in a select, a fieldset among checkboxes."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for family, indicators in grouped(self.queryset, self.field.search):
            yield (family.label, [self.choice(indicator) for indicator in indicators])


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in a fieldset per group; `includes/form.html` gives it the field's legend."""

    template_name = "backoffice/widgets/grouped_checkboxes.html"
    renders_groups = True


class IndicatorChoices:
    """What both indicator fields share: the groups, the search, and ids within bounds."""

    iterator = GroupedIndicators
    search = ""

    def offer(self, kommun, search: str = "") -> None:
        self.queryset = offered_to(kommun)
        self.search = search

    def to_python(self, value):
        if isinstance(value, str) and value.isdigit() and int(value) > MAX_ID:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IndicatorField(IndicatorChoices, forms.ModelChoiceField):
    pass


class IndicatorsField(IndicatorChoices, forms.ModelMultipleChoiceField):
    widget = GroupedCheckboxes

    def _check_values(self, value):
        if any(str(v).isdigit() and int(str(v)) > MAX_ID for v in value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super()._check_values(value)


SEARCH_HINT = _("Skriv en del av namnet, till exempel inbrott, misshandel eller trygghet.")


class IndicatorPickForm(Form):
    """Step one of a new target (GET): search the indicators, then choose one."""

    sok = forms.CharField(
        label=_("Sök indikator"), max_length=100, required=False, help_text=SEARCH_HINT
    )
    indikator = IndicatorField(
        label=_("Indikator ur statistiken"),
        queryset=Indicator.objects.none(),
        required=False,
        empty_label="–",
        help_text=_("Utgångsvärdet hämtas då ur statistiken; du kan ändra det innan du sparar."),
    )

    def __init__(self, data, *, kommun):
        super().__init__(data)
        search = self.data.get("sok", "") if len(self.data.get("sok", "")) <= 100 else ""
        self.fields["indikator"].offer(kommun, search.strip())

    def chosen(self):
        """The chosen indicator, or None (nothing chosen, or a value that is not offered)."""
        if not self.is_valid():
            return None
        return self.cleaned_data["indikator"]


class TargetForm(Form):
    """Step two: the target. With an indicator from step one its baseline comes prefilled."""

    indicator = IndicatorField(
        label=_("Indikator ur statistiken"),
        queryset=Indicator.objects.none(),
        required=False,
        empty_label="–",
        widget=forms.HiddenInput,
    )
    local_name = forms.CharField(label=_("eller lokal indikator"), max_length=200, required=False)
    baseline_value = forms.FloatField(label=_("Utgångsvärde"), required=False)
    baseline_date = forms.DateField(
        label=_("Utgångsvärdets datum"), widget=DateInput, required=False
    )
    target_value = forms.FloatField(label=_("Målvärde"))
    target_date = forms.DateField(label=_("Måldatum"), widget=DateInput)
    source = forms.CharField(
        label=_("Källa"),
        max_length=300,
        required=False,
        help_text=_("Fylls i automatiskt för indikatorer ur statistiken."),
    )

    def __init__(self, *args, kommun, indicator=None, baseline=None, **kwargs):
        """`indicator` chosen in step one; `baseline` (`stats.figures.LatestValue`) its newest
        value for the kommun, shown as the editable baseline."""
        initial = kwargs.pop("initial", {}) or {}
        if indicator is not None:
            initial["indicator"] = indicator.pk
        if baseline is not None:
            initial |= {
                "baseline_value": baseline.value,
                "baseline_date": baseline.ends_on,
                "source": baseline.source,
            }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["indicator"].offer(kommun)
        if indicator is not None:
            del self.fields["local_name"]
        if baseline is not None:
            self.fields["baseline_value"].help_text = _("Hämtat ur statistiken; ändra vid behov.")
        elif indicator is None:
            self.fields["source"].help_text = _("Krävs för en lokal indikator.")


class FirstTargetForm(TargetForm):
    """A first target, given with a new measure: all of it, or none of it."""

    # The baseline of a statistics indicator comes from the data when left empty.
    REQUIRED = ("target_value", "target_date")

    def __init__(self, *args, kommun, **kwargs):
        super().__init__(*args, kommun=kommun, prefix="mal", use_required_attribute=False, **kwargs)
        self.fields["indicator"].widget = forms.Select(choices=self.fields["indicator"].choices)
        self.fields["baseline_value"].help_text = _(
            "Lämnas tomt för en indikator ur statistiken: det senaste värdet hämtas då."
        )
        for name in self.REQUIRED:
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        if self.is_empty():
            return data
        for name in self.REQUIRED:
            if data.get(name) is None and name not in self.errors:
                self.add_error(name, _("Ange ett värde, eller lämna hela målet tomt."))
        return data

    def is_empty(self) -> bool:
        """Nothing typed or chosen: the measure is saved without a target."""
        return not any(self.data.get(self.add_prefix(name), "").strip() for name in self.fields)


class DecidePlanForm(Form):
    body = forms.CharField(
        label=_("Beslutande organ"),
        max_length=200,
        help_text=_("Till exempel kommunfullmäktige. Lagen anger inte vilket organ."),
    )
    decided_on = forms.DateField(label=_("Beslutsdatum"), widget=DateInput)
    reference = forms.CharField(label=_("Diarienummer"), max_length=80)


class StatusForm(Form):
    state = forms.ChoiceField(label=_("Status"), choices=MeasureState.choices)
    share_done = forms.IntegerField(label=_("Andel genomförd (%)"), min_value=0, max_value=100)
    narrative = forms.CharField(
        label=_("Beskrivning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=NO_PERSONS,
    )
    reported_on = forms.DateField(
        label=_("Datum"), widget=DateInput, initial=lambda: timezone.localdate()
    )


class ReadingForm(Form):
    value = forms.FloatField(label=_("Värde"))
    measured_on = forms.DateField(label=_("Avser datum"), widget=DateInput)
    source = forms.CharField(label=_("Källa"), max_length=300)


class FollowUpForm(Form):
    held_on = forms.DateField(
        label=_("Datum för uppföljningen"), widget=DateInput, initial=lambda: timezone.localdate()
    )
    summary = forms.CharField(
        label=_("Sammanfattning"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class SheetForm(Form):
    file = UploadField(
        max_bytes=MAX_SHEET_BYTES,
        label=_("Kalkylark (CSV eller Excel)"),
        help_text=_(
            "Utgå från en export av planens åtgärder. Åtgärds-id styr vilken rad som ändras."
        ),
    )

    def __init__(self, *args, too_large=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_SHEET_BYTES:
            raise forms.ValidationError(self._too_large())
        return upload

    def clean(self):
        if self.too_large:
            self.errors.pop("file", None)
            self.add_error("file", self._too_large())
        return super().clean()

    def _too_large(self) -> str:
        return _(
            "Filen är större än %(size)s MB. En export av planens åtgärder är mycket mindre."
        ) % {"size": MAX_SHEET_BYTES // (1024 * 1024)}
