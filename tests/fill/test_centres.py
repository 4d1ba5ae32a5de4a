"""centres.csv rows: one per named social-service site of a release."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.document import Centre, Document

Run = Callable[..., Document]

OPENING = (
    "2023. gada 1. septembrī Krāslavā durvis vēra dienas aprūpes centrs “Saulīte”, kas sniegs "
    "pakalpojumus pieaugušajiem ar garīga rakstura traucējumiem, un to katru darba dienu "
    "apmeklēs 20–25 klienti dienā."
)


def centres(run_text: Run, text: str, doc_id: str = "centrs") -> list[Centre]:
    return run_text(text, doc_id).centres


def test_a_centre_opening(run_text: Run) -> None:
    [centre] = centres(run_text, OPENING, "kraslava-01")
    assert centre.name == "Saulīte"
    assert centre.centre_type == "day_care_centre"
    assert set(centre.target_groups) == {"mental_disorders", "adults"}
    assert centre.opened == "2023-09-01"
    assert centre.locality == "Krāslava"
    assert centre.municipality == "Krāslavas novads"
    assert centre.visitors_per_day == "20-25"
    assert centre.doc_ids == ["kraslava-01"]
    assert centre.centre_id.startswith("kraslava-01")


@pytest.mark.parametrize(
    ("text", "name", "centre_type", "groups"),
    [
        (
            "Tukumā atklāja grupu dzīvokļus „Liepas” jauniešiem ar garīga rakstura "
            "traucējumiem.",
            "Liepas",
            "group_flats",
            {"youth", "mental_disorders"},
        ),
        (
            "Krāslavas novadā atklāts dienas aprūpes centrs “Saulīte” bērniem ar funkcionāliem "
            "traucējumiem.",
            "Saulīte",
            "day_care_centre",
            {"children", "functional_impairments"},
        ),
        (
            "Ludzā darbu sāka dienas centrs “Rūķīši” senioriem.",
            "Rūķīši",
            "day_centre",
            {"seniors"},
        ),
    ],
)
def test_type_and_target_groups(
    run_text: Run, text: str, name: str, centre_type: str, groups: set[str]
) -> None:
    [centre] = centres(run_text, text)
    assert (centre.name, centre.centre_type) == (name, centre_type)
    assert set(centre.target_groups) == groups


def test_the_operator_is_the_org_right_before_the_centre(run_text: Run) -> None:
    text = "Pakalpojumu Ludzā sniedz biedrības “Cerību spārni” dienas centrs “Rūķīši”."
    [centre] = centres(run_text, text)
    assert centre.operator == 'biedrība "Cerību spārni"'


def test_a_centre_named_twice_is_one_row(run_text: Run) -> None:
    text = (
        "Ludzā atklāts dienas centrs “Rūķīši”. Dienas centrā “Rūķīši” bērni varēs pavadīt "
        "brīvo laiku."
    )
    [centre] = centres(run_text, text)
    assert centre.name == "Rūķīši"


def test_two_centres_are_two_rows(run_text: Run) -> None:
    text = (
        "Speciālisti apmeklēja dienas centru “Saulgrieži” Siguldā un grupu māju “Liepas” Cēsīs."
    )
    rows = centres(run_text, text, "divi")
    assert [(c.name, c.centre_type) for c in rows] == [
        ("Saulgrieži", "day_centre"),
        ("Liepas", "group_house"),
    ]
    assert len({c.centre_id for c in rows}) == 2


def test_a_type_phrase_without_a_name_is_no_centre(run_text: Run) -> None:
    text = "Dienas aprūpes centrs un grupu dzīvokļi Krāslavā darbosies arī turpmāk."
    assert centres(run_text, text) == []


def test_the_place_inside_the_centre_name(run_text: Run) -> None:
    text = "Jaunie grupu dzīvokļi ir Krāslavas novada dienas aprūpes centra “Saulīte” paspārnē."
    [centre] = centres(run_text, text)
    assert centre.municipality == "Krāslavas novads"


@pytest.mark.parametrize(
    ("text", "municipality", "locality"),
    [
        ("Viesi apmeklēja arī Siguldas dienas centru.", "Siguldas novads", "Sigulda"),
        ("Brauciens noslēdzās ar centra “Ādažu Ūdensroze” apmeklējumu.", "Ādažu novads", "Ādaži"),
    ],
)
def test_the_place_a_centre_name_opens_with(
    run_text: Run, text: str, municipality: str, locality: str
) -> None:
    [centre] = centres(run_text, text)
    assert (centre.municipality, centre.locality) == (municipality, locality)


def test_target_groups_are_read_after_the_centre_they_belong_to(run_text: Run) -> None:
    text = (
        "No rīta bērni apmeklēja dienas centru “Zīļuki”, un pēcpusdienā viesi devās uz Preiļiem, "
        "kur specializētā darbnīca “Rokraksts” strādā ar pieaugušajiem ar garīga rakstura "
        "traucējumiem."
    )
    by_name = {c.name: c for c in centres(run_text, text)}
    assert set(by_name["Rokraksts"].target_groups) == {"adults", "mental_disorders"}


@pytest.mark.parametrize(
    ("year", "municipality"), [(2019, "Jaunjelgavas novads"), (2023, "Aizkraukles novads")]
)
def test_a_towns_municipality_as_it_was_when_the_release_speaks(
    run_text: Run, year: int, municipality: str
) -> None:
    text = f"{year}. gada 2. oktobrī Jaunjelgavā atklāja dienas centru “Vīgante”."
    [centre] = centres(run_text, text)
    assert (centre.municipality, centre.locality) == (municipality, "Jaunjelgava")


def test_a_municipality_that_opens_an_organisations_name(run_text: Run) -> None:
    text = (
        "2015. gada 15. maijā Smiltenes novadā dalībnieki apmeklēja darbnīcas. Nākamajā rītā "
        "grupa aizbrauca uz Siguldas pašvaldību un tur iepazina sociālo uzņēmumu “Visi var”."
    )
    [centre] = centres(run_text, text)
    assert centre.municipality == "Siguldas novads"


def test_a_town_said_nearby_that_lies_in_the_organisations_municipality(run_text: Run) -> None:
    text = (
        "2023. gada 7. septembrī grupa ieradās Smiltenē. Smiltenes novada pašvaldības "
        "speciālisti izrādīja specializētās darbnīcas “Amatu sēta”."
    )
    [centre] = centres(run_text, text)
    assert (centre.municipality, centre.locality) == ("Smiltenes novads", "Smiltene")


def test_a_municipality_that_ended_in_2021_dates_an_undated_release(run_text: Run) -> None:
    """No year is given, but "Daugavpils novads" existed only until the 2021 reform: Kalupe
    then lay in it (today it is in Augšdaugavas novads)."""
    text = (
        "16. martā Kalupē tika atklāts Daugavpils novada krīzes centrs. Centrs ir "
        "vienīgais šāda veida pakalpojums Daugavpils novadā."
    )
    [centre] = centres(run_text, text)
    assert (centre.municipality, centre.locality) == ("Daugavpils novads", "Kalupe")


def test_a_centre_is_where_the_trip_last_was_in_its_paragraph(run_text: Run) -> None:
    """The town is said once, at the start of the day's paragraph; the centres come later."""
    text = (
        "2024. gada 12. martā grupa viesojās Tukumā, kur sociālā dienesta vadītāja pastāstīja "
        "par pakalpojumu attīstību. Sarunā tika pārrunāts arī atbalsts ģimenēm. Kolēģi "
        "dalījās ar savu pieredzi darbā ar jauniešiem. Vēlāk "
        "dalībnieki iepazina darbu sociālajā uzņēmumā “Zīļu darbnīca”.\n\n"
        "Dienas noslēgumā grupa apmeklēja dienas centru “Lapsiņa”."
    )
    by_name = {c.name: c for c in centres(run_text, text)}
    assert (by_name["Zīļu darbnīca"].municipality, by_name["Zīļu darbnīca"].locality) == (
        "Tukuma novads",
        "Tukums",
    )
    assert by_name["Lapsiņa"].municipality is None  # a new paragraph says nothing of where


