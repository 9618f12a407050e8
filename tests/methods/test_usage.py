"""Which methods are used where: the latest decided plan of each kommun, in a few queries."""

from datetime import date

from django.contrib.auth.models import AnonymousUser

from forebygg.geo.models import Kommun
from forebygg.lagesbild.domain import draft_lagesbild
from forebygg.methods.domain.usage import kommuner_using, methods_in_use
from forebygg.plans.domain.planning import (
    create_plan,
    decide_plan,
    publish_plan,
    revise_plan,
    save_measure,
)
from forebygg.plans.models import Plan
from tests.lagesbild_decision import decide_written
from tests.methods.conftest import coordinator_of
from tests.plans.conftest import build_chain


def use(plan, by, method, title="Åtgärd"):
    return save_measure(plan, by=by, title=title, type="social", horizon="kort", method=method)


def decide(plan, by, number=1):
    return decide_plan(
        plan, body="KF", decided_on=date(2026, 11, number), reference=str(number), by=by
    )


def test_only_the_latest_decided_plan_counts(personas, library):
    by = personas.coordinator_a
    chain = build_chain(personas)
    use(chain.plan, by, library["sspf"])
    first = decide(chain.plan, by)
    assert methods_in_use() == {library["sspf"]: ["0680"]}

    draft = revise_plan(first, by=by)
    use(draft, by, library["est"], title="EST")
    assert methods_in_use() == {library["sspf"]: ["0680"]}  # a draft does not count

    draft.measures.get(method=library["sspf"]).delete()
    decide(draft, by, number=2)
    assert methods_in_use() == {library["est"]: ["0680"]}


def test_unpublished_plans_do_not_count_for_the_public(personas, library):
    by = personas.coordinator_a
    chain = build_chain(personas)
    use(chain.plan, by, library["tfco"])
    plan = decide(chain.plan, by)
    public = Plan.objects.visible_to(AnonymousUser())

    assert methods_in_use(plans=public) == {}
    assert kommuner_using(library["tfco"], plans=public) == []

    publish_plan(plan, by=by)
    assert methods_in_use(plans=public) == {library["tfco"]: ["0680"]}
    assert kommuner_using(library["tfco"], plans=public) == [personas.kommun_a]


def decided_plan_in(code: str, method) -> Plan:
    """A decided plan with one measure using `method`, for a kommun other than A."""
    kommun = Kommun.objects.get(code=code)
    by = coordinator_of(code)
    lagesbild = decide_written(draft_lagesbild(kommun, by=by), by=by, body="KS")
    plan = create_plan(kommun, lagesbild=lagesbild, title="Plan", by=by)
    use(plan, by, method)
    return decide(plan, by)


def test_the_query_count_does_not_grow_with_the_kommuner(
    personas, library, django_assert_num_queries
):
    by = personas.coordinator_a
    chain = build_chain(personas)
    use(chain.plan, by, library["sspf"])
    use(chain.plan, by, library["gangsnacket"], title="Gängsnacket")
    decide(chain.plan, by)
    with django_assert_num_queries(2):
        methods_in_use()

    decided_plan_in("1280", library["sspf"])
    decided_plan_in("0580", library["est"])
    with django_assert_num_queries(2):
        used = methods_in_use()

    assert used == {
        library["est"]: ["0580"],
        library["gangsnacket"]: ["0680"],
        library["sspf"]: ["0680", "1280"],
    }
    assert list(used) == [library["est"], library["gangsnacket"], library["sspf"]]  # by name
