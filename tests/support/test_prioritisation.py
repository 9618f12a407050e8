"""Support prioritisation: hand-checked rankings on six made-up kommuner, and the real inputs.

Default weights: särskilt utsatt 20, risk 10, utsatt 5, brottsnivå 1, brottsutveckling 1,
lagkrav 1, förutsättningar 1. Each criterion scores 0–1; the total is Σ weight × score.
"""

from dataclasses import replace

import polars as pl
import pytest
from django.core.exceptions import ValidationError

from forebygg.geo.enums import AreaKind
from forebygg.geo.models import Area, Kommun
from forebygg.reporting.domain import yearly
from forebygg.stats.national import indicator_table, latest_levels
from forebygg.support.domain.prioritisation import (
    CRITERIA,
    KommunInputs,
    default_weights,
    gather_inputs,
    rank,
    validate_weights,
)

NBSP = "\u00a0"
YEAR = 2026
RULES = [f"R{n}" for n in range(1, 14)]


def compliance(missing=(), warning=()):
    return {
        code: "saknas" if code in missing else "varning" if code in warning else "uppfyllt"
        for code in RULES
    }


ALBY = KommunInputs(
    code="9901",
    name="Alby",
    lan="Testlän",
    report_year=YEAR,
    list_year=2025,
    areas={AreaKind.SARSKILT_UTSATT: ["Norra"], AreaKind.UTSATT: ["Östra", "Västra"]},
    crime_year=2024,
    rate=12000,
    group_rate=10000,
    change_3=10,
    group_change_3=5,
    has_reported=True,
    compliance=compliance(missing=("R1", "R2", "R3", "R4", "R5"), warning=("R8", "R9", "R13")),
    answers={"coordination_function": True, "decided_plan": False},
    has_coordination=True,
    has_council=False,
)
BRO = KommunInputs(
    code="9902",
    name="Bro",
    lan="Testlän",
    report_year=YEAR,
    list_year=2025,
    areas={AreaKind.RISK: ["Centrum"]},
    crime_year=2024,
    rate=15000,
    group_rate=10000,
    change_3=30,
    group_change_3=5,
)
CIRKELN = KommunInputs(
    code="9903",
    name="Cirkeln",
    lan="Testlän",
    report_year=YEAR,
    list_year=2025,
    areas={AreaKind.UTSATT: ["Parken"]},
    crime_year=2024,
    rate=9000,
    group_rate=10000,
    change_3=-5,
    group_change_3=5,
    has_reported=True,
    compliance=compliance(),
    has_coordination=True,
    has_council=True,
)
DAL = KommunInputs(
    code="9904",
    name="Dal",
    lan="Testlän",
    report_year=YEAR,
    list_year=2025,
    crime_year=2024,
    rate=None,
    group_rate=10000,
    change_3=float("nan"),
    group_change_3=5,
    has_reported=True,
    compliance=compliance(missing=("R1", "R2", "R3", "R4", "R5", "R6"), warning=("R8",)),
    has_coordination=False,
    has_council=False,
)
AABY = KommunInputs(  # "Åby": same figures as Äby, so only the name decides between them
    code="9906",
    name="Åby",
    lan="Testlän",
    report_year=YEAR,
    list_year=2025,
    crime_year=2024,
    rate=11000,
    group_rate=10000,
    change_3=15,
    group_change_3=5,
)
AEBY = replace(AABY, code="9905", name="Äby")
KOMMUNER = [DAL, AEBY, CIRKELN, BRO, AABY, ALBY]  # deliberately not in any sensible order


def order(ranking):
    return [ranked.kommun.name for ranked in ranking]


def totals(ranking):
    return {ranked.kommun.name: round(ranked.total, 9) for ranked in ranking}


def why(ranked, key):
    return next(r.why for r in ranked.results if r.criterion.key == key)


