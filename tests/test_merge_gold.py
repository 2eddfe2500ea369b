"""eval/merge_gold.py: the held-out articles' gold files merged into one file the shared scorer reads."""
import importlib.util
from pathlib import Path

import yaml

_SPEC = importlib.util.spec_from_file_location("merge_gold", Path(__file__).parents[1] / "eval" / "merge_gold.py")
merge_gold = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(merge_gold)


def _article(folder: Path, stem: str, entities: list[dict]) -> None:
    gold = {"documents": [{"id": stem, "file": f"{stem}.txt"}], "entities": entities, "relations": []}
    (folder / f"{stem}.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")


def test_a_name_written_only_with_a_capitalised_the_is_one_entity_that_accepts_the_name_without_it(tmp_path):
    _article(tmp_path, "h001_a", [
        {"id": "kf", "name": "The King's Fund", "type": "ThinkTank", "aliases": ["The King's Fund"]},
        {"id": "college", "name": "the college", "type": "Organization", "aliases": ["the college"]}])
    _article(tmp_path, "h002_b", [{"id": "fund", "name": "The King's Fund", "type": "ThinkTank", "aliases": []}])
    gold = merge_gold.accept_names_without_the(merge_gold.merge(tmp_path))
    by_name = {e["name"]: e for e in gold["entities"]}
    assert len(gold["entities"]) == 2
    assert by_name["The King's Fund"]["accept_also_not_in_text"] == ["King's Fund"]
    assert "accept_also_not_in_text" not in by_name["the college"]  # a description, not a name


def test_an_entity_with_a_name_of_its_own_gets_nothing_more(tmp_path):
    _article(tmp_path, "h001_a", [
        {"id": "bmj", "name": "The BMJ", "type": "Publication", "aliases": ["The BMJ", "BMJ"]}])
    gold = merge_gold.accept_names_without_the(merge_gold.merge(tmp_path))
    assert "accept_also_not_in_text" not in gold["entities"][0]
