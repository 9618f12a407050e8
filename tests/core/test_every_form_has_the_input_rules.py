"""Every form of the project, the admin's too, refuses hostile input the same way.

`core.forms.InputRules` refuses control characters, numbers beyond a bound, dates outside
1990–2100 and oversized files, whatever the form's own fields say. A form that does not
inherit it fails here, so a new form cannot forget it.
"""

import importlib
import pkgutil

from django import forms

import forebygg
from forebygg.core.forms import InputRules
from forebygg.site_admin import admin_site

# Forms that do not have the rules yet, each with the reason. An entry whose form has them
# by now fails the test below: remove it.
WITHOUT_THE_RULES = {
    # Its package is being rewritten at the same time; the form has no text field, and its
    # upload limit (50 MB) is its own.
    "forebygg.backoffice.imports.forms.UploadForm": "no text field, own size limit",
}
SKIPPED_MODULES = (".migrations", ".settings", "forebygg.wsgi", "forebygg.settings")


def project_modules():
    for module in pkgutil.walk_packages(forebygg.__path__, "forebygg."):
        if not any(part in module.name for part in SKIPPED_MODULES):
            importlib.import_module(module.name)


def subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from subclasses(subclass)


def project_forms() -> dict[str, type]:
    project_modules()
    return {
        f"{form.__module__}.{form.__qualname__}": form
        for form in subclasses(forms.BaseForm)
        if form.__module__.startswith("forebygg.")
    }


def test_every_form_of_the_project_has_the_input_rules():
    found = project_forms()
    assert len(found) > 40  # the walk found the forms at all
    without = sorted(
        name
        for name, form in found.items()
        if not issubclass(form, InputRules) and name not in WITHOUT_THE_RULES
    )
    assert without == [], f"Forms without core.forms.InputRules: {without}"


def test_every_exemption_is_still_needed():
    found = project_forms()
    stale = sorted(
        name
        for name in WITHOUT_THE_RULES
        if name not in found or issubclass(found[name], InputRules)
    )
    assert stale == []


def test_every_admin_form_has_the_input_rules():
    without = []
    for model, model_admin in admin_site._registry.items():
        admin_forms = [model_admin.form, getattr(model_admin, "add_form", None)]
        admin_forms += [inline.form for inline in model_admin.inlines]
        for form in admin_forms:
            if form is not None and not issubclass(form, InputRules):
                without.append(f"{model._meta.label}: {form.__name__}")
    assert without == []
