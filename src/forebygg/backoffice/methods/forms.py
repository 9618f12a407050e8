"""The experience form and its publish button. The rules (aggregate only, complete to publish)
live in the domain, `methods.domain.experiences`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forebygg.core.forms import Form
from forebygg.methods.models import Method

AGGREGATE_ONLY = _(
    "Bara sammanställda resultat för gruppen eller området – aldrig uppgifter om enskilda personer."
)


class ExperienceForm(Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    measure = forms.ModelChoiceField(
        label=_("Åtgärd i kommunens plan"), queryset=None, required=False, empty_label="–"
    )
    method = forms.ModelChoiceField(
        label=_("Metod ur metodbiblioteket"),
        queryset=Method.objects.order_by("name"),
        required=False,
        empty_label=_("– ingen –"),
    )
    problem = forms.ModelChoiceField(
        label=_("Problem i kommunens analys"), queryset=None, required=False, empty_label="–"
    )
    problem_text = forms.CharField(
        label=_("Problemet som åtgärden riktades mot"),
        max_length=300,
        required=False,
        help_text=_("Med egna ord, så att andra kommuner hittar erfarenheten."),
    )
    what_was_done = forms.CharField(
        label=_("Vad som gjordes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    results = forms.CharField(
        label=_("Resultat"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=AGGREGATE_ONLY,
    )
    result_indicator = forms.CharField(
        label=_("Vad som mättes"),
        max_length=200,
        required=False,
        help_text=_("Till exempel anmälda bostadsinbrott i området."),
    )
    value_before = forms.FloatField(label=_("Värde före"), required=False)
    value_after = forms.FloatField(label=_("Värde efter"), required=False)
    unit = forms.CharField(label=_("Enhet"), max_length=60, required=False)
    period_before = forms.CharField(
        label=_("Period före"), max_length=60, required=False, help_text=_("Till exempel 2023.")
    )
    period_after = forms.CharField(label=_("Period efter"), max_length=60, required=False)
    lessons = forms.CharField(
        label=_("Lärdomar"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, measures, problems, with_publish: bool = False, **kwargs):
        """`measures` and `problems`: the workspace's own, as the user may read them."""
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = measures.select_related("plan").order_by(
            "-plan__number", "key"
        )
        self.fields["measure"].label_from_instance = lambda measure: (
            f"{measure.key} {measure.title} (version {measure.plan.number})"
        )
        self.fields["problem"].queryset = problems
        if with_publish:
            self.fields["publish"] = forms.BooleanField(
                label=_("Publicera direkt, så att andra kommuner hittar erfarenheten"),
                required=False,
            )


class PublishForm(Form):
    """The publish button: "1" publishes the experience, "0" takes it back."""

    published = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")],
        coerce=lambda value: value == "1",
        required=False,
        empty_value=False,
    )
