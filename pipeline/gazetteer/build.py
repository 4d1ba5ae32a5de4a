"""Derive the project's gazetteer files from the shared source data.

The sources (``/work/shared/data/gazetteers``, described in its SOURCES.md) are read, never
copied: every output row is rebuilt here, with the case forms the matcher needs. The
hand-written rule and word tables come from ``gazetteers/lexicon``. Output schemas, sources
and licences are documented in ``gazetteers/README.md``.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.gazetteer.inflect import decline, surface_forms
from pipeline.gazetteer.kb import Place
from pipeline.resources import LEXICON

MUNI_2021 = "lv_municipalities_2021.csv"
MUNI_2009 = "lv_municipalities_2009_2021_with_successors.csv"
PARISHES = "lv_pagasti_2021.csv"
TOWNS = "lv_towns_2021.csv"
REGIONS = "lv_planning_regions_2021.csv"
VILLAGES = "lv_geonames_postal_places.csv"
LITHUANIA = "lt_municipalities_lv_exonyms.csv"
ESTONIA = "ee_counties_municipalities_lv_exonyms.csv"
FIRST_NAMES = "lv_first_names_from_namedays.tsv"
GIVEN_TOP = "lv_given_names_top_pmlp.csv"
SURNAMES_TOP = "lv_surnames_top_pmlp.csv"
ORGS = "lv_social_service_orgs_seed.csv"
PROJECT_ORGS = "orgs.csv"
CODES = "eu_programmes_project_codes_lv.tsv"

NOVADS_2009_END = "2021-06-30"  # the 2021 reform took effect on 2021-07-01
PERSON_CASES = ("gen", "dat", "acc")


# --------------------------------------------------------------------------- io helpers


def _rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    """CSV/TSV rows; lines starting with '#' are comments (lexicon files)."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter=delimiter)
    ]


