"""Ändringslogg: who changed what and when, with the values before and after.

Every domain model keeps its django-simple-history table (`core.models.AuditedModel`). This
module reads those tables across all apps: for one kommun (its kommun-owned models and the
models that hang under them, such as a plan's measures) or for the whole site.

Links (many-to-many fields) are recorded with each version (`_history_m2m_fields`), so a
change shows them too, as the names of the linked objects before and after.

Query budget: one query for the count and one for the page, both a UNION over the history
tables; then two per model type that appears on the page (its records, their previous
versions), one UNION over the link tables of those types, and one per model that a shown
foreign key or a changed link points to. Nothing per row.

Which rows belong to a kommun is read from the models themselves: every scoped model answers
`kommun_lookup()` (`kommun`, `plan__kommun`, …), so `core` needs nothing from `orgs`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db import models
from django.db.models import CharField, OuterRef, Q, Subquery, Value
from django.utils import timezone
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

PER_PAGE = 50
MAX_VALUE_LENGTH = 200
MAX_KEYS_PER_FIELD = 10
# Bookkeeping that changes on every save and says nothing about the content.
HIDDEN_FIELDS = frozenset({"id", "created_at", "updated_at"})
# In one kommun's log every row is that kommun's.
HIDDEN_IN_KOMMUN_LOG = HIDDEN_FIELDS | {"kommun"}

KIND_LABELS = {
    "+": gettext_lazy("Skapad"),
    "~": gettext_lazy("Ändrad"),
    "-": gettext_lazy("Borttagen"),
}


@dataclass(frozen=True)
class AuditedType:
    """A model with a history table, and how its rows lead to a kommun (if they do).

    `scope` is the model's `kommun_lookup()` split into foreign keys: `("kommun",)` for a
    kommun-owned model, `("plan", "kommun")` for a measure, `("measure", "plan", "kommun")`
    for a target. `None` means the model belongs to no kommun (reference data, methods, users).
    """

    model: type[models.Model]
    scope: tuple[str, ...] | None

    @property
    def key(self) -> str:
        return self.model._meta.label_lower

    @property
    def label(self) -> str:
        return capfirst(self.model._meta.verbose_name)

    @property
    def history_model(self) -> type[models.Model]:
        return self.model.history.model

    @property
    def link_fields(self) -> list[models.ManyToManyField]:
        """The many-to-many fields recorded with each version, in the model's field order."""
        recorded = set(self.history_model._history_m2m_fields)
        return [link for link in self.model._meta.many_to_many if link in recorded]


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    when: datetime
    who: object | None
    kind: str
    type_label: str
    object_label: str
    object_id: object
    reason: str
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))


@dataclass(frozen=True)
class ChangePage:
    changes: list[Change]
    number: int
    num_pages: int
    count: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def list_changes(
    *,
    kommun=None,
    model: type[models.Model] | None = None,
    user=None,
    page: int | str = 1,
    per_page: int = PER_PAGE,
) -> ChangePage:
    """The changes, newest first: of one kommun's data, or of everything when kommun is None."""
    types = audited_types(kommun_scoped=kommun is not None)
    if model is not None:
        types = [audited for audited in types if audited.model is model]
    if not types:
        return ChangePage(changes=[], number=1, num_pages=1, count=0)
    rows = [
        _rows_of(audited, kommun=kommun, user=user).annotate(
            audit_type=Value(audited.key, output_field=CharField())
        )
        for audited in types
    ]
    fields = ("history_id", "history_date", "audit_type")
    combined = rows[0].values_list(*fields)
    if len(rows) > 1:
        combined = combined.union(*(part.values_list(*fields) for part in rows[1:]), all=True)
    combined = combined.order_by("-history_date", "-history_id")
    paginator = Paginator(combined, per_page)
    current = paginator.get_page(page)
    by_key = {audited.key: audited for audited in types}
    hidden = HIDDEN_FIELDS if kommun is None else HIDDEN_IN_KOMMUN_LOG
    changes = _load_changes(list(current.object_list), by_key, hidden)
    return ChangePage(
        changes=changes,
        number=current.number,
        num_pages=paginator.num_pages,
        count=paginator.count,
    )


