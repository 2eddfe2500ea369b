"""entities.csv and facts.csv: flat tables of the graph (layout read by ../shared/eval/score.py)."""
from __future__ import annotations

import csv
import io

from kg.model import KnowledgeGraph
from kg.vocab import PREDICATES

ENTITY_COLUMNS = ("id", "label", "type", "aliases", "documents")
FACT_COLUMNS = ("subject", "subject_type", "predicate", "object", "object_type", "qualifier",
                "document", "section", "sentence", "start", "end", "confidence", "rule", "time", "until")


def _csv(rows: list[tuple], header: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    plain = csv.writer(buffer, lineterminator="\n")
    # Python 3.11 leaves a field holding a lone carriage return unquoted, and readers end the row there
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    plain.writerow(header)
    for row in rows:
        (quoted if any(isinstance(value, str) and "\r" in value for value in row) else plain).writerow(row)
    return buffer.getvalue()


def entities_csv(kg: KnowledgeGraph) -> str:
    rows = [(e.key, e.label, e.type, "|".join(a for a in e.aliases if a != e.label), "|".join(e.documents))
            for e in sorted(kg.entities, key=lambda e: e.key)]
    return _csv(rows, ENTITY_COLUMNS)


def facts_csv(kg: KnowledgeGraph) -> str:
    entities = {e.key: e for e in kg.entities}
    paths = {d.doc_id: d.path for d in kg.documents}
    rows = []
    for f in kg.facts:
        subject = entities[f.subject]
        if f.object_is_literal:
            obj, obj_type = f.object, "Literal"
        else:
            obj, obj_type = entities[f.object].label, entities[f.object].type
        s = f.sentence
        rows.append((subject.label, subject.type, PREDICATES[f.predicate][1], obj, obj_type, f.qualifier or "",
                     paths.get(s.doc_id, s.doc_id), s.section, s.text.strip(), s.start, s.end,
                     f"{f.confidence:.2f}", f.rule, f.time or "", f.until or ""))
    rows.sort(key=lambda r: (r[6], r[9], r[0], r[2], r[3], r[12]))
    return _csv(rows, FACT_COLUMNS)