def _json(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    rows = list(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
    return len(rows)


def _write_lines(path: Path, lines: Iterable[str]) -> int:
    lines = list(lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8", newline="\n")
    return len(lines)


def _or_none(value: str) -> str | None:
    return value or None


def _split_list(value: str) -> list[str]:
    """'a; b (hist.)' -> ['a', 'b']: list cells with parenthetical notes dropped."""
    items = (re.sub(r"\s*\(.*?\)", "", part).strip() for part in value.split(";"))
    return [item for item in items if item]


def _fold(text: str) -> str:
    """ASCII fold for catching GeoNames' diacritic-less duplicates ('Jekabpils')."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class _Heads:
    """The head-noun table: which heads exist and which bare-name kinds take which."""

    rows: tuple[dict[str, Any], ...]

    def split(self, norm: str) -> tuple[str | None, str | None]:
        """'Latgales plānošanas reģions' -> ('plānošanas reģions', 'Latgales')."""
        for lemma in sorted((r["lemma"] for r in self.rows), key=len, reverse=True):
            if norm.endswith(" " + lemma):
                return lemma, norm[: -len(lemma) - 1]
        return None, None

    def following(self, kind: str) -> list[str]:
        """Heads that may follow the genitive of a bare name of this kind, preferred first."""
        return [r["lemma"] for r in self.rows if kind in r["follows_kinds"]]


def _headed(heads: _Heads, variants: Iterable[str] = (), **fields: Any) -> Place:
    """A place whose norm ends in its head noun ('Jelgavas novads'); forms in sg and pl."""
    head, modifier = heads.split(fields["norm"])
    forms = surface_forms(fields["norm"], plural=True)
    for variant in variants:
        forms += surface_forms(variant, plural=bool(heads.split(variant)[0]))
    forms += _head_forms(heads, fields["kind"], modifier)
    return Place(head=head, modifier=modifier, forms=tuple(dict.fromkeys(forms)), **fields)


def _bare(
    heads: _Heads, genitive: str | None = None, variants: Iterable[str] = (), **fields: Any
) -> Place:
    """A place named without a head ('Ādaži'): its own case forms, its variants' forms and
    the genitive with each head its kind takes ('Rēzeknes valstspilsētā')."""
    norm = fields["norm"]
    paradigm = decline(norm, genitive=genitive)
    modifier = paradigm["gen"]
    forms = surface_forms(norm, genitive=genitive)
    for variant in variants:
        forms += surface_forms(variant)
    forms += _head_forms(heads, fields["kind"], modifier)
    following = heads.following(fields["kind"])
    return Place(
        head=following[0] if following else None,
        modifier=modifier,
        forms=tuple(dict.fromkeys(forms)),
        **fields,
    )


def _head_forms(heads: _Heads, kind: str, modifier: str | None) -> list[str]:
    if not modifier:
        return []
    return [f for h in heads.following(kind) for f in surface_forms(f"{modifier} {h}", plural=True)]


def _lv_municipality(row: dict[str, str], atvk: str, region: str | None, **dates: str | None
                     ) -> dict:
    """What a 2021 and a 2009–2021 municipality row both give."""
    return dict(label="MUNICIPALITY", norm=row["name"], id=atvk, country="LV", region=region,
                **dates)


def _lv_municipalities(src: Path, heads: _Heads) -> Iterator[Place]:
    """The 2021 units (43 + Madona after 2025): 7 valstspilsētas and the novadi."""
    for r in _rows(src / MUNI_2021):
        common = _lv_municipality(r, r["atvk_2021"], r["planning_region"],
                                  valid_from=_or_none(r["valid_from"]),
                                  valid_to=_or_none(r["valid_to"]))
        if r["type"].startswith("valstspilsēt"):
            yield _bare(
                heads,
                genitive=r["name_genitive"],
                kind="valstspilsēta",
                key=f"LV:valstspilsēta:{r['atvk_2021']}",
                **common,
            )
        else:
            yield _headed(heads, key=f"LV:novads:{r['atvk_2021']}", kind="novads", **common)


def _lv_municipalities_2009(src: Path, heads: _Heads, region_of: dict[str, str]) -> Iterator[Place]:
    """The 119 units of 2009–2021 with their 2021 successors."""
    for r in _rows(src / MUNI_2009):
        common = _lv_municipality(r, r["atvk_2009"], region_of.get(r["successor_2021"]),
                                  successor=r["successor_2021"],
                                  successor_id=r["successor_atvk_2021"],
                                  valid_to=NOVADS_2009_END)
        if r["type"] == "republikas pilsēta":
            kind = "republikas_pilsēta_2009"
            yield _bare(heads, key=f"LV:{kind}:{r['atvk_2009']}", kind=kind, **common)
        else:
            yield _headed(
                heads, key=f"LV:novads_2009:{r['atvk_2009']}", kind="novads_2009", **common
            )


def _lv_locality(parent: str, parent_id: str | None, parent_2009: str | None,
                 region_of: dict[str, str]) -> dict:
    """What every town, pagasts and village gives: the municipality it lies in (2021 and
    2009–2021) and that municipality's planning region."""
    return dict(label="LOCALITY", country="LV", parent=parent, parent_id=parent_id,
                parent_2009=parent_2009, region=region_of.get(parent))


def _lv_locality_of(row: dict[str, str], region_of: dict[str, str]) -> dict:
    """:func:`_lv_locality` from a towns or parishes row."""
    return _lv_locality(row["municipality_2021"], row["municipality_atvk_2021"],
                        _or_none(row["novads_2009_2021"]), region_of)


def _lv_towns(src: Path, heads: _Heads, region_of: dict[str, str]) -> Iterator[Place]:
    """Towns that are not municipalities themselves: pilsētas and the 3 valstspilsētas
    inside a novads (Jēkabpils, Ogre, Valmiera). The 7 city municipalities come from
    the 2021 file."""
    for r in _rows(src / TOWNS):
        if r["type"] == "valstspilsēta (pašvaldība)":
            continue
        kind = "valstspilsēta" if r["type"].startswith("valstspilsēta") else "pilsēta"
        yield _bare(
            heads,
            key=f"LV:{kind}:{r['name']}",
            norm=r["name"],
            id=_or_none(r["atvk_2021"]),
            kind=kind,
            valid_from=_or_none(r["valid_from"]),
            **_lv_locality_of(r, region_of),
        )


def _lv_parishes(src: Path, heads: _Heads, region_of: dict[str, str]) -> Iterator[Place]:
    """The 511 pagasti; their 2021 ATVK codes are missing in the source (id null)."""
    for r in _rows(src / PARISHES):
        yield _headed(
            heads,
            key=f"LV:pagasts:{r['municipality_2021']}/{r['pagasts']}",
            norm=r["pagasts"],
            id=_or_none(r["pagasts_atvk_2021"]),
            kind="pagasts",
            valid_from=_or_none(r["created"]),
            atvk_2009=_or_none(r["pagasts_atvk_2009"]),
            **_lv_locality_of(r, region_of),
        )


def _lv_regions(src: Path, heads: _Heads, municipalities: set[str]) -> Iterator[Place]:
    """The 5 planning regions with abbreviation, historical land name and 'X reģions'."""
    seen: dict[str, dict[str, str]] = {}
    for r in _rows(src / REGIONS):
        seen.setdefault(r["planning_region"], r)
    for norm, r in seen.items():
        # 'Rīga' is the city, not a name of the region; the other short names are lands.
        historical = [] if r["region_short"] in municipalities else [r["region_short"]]
        place = _headed(
            heads,
            key=f"LV:planning_region:{r['abbrev']}",
            label="REGION",
            norm=norm,
            id=None,
            kind="planning_region",
            country="LV",
            valid_from=_or_none(r["valid_from"]),
            valid_to=_or_none(r["valid_to"]),
        )
        extra = [r["abbrev"], *(f for h in historical for f in surface_forms(h))]
        yield Place.from_json({**place.to_json(), "forms": [*place.forms, *extra]})


def _stoplist(lexicon: Path) -> set[str]:
    return {r["name"] for r in _rows(lexicon / "ciems_stoplist.tsv", delimiter="\t")}


def _person_lemmas(src: Path) -> set[str]:
    """Traditional name-day names and the top given names and surnames: a village with
    such a name is more often a person."""
    names = {r["name"] for r in _rows(src / FIRST_NAMES, "\t") if r["list"] == "traditional"}
    names |= {r["given_name"] for r in _rows(src / GIVEN_TOP)}
    return names | {r["surname"] for r in _rows(src / SURNAMES_TOP)}


def _lv_villages(
    src: Path,
    lexicon: Path,
    heads: _Heads,
    region_of: dict[str, str],
    atvk_of: dict[str, str],
    taken: set[str],
) -> Iterator[Place]:
    """Villages (ciemi) from GeoNames postal places, minus names that mislead (README)."""
    stop = _stoplist(lexicon) | _person_lemmas(src)
    towns = {r["name"] for r in _rows(src / TOWNS)}
    folded_towns = {_fold(t) for t in towns}
    parish_2009 = {
        (r["municipality_2021"], r["pagasts"]): _or_none(r["novads_2009_2021"])
        for r in _rows(src / PARISHES)
    }
    seen: set[tuple[str, str, str]] = set()
    for r in _rows(src / VILLAGES):
        name, state, province = r["place"], r["state"], r["province"]
        if not state.endswith(" nov.") or any(ch.isdigit() for ch in name) or name in stop:
            continue
        if name in towns or _fold(name) in folded_towns:
            continue
        parish_mod = province.removesuffix(" pag.")
        if name == parish_mod and (name.endswith("u") or decline(name)["gen"] != name):
            continue  # GeoNames gives the parish genitive (-u is gen pl), not a village name
        parent = state.removesuffix(" nov.") + " novads"
        parish = parish_mod + " pagasts" if province.endswith(" pag.") else None
        ident = (parent, parish or "-", name)
        if ident in seen:
            continue
        seen.add(ident)
        place = _bare(
            heads, key=f"LV:ciems:{'/'.join(ident)}", norm=name, id=None, kind="ciems",
            parish=parish,
            **_lv_locality(parent, atvk_of.get(parent), parish_2009.get((parent, parish)),
                           region_of),
        )
        if not taken.intersection(f.lower() for f in place.forms):
            yield place


def _foreign_unit(row: dict[str, str], country: str, county: dict[str, str]) -> dict:
    """What every Lithuanian or Estonian unit of the classifier has: country, county, and
    how sure the Latvian exonym is."""
    return dict(
        label="FOREIGN_PLACE",
        country=country,
        parent=county.get(row["parent_county"]),
        parent_id=_or_none(row["parent_county"]),
        confidence=row["lv_confidence"],
    )


def _lithuania(src: Path, heads: _Heads) -> Iterator[Place]:
    """LT counties (apriņķis), city municipalities, municipalities and district
    municipalities ('Biržu rajons') plus the town that names each district ('Birži')."""
    rows = _rows(src / LITHUANIA)
    county = {r["iso_3166_2"]: r["name_lv"] for r in rows if r["type"] == "County"}
    towns = {r["name_lv"] for r in rows if r["type"] != "District municipality"}
    for r in rows:
        iso, name, kind = r["iso_3166_2"], r["name_lv"], r["type"]
        common = _foreign_unit(r, "LT", county)
        if kind == "County":
            yield _headed(
                heads,
                key=f"LT:foreign_county:{iso}",
                norm=name,
                id=iso,
                kind="foreign_county",
                **common,
            )
            continue
        bare = dict(genitive=r["name_lv_genitive"], variants=_split_list(r["lv_variants"]))
        if kind == "District municipality":
            district = f"{r['name_lv_genitive']} rajons"
            yield _headed(
                heads,
                key=f"LT:foreign_municipality:{iso}",
                norm=district,
                id=iso,
                kind="foreign_municipality",
                **common,
            )
            if name not in towns:
                yield _bare(
                    heads,
                    key=f"LT:foreign_city:{name}",
                    norm=name,
                    id=None,
                    kind="foreign_city",
                    **bare,
                    **{**common, "parent": district, "parent_id": iso},
                )
        else:
            city = kind == "City municipality"
            yield _bare(
                heads,
                key=f"LT:{'foreign_city' if city else 'foreign_municipality'}:{iso}",
                norm=name,
                id=iso,
                kind="foreign_city" if city else "foreign_municipality",
                **bare,
                **common,
            )


def _estonia(src: Path, heads: _Heads) -> Iterator[Place]:
    """EE counties, towns (linn) and rural municipalities (vald, 'X pagasts') that have a
    Latvian exonym, plus the town that names a vald when no county or town has the name."""
    rows = [r for r in _rows(src / ESTONIA) if r["name_lv"]]
    county = {r["iso_3166_2"]: r["name_lv"] for r in rows if r["type"] == "County"}
    bare_names = {r["name_lv"] for r in rows if r["type"] != "Rural municipality"}
    for r in rows:
        iso, name, kind = r["iso_3166_2"], r["name_lv"], r["type"]
        common = _foreign_unit(r, "EE", county)
        bare = dict(genitive=r["name_lv_genitive"], variants=_split_list(r["lv_variants"]))
        if kind == "County" and heads.split(name)[0]:
            yield _headed(
                heads,
                key=f"EE:foreign_county:{iso}",
                norm=name,
                id=iso,
                kind="foreign_county",
                variants=bare["variants"],
                **common,
            )
        elif kind in ("County", "Urban municipality"):
            sort = "foreign_county" if kind == "County" else "foreign_city"
            yield _bare(
                heads, key=f"EE:{sort}:{iso}", norm=name, id=iso, kind=sort, **bare, **common
            )
        else:
            yield _headed(
                heads,
                key=f"EE:foreign_municipality:{iso}",
                norm=r["municipality_lv"],
                id=iso,
                kind="foreign_municipality",
                **common,
            )
            if name not in bare_names:
                bare_names.add(name)
                yield _bare(
                    heads,
                    key=f"EE:foreign_city:{name}",
                    norm=name,
                    id=None,
                    kind="foreign_city",
                    **bare,
                    **{**common, "parent": r["municipality_lv"], "parent_id": iso},
                )


def _foreign_curated(lexicon: Path, heads: _Heads) -> Iterator[Place]:
    """Countries, Scandinavia and major foreign cities (project-authored lexicon)."""
    for r in _rows(lexicon / "foreign_places.csv"):
        country = _or_none(r["country"])
        yield _bare(
            heads,
            key=f"{country or 'INT'}:{r['kind']}:{r['id'] or r['name_lv']}",
            label="FOREIGN_PLACE",
            norm=r["name_lv"],
            id=_or_none(r["id"]),
            kind=r["kind"],
            country=country,
            variants=_split_list(r["variants"]),
        )


def build_places(src: Path, lexicon: Path) -> list[Place]:
    """Every place record, sorted by key; raises on a duplicate key."""
    heads = _Heads(tuple(_json(lexicon / "heads.json")["heads"]))
    current = [r for r in _rows(src / MUNI_2021)]
    region_of = {r["name"]: r["planning_region"] for r in current}
    atvk_of: dict[str, str] = {}
    for r in current:
        atvk_of.setdefault(r["name"], r["atvk_2021"])
    places = [
        *_lv_municipalities(src, heads),
        *_lv_municipalities_2009(src, heads, region_of),
        *_lv_towns(src, heads, region_of),
        *_lv_parishes(src, heads, region_of),
        *_lv_regions(src, heads, set(region_of)),
        *_lithuania(src, heads),
        *_estonia(src, heads),
        *_foreign_curated(lexicon, heads),
    ]
    taken = {f.lower() for p in places for f in p.forms}
    places += _lv_villages(src, lexicon, heads, region_of, atvk_of, taken)
    keys = [p.key for p in places]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ValueError(f"duplicate place keys: {duplicates[:5]}")
    return sorted(places, key=lambda p: p.key)


# --------------------------------------------------------------------------- other files


def build_heads(lexicon: Path) -> dict[str, dict[str, Any]]:
    """heads.json: each head lemma with label, span rule and every case form."""
    return {
        r["lemma"]: {
            "label": r["label"],
            "alt_labels": r["alt_labels"],
            "in_span": r["in_span"],
            "forms": decline(r["lemma"]),
        }
        for r in _json(lexicon / "heads.json")["heads"]
    }


def _feminine(surname: str, lexicon: Path) -> str | None:
    """The feminine of a masculine surname by its ending (Bērziņš -> Bērziņa)."""
    for masc, fem in _json(lexicon / "surnames.json")["masculine_to_feminine"]:
        if surname.endswith(masc):
            return surname[: len(surname) - len(masc)] + fem
    return None


def build_persons(src: Path, lexicon: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """First names, surnames (with derived feminines), a form -> lemma table and the common
    first names (the traditional name-day list and the most frequent given names), which
    decide between a man's and a woman's name of one form ("Lauri": Lauris, not Laure)."""
    rows = [r for r in _rows(src / FIRST_NAMES, "\t") if r["name"] != "-"]
    top = {r["given_name"] for r in _rows(src / GIVEN_TOP)}
    first = {r["name"] for r in rows} | top
    common = {r["name"] for r in rows if r["list"] == "traditional"} | top
    surnames = {r["surname"] for r in _rows(src / SURNAMES_TOP)}
    surnames |= {
        f
        for r in _rows(src / SURNAMES_TOP)
        if r["gender"] == "male"
        if (f := _feminine(r["surname"], lexicon))
    }
    forms = {
        (form, lemma, kind)
        for kind, lemmas in (("first", first), ("surname", surnames))
        for lemma in lemmas
        for case in PERSON_CASES
        if (form := decline(lemma, mode="person")[case]) != lemma
    }
    table = ["form\tlemma\tkind", *("\t".join(row) for row in sorted(forms))]
    return sorted(first), sorted(surnames), table, sorted(common)


def _org_norm(name: str, legal_form: str, rules: dict[str, list[str]]) -> tuple[str, str]:
    """The contract norm and label of a seed organisation."""
    if legal_form in rules["centre"]:
        inner = re.search(r'"(.+)"', name)
        return (inner.group(1) if inner else name), "CENTRE"
    if legal_form in rules["prefix"]:
        bare = re.sub(rf"^{re.escape(legal_form)}\s+", "", name, flags=re.IGNORECASE)
        return f'{legal_form} "{bare}"', "ORG"
    return name, "ORG"


def build_orgs(src: Path, lexicon: Path) -> list[dict[str, Any]]:
    """orgs.jsonl rows from the seed list (not the official register) and the project's own
    short list of bodies the seed lacks (``lexicon/orgs.csv``: the EU)."""
    rules = _json(lexicon / "legal_forms.json")
    rows = []
    for r in [*_rows(src / ORGS), *_rows(lexicon / PROJECT_ORGS)]:
        legal_form = r["legal_form"].removesuffix(" (assumed)")
        norm, label = _org_norm(r["name"], legal_form, rules)
        names = [r["name"], *_split_list(r["aliases"])]
        declinable = legal_form not in rules["foreign"]
        forms = [
            f for n in names for f in (surface_forms(n) if declinable and '"' not in n else [n])
        ]
        if label == "ORG" and legal_form in rules["prefix"]:
            quoted = norm[len(legal_form) + 1 :]
            forms += [f"{f} {quoted}" for f in surface_forms(legal_form)]
        rows.append(
            {
                "key": norm,
                "label": label,
                "norm": norm,
                "name": r["name"],
                "legal_form": legal_form,
                "aliases": _split_list(r["aliases"]),
                "forms": list(dict.fromkeys(forms)),
                "category": r["category"],
                "verified": r["confidence"] == "verified"
                and not r["legal_form"].endswith("(assumed)"),
                "evidence": r["evidence"],
            }
        )
    return sorted(rows, key=lambda row: row["key"])


def build_programmes(src: Path, lexicon: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """programmes.jsonl (funds and programmes) and project_codes.jsonl (code patterns)."""
    curated = _json(lexicon / "programmes.json")["programmes"]
    codes = _rows(src / CODES, "\t")
    norm_of = {s: p["norm"] for p in curated for s in p["source_programmes"]}
    programmes = []
    for p in curated:
        rows = [c for c in codes if c["programme"] in p["source_programmes"]]
        aliases = list(p["aliases"])
        if p["merge_source_aliases"]:
            aliases += [a for c in rows for a in _split_list(c["aliases_lv_en"])]
        aliases = list(dict.fromkeys(a for a in aliases if a != p["norm"]))
        forms = [f for name in (p["norm"], *aliases) for f in surface_forms(name)]
        programmes.append(
            {
                "key": p["norm"],
                "norm": p["norm"],
                "kind": p["kind"],
                "aliases": aliases,
                "forms": list(dict.fromkeys(forms)),
                "periods": sorted({c["period"] for c in rows}),
                "funds": sorted({f for c in rows for f in _split_list(c["fund"])}),
                "source_programmes": p["source_programmes"],
            }
        )
    project_codes = [
        {
            "programme": c["programme"],
            "programme_norm": norm_of.get(c["programme"]),
            "period": c["period"],
            "fund": c["fund"],
            "code_regex": c["code_regex"],
            "loose_regex": _loose(c["code_regex"]),
            "code_type": "project" if c["example_code"] else "measure",
            "example_code": _or_none(c["example_code"]),
            "status": c["status"],
            "evidence": c["evidence"],
        }
        for c in codes
    ]
    return (
        sorted(programmes, key=lambda p: p["key"]),
        sorted(project_codes, key=lambda c: (c["programme"], c["code_regex"])),
    )


def _loose(regex: str) -> str:
    """The pattern with each hyphen between code parts allowed as a dash with spaces or
    as nothing, as press releases write them ('LLI – 317', 'LLI425')."""
    return regex.replace("-", r"\s*[-–]?\s*")


# --------------------------------------------------------------------------- entry point


def build_gazetteers(
    source_dir: Path, out_dir: Path, lexicon: Path | None = None
) -> dict[str, int]:
    """Rebuild every derived gazetteer file in out_dir (made if missing); returns row counts
    per file."""
    lexicon = lexicon or LEXICON
    out_dir.mkdir(parents=True, exist_ok=True)
    places = build_places(source_dir, lexicon)
    first, surnames, name_forms, common = build_persons(source_dir, lexicon)
    programmes, codes = build_programmes(source_dir, lexicon)
    heads = build_heads(lexicon)
    (out_dir / "heads.json").write_text(
        json.dumps(heads, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return {
        "places.jsonl": _write_jsonl(out_dir / "places.jsonl", (p.to_json() for p in places)),
        "heads.json": len(heads),
        "persons/first_names.txt": _write_lines(out_dir / "persons" / "first_names.txt", first),
        "persons/common_first_names.txt": _write_lines(
            out_dir / "persons" / "common_first_names.txt", common
        ),
        "persons/surnames.txt": _write_lines(out_dir / "persons" / "surnames.txt", surnames),
        "persons/name_forms.tsv": _write_lines(out_dir / "persons" / "name_forms.tsv", name_forms)
        - 1,
        "orgs.jsonl": _write_jsonl(out_dir / "orgs.jsonl", build_orgs(source_dir, lexicon)),
        "programmes.jsonl": _write_jsonl(out_dir / "programmes.jsonl", programmes),
        "project_codes.jsonl": _write_jsonl(out_dir / "project_codes.jsonl", codes),
    }