def test_the_municipality_an_operators_name_opens_with(run_text: Run) -> None:
    text = (
        "2023. gada 5. maijā pēcpusdienā grupa smēlās pieredzi Kalnciemā. Vakarā viesojāmies "
        "pie biedrības “Liepājas pilsētas “Saules stars””, kas vada sociālo uzņēmumu “Stars”."
    )
    by_name = {c.name: c for c in centres(run_text, text)}
    assert (by_name["Stars"].municipality, by_name["Stars"].locality) == ("Liepāja", None)


def test_a_town_named_earlier_in_the_release_completes_a_municipality(run_text: Run) -> None:
    text = (
        "2024. gada 16. aprīlī vadītāji devās pieredzes apmaiņā uz Rīgu un Siguldu.\n\n"
        "Pirmajā dienā viesi apmeklēja Rīgas grupu dzīvokļus.\n\n"
        "Nākamajā rītā grupa aizbrauca uz Siguldas pašvaldību un tur iepazina sociālo uzņēmumu "
        "“Visi var”."
    )
    by_name = {c.name: c for c in centres(run_text, text)}
    assert set(by_name) == {"Rīgas grupu dzīvokļi", "Visi var"}  # a place and type words
    centre = by_name["Visi var"]
    assert (centre.municipality, centre.locality) == ("Siguldas novads", "Sigulda")


