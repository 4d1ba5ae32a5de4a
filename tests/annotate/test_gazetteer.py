"""Place mentions from the gazetteer: inflected forms, heads, and shared-head lists."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.document import Document, Mention

Run = Callable[..., Document]


def places(run_text: Run, text: str) -> list[Mention]:
    labels = ("MUNICIPALITY", "LOCALITY", "REGION", "FOREIGN_PLACE")
    return [m for m in run_text(text).mentions if m.label in labels]


def test_a_shared_head_list_gives_one_municipality_per_name(run_text: Run) -> None:
    text = "Jauni grupu dzīvokļi darbojas Balvu, Krāslavas un Ludzas novadā."
    found = places(run_text, text)
    assert [(m.label, m.norm, m.id) for m in found] == [
        ("MUNICIPALITY", "Balvu novads", "0024000"),
        ("MUNICIPALITY", "Krāslavas novads", "0032000"),
        ("MUNICIPALITY", "Ludzas novads", "0037000"),
    ]
    assert [m.text for m in found[:2]] == ["Balvu", "Krāslavas"]
    assert found[2].text in ("Ludzas", "Ludzas novadā")


def test_a_shared_pasvaldiba_stays_outside_the_spans(run_text: Run) -> None:
    text = "Sadarbības līgumu parakstīja Cēsu, Priekuļu un Amatas pašvaldību vadītāji."
    found = places(run_text, text)
    assert [(m.label, m.text, m.norm) for m in found] == [
        ("MUNICIPALITY", "Cēsu", "Cēsu novads"),
        ("MUNICIPALITY", "Priekuļu", "Priekuļu novads"),
        ("MUNICIPALITY", "Amatas", "Amatas novads"),
    ]


def test_a_city_listed_before_a_shared_head_is_a_municipality(run_text: Run) -> None:
    text = "Sadarbojas Daugavpils, Rēzeknes valstspilsētas un Ludzas novada speciālisti."
    found = places(run_text, text)
    assert [(m.label, m.norm) for m in found] == [
        ("MUNICIPALITY", "Daugavpils"),
        ("MUNICIPALITY", "Rēzekne"),
        ("MUNICIPALITY", "Ludzas novads"),
    ]
    assert found[0].text == "Daugavpils"


def test_a_list_goes_on_over_a_lost_comma_and_glued_names(run_text: Run) -> None:
    """Copied from a web page, the list lost a comma and two line breaks."""
    text = (
        "Piedalījās speciālisti no Balvu, ViļānuKārsavas, Rugāju IlūkstesKrāslavas un Riebiņu "
        "novadiem."
    )
    found = places(run_text, text)
    assert [(m.text, m.norm) for m in found] == [
        ("Balvu", "Balvu novads"),
        ("Viļānu", "Viļānu novads"),
        ("Kārsavas", "Kārsavas novads"),
        ("Rugāju", "Rugāju novads"),
        ("Ilūkstes", "Ilūkstes novads"),
        ("Krāslavas", "Krāslavas novads"),
        ("Riebiņu novadiem", "Riebiņu novads"),
    ]


def test_a_name_before_a_bracketed_country_is_a_place_of_that_country(run_text: Run) -> None:
    text = "Projektā sadarbojas Viļānu, Klippanas (Zviedrija) un Odsherredas (Dānija) pašvaldības."
    abroad = [m for m in places(run_text, text) if m.facts.get("kind") != "country"][1:]
    assert [(m.text, m.label, m.norm, m.facts["country"]) for m in abroad] == [
        ("Klippanas", "FOREIGN_PLACE", "Klippana", "SE"),
        ("Odsherredas", "FOREIGN_PLACE", "Odsherreda", "DK"),
    ]


def test_a_shared_plural_institution_head_leaves_every_place_a_mention(run_text: Run) -> None:
    text = "Sadarbojas Daugavpils, Rēzeknes valstspilsētas un Ludzas novada sociālie dienesti."
    found = places(run_text, text)
    assert [(m.label, m.norm) for m in found] == [
        ("MUNICIPALITY", "Daugavpils"),
        ("MUNICIPALITY", "Rēzekne"),
        ("MUNICIPALITY", "Ludzas novads"),
    ]
    assert found[0].text == "Daugavpils"


@pytest.mark.parametrize(
    ("text", "span", "label", "norm"),
    [
        ("Jaunie grupu dzīvokļi atrodas Preiļos.", "Preiļos", "LOCALITY", "Preiļi"),
        (
            "Delegācija viesojās Rēzeknes valstspilsētā.",
            "Rēzeknes valstspilsētā",
            "MUNICIPALITY",
            "Rēzekne",
        ),
        (
            "Dienas centrs darbojas Rēzeknes novadā.",
            "Rēzeknes novadā",
            "MUNICIPALITY",
            "Rēzeknes novads",
        ),
        ("Grupa ieradās Rēzeknē pusdienlaikā.", "Rēzeknē", "MUNICIPALITY", "Rēzekne"),
        ("Brauciena dalībnieki apmeklēja Krāslavu.", "Krāslavu", "LOCALITY", "Krāslava"),
        (
            "Speciālisti no Vecumnieku pagasta devās pieredzē.",
            "Vecumnieku pagasta",
            "LOCALITY",
            "Vecumnieku pagasts",
        ),
        (
            "Projektu īsteno Latgales plānošanas reģions.",
            "Latgales plānošanas reģions",
            "REGION",
            "Latgales plānošanas reģions",
        ),
        ("Projektu īsteno LPR kopā ar partneriem.", "LPR", "REGION", "Latgales plānošanas reģions"),
        ("Viesi ieradās no Zemgales.", "Zemgales", "REGION", "Zemgales plānošanas reģions"),
        ("Grupa viesojās Rokišķos.", "Rokišķos", "FOREIGN_PLACE", "Rokišķi"),
        ("Delegācija ieradās no Lietuvas.", "Lietuvas", "FOREIGN_PLACE", "Lietuva"),
        ("Speciālisti viesojās Stokholmā.", "Stokholmā", "FOREIGN_PLACE", "Stokholma"),
    ],
)
def test_inflected_place_forms_get_their_official_name(
    run_text: Run, text: str, span: str, label: str, norm: str
) -> None:
    [place] = places(run_text, text)
    assert (place.text, place.label, place.norm) == (span, label, norm)


def test_municipalities_carry_their_atvk_code_and_region(run_text: Run) -> None:
    [rezekne] = places(run_text, "Delegācija viesojās Rēzeknes valstspilsētā.")
    assert rezekne.id == "0006000"
    assert rezekne.facts["region"] == "Latgales plānošanas reģions"
    assert rezekne.facts["country"] == "LV"


def test_a_town_knows_its_municipality(run_text: Run) -> None:
    [preili] = places(run_text, "Jaunie grupu dzīvokļi atrodas Preiļos.")
    assert preili.facts["parent"] == "Preiļu novads"
    assert preili.facts["parent_id"] == "0042000"


def test_a_foreign_place_knows_its_country(run_text: Run) -> None:
    [rokiski] = places(run_text, "Grupa viesojās Rokišķos.")
    assert rokiski.facts["country"] == "LT"


def test_the_list_head_decides_between_town_and_municipality(run_text: Run) -> None:
    """ "Balvu" before "novadā" is Balvu novads; alone, "Balvos" is the town Balvi."""
    listed = places(run_text, "Pakalpojumi pieejami Balvu un Ludzas novadā.")
    alone = places(run_text, "Pakalpojumi pieejami Balvos.")
    assert listed[0].norm == "Balvu novads"
    assert [(m.label, m.norm) for m in alone] == [("LOCALITY", "Balvi")]


@pytest.mark.parametrize(
    "text",
    [
        "Speciālisti apspriedās par ludzas pieredzi.",  # not capitalised
        "Latvijā šādu centru ir maz.",  # Latvija is not annotated
        "Grupu dzīvokļi darbojas visos novados.",
    ],
)
def test_no_place_without_a_capitalised_name(run_text: Run, text: str) -> None:
    assert places(run_text, text) == []


def test_soft_hyphen_inside_a_place_name(run_text: Run) -> None:
    text = "Speciālisti viesojās Krās\u00adlavas novadā un Lud\u00adzā."
    found = places(run_text, text)
    assert [(m.text, m.norm) for m in found] == [
        ("Krās\u00adlavas novadā", "Krāslavas novads"),
        ("Lud\u00adzā", "Ludza"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_a_former_municipality_keeps_its_code_and_knows_its_successor(nlp) -> None:
    doc = nlp("Pieredzes apmaiņā piedalījās Vecumnieku novada sociālie darbinieki.")
    [place] = [e for e in doc.ents if e.label_ == "MUNICIPALITY"]
    assert place._.norm == "Vecumnieku novads"
    assert place._.facts["id"] == "0409500"
    assert place._.facts["successor"] == "Bauskas novads"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tukuma un Talsu sociālie darbinieki devās uz Rīgu.",
            [("Tukuma", "Tukuma novads"), ("Talsu", "Talsu novads")],
        ),
        ("Tukuma parkā bija izstāde.", [("Tukuma", "Tukums")]),
    ],
)
def test_a_town_genitive_before_its_people_is_the_municipality(nlp, text, expected) -> None:
    places = [
        (e.text, e._.norm) for e in nlp(text).ents if e.label_ in ("MUNICIPALITY", "LOCALITY")
    ]
    assert places[: len(expected)] == expected


def test_a_state_city_is_its_own_municipality_before_the_reform(found) -> None:
    before = "2017. gada 5. maijā speciālisti viesojās Jēkabpilī un Valmierā."
    after = "2023. gada 5. maijā speciālisti viesojās Jēkabpilī un Valmierā."
    assert [(label, norm) for label, _, norm in found(before) if label != "DATE"] == [
        ("MUNICIPALITY", "Jēkabpils"), ("MUNICIPALITY", "Valmiera")]
    assert [(label, norm) for label, _, norm in found(after) if label != "DATE"] == [
        ("LOCALITY", "Jēkabpils"), ("LOCALITY", "Valmiera")]


def test_a_place_inside_quotes_is_part_of_a_name(found) -> None:
    text = "Raksts iznāca laikrakstā “Bauskas Dzīve”, un viesi devās uz Bausku."
    assert [(label, span) for label, span, _ in found(text)] == [("LOCALITY", "Bausku")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Speciālisti viesojās Somijā, Oulu pilsētā.", ("Oulu", "Oulu", "FI")),
        ("Tikšanās notika Vācijas pilsētā Drēzdenē.", ("Drēzdenē", "Drēzdene", "DE")),
    ],
)
def test_a_town_abroad_the_gazetteer_lacks_is_named_by_its_town_word(nlp, text, expected) -> None:
    [town] = [e for e in nlp(text).ents if e.label_ == "FOREIGN_PLACE" and e._.norm not in (
        "Somija", "Vācija")]
    assert (town.text, town._.norm, town._.facts.get("country")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norvēģijā grupa tikās ar Hamaras un Elverumas pašvaldībām.",
         [("Hamaras", "Hamara", "NO"), ("Elverumas", "Elveruma", "NO")]),
        ("Grupa Dānijā iepazinās ar Vejles un Horsensas pašvaldībām.",
         [("Vejles", "Vejle", "DK"), ("Horsensas", "Horsensa", "DK")]),
        # no country abroad in the release: an unknown genitive names no town
        ("Sarunā piedalījās Bērzkalnu pašvaldības pārstāvji.", []),
        # a determiner opening the sentence is no town
        ("Somijā viesojās Latvijas speciālisti. Vairākas pašvaldības plāno to pašu.", []),
    ],
)
def test_an_unknown_genitive_before_pasvaldiba_is_a_town_abroad(nlp, text, expected) -> None:
    towns = [(e.text, e._.norm, e._.facts.get("country")) for e in nlp(text).ents
             if e.label_ == "FOREIGN_PLACE" and e._.facts.get("kind") != "country"]
    assert sorted(towns) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    ["Abu pilsētu sociālie darbinieki jūlijā dosies uz Somiju.",
     "Kaimiņu pilsētā Igaunijā viesojās mūsu speciālisti."],
)
def test_a_determiner_before_the_town_word_is_no_town(nlp, text) -> None:
    assert [e.text for e in nlp(text).ents if e.label_ == "FOREIGN_PLACE"] in (
        ["Somiju"], ["Igaunijā"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rūjienā viesojās kolēģi no Stavangeras – pašvaldības darbinieki no Norvēģijas.",
         [("Stavangeras", "Stavangera", "NO")]),
        ("Pēc mēneša grupa no Rūjienas dosies uz Stavangeru, Norvēģijā.",
         [("Stavangeru", "Stavangera", "NO")]),
        ("Norvēģijā pavadītas piecas dienas: aprūpētāji bija pieredzes apmaiņas vizītē "
         "Stavangerā.", [("Stavangerā", "Stavangera", "NO")]),
        # a capitalised adjective after a visit word opens a body's name, no town
        ("Norvēģu viesi no Norvēģijas viesojās Sociālā dienesta telpās.", []),
        # no country abroad in the release: an unknown name after "no" is no town
        ("Dāvanas saņēma no Zālītes, un tās nogādāja uz Rūjienu.", []),
        # the start of a body's name, and Latvija itself
        ("Vēstuli saņēma no Izglītības un zinātnes ministrijas un no Latvijas, ne no Zviedrijas.",
         []),
    ],
    ids=["no-genitive", "uz-accusative", "visit-locative", "adjective", "no-country",
         "body-and-home"],
)
def test_a_town_abroad_the_gazetteer_lacks_after_no_or_uz(nlp, text, expected) -> None:
    assert _towns_abroad(nlp, text) == expected


def _towns_abroad(nlp, text: str) -> list[tuple[str, str, str | None]]:
    """(text, norm, country) of the foreign places that are no country."""
    towns = [e for e in nlp(text).ents if e.label_ == "FOREIGN_PLACE"
             and e._.facts.get("kind") != "country"]
    return [(t.text, t._.norm, t._.facts.get("country")) for t in towns]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grupa viesojās Norvēģijā, Hamarā, kur apmeklēja krīzes centru.",
         [("Hamarā", "Hamara", "NO")]),
        ("Konferencē Odsherredā, Dānijā, piedalījās arī Rūjienas speciālisti.",
         [("Odsherredā", "Odsherreda", "DK")]),
        # a word in another case beside the country is no town
        ("Norvēģijā, Hamaras pašvaldības speciālisti strādā ar jauniešiem.", []),
        # Latvija is home, no country abroad
        ("Pasākums notika Latvijā, Rūjā.", []),
    ],
    ids=["country-first", "town-first", "not-locative", "home"],
)
def test_a_town_abroad_set_off_by_a_comma_beside_its_country(nlp, text, expected) -> None:
    assert _towns_abroad(nlp, text) == expected
