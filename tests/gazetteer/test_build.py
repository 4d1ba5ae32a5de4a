"""build_gazetteers on a tiny fixture source folder."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pipeline.gazetteer.build import build_gazetteers

FIXTURE_SOURCE = Path(__file__).parent / "fixtures" / "source"


def _places(out: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in (out / "places.jsonl").read_text("utf-8").splitlines()]
    return {row["key"]: row for row in rows}


def test_counts(built: tuple[Path, dict[str, int]]) -> None:
    _, counts = built
    assert counts == {
        "places.jsonl": counts["places.jsonl"],
        "heads.json": 11,
        "persons/first_names.txt": 4,
        "persons/common_first_names.txt": 3,
        "persons/surnames.txt": 6,
        "persons/name_forms.tsv": counts["persons/name_forms.tsv"],
        "orgs.jsonl": 5,  # the four of the source's seed list and the project's own EU
        "programmes.jsonl": 47,
        "project_codes.jsonl": 2,
    }


def test_place_count_by_source(built: tuple[Path, dict[str, int]]) -> None:
    kinds = Counter(row["kind"] for row in _places(built[0]).values())
    assert (kinds["novads"], kinds["valstspilsēta"], kinds["novads_2009"]) == (3, 2, 2)
    assert (kinds["republikas_pilsēta_2009"], kinds["pagasts"], kinds["pilsēta"]) == (1, 3, 1)
    assert (kinds["planning_region"], kinds["ciems"]) == (2, 1)
    assert (kinds["foreign_county"], kinds["foreign_municipality"]) == (2, 4)


def test_novads_record(built: tuple[Path, dict[str, int]]) -> None:
    row = _places(built[0])["LV:novads:0030000"]
    assert row["label"] == "MUNICIPALITY" and row["norm"] == "Jelgavas novads"
    assert (row["head"], row["modifier"], row["region"]) == (
        "novads",
        "Jelgavas",
        "Zemgales plānošanas reģions",
    )
    assert {"Jelgavas novadā", "Jelgavas novada", "Jelgavas novados"} <= set(row["forms"])


def test_city_and_town(built: tuple[Path, dict[str, int]]) -> None:
    places = _places(built[0])
    city = places["LV:valstspilsēta:0006000"]
    assert city["label"] == "MUNICIPALITY" and city["head"] == "valstspilsēta"
    assert {"Rēzeknē", "Rēzeknes valstspilsētas", "Rēzeknes pilsētām"} <= set(city["forms"])
    town = places["LV:pilsēta:Preiļi"]
    assert town["label"] == "LOCALITY" and town["modifier"] == "Preiļu"
    assert town["forms"][:5] == ["Preiļi", "Preiļu", "Preiļiem", "Preiļus", "Preiļos"]
    assert (town["parent"], town["parent_id"]) == ("Preiļu novads", "0042000")
    assert "LV:pilsēta:Jelgava" not in places  # the city municipality is not a town too


def test_old_units_have_successors(built: tuple[Path, dict[str, int]]) -> None:
    old = _places(built[0])["LV:novads_2009:0546701"]
    assert (old["successor"], old["successor_id"], old["valid_to"]) == (
        "Jelgavas novads",
        "0030000",
        "2021-06-30",
    )
    assert old["region"] == "Zemgales plānošanas reģions"


def test_parish_and_region(built: tuple[Path, dict[str, int]]) -> None:
    places = _places(built[0])
    parish = places["LV:pagasts:Jelgavas novads/Kalnciema pagasts"]
    assert parish["id"] is None and parish["atvk_2009"] == "0540258"
    region = places["LV:planning_region:ZPR"]
    assert region["norm"] == "Zemgales plānošanas reģions"
    assert {"ZPR", "Zemgale", "Zemgalē", "Zemgales reģionā"} <= set(region["forms"])


def test_villages_are_filtered(built: tuple[Path, dict[str, int]]) -> None:
    villages = [r for r in _places(built[0]).values() if r["kind"] == "ciems"]
    # Saule: stop-list; Anna: a first name; Zemgale: a region's form; Ozolnieku: the parish
    # genitive; Preiļi: a town; Jelgava: a city; 'Ūdrīši 2': a number; Kalnciems twice.
    assert [(v["norm"], v["parish"], v["parent_id"]) for v in villages] == [
        ("Kalnciems", "Kalnciema pagasts", "0030000")
    ]


def test_foreign_units(built: tuple[Path, dict[str, int]]) -> None:
    places = _places(built[0])
    assert places["LT:foreign_municipality:LT-40"]["norm"] == "Rokišķu rajons"
    town = places["LT:foreign_city:Rokišķi"]
    assert town["parent_id"] == "LT-40" and "Rokišķos" in town["forms"]
    assert "LT:foreign_city:Paņevēža" not in places  # the city municipality holds the name
    city = places["LT:foreign_city:LT-32"]
    assert {"Paņevēžā", "Panevēžā"} <= set(city["forms"])
    assert places["EE:foreign_municipality:EE-855"]["norm"] == "Valgas pagasts"
    assert places["EE:foreign_city:Valga"]["parent"] == "Valgas pagasts"
    assert "Otepē" in places["EE:foreign_city:Otepē"]["forms"]
    assert not any(k.startswith("EE:") and k.endswith("EE-130") for k in places)
    assert places["LT:country:LT"]["forms"][:2] == ["Lietuva", "Lietuvas"]


def test_heads(built: tuple[Path, dict[str, int]]) -> None:
    heads = json.loads((built[0] / "heads.json").read_text("utf-8"))
    assert heads["pašvaldība"]["in_span"] is False
    assert heads["novads"]["in_span"] is True
    assert heads["pašvaldība"]["forms"]["loc pl"] == "pašvaldībās"


def test_persons(built: tuple[Path, dict[str, int]]) -> None:
    out = built[0]
    assert (out / "persons" / "first_names.txt").read_text("utf-8").split() == [
        "Aili",
        "Anna",
        "Jānis",
        "Uldis",
    ]
    common = (out / "persons" / "common_first_names.txt").read_text("utf-8").split()
    assert common == ["Anna", "Jānis", "Uldis"]  # traditional name days and the top names
    surnames = (out / "persons" / "surnames.txt").read_text("utf-8").split()
    assert {"Balode", "Jansone", "Bērziņa"} <= set(surnames)
    table = (out / "persons" / "name_forms.tsv").read_text("utf-8")
    assert "Ulda\tUldis\tfirst" in table and "Baloža\tBalodis\tsurname" in table


def test_orgs(built: tuple[Path, dict[str, int]]) -> None:
    rows = {r["name"]: r for r in map(json.loads, (built[0] / "orgs.jsonl").open(encoding="utf-8"))}
    rupju = rows['Rīgas pilsētas "Rūpju bērns"']
    assert rupju["norm"] == 'biedrība "Rīgas pilsētas "Rūpju bērns""'
    assert 'biedrības "Rīgas pilsētas "Rūpju bērns""' in rupju["forms"]
    assert rows["Labklājības ministrija"]["norm"] == "Labklājības ministrija"
    centre = rows['Multifunkcionālais sociālo pakalpojumu centrs "Sarkanā skola"']
    assert (centre["label"], centre["norm"]) == ("CENTRE", "Sarkanā skola")
    assert rows["Cerību spārni"]["verified"] is False
    eu = rows["Eiropas Savienība"]  # from the project's gazetteers/lexicon/orgs.csv
    assert (eu["label"], eu["aliases"]) == ("ORG", ["ES"]) and "Eiropas Savienības" in eu["forms"]


def test_programmes_and_codes(built: tuple[Path, dict[str, int]]) -> None:
    out = built[0]
    lines = (out / "programmes.jsonl").read_text("utf-8").splitlines()
    programmes = {r["norm"]: r for r in map(json.loads, lines)}
    assert "ERAF" in programmes["Eiropas Reģionālās attīstības fonds"]["aliases"]
    assert "Eiropas Sociālā fonda" in programmes["Eiropas Sociālais fonds"]["forms"]
    codes = [json.loads(line) for line in (out / "project_codes.jsonl").open(encoding="utf-8")]
    lli = next(c for c in codes if "LLI" in c["code_regex"])
    assert lli["programme_norm"].startswith("Interreg V-A Latvijas–Lietuvas")
    assert lli["status"] == "verified" and lli["code_type"] == "project"


def test_build_is_deterministic(built: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    build_gazetteers(FIXTURE_SOURCE, tmp_path)
    for name in ("places.jsonl", "heads.json", "orgs.jsonl", "persons/name_forms.tsv"):
        assert (tmp_path / name).read_bytes() == (built[0] / name).read_bytes()