def test_whom_a_centre_serves_said_in_the_sentences_after_it(run_text: Run) -> None:
    text = (
        "2024. gada 4. martā Kalupē tika atklāts krīzes centrs “Pajumte”. Ēkā izveidoti "
        "četri dzīvokļi un kopīga virtuve.\n\n"
        "Centra pakalpojumi tiks sniegti personām un ģimenēm, kas nonākušas krīzes situācijā.\n\n"
        "Novadā darbojas arī dienas centrs “Zīle”. Pašvaldība plāno jaunas darba vietas bērniem."
    )
    by_name = {c.name: c for c in centres(run_text, text)}
    assert set(by_name["Pajumte"].target_groups) == {"families", "at_risk"}
    assert by_name["Zīle"].target_groups == []  # the last sentence does not point back


@pytest.mark.parametrize(
    ("name", "group"),
    [("Invalīdu dienas centru “Saime”", "disability"), ("Jaunatnes centru “Kvartāls”", "youth")],
)
def test_whom_a_centre_serves_said_in_its_name(run_text: Run, name: str, group: str) -> None:
    [centre] = centres(run_text, f"2023. gada maijā viesi apmeklēja {name} Tukumā.")
    assert group in centre.target_groups


@pytest.mark.parametrize(
    ("text", "operator"),
    [
        (
            "3. decembrī, uzsākot sadarbību ar biedrību “Cerības stars”, kas nodrošinās dienas "
            "centra “Pērle” pakalpojumus, Cēsu domes priekšsēdētājs nodeva centra atslēgas.",
            'biedrība "Cerības stars"',
        ),
        (
            "16. martā Kalupē tika atklāts krīzes centrs “Pajumte”. Centrs turpmāk būs "
            "Augšdaugavas novada Sociālā dienesta struktūrvienība.",
            "Augšdaugavas novada Sociālais dienests",
        ),
    ],
)
def test_the_operator_tied_to_the_centre_by_running_it(
    run_text: Run, text: str, operator: str
) -> None:
    [centre] = centres(run_text, text)
    assert centre.operator == operator


def test_the_opening_date_goes_to_the_centre_opened(run_text: Run) -> None:
    text = (
        "16. martā multifunkcionālā centra “Pīlādzis” telpās Bebrenē tika atklāts krīzes "
        "centrs “Pajumte”.\n\nSavukārt Vecumniekos izveidots dienas centrs “Sarkanā skola”. "
        "Centrs atvērts 2022. gada maijā."
    )
    by_name = {c.name: c for c in centres(run_text, text)}
    assert by_name["Pajumte"].opened == "--03-16"
    assert by_name["Pīlādzis"].opened is None
    assert by_name["Sarkanā skola"].opened == "2022-05"


def test_the_operator_named_after_a_verb_of_running_the_centre(run_text: Run) -> None:
    text = (
        "2024. gada 3. aprīlī Balvos atklāja dienas aprūpes centru “Vālodzīte”. Centrs strādās "
        "darba dienās. Pakalpojumu sniegs Balvu novada Sociālais dienests.\n\n"
        "Rugājos darbojas grupu māja “Ozoli”. To pārvalda biedrība “Mājas siltums”."
    )
    by_name = {c.name: c.operator for c in centres(run_text, text)}
    assert by_name == {"Vālodzīte": "Balvu novada Sociālais dienests",
                       "Ozoli": 'biedrība "Mājas siltums"'}


def test_the_operator_said_near_the_end_of_a_release_about_one_centre(run_text: Run) -> None:
    text = (
        "Līvānos pabeigta grupu mājas “Rasas pērle” būvniecība.\n\n"
        "Ēkā būs astoņas istabas, virtuve un kopīga dzīvojamā telpa. Iedzīvotāji varēs "
        "pārvietoties ratiņkrēslā.\n\n"
        "Kad ēka būs nodota ekspluatācijā, pakalpojumu tajā nodrošinās Līvānu novada "
        "Sociālais dienests."
    )
    [centre] = centres(run_text, text)
    assert centre.operator == "Līvānu novada Sociālais dienests"


def test_an_operator_after_another_centre_is_that_centres(run_text: Run) -> None:
    text = (
        "Līvānos pabeigta grupu mājas “Rasas pērle” būvniecība.\n\n"
        "Rudenī Jersikā durvis vērs arī dienas centrs “Saulstari”.\n\n"
        "Pakalpojumu tajā nodrošinās biedrība “Cerību tilts”."
    )
    by_name = {c.name: c.operator for c in centres(run_text, text)}
    assert by_name == {"Rasas pērle": None, "Saulstari": 'biedrība "Cerību tilts"'}


