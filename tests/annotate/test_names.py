"""ORG, CENTRE and PROJECT names (quoted, institutions) and PROGRAMME/ORG from curated lists."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.annotate.names import (
    find_project_acronyms,
    find_quoted_names,
    find_unquoted_names,
    quote_free,
)
from pipeline.document import Document
from pipeline.gazetteer.kb import knowledge_base
from pipeline.resources import PACKAGED_GAZETTEERS

KB = knowledge_base(PACKAGED_GAZETTEERS)
Found = Callable[[str], list[tuple[str, str, str | None]]]


def labelled(found: Found, text: str, label: str) -> list[tuple[str, str | None]]:
    return [(span, norm) for lab, span, norm in found(text) if lab == label]


# --- ORG ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        (
            "Pieredzē dalījās biedrības “Cerību spārni” vadītāja.",
            "biedrības “Cerību spārni”",
            'biedrība "Cerību spārni"',
        ),
        (
            "Biedrība „Cerību spārni” Balvos atklāja grupu dzīvokļus.",
            "Biedrība „Cerību spārni”",
            'biedrība "Cerību spārni"',
        ),
        (
            "Atbalstu sniedza nodibinājums «Labie darbi» un pašvaldība.",
            "nodibinājums «Labie darbi»",
            'nodibinājums "Labie darbi"',
        ),
        (
            "Pakalpojumu sniedz NVO „Svētā Jāņa Palīdzība” Ludzā.",
            "NVO „Svētā Jāņa Palīdzība”",
            'NVO "Svētā Jāņa Palīdzība"',
        ),
        (
            "Ēku apsaimnieko SIA «Ludzas apsaimniekotājs».",
            "SIA «Ludzas apsaimniekotājs»",
            'SIA "Ludzas apsaimniekotājs"',
        ),
        (
            "Viesi apmeklēja biedrības “Rīgas pilsētas “Rūpju bērns”” dienas centru.",
            "biedrības “Rīgas pilsētas “Rūpju bērns””",
            'biedrība "Rīgas pilsētas "Rūpju bērns""',
        ),
    ],
    ids=["genitive", "nominative-low-quote", "guillemets", "nvo", "sia", "nested-quotes"],
)
def test_quoted_org_keeps_its_legal_form_and_quotes(
    found: Found, text: str, span: str, norm: str
) -> None:
    assert labelled(found, text, "ORG") == [(span, norm)]


def test_listed_names_take_the_legal_form_of_the_first() -> None:
    text = "Pieredzē dalījās biedrības “Cerību spārni”, “Labie darbi” un “Zaļā sēta”."
    hits = find_quoted_names(text, KB)
    assert [(h.label, text[h.start : h.end], h.norm) for h in hits] == [
        ("ORG", "biedrības “Cerību spārni”", 'biedrība "Cerību spārni"'),
        ("ORG", "“Labie darbi”", 'biedrība "Labie darbi"'),
        ("ORG", "“Zaļā sēta”", 'biedrība "Zaļā sēta"'),
    ]


def test_a_name_quoted_again_later_keeps_its_label() -> None:
    text = "Ludzā darbojas biedrība “Labie darbi”. Vēlāk “Labie darbi” rādīja darbnīcas."
    hits = find_quoted_names(text, KB)
    assert [(h.label, text[h.start : h.end], h.norm) for h in hits] == [
        ("ORG", "biedrība “Labie darbi”", 'biedrība "Labie darbi"'),
        ("ORG", "“Labie darbi”", 'biedrība "Labie darbi"'),
    ]


def test_a_quoted_phrase_without_a_cue_is_no_name() -> None:
    assert find_quoted_names("Sauklis “Kopā mēs varam” izskanēja visur.", KB) == []


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        (
            "Ogres novada Sociālā dienesta speciālisti devās pieredzē.",
            "Ogres novada Sociālā dienesta",
            "Ogres novada Sociālais dienests",
        ),
        (
            "Sadarbības līgumu parakstīja Jelgavas novada pašvaldība.",
            "Jelgavas novada pašvaldība",
            "Jelgavas novada pašvaldība",
        ),
        (
            "Krāslavas novada Labklājības pārvalde sadarbojas ar biedrībām.",
            "Krāslavas novada Labklājības pārvalde",
            "Krāslavas novada Labklājības pārvalde",
        ),
        (  # a lower-case feminine adjective in the accusative; a capitalised "-o" stays
            "Grupa apmeklēja Valgas pilsētas valdes sociālo nodaļu un Liepājas Neredzīgo "
            "biedrību.",
            "Valgas pilsētas valdes sociālo nodaļu",
            "Valgas pilsētas valdes sociālā nodaļa",
        ),
        (  # at a sentence's start: a municipality no town is named after
            "Augšdaugavas novada pašvaldība atklāja jaunu centru.",
            "Augšdaugavas novada pašvaldība",
            "Augšdaugavas novada pašvaldība",
        ),
        (  # a town no list has, named a place by "pilsētas"
            "Grupa iepazinās ar Kuopio pilsētas sociālo pakalpojumu centru.",
            "Kuopio pilsētas sociālo pakalpojumu centru",
            "Kuopio pilsētas sociālo pakalpojumu centrs",
        ),
        (  # a definite adjective in the locative: "-ajā", not its last letter, is the ending
            "Sanāksme notika Ogres novada Sociālajā dienestā.",
            "Ogres novada Sociālajā dienestā",
            "Ogres novada Sociālais dienests",
        ),
        (  # a u-stem genitive ends as its nominative
            "Viesi apmeklēja Talsu novada Darba tirgus pārvaldi.",
            "Talsu novada Darba tirgus pārvaldi",
            "Talsu novada Darba tirgus pārvalde",
        ),
    ],
)
def test_institution_names_are_one_org_without_a_place_inside(
    found: Found, text: str, span: str, norm: str
) -> None:
    mentions = found(text)
    assert ("ORG", span, norm) in mentions
    assert not [m for m in mentions if m[0] in ("MUNICIPALITY", "LOCALITY")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Pēc tam runāja Šauļu Pedagoģijas un psiholoģijas dienesta direktore.",
         "Šauļu Pedagoģijas un psiholoģijas dienesta"),
        ("Viesi tikās ar Darba un sociālās aizsardzības ministrijas pārstāvjiem.",
         "Darba un sociālās aizsardzības ministrijas"),
        ("Vizītē piedalījās arī Hamaras pašvaldības Veselības un aprūpes nodaļas vadītāja.",
         "Hamaras pašvaldības Veselības un aprūpes nodaļas"),
    ],
)
def test_an_institution_name_may_join_two_genitives_with_un(
    found: Found, text: str, span: str
) -> None:
    assert [s for s, _ in labelled(found, text, "ORG")] == [span]


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        ("Koncertā dziedāja pirmsskolas izglītības iestādes “Saulīte” audzēkņi.",
         "pirmsskolas izglītības iestādes “Saulīte”", 'pirmsskolas izglītības iestāde "Saulīte"'),
        ("Rotaļlietas saņēma PII „Zīļuks” un bērnudārzs «Taurenītis».", "PII „Zīļuks”",
         'PII "Zīļuks"'),
        ("Kokus stādīt palīdzēja valsts uzņēmums “Ceļu uzturētājs”.",
         "valsts uzņēmums “Ceļu uzturētājs”", 'valsts uzņēmums "Ceļu uzturētājs"'),
    ],
)
def test_kindergartens_and_state_companies_are_named_bodies(
    found: Found, text: str, span: str, norm: str
) -> None:
    assert labelled(found, text, "ORG")[0] == (span, norm)


def test_a_list_of_places_before_a_shared_body_is_no_name(found: Found) -> None:
    assert labelled(found, "Vizīti atbalstīja Siguldas un Ikšķiles pašvaldības.", "ORG") == []


def test_an_accusative_plural_in_us_is_no_word_of_a_name(found: Found) -> None:
    text = "Pēc pusdienām Ogres kolēģus sagaidīja Cēsu novada Sociālā dienesta vadītāja."
    assert labelled(found, text, "ORG") == [
        ("Cēsu novada Sociālā dienesta", "Cēsu novada Sociālais dienests")
    ]


def test_a_town_in_the_plural_locative_opens_no_name(found: Found) -> None:
    text = "Vakar Cēsīs Priekuļu novada Sociālā dienesta vadītāja tikās ar kolēģiem."
    assert labelled(found, text, "ORG") == [
        ("Priekuļu novada Sociālā dienesta", "Priekuļu novada Sociālais dienests")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sociālais dienests vakar saņēma atbalstu.",
        "Dienas aprūpes centrs un grupu dzīvokļi darbosies arī turpmāk.",
        "Latvija ir viena no Baltijas valstīm.",
    ],
)
def test_generic_names_latvija_and_relative_dates_are_not_annotated(
    found: Found, text: str
) -> None:
    assert found(text) == []


def test_quote_free_uses_ascii_quotes() -> None:
    assert quote_free("„Cerību spārni”") == '"Cerību spārni"'
    assert quote_free("«Labie darbi»") == '"Labie darbi"'
    assert quote_free("“Rīgas pilsētas “Rūpju bērns””") == '"Rīgas pilsētas "Rūpju bērns""'


# --- CENTRE ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "norm", "centre_type"),
    [
        (
            "Dalībnieki apmeklēja dienas aprūpes centrā “Saulīte” notiekošās nodarbības.",
            "dienas aprūpes centrā “Saulīte”",
            "Saulīte",
            "day_care_centre",
        ),
        (
            "Speciālisti apmeklēja dienas centru “Rūķīši” Ludzā.",
            "dienas centru “Rūķīši”",
            "Rūķīši",
            "day_centre",
        ),
        (
            "Tukumā atklāja grupu dzīvokļus „Liepas” jauniešiem.",
            "grupu dzīvokļus „Liepas”",
            "Liepas",
            "group_flats",
        ),
        (
            "Viesi iepazinās ar grupu māju “Ozoli” Cēsīs.",
            "grupu māju “Ozoli”",
            "Ozoli",
            "group_house",
        ),
        (
            "Grupu dzīvokļi atrodas Vecumnieku Daudzfunkcionālā sociālo pakalpojumu centra "
            "“Sarkanā skola” ēkā.",
            "Vecumnieku Daudzfunkcionālā sociālo pakalpojumu centra “Sarkanā skola”",
            "Sarkanā skola",
            "multifunctional_centre",
        ),
        (
            "Jaunie grupu dzīvokļi ir Krāslavas novada dienas aprūpes centra “Saulīte” paspārnē.",
            "Krāslavas novada dienas aprūpes centra “Saulīte”",
            "Saulīte",
            "day_care_centre",
        ),
    ],
    ids=["day-care", "day-centre", "group-flats", "group-house", "place-opened", "novada"],
)
def test_centre_span_includes_its_type_words_and_norm_is_the_bare_name(
    run_text: Callable[..., Document], text: str, span: str, norm: str, centre_type: str
) -> None:
    centres = [m for m in run_text(text).mentions if m.label == "CENTRE"]
    assert [(m.text, m.norm) for m in centres] == [(span, norm)]
    assert centres[0].facts["centre_type"] == centre_type


def test_an_operator_org_right_before_a_centre_stays_a_separate_org(found: Found) -> None:
    text = "Pakalpojumu sniedz biedrības “Cerību spārni” dienas centrs “Rūķīši”."
    assert found(text) == [
        ("ORG", "biedrības “Cerību spārni”", 'biedrība "Cerību spārni"'),
        ("CENTRE", "dienas centrs “Rūķīši”", "Rūķīši"),
    ]


def test_a_centre_named_in_capitals_after_its_type_words() -> None:
    text = "Viesi pusdienoja sociālajā uzņēmumā KAFIJAS KLUBS Ludzā."
    hits = [h for h in find_unquoted_names(text, KB) if h.label == "CENTRE"]
    assert [(text[h.start : h.end], h.norm) for h in hits] == [
        ("sociālajā uzņēmumā KAFIJAS KLUBS", "KAFIJAS KLUBS")
    ]


def test_a_place_name_plus_type_words_is_a_centre(found: Found) -> None:
    text = "Speciālisti apmeklēja Siguldas dienas centru un grupu dzīvokļus."
    assert labelled(found, text, "CENTRE") == [("Siguldas dienas centru", "Siguldas dienas centrs")]


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        ("Pēc tam viesi iepirkās Tukuma sociālajā veikalā.", "Tukuma sociālajā veikalā",
         "Tukuma sociālais veikals"),
        ("Grupa apmeklēja Ludzas sociālās aprūpes namu.", "Ludzas sociālās aprūpes namu",
         "Ludzas sociālās aprūpes nams"),
        ("Jaunieši tikās Baldones jauniešu istabā.", "Baldones jauniešu istabā",
         "Baldones jauniešu istaba"),
        ("Viesi apmeklēja Valkas atvērto jauniešu telpu.", "Valkas atvērto jauniešu telpu",
         "Valkas atvērtā jauniešu telpa"),
    ],
)
def test_more_kinds_of_place_named_centres(found: Found, text: str, span: str, norm: str) -> None:
    assert labelled(found, text, "CENTRE") == [(span, norm)]


def test_a_places_social_services_centre_is_an_institution_unless_it_has_a_name(
    found: Found,
) -> None:
    """A town's "sociālo pakalpojumu centrs" is a municipal institution (ORG); with a
    quoted name of its own it is a site (CENTRE)."""
    text = ("Delegāciju uzņēma Tukuma pilsētas sociālo pakalpojumu centrs, bet pēcpusdienā "
            "viesi apmeklēja sociālo pakalpojumu centru „Ozollapa”.")
    assert labelled(found, text, "ORG") == [
        ("Tukuma pilsētas sociālo pakalpojumu centrs", "Tukuma pilsētas sociālo pakalpojumu centrs")
    ]
    assert labelled(found, text, "CENTRE") == [
        ("sociālo pakalpojumu centru „Ozollapa”", "Ozollapa")
    ]


@pytest.mark.parametrize(
    ("text", "span", "norm", "centre_type"),
    [
        (
            "Kopš 2016. gada Talsos strādā Talsu Jaunatnes iniciatīvu un sporta centrs.",
            "Talsu Jaunatnes iniciatīvu un sporta centrs",
            "Talsu Jaunatnes iniciatīvu un sporta centrs",
            "youth_centre",
        ),
        (
            "Grupa apmeklēja Ādažu dienas aprūpes un rehabilitācijas centru.",
            "Ādažu dienas aprūpes un rehabilitācijas centru",
            "Ādažu dienas aprūpes un rehabilitācijas centrs",
            "day_care_centre",
        ),
        (  # whom it serves, between the place and the type words
            "Grupa apmeklēja Ventspils vīriešu krīzes centru.",
            "Ventspils vīriešu krīzes centru",
            "Ventspils vīriešu krīzes centrs",
            "crisis_centre",
        ),
        (  # a town no gazetteer lists, said to be a town
            "Jaunieši viesojās Vroclavas pilsētas jauniešu centrā.",
            "Vroclavas pilsētas jauniešu centrā",
            "Vroclavas pilsētas jauniešu centrs",
            "youth_centre",
        ),
        (
            "Durvis vēra Smiltenes bērnu un jauniešu centrs.",
            "Smiltenes bērnu un jauniešu centrs",
            "Smiltenes bērnu un jauniešu centrs",
            "youth_centre",
        ),
        (  # two place words between the place and the type words
            "Viesi apmeklēja Utenas rajona pašvaldības dienas centru.",
            "Utenas rajona pašvaldības dienas centru",
            "Utenas rajona pašvaldības dienas centrs",
            "day_centre",
        ),
        (  # a village's centre after its municipality
            "Bērni dzīvo Kuldīgas novada Rudbāržu bērnu namā.",
            "Kuldīgas novada Rudbāržu bērnu namā",
            "Kuldīgas novada Rudbāržu bērnu nams",
            "other",
        ),
        (  # a parish's centre: the parish is known as a whole
            "Kolēģi apmeklēja Salas pagasta dienas centru.",
            "Salas pagasta dienas centru",
            "Salas pagasta dienas centrs",
            "day_centre",
        ),
    ],
)
def test_ways_a_place_names_its_centre(
    text: str, span: str, norm: str, centre_type: str
) -> None:
    [hit] = [h for h in find_unquoted_names(text, KB) if h.label == "CENTRE"]
    assert (text[hit.start : hit.end], hit.norm, hit.facts["centre_type"]) == (
        span,
        norm,
        centre_type,
    )


# --- PROJECT -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        (
            "Pasākums notika projekta “Kopā varam” ietvaros.",
            "“Kopā varam”",
            "Kopā varam",
        ),
        (
            "Projektu „DI Latgalē” īsteno Latgales plānošanas reģions.",
            "„DI Latgalē”",
            "DI Latgalē",
        ),
        (  # a code with dots between the cue and the title; no centre inside the title
            "Tas īstenots projektā Nr. 3DP/3.1.4.1.1/10/IPIA/VRAA/012 „Tukuma dienas centra "
            "izveide”.",
            "„Tukuma dienas centra izveide”",
            "Tukuma dienas centra izveide",
        ),
    ],
)
def test_project_span_is_the_quotes_only(found: Found, text: str, span: str, norm: str) -> None:
    assert labelled(found, text, "PROJECT") == [(span, norm)]


# --- curated lists (known.py) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("Projekts īstenots Interreg Centrālās Baltijas programmas 2014.–2020. gadam ietvaros.",
         "Interreg Centrālās Baltijas programma 2014–2020"),
        ("Projekts īstenots Interreg Centrālās Baltijas programmas ietvaros.",
         "Interreg Centrālās Baltijas programma"),
    ],
)
def test_a_programme_named_with_its_period_is_that_periods_programme(
    run_text: Callable[..., Document], text: str, norm: str
) -> None:
    [programme] = [m for m in run_text(text).mentions if m.label == "PROGRAMME"]
    assert programme.norm == norm


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        (
            "Projektu līdzfinansē ERAF.",
            "ERAF",
            "Eiropas Reģionālās attīstības fonds",
        ),
        (
            "Projektu līdzfinansē ESF un valsts budžets.",
            "ESF",
            "Eiropas Sociālais fonds",
        ),
        (
            "Projektu līdzfinansē Eiropas Reģionālās attīstības fonds.",
            "Eiropas Reģionālās attīstības fonds",
            "Eiropas Reģionālās attīstības fonds",
        ),
        (
            "Laukums izbūvēts ar Eiropas Lauksaimniecības fonda lauku attīstībai atbalstu.",
            "Eiropas Lauksaimniecības fonda lauku attīstībai",
            "Eiropas Lauksaimniecības fonds lauku attīstībai",
        ),
        (
            "Pārtikas pakas dala ar EATF atbalstu.",
            "EATF",
            "Eiropas Atbalsta fonds vistrūcīgākajām personām",
        ),
    ],
)
def test_funds_are_programmes_normalised_to_their_full_name(
    run_text: Callable[..., Document], text: str, span: str, norm: str
) -> None:
    [programme] = [m for m in run_text(text).mentions if m.label == "PROGRAMME"]
    assert (programme.text, programme.norm) == (span, norm)
    assert programme.facts.get("kind") == "fund"


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        (
            "Apmaiņu finansēja Mūžizglītības programmas apakšprogrammas “Comenius” līdzekļi.",
            "Mūžizglītības programmas apakšprogrammas “Comenius”",
            'Mūžizglītības programmas apakšprogramma "Comenius"',
        ),
        (
            "Braucienu atbalstīja Norvēģijas finanšu instrumenta 2014.–2021. gada perioda "
            "Divpusējās sadarbības fonds.",
            "Norvēģijas finanšu instrumenta 2014.–2021. gada perioda Divpusējās sadarbības fonds",
            "Norvēģijas finanšu instrumenta 2014.–2021. gada perioda Divpusējās sadarbības fonds",
        ),
    ],
)
def test_a_part_of_a_programme_is_one_name_with_it(
    run_text: Callable[..., Document], text: str, span: str, norm: str
) -> None:
    [programme] = [m for m in run_text(text).mentions if m.label == "PROGRAMME"]
    assert (programme.text, programme.norm) == (span, norm)
    assert programme.facts.get("kind") == "programme"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Centrs saņēma Jaunatnes politikas valsts programmas 2019. gadam atbalstu.",
         "Jaunatnes politikas valsts programmas 2019. gadam"),
        ("Centrs saņēma Jaunatnes politikas valsts programmas 2019. gada konkursā balvu.",
         "Jaunatnes politikas valsts programmas"),
    ],
)
def test_a_yearly_programmes_year_in_the_dative_is_part_of_its_name(
    found: Found, text: str, span: str
) -> None:
    assert [s for s, _ in labelled(found, text, "PROGRAMME")] == [span]


def test_a_funds_quoted_programme_after_it_is_a_name_of_its_own(found: Found) -> None:
    text = ("Centru atbalstīja Norvēģijas finanšu instrumenta programma „Sociālā iekļaušana”, "
            "un to līdzfinansēja Erasmus+ programmas projekts.")
    assert [span for span, _ in labelled(found, text, "PROGRAMME")] == [
        "Norvēģijas finanšu instrumenta", "programma „Sociālā iekļaušana”", "Erasmus+"]


@pytest.mark.parametrize(
    "text",
    [
        "Projektu īsteno Interreg VI-A Latvijas–Lietuvas programmas 2021.–2027. gadam ietvaros.",
        "Projekts tiek īstenots Interreg Latvijas–Lietuvas programmas 2021.–2027. gadam ietvaros.",
    ],
)
def test_the_2021_2027_programme_is_not_its_predecessor(found: Found, text: str) -> None:
    norms = [norm for label, _, norm in found(text) if label == "PROGRAMME"]
    assert norms == ["Interreg VI-A Latvijas–Lietuvas programma 2021–2027"]


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        ("Projektu īsteno INTERREG Latvijas–Lietuvas pārrobežu sadarbības programmas ietvaros.",
         "INTERREG Latvijas–Lietuvas pārrobežu sadarbības programmas",
         "Interreg V-A Latvijas–Lietuvas pārrobežu sadarbības programma 2014–2020"),
        ("Kopš 2022. gada to finansē Interreg Latvija–Lietuva programma.",
         "Interreg Latvija–Lietuva programma",
         "Interreg VI-A Latvijas–Lietuvas programma 2021–2027"),
        ("Sadarbība turpinās ar EEZ un Norvēģijas grantu atbalstu.",
         "EEZ un Norvēģijas grantu", "Eiropas Ekonomikas zonas un Norvēģijas finanšu instrumenti"),
    ],
)
def test_a_programme_in_the_other_names_it_goes_by(
    found: Found, text: str, span: str, norm: str
) -> None:
    assert labelled(found, text, "PROGRAMME") == [(span, norm)]


def test_programme_written_with_an_en_dash_gets_the_canonical_name(found: Found) -> None:
    text = "Projektu finansē Interreg V-A Latvijas – Lietuvas pārrobežu sadarbības programma."
    norms = [norm for label, _, norm in found(text) if label == "PROGRAMME"]
    assert norms == ["Interreg V-A Latvijas–Lietuvas pārrobežu sadarbības programma 2014–2020"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Projektu līdzfinansēja Eiropas Sociālais fonds.", "Eiropas Sociālais fonds"),
        ("Projektu līdzfinansē Eiropas Sociālā fonda programma.", "Eiropas Sociālā fonda"),
    ],
)
def test_the_european_social_fund_spelled_out_is_a_programme(
    found: Found, text: str, span: str
) -> None:
    assert found(text) == [("PROGRAMME", span, "Eiropas Sociālais fonds")]


def test_a_known_org_written_with_ascii_quotes(found: Found) -> None:
    text = 'Viesi apmeklēja Rīgas pilsētas "Rūpju bērns" dienas centru.'
    assert found(text) == [
        ("ORG", 'Rīgas pilsētas "Rūpju bērns"', 'biedrība "Rīgas pilsētas "Rūpju bērns""')
    ]


def test_a_listed_name_before_a_street_word_is_an_address() -> None:
    from pipeline.annotate.known import find_known_names
    from pipeline.resources import PACKAGED_GAZETTEERS

    text = "Birojs pārcelts uz Upes ielu 4, blakus dienas aprūpes centram Upe."
    found = [(h.start, h.end) for h in find_known_names(text, PACKAGED_GAZETTEERS)]
    assert found == [(text.index("Upe."), text.index("Upe.") + 3)]


def test_a_known_org_written_with_word_quotes(found: Found) -> None:
    text = "Viesi apmeklēja Rīgas pilsētas “Rūpju bērns” dienas centru."
    assert found(text) == [
        ("ORG", "Rīgas pilsētas “Rūpju bērns”", 'biedrība "Rīgas pilsētas "Rūpju bērns""')
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tiekoties ar Labklājības pārvaldes direktoru, pārrunājām pakalpojumus.",
        "Viesi iepazinās ar Sociālā dienesta darbu.",
    ],
)
def test_a_department_without_a_place_is_no_org(text: str) -> None:
    assert not [h for h in find_unquoted_names(text, KB) if h.label == "ORG"]


def test_an_institution_name_never_spans_lines() -> None:
    text = "Brauciens uz Rīgu\n\nLai paplašinātu Latgales pašvaldību speciālistu redzesloku."
    assert not [h for h in find_unquoted_names(text, KB) if "\n" in text[h.start : h.end]]


def test_a_centre_type_with_its_target_group_before_the_name() -> None:
    text = "Aucē darbojas Dienas centrs bērniem un senioriem “Baltā māja”."
    [hit] = [h for h in find_quoted_names(text, KB) if h.label == "CENTRE"]
    assert text[hit.start : hit.end] == "Dienas centrs bērniem un senioriem “Baltā māja”"
    assert hit.facts["centre_type"] == "day_centre"


def test_type_words_set_off_by_a_dash_type_the_quoted_centres_after_them() -> None:
    text = "Apskatījām divas grupu mājas – „Ozoli” un „Liepas” –, kurās dzīvo jaunieši."
    hits = [h for h in find_quoted_names(text, KB) if h.label == "CENTRE"]
    assert [(text[h.start : h.end], h.facts["centre_type"]) for h in hits] == [
        ("„Ozoli”", "group_house"), ("„Liepas”", "group_house")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Brauciens sākās Tukumā,dienas centrā “Zvirbulis”.", "dienas centrā “Zvirbulis”"),
        ("Viesi apmeklēja kopienas centru “Saulgrieži”.", "kopienas centru “Saulgrieži”"),
        ("Kolēģi apmeklēja arī darbnīcas „Rūķi”.", "darbnīcas „Rūķi”"),
    ],
)
def test_type_words_before_a_quoted_centre_join_its_span(text: str, span: str) -> None:
    [hit] = [h for h in find_quoted_names(text, KB) if h.label == "CENTRE"]
    assert text[hit.start : hit.end] == span


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Grupa pusdienoja kafejnīcā “Otrais solis”, kur strādā jaunieši ar invaliditāti.",
         "kafejnīcā “Otrais solis”"),
        ("Talsos atvērts veikaliņš „Čaklās rokas”.", "veikaliņš „Čaklās rokas”"),
        ("Viesi apskatīja iekļaujošo viesnīcu “Zīle”.", "iekļaujošo viesnīcu “Zīle”"),
    ],
)
def test_a_quoted_cafe_shop_or_hotel_is_a_social_enterprise(text: str, span: str) -> None:
    [hit] = [h for h in find_quoted_names(text, KB) if h.label == "CENTRE"]
    assert (text[hit.start : hit.end], hit.facts["centre_type"]) == (span, "social_enterprise")


@pytest.mark.parametrize(
    "span",
    [
        "Jelgavas ģimenes atbalsta dienas centru “Atvase”",
        "Daugavpils pensionāru dienas centru “Sidrabs”",
        "Espo dienas centrā “Kompassi”",
        "atelpas brīža māju “Pesake”",
    ],
)
def test_a_centre_span_takes_its_qualifiers_and_opening_place(span: str) -> None:
    text = f"Viesi apmeklēja {span}, kur uzzināja daudz jauna."
    [hit] = [h for h in find_quoted_names(text, KB) if h.label == "CENTRE"]
    assert text[hit.start : hit.end] == span


def test_a_centre_after_a_blank_line_starts_at_its_first_word() -> None:
    text = "Centrs darbosies visu diennakti.\n\nKrīzes centrs “Drošā osta” paredzēts ģimenēm."
    [hit] = find_quoted_names(text, KB)
    assert text[hit.start : hit.end] == "Krīzes centrs “Drošā osta”"


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Darbs notiek deinstitucionalizācijas projekta (DI) ietvaros.", "DI"),
        ("Projekta “Atbalsts pierobežas kopienām” (SENCOM, LLI-512) ietvaros.", "SENCOM"),
        ("Projekts Nr. LLI425 (OCTOPUS) noslēdzas.", "OCTOPUS"),
    ],
)
def test_a_project_acronym_in_brackets(text: str, acronym: str) -> None:
    assert [text[h.start : h.end] for h in find_project_acronyms(text)] == [acronym]


@pytest.mark.parametrize(
    "text",
    ["Latgales plānošanas reģions (LPR) rīkoja braucienu.", "personām ar traucējumiem (GRT)"],
)
def test_other_bracketed_abbreviations_are_no_project(text: str) -> None:
    assert find_project_acronyms(text) == []


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        (
            "Liepājā viesojās Klaipēdas Palīdzības centra darbinieki.",
            "Klaipēdas Palīdzības centra",
            "Klaipēdas Palīdzības centrs",
        ),
        (
            "Vadītājs iepazīstināja ar Talsu novada Sociālo dienestu.",
            "Talsu novada Sociālo dienestu",
            "Talsu novada Sociālais dienests",
        ),
        (
            "Runāja Cēsu novada sociālās aģentūras vadītāja.",
            "Cēsu novada sociālās aģentūras",
            "Cēsu novada sociālā aģentūra",
        ),
    ],
)
def test_institution_spans_and_norms(text: str, span: str, norm: str) -> None:
    hits = [h for h in find_unquoted_names(text, KB) if h.label == "ORG"]
    assert [(text[h.start : h.end], h.norm) for h in hits] == [(span, norm)]


def test_an_abbreviation_after_a_target_group_is_no_centre() -> None:
    text = "Viesi apmeklēja specializēto darbnīcu personām ar GRT. Pēc tam viņi devās mājās."
    assert [h for h in find_unquoted_names(text, KB) if h.label == "CENTRE"] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Uzsākts projekts Nr. LL-00087 “Atbalsts senioriem” (“SeniorLink”). Partneri.",
            ["Atbalsts senioriem", "SeniorLink"],
        ),
        ("Projekta “Kopā dvīņpilsētā” jeb “TwinCare” ietvaros.", ["Kopā dvīņpilsētā", "TwinCare"]),
    ],
)
def test_a_project_and_its_alias(text: str, names: list[str]) -> None:
    assert [h.norm for h in find_quoted_names(text, KB) if h.label == "PROJECT"] == names


def test_a_bare_project_acronym_after_projekts() -> None:
    text = "Projekts SENCOM tiek īstenots no 2021. gada aprīļa."
    assert [text[h.start : h.end] for h in find_project_acronyms(text)] == ["SENCOM"]


def test_an_abbreviation_between_legal_form_and_name() -> None:
    text = "Centrā darbojas arī nevalstiskā organizācija JIIC “Saspraude”."
    [hit] = find_quoted_names(text, KB)
    assert text[hit.start : hit.end] == "nevalstiskā organizācija JIIC “Saspraude”"
    assert hit.norm == 'nevalstiskā organizācija JIIC "Saspraude"'


def test_a_later_case_form_of_a_centre_name_is_the_same_centre() -> None:
    text = "Cēsīs durvis vēris centrs “Pērle”. Biedrība nodrošinās “Pērles” pakalpojumus."
    hits = [(text[h.start : h.end], h.label, h.norm) for h in find_quoted_names(text, KB)]
    assert hits == [("centrs “Pērle”", "CENTRE", "Pērle"), ("“Pērles”", "CENTRE", "Pērle")]


def test_a_bilingual_project_title_with_its_acronym_is_three_names() -> None:
    text = (
        "Dienests noslēdz projektu Nr. LLI-550 “Senioru aprūpes tīkla attīstība pierobežā/"
        "Development of a senior care network in the border area (Care Net)”."
    )
    found = [(text[h.start : h.end], h.norm) for h in find_quoted_names(text, KB)]
    assert found == [
        ("Senioru aprūpes tīkla attīstība pierobežā", "Senioru aprūpes tīkla attīstība pierobežā"),
        (
            "Development of a senior care network in the border area",
            "Development of a senior care network in the border area",
        ),
        ("Care Net", "Care Net"),
    ]


def test_a_building_site_named_in_quotes_is_a_centre() -> None:
    text = "Būvdarbi objektā “Ozolāji – 2” pilnībā pabeigti, ēka pieņemta ekspluatācijā."
    [hit] = [h for h in find_quoted_names(text, KB) if h.label == "CENTRE"]
    assert (text[hit.start : hit.end], hit.norm) == ("“Ozolāji – 2”", "Ozolāji – 2")


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        ("Ziemā atvērta Cēsu naktspatversme ar 20 vietām.", "Cēsu naktspatversme",
         "Cēsu naktspatversme"),
        ("Grupa iegriezās Skaistkalnes pagasta dienas centrā.",
         "Skaistkalnes pagasta dienas centrā", "Skaistkalnes pagasta dienas centrs"),
        ("Kopš maija darbojas Ventspils grupu dzīvokļi.", "Ventspils grupu dzīvokļi",
         "Ventspils grupu dzīvokļi"),
        ("Viesi apskatīja Aknīstes pansionātu.", "Aknīstes pansionātu", "Aknīstes pansionāts"),
    ],
)
def test_centres_named_by_a_place_and_an_institution_noun(text: str, span: str,
                                                          norm: str) -> None:
    [hit] = [h for h in find_unquoted_names(text, KB) if h.label == "CENTRE"]
    assert (text[hit.start : hit.end], hit.norm) == (span, norm)


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        ("Diskusija notika Auces kultūras namā.", "Auces kultūras namā", "Auces kultūras nams"),
        ("Praksē bija Rēzeknes tehnikuma audzēkņi.", "Rēzeknes tehnikuma", "Rēzeknes tehnikums"),
        ("Pārējo summu aizņēmās Valsts kasē.", "Valsts kasē", "Valsts kase"),
    ],
)
def test_institutions_named_by_a_place_and_a_noun(text: str, span: str, norm: str) -> None:
    [hit] = [h for h in find_unquoted_names(text, KB) if h.label == "ORG"]
    assert (text[hit.start : hit.end], hit.norm) == (span, norm)


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        ("Centrs izveidots ar EEZ finanšu instrumenta atbalstu.", "EEZ finanšu instrumenta",
         "Eiropas Ekonomikas zonas finanšu instruments"),
        ("Vizīti finansēja Norvēģijas finanšu instruments.", "Norvēģijas finanšu instruments",
         "Norvēģijas finanšu instruments"),
    ],
)
def test_grants_and_funds_outside_the_eu_structural_funds(found: Found, text: str, span: str,
                                                          norm: str) -> None:
    assert labelled(found, text, "PROGRAMME") == [(span, norm)]


def test_a_verb_between_two_institutions_ends_the_first_name(found: Found) -> None:
    text = "Ogres novada pašvaldība saņēma Labklājības ministrijas atzinumu."
    assert [span for span, _ in labelled(found, text, "ORG")] == [
        "Ogres novada pašvaldība", "Labklājības ministrijas"]


def test_an_institution_of_an_institution_is_one_longer_name() -> None:
    text = "Braucienu rīkoja Preiļu novada pašvaldības Sociālais dienests."
    [hit] = [h for h in find_unquoted_names(text, KB) if h.label == "ORG"]
    assert text[hit.start : hit.end] == "Preiļu novada pašvaldības Sociālais dienests"


@pytest.mark.parametrize(
    ("text", "span", "norm", "centre_type"),
    [
        ("Grupa iepazina Kokneses multifunkcionālo centru „Dzērve”.",
         "Kokneses multifunkcionālo centru „Dzērve”", "Dzērve", "multifunctional_centre"),
        ("Viesi apmeklēja Salas pagasta dienas centru „Rūķi”.",
         "Salas pagasta dienas centru „Rūķi”", "Rūķi", "day_centre"),
        ("Bērnu nams „Cielaviņa” slēgts.", "Bērnu nams „Cielaviņa”", "Cielaviņa", "other"),
    ],
)
def test_a_quoted_centre_spans_its_type_words_and_their_place(
    text: str, span: str, norm: str, centre_type: str
) -> None:
    [hit] = [h for h in find_quoted_names(text, KB) if h.label == "CENTRE"]
    assert (text[hit.start : hit.end], hit.norm, hit.facts["centre_type"]) == (
        span, norm, centre_type)


def test_a_programmes_period_written_without_a_space_stays_in_its_span(found: Found) -> None:
    text = "Projekts īstenots Latvijas–Lietuvas programmas 2014.–2020.gadam ietvaros."
    [(span, _norm)] = labelled(found, text, "PROGRAMME")
    assert span == "Latvijas–Lietuvas programmas 2014.–2020.gadam"


@pytest.mark.parametrize("quotes", ["“”", "„”", "«»", '""'])
def test_a_programme_written_in_quotes_spans_its_quotes(found: Found, quotes: str) -> None:
    """The listed name "Darbības programma …" in lower case, in any quotes, in one span."""
    opening, closing = quotes
    text = (f"Darbnīcu atjaunoja darbības programmas {opening}Izaugsme un "
            f"nodarbinātība{closing} 9.3.1. specifiskā atbalsta mērķa ietvaros.")
    assert labelled(found, text, "PROGRAMME") == [
        (f"darbības programmas {opening}Izaugsme un nodarbinātība{closing}",
         'Darbības programma "Izaugsme un nodarbinātība"')
    ]


def test_a_programme_without_quotes_keeps_its_own_span(found: Found) -> None:
    text = "Vizīti finansēja programma Izaugsme un nodarbinātība, (ne ESF)."
    assert [span for span, _ in labelled(found, text, "PROGRAMME")][:1] == [
        "Izaugsme un nodarbinātība"]


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        ("Sadarbību atbalstīja Tartu pilsētas valdība.", "Tartu pilsētas valdība",
         "Tartu pilsētas valdība"),
        ("Līgumu parakstīja ar Tartu pilsētas valdību.", "Tartu pilsētas valdību",
         "Tartu pilsētas valdība"),
        ("Vēstuli nosūtīja Pērnavas pilsētas valdei.", "Pērnavas pilsētas valdei",
         "Pērnavas pilsētas valde"),
    ],
    ids=["valdība", "valdību", "valde"],
)
def test_a_town_government_is_not_a_board(text: str, span: str, norm: str) -> None:
    """"valdība" (a town's government) and "valde" (a board) are two nouns."""
    [hit] = [h for h in find_unquoted_names(text, KB) if h.label == "ORG"]
    assert (text[hit.start : hit.end], hit.norm) == (span, norm)


def test_a_centre_named_again_by_its_quoted_name_alone(found: Found) -> None:
    text = ("Rēzeknē atklāts dienas centrs „Lāsīte”. Vadītāja stāsta: „Gribam, lai „Lāsīte” "
            "būtu vieta visiem.” Citā pilsētā ir frizētava „Lāsīte”. Pie „Ozola” ir stāvvieta.")
    assert labelled(found, text, "CENTRE") == [
        ("dienas centrs „Lāsīte”", "Lāsīte"), ("„Lāsīte”", "Lāsīte"), ("„Lāsīte”", "Lāsīte")
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Grupa viesojās dienas centrā cilvēkiem ar demenci „Ābeles”.",
         "dienas centrā cilvēkiem ar demenci „Ābeles”"),
        ("Viesi iepazina dienas centru personām ar psihiskās veselības traucējumiem “Egle”.",
         "dienas centru personām ar psihiskās veselības traucējumiem “Egle”"),
    ],
)
def test_a_centres_type_words_may_say_for_whom_before_its_name(
    found: Found, text: str, span: str
) -> None:
    assert [s for s, _ in labelled(found, text, "CENTRE")] == [span]