def list_change_authors(*, kommun=None) -> list:
    """Everyone who has changed something in scope, for the filter by user."""
    types = audited_types(kommun_scoped=kommun is not None)
    if not types:
        return []
    parts = [_rows_of(audited, kommun=kommun, user=None) for audited in types]
    ids = parts[0].values_list("history_user_id")
    if len(parts) > 1:
        ids = ids.union(*(part.values_list("history_user_id") for part in parts[1:]))
    user_ids = {user_id for (user_id,) in ids.order_by() if user_id is not None}
    return list(get_user_model().objects.filter(pk__in=user_ids).order_by("username"))


@cache
def audited_types(*, kommun_scoped: bool) -> list[AuditedType]:
    """Every project model with a history table; for a kommun only those that lead to one."""
    types = [
        AuditedType(model=model, scope=_scope_of(model))
        for model in apps.get_models()
        if model.__module__.startswith("forebygg.")
        and hasattr(model._meta, "simple_history_manager_attribute")
    ]
    if kommun_scoped:
        types = [audited_type for audited_type in types if audited_type.scope is not None]
    return sorted(types, key=lambda audited_type: audited_type.label)


def _scope_of(model) -> tuple[str, ...] | None:
    kommun_lookup = getattr(model, "kommun_lookup", None)
    return tuple(kommun_lookup().split("__")) if kommun_lookup else None


def _rows_of(audited: AuditedType, *, kommun, user) -> models.QuerySet:
    rows = audited.history_model._default_manager.order_by()
    if kommun is not None:
        rows = rows.filter(_kommun_rule(audited.model, audited.scope, kommun))
    if user is not None:
        rows = rows.filter(history_user_id=user.pk)
    return rows


def _kommun_rule(model, scope: tuple[str, ...], kommun) -> Q:
    """Rows that belong to the kommun, read from the history tables all the way up.

    The parents' history tables, not the live ones, so that the changes of a deleted plan's
    measures still show under the kommun.
    """
    key = model._meta.get_field(scope[0])
    if len(scope) == 1:
        return Q(**{key.attname: kommun.pk})
    parent = key.related_model
    parent_ids = (
        parent.history.model._default_manager.order_by()
        .filter(_kommun_rule(parent, scope[1:], kommun))
        .values(parent._meta.pk.attname)
    )
    return Q(**{f"{key.attname}__in": parent_ids})


def _load_changes(rows: list[tuple], by_key: dict[str, AuditedType], hidden) -> list[Change]:
    ids_by_key: dict[str, list[int]] = defaultdict(list)
    for history_id, _when, key in rows:
        ids_by_key[key].append(history_id)
    loaded = {}
    for key, ids in ids_by_key.items():
        for record, previous in _records_with_previous(by_key[key], ids):
            loaded[(key, record.history_id)] = (record, previous)
    links = _links_of(loaded, by_key)
    related = _related_objects(loaded, by_key, links, hidden)
    return [
        _change(by_key[key], *loaded[(key, history_id)], links, related, hidden)
        for history_id, _when, key in rows
        if (key, history_id) in loaded
    ]


