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
