"""The method library's starting content and how it is loaded (`forebygg seed-methods`).

Every text below restates what the project's domain brief says about the method, with the
sources the brief names. Ratings are stored only where the brief states one: Blueprints lists
TFCO among its Model programmes. No other method gets a rating, so the pages show "ej bedömd"
until an analyst adds one from the registry itself. Loading is idempotent and never overwrites
what an analyst has changed in the admin: it only adds the methods that are missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from forebygg.core.models import save_as
from forebygg.methods.enums import Rating, Registry
from forebygg.methods.models import EvidenceRating, Method
from forebygg.plans.enums import MeasureType

BRIEF = "Förebyggs domänunderlag"

LIBRARY: tuple[dict, ...] = (
    {
        "slug": "gvi-sluta-skjut",
        "name": "GVI – gruppvåldsintervention (Sluta skjut)",
        "other_names": "Sluta skjut, Group Violence Intervention",
        "kind": MeasureType.SOCIAL,
        "summary": (
            "Fokuserad avskräckning mot våldsbenägna grupper. Polisen, kommunen, Kriminalvården "
            "och lokalsamhället ger ett gemensamt budskap: våldet måste upphöra, hjälp finns att "
            "få, och nästa våldshandling får konsekvenser för hela gruppen."
        ),
        "target_group": "Grupper som står för grovt våld, och deras medlemmar.",
        "mechanism": (
            "Budskapet framförs vid gruppmöten (call-ins) och i enskilda samtal (custom "
            "notifications). Konsekvenserna riktas mot hela gruppen, och stöd erbjuds den som "
            "vill lämna."
        ),
        "implementation": (
            "Polisen, kommunen, Kriminalvården och lokalsamhället samverkar kring budskapet och "
            "stödet. Reglerna för informationsdelning har anpassats till svensk "
            "sekretesslagstiftning. Brå, Polismyndigheten och Kriminalvården har regeringens "
            "uppdrag att sprida strategin."
        ),
        "swedish_notes": (
            "Malmö sedan 2018 (Sluta skjut). År 2024 användes metoden i Malmö, Örebro, "
            "Göteborg, Uppsala, Huddinge och Järfälla/Upplands-Bro. Regeringen skriver att "
            "strategin ”har visat lovande resultat i Malmö för att minska dödligt våld i "
            "kriminella miljöer” – ett uttalande, ingen bedömning i något effektregister."
        ),
        "data_protection": (
            "Gruppkartläggningar, namngivna medlemmar och polisens underrättelser förs aldrig in "
            "(polisens uppgifter omfattas av sekretess, OSL 35 kap. 1 §). Högst sammanställda "
            "utfall för området, till exempel antal skjutningar eller grova våldsbrott."
        ),
        "sources": (
            "Regeringen.se, sidan om brottsförebyggande åtgärder: uppdraget att sprida strategin "
            "bakom Sluta skjut och citatet om resultaten i Malmö.\n"
            "Brå, nyhet 2021-06-22 om GVI; regeringsuppdrag Ju2022/01000 (Brås stöd om Sluta "
            "skjut).\n"
            "malmo.se/slutaskjut och Malmö universitet (sekundära källor): orter 2024 och "
            "anpassningen till sekretesslagstiftningen.\n"
            f"{BRIEF}, avsnitt d.2 och d.4."
        ),
    },
    {
        "slug": "sspf",
        "name": "SSPF – skola, socialtjänst, polis och fritid",
        "other_names": "Skola–Socialtjänst–Polis–Fritid",
        "kind": MeasureType.SOCIAL,
        "summary": (
            "Samverkan på individnivå kring barn och unga i riskzonen. En samordnare kartlägger "
            "situationen, ett nätverksmöte gör en plan med mål och ansvar, och uppföljningsmöten "
            "följer."
        ),
        "target_group": (
            "Barn och unga i riskzonen; åldersgränserna varierar mellan kommunerna (ungefär "
            "6–21, 9–16 eller 12–18 år)."
        ),
        "mechanism": (
            "Skola, socialtjänst, polis och fritid samordnar sina insatser för den unga i en "
            "gemensam plan."
        ),
        "implementation": (
            "En samordnare, nätverksmöten och uppföljningsmöten. Skriftligt samtycke från "
            "vårdnadshavare och oftast från den unga (OSL 12 kap. 2 §); från 18 år den ungas "
            "eget samtycke."
        ),
        "swedish_notes": (
            "Omkring 150 kommuner arbetar med SSPF. Nationell samordning med Socialstyrelsen, "
            "Polisen, Brå, Skolverket, MUCF och SKR. SKR anser att SIG och SSPF behöver gå från "
            "att mestadels vara en samverkansstruktur till att fyllas med uthålliga insatser."
        ),
        "data_protection": (
            "Aldrig ärendeuppgifter. Bara sammanställningar: antal ärenden, åldersgrupp, kategori "
            "av anledning och av utfall. Inga namn, födelsedatum eller fritext om personer."
        ),
        "sources": (
            "SKR:s remissvar på SOU 2022:67: antal kommuner och den nationella samordningen.\n"
            "Brå, nyhet 2015-10-29 om SSPF.\n"
            "Kommunernas egna sidor om SSPF (bland andra Linköping, Karlshamn och Vellinge; "
            "sekundära källor): åldersgränser och arbetsgång.\n"
            "Offentlighets- och sekretesslagen 12 kap. 2 §.\n"
            f"{BRIEF}, avsnitt d.2–d.4."
        ),
    },
    {
        "slug": "sig",
        "name": "SIG – sociala insatsgrupper",
        "other_names": "Sociala insatsgrupper",
        "kind": MeasureType.SOCIAL,
        "summary": (
            "Socialtjänsten leder arbetet med att välja ut unga, göra individuella handlingsplaner "
            "och följa upp dem, tillsammans med polisen, skolan och andra."
        ),
        "target_group": (
            "Ursprungligen unga 15–25 år som riskerar att fastna i en kriminell livsstil eller "
            "vill lämna en grupp."
        ),
        "mechanism": "Samordnade insatser från flera aktörer utifrån individuella handlingsplaner.",
        "implementation": (
            "Socialtjänsten leder. Samtycke är en förutsättning, för minderåriga även "
            "vårdnadshavarnas. Sedan 2013 gäller också OSL 10 kap. 18 a §, som låter "
            "socialtjänsten lämna uppgifter till polisen om personer under 21 år."
        ),
        "swedish_notes": (
            "Omkring 100 kommuner arbetar med SIG. Socialstyrelsen har gett ut vägledning "
            "(2012 och 2016)."
        ),
        "data_protection": "Som för SSPF: aldrig ärendeuppgifter, bara sammanställningar.",
        "sources": (
            "SKR:s remissvar på SOU 2022:67: antal kommuner.\n"
            "Brå, artikel 2012-11-16 om SIG; Socialstyrelsens vägledning 2012 och 2016.\n"
            "Offentlighets- och sekretesslagen 10 kap. 18 a § och 12 kap. 2 §.\n"
            f"{BRIEF}, avsnitt d.2–d.4."
        ),
    },
    {
        "slug": "tfco",
        "name": "TFCO – Treatment Foster Care Oregon",
        "other_names": "förstärkt familjehemsplacering",
        "kind": MeasureType.SOCIAL,
        "summary": (
            "Förstärkt familjehemsplacering, som ett alternativ till att placera barn och unga med "
            "allvarliga beteendeproblem på institution."
        ),
        "target_group": (
            "Barn och unga med allvarliga beteendeproblem som annars skulle placeras på "
            "institution."
        ),
        "implementation": (
            "Ett förstärkt familjehem och socialtjänstens placering. SKR anser att regeringen kan "
            "behöva se över vem som skulle kunna ansvara för och finansiera ett brett användande "
            "av TFCO."
        ),
        "swedish_notes": "SKR kallar TFCO ”den evidensbaserade behandlingsinsatsen”.",
        "data_protection": (
            "Behandlings- och placeringsuppgifter omfattas av socialtjänstsekretess (OSL 26 kap. "
            "1 §) och förs aldrig in. I Förebygg är TFCO bara en metod att välja för en åtgärd."
        ),
        "sources": (
            "SKR:s remissvar på SOU 2022:67: beskrivningen och frågan om finansiering.\n"
            "Blueprints for Healthy Youth Development (blueprintsprograms.org): TFCO bland "
            "Model-programmen.\n"
            f"{BRIEF}, avsnitt d.2 och e.3."
        ),
    },
    {
        "slug": "foraldraskapsstod",
        "name": "Föräldraskapsstöd (föräldraprogram)",
        "other_names": "brottsförebyggande föräldraskapsstöd, t.ex. Komet och ABC",
        "kind": MeasureType.SOCIAL,
        "summary": (
            "Program och stöd som stärker föräldraskapet. En social åtgärd mot sociala orsaker, "
            "med lång tid innan den verkar."
        ),
        "target_group": "Föräldrar och andra vårdnadshavare.",
        "risk_factors": "Familjen: bristande föräldraskap och konflikter i familjen.",
        "protective_factors": "Familjen: anknytning mellan barn och föräldrar.",
        "mechanism": (
            "Före ungefär 12 års ålder väger barnets egna egenskaper och föräldraskapet tyngst "
            "bland risk- och skyddsfaktorerna; stödet riktar sig till föräldraskapet."
        ),
        "swedish_notes": (
            "Myndigheten för familjerätt och föräldraskapsstöd (MFoF) tog på regeringens uppdrag "
            "fram en handlingsplan för brottsförebyggande föräldraskapsstöd för 2022–2023. "
            "Enskilda program bedöms var för sig i registren: lägg upp ett program som egen "
            "metod när dess bedömningar ska visas."
        ),
        "sources": (
            "Brå, ”Välj åtgärder som påverkar orsakerna”: föräldraprogram som social åtgärd med "
            "lång verkningstid.\n"
            "Socialstyrelsen och Kunskapsguiden om risk- och skyddsfaktorer: föräldraskapets "
            "betydelse före ungefär 12 års ålder.\n"
            "Communities That Care, ungdomsenkätens faktorer på familjenivå.\n"
            "Regeringen.se, sidan om brottsförebyggande åtgärder: MFoF:s handlingsplan.\n"
            "Komet och ABC nämns som exempel i uppdraget för metodbiblioteket.\n"
            f"{BRIEF}, avsnitt b.7, d.5 och e.1."
        ),
    },
    {
        "slug": "trygghetsvandring",
        "name": "Trygghetsvandring",
        "kind": MeasureType.SITUATIONAL,
        "summary": (
            "En gemensam vandring genom ett område där boende, kommunen, bostadsbolag och polisen "
            "pekar ut platser som upplevs som otrygga, fysiska orsaker (belysning, siktlinjer) "
            "och förslag på åtgärder."
        ),
        "target_group": "Platser som upplevs som otrygga, och de som bor och verkar där.",
        "mechanism": (
            "Ger underlag för situationella åtgärder på platsen, till exempel belysning och "
            "siktlinjer."
        ),
        "implementation": (
            "Kommunen, bostadsbolag, boende och polisen deltar; resultatet skrivs i ett protokoll. "
            "Det finns en nationell vägledning av Boverket, Tryggare Mänskligare Göteborg och "
            "Brå (2010)."
        ),
        "data_protection": (
            "Protokollen ska inte innehålla namn. Små grupper, till exempel en skolklass, "
            "redovisas inte."
        ),
        "sources": (
            "Brå, ”Trygghetsvandringar”; nationell vägledning av Boverket, Tryggare Mänskligare "
            "Göteborg och Brå (2010).\n"
            f"{BRIEF}, avsnitt b.3 och d.2."
        ),
    },
    {
        "slug": "est",
        "name": "EST – Effektiv samordning för trygghet",
        "kind": MeasureType.BOTH,
        "summary": (
            "Brås arbetssätt för en gemensam lägesbild varje vecka: lokala rapportörer rapporterar "
            "otrygghetsskapande händelser, och nyckelpersoner i kommunen, polisen och "
            "fastighetsbolagen sammanställer och analyserar dem."
        ),
        "target_group": (
            "Områden med återkommande ordningsstörningar och otrygghet. Rapportörer är till "
            "exempel bostadspersonal, fritidspersonal, fältarbetare och väktare."
        ),
        "mechanism": (
            "Kartläggning, analys, åtgärder, uppföljning och återkoppling i en snabb operativ "
            "slinga. Problem som består lyfts i kvartals- eller tertialanalyser till styrgruppen."
        ),
        "implementation": (
            "Strukturerade rapporter varje eller varannan vecka efter en checklista; en gemensam "
            "lägesbild sammanställd av nyckelpersoner i kommunen, polisen och fastighetsbolagen; "
            "kvartals- eller tertialanalyser till styrgruppen."
        ),
        "swedish_notes": (
            "Utvecklad av Brå med pilotförsök från 2016. Linköping sammanställer till exempel en "
            "gemensam lägesbild varje vecka och följer upp den tre gånger om året."
        ),
        "data_protection": (
            "Fritext i händelserapporter kan peka ut personer, och misstänkta brott är uppgifter "
            "om lagöverträdelser som bara myndigheter får behandla. Bara strukturerade kategorier "
            "och plats och tid, inga uppgifter om personer."
        ),
        "sources": (
            "Brå, ”Genomför åtgärderna”; Hallin, EST exempelsamling; Gerell och Hallin 2020.\n"
            "Linköpings kommun (sekundär källa): exemplet.\n"
            "Dataskyddslagen (2018:218) 3 kap. 8 §; dataskyddsförordningen artikel 10.\n"
            f"{BRIEF}, avsnitt b.9 och d.2."
        ),
    },
    {
        "slug": "gangsnacket",
        "name": "Gängsnacket",
        "kind": MeasureType.SOCIAL,
        "summary": (
            "En guide till föräldrar och andra viktiga vuxna om hur kriminella gäng rekryterar "
            "barn, vilka varningstecken man ska vara vaksam på och vilket stöd som finns om man "
            "är orolig för ett barn."
        ),
        "target_group": "Föräldrar, andra viktiga vuxna och yrkesverksamma.",
        "risk_factors": "Rekrytering av barn till kriminella gäng.",
        "mechanism": (
            "Ger vuxna kunskap om varningstecken och om vart de kan vända sig med sin oro."
        ),
        "implementation": (
            "Guiden finns på flera språk och kan länkas eller spridas, tillsammans med "
            "Polismyndighetens filmer och information till unga om rekrytering."
        ),
        "swedish_notes": (
            "Framtagen av länsstyrelserna och polisen efter önskemål från flera kommuner och "
            "stadsdelar; publicerad av Länsstyrelsen Västmanland."
        ),
        "sources": (
            "Länsstyrelsen i Jönköpings län, sidan ”Brottsförebyggande arbete”.\n"
            f"{BRIEF}, avsnitt d.2."
        ),
    },
    {
        "slug": "kamerabevakning",
        "name": "Kamerabevakning",
        "kind": MeasureType.SITUATIONAL,
        "summary": (
            "Kommunens kamerabevakning av platser dit allmänheten har tillträde, för att bidra "
            "till att upprätthålla trygghet och säkerhet där."
        ),
        "target_group": "Platser dit allmänheten har tillträde.",
        "mechanism": "En situationell åtgärd av slaget ökad bevakning av platsen.",
        "swedish_notes": (
            "Sedan SFS 2025:223 säger 14 § lagen (2023:196) om kommuners ansvar för "
            "brottsförebyggande arbete att kommuner får använda kamerabevakning på platser dit "
            "allmänheten har tillträde. Det är en möjlighet, inte en skyldighet."
        ),
        "data_protection": (
            "Förebygg lagrar aldrig bilder eller inspelningar, bara att åtgärden finns i planen "
            "och sammanställda utfall."
        ),
        "sources": (
            "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete, 14 § (SFS "
            "2025:223).\n"
            "Brå, ”Välj åtgärder som påverkar orsakerna”: ökad bevakning som situationell åtgärd.\n"
            f"{BRIEF}, avsnitt a.1 och b.7."
        ),
    },
)

# The only rating the domain brief states. Outcome and date are not in the brief: left empty.
RATINGS: tuple[dict, ...] = (
    {
        "method": "tfco",
        "registry": Registry.BLUEPRINTS,
        "rating": Rating.BP_MODEL,
        "rating_text": "Model",
        "url": "https://www.blueprintsprograms.org/",
        "source_note": (
            f"{BRIEF} (avsnitt e.3 och d.2) anger att Blueprints listar TFCO bland sina "
            "Model-program, med blueprintsprograms.org som källa. Underlaget anger varken utfall "
            "eller datum för bedömningen: kontrollera dem i registret."
        ),
    },
)


@dataclass(frozen=True)
class SeedResult:
    methods_added: int
    ratings_added: int


@transaction.atomic
def seed_method_library(*, by=None) -> SeedResult:
    """Add the methods that are missing, each with its stated ratings; change nothing else.

    A method already in the library is left as the analysts keep it, ratings included, so a
    rating removed in the admin stays removed.
    """
    existing = set(Method.objects.values_list("slug", flat=True))
    added = {}
    for entry in LIBRARY:
        if entry["slug"] not in existing:
            added[entry["slug"]] = save_as(
                Method(**entry), by=by, reason="Metodbibliotekets grunddata"
            )
    ratings_added = 0
    for entry in RATINGS:
        method = added.get(entry["method"])
        if method is not None:
            fields = {key: value for key, value in entry.items() if key != "method"}
            save_as(EvidenceRating(method=method, **fields), by=by, reason="Enligt domänunderlaget")
            ratings_added += 1
    return SeedResult(len(added), ratings_added)
