"""visits.csv rows from press releases about experience-exchange visits."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.document import Document, Visit

Run = Callable[..., Document]

TWO_DAY = (
    "2022. gada 6. un 7. oktobrī 18 sociālie darbinieki no Balvu novada devās pieredzes "
    "apmaiņas braucienā uz Ludzas novadu. Brauciena laikā speciālisti apmeklēja dienas centru "
    "“Rūķīši” un grupu dzīvokļus Ludzā. Braucienu organizēja biedrība “Cerību spārni”."
)

TWO_VISITS = (
    "Ogres novada sociālā dienesta darbinieki 2023. gada 14. martā devās pieredzes apmaiņas "
    "braucienā uz Siguldas novadu, kur apmeklēja dienas centru “Saulgrieži”.\n\n"
    "Savukārt 2023. gada 20. aprīlī notika pieredzes apmaiņas brauciens uz Cēsu novadu, kur "
    "speciālisti iepazinās ar grupu māju “Liepas”."
)

FROM_LITHUANIA = (
    "2023. gada 11. maijā Preiļu novadā viesojās 15 sociālo pakalpojumu speciālisti no "
    "Rokišķu rajona Lietuvā. Viesi apmeklēja dienas aprūpes centru “Saulīte” un tikās ar "
    "pašvaldības speciālistiem."
)


def visits(run_text: Run, text: str, doc_id: str = "vizite") -> list[Visit]:
    return run_text(text, doc_id).visits


def test_one_two_day_visit(run_text: Run) -> None:
    [visit] = visits(run_text, TWO_DAY, "balvi-01")
    assert visit.doc_id == "balvi-01"
    assert visit.visit_id.startswith("balvi-01")
    assert (visit.date_start, visit.date_end) == ("2022-10-06", "2022-10-07")
    assert visit.participants_count == 18
    assert visit.origin_municipalities == ["Balvu novads"]
    assert visit.origin_countries == ["LV"]
    assert visit.destination_municipalities == ["Ludzas novads"]
    assert visit.destination_localities == ["Ludza"]
    assert visit.destination_countries == ["LV"]


def test_a_centre_visited_together_with_group_flats_is_a_site(run_text: Run) -> None:
    [visit] = visits(run_text, TWO_DAY)
    assert visit.sites_visited == ["Rūķīši"]


def test_a_visited_centre_is_a_site(run_text: Run) -> None:
    text = TWO_DAY.replace("un grupu dzīvokļus Ludzā", "un darbnīcas Ludzā")
    [visit] = visits(run_text, text)
    assert visit.sites_visited == ["Rūķīši"]


def test_a_day_range_with_a_dash_is_date_start_and_date_end(run_text: Run) -> None:
    text = (
        "Krāslavas novada speciālisti 2022. gada 6.–7. oktobrī devās pieredzes apmaiņas "
        "braucienā uz Ludzas novadu."
    )
    [visit] = visits(run_text, text)
    assert (visit.date_start, visit.date_end) == ("2022-10-06", "2022-10-07")
    assert visit.destination_municipalities == ["Ludzas novads"]


def test_a_one_day_visit_ends_the_day_it_starts(run_text: Run) -> None:
    text = "2024. gada 10. maijā biedrības “Cerību spārni” speciālisti viesojās Rēzeknē."
    [visit] = visits(run_text, text)
    assert visit.date_start == visit.date_end == "2024-05-10"
    assert visit.destination_municipalities == ["Rēzekne"]


def test_the_organiser_after_its_verb(run_text: Run) -> None:
    [visit] = visits(run_text, TWO_DAY)
    assert visit.organiser == 'biedrība "Cerību spārni"'


def test_participant_groups_name_who_travelled(run_text: Run) -> None:
    text = (
        "2023. gada 11. maijā Preiļu novadā viesojās nevalstisko organizāciju pārstāvji un "
        "sociālo pakalpojumu sniedzēji no Rokišķiem."
    )
    [visit] = visits(run_text, text)
    assert visit.participant_groups == [
        "nevalstisko organizāciju pārstāvji",
        "sociālo pakalpojumu sniedzēji",
    ]


def test_two_visits_on_different_dates_are_two_records(run_text: Run) -> None:
    first, second = visits(run_text, TWO_VISITS, "ogre-02")
    assert (first.date_start, first.date_end) == ("2023-03-14", "2023-03-14")
    assert (second.date_start, second.date_end) == ("2023-04-20", "2023-04-20")
    assert first.destination_municipalities == ["Siguldas novads"]
    assert second.destination_municipalities == ["Cēsu novads"]
    assert first.visit_id != second.visit_id
    assert {first.doc_id, second.doc_id} == {"ogre-02"}


def test_each_of_two_visits_lists_its_own_sites(run_text: Run) -> None:
    first, second = visits(run_text, TWO_VISITS)
    assert first.sites_visited == ["Saulgrieži"]
    assert second.sites_visited == ["Liepas"]


def test_an_incoming_visit_from_lithuania(run_text: Run) -> None:
    [visit] = visits(run_text, FROM_LITHUANIA)
    assert visit.date_start == visit.date_end == "2023-05-11"
    assert visit.participants_count == 15
    assert visit.origin_countries == ["LT"]
    assert visit.origin_municipalities == ["Rokišķu rajons"]
    assert visit.destination_municipalities == ["Preiļu novads"]
    assert visit.destination_countries == ["LV"]
    assert "Saulīte" in visit.sites_visited


def test_the_visitors_own_organisation_is_no_visited_site(run_text: Run) -> None:
    text = (
        "2023. gada 11. maijā Preiļu novadā viesojās delegācija no Lietuvas – 15 sociālo "
        "pakalpojumu speciālisti no Rokišķu rajona pašvaldības. Viesi apmeklēja dienas aprūpes "
        "centru “Saulīte”."
    )
    [visit] = visits(run_text, text)
    assert visit.origin_countries == ["LT"]
    assert visit.sites_visited == ["Saulīte"]


def test_hosting_colleagues_from_abroad(run_text: Run) -> None:
    text = "Biedrība “Cerību spārni” 2024. gada 10. maijā uzņēma kolēģus no Rokišķiem un Utenas."
    [visit] = visits(run_text, text)
    assert visit.date_start == "2024-05-10"
    assert visit.origin_countries == ["LT"]
    assert visit.origin_municipalities == ["Rokišķi", "Utena"]


@pytest.mark.parametrize(
    "text",
    [
        "2023. gada 5. jūnijā tiešsaistes sanāksmē tikās projekta partneri no Latvijas un "
        "Lietuvas.",
        "Krāslavā 2023. gada 1. septembrī atklāja dienas aprūpes centru “Saulīte”.",
        "Projekta “Kopā varam” kopējās izmaksas ir 705 573,37 EUR.",
        "Visā projekta gaitā notikuši pieredzes apmaiņas pasākumi un semināri centru "
        "darbiniekiem.",
        "Kopš atvēršanas 2021. gada rudenī centrā viesojušies vairāk nekā 1500 apmeklētāju.",
        "Ierastā pieredzes apmaiņas brauciena vietā Talsu un Tukuma sociālie dienesti "
        "2021. gada 3. martā tikās virtuāli.",
        "2019. gada 14. maijā Rūjienā atklāja dienas centru “Saulgozis”. Plānots, ka centru "
        "dienā apmeklēs 15–20 seniori.",
        "2022. gada 9. augustā centra apmeklētāji devās ekskursijā uz Rundāles pili.",
    ],
    ids=["online-meeting", "opening", "project", "project-activities", "centre-visitors",
         "virtual-instead", "daily-visitors", "clients-outing"],
)
def test_no_visit_without_a_trip(run_text: Run, text: str) -> None:
    assert visits(run_text, text) == []


def test_a_title_line_takes_the_date_of_the_account_below_it(run_text: Run) -> None:
    text = (
        "Talsu sociālie darbinieki pieredzes apmaiņā Kuldīgā\n\n"
        "Publicēts: 2024. gada 2. maijā\n\n"
        "Otrdien, 23. aprīlī, Talsu novada sociālie darbinieki apmeklēja Kuldīgas dienas centru."
    )
    [visit] = visits(run_text, text)
    assert (visit.date_start, visit.date_end) == ("2024-04-23", "2024-04-23")


def test_a_second_day_of_the_same_trip_is_no_new_visit(run_text: Run) -> None:
    text = (
        "2023. gada 5. un 6. oktobrī notika divu dienu pieredzes apmaiņa Valmierā un Cēsīs. "
        "Pirmajā dienā dalībnieki viesojās Valmierā.\n\n"
        "6. oktobrī, otrajā pieredzes apmaiņas dienā, dalībnieki devās uz Cēsīm."
    )
    [visit] = visits(run_text, text)
    assert (visit.date_start, visit.date_end) == ("2023-10-05", "2023-10-06")


def test_an_online_meeting_is_no_visit(run_text: Run) -> None:
    text = "2023. gada 9. jūnijā notika projekta partneru pieredzes apmaiņas tiešsaistes tikšanās."
    assert visits(run_text, text) == []


def test_a_head_count_written_in_words(run_text: Run) -> None:
    text = "2023. gada 25. aprīlī Jūrmalā viesojās deviņi sociālā darba speciālisti no Zviedrijas."
    [visit] = visits(run_text, text)
    assert visit.participants_count == 9


def test_a_trip_abroad_has_no_latvian_destination(run_text: Run) -> None:
    text = (
        "Tukuma novada sociālie darbinieki 2023. gada 3. oktobrī devās pieredzes apmaiņas "
        "braucienā uz Stokholmu, kur apmeklēja dienas centru “Fyren”. Tukumā līdzīgs "
        "pakalpojums vēl tikai top."
    )
    [visit] = visits(run_text, text)
    assert visit.destination_municipalities == ["Stokholma"]
    assert visit.destination_localities == []
    assert visit.destination_countries == ["SE"]


def test_every_filled_visit_cell_says_where_it_came_from(run_text: Run) -> None:
    document = run_text(TWO_DAY, "balvi-02")
    [visit] = document.visits
    quoted = {f: [document.text[a:b] for a, b in spans] for f, spans in visit.provenance.items()}
    assert quoted["date_start"] == ["2022. gada 6. un 7. oktobrī"]
    assert quoted["organiser"] == ["biedrība “Cerību spārni”"]
    assert "“Rūķīši”" in quoted["sites_visited"][0]
    assert set(quoted) >= {"participants_count", "destination_municipalities", "sites_visited"}


def test_the_travellers_organisation_names_their_city(run_text: Run) -> None:
    text = "2023. gada 12. oktobrī Ventspilī ieradās Klaipēdas Palīdzības centra speciālisti."
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Klaipēda"]
    assert visit.origin_countries == ["LT"]
    assert visit.destination_municipalities == ["Ventspils"]


def test_a_visited_town_names_its_municipality_as_it_was_then(run_text: Run) -> None:
    """Before the 2021 reform Jaunjelgava was the seat of Jaunjelgavas novads; after it, the
    town lies in Aizkraukles novads, which the text does not name."""
    text = (
        "{year}. gada 2. oktobrī Jēkabpils novada sociālie darbinieki devās pieredzes "
        "apmaiņas braucienā uz Jaunjelgavu, kur apmeklēja dienas centru “Vīgante”."
    )
    [before] = visits(run_text, text.format(year=2019))
    assert before.destination_localities == ["Jaunjelgava"]
    assert before.destination_municipalities == ["Jaunjelgavas novads"]
    [after] = visits(run_text, text.format(year=2023))
    assert after.destination_localities == ["Jaunjelgava"]
    assert after.destination_municipalities == []


def test_a_village_does_not_name_its_municipality(run_text: Run) -> None:
    text = (
        "2022. gada 6. decembrī Latgales sociālie darbinieki devās pieredzes apmaiņas "
        "braucienā uz Kalnciemu, kur apmeklēja centru “Laipa”."
    )
    [visit] = visits(run_text, text)
    assert visit.destination_localities == ["Kalnciems"]
    assert visit.destination_municipalities == []


def test_from_in_a_date_range_is_no_origin(run_text: Run) -> None:
    text = (
        "No 3. līdz 5.jūnijam Preiļos viesojās kolēģi – projekta partneri no "
        "Dānijas un Zviedrijas."
    )
    [visit] = visits(run_text, text)
    assert visit.destination_localities == ["Preiļi"]
    assert visit.origin_countries == ["DK", "SE"]
    assert visit.destination_countries == ["LV"]


def test_the_cue_nearest_the_place_decides_its_side(run_text: Run) -> None:
    text = (
        "2022. gada 19. maijā pieredzes apmaiņas dalībnieki no Daugavpils devās uz Naujenes "
        "pagastu, kur apmeklēja grupu māju “Priedes”."
    )
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Daugavpils"]
    assert visit.destination_localities == ["Naujenes pagasts"]


def test_a_list_goes_on_after_its_head_noun(run_text: Run) -> None:
    text = (
        "2019. gada 28. novembrī pieredzes apmaiņas braucienā uz Siguldu devās dalībnieki no "
        "Daugavpils, Rēzeknes un Jelgavas pilsētām un Balvu, Ludzas un Krāslavas novadiem."
    )
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == [
        "Daugavpils", "Rēzekne", "Jelgava", "Balvu novads", "Ludzas novads", "Krāslavas novads"
    ]
    assert visit.destination_municipalities == ["Siguldas novads"]


def test_places_in_direct_speech_are_no_destination(run_text: Run) -> None:
    text = (
        "2019. gada 23. aprīlī Vecumnieku novada sociālie darbinieki devās pieredzes "
        "apmaiņas braucienā uz Cēsīm. „Vecumniekos mēs šobrīd plānojam grupu dzīvokļus,” "
        "pēc brauciena sacīja dienesta vadītāja."
    )
    [visit] = visits(run_text, text)
    assert visit.destination_localities == ["Cēsis"]
    assert visit.destination_municipalities == ["Cēsu novads"]


def test_years_after_a_number_are_no_head_count(run_text: Run) -> None:
    text = (
        "2019. gada 30. oktobrī pieredzes apmaiņas dalībnieki apmeklēja grupu dzīvokļus "
        "Dobelē. Šis pakalpojums izveidots pirms 10 gadiem un speciālisti ir uzkrājuši pieredzi."
    )
    [visit] = visits(run_text, text)
    assert visit.participants_count is None


def test_a_trip_naming_no_place_went_where_its_site_is(run_text: Run) -> None:
    text = (
        "Tāpat kā pērn, arī šoruden braucām pieredzes apmaiņā uz sociālās aprūpes centru. "
        "Šoreiz – uz Rīgas SAC “Mežciems”, kur apskatījām telpas."
    )
    [visit] = visits(run_text, text)
    assert visit.destination_municipalities == ["Rīga"]
    assert visit.destination_countries == ["LV"]


def test_an_exchange_visits_a_partner_that_also_travels(run_text: Run) -> None:
    text = (
        "2019. gada 30. un 31. oktobrī pieredzes apmaiņā piedalās Jaunjelgavas, Auces un "
        "Dobeles novada pašvaldību speciālisti. Otrajā dienā dalībnieki apmeklē Auces novadu."
    )
    [visit] = visits(run_text, text)
    assert "Auces novads" in visit.origin_municipalities
    assert visit.destination_municipalities == ["Auces novads"]


def test_a_place_in_a_purpose_clause_is_no_destination(run_text: Run) -> None:
    """The parse puts "Jelgavas novadā" in a "lai" clause: plans at home, not the trip."""
    text = (
        "2017. gada 8. februārī Jelgavas novada sociālā dienesta darbinieki devās pieredzes "
        "apmaiņas braucienā uz Rīgu. Apskatījām grupu dzīvokļus, lai nākotnē varētu veidot "
        "līdzīgus pakalpojumus arī Jelgavas novadā."
    )
    [visit] = visits(run_text, text)
    assert visit.destination_municipalities == ["Rīga"]


def test_sentence_words_carry_the_parse(run_text: Run) -> None:
    from pipeline.fill.context import sentences

    document = run_text("Dalībnieki no Daugavpils devās uz Rīgu.")
    [sent] = sentences(document)
    [daugavpils] = [m for m in sent.mentions if m.norm == "Daugavpils"]
    word = sent.head_word(daugavpils)
    assert word is not None and word.text == "Daugavpils"
    assert [c.text for c in sent.children(word) if c.dep_ == "case"] == ["no"]


def test_a_dashed_list_before_the_travellers_is_their_origin(run_text: Run) -> None:
    text = (
        "2019. gada 14. maijā trīs novadu – Amatas, Priekuļu un Raunas – vadītāji un sociālo\n"
        "dienestu darbinieki pieredzes braucienā iepazinās ar Jūrmalas pilsētas sociālo dienestu."
    )
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Amatas novads", "Priekuļu novads", "Raunas novads"]
    assert visit.destination_municipalities == ["Jūrmala"]


def test_organisations_whose_people_travelled_name_the_origin(run_text: Run) -> None:
    """The parse ties "Jelgavas novada pašvaldības sociālā dienesta" to "darbinieki" across
    a second organisation; its first words name a county, not the city of Jelgava."""
    text = (
        "2017. gada 8. februārī Jelgavas novada pašvaldības sociālā dienesta un Rehabilitācijas "
        "centra darbinieki piedalījās pieredzes apmaiņas braucienā uz Rīgu."
    )
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Jelgavas novads"]
    assert visit.destination_municipalities == ["Rīga"]


@pytest.mark.parametrize(
    ("account", "origin"),
    [
        ("2024. gada 9. oktobrī mūs laipni uzņēma kolēģi Valmierā.", ["Ludzas novads"]),
        ("2024. gada 9. oktobrī viesojāmies pie kolēģiem Valmierā.", ["Ludzas novads"]),
        ("2024. gada 9. oktobrī Valmierā viesojās sociālie darbinieki.", []),
    ],
)
def test_a_trip_told_as_we_set_out_from_where_its_author_works(
    run_text: Run, account: str, origin: list[str]
) -> None:
    text = (
        f"{account} Pieredzes apmaiņas brauciens deva daudz jaunu ideju.\n\n"
        "Informāciju sagatavoja\nLudzas novada Sociālā dienesta\nvadītāja Inese Kalniņa"
    )
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == origin


def test_guests_from_countries_come_from_the_towns_named_there(run_text: Run) -> None:
    text = (
        "No 2. līdz 4. oktobrim Preiļos viesojās projekta partneri no Norvēģijas un Somijas. "
        "Projektā piedalās trīs pašvaldības – Preiļu, Hamaras (Norvēģija) un Kemi "
        "(Somija)."
    )
    [visit] = visits(run_text, text)
    assert sorted(visit.origin_countries) == ["FI", "NO"]
    assert visit.origin_municipalities == ["Hamara", "Kemi"]


def test_the_travellers_foreign_city_names_their_origin(run_text: Run) -> None:
    text = (
        "2019. gada 22. maijā Valkas novada Sociālais dienests uzņēma kolēģus no Tartu "
        "pilsētas Sociālās palīdzības departamenta speciālistus."
    )
    [visit] = visits(run_text, text)
    assert "Tartu" in visit.origin_municipalities


def test_one_person_of_an_organisation_is_a_host_not_the_travellers(run_text: Run) -> None:
    text = (
        "2017. gada 8. februārī Ogres novada speciālisti devās pieredzes apmaiņas braucienā uz "
        "Rīgu. Biedrības “Saules stars” vadītājs Jānis Ozols iepazīstināja dalībniekus ar "
        "darbnīcu “Skaida”."
    )
    [visit] = visits(run_text, text)
    assert 'biedrība "Saules stars"' in visit.sites_visited


def test_an_organisation_and_a_genitive_sharing_the_travellers_noun(run_text: Run) -> None:
    text = (
        "2024. gada 23. aprīlī Tukuma novada Sociālā dienesta un pagastu sociālie darbinieki "
        "devās pieredzes apmaiņas braucienā uz Cēsīm."
    )
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Tukuma novads"]
    assert "Tukuma novada Sociālais dienests" not in visit.sites_visited


def test_the_host_whose_premises_the_meeting_was_in_is_a_site(run_text: Run) -> None:
    text = (
        "2023. gada 27. jūnijā Dobeles novada biedrības devās pieredzes apmaiņas braucienā uz "
        "Tukumu. Tikšanās Tukumā notika biedrības “Līdzvērtība” telpās."
    )
    [visit] = visits(run_text, text)
    assert visit.sites_visited == ['biedrība "Līdzvērtība"']


def test_the_visits_project_is_the_releases_one_project_as_the_table_names_it(
    run_text: Run,
) -> None:
    text = (
        "2017. gada 8. februārī Ozolnieku novada speciālisti devās pieredzes apmaiņas braucienā "
        "uz Rīgu projekta “Daudzveidība vieno – kopā Eiropai!” ietvaros."
    )
    document = run_text(text)
    [project], [visit] = document.projects, document.visits
    assert visit.project == project.name == "Daudzveidība vieno – kopā Eiropai!"


def test_the_travellers_own_region_is_no_destination(run_text: Run) -> None:
    text = (
        "2022. gada 6. decembrī Latgales reģiona sociālie darbinieki devās pieredzes apmaiņas "
        "braucienā uz Zemgales reģionu. Pieredze noderēs pakalpojumu attīstībai Latgales reģionā."
    )
    [visit] = visits(run_text, text)
    assert visit.origin_region == ["Latgales plānošanas reģions"]
    assert visit.destination_region == ["Zemgales plānošanas reģions"]


@pytest.mark.parametrize(
    "text",
    [
        "2024. gada 12. martā Bauskas sociālā dienesta darbinieki pabija Jelgavā un "
        "iepazina dienas centru “Rasa”.",
        "2024. gada 12. martā mūsu dienas centrā ciemojās kolēģi no Ogres.",
        "2024. gada 12. martā notiks atbildes vizīte uz Rokišķiem.",
    ],
)
def test_other_words_for_an_in_person_visit(run_text: Run, text: str) -> None:
    [visit] = visits(run_text, text)
    assert visit.date_start == "2024-03-12"


def test_the_headline_says_where_the_travellers_are_from(run_text: Run) -> None:
    text = (
        "Dobeles novada sociālie darbinieki iepazīst kaimiņu pieredzi\n\n"
        "2022. gada 14. aprīlī viesi viesojās Jelgavas dienas centrā “Rasa” un "
        "uzklausīja tā vadītāju."
    )
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Dobeles novads"]
    assert "Dobeles novads" not in visit.destination_municipalities


def test_an_origin_in_the_host_country_is_where_the_trip_went(run_text: Run) -> None:
    text = ("2023. gada 3. maijā Kuldīgas novadā pieredzes apmaiņā viesojās sociālie darbinieki "
            "no Upsalas (Zviedrija) un Kuldīgas novada kolēģi viņiem parādīja grupu dzīvokļus.")
    [visit] = visits(run_text, text)
    assert (visit.origin_municipalities, visit.origin_countries) == (["Upsala"], ["SE"])
    assert visit.destination_municipalities == ["Kuldīgas novads"]


def test_a_joint_group_from_both_sides_of_a_border_keeps_its_places(run_text: Run) -> None:
    text = ("2023. gada 5. maijā Jēkabpilī notika pieredzes apmaiņas vizīte, kurā piedalījās "
            "sociālie darbinieki no Aizkraukles novada, Madonas novada un Rokišķiem (Lietuva).")
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Aizkraukles novads", "Madonas novads", "Rokišķi"]
    assert visit.origin_countries == ["LV", "LT"]


def test_each_dated_item_of_a_list_after_a_visit_is_a_visit(run_text: Run) -> None:
    text = (
        "Šogad Cēsu dienas centrā „Lapas” viesojās trīs grupas:\n"
        "• 2024. gada 6. februārī – astoņi Valmieras novada sociālie darbinieki;\n"
        "• 12. martā – pieci speciālisti no Tartu;\n"
        "• 17. aprīlī – desmit Madonas novada aprūpētāji.\n"
        "Centra vadītāja priecājas par interesi."
    )
    found = run_text(text, "cesis-list").visits
    assert [v.date_start for v in found] == ["2024-02-06", "2024-03-12", "2024-04-17"]


def test_travellers_from_a_centre_come_from_the_place_it_names(run_text: Run) -> None:
    text = ("2023. gada 14. martā 15 jaunieši no Ludzas novada jauniešu centra „Ceļš” devās "
            "pieredzes apmaiņas braucienā uz Balvu novadu.")
    [visit] = run_text(text, "ludza-trip").visits
    assert (visit.origin_municipalities, visit.destination_municipalities) == (
        ["Ludzas novads"], ["Balvu novads"])


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("2024. gada 9. aprīlī tukumnieki devās pieredzes apmaiņas braucienā uz Talsu novadu.",
         ["Tukuma novads"]),
        # the hosts' town is where the trip went, not where it came from
        ("2024. gada 9. aprīlī Talsos viesojās kolēģi; viesus uzņēma talsinieki.", []),
    ],
    ids=["travellers", "hosts"],
)
def test_a_towns_people_who_travel_come_from_it(run_text: Run, text: str, origin) -> None:
    [visit] = run_text(text, "demonym").visits
    assert visit.origin_municipalities == origin


def test_a_trip_told_without_a_date_took_place_on_the_one_day_the_release_names(
    run_text: Run,
) -> None:
    text = ("Cēsu novada pašvaldība aicina uz semināru par grupu dzīvokļiem.\n\n"
            "12. martā Cēsīs tika parakstīts memorands ar Tartu partneriem. Pēc tam Tartu "
            "speciālisti viesojās Cēsu grupu dzīvokļos un iepazina to ikdienu.")
    [visit] = run_text(text, "one-day").visits
    assert (visit.date_start, visit.date_end) == ("--03-12", "--03-12")


def test_a_trip_without_a_date_in_a_release_of_several_days_stays_undated(run_text: Run) -> None:
    text = ("12. martā abas puses parakstīja līgumu, bet 20. aprīlī to apstiprināja dome. "
            "Vēlāk kolēģi no Klaipēdas viesojās Ventspilī.")
    [visit] = run_text(text, "two-days").visits
    assert visit.date_start is None


def test_a_dated_trip_the_sentence_before_tells_of_is_the_trip_that_follows(
    run_text: Run,
) -> None:
    text = (
        "Trešdien, 2023. gada 8. novembrī, Tukuma novada senioru kluba dalībnieki devās uz "
        "Kandavu. Tā bija pirmā no trim pieredzes apmaiņām šogad. Klubā ik nedēļu nāk "
        "30 seniori, bet vasarā vēl vairāk."
    )
    [visit] = visits(run_text, text)
    assert visit.date_start == "2023-11-08"
    assert visit.origin_municipalities == ["Tukuma novads"]


def test_a_trip_that_names_no_origin_set_out_from_the_releases_home(run_text: Run) -> None:
    text = (
        "Smiltenē atklāts grupu dzīvoklis\n\n"
        "2024. gada 2. septembrī Smiltenē durvis vēra grupu dzīvoklis jauniešiem ar garīga "
        "rakstura traucējumiem. Dzīvokli vadīs Smiltenes novada Sociālais dienests. "
        "Gatavojoties darbam, šā gada maijā topošie darbinieki pavadīja divas dienas "
        "pieredzes apmaiņā Alūksnē."
    )
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Smiltenes novads"]
    assert visit.destination_localities == ["Alūksne"]


def test_the_releases_home_is_no_origin_of_a_trip_to_it(run_text: Run) -> None:
    text = (
        "Smiltenē viesojās kolēģi\n\n"
        "2024. gada 2. septembrī Smiltenes novada Sociālais dienests uzņēma pieredzes "
        "apmaiņas vizītē kolēģus, kuri apmeklēja grupu dzīvokli Smiltenē."
    )
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == []


def test_no_place_of_a_sentence_that_tells_of_no_trip_is_an_origin(run_text: Run) -> None:
    text = (
        "2022. gada 5. oktobrī Kuldīgas dienas centrā viesojās kolēģi no Jelgavas. "
        "Nākotnē abas puses vēlas izveidot kopīgu nometni, kurā piedalītos bērni no "
        "Ventspils un Talsiem."
    )
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Jelgava"]


def test_an_undated_first_trip_takes_the_days_an_earlier_sentence_names(run_text: Run) -> None:
    text = (
        "Rēzeknes sociālie darbinieki mācās Tartu\n\n"
        "No 2024. gada 10. līdz 12. aprīlim Rēzeknes valstspilsētas Sociālā dienesta "
        "darbinieki iepazinās ar Tartu pilsētas aprūpes mājās modeli. Otrajā dienā grupa "
        "viesojās dienas centrā „Kask”.\n\nRēzekne, 2024. gada 20. aprīlis"
    )
    [visit] = visits(run_text, text)
    assert (visit.date_start, visit.date_end) == ("2024-04-10", "2024-04-12")


def test_receiving_specialists_and_a_planned_visit_are_trips(run_text: Run) -> None:
    text = (
        "2024. gada 6. februārī Cēsu novada Sociālais dienests uzņēma septiņus Valmieras "
        "novada Sociālā dienesta speciālistus. Martā grupu dzīvokli „Pakāpieni” plānojuši "
        "apmeklēt arī Smiltenes novada kolēģi."
    )
    found = visits(run_text, text)
    assert [v.date_start for v in found] == ["2024-02-06", "2024-03"]
    assert found[0].origin_municipalities == ["Valmieras novads"]


def test_the_body_that_receives_the_guests_is_their_host_not_a_site(run_text: Run) -> None:
    text = (
        "Tukuma novada Sociālais dienests 2023. gada 12. oktobrī uzņēma delegāciju no Talsiem. "
        "Viesi apmeklēja grupu māju „Ozoli” un dienas centru „Rasa”, kur skolēni bija "
        "sagatavojuši koncertu."
    )
    [visit] = visits(run_text, text)
    assert visit.sites_visited == ["Ozoli", "Rasa"]


def test_the_towns_and_parishes_of_the_visited_centres_are_places_the_trip_went(
    run_text: Run,
) -> None:
    text = (
        "2023. gada 5. maijā Tukuma novada speciālisti viesojās Preiļu novadā, kur apmeklēja "
        "Aglonas pagasta dienas centru un Riebiņu jauniešu centru."
    )
    [visit] = visits(run_text, text)
    assert visit.destination_municipalities == ["Preiļu novads"]
    assert visit.destination_localities == ["Aglonas pagasts", "Riebiņi"]


def test_the_body_that_receives_the_guests_organised_the_visit(run_text: Run) -> None:
    text = (
        "Tukuma novada Sociālais dienests 2023. gada 12. oktobrī uzņēma delegāciju no Talsiem. "
        "Viesi apmeklēja grupu māju „Ozoli”."
    )
    [visit] = visits(run_text, text)
    assert visit.organiser == "Tukuma novada Sociālais dienests"


def test_a_district_abroad_named_after_a_town_of_the_trip_stands_for_the_town(
    run_text: Run,
) -> None:
    text = (
        "2023. gada 4. maijā Jelgavas speciālisti viesojās Šauļu rajonā un apmeklēja "
        "pansionātu Šauļos."
    )
    [visit] = visits(run_text, text)
    assert visit.destination_municipalities == ["Šauļi"]


def test_the_speaker_of_a_quote_names_no_site(run_text: Run) -> None:
    text = (
        "2023. gada 12. oktobrī Talsu speciālisti viesojās Kuldīgā un apmeklēja grupu māju "
        "„Ozoli”. „Mums tas bija ļoti noderīgi,” stāsta dienas centra „Rasa” vadītāja."
    )
    [visit] = visits(run_text, text)
    assert visit.sites_visited == ["Ozoli"]


def test_a_town_the_travellers_left_names_its_municipality(run_text: Run) -> None:
    visit = run_text(
        "2026. gada 3. martā sociālā dienesta darbinieki no Tukuma devās pieredzes apmaiņas "
        "braucienā uz Valmieru."
    ).visits[0]
    assert visit.origin_municipalities == ["Tukuma novads"]
    assert (visit.destination_municipalities, visit.destination_localities) == (
        ["Valmieras novads"], ["Valmiera"])



def test_people_of_a_place_after_a_distant_destination_cue_are_the_travellers(
    run_text: Run,
) -> None:
    visit = run_text(
        "2023. gada 8. jūnijā pieredzes apmaiņas braucienā uz Valku devās Smiltenes novada "
        "dienas centru vadītāji."
    ).visits[0]
    assert visit.origin_municipalities == ["Smiltenes novads"]
    assert visit.destination_municipalities == ["Valkas novads"]


def test_an_organisation_in_the_locative_names_no_travellers(run_text: Run) -> None:
    visit = run_text(
        "2024. gada 20. martā Bauskas novada Sociālajā dienestā viesojās kolēģi no Jelgavas "
        "novada."
    ).visits[0]
    assert visit.origin_municipalities == ["Jelgavas novads"]
    assert visit.destination_municipalities == ["Bauskas novads"]


def test_a_host_names_where_a_trip_went_when_no_place_does(run_text: Run) -> None:
    visit = run_text(
        "2022. gada 5. jūlijā Dobeles novada Sociālais dienests uzņēma Saldus novada sociālā "
        "dienesta darbiniekus."
    ).visits[0]
    assert visit.destination_municipalities == ["Dobeles novads"]
    assert visit.origin_municipalities == ["Saldus novads"]


def test_a_body_that_received_guests_is_no_traveller(run_text: Run) -> None:
    visit = run_text(
        "2023. gada 14. novembrī Jelgavas valstspilsētas pašvaldības iestāde „Jelgavas sociālo "
        "lietu pārvalde” uzņēma delegāciju no Šauļiem, Lietuvā."
    ).visits[0]
    assert visit.origin_municipalities == ["Šauļi"]
    assert visit.destination_municipalities == ["Jelgava"]


def test_a_dated_trip_made_to_learn_is_a_visit(run_text: Run) -> None:
    [visit] = run_text(
        "2025. gada 3. martā Cēsu novada jaunatnes darbinieki devās uz Valmieru, lai "
        "iepazītos ar Valmieras jauniešu centra „Vinda” darbu."
    ).visits
    assert (visit.date_start, visit.origin_municipalities) == ("2025-03-03", ["Cēsu novads"])
    assert visit.destination_municipalities == ["Valmieras novads"]


def test_a_dated_trip_without_purpose_or_announcement_is_none(run_text: Run) -> None:
    assert run_text("2025. gada 3. martā darbinieki devās uz Valmieru.").visits == []


def test_trips_a_release_announces_are_found_by_their_weaker_words(run_text: Run) -> None:
    trips = visits(
        run_text,
        "Projekta ietvaros notika divi pieredzes apmaiņas braucieni. 2024. gada 10. aprīlī "
        "Talsu novada speciālisti apmeklēja Kuldīgas novada dienas centru „Rasa”. Savukārt "
        "2024. gada 22. maijā viņi devās uz Ventspili, kur iepazinās ar grupu māju „Zvaigzne”.",
    )
    assert [(v.date_start, v.sites_visited) for v in trips] == [
        ("2024-04-10", ["Rasa"]), ("2024-05-22", ["Zvaigzne"])]
    # "viņi": the second trip's travellers are the first one's
    assert [v.origin_municipalities for v in trips] == [["Talsu novads"], ["Talsu novads"]]


def test_two_dated_trips_in_the_clauses_of_one_sentence_are_two_visits(run_text: Run) -> None:
    trips = visits(
        run_text,
        "Biedrība „Mēs esam” 2019. gadā uzņēma pieredzes apmaiņā kolēģus no Lietuvas, bet "
        "2020. gadā paši devās pieredzes braucienā uz Somiju.",
    )
    assert [(v.date_start, v.origin_countries, v.destination_countries) for v in trips] == [
        ("2019", ["LT"], []), ("2020", [], ["FI"])]


def test_a_clause_without_its_own_date_stays_in_its_sentence(run_text: Run) -> None:
    [visit] = run_text(
        "2021. gada 4. maijā speciālisti pieredzes apmaiņas braucienā apmeklēja Rīgas dienas "
        "centru, bet pēc tam devās uz Jūrmalu."
    ).visits
    assert visit.date_start == "2021-05-04"


@pytest.mark.parametrize(
    "text",
    [
        "2023. gada 6. oktobrī Aizkraukles novada sociālā dienesta vadītāja un četri sociālie "
        "darbinieki pieredzes apmaiņā apmeklēja krīzes centru „Pajumte” Jēkabpilī.",
        "2022. gada 15. septembrī Aizkraukles novada senioru biedrības „Rudzupuķe” 20 biedri "
        "devās pieredzes apmaiņas braucienā uz Jēkabpili.",
    ],
    ids=["a-head-and-her-staff", "members"],
)
def test_a_bodys_group_of_people_names_the_travellers(run_text: Run, text: str) -> None:
    visit = run_text(text).visits[0]
    assert visit.origin_municipalities == ["Aizkraukles novads"]
    assert not [s for s in visit.sites_visited if s.startswith("Aizkraukles")]


def test_guests_at_a_body_in_the_locative_were_in_its_municipality(run_text: Run) -> None:
    visit = run_text(
        "2024. gada 27. augustā pieredzes apmaiņas vizītē pie mums, Ogres novada Sociālajā "
        "dienestā, bija ieradušies kolēģi no Jēkabpils novada."
    ).visits[0]
    assert visit.destination_municipalities == ["Ogres novads"]
    assert visit.origin_municipalities == ["Jēkabpils novads"]


def test_a_trip_abroad_went_to_the_towns_its_hosts_and_sites_name(run_text: Run) -> None:
    visit = run_text(
        "No 2025. gada 22. līdz 24. septembrim Balvu novada speciālisti pieredzes apmaiņas "
        "braucienā viesojās Veru pilsētā Igaunijā. Otrajā dienā viņus uzņēma Tartu pilsētas "
        "Sociālās palīdzības departaments."
    ).visits[0]
    assert visit.destination_municipalities == ["Veru", "Tartu"]
    assert visit.destination_countries == ["EE"]


def test_a_trip_to_a_town_of_another_name_takes_its_hosts_municipality(run_text: Run) -> None:
    visit = run_text(
        "2025. gada 8. oktobrī Ludzas novada Sociālais dienests uzņēma speciālistus no "
        "Zarasiem. Viesi apmeklēja dienas centru „Pīlādzītis” Kārsavā."
    ).visits[0]
    # Kārsava names no municipality of its own; the host's name says Ludzas novads
    assert visit.destination_localities == ["Kārsava"]
    assert visit.destination_municipalities == ["Ludzas novads"]


def test_a_host_with_a_long_date_before_its_verb_is_no_site(run_text: Run) -> None:
    visit = run_text(
        "Ludzas novada Sociālais dienests 2025. gada 8. un 9. oktobrī uzņēma speciālistus no "
        "Zarasiem. Viesi apmeklēja dienas centru „Pīlādzītis”."
    ).visits[0]
    assert visit.sites_visited == ["Pīlādzītis"]
    assert visit.organiser == "Ludzas novada Sociālais dienests"


RETURN_VISIT = (
    "2024. gada 9. oktobrī 12 Smiltenes novada sociālie darbinieki devās pieredzes apmaiņas "
    "braucienā uz Valku. Viesi apmeklēja dienas centru “Ozoliņi”, ko uztur Valkas novada "
    "pašvaldība un kur 20 cilvēki ar invaliditāti pavada dienu.\n\n"
    "Novembrī notiks atbildes vizīte uz Smilteni."
)


def test_a_return_visit_sets_out_from_where_the_first_went(run_text: Run) -> None:
    first, back = visits(run_text, RETURN_VISIT)
    assert first.destination_municipalities == ["Valkas novads"]
    assert back.date_start == "2024-11"
    assert back.origin_municipalities == ["Valkas novads"]
    assert back.destination_municipalities == ["Smiltenes novads"]


def test_the_body_running_a_visited_centre_is_no_traveller(run_text: Run) -> None:
    """"ko uztur X un kur 20 cilvēki": the people counted are the centre's, not X's."""
    first, _ = visits(run_text, RETURN_VISIT)
    assert first.origin_municipalities == ["Smiltenes novads"]


GUESTS_FROM_A_CENTRE = (
    "Jaunpils dienas centrs uzņem kaimiņus\n\n"
    "2023. gada 4. maijā dienas centru “Avotiņi” apmeklēja darbinieki no Tukuma sociālās "
    "aprūpes centra. Viesi iepazinās ar radošajām darbnīcām un kopā ar klientiem cepa maizi.\n\n"
    "Foto: Tukuma sociālās aprūpes centrs"
)


def test_a_dated_visit_of_workers_from_elsewhere_is_a_trip(run_text: Run) -> None:
    """No strong trigger: a visit verb, a date and people "no" somewhere make it a trip."""
    [visit] = visits(run_text, GUESTS_FROM_A_CENTRE)
    assert visit.date_start == "2023-05-04"
    assert visit.sites_visited == ["Avotiņi"]


def test_neither_the_centre_guests_came_from_nor_a_photo_credit_is_a_site(run_text: Run) -> None:
    [visit] = visits(run_text, GUESTS_FROM_A_CENTRE)
    assert "Tukuma sociālās aprūpes centrs" not in visit.sites_visited
    assert visit.origin_municipalities == ["Tukuma novads"]


PLANNED_TRIPS = (
    "2021. gada 15. septembrī 14 Ludzas novada sociālie darbinieki devās pieredzes apmaiņas "
    "braucienā uz Rēzekni, kur apmeklēja grupu māju “Rasas”. Nākamie braucieni paredzēti "
    "oktobrī uz Balviem un novembrī uz Viļaku.\n\n"
    "Projekta laikā notiks vēl divas pieredzes apmaiņas vizītes: decembrī uz Daugavpili "
    "dosies Ludzas un Zilupes sociālie darbinieki, bet janvārī seminārs plānots Ludzā.\n\n"
    "Nākamā gada pavasarī uz Tartu plāno doties seši darbinieki."
)


def test_each_planned_trip_is_a_visit_of_its_own(run_text: Run) -> None:
    trips = {v.date_start: v for v in visits(run_text, PLANNED_TRIPS)}
    assert {"2021-09-15", "2021-10", "2021-11", "2021-12"} <= set(trips)
    assert trips["2021-09-15"].destination_municipalities == ["Rēzekne"]
    assert trips["2021-10"].destination_municipalities == ["Balvu novads"]
    assert trips["2021-11"].destination_localities == ["Viļaka"]
    assert "Daugavpils" in trips["2021-12"].destination_municipalities
    assert any(d.startswith("2022-03") for d in trips)  # "Nākamā gada pavasarī … plāno doties"


def test_later_trips_in_one_sentence_keep_the_travellers_origin(run_text: Run) -> None:
    trips = {v.date_start: v for v in visits(run_text, PLANNED_TRIPS)}
    assert trips["2021-10"].origin_municipalities == ["Ludzas novads"]
    assert trips["2021-11"].origin_municipalities == ["Ludzas novads"]


HOSTED_NEIGHBOURS = (
    "2022. gada 9. martā pieredzes apmaiņā grupu māju Rēzeknē apskatīja Ludzas un Zilupes "
    "novada sociālo dienestu speciālisti. Viesi atzina, ka Ludzā un Zilupē šāds pakalpojums "
    "vēl tikai top."
)


def test_people_of_a_place_right_after_a_visit_verb_are_the_travellers(run_text: Run) -> None:
    """"apskatīja Ludzas … speciālisti": the Ludza specialists looked, they did not go there;
    their home named later ("Ludzā šāds pakalpojums top") is no destination either."""
    [visit] = visits(run_text, HOSTED_NEIGHBOURS)
    assert visit.origin_municipalities == ["Ludzas novads", "Zilupes novads"]
    assert visit.destination_municipalities == ["Rēzekne"]


def test_people_as_the_object_of_a_visit_verb_are_where_the_trip_went(run_text: Run) -> None:
    text = ("2022. gada 9. martā Ogres novada sociālie darbinieki devās pieredzes apmaiņas "
            "braucienā, lai apskatītu Rīgas plānošanas reģiona labākos pakalpojumu sniedzējus.")
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Ogres novads"]
    assert "Rīgas plānošanas reģions" not in visit.origin_region


def test_the_body_that_runs_a_visited_centre_is_no_site(run_text: Run) -> None:
    text = ("2024. gada 5. aprīlī Limbažu novada sociālie darbinieki pieredzes apmaiņā "
            "apmeklēja biedrības “Roku rokā” dienas centru “Jūrmalnieki” Salacgrīvā un "
            "grupu māju “Ozoli”, kuru vada Limbažu novada Sociālais dienests.")
    [visit] = visits(run_text, text)
    assert visit.sites_visited == ["Jūrmalnieki", "Ozoli"]


def test_the_organisation_of_one_host_person_is_no_site(run_text: Run) -> None:
    text = ("2024. gada 5. aprīlī Tukuma novada sociālie darbinieki pieredzes apmaiņā "
            "viesojās Kandavā. Kandavas novada Sociālā dienesta vadītāja Ilze Kalna iepazīstināja "
            "viesus ar dienesta darbu, un pēc tam viesi apmeklēja dienas centru “Rūķīši”.")
    [visit] = visits(run_text, text)
    assert visit.sites_visited == ["Rūķīši"]


SUBHEADED_TRIPS = (
    "Martā un aprīlī notika divas pieredzes apmaiņas vizītes.\n\n"
    "Smiltenes speciālisti Valkā\n\n"
    "2023. gada 14. martā 10 Smiltenes novada sociālie darbinieki viesojās Valkā, kur "
    "apmeklēja dienas centru “Saulīte”.\n\n"
    "Valkas kolēģi Smiltenē\n\n"
    "2023. gada 20. aprīlī atbildes vizītē ieradās astoņi speciālisti no Valkas. Viņi "
    "apmeklēja grupu māju “Liepas”."
)


def test_a_summary_of_the_trips_is_no_trip_and_a_subheading_opens_its_own(run_text: Run) -> None:
    first, second = visits(run_text, SUBHEADED_TRIPS)
    assert (first.date_start, second.date_start) == ("2023-03-14", "2023-04-20")
    assert first.destination_municipalities == ["Valkas novads"]
    assert first.sites_visited == ["Saulīte"]
    assert second.destination_municipalities == ["Smiltenes novads"]
    assert second.sites_visited == ["Liepas"]


def test_guests_from_elsewhere_came_to_the_releases_home(run_text: Run) -> None:
    """No place says where they came: the municipality the release is about received them."""
    text = ("Smiltenes novada pašvaldība atjaunoja dienas centru “Pīlādzis”. Centrā strādā "
            "Smiltenes novada Sociālā dienesta speciālisti.\n\n"
            "2024. gada 3. maijā pieredzes apmaiņā ieradās 12 sociālie darbinieki no Tukuma "
            "novada.")
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Tukuma novads"]
    assert visit.destination_municipalities == ["Smiltenes novads"]


def test_thanked_hosts_and_places_in_the_locative_are_no_origin(run_text: Run) -> None:
    text = ("Jaunatnes darbinieki no Talsu novada pieredzes apmaiņā Tartu un Valgā\n\n"
            "2024. gada 8. oktobrī deviņi jaunatnes darbinieki no Talsu novada devās pieredzes "
            "apmaiņas braucienā uz Igauniju. Paldies Tartu un Valgas kolēģiem par uzņemšanu!")
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Talsu novads"]


def test_where_travellers_work_and_a_plan_at_home_keep_their_sides(run_text: Run) -> None:
    text = ("2023. gada 7. septembrī pieredzes apmaiņas braucienā uz Cēsīm devās sociālie "
            "darbinieki no Rēzeknes novada, kā arī kolēģi, kuri strādā Balvu un Ludzas "
            "novadā. Viņš piebilda, ka daļu no redzētā Krāslavā varētu ieviest nākamgad.")
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Rēzeknes novads", "Balvu novads", "Ludzas novads"]
    assert visit.destination_municipalities == ["Cēsu novads"]
    assert visit.destination_localities == ["Cēsis"]


def test_the_account_between_a_trips_date_and_its_trigger_belongs_to_it(run_text: Run) -> None:
    text = ("2019. gada 5. un 6. jūnijā Bauskas novadā divas dienas pavadīja desmit kolēģi un "
            "viņu vadītāja.\n\nPēc tam viesi devās uz Iecavu, kur darbojas dienas centrs "
            "“Avots”.\n\n"
            "„Mums bija svarīgi to redzēt,” teica viena no pieredzes apmaiņas dalībniecēm.")
    [visit] = visits(run_text, text)
    assert visit.date_start == "2019-06-05"
    assert visit.sites_visited == ["Avots"]


def test_a_planned_visit_is_a_trip_of_its_own(run_text: Run) -> None:
    text = ("2025. gada 24. septembrī Preiļos pieredzes apmaiņā ieradās deviņi Līvānu novada "
            "sociālie darbinieki.\n\nNo 18. līdz 20. novembrim Preiļu novadā plānota vizīte no "
            "Anīkšču rajona pašvaldības.")
    trips = [v.date_start for v in visits(run_text, text)]
    assert trips == ["2025-09-24", "2025-11-18"]


def test_an_account_that_goes_back_to_an_earlier_trip_fills_that_trip(run_text: Run) -> None:
    text = ("2022. gada 19. maijā Bauskas novada sociālie darbinieki pieredzes apmaiņā devās uz "
            "Jēkabpils novadu. Jau 24. martā Bauskā viesojās Jēkabpils novada speciālisti, kuri "
            "apmeklēja dienas centru “Mēs kopā”.\n\n"
            "Maija braucienā Bauskas speciālisti vispirms iepazina ģimeņu atbalsta centru "
            "“Ozolzīle”. Pēc tam viņi apmeklēja grupu māju “Liepas”.")
    may, march = visits(run_text, text)
    assert (may.date_start, march.date_start) == ("2022-05-19", "2022-03-24")
    assert may.sites_visited == ["Ozolzīle", "Liepas"]
    assert march.sites_visited == ["Mēs kopā"]


def test_a_centre_in_plans_or_a_projects_sentence_is_no_site(run_text: Run) -> None:
    text = ("2017. gada 18. oktobrī Preiļu novada speciālisti pieredzes apmaiņā apmeklēja "
            "Jēkabpils grupu māju “Kalna nams”. Grupu māja “Ābeļdārzs” Preiļos tiks izveidota "
            "nākamgad. Braucienu rīkoja projekts, ko īsteno jauniešu centrs “Sprints”.")
    [visit] = visits(run_text, text)
    assert visit.sites_visited == ["Kalna nams"]


def test_a_planned_trip_lists_the_centres_it_will_visit(run_text: Run) -> None:
    text = ("2024. gada aprīļa beigās plānots pieredzes apmaiņas brauciens uz Talsu novadu, kur "
            "dalībnieki apmeklēs Sabiles atelpas brīža māju un Stendes dienas aprūpes centru.")
    [visit] = visits(run_text, text)
    assert visit.sites_visited == ["Sabiles atelpas brīža māja", "Stendes dienas aprūpes centrs"]


def test_a_headline_and_a_period_that_sum_up_the_trips_are_none_of_them(run_text: Run) -> None:
    text = ("Dienas centrā “Lazda” šogad viesojušās trīs kolēģu grupas\n\n"
            "No februāra līdz maijam centrā ciemojās trīs grupas.\n\n"
            "• 2024. gada 14. februārī – vienpadsmit Smiltenes novada sociālie darbinieki.\n"
            "• 10. aprīlī – seši speciālisti no Valkas.\n"
            "• 23. maijā – divdesmit Limbažu novada aprūpētāju.")
    trips = [v.date_start for v in visits(run_text, text)]
    assert trips == ["2024-02-14", "2024-04-10", "2024-05-23"]


def test_the_items_of_a_list_of_visited_places_are_sites(run_text: Run) -> None:
    text = ("2023. gada 9. maijā Madonas novada jaunatnes darbinieki pieredzes apmaiņas braucienā "
            "devās uz Zviedriju, uz Gēteborgu. Divās dienās grupa apmeklēja:\n"
            "- Gēteborgas pašvaldības Darba tirgus pārvaldi;\n"
            "- Gēteborgas pilsētas jaunatnes lietu departamentu;\n"
            "- jauniešu centru “Gnistan”.")
    [visit] = visits(run_text, text)
    assert visit.sites_visited == ["Gēteborgas pašvaldības Darba tirgus pārvalde",
                                   "Gēteborgas pilsētas jaunatnes lietu departaments", "Gnistan"]


def test_this_time_takes_the_account_back_to_the_releases_own_trip(run_text: Run) -> None:
    text = ("Alūksnes novada Sociālais dienests 2019. gada 4. aprīlī uzņēma viesus no Igaunijas "
            "– astoņus Veru pilsētas sociālos darbiniekus.\n\n"
            "Veru kolēģi ir mūsu partneri jau sen: 2018. gada maijā viņi uzņēma Alūksnes "
            "delegāciju Igaunijā.\n\n"
            "Šoreiz igauņi apmeklēja dienas centru “Pīlādzis” un grupu māju “Atvasīte”.")
    april, may = visits(run_text, text)
    assert (april.date_start, may.date_start) == ("2019-04-04", "2018-05")
    assert april.sites_visited == ["Pīlādzis", "Atvasīte"]
    assert may.sites_visited == []


@pytest.mark.parametrize(
    "second",
    ["Pēc tam grupa devās uz Alūksnes tehnikumu, kas māca jauniešus ar invaliditāti.",
     "Pēcpusdienā grupa paviesojās Alūksnes tehnikumā, kas māca jauniešus ar invaliditāti."],
)
def test_a_body_the_group_went_on_to_is_a_site(run_text: Run, second: str) -> None:
    text = ("2024. gada 16. aprīlī Gulbenes novada sociālie darbinieki pieredzes apmaiņā devās "
            f"uz Alūksni, kur apmeklēja dienas centru “Saulespuķe”. {second}")
    [visit] = visits(run_text, text)
    assert visit.sites_visited == ["Saulespuķe", "Alūksnes tehnikums"]


def test_guests_a_body_received_came_to_its_municipality(run_text: Run) -> None:
    text = ("2024. gada 12. martā Madonas novada Sociālais dienests uzņēma astoņus Gulbenes "
            "novada sociālos darbiniekus. Viesi apmeklēja dienas centru “Ozoli”.\n\n"
            "Gulbenes novadā šāda centra vēl nav, tāpēc kolēģiem bija daudz jautājumu. "
            "Līdzīgu pieredzi centrs guvis arī no partneriem Igaunijā.")
    [visit] = visits(run_text, text)
    assert visit.origin_municipalities == ["Gulbenes novads"]
    assert visit.destination_municipalities == ["Madonas novads"]
    assert visit.destination_countries == ["LV"]


def test_a_sentence_of_other_plans_names_no_destination(run_text: Run) -> None:
    text = ("2023. gada 5. oktobrī Tukuma novada sociālie darbinieki pieredzes apmaiņā devās uz "
            "Kuldīgu, kur apmeklēja grupu māju “Liepas”.\n\n"
            "Nākamajā mēnesī darbinieki piedalīsies mācībās Rīgā. Kurzemes plānošanas reģions "
            "pateicas Kuldīgas novada pašvaldībai par viesmīlību.")
    [visit] = visits(run_text, text)
    assert visit.destination_localities == ["Kuldīga"]
    assert visit.destination_municipalities == ["Kuldīgas novads"]


def test_a_trip_abroad_went_to_the_towns_its_bodies_are_named_after(run_text: Run) -> None:
    text = ("2024. gada 9. septembrī Jelgavas novada sociālie darbinieki pieredzes apmaiņā devās "
            "uz Igauniju, uz Tartu. Otrajā dienā par savu darbu stāstīja Pērnavas pilsētas "
            "bērnu aizsardzības dienests. Projekta vadošais partneris ir Viljandi pilsētas "
            "pašvaldība.")
    [visit] = visits(run_text, text)
    assert visit.destination_municipalities == ["Tartu", "Pērnava"]


def test_a_planned_trips_second_town_is_a_destination(run_text: Run) -> None:
    text = ("2025. gada maijā Cēsu novada sociālie darbinieki dosies pieredzes apmaiņas braucienā "
            "uz Somiju. Helsinkos dalībnieki tiksies ar pilsētas sociālā dienesta speciālistiem. "
            "Savukārt Tamperē paredzēts apmeklēt jauniešu centru “Kipinä”.")
    [visit] = visits(run_text, text)
    assert visit.destination_municipalities == ["Helsinki", "Tampere"]


def test_a_date_in_a_relative_clause_dates_its_noun_not_a_trip(run_text: Run) -> None:
    text = ("2019. gada 4. jūlijā pie mums viesojās 12 jaunieši no Jonišķiem.\n\n"
            "Viesi no Jonišķiem iepazinās ar jauniešu centra “Vējš” telpām, kas tika atjaunotas "
            "šā gada pavasarī, un piedalījās orientēšanās spēlē. Ciemiņi, kuri 5. jūlijā "
            "viesojās arī Bauskā, apmeklēja Bauskas jauniešu māju.")
    trips = [v.date_start for v in visits(run_text, text)]
    assert trips == ["2019-07-04"]


def test_the_centre_of_a_traveller_is_no_site(run_text: Run) -> None:
    text = ("2023. gada 18. maijā Talsu novada sociālie darbinieki pieredzes apmaiņā devās uz "
            "Kuldīgu, kur apmeklēja grupu māju “Liepas”. Braucienā piedalījās arī Talsu dienas "
            "centra “Rūķis” vadītāja. Kuldīgas kolēģi parādīja arī dienas centru “Avots” "
            "cilvēkiem ar invaliditāti.")
    [visit] = visits(run_text, text)
    assert visit.sites_visited == ["Liepas", "Avots"]


def test_a_series_of_trips_announced_together_is_each_trip(run_text: Run) -> None:
    text = ("Madonas novada Sociālais dienests 2024. gadā rīko pieredzes apmaiņas braucienu "
            "ciklu dienas centru vadītājiem.\n\n"
            "Pirmais brauciens notika 2024. gada 14. martā uz Gulbeni, kur vadītāji apmeklēja "
            "dienas centru “Avots”.\n\n"
            "11. aprīlī grupa devās uz Cēsīm un iepazinās ar grupu māju “Liepas”.\n\n"
            "Madonas kolēģi pēc tam uzaicināja gulbeniešus atbildes vizītē rudenī.")
    march, april = visits(run_text, text)
    assert (march.date_start, april.date_start) == ("2024-03-14", "2024-04-11")
    assert march.organiser == "Madonas novada Sociālais dienests"
    assert march.origin_municipalities == april.origin_municipalities == ["Madonas novads"]
    assert (march.sites_visited, april.sites_visited) == (["Avots"], ["Liepas"])


def test_a_planned_visit_named_with_words_between_is_a_trip(run_text: Run) -> None:
    text = ("No 2016. gada 5. līdz 9. septembrim seši Balvu novada aprūpētāji mācību mobilitātē "
            "viesojās Dānijā, Orhūsā.\n\n"
            "Projektā paredzēta arī dāņu kolēģu vizīte Balvos, kas plānota šā gada oktobra "
            "otrajā pusē.")
    trips = [(v.date_start, v.date_end) for v in visits(run_text, text)]
    assert trips == [("2016-09-05", "2016-09-09"), ("2016-10-16", "2016-10-31")]


def test_a_learning_mobility_abroad_is_a_trip(run_text: Run) -> None:
    text = ("No 2022. gada 7. līdz 11. novembrim astoņi jaunatnes darbinieki no Ogres novada "
            "piedalījās mācību mobilitātē Somijā, Tamperē.")
    [visit] = visits(run_text, text)
    assert (visit.date_start, visit.destination_countries) == ("2022-11-07", ["FI"])


def test_a_dateline_naming_its_author_dates_no_trip(run_text: Run) -> None:
    text = ("Ogres novada pašvaldība, 2022. gada 7. oktobris\n\n"
            "Ogres novadā viesojās kolēģi no Utenas\n\n"
            "Šā gada 4. un 5. oktobrī Ogres novadā uzņēmām desmit Utenas rajona sociālos "
            "darbiniekus, kuri apmeklēja dienas centru “Ozoli”.")
    [visit] = visits(run_text, text)
    assert (visit.date_start, visit.date_end) == ("2022-10-04", "2022-10-05")


def test_travellers_from_a_body_of_an_unlisted_town_abroad_come_from_it(run_text: Run) -> None:
    text = ("2019. gada 3. aprīlī Alūksnes novada Sociālais dienests uzņēma viesus no Norvēģijas "
            "– sešus Tinsetas pašvaldības bērnu aizsardzības dienesta darbiniekus.")
    [visit] = visits(run_text, text)
    assert (visit.origin_municipalities, visit.origin_countries) == (["Tinseta"], ["NO"])


def test_a_body_of_a_town_the_release_names_gives_that_towns_name(run_text: Run) -> None:
    # "Rotterdamas" (a typo) is read as Roterdama where it stands alone; the body's name
    # has the same word
    text = ("No 2023. gada 5. līdz 8. jūnijam Tukuma novada sociālie darbinieki piedalījās "
            "pieredzes apmaiņas braucienā uz Nīderlandi. Pirmajā dienā viesus uzņēma "
            "Rotterdamas pašvaldība, kas pastāstīja par darbu ar senioriem Rotterdamas "
            "dienvidu rajonos.")
    [visit] = visits(run_text, text)
    assert visit.destination_municipalities == ["Roterdama"]


def test_a_body_working_with_entrepreneurs_received_no_guests(run_text: Run) -> None:
    text = ("2022. gada 8. jūnijā Talsu novada sociālie darbinieki pieredzes apmaiņā devās uz "
            "Kuldīgu. Kuldīgas novada Sociālais dienests sadarbojas ar uzņēmējiem, kas "
            "nodarbina cilvēkus ar invaliditāti.")
    [visit] = visits(run_text, text)
    assert visit.destination_localities == ["Kuldīga"]
    assert visit.origin_municipalities == ["Talsu novads"]
