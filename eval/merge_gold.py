"""Merge the per-article gold files of a held-out set into one file the shared scorer reads.

Each article's gold names its own entity ids; an entity named alike in two articles ("RCGP") is one entity
of the merged file, so a build that resolves it once is not counted as a duplicate.

    python eval/merge_gold.py eval/heldout/dev > /tmp/dev_gold.yaml
"""
from __future__ import annotations

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
            known = next((by_key[k] for k in _names(entity) if k in by_key and
                          by_key[k].get("type") == entity.get("type")), None)
            if known is None:
                known = {**entity, "id": f"{stem}_{entity['id']}", "aliases": list(entity.get("aliases") or [])}
                merged["entities"].append(known)
            else:
                known["aliases"] += [a for a in entity.get("aliases") or [] if a not in known["aliases"]]
                if known.get("section") != entity.get("section"):
                    known["section"] = "both"
            for k in _names(entity):
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
    yaml.safe_dump(merge(Path(sys.argv[1])), sys.stdout, sort_keys=False, allow_unicode=True)
