"""The `kg` command end to end on the seeds: outputs, determinism, provenance, exports and errors."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
# the layout ../shared/eval/score.py reads
ENTITY_HEADER = ["id", "label", "type", "aliases", "documents"]
FACT_HEADER = ["subject", "subject_type", "predicate", "object", "object_type", "qualifier", "document", "section",
               "sentence", "start", "end", "confidence"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    assert main(["build", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    return out


@pytest.mark.model
def test_build_writes_every_output(built):
    for name in ("graph.ttl", "graph.html", "entities.csv", "facts.csv", "answers.md"):
        assert (built / name).stat().st_size > 0, name
    assert not list(built.glob(".*.tmp"))


@pytest.mark.model
def test_build_prints_a_one_line_summary(tmp_path, capsys):
    assert main(["build", str(SEEDS / "002_98ded81a5ebe0208.txt"), "--out", str(tmp_path), "--quiet"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("built 1 documents: ") and " entities, " in lines[0]
    assert lines[0].endswith("; conforms to kg/shapes.ttl")


@pytest.mark.model
def test_a_second_build_reads_the_cache_and_says_so(tmp_path, capsys):
    source = str(SEEDS / "002_98ded81a5ebe0208.txt")
    assert main(["build", source, "--out", str(tmp_path), "--quiet", "--no-validate"]) == 0
    first = capsys.readouterr().out
    assert "from cache" not in first and list((tmp_path / ".cache").rglob("*.pickle"))
    assert main(["build", source, "--out", str(tmp_path), "--quiet", "--no-validate", "--processes", "2"]) == 0
    assert "(0 parsed, 1 from cache)" in capsys.readouterr().out
    elsewhere = tmp_path / "elsewhere"
    assert main(["build", source, "--out", str(elsewhere), "--quiet", "--no-validate", "--no-cache"]) == 0
    assert not (elsewhere / ".cache").exists() and "from cache" not in capsys.readouterr().out


@pytest.mark.model
def test_two_builds_are_byte_identical(built, tmp_path):
    assert main(["build", str(SEEDS), "--out", str(tmp_path), "--quiet"]) == 0
    for name in ("graph.ttl", "entities.csv", "facts.csv", "answers.md", "graph.html"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


@pytest.mark.model
def test_tables_have_the_scorer_layout_and_offsets_point_at_the_sentence(built):
    with open(built / "entities.csv", newline="", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == ENTITY_HEADER
    with open(built / "facts.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:len(FACT_HEADER)] == FACT_HEADER
    texts = {}
    for row in rows:
        path = ROOT / row["document"]
        text = texts.setdefault(path, path.read_text(encoding="utf-8"))
        assert text[int(row["start"]):int(row["end"])].strip() == row["sentence"]
        assert row["section"] in ("article", "comment")
        assert 0 < float(row["confidence"]) <= 1


@pytest.mark.model
def test_every_fact_has_provenance_in_sparql(built):
    graph = Graph().parse(built / "graph.ttl")
    rows = list(graph.query("""
        SELECT ?fact ?doc ?begin ?end ?section ?rule WHERE {
          ?fact a kg:Fact ; prov:wasDerivedFrom ?sentence ; kg:section ?section ; kg:rule ?rule ;
                prov:wasAttributedTo ?extractor .
          ?sentence nif:referenceContext ?doc ; nif:beginIndex ?begin ; nif:endIndex ?end .
        }""", initNs={"kg": "https://w3id.org/kg-gp/ontology#", "prov": "http://www.w3.org/ns/prov#",
                      "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"}))
    n_facts = len(list(graph.query("SELECT ?f WHERE { ?f a <https://w3id.org/kg-gp/ontology#Fact> }")))
    assert n_facts > 20 and len({r.fact for r in rows}) == n_facts


@pytest.mark.model
def test_query_by_name_with_a_parameter(built, capsys):
    assert main(["query", "roles", "--graph", str(built / "graph.ttl"), "--format", "json",
                 "--param", "person_name=Mobasher Butt"]) == 0
    result = json.loads(capsys.readouterr().out)
    roles = {(b["role"]["value"], b["organisation"]["value"]) for b in result["results"]["bindings"]}
    assert ("medical director", "Babylon") in roles


@pytest.mark.model
@pytest.mark.parametrize("fmt, parse", [("ttl", "turtle"), ("nt", "nt"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_export_round_trips(built, tmp_path, fmt, parse):
    out = tmp_path / f"graph.{fmt}"
    assert main(["export", "--format", fmt, "--graph", str(built / "graph.ttl"), "--out", str(out)]) == 0
    original = Graph().parse(built / "graph.ttl")
    if fmt == "trig":
        back = Graph()
        for triple in Dataset().parse(out, format="trig").triples((None, None, None)):
            back.add(triple)
    else:
        back = Graph().parse(out, format=parse)
    assert isomorphic(original, back)


@pytest.mark.parametrize("argv, message", [
    (["build", "no/such/folder"], "no/such/folder"),
    (["build", "seeds", "--processes", "0"], "--processes 0"),
    (["build", "seeds", "--workers", "0"], "--workers 0"),
    (["query", "no-such-question", "--graph", "{graph}"], "unknown query 'no-such-question'"),
    (["query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "--graph", "{graph}"],
     "refused"),
    (["query", "roles", "--graph", "no/such/graph.ttl"], "no/such/graph.ttl"),
    (["export", "--format", "ttl", "--graph", "no/such/graph.ttl"], "no/such/graph.ttl"),
])
def test_errors_are_one_line_and_non_zero(argv, message, tmp_path, capsys):
    graph = tmp_path / "g.ttl"
    shutil.copy(ROOT / "tests" / "golden" / "mini.ttl", graph)
    code = main([a.replace("{graph}", str(graph)) for a in argv])
    err = capsys.readouterr().err.strip()
    assert code != 0 and len(err.splitlines()) == 1 and message in err and err.startswith("kg ")


def test_a_failed_build_keeps_the_previous_outputs(tmp_path, capsys):
    previous = tmp_path / "graph.ttl"
    previous.write_text("# earlier build\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "missing.txt"), "--out", str(tmp_path)]) != 0
    assert previous.read_text(encoding="utf-8") == "# earlier build\n"


@pytest.mark.parametrize("command", ["build", "query", "export", "validate", "serve", "eval"])
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "example: kg " in capsys.readouterr().out


@pytest.mark.model
def test_validate_a_build_conforms(built, capsys):
    assert main(["validate", "--graph", str(built / "graph.ttl")]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("conforms")


def test_validate_reports_a_broken_graph_in_plain_words(tmp_path, capsys):
    broken = tmp_path / "broken.ttl"
    text = (ROOT / "tests" / "golden" / "mini.ttl").read_text(encoding="utf-8")
    broken.write_text(text.replace("kg:confidence 0.90 ;", "kg:confidence 1.90 ;", 1), encoding="utf-8")
    assert main(["validate", "--graph", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "1.90" in out and out.strip().splitlines()[-1].startswith("1 violation")