def test_a_quoted_name_after_a_programme_word_is_no_project(found: Found) -> None:
    text = ("Projekts „Drošās mājas” tiek īstenots darbības programmas «Izaugsme un "
            "nodarbinātība» 9.3.1. specifiskā atbalsta mērķa ietvaros.")
    assert [(label, span) for label, span, _ in found(text) if label != "PROJECT_CODE"] == [
        ("PROJECT", "„Drošās mājas”"), ("PROGRAMME", "darbības programmas «Izaugsme un "
                                                     "nodarbinātība»")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Biedrība saņēma atbalstu no valsts budžeta programmas „Sociālie mazumi”.",
         [("programmas „Sociālie mazumi”", 'programma "Sociālie mazumi"')]),
        ("Darbnīca izveidota 9.3.1.1. specifiskā atbalsta mērķa „Attīstīt pakalpojumus "
         "ģimenēm” ietvaros.",
         [("„Attīstīt pakalpojumus ģimenēm”", "Attīstīt pakalpojumus ģimenēm")]),
        # a curriculum is no funding programme
        ("Jaunieši apguva mācību programmu „Drošs darbs”.", []),
        # a programme the lists know keeps its listed name and its listed words
        ("Projekts īstenots darbības programmas „Izaugsme un nodarbinātība” ietvaros.",
         [("darbības programmas „Izaugsme un nodarbinātība”",
           'Darbības programma "Izaugsme un nodarbinātība"')]),
    ],
    ids=["budget-programme", "support-objective", "curriculum", "listed"],
)
def test_a_quoted_name_after_a_programme_word_is_a_programme(
    found: Found, text: str, expected: list
) -> None:
    assert [(span, norm) for label, span, norm in found(text) if label == "PROGRAMME"] == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Grupa tikās ar Stavangeras pašvaldības sociālajiem darbiniekiem.",
         "Stavangeras pašvaldības"),
        ("Vizīti atbalstīja Odenses dome.", "Odenses dome"),
    ],
)
def test_a_municipal_body_of_a_town_no_gazetteer_lists(text: str, span: str) -> None:
    [hit] = [h for h in find_unquoted_names(text, KB) if h.label == "ORG"]
    assert text[hit.start : hit.end] == span