class TestDefaultWeights:
    def test_the_hand_computed_scores_and_order(self):
        ranking = rank(KOMMUNER, default_weights())

        assert totals(ranking) == {
            # 20 (särskilt) + 5 (utsatt) + 1 × 20/50 (20 % över gruppen) + 1 × 5/20 (5 pe mer)
            # + 1 × (5 + ½ × 3)/13 (lagkrav) + 1 × ½ (samordnare, inget råd) = 26,65
            "Alby": 26.65,
            # 10 (risk) + 1 × 1 (50 % över: full) + 1 × 1 (25 pe mer: full, högst 1)
            # + 1 × 1 (har inte redovisat) + 0 (förutsättningar okända) = 13
            "Bro": 13.0,
            # 5 (utsatt) + 0 (10 % under) + 0 (10 pe mindre) + 0 (alla uppfyllda) + 1 (båda) = 6
            "Cirkeln": 6.0,
            # 0 + 1 × 10/50 + 1 × 10/20 + 1 (har inte redovisat) + 0 = 1,7
            "Åby": 1.7,
            "Äby": 1.7,
            # 0 + 0 (uppgift saknas) + 0 (uppgift saknas) + (6 + ½)/13 + 0 (varken eller) = 0,5
            "Dal": 0.5,
        }
        assert order(ranking) == ["Alby", "Bro", "Cirkeln", "Åby", "Äby", "Dal"]
        assert [ranked.position for ranked in ranking] == [1, 2, 3, 4, 5, 6]

    def test_a_kommun_with_a_sarskilt_utsatt_omrade_ranks_first(self):
        # Bro has the top score on every criterion except the police's classes
        ranking = rank(KOMMUNER, default_weights())

        assert ranking[0].kommun.name == "Alby"
        assert (
            why(ranking[0], "sarskilt_utsatt")
            == "1 särskilt utsatt område: Norra (polisens lista 2025)"
        )

    def test_each_police_class_outweighs_everything_below_it(self):
        weights = default_weights()
        others = sum(c.default_weight for c in CRITERIA[3:])  # each scores at most 1

        assert weights["utsatt"] > others
        assert weights["riskomrade"] > weights["utsatt"] + others
        assert weights["sarskilt_utsatt"] > weights["riskomrade"] + weights["utsatt"] + others

    def test_equal_scores_are_ordered_by_name_in_the_swedish_alphabet(self):
        ranking = rank([AEBY, AABY], default_weights())

        # Unicode puts Ä (U+00C4) before Å (U+00C5); the Swedish alphabet has Å first
        assert order(ranking) == ["Åby", "Äby"]
        assert ranking[0].total == ranking[1].total


class TestChangedWeights:
    def test_without_the_police_classes_crime_and_gaps_decide(self):
        weights = default_weights() | {"sarskilt_utsatt": 0, "riskomrade": 0, "utsatt": 0}

        ranking = rank(KOMMUNER, weights)

        # Bro 1 + 1 + 1 = 3; Åby, Äby 0,2 + 0,5 + 1 = 1,7; Alby 0,4 + 0,25 + 0,5 + 0,5 = 1,65;
        # Cirkeln 1; Dal 0,5
        assert order(ranking) == ["Bro", "Åby", "Äby", "Alby", "Cirkeln", "Dal"]
        assert totals(ranking)["Alby"] == 1.65

    def test_a_heavier_readiness_weight_lifts_the_ready_kommun_above_bro(self):
        weights = default_weights() | {"forutsattningar": 10}

        ranking = rank(KOMMUNER, weights)

        # Cirkeln 5 + 10 × 1 = 15 > Bro 13 (its readiness is unknown: 0); Alby 26,15 + 10 × ½
        assert totals(ranking)["Cirkeln"] == 15.0
        assert totals(ranking)["Alby"] == 31.15
        assert order(ranking) == ["Alby", "Cirkeln", "Bro", "Åby", "Äby", "Dal"]

    def test_the_contributions_are_weight_times_score(self):
        weights = default_weights() | {"brottsniva": 2.5}

        alby = next(r for r in rank(KOMMUNER, weights) if r.kommun.name == "Alby")

        assert alby.contribution("brottsniva") == pytest.approx(2.5 * 0.4)
        assert alby.total == pytest.approx(sum(r.contribution for r in alby.results))


