"""docs/glossary.md names every model and every choices class of the project.

A new model or choices class without a glossary line fails here, so that the glossary stays
the one place where a newcomer finds what a concept is called in Swedish, in code and in
English. Names are matched as code (`Name` between backticks, optionally app-qualified).
"""

import enum
import importlib
import inspect
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

GLOSSARY = Path(settings.BASE_DIR) / "docs" / "glossary.md"
CODE = re.compile(r"`([^`]+)`")


def glossary_names() -> set[str]:
    names = set()
    for code in CODE.findall(GLOSSARY.read_text(encoding="utf-8")):
        for part in re.split(r"[ ,/()]+", code):
            names.update(part.split("."))
    return names


def project_models() -> list[str]:
    return sorted(
        model.__name__
        for model in apps.get_models()
        if model.__module__.startswith("forebygg.")
        and not model._meta.auto_created
        and not model.__name__.startswith("Historical")
    )


def project_choices() -> list[str]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("forebygg."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.enums")
        except ModuleNotFoundError:
            continue
        found += [
            name
            for name, value in inspect.getmembers(module, inspect.isclass)
            if value.__module__ == module.__name__ and issubclass(value, enum.Enum)
        ]
    return sorted(found)


def test_every_model_is_in_the_glossary():
    missing = [name for name in project_models() if name not in glossary_names()]
    assert missing == []


def test_every_choices_class_is_in_the_glossary():
    missing = [name for name in project_choices() if name not in glossary_names()]
    assert missing == []


def test_choices_live_in_each_apps_enums_module():
    """A TextChoices class defined anywhere but an `enums.py` would escape the glossary test."""
    stray = []
    for path in sorted((Path(settings.BASE_DIR) / "src" / "forebygg").rglob("*.py")):
        if path.name == "enums.py" or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        stray += [
            f"{path.name}: {name}"
            for name in re.findall(
                r"^class (\w+)\((?:models\.)?(?:Text|Integer)Choices\)", text, re.M
            )
        ]
    assert stray == []


def test_the_checks_see_the_project():
    assert "Lagesbild" in project_models()
    assert "Visibility" in project_choices()
