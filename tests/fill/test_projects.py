"""projects.csv rows: code, name, budget, fund and period of a project release."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.document import Document, Project

Run = Callable[..., Document]

CLOSING = (
    "Rēzeknes novada pašvaldība ir noslēgusi projektu “Kopā varam” (Nr. 9.2.2.1/15/I/005). "
    "Projekta kopējās izmaksas 705 573,37 EUR, t.sk. ERAF finansējums 599 737,33 EUR. "
    "Projekts tika īstenots no 2019. gada 1. janvāra līdz 2022. gada 31. decembrim."
)


def projects(run_text: Run, text: str, doc_id: str = "projekts") -> list[Project]:
    return run_text(text, doc_id).projects


def test_a_project_closing_with_code_budget_and_fund(run_text: Run) -> None:
    [project] = projects(run_text, CLOSING, "rezekne-05")
    assert project.project_key == "9.2.2.1/15/I/005"
    assert project.code == "9.2.2.1/15/I/005"
    assert project.name == "Kopā varam"
    assert project.total_budget_eur == pytest.approx(705573.37)
    assert project.eu_funding_eur == pytest.approx(599737.33)
    assert project.fund == "Eiropas Reģionālās attīstības fonds"
    assert project.doc_ids == ["rezekne-05"]


def test_the_project_period_in_a_sentence_opening_with_projekts(run_text: Run) -> None:
    [project] = projects(run_text, CLOSING)
    assert (project.period_start, project.period_end) == ("2019-01-01", "2022-12-31")


def test_the_project_period_in_a_sentence_naming_the_project(run_text: Run) -> None:
    text = (
        "Projekta “Kopā varam” (Nr. 9.2.2.1/15/I/005) kopējās izmaksas ir 705 573,37 EUR. "
        "Šis projekts tika īstenots no 2019. gada 1. janvāra līdz 2022. gada 31. decembrim."
    )
    [project] = projects(run_text, text)
    assert (project.period_start, project.period_end) == ("2019-01-01", "2022-12-31")
    assert project.total_budget_eur == pytest.approx(705573.37)


def test_a_budget_grouped_with_no_break_spaces(run_text: Run) -> None:
    text = "Projekta „Kopā varam” kopējās izmaksas ir 705\u00a0573,37\u00a0EUR."
    [project] = projects(run_text, text)
    assert project.total_budget_eur == pytest.approx(705573.37)


def test_a_project_without_code_is_keyed_by_its_name(run_text: Run) -> None:
    text = "Pasākums notika projekta “Kopā varam” ietvaros, ko līdzfinansē ESF."
    [project] = projects(run_text, text)
    assert (project.project_key, project.code, project.name) == ("Kopā varam", None, "Kopā varam")
    assert project.fund == "Eiropas Sociālais fonds"


def test_a_project_code_with_an_interreg_programme(run_text: Run) -> None:
    text = (
        "Biedrība “Cerību spārni” īsteno projektu “OCTOPUS” (Nr. LLI-425), ko finansē "
        "Interreg V-A Latvijas–Lietuvas pārrobežu sadarbības programma 2014.–2020. gadam."
    )
    [project] = projects(run_text, text)
    assert (project.project_key, project.code, project.name) == ("LLI-425", "LLI-425", "OCTOPUS")
    assert project.programme == (
        "Interreg V-A Latvijas–Lietuvas pārrobežu sadarbības programma 2014–2020"
    )


def test_no_project_without_a_project_mention(run_text: Run) -> None:
    text = "Krāslavā 2023. gada 1. septembrī atklāja dienas aprūpes centru “Saulīte”."
    assert projects(run_text, text) == []


def test_an_amount_in_a_sentence_about_the_project_is_its_total(run_text: Run) -> None:
    text = (
        "Projektu “Kopā stiprāki” no 2019. līdz 2022. gadam ar Eiropas Sociālā fonda un valsts "
        "budžeta līdzekļiem gandrīz 2,4 miljonu eiro apmērā īsteno Vidzemes "
        "plānošanas reģions."
    )
    [project] = run_text(text, "vidzeme").projects
    assert project.total_budget_eur == 2_400_000
    assert (project.period_start, project.period_end) == ("2019", "2022")
    assert project.implementer == "Vidzemes plānošanas reģions"


def test_a_fund_named_after_its_amount(run_text: Run) -> None:
    text = (
        "Projekta “Mājvieta” (Nr. 9.3.1.1/18/I/021) ietvaros ēkas pārbūve izmaksāja 450 000 EUR, "
        "no tiem 382 500 EUR ir ERAF finansējums."
    )
    [project] = run_text(text, "majvieta").projects
    assert (project.total_budget_eur, project.eu_funding_eur) == (450_000, 382_500)


def test_an_open_ended_period(run_text: Run) -> None:
    text = "Projekts “Drošā osta” tiek īstenots no 2021. gada 1. marta."
    [project] = run_text(text, "osta").projects
    assert (project.period_start, project.period_end) == ("2021-03-01", None)


def test_a_period_told_by_when_the_project_began_and_ended(run_text: Run) -> None:
    text = (
        "Daugavpils Sociālais dienests noslēdz projektu Nr. LLI-550 “Valued people”. Projekts, "
        "kas sākās 2020. gada 1. septembrī, noslēdzās 2022. gada 31. augustā."
    )
    [project] = projects(run_text, text)
    assert (project.period_start, project.period_end) == ("2020-09-01", "2022-08-31")


def test_partners_listed_after_a_partner_noun(run_text: Run) -> None:
    text = (
        "Projekta “Drošā osta” (Nr. LLI-425) partneri ir Gulbenes novada pašvaldība un "
        "biedrība “Cerību spārni”. Projektu īsteno kopā ar partneriem Lietuvā."
    )
    [project] = projects(run_text, text)
    assert project.partners == ["Gulbenes novada pašvaldība", 'biedrība "Cerību spārni"']


def test_a_visits_days_are_not_the_projects_period(run_text: Run) -> None:
    text = (
        "No 7. līdz 9. novembrim Gulbenē viesojās partneri, ar kuriem pašvaldība īsteno projektu "
        "“CareNear”. Projekta īstenošanas laiks ir no 2023. gada 1. aprīļa līdz 2025. gada "
        "30. septembrim."
    )
    [project] = projects(run_text, text)
    assert (project.period_start, project.period_end) == ("2023-04-01", "2025-09-30")


def test_a_bilingual_title_gives_the_latvian_title_and_the_acronym_as_name(run_text: Run) -> None:
    text = (
        "Dienests noslēdz projektu Nr. LLI-550 “Senioru aprūpes tīkla attīstība pierobežā/"
        "Development of a senior care network in the border area (Care Net)”."
    )
    [project] = projects(run_text, text)
    assert project.name == "Care Net"
    assert project.title == "Senioru aprūpes tīkla attīstība pierobežā"


def test_the_organisation_that_closes_a_project_implements_it(run_text: Run) -> None:
    text = (
        "Rēzeknes pilsētas pašvaldības iestāde “Sociālais dienests” uzsāk projektu Nr. LLI-612 "
        "“Drošs solis”. Projekta laikā pilsētā iegādāts specializēts mikroautobuss."
    )
    [project] = projects(run_text, text)
    assert project.implementer == 'Rēzeknes pilsētas pašvaldības iestāde "Sociālais dienests"'


@pytest.mark.parametrize(
    "lead",
    [
        "Projekta vadošais partneris ir Tartu pilsētas valdība, bet partneri – "
        "Valkas novada pašvaldība un biedrība „Kopā stiprāki”.",
        "Vadošais partneris – Tartu pilsētas valdība, partneri – Valkas novada pašvaldība "
        "un biedrība „Kopā stiprāki”.",
    ],
    ids=["ir", "dash"],
)
def test_the_lead_partner_implements_a_cross_border_project(run_text: Run, lead: str) -> None:
    text = (
        "Valkā viesojās kolēģi no Igaunijas Interreg Igaunijas–Latvijas programmas projekta "
        "„Drošais tīkls” (Nr. Est-Lat201) ietvaros. Projektu Latvijas pusē īsteno Valkas "
        f"novada pašvaldība. {lead}"
    )
    [project] = projects(run_text, text)
    assert project.implementer == "Tartu pilsētas valdība"
    assert "Tartu pilsētas valdība" not in project.partners
    assert "Valkas novada pašvaldība" in project.partners


def test_the_release_fills_the_project_it_names_most_not_one_recalled(run_text: Run) -> None:
    text = (
        "Projekts „Jaunieši darbā” (Nr. EE-LV00091) sākās 2024. gada martā. Projekta "
        "„Jaunieši darbā” vadošais partneris ir Pērnavas pilsētas pašvaldība, un tā kopējās "
        "izmaksas ir 410 000 eiro. Sadarbība aizsākās jau iepriekšējā projektā Est-Lat61."
    )
    projects = {p.project_key: p for p in run_text(text).projects}
    assert projects["EE-LV00091"].implementer == "Pērnavas pilsētas pašvaldība"
    assert projects["EE-LV00091"].total_budget_eur == 410000
    assert projects["Est-Lat61"].implementer is None


def test_the_body_that_closed_a_project_with_its_partners_implemented_it(
    run_text: Run,
) -> None:
    [project] = run_text(
        "Augšdaugavas novada pašvaldība kopā ar partneriem – Zarasu rajona pašvaldību Lietuvā "
        "un biedrību „Ģimeņu atbalsta centrs” – noslēgusi projektu „Atbalsts ģimenēm "
        "pierobežā” (Nr. LL-00215)."
    ).projects
    assert project.implementer == "Augšdaugavas novada pašvaldība"
    # the country after the first partner does not end the list
    assert project.partners == ["Zarasu rajona pašvaldība", 'biedrība "Ģimeņu atbalsta centrs"']


def test_eu_funding_said_with_a_funding_verb_after_the_amount(run_text: Run) -> None:
    [project] = run_text(
        "Projekta „Droši kopā” (Nr. LL-00216) kopējais budžets bija 598 420,00 EUR, no kuriem "
        "80 % jeb 478 736,00 EUR finansēja Eiropas Reģionālās attīstības fonds."
    ).projects
    assert (project.total_budget_eur, project.eu_funding_eur) == (598420.0, 478736.0)
    # the currency of an amount opens no institution's name: the fund is a programme
    assert project.fund == "Eiropas Reģionālās attīstības fonds"