class TestExplanations:
    def ranked(self, kommun):
        return rank([kommun], default_weights())[0]

    def test_every_criterion_says_why_with_the_real_numbers(self):
        alby = self.ranked(ALBY)

        assert [why(alby, c.key) for c in CRITERIA] == [
            "1 särskilt utsatt område: Norra (polisens lista 2025)",
            "inget riskområde (polisens lista 2025)",
            "2 utsatta områden: Västra och Östra (polisens lista 2025)",
            f"anmälda brott 12{NBSP}000 per 100{NBSP}000 invånare (2024), "
            f"20{NBSP}% över liknande kommuner (10{NBSP}000)",
            f"anmälda brott per 100{NBSP}000 invånare +10{NBSP}% på tre år (2021–2024) mot "
            f"+5{NBSP}% i liknande kommuner: 5 procentenheter mer",
            "5 av 13 lagkrav saknas (R1, R2, R3, R4, R5) och 3 har varning (R8, R9, R13); "
            "saknar beslutad åtgärdsplan (redovisning 2026)",
            "har samordnare men inget strategiskt råd",
        ]

    def test_missing_figures_say_uppgift_saknas_and_score_nothing(self):
        dal = self.ranked(DAL)

        for key in ("brottsniva", "brottsutveckling"):
            result = next(r for r in dal.results if r.criterion.key == key)
            assert "uppgift saknas" in result.why
            assert result.contribution == 0

    def test_a_missing_group_rate_is_not_guessed(self):
        kommun = replace(BRO, group_rate=None, group_change_3=None)

        ranked = self.ranked(kommun)

        assert why(ranked, "brottsniva") == (
            f"anmälda brott 15{NBSP}000 per 100{NBSP}000 invånare (2024), "
            "liknande kommuner: uppgift saknas"
        )
        assert ranked.contribution("brottsniva") == 0
        assert ranked.contribution("brottsutveckling") == 0

    def test_a_kommun_without_a_report_is_a_full_gap_with_unknown_readiness(self):
        bro = self.ranked(BRO)

        assert why(bro, "lagkrav") == (
            "har inte redovisat för 2026: räknas som att alla lagkrav saknas"
        )
        assert bro.contribution("lagkrav") == 1
        assert why(bro, "forutsattningar") == "uppgift saknas: har inte redovisat för 2026"
        assert bro.contribution("forutsattningar") == 0

    def test_without_a_police_list_the_areas_are_unknown(self):
        kommun = replace(ALBY, list_year=None)

        ranked = self.ranked(kommun)

        assert (
            why(ranked, "sarskilt_utsatt") == "uppgift saknas: ingen lista från polisen är inläst"
        )
        assert ranked.contribution("sarskilt_utsatt") == 0


class TestWeightsAreValidated:
    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"utsatt": -1}, "Vikten för ”Utsatta områden” får inte vara negativ."),
            ({"utsatt": "mycket"}, "Vikten för ”Utsatta områden” måste vara ett tal."),
            ({"utsatt": float("inf")}, "Vikten för ”Utsatta områden” måste vara ett tal."),
            ({"utsatt": ""}, "Ange en vikt för ”Utsatta områden”."),
            ({"okand": 1}, "Okänt kriterium: okand."),
        ],
    )
    def test_a_bad_weight_is_refused_in_swedish(self, change, message):
        with pytest.raises(ValidationError) as refused:
            rank(KOMMUNER, default_weights() | change)

        assert refused.value.messages == [message]

    def test_all_zero_is_refused(self):
        with pytest.raises(ValidationError) as refused:
            validate_weights(dict.fromkeys(default_weights(), 0))

        assert refused.value.messages == ["Minst en vikt måste vara större än noll."]

    def test_a_missing_weight_is_refused(self):
        weights = default_weights()
        del weights["lagkrav"]

        with pytest.raises(ValidationError, match="Ange en vikt för ”Brister mot lagkraven”"):
            validate_weights(weights)

    def test_swedish_decimal_commas_are_read(self):
        assert validate_weights(default_weights() | {"lagkrav": "1,5"})["lagkrav"] == 1.5