def test_a_parish_centre_lies_in_the_parish_not_its_village(run_text: Run) -> None:
    text = "2023. gada 5. maijā Rudzātu pagasta dienas centrā notika senioru pēcpusdiena."
    [centre] = centres(run_text, text)
    assert (centre.name, centre.locality, centre.municipality) == (
        "Rudzātu pagasta dienas centrs", "Rudzātu pagasts", "Līvānu novads")


@pytest.mark.parametrize(
    ("text", "name", "municipality"),
    [
        ("Preiļu speciālisti Lietuvā apmeklēja Rokišķu jauniešu centru un Biržu muzeju.",
         "Rokišķu jauniešu centrs", "Rokišķi"),
        ("Jaunieši no Tukuma 2022. gada 3. maijā apmeklēja Ļubļinas pilsētas jauniešu centru.",
         "Ļubļinas pilsētas jauniešu centrs", "Ļubļina"),
    ],
)
def test_a_centre_abroad_lies_in_the_town_its_name_opens_with(
    run_text: Run, text: str, name: str, municipality: str
) -> None:
    [centre] = [c for c in centres(run_text, text) if c.name == name]
    assert centre.municipality == municipality


def test_a_branch_listed_under_its_body_is_run_by_it(run_text: Run) -> None:
    text = (
        "Valsts sociālās aprūpes centrs „Vidzeme” aprūpē pieaugušos četrās vietās:\n"
        "• filiāle „Liepkalni” (Smiltenes novads)\n"
        "• filiāle „Rūja” (Valmieras novads)"
    )
    found = {c.name: c.operator for c in centres(run_text, text)}
    assert found == {
        "Liepkalni": 'valsts sociālās aprūpes centrs "Vidzeme"',
        "Rūja": 'valsts sociālās aprūpes centrs "Vidzeme"',
    }


def test_only_a_body_with_a_legal_form_near_a_centre_is_taken_as_its_operator(
    run_text: Run,
) -> None:
    text = (
        "2022. gada 4. maijā Auces kultūras namā svinīgi atklāja dienas centru „Ābele”. "
        "Pēc tam biedrība „Cerību pavediens” iepazīstināja ar savu dienas centru „Zīle”."
    )
    found = {c.name: c.operator for c in centres(run_text, text)}
    assert found == {"Ābele": None, "Zīle": 'biedrība "Cerību pavediens"'}


def test_a_centre_named_by_its_municipality_and_village_lies_in_the_village(
    run_text: Run,
) -> None:
    text = "2021. gada 3. jūnijā durvis vēra Ogres novada Ķeipenes grupu māja."
    [centre] = centres(run_text, text)
    assert (centre.municipality, centre.locality) == ("Ogres novads", "Ķeipene")


def test_an_operator_named_after_a_town_places_the_centre_in_that_town(run_text: Run) -> None:
    [centre] = run_text(
        "Kandavā durvis vērs specializētā darbnīca „Rokrokā”, ko uzturēs "
        "biedrība „Kandavas invalīdu biedrība”."
    ).centres
    assert (centre.municipality, centre.locality) == ("Tukuma novads", "Kandava")


@pytest.mark.parametrize(
    ("year", "municipality", "locality"),
    [("2015", "Valmiera", None), ("2023", "Valmieras novads", "Valmiera")],
)
def test_a_republic_city_is_its_own_municipality_and_no_locality(
    run_text: Run, year: str, municipality: str, locality: str | None
) -> None:
    [centre] = run_text(
        f"{year}. gada 2. jūnijā atklāja Valmieras dienas centru senioriem."
    ).centres
    assert (centre.municipality, centre.locality) == (municipality, locality)


def test_a_centre_said_in_its_own_sentence_to_be_a_bodys_unit_is_run_by_it(
    run_text: Run,
) -> None:
    [centre] = run_text(
        "Krīzes centrs „Mājvieta” ir Jelgavas novada Sociālā dienesta struktūrvienība."
    ).centres
    assert centre.operator == "Jelgavas novada Sociālais dienests"


def test_a_centre_lies_in_the_unlisted_town_a_body_beside_it_names(run_text: Run) -> None:
    [centre] = run_text(
        "2016. gada 14. septembrī grupa apmeklēja Kuopio pilsētas Sociālo pakalpojumu centra "
        "grupu māju „Kotirinne”."
    ).centres
    assert centre.municipality == "Kuopio"


def test_people_of_age_are_adults(run_text: Run) -> None:
    [centre] = run_text(
        "Lubānā atklāja dienas aprūpes centru „Ozolzīles”, kas paredzēts pilngadīgām personām "
        "ar garīga rakstura traucējumiem."
    ).centres
    assert centre.target_groups == ["mental_disorders", "adults"]