def test_a_generic_body_without_a_place_is_still_no_name() -> None:
    text = "Sociālo lietu pārvalde aicina pieteikties."
    assert [h for h in find_unquoted_names(text, KB) if h.label == "ORG"] == []


def test_the_staff_of_a_places_centres_name_no_centre(found: Found) -> None:
    text = ("Tukuma novada dienas centru vadītāji apmeklēja Kandavas dienas centru un "
            "Engures dienas centru darbiniekus.")
    assert [span for span, _ in labelled(found, text, "CENTRE")] == ["Kandavas dienas centru"]
    assert ("MUNICIPALITY", "Tukuma novada", "Tukuma novads") in found(text)


def test_an_unlisted_town_abroad_opens_a_centre_in_a_release_about_abroad(
    found: Found,
) -> None:
    text = ("Delegācija Norvēģijā apmeklēja Brumundalas krīzes centru un Ģimenes atbalsta "
            "centru. Mājās Kandavas krīzes centrs strādā kopš 2019. gada.")
    assert labelled(found, text, "CENTRE") == [
        ("Brumundalas krīzes centru", "Brumundalas krīzes centrs"),
        ("Kandavas krīzes centrs", "Kandavas krīzes centrs"),
    ]
    at_home = "Apmeklējām Brumundalas krīzes centru."  # no country abroad: no such town
    assert labelled(found, at_home, "CENTRE") == []