@pytest.mark.django_db
class TestGatherInputs:
    """On the real reference data and Brå's real crime statistics."""

    @pytest.fixture
    def areas(self, personas):
        def area(kommun, name, kind, list_year):
            return Area.objects.create(
                code=f"test-{kommun.code}-{name}-{list_year}".lower(),
                name=name,
                kind=kind,
                kommun=kommun,
                list_year=list_year,
            )

        area(personas.kommun_a, "Testområdet", AreaKind.SARSKILT_UTSATT, 2091)
        area(personas.kommun_a, "Gamla området", AreaKind.UTSATT, 2090)
        area(personas.kommun_b, "Riskgatan", AreaKind.RISK, 2091)
        area(personas.kommun_b, "Nordost", AreaKind.DISTRICT, 2091)  # not a police class

    @pytest.fixture
    def reported_a(self, personas):
        """Jönköping's report, approved and sent to Brå in the county's combined report."""
        report = yearly.draft_report(personas.kommun_a, YEAR, by=personas.coordinator_a)
        yearly.submit_report(report, by=personas.coordinator_a)
        yearly.approve_report(report, by=personas.county_a)
        county = yearly.start_county_report(personas.kommun_a.lan, YEAR, by=personas.county_a)
        yearly.include_report(county, report, by=personas.county_a)
        yearly.submit_county_report(county, by=personas.county_a, confirmed_missing=True)
        return report

    @pytest.fixture
    def draft_b(self, personas):
        from django.contrib.auth import get_user_model

        coordinator_b = get_user_model().objects.get(username="bertil")
        return yearly.draft_report(personas.kommun_b, YEAR, by=coordinator_b)

    def by_code(self, inputs):
        return {kommun.code: kommun for kommun in inputs}

    def test_it_reads_the_newest_police_list_the_statistics_and_the_reports(
        self, crime_statistics, personas, areas, reported_a, draft_b
    ):
        crime_year, levels = latest_levels("total")

        inputs = self.by_code(gather_inputs(YEAR, personas.analyst))

        assert len(inputs) == Kommun.objects.count() == 290
        a, b = inputs["0680"], inputs["1280"]
        assert (a.list_year, a.areas) == (2091, {AreaKind.SARSKILT_UTSATT: ["Testområdet"]})
        assert b.areas == {AreaKind.RISK: ["Riskgatan"]}
        assert (a.crime_year, a.rate) == (crime_year, levels["0680"]["rate"])
        assert a.group_rate == levels["0680"]["group_rate"]
        assert a.change_3 == pytest.approx(levels["0680"]["change_3"])
        assert a.has_reported and sorted(a.compliance) == sorted(RULES)
        assert (a.has_coordination, a.has_council) == (False, False)
        # Malmö's report is a draft: it does not count, and nothing is read from it
        assert (b.has_reported, b.compliance, b.has_council) == (False, {}, None)

    def test_the_group_trend_is_the_pooled_change_of_the_kommungrupp(
        self, crime_statistics, personas
    ):
        crime_year, levels = latest_levels("total")
        group = levels["0680"]["group"]
        earlier = indicator_table().filter(
            (pl.col("category") == "total")
            & (pl.col("year") == crime_year - 3)
            & (pl.col("group") == group)
        )
        then = earlier["group_rate"][0]

        inputs = self.by_code(gather_inputs(YEAR, personas.analyst))

        expected = (levels["0680"]["group_rate"] / then - 1) * 100
        assert inputs["0680"].group_change_3 == pytest.approx(expected)

    def test_another_list_year_can_be_chosen(self, crime_statistics, personas, areas):
        inputs = self.by_code(gather_inputs(YEAR, personas.analyst, list_year=2090))

        assert inputs["0680"].list_year == 2090
        assert inputs["0680"].areas == {AreaKind.UTSATT: ["Gamla området"]}
        assert inputs["1280"].areas == {}

    def test_a_list_year_that_is_not_loaded_reads_as_missing(self, personas, areas):
        inputs = self.by_code(gather_inputs(YEAR, personas.analyst, list_year=1999))

        assert inputs["0680"].list_year is None

    def test_the_county_officer_sees_only_what_the_county_may_see(
        self, crime_statistics, personas, reported_a
    ):
        inputs = self.by_code(gather_inputs(YEAR, personas.county_other))

        assert inputs["0680"].has_reported is False

    def test_it_reads_in_a_few_queries_not_one_per_kommun(
        self, crime_statistics, personas, areas, reported_a, django_assert_max_num_queries
    ):
        latest_levels("total")  # the indicator table is cached per import, as in a running site

        with django_assert_max_num_queries(10):
            gather_inputs(YEAR, personas.analyst)