def _records_with_previous(audited: AuditedType, ids: list[int]):
    history = audited.history_model
    pk = audited.model._meta.pk.attname
    earlier = history._default_manager.filter(**{pk: OuterRef(pk)}).filter(
        Q(history_date__lt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
    )
    previous_id = earlier.order_by("-history_date", "-history_id").values("history_id")[:1]
    records = list(
        history._default_manager.filter(history_id__in=ids)
        .select_related("history_user", *_foreign_keys(history))
        .annotate(previous_id=Subquery(previous_id))
    )
    previous_ids = [record.previous_id for record in records if record.previous_id]
    previous = history._default_manager.in_bulk(previous_ids, field_name="history_id")
    return [(record, previous.get(record.previous_id)) for record in records]


def _foreign_keys(history) -> list[str]:
    return [
        key.name
        for key in history._meta.concrete_fields
        if key.many_to_one and key.name != "history_user"
    ]


def _shown_fields(model, hidden) -> list[models.Field]:
    return [
        model_field
        for model_field in model._meta.concrete_fields
        if model_field.editable and model_field.name not in hidden
    ]


# (model label, history_id) → {link field name: ids of the objects linked in that version}
Links = dict[tuple[str, int], dict[str, set]]


def _links_of(loaded: dict, by_key: dict[str, AuditedType]) -> Links:
    """The links of every version on the page and of its previous one, in one query.

    One UNION over the link tables (`_history_m2m_fields`) of the types on the page.
    """
    history_ids: dict[str, list[int]] = defaultdict(list)
    for (key, _history_id), versions in loaded.items():
        history_ids[key] += [version.history_id for version in versions if version is not None]
    parts = [
        _link_rows(key, link, ids)
        for key, ids in history_ids.items()
        for link in by_key[key].link_fields
    ]
    links: Links = defaultdict(lambda: defaultdict(set))
    if parts:
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        for key, history_id, name, target_id in rows:
            links[(key, history_id)][name].add(target_id)
    return links


def _link_rows(key: str, link, history_ids: list[int]) -> models.QuerySet:
    """(model label, history_id, link name, linked object's id) from one link table."""
    table = HistoricalRecords.m2m_models[link]
    target = table._meta.get_field(link.m2m_reverse_field_name()).attname
    return (
        table._default_manager.order_by()
        .filter(history_id__in=history_ids)
        .annotate(
            link_type=Value(key, output_field=CharField()),
            link_name=Value(link.name, output_field=CharField()),
        )
        .values_list("link_type", "history_id", "link_name", target)
    )


def _link_values(link, record, previous, links: Links) -> tuple[frozenset, frozenset]:
    """The ids a link held in the previous version (none for a new object) and in this one."""
    key = record.instance_type._meta.label_lower

    def held(version) -> frozenset:
        by_name = links.get((key, version.history_id), {}) if version else {}
        return frozenset(by_name.get(link.name, ()))

    return held(previous), held(record)


def _related_objects(loaded: dict, by_key: dict, links: Links, hidden) -> dict[type, dict]:
    """The objects that foreign keys and changed links point to, one query per model."""
    wanted: dict[type, set] = defaultdict(set)
    for (key, _history_id), (record, previous) in loaded.items():
        for model_field in _shown_fields(record.instance_type, hidden):
            if model_field.many_to_one:
                for version in (record, previous):
                    value = getattr(version, model_field.attname, None) if version else None
                    if value is not None:
                        wanted[model_field.related_model].add(value)
        if record.history_type == "-":
            continue
        for link in by_key[key].link_fields:
            before, after = _link_values(link, record, previous, links)
            if before != after:
                wanted[link.related_model].update(before | after)
    return {model: _with_required_keys(model).in_bulk(list(ids)) for model, ids in wanted.items()}


def _with_required_keys(model) -> models.QuerySet:
    """What a __str__ may follow (a plan's kommun), fetched along in the same query."""
    keys = [key.name for key in model._meta.concrete_fields if key.many_to_one and not key.null]
    return model._base_manager.select_related(*keys) if keys else model._base_manager.all()


def _change(audited: AuditedType, record, previous, links: Links, related, hidden) -> Change:
    if record.history_type == "-":
        fields: list[FieldChange] = []
    else:
        fields = (
            _snapshot(record, related, hidden)
            if previous is None
            else _differences(record, previous, related, hidden)
        )
        fields += _link_changes(audited, record, previous, links, related)
    return Change(
        when=record.history_date,
        who=record.history_user,
        kind=record.history_type,
        type_label=audited.label,
        object_label=_object_label(audited, record),
        object_id=getattr(record, audited.model._meta.pk.attname),
        reason=record.history_change_reason or "",
        fields=fields,
    )


def _link_changes(audited: AuditedType, record, previous, links: Links, related):
    """Each link field whose linked objects differ from the previous version, by name."""
    changes = []
    for link in audited.link_fields:
        before, after = _link_values(link, record, previous, links)
        if before != after:
            changes.append(
                FieldChange(
                    _label(link),
                    _names(link, before, related),
                    _names(link, after, related),
                )
            )
    return changes


def _names(link, ids: frozenset, related) -> str:
    objects = related.get(link.related_model, {})
    names = sorted(
        (str(objects[pk]) if pk in objects else _("#%s (borttagen)") % pk for pk in ids),
        key=str.casefold,
    )
    # A name may hold a comma itself ("Kommundirektör, Jönköpings kommun"); then semicolons
    # keep the names apart.
    separator = "; " if any("," in name for name in names) else ", "
    return _plain(separator.join(names))


def _object_label(audited: AuditedType, record) -> str:
    instance = record.instance
    for name in _foreign_keys(record):
        # The history row holds the related object already (select_related); lend it to
        # the rebuilt instance so that its __str__ asks the database for nothing.
        cached = record._state.fields_cache.get(name)
        if cached is not None:
            audited.model._meta.get_field(name).set_cached_value(instance, cached)
    try:
        text = str(instance)
    except ObjectDoesNotExist:
        text = ""
    pk = getattr(record, audited.model._meta.pk.attname)
    return Truncator(text or f"#{pk}").chars(MAX_VALUE_LENGTH)


def _snapshot(record, related, hidden) -> list[FieldChange]:
    """A new object (or one older than its history): every filled-in value, as 'after'."""
    changes = []
    for model_field in _shown_fields(record.instance_type, hidden):
        value = getattr(record, model_field.attname)
        if value in (None, "", [], {}):
            continue
        if isinstance(value, dict):
            changes.extend(_dict_differences(model_field, {}, value))
            continue
        changes.append(FieldChange(_label(model_field), "", _display(model_field, value, related)))
    return changes


def _differences(record, previous, related, hidden) -> list[FieldChange]:
    by_name = {f.name: f for f in _shown_fields(record.instance_type, hidden)}
    delta = record.diff_against(previous, included_fields=list(by_name))
    changes = []
    for change in delta.changes:
        model_field = by_name[change.field]
        if isinstance(change.old, dict) and isinstance(change.new, dict):
            changes.extend(_dict_differences(model_field, change.old, change.new))
            continue
        changes.append(
            FieldChange(
                _label(model_field),
                _display(model_field, change.old, related),
                _display(model_field, change.new, related),
            )
        )
    return changes


def _dict_differences(model_field, old: dict, new: dict) -> list[FieldChange]:
    """A JSON field (the lägesbild's sections, say): only the keys that changed."""
    keys = [key for key in sorted(set(old) | set(new), key=str) if old.get(key) != new.get(key)]
    changes = [
        FieldChange(
            f"{_label(model_field)} › {key}",
            _plain(old.get(key)),
            _plain(new.get(key)),
        )
        for key in keys[:MAX_KEYS_PER_FIELD]
    ]
    if len(keys) > MAX_KEYS_PER_FIELD:
        more = len(keys) - MAX_KEYS_PER_FIELD
        changes.append(FieldChange(f"{_label(model_field)} › …", "", _("%d fler") % more))
    return changes


def _label(model_field) -> str:
    return capfirst(str(model_field.verbose_name))


def _display(model_field, value, related) -> str:
    if value is None or value == "":
        return ""
    if model_field.many_to_one:
        target = related.get(model_field.related_model, {}).get(value)
        return _plain(target) if target is not None else _("#%s (borttagen)") % value
    if model_field.choices:
        return _plain(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("ja") if value else _("nej")
    return _plain(value)


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        text = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = str(value)
    return Truncator(text).chars(MAX_VALUE_LENGTH)