def test_a_centre_abroad_lies_in_the_unlisted_town_its_name_opens_with(run_text) -> None:
    text = "2024. gada 3. maijā delegācija Norvēģijā apmeklēja Brumundalas krīzes centru."
    [centre] = run_text(text).centres
    assert centre.municipality == "Brumundala"


def test_a_centres_place_and_type_said_apart_name_its_quoted_centre(found: Found) -> None:
    text = ("Talsu grupu māju apmeklē kaimiņi. Talsu grupu māja „Priedes” darbojas kopš 2020. "
            "gada.")
    assert labelled(found, text, "CENTRE") == [
        ("Talsu grupu māju", "Priedes"), ("Talsu grupu māja „Priedes”", "Priedes")]
    glued = "Ogres jauniešu centrs rīko nometni. Ogres novada jauniešu centrs „Zvaigzne” aicina."
    assert [norm for _, norm in labelled(found, glued, "CENTRE")] == ["Zvaigzne", "Zvaigzne"]


def test_a_type_named_in_the_singular_in_a_plural_form_names_no_centre(found: Found) -> None:
    text = ("Jaunieši strādāja Tartu pilsētas jauniešu centros, bet pēc tam apmeklēja "
            "Cēsu specializētās darbnīcas.")
    assert labelled(found, text, "CENTRE") == [
        ("Cēsu specializētās darbnīcas", "Cēsu specializētās darbnīcas")]


