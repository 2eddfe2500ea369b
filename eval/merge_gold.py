"""Merge the per-article gold files of a held-out set into one file the shared scorer reads.

Each article's gold names its own entity ids; an entity named alike in two articles ("RCGP") is one entity
of the merged file, so a build that resolves it once is not counted as a duplicate.

A gold entity that the article names only by a short form ("RCGP", "HSJ") also accepts the body's official name
(eval/heldout/official_names.yaml), and one named only with a capitalised "The" ("The King's Fund") the name without
it, unless `--as-annotated` is given.

    python eval/merge_gold.py eval/heldout/dev > /tmp/dev_gold.yaml
    python eval/merge_gold.py --as-annotated eval/heldout/dev > /tmp/dev_gold_as_annotated.yaml
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml


def _key(name: str) -> str:
    return re.sub(r"\W+", " ", str(name).lower()).strip()


def _names(entity: dict) -> list[str]:
    """The entity's name and the aliases that are names, not descriptions ('the college')."""
    names = [entity.get("name", "")] + list(entity.get("aliases") or [])
    return [_key(n) for n in names if n and not re.match(r"(?i)(the|its|a|an|this|that|his|her|their|our)\b", n)]


OFFICIAL_NAMES = Path(__file__).parent / "heldout" / "official_names.yaml"


def accept_official_names(merged: dict, official: dict[str, list[str]]) -> dict:
    """Each entity named by a short form of `official` also accepts the official name as its label."""
    by_short = {_key(short): name for name, shorts in official.items() for short in shorts}
    for entity in merged["entities"]:
        accepted = entity.setdefault("accept_also_not_in_text", [])
        for key in _names(entity):
            name = by_short.get(key)
            if name is not None and _key(name) not in _names(entity) and name not in accepted:
                accepted.append(name)
        if not accepted:
            del entity["accept_also_not_in_text"]
    return merged


def _without_the(entity: dict) -> list[str]:
    name = str(entity.get("name", ""))
    return [_key(name[len("The "):])] if re.match(r"The [A-Z]", name) else []


def accept_names_without_the(merged: dict) -> dict:
    """An entity the article names only with a capitalised 'The' ('The King's Fund', 'The Belfast Courier') also
    accepts the name without it: the scorer skips every name that begins with 'the' as a description ('the college'),
    which left such a gold entity no label at all."""
    for entity in merged["entities"]:
        if not _names(entity) and _without_the(entity):
            entity.setdefault("accept_also_not_in_text", []).append(str(entity["name"])[len("The "):])
    return merged


# the bare word or acronym of a kind of body ('ICB', 'the LMC' written 'LMC'): two articles' ICBs are one entity only
# if they share a name, not because each calls its own ICB 'ICB'
KIND_NAMES = {"icb", "icbs", "ics", "ccg", "ccgs", "pcn", "pcns", "lmc", "lmcs", "trust", "board", "practice",
              "surgery", "network", "council", "committee", "federation", "partnership", "hub", "pharmacy"}


def merge(folder: Path) -> dict:
    merged: dict = {"documents": [], "entities": [], "commenters": [], "relations": []}
    by_key: dict[str, dict] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        stem = path.stem.split("_")[0]
        renamed: dict[str, str] = {}
        merged["documents"] += data.get("documents", [])
        for entity in data.get("entities", []):
            # one entity of an earlier article that shares a name or a name-like alias ('BMA') is this one
            keys = [k for k in _names(entity) or _without_the(entity) if k not in KIND_NAMES]
            known = next((by_key[k] for k in keys if k in by_key and by_key[k].get("type") == entity.get("type")), None)
            if known is None:
                known = {**entity, "id": f"{stem}_{entity['id']}", "aliases": list(entity.get("aliases") or [])}
                merged["entities"].append(known)
            else:
                known["aliases"] += [a for a in entity.get("aliases") or [] if a not in known["aliases"]]
                if known.get("section") != entity.get("section"):
                    known["section"] = "both"
            for k in keys:
                by_key.setdefault(k, known)
            renamed[entity["id"]] = known["id"]
        for commenter in data.get("commenters", []):
            renamed[commenter["id"]] = f"{stem}_{commenter['id']}"
            merged["commenters"].append({**commenter, "id": renamed[commenter["id"]]})
        for relation in data.get("relations", []):
            relation = {**relation, "id": f"{stem}_{relation['id']}", "s": renamed.get(relation["s"], relation["s"])}
            if relation.get("o_kind", "entity") == "entity":
                relation["o"] = renamed.get(relation["o"], relation["o"])
            merged["relations"].append(relation)
    return merged


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--as-annotated", action="store_true", help="do not accept the official names or names without 'The'")
    args = parser.parse_args()
    gold = merge(args.folder)
    if not args.as_annotated:
        gold = accept_names_without_the(accept_official_names(
            gold, yaml.safe_load(OFFICIAL_NAMES.read_text(encoding="utf-8"))))
    yaml.safe_dump(gold, sys.stdout, sort_keys=False, allow_unicode=True)
