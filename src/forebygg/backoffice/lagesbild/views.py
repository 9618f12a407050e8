"""The lägesbild in the kommun's workspace: thin views over lagesbild.domain."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from forebygg.backoffice.entry import workspace_kommun_or_404
from forebygg.core.domain.conflicts import EditConflict, fingerprint
from forebygg.core.views import DOCX_MIME, PDF_MIME, attachment, show_errors
from forebygg.lagesbild import domain
from forebygg.lagesbild.interfaces.document import document_context
from forebygg.lagesbild.interfaces.docx import render_docx
from forebygg.lagesbild.interfaces.pdf import render_pdf
from forebygg.lagesbild.models import SECTIONS, Lagesbild
from forebygg.orgs.access import can_edit_kommun, get_for_user

SECTION_LABELS = dict(SECTIONS)


class SectionForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=gettext_lazy(
            "Tom rad = nytt stycke. Rader som börjar med '- ' blir en lista, '## ' en "
            "underrubrik och **text** fetstil. Skriv aldrig om enskilda personer."
        ),
    )
    base = forms.CharField(required=False, widget=forms.HiddenInput)


class CandidateForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Problem"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Beskrivning"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    figure = forms.ChoiceField(label=gettext_lazy("Underlag (figur)"), required=False)
    evidence = forms.CharField(
        label=gettext_lazy("Underlag (text)"), max_length=400, required=False
    )

    def __init__(self, *args, figures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["figure"].choices = [("", "–")] + [(f["id"], f["title"]) for f in figures]


class DecideForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Fastställs av (organ)"),
        max_length=200,
        help_text=gettext_lazy("Till exempel kommunstyrelsen. Lagen anger inte vilket organ."),
    )


def _lagesbild(request, kommun, number, *, for_edit=False) -> Lagesbild:
    return get_for_user(
        Lagesbild.objects.select_related("kommun"),
        request.user,
        for_edit=for_edit,
        kommun=kommun,
        number=number,
    )


@login_required
def index(request, code):
    kommun = workspace_kommun_or_404(request, code)
    versions = Lagesbild.objects.visible_to(request.user).filter(kommun=kommun)
    return render(
        request,
        "backoffice/lagesbild/index.html",
        {
            "kommun": kommun,
            "versions": versions,
            "can_edit": can_edit_kommun(request.user, kommun),
            "has_draft": versions.filter(status="utkast").exists(),
            "age_warning": domain.age_warning(kommun),
        },
    )


@login_required
@require_POST
def create_draft(request, code):
    kommun = workspace_kommun_or_404(request, code)
    if not can_edit_kommun(request.user, kommun):
        raise Http404
    try:
        lagesbild = domain.draft_lagesbild(kommun, by=request.user)
    except ValidationError as error:
        show_errors(request, error)
        return redirect("backoffice:lagesbild_index", code=code)
    messages.success(request, _("Ett utkast har skapats från statistiken."))
    return redirect("backoffice:lagesbild", code=code, number=lagesbild.number)


@login_required
def detail(request, code, number):
    kommun = workspace_kommun_or_404(request, code)
    lagesbild = _lagesbild(request, kommun, number)
    can_edit = can_edit_kommun(request.user, kommun) and not lagesbild.is_decided
    others = (
        Lagesbild.objects.visible_to(request.user).filter(kommun=kommun).exclude(pk=lagesbild.pk)
    )
    return render(
        request,
        "backoffice/lagesbild/detail.html",
        {
            **document_context(lagesbild),
            "can_edit": can_edit,
            "is_coordinator": can_edit_kommun(request.user, kommun),
            "candidate_form": CandidateForm(figures=lagesbild.snapshot.get("figures", [])),
            "decide_form": DecideForm(),
            "others": others,
            "missing_parts": domain.missing_legal_parts(lagesbild),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_section(request, code, number, key):
    kommun = workspace_kommun_or_404(request, code)
    lagesbild = _lagesbild(request, kommun, number, for_edit=True)
    if key not in SECTION_LABELS or lagesbild.is_decided:
        raise Http404
    stored = lagesbild.section_text(key)
    form = SectionForm(request.POST or None, initial={"text": stored, "base": fingerprint(stored)})
    theirs = None
    if request.method == "POST" and form.is_valid():
        try:
            domain.update_section(
                lagesbild,
                key=key,
                text=form.cleaned_data["text"],
                by=request.user,
                base=form.cleaned_data["base"] or None,
            )
        except EditConflict as conflict:
            messages.error(request, conflict.messages[0])
            theirs = conflict.current
            form = SectionForm(
                initial={"text": form.cleaned_data["text"], "base": conflict.version}
            )
        else:
            messages.success(request, _("Avsnittet är sparat."))
            url = reverse("backoffice:lagesbild", kwargs={"code": code, "number": number})
            return redirect(f"{url}#section-{key}")
    return render(
        request,
        "backoffice/lagesbild/section_form.html",
        {
            "kommun": kommun,
            "lagesbild": lagesbild,
            "form": form,
            "label": SECTION_LABELS[key],
            "theirs": theirs,
        },
    )


@login_required
@require_POST
def add_candidate(request, code, number):
    kommun = workspace_kommun_or_404(request, code)
    lagesbild = _lagesbild(request, kommun, number, for_edit=True)
    form = CandidateForm(request.POST, figures=lagesbild.snapshot.get("figures", []))
    if form.is_valid():
        try:
            domain.add_problem_candidate(lagesbild, by=request.user, **form.cleaned_data)
            messages.success(request, _("Problemkandidaten är tillagd."))
        except ValidationError as error:
            show_errors(request, error)
    else:
        messages.error(request, _("Ange problemet."))
    return redirect("backoffice:lagesbild", code=code, number=number)


@login_required
@require_POST
def decide(request, code, number):
    kommun = workspace_kommun_or_404(request, code)
    lagesbild = _lagesbild(request, kommun, number, for_edit=True)
    form = DecideForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Ange vilket organ som fastställer lägesbilden."))
        domain.decide_lagesbild(lagesbild, by=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Lägesbilden är fastställd och kan inte längre ändras."))
    except ValidationError as error:
        show_errors(request, error)
    return redirect("backoffice:lagesbild", code=code, number=number)


@login_required
@require_POST
def publish(request, code, number):
    kommun = workspace_kommun_or_404(request, code)
    lagesbild = _lagesbild(request, kommun, number, for_edit=True)
    try:
        domain.publish_lagesbild(
            lagesbild, by=request.user, published=request.POST.get("publish") == "1"
        )
        messages.success(request, _("Publiceringen är ändrad."))
    except ValidationError as error:
        show_errors(request, error)
    return redirect("backoffice:lagesbild", code=code, number=number)


@login_required
def compare(request, code, number):
    kommun = workspace_kommun_or_404(request, code)
    newer = _lagesbild(request, kommun, number)
    try:
        other_number = int(request.GET.get("med", ""))
    except ValueError:
        raise Http404 from None
    older = _lagesbild(request, kommun, other_number)
    if older.number > newer.number:
        older, newer = newer, older
    return render(
        request,
        "backoffice/lagesbild/compare.html",
        {
            "kommun": kommun,
            "older": older,
            "newer": newer,
            "differences": domain.compare_versions(older, newer),
        },
    )


@login_required
def download(request, code, number, format):
    kommun = workspace_kommun_or_404(request, code)
    lagesbild = _lagesbild(request, kommun, number)
    name = f"lagesbild-{kommun.code}-v{lagesbild.number}.{format}"
    if format == "docx":
        return attachment(render_docx(lagesbild), DOCX_MIME, name)
    return attachment(render_pdf(lagesbild), PDF_MIME, name)