def test_a_place_in_the_locative_before_type_words_names_no_centre(found: Found) -> None:
    text = "„Norvēģijā bērnu namu vairs nav,” stāsta viesi. Tukumā krīzes centra vēl nav."
    assert labelled(found, text, "CENTRE") == []


def test_those_a_centre_serves_in_the_dative_leave_it_a_centre(found: Found) -> None:
    text = ("Viesi devās uz Kandavas dienas centru senioriem, bet Tukuma dienas centru "
            "vadītājiem stāstīja par darbu.")
    assert [span for span, _ in labelled(found, text, "CENTRE")] == ["Kandavas dienas centru"]


def test_the_eu_is_a_body_by_its_name_and_its_abbreviation(found: Found) -> None:
    text = "Projektu līdzfinansē ES, un Eiropas Savienība to atbalsta; ESF ir fonds."
    assert labelled(found, text, "ORG") == [
        ("ES", "Eiropas Savienība"), ("Eiropas Savienība", "Eiropas Savienība")]


@pytest.mark.parametrize(
    ("text", "label", "span", "norm"),
    [
        ("Viesi devās uz Valsts sociālās aprūpes centra „Kalnāji” filiāli „Lejas”.", "ORG",
         "Valsts sociālās aprūpes centra „Kalnāji”", 'valsts sociālās aprūpes centrs "Kalnāji"'),
        ("Viesi devās uz Valsts sociālās aprūpes centra „Kalnāji” filiāli „Lejas”.", "CENTRE",
         "filiāli „Lejas”", "Lejas"),
        ("Pakalpojumu sniedz VSAC „Kalnāji”.", "ORG", "VSAC „Kalnāji”",
         'valsts sociālās aprūpes centrs "Kalnāji"'),
    ],
    ids=["state-centre", "its-branch", "abbreviation"],
)
def test_a_state_care_centre_is_an_institution_and_its_branch_a_centre(
    found: Found, text: str, label: str, span: str, norm: str
) -> None:
    assert labelled(found, text, label) == [(span, norm)]


