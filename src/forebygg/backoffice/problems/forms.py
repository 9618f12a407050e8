"""Forms for problems, the prioritisation matrix and the cause analysis."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from forebygg.backoffice.plans.forms import NO_PERSONS, SEARCH_HINT, IndicatorsField
from forebygg.core.forms import Form
from forebygg.geo.models import Area
from forebygg.lagesbild.models import ProblemCandidate
from forebygg.plans.enums import Criterion, HypothesisStatus, Perspective, Priority
from forebygg.plans.models import MAX_SCORE
from forebygg.stats.models import DataSource, Indicator


class IndicatorSearchForm(Form):
    """Narrows the indicators of the new-problem form (GET, before the form is filled in)."""

    sok = forms.CharField(
        label=_("Sök bland indikatorerna"), max_length=100, required=False, help_text=SEARCH_HINT
    )

    def search(self) -> str:
        return self.cleaned_data["sok"].strip() if self.is_valid() else ""


class FirstCauseFields(Form):
    """A first cause, given with the problem: both its perspective and its text, or neither."""

    first_cause_perspective = forms.ChoiceField(
        label=_("Den första orsakens perspektiv"),
        choices=[("", "–"), *Perspective.choices],
        required=False,
    )
    first_cause = forms.CharField(
        label=_("En första orsak"),
        max_length=300,
        required=False,
        help_text=_("Frivilligt. Fler orsaker och orsaksträdet lägger du till på problemets sida."),
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("first_cause_perspective")) != bool(data.get("first_cause", "").strip()):
            raise forms.ValidationError(
                _("Ange både den första orsaken och dess perspektiv, eller ingetdera.")
            )
        return data


class QuickProblemForm(FirstCauseFields):
    """The workspace home's short form: the problem and its first cause; it posts to the
    problem form's own view."""

    title = forms.CharField(label=_("Problem"), max_length=200)
    field_order = ["title", "first_cause_perspective", "first_cause"]


class ProblemForm(FirstCauseFields):
    title = forms.CharField(label=_("Problem"), max_length=200, required=False)
    candidate = forms.ModelChoiceField(
        label=_("Ta över en problemkandidat från lägesbilden"),
        queryset=ProblemCandidate.objects.none(),
        required=False,
        empty_label="–",
    )
    description = forms.CharField(
        label=_("Beskrivning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=NO_PERSONS,
    )
    evidence_text = forms.CharField(
        label=_("Underlag"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Områden"),
        queryset=Area.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    indicators = IndicatorsField(
        label=_("Indikatorer som visar problemet"),
        queryset=Indicator.objects.none(),
        required=False,
        help_text=_(
            "Brå:s anmälda brott ger förslag till prioriteringsmatrisen. Polisens publicerade "
            "händelser är pressmeddelanden, inte brottsstatistik."
        ),
    )
    sources = forms.ModelMultipleChoiceField(
        label=_("Källor"),
        queryset=DataSource.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    field_order = [
        "title", "candidate", "description", "evidence_text", "areas", "indicators", "sources",
        "first_cause_perspective", "first_cause",
    ]  # fmt: skip

    def __init__(self, *args, kommun, candidates, search="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].offer(kommun, search)
        self.fields["sources"].queryset = DataSource.objects.filter(
            Q(kommun__isnull=True) | Q(kommun=kommun)
        )
        self.fields["candidate"].queryset = candidates.select_related("lagesbild")
        self.fields["candidate"].label_from_instance = lambda c: (
            f"{c.title} (lägesbild version {c.lagesbild.number})"
        )
        self.fields["areas"].queryset = Area.objects.filter(kommun=kommun)
        self.fields["areas"].empty_text = _("Inga områden är inlästa för kommunen.")

    def clean(self):
        data = super().clean()
        if not data.get("title") and not data.get("candidate"):
            raise forms.ValidationError(_("Ange problemet eller välj en problemkandidat."))
        return data


SCORE_CHOICES = [("", "–")] + [(str(n), str(n)) for n in range(MAX_SCORE + 1)]


class ScoreForm(Form):
    """One select per criterion of Brå's matrix, 0–3 or not assessed."""

    def __init__(self, *args, problem, proposals=None, **kwargs):
        """`proposals` (criterion → `proposals.Proposal`) fill the criteria not yet assessed;
        they count only once the coordinator saves the form."""
        super().__init__(*args, **kwargs)
        proposals = proposals or {}
        for criterion in Criterion:
            saved = problem.scores.get(criterion.value)
            proposal = proposals.get(criterion.value)
            proposed = proposal.score if proposal is not None else None
            self.fields[criterion.value] = forms.TypedChoiceField(
                label=criterion.label,
                choices=SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                initial=saved if saved is not None else proposed,
                help_text=_proposal_hint(saved, proposed),
            )


def _proposal_hint(saved: int | None, proposed: int | None) -> str:
    if proposed is None:
        return ""
    if saved is None:
        return _("Förslag ur data: %(score)s, inte sparat. Se underlaget nedan.") % {
            "score": proposed
        }
    return _("Förslag ur data: %(score)s. Se underlaget nedan.") % {"score": proposed}


class PriorityForm(Form):
    priority = forms.ChoiceField(label=_("Beslut"), choices=Priority.choices)
    reason = forms.CharField(
        label=_("Motivering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Krävs när ett problem medvetet väljs bort."),
    )


class CauseForm(Form):
    prefix = "cause"  # the problem page shows three forms with a field "text"
    perspective = forms.ChoiceField(label=_("Perspektiv"), choices=Perspective.choices)
    text = forms.CharField(label=_("Orsak"), max_length=300)
    parent = forms.ModelChoiceField(
        label=_("Del av (orsaksträd eller händelsekedja)"),
        queryset=None,
        required=False,
        empty_label=_("– ingen, en huvudorsak –"),
    )

    def __init__(self, *args, problem, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = problem.causes.all()


class HypothesisForm(Form):
    prefix = "hypothesis"
    text = forms.CharField(label=_("Hypotes"), max_length=300)
    evidence = forms.CharField(
        label=_("Underlag"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    status = forms.ChoiceField(label=_("Status"), choices=HypothesisStatus.choices)


class UnknownsForm(Form):
    prefix = "unknowns"
    text = forms.CharField(
        label=_("Det vi ännu inte vet"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