def test_a_capitalised_genitive_plural_in_a_name_stays_as_written(found: Found) -> None:
    assert ("ORG", "Liepājas Neredzīgo biedrību", "Liepājas Neredzīgo biedrība") in found(
        "Grupa apmeklēja Liepājas Neredzīgo biedrību.")


def test_a_nordplus_sub_programme_is_one_programme(found: Found) -> None:
    text = "Braucienu finansēja Ziemeļu Ministru padomes programma Nordplus Pieaugušo izglītība."
    assert labelled(found, text, "PROGRAMME") == [
        ("Nordplus Pieaugušo izglītība", "Nordplus Pieaugušo izglītība")]


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("Tirgus ielā strādā Kuldīgas specializētās darbnīcas.",
         "Kuldīgas specializētās darbnīcas"),
        ("Dobeles specializētās darbnīcas iepazīstināja ar savu darbu.",
         "Dobeles specializētās darbnīcas"),
        ("Līdzekļi piešķirti Rēzeknes specializētajām darbnīcām.",
         "Rēzeknes specializētās darbnīcas"),
        ("Kuldīgas specializētās darbnīcas vadītāja pastāstīja par darbu.",
         "Kuldīgas specializētā darbnīca"),
        ("Grupa apmeklēja Valmieras specializēto darbnīcu.", "Valmieras specializētā darbnīca"),
    ],
    ids=["plural-subject", "plural-before-verb", "dative-plural", "genitive-singular",
         "accusative-singular"],
)
def test_a_workshop_keeps_the_number_it_is_named_in(found: Found, text: str, norm: str) -> None:
    assert [n for _, n in labelled(found, text, "CENTRE")] == [norm]
