"""Stage: resolve mentions into entities, inside and across documents, recording every merge."""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from kg import iri
from kg.lexicon import load_lexicon, uk_places
from kg.mentions import (CHANGE_SENSES, CONTRACT_STAGES, CONTRACT_YEAR, IMPLIED_POST, TITLED_REPORT_WORDS,
                         SegmentMention, clean_name, initials, named_as_town_at, policy_head_types)
from kg.model import ARTICLE, ORGANISATION_TYPES, Comment, Document, Entity, Merge, Mention

# a type that is more specific (or more trusted) wins a vote between mentions of one entity
_TYPE_RANK = {"Person": 3, "Practice": 3, "ThinkTank": 3, "Company": 3, "Publication": 3, "GovernmentBody": 3,
              "Report": 2, "Legislation": 2, "Programme": 2, "Policy": 2, "Organization": 1, "Place": 1}
_CONCEPT_TYPES = {"Policy", "Programme", "Legislation"}
_ORG_TYPES = ORGANISATION_TYPES


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    mention_entity: dict[tuple[str, int, int], str]  # (doc_id, start, end) -> entity key
    mentions: tuple[Mention, ...]


# the same names recur in thousands of documents: each distinct one is cleaned once
_clean = lru_cache(maxsize=1 << 16)(clean_name)


@lru_cache(maxsize=1 << 16)
def _norm(name: str) -> str:
    text = re.sub(r"\s+", " ", _clean(name).replace("’", "'")).casefold()
    # 'Ten Year Health Plan' is the '10 Year Health Plan'
    return _NUMBER_WORD.sub(lambda m: str(_NUMBER_WORDS.index(m.group(0)) + 1), text)


_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_NUMBER_WORD = re.compile(r"\b(?:%s)(?=[ -]year\b)" % "|".join(_NUMBER_WORDS))


def _group(mention: Mention) -> str:
    if mention.type == "Person":
        return "person"
    if mention.type in _ORG_TYPES:
        return "org"
    return mention.type.casefold()


class _Clusters:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.rule: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str, rule: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            keep, drop = sorted((ra, rb))
            self.parent[drop] = keep
            self.rule.setdefault(b, rule)


def resolve(mentions_by_doc: dict[str, list[SegmentMention]], documents: tuple[Document, ...]) -> Resolution:
    lexicon = load_lexicon()
    clusters = _Clusters()
    node_of: dict[tuple[str, int, int], str] = {}
    surface: dict[str, list[Mention]] = defaultdict(list)
    lexicon_type: dict[str, str] = {}
    descriptive: list[Mention] = []
    anaphoric_titles: list[Mention] = []  # 'its report ‘X’': a report named before, given its title
    title_nodes: set[str] = set()  # nodes named by a report's own title, which labels it before any other name
    maker_named: set[str] = set()  # nodes of reports known by their maker's name alone ('the Nuffield Trust report')
    rule_labels: dict[str, str] = {}
    surfaces: dict[tuple[str, int, int], str] = {}
    local_aliases: list[tuple[str, str]] = []  # (the branch's node, the short name's node)

    # 1. one node per (group, normalised name); lexicon names go to their canonical form
    canonical = lexicon.canonical()
    for doc_id in sorted(mentions_by_doc):
        for sm in mentions_by_doc[doc_id]:
            m = sm.mention
            if sm.surface:
                surfaces[(m.doc_id, m.start, m.end)] = sm.surface.strip("‘’“”\"' ")
            if m.source == "descriptive":
                descriptive.append(m)
                continue
            if m.source == "titled" and _ANAPHORIC.match(m.text):
                anaphoric_titles.append(m)
            term = canonical.get((sm.canonical or "").casefold()) or _plural_acronym(m.text, lexicon)
            if m.source == "local-alias":
                # a short name the page gives the one branch it names: a node of its own, joined to the branch
                # below so the merge is on record
                node = f"{_group(m)}|{_norm(m.text)} ({m.doc_id})"
                local_aliases.append((f"{_group(m)}|{_norm(sm.canonical)}", node))
            elif term:
                node = f"{_group(m)}|{term.name.casefold()}"
                lexicon_type[node] = term.type
            elif sm.canonical:
                node = f"{_group(m)}|{_norm(sm.canonical)}"
                if m.source == "report-by" and m.type == "Report" or m.source == "street":
                    # 'the Nuffield Trust report' of one article is not the one of another: a report known by its
                    # maker alone is one report per document (one known by its title is the same everywhere); so is
                    # a street (every town has a High Street)
                    node += f" ({m.doc_id})"
                    if m.type == "Report":
                        maker_named.add(node)
                rule_labels[node] = sm.canonical
                if m.source == "titled":
                    title_nodes.add(node)
            else:
                node = f"{_group(m)}|{_norm(m.text)}"
            node_of[(m.doc_id, m.start, m.end)] = node
            surface[node].append(m)
            clusters.find(node)

    for branch, node in local_aliases:
        if branch in surface:
            clusters.union(branch, node, "local-branch")

    nodes = sorted(surface)
    person_nodes = [n for n in nodes if n.startswith("person|")]
    org_nodes = [n for n in nodes if n.startswith("org|")]
    # the documents each node is named in, before step 5 adds descriptive mentions to the surfaces
    docs_of = {node: frozenset(m.doc_id for m in surface[node]) for node in nodes}

    # 2. people: a single name (surname or first name) joins the one full name that ends or starts with it,
    #    preferring a full name in the same document; ambiguous single names stay apart
    full = [n for n in person_nodes if len(_name(n).split()) >= 2]
    full_by_part = _name_parts(full)
    for node in person_nodes:
        name = _name(node)
        if len(name.split()) != 1:
            continue
        docs = docs_of[node]
        anywhere = full_by_part.get(name, [])
        same_doc = [f for f in anywhere if not docs.isdisjoint(docs_of[f])]
        target = same_doc if len(same_doc) == 1 else (anywhere if not same_doc and len(anywhere) == 1 else [])
        if target:
            clusters.union(target[0], node, "surname" if name == target[0].split()[-1] else "given-name")

    # 3. organisations: acronyms, and a head phrase written as its acronym
    by_name = {_name(n): n for n in org_nodes}
    for node in org_nodes:
        original = surface[node][0].text
        acronym = initials(_clean(original))
        if len(acronym) >= 2 and acronym.casefold() in by_name and by_name[acronym.casefold()] != node:
            clusters.union(node, by_name[acronym.casefold()], "acronym")
        words = _clean(original).split()
        for cut in range(1, len(words) - 1):
            head = " ".join(words[cut:])
            short = " ".join(words[:cut] + [initials(head)]).casefold()
            if len(head.split()) >= 2 and short in by_name and by_name[short] != node:
                clusters.union(node, by_name[short], "acronym-head")

    # 3a'. an integrated care board goes by its place with 'NHS' before it, 'ICB' or 'Integrated Care Board' after it,
    #      or both ('NHS Devon', 'Devon ICB', 'NHS Devon Integrated Care Board'): one board where a page names it more
    #      than one way (a body the lexicon knows, such as NHS England, is no board)
    boards: dict[str, list[str]] = defaultdict(list)
    for node in org_nodes:
        name = _name(node)
        short = re.sub(r" (?:integrated care board|icb)$", "", name)
        if short != name or name.startswith("nhs ") and node not in lexicon_type:
            boards[short.removeprefix("nhs ")].append(node)
    for _, named in sorted(boards.items()):
        for at, node in enumerate(named):
            other = next((o for o in named[:at] if not docs_of[node].isdisjoint(docs_of[o])), None)
            if other is not None:
                clusters.union(node, other, "icb-short-name")

    # 3b. a policy written as its acronym in the same document ('restoring the Minimum Practice Income Guarantee'
    #     ... 'bringing back the MPIG'): the model takes a bare acronym for an organisation
    unlisted_orgs = {_name(n): n for n in org_nodes if n not in lexicon_type}
    for node in nodes:
        if node.split("|", 1)[0] not in ("policy", "programme", "legislation"):
            continue
        acronym = initials(_clean(surface[node][0].text))
        other = unlisted_orgs.get(acronym.casefold()) if len(acronym) >= 3 else None
        if other and surface[other][0].text.strip("‘’“”\"' ") == acronym and not docs_of[node].isdisjoint(docs_of[other]):
            clusters.union(node, other, "acronym-policy")

    # 3a. 'the BMA's GP Committee' is the 'BMA GP Committee': an organisation's name after its owner's name or
    #     acronym, where the two together name another organisation of the same document. The first such
    #     longer name in sorted order wins.
    ending_with = _by_suffix(org_nodes)
    owner_docs: dict[str, set[str]] = defaultdict(set)  # a name, acronym or lexicon alias -> its documents
    for n in org_nodes:
        name = _name(n)
        for owner in {name, initials(name).casefold(), *(a.casefold() for a in _aliases_of(n, lexicon))}:
            owner_docs[owner] |= docs_of[n]
    for node in org_nodes:
        name = _name(node)
        docs = docs_of[node]
        for other in ending_with.get(name, []):
            owner = _name(other)[:-len(name) - 1]
            if owner == "nhs":
                continue  # 'NHS Dorset' is a body named after a place, and 'Dorset's local medical committee' not its
            if other != node and not docs.isdisjoint(owner_docs.get(owner, ())):
                clusters.union(other, node, "owner-prefix")
                break

    # 3b. a one-word organisation the model found that is a given name or surname of a person named in the same
    #     document is that person ('Sajid' tagged as an organisation beside 'Sajid Javid')
    for node in org_nodes:
        name = _name(node)
        if len(name.split()) != 1 or node in lexicon_type or any(m.source != "ner" for m in surface[node]):
            continue
        docs = docs_of[node]
        people = [f for f in full_by_part.get(name, []) if docs <= docs_of[f]]
        if len(people) == 1:
            clusters.union(people[0], node, "name-part")

    # 3b'. a two- or three-word 'organisation' the model found, with no head word of an organisation, whose last
    #      word is the surname of a person named in the same document is that person's full name ('Helena
    #      Marchetti pledges ...' in a standfirst, 'Ms Marchetti' in the story)
    surnames: dict[str, list[str]] = defaultdict(list)
    for n in person_nodes:
        surnames[_name(n).split()[-1]].append(n)
    for node in org_nodes:
        words = surface[node][0].text.split()
        if node in lexicon_type or not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words) or \
                any(m.source != "ner" for m in surface[node]) or words[-1].casefold() in uk_places() or \
                lexicon.organisation_head_type(_clean(surface[node][0].text)) is not None:
            continue
        people = [p for p in surnames.get(_name(node).split()[-1], []) if not docs_of[node].isdisjoint(docs_of[p])]
        if len(people) == 1 and len({m.doc_id for m in surface[node]}) == 1:
            surface[node] = [replace(m, type="Person") for m in surface[node]]
            clusters.union(people[0], node, "surname-of-person")

    # 3d. a one-word 'person' the model found that is no part of a person's name but the first word of one
    #     organisation named in the same document is that organisation ('Livewell' beside 'Livewell Group')
    org_by_first: dict[str, list[str]] = defaultdict(list)
    for n in org_nodes:
        if len(_name(n).split()) >= 2:
            org_by_first[_name(n).split()[0]].append(n)
    texts = {d.doc_id: d.text for d in documents}
    for node in person_nodes:
        name = _name(node)
        if len(name.split()) != 1 or name in full_by_part or any(m.source != "ner" for m in surface[node]):
            continue
        if _place_not_person(surface[node], texts):
            continue  # 'partners in Devon' beside 'Devon LMC': the county, not the committee named after it
        orgs = [o for o in org_by_first.get(name, []) if docs_of[node] <= docs_of[o]]
        if len(orgs) == 1:
            org_type = surface[orgs[0]][0].type
            surface[node] = [replace(m, type=org_type) for m in surface[node]]
            clusters.union(orgs[0], node, "short-name")

    # 3f. a company's name with its legal form is the name without it ('Meridian Primary Care Ltd'); then a
    #     one-word organisation the model found that is the first word of one organisation named in the same
    #     document is that organisation ('Meridian would take over' beside 'Meridian Primary Care')
    for node in org_nodes:
        bare = _LEGAL_FORM.sub("", _name(node))
        if bare != _name(node) and bare in by_name:
            clusters.union(by_name[bare], node, "legal-form")
    #     (or a one-word 'place' the model found that is no town kg knows and never follows a town's preposition:
    #     'senior partner at Fenside since 2009' beside 'Fenside Medical Partnership')
    place_nodes = [n for n in nodes if n.startswith("place|")]
    nodes_by_name: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        nodes_by_name[_name(n)].append(n)
    for node in org_nodes + place_nodes:
        name = _name(node)
        # 'Kingsmere' the town beside 'Kingsmere' a body: which one is meant is unclear
        # ('Vantora' found now as a body, now as a place, and never as a town, is one name the model hesitated on)
        named_otherwise = any(n != node and not (n.startswith("org|") and node.startswith("org|")) and not (
            n.startswith(("org|", "place|")) and all(m.source == "ner" for m in surface[n]) and
            not _named_as_town(surface[n], texts)) for n in nodes_by_name[name])
        if len(name.split()) != 1 or node in lexicon_type or any(m.source != "ner" for m in surface[node]) or \
                name in uk_places() or name in full_by_part or named_otherwise or \
                _named_as_town(surface[node], texts):
            continue
        roots = {clusters.find(o) for o in org_by_first.get(name, []) if docs_of[node] <= docs_of[o]}
        if len(roots) == 1:
            if node.startswith("place|"):
                org_type = surface[next(iter(roots))][0].type
                surface[node] = [replace(m, type=org_type) for m in surface[node]]
            clusters.union(next(iter(roots)), node, "short-name")

    # 3h. a review named after the person who led it ('the Okonjo-Marsh review' beside 'the Review of Physician
    #     Associates in the NHS, an independent review led by Professor Judith Okonjo-Marsh'): where the document
    #     names that person and one other report of the same kind, it is that report
    surnames = {_name(n).split()[-1]: n for n in person_nodes if len(_name(n).split()) >= 2}
    report_nodes = [n for n in nodes if n.startswith("report|")]
    for node in report_nodes:
        words = re.sub(r" \([^)]*\)$", "", _name(node)).split()  # (a report known by its maker is one per document)
        person = surnames.get(" ".join(words[:-1])) if len(words) >= 2 else None
        if person is None or docs_of[node].isdisjoint(docs_of[person]):
            continue
        kind = words[-1]
        others = [o for o in report_nodes if o != node and kind in _name(o).split() and docs_of[node] <= docs_of[o]]
        if len(others) == 1:
            clusters.union(others[0], node, "led-by-name")

    # 3i. a report known by its maker's name ('We welcome Healthwatch Norfolk's report') is the one report the page
    #     titles in a paragraph that names that maker before the title ('Healthwatch Norfolk surveyed 412 patients
    #     ... for its report, Still on Hold: ...')
    titled_by_doc: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for other in title_nodes:
        for m in surface[other]:
            titled_by_doc[m.doc_id].append((m, other))
    for node in sorted(maker_named):
        maker = rule_labels[node].rsplit(" ", 1)[0]
        titled_here = {clusters.find(other) for doc_id in docs_of[node] for m, other in titled_by_doc[doc_id]
                       if maker in texts.get(doc_id, "")[max(0, m.start - 300):m.start].rsplit("\n\n", 1)[-1]}
        if len(titled_here) == 1:
            clusters.union(titled_here.pop(), node, "maker-title")

    # 3c. a policy phrase that ends in another policy named in the same document is that policy with an
    #     epithet ('comprehensive rescue package' and 'rescue package'); the first such shorter policy in
    #     sorted order wins
    policy_nodes = [n for n in nodes if n.split("|", 1)[0] in ("policy", "programme")]
    policies_named: dict[str, list[str]] = defaultdict(list)
    for n in policy_nodes:
        policies_named[_name(n)].append(n)
    for node in policy_nodes:
        name = _name(node)
        if any(CONTRACT_YEAR.fullmatch(word) for word in name.split()):
            continue  # 'the 2026/27 GP contract' is that year's, not the GP contract with an epithet
        if any(m.source == "change" for m in surface[node]):
            continue  # 'the rise in employer NICs' is a change to them, not them
        docs = docs_of[node]
        shorter = sorted(o for suffix in _suffixes(name) for o in policies_named.get(suffix, []))
        for other in shorter:
            if other != node and len(_name(other).split()) >= 2 and not docs.isdisjoint(docs_of[other]):
                clusters.union(other, node, "epithet")
                break

    # 3c'. a year's offer, deal or settlement named more than one way in the same document is one bargain, by its
    #      fullest name ('the 2026/27 deal', 'the offer for 2026/27' and 'the 2026/27 GP contract offer'); the
    #      contract itself ('the 2026/27 GP contract') is not its offer
    year_policies = {n: yp for n in policy_nodes if (yp := _year_policy(_name(n)))}
    for node, (year, kind, words) in year_policies.items():
        same = [o for o, (o_year, o_kind, _) in year_policies.items()
                if (o_year, o_kind) == (year, kind) and not docs_of[node].isdisjoint(docs_of[o])]
        fullest = max(same, key=lambda o: (len(year_policies[o][2]), o))
        if fullest != node and (kind == "bargain" or words < year_policies[fullest][2]):
            clusters.union(fullest, node, "same-year")
            rule_labels.setdefault(fullest, _clean(surface[fullest][0].text))

    # 3e. a name the model took for an organisation or a person that is a policy's name without its kind word
    #     ('Pharmacy First' beside 'the Pharmacy First scheme' in the same document) is that policy
    by_stem: dict[str, list[str]] = defaultdict(list)
    for n in policy_nodes:
        words = _name(n).split()
        if len(words) >= 2 and words[-1].casefold() in _POLICY_KIND_WORDS:
            by_stem[" ".join(words[:-1])].append(n)
    for node in org_nodes + person_nodes:
        if node in lexicon_type or any(m.source != "ner" for m in surface[node]):
            continue
        policies = [n for n in by_stem.get(_name(node), []) if not docs_of[node].isdisjoint(docs_of[n])]
        if len(policies) == 1:
            surface[node] = [replace(m, type=surface[policies[0]][0].type) for m in surface[node]]
            clusters.union(policies[0], node, "kind-word")

    # 3g. a name the model found that is a practice's or company's name without its kind and legal form, in the
    #     same document ('Orchard Vale' beside 'Orchard Vale Medical Practice', 'Larchfield' beside 'Larchfield
    #     Health Ltd'), is that body, unless it names a town
    by_body_stem: dict[str, list[str]] = defaultdict(list)
    for n in org_nodes:
        if surface[n][0].type in ("Practice", "Company"):
            stem = body_stem(_name(n))
            if stem and stem != _name(n):
                by_body_stem[stem].append(n)
    place_nodes = [n for n in nodes if n.startswith("place|")]
    for node in org_nodes + person_nodes + place_nodes:
        name = _name(node)
        if node in lexicon_type or any(m.source != "ner" for m in surface[node]) or name in uk_places() or \
                _named_as_town(surface[node], texts):
            continue
        bodies = [n for n in by_body_stem.get(name, []) if n != node and docs_of[node] <= docs_of[n]]
        if len({clusters.find(n) for n in bodies}) == 1:
            surface[node] = [replace(m, type=surface[bodies[0]][0].type) for m in surface[node]]
            clusters.union(bodies[0], node, "short-name")

    # 4. a name seen both as a person and as an organisation (or policy) is one entity; keep the better-attested
    groups: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        groups[_name(node)].append(node)
    for name, same in groups.items():
        if len(same) > 1:
            for other in same[1:]:
                pair = (same[0], other)
                if any(n.startswith("place|") for n in pair) and any(clusters.rule.get(n) == "short-name" for n in pair):
                    continue  # 'in Wexcombe', the town, beside 'the Wexcombe partners', Wexcombe Surgery's: two entities
                clusters.union(same[0], other, "same-name")

    # 5. 'the report' joins the nearest named report before it in its document whose head word it shares
    #    (or, with none before, as in a headline, the first one after it); never a report of another document.
    #    A descriptive mention once joined counts as named for the ones after it.
    titled = [(m, head) for m in anaphoric_titles if (head := _title_head(m.text))]
    # a report known by its title goes by the word that introduced it too ('The think tank's analysis, Fair shares:
    # ...' is 'the report' after it)
    kinds: dict[str, set[str]] = defaultdict(set)
    for node in title_nodes:
        for m in surface[node]:
            head = _title_head(m.text) if m.source == "titled" else None
            if head:
                kinds[node] |= _study_class(head)
    for node in nodes:
        # 'the reduction' after 'a cut to vaccination fees': one word for a change stands for another of its sense
        for m in surface[node]:
            if m.source == "change":
                kinds[node] |= next((set(words) for words in CHANGE_SENSES if words & set(m.text.casefold().split())),
                                    set())
    named = _NamedIndex(clusters, node_of, {(m.doc_id, _group(m), m.text.split()[-1].casefold()) for m in descriptive}
                        | {(m.doc_id, _group(m), word) for m, head in titled for word in _study_class(head)}, kinds)
    # 'The think tank’s report, ‘Rethinking general practice funding’,' after 'a report by the Nuffield Trust': the
    # report named before, now with its title ('The think tank's analysis, Fair shares: ...' after 'a report
    # published today by the Nuffield Trust': one study word stands for another)
    for m, head in titled:
        before = max((found for word in _study_class(head)
                      if (found := named.before_at(m.doc_id, _group(m), word, m.start)) is not None),
                     default=(None, None))[1]
        own = node_of.get((m.doc_id, m.start, m.end))
        if before is not None and own is not None and clusters.find(own) != before:
            clusters.union(before, own, "titled-report")
    makers = _report_makers(surface, clusters, canonical, {d.doc_id: lead_paragraph(d) for d in documents})
    reports: dict[str, list[tuple[int, str]]] = defaultdict(list)  # document -> (offset, node) of named reports
    for node, ms in surface.items():
        for named_report in (x for x in ms if _group(x) == "report" and x.source != "descriptive"):
            reports[named_report.doc_id].append((named_report.start, node))
    for row in reports.values():
        row.sort()
    made_by_maker: set[tuple[str, int, int]] = set()
    for m in descriptive:
        key = (m.doc_id, m.start, m.end)
        head = m.text.split()[-1].casefold()
        root = named.nearest(m.doc_id, _group(m), head, m.start)
        if root is None and _group(m) == "report":
            # 5b. 'an analysis by the Health Foundation ... The report's recommendations': a report named before it
            #     by another word; with none, 'The Health Foundation has called for... The report, written by X,
            #     found': the report of the one organisation named before it, known by its maker
            earlier = [r for start, r in reports.get(m.doc_id, ()) if start < m.start and
                       head in _STUDY_WORDS and _name(r).split(" (")[0].split()[-1] in _STUDY_WORDS]
            root = clusters.find(earlier[-1]) if earlier else None
            maker = {r: label for start, r, label in makers.get(m.doc_id, ()) if start < m.start}
            if root is None and len(maker) == 1:
                label = f"{next(iter(maker.values()))} {head}"
                root = f"report|{_norm(label)} ({m.doc_id})"
                rule_labels[root] = label
                if clusters.find(root) == root and root not in surface:
                    nodes.append(root)
                    surface[root] = []
                made_by_maker.add(key)
        if root is not None:
            if key in node_of:
                named.remove(key, node_of[key])
            node_of[key] = root
            named.add(key, root)
            surface[root].append(m)
            clusters.rule.setdefault(root, "descriptive")

    # 6. build entities
    members: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        members[clusters.find(node)].append(node)
    entities: list[Entity] = []
    key_of_root: dict[str, str] = {}
    used_keys: set[str] = set()
    for root in sorted(members):
        group_nodes = members[root]
        ms = [m for n in group_nodes for m in surface[n]]
        etype = _vote_type(ms, [lexicon_type[n] for n in group_nodes if n in lexicon_type])
        if etype in ("Person", "Organization") and _place_not_person(ms, texts, etype):
            etype = "Place"
        # a report known by its maker's name takes a name of its own where it has one ('the Okonjo-Marsh review' is
        # the 'Review of Physician Associates in the NHS')
        labelling, label_mentions = group_nodes, ms
        own = [n for n in group_nodes if n not in maker_named]
        if own and len(own) < len(group_nodes):
            labelling, label_mentions = own, [m for m in ms if m.source != "report-by"] or ms
        label = next((rule_labels[n] for n in labelling if n in title_nodes), None) or \
            next((rule_labels[n] for n in labelling if n in rule_labels), None) or \
            _label(labelling, label_mentions, lexicon, etype)
        key = iri.entity_key(etype, label)
        while key in used_keys:
            key += "-2"
        used_keys.add(key)
        key_of_root[root] = key
        named_ms = [m for m in ms if m.source != IMPLIED_POST]  # 'health secretary' is no name of the Government
        aliases = tuple(sorted({_clean(m.text) for m in named_ms} | {m.text.strip() for m in named_ms}
                               | {surfaces[k] for k in ((m.doc_id, m.start, m.end) for m in named_ms)
                                  if k in surfaces}))
        # merges are told from the node that gives the entity its label: 'Kanani' joined 'Nikki Kanani' by surname
        label_node = next((n for n in group_nodes if n.split("|", 1)[1] == _norm(label)), root)
        merges = tuple(sorted({Merge(m.text, m.doc_id, clusters.rule.get(n) or clusters.rule.get(label_node)
                                     or "same-name")
                               for n in group_nodes if n != label_node for m in surface[n]},
                              key=lambda mg: (mg.doc_id, mg.alias, mg.rule)))
        entities.append(Entity(key=key, label=label, type=etype, aliases=aliases,
                               documents=tuple(sorted({m.doc_id for m in ms})), merges=merges))
    mention_entity = {k: key_of_root[clusters.find(node)] for k, node in node_of.items()}
    entities.extend(_commenters(documents))
    all_mentions = tuple(sorted((replace(sm.mention, source=MAKER_REPORT)
                                 if (sm.mention.doc_id, sm.mention.start, sm.mention.end) in made_by_maker
                                 else sm.mention for sms in mentions_by_doc.values() for sm in sms
                                 if (sm.mention.doc_id, sm.mention.start, sm.mention.end) in mention_entity),
                                key=lambda m: (m.doc_id, m.start, m.end)))
    return Resolution(tuple(sorted(entities, key=lambda e: e.key)), mention_entity, all_mentions)


_LEGAL_FORM = re.compile(r",? (?:ltd\.?|limited|plc|llp|cic)$")
# what a practice's or a provider's name ends in besides the words that say which one it is
_BODY_KINDS = re.compile(r"(?: (?:medical|health|group|family))?(?: practice| surgery| centre| center| clinic)$|"
                         r"(?: (?:health|healthcare|care|medical|primary care))+(?: group| services| partners)?$")


def body_stem(name: str) -> str:
    """'orchard vale medical practice' -> 'orchard vale', 'larchfield health ltd' -> 'larchfield'."""
    return _BODY_KINDS.sub("", _LEGAL_FORM.sub("", name)).strip()


def _named_as_town(mentions: list[Mention], texts: dict[str, str]) -> bool:
    """Whether a town's preposition comes before one of the mentions ('Ashby Surgery in Ashby': the town, not a
    short name of the surgery; 'at Orchard Vale' may be either), or one owns practices ('Brindleford's oldest
    practice', 'one of Brindleford's GP surgeries')."""
    return any(named_as_town_at(texts.get(m.doc_id, ""), m.start, m.end) or
               _OWNS_PRACTICES.match(texts.get(m.doc_id, ""), m.end) for m in mentions)


_POLICY_KIND_WORDS = {"scheme", "programme", "service", "initiative", "pilot", "plan", "model", "fund", "formula",
                      "framework"}
# a name owning practices is a town's: "'s oldest practice", "'s longest-established GP surgeries"
# (not "'s practice manager", "'s surgery team": the practice's own people)
_OWNS_PRACTICES = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}(?:GP\s+)?(?:practices?|surger(?:y|ies))\b"
                             r"(?!\s+(?:managers?|nurses?|teams?|staff|lists?|buildings?|premises|partners?|"
                             r"pharmacists?|receptionists?|patients?|doctors?|GPs?)\b)")
_PLACE_BEFORE = re.compile(r"(?:\b(?:town|village|city|county|borough)\s+of|(?:Surgery|Practice|Centre|Clinic|surgery|"
                           r"practice)\s+(?:in|near)(?:\s+(?:neighbouring|nearby))?)\s+$")
_LOCATIVE = re.compile(r"(?:\bin|\bat|\bfrom|\bnear|\bacross|\baround|\bof)\s+$", re.I)


def _place_not_person(mentions: list[Mention], texts: dict[str, str], etype: str = "Person") -> bool:
    """A 'person' or 'organisation' the model found, never with a given name, title or organisation word, that is
    a UK place ('Cornwall', 'Blackpool'), a one-word 'person' that follows 'in'/'at'/'from' somewhere ('what
    was happening in Wolverhampton'), or an 'organisation' of up to three words, none naming a kind of body, after
    a practice's 'in' or 'the town of', is a place."""
    if etype == "Person" and any(m.source == "seat" for m in mentions) and \
            all(len(_clean(m.text).split()) == 1 for m in mentions):
        return True  # 'who represents Kingsmere' beside 'Kingsmere' the model called a person: a seat is a place
    # (a name the page repeats is the model's name again: "King's Lynn" found once and matched again; a town kg
    # found where the model did not is a place the model called a person elsewhere: 'the Walsall case')
    if any(m.source not in ("ner", "repeated-name", "town", "comment-header") or _clean(m.text) != m.text.strip()
           for m in mentions):
        return False
    if all(_clean(m.text).casefold() in uk_places() for m in mentions):
        return True
    if etype == "Person" and all(len(_clean(m.text).split()) <= 3 for m in mentions) and \
            any(_PLACE_BEFORE.search(texts.get(m.doc_id, "")[max(0, m.start - 30):m.start]) for m in mentions):
        return True  # 'Fenside Surgery in Long Sutton': no one is named right after a practice's 'in'
    if etype == "Organization" and all(len(_clean(m.text).split()) == 1 or len(_clean(m.text).split()) <= 3 and
                                       load_lexicon().organisation_head_type(_clean(m.text), ignore_case=True) is None
                                       for m in mentions):
        # 'Combe Lane Surgery in Harbridge', 'Riverside Medical Centre in Little Haddon', 'the market town of
        # Kingsmere': a town the model took for a body, with no word that names a kind of body
        return any(_PLACE_BEFORE.search(texts.get(m.doc_id, "")[max(0, m.start - 30):m.start]) for m in mentions)
    if any(len(_clean(m.text).split()) != 1 for m in mentions):
        return False
    return etype == "Person" and any(_LOCATIVE.search(texts.get(m.doc_id, "")[max(0, m.start - 12):m.start])
                                     for m in mentions)


def _year_policy(name: str) -> tuple[str, str, frozenset[str]] | None:
    """'2026/27 gp contract offer' -> ('2026/27', 'bargain', {'gp', 'contract', 'offer'}): a contract's year, whether
    the name is of the contract or of what is negotiated for it (an offer, deal, settlement), and its other words."""
    words = name.split()
    years = [w for w in words if CONTRACT_YEAR.fullmatch(w)]
    rest = [w for w in words if w not in years and w != "for"]
    if len(years) != 1 or not rest or rest[-1] not in CONTRACT_STAGES | {"contract"}:
        return None
    return years[0], "contract" if rest[-1] == "contract" else "bargain", frozenset(rest)


def _aliases_of(node: str, lexicon) -> tuple[str, ...]:
    term = lexicon.canonical().get(node.split("|", 1)[1])
    return (term.name, *term.aliases) if term else ()


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def _plural_acronym(text: str, lexicon):
    """'NHSEs', 'CCGs': an acronym with a plural s is the lexicon's entry for the acronym, where it has one."""
    name = _clean(text)
    if _PLURAL_ACRONYM.fullmatch(name):
        return lexicon.canonical().get(name[:-1].casefold())
    return None


def _name(node: str) -> str:
    return node.split("|", 1)[1]


def _name_parts(full: list[str]) -> dict[str, list[str]]:
    """Each single name to the full names (nodes, in the given order) it can stand for: their first word, last
    word, or the last part of a double-barrelled last word."""
    index: dict[str, list[str]] = defaultdict(list)
    for node in full:
        words = _name(node).split()
        for part in dict.fromkeys((words[-1], words[0], words[-1].split("-")[-1])):
            index[part].append(node)
    return index


def _suffixes(name: str) -> list[str]:
    """Every x where name ends with ' ' + x: 'bma gp committee' -> ['gp committee', 'committee']."""
    return [name[i + 1:] for i, c in enumerate(name) if c == " "]


def _by_suffix(nodes: list[str]) -> dict[str, list[str]]:
    """Each x to the nodes (in the given order) whose name ends with ' ' + x."""
    index: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        for suffix in _suffixes(_name(node)):
            index[suffix].append(node)
    return index


_ANAPHORIC = re.compile(r"(?i)(?:the|its|their|this|that|his|her)\b")


def _title_head(text: str) -> str | None:
    """The head word before a titled report's title: 'report' in 'The think tank’s report, ‘Rethinking...’'."""
    heads = policy_head_types()
    return next((w for w in re.findall(r"[\w-]+", text.split("‘")[0].split("“")[0].split('"')[0].casefold())
                 if w in heads or w in TITLED_REPORT_WORDS), None)


# words for a piece of research, one of which may stand for another ('an analysis by X ... the report'); not a
# letter or a plan, nor a review or a survey, which are often another piece of work than the page's report
_STUDY_WORDS = {"report", "analysis", "study", "paper", "research", "evaluation", "briefing"}
MAKER_REPORT = "maker-report"  # the source of 'the report' made the report of the one organisation named before


# the kinds of organisation that publish reports
REPORT_MAKERS = {"ThinkTank", "Organization", "GovernmentBody", "Company"}


def _study_class(head: str) -> set[str]:
    return _STUDY_WORDS if head in _STUDY_WORDS else {head}


def _report_makers(surface: dict[str, list[Mention]], clusters: _Clusters, canonical: dict,
                   leads: dict[str, tuple[int, int]]) -> dict[str, list[tuple[int, str, str]]]:
    """Document -> (offset, cluster root, name) of every organisation its lead paragraph names that could publish
    a report: the one a news story of a report is about ('The Health Foundation has called for...')."""
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for node, ms in surface.items():
        for m in ms:
            lead = leads.get(m.doc_id, (0, 0))
            if lead[0] <= m.start < lead[1] and report_maker(m):
                term = canonical.get(_clean(m.text).casefold())
                found[m.doc_id].append((m.start, clusters.find(node), term.name if term else _clean(m.text)))
    return found


def report_maker(mention: Mention) -> bool:
    """Whether a mention names an organisation that could publish a report ('NHS' alone is the system)."""
    return mention.type in REPORT_MAKERS and mention.source not in ("descriptive", IMPLIED_POST) and \
        _clean(mention.text) != "NHS"


def lead_paragraph(document: Document) -> tuple[int, int]:
    """The span of the article's first paragraph of text: not a heading, not the byline."""
    for segment in document.segments:
        if segment.section == ARTICLE and not segment.heading and segment != document.byline:
            return segment.start, segment.end
    return 0, 0


class _NamedIndex:
    """Named mentions by (document, group, word of the node's name), each row sorted by (start, root), so the
    nearest one before or after an offset is a bisection. Only the rows in `wanted` are kept."""

    def __init__(self, clusters: _Clusters, node_of: dict[tuple[str, int, int], str],
                 wanted: set[tuple[str, str, str]], kinds: dict[str, set[str]] | None = None) -> None:
        self.clusters = clusters
        self.kinds = kinds or {}  # node -> words it also goes by
        self.rows: dict[tuple[str, str, str], list[tuple[int, str, tuple[str, int, int]]]] = {w: [] for w in wanted}
        self.terms: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}  # node -> (root, its (group, word)s)
        docs = {doc_id for doc_id, _, _ in wanted}
        for key, node in node_of.items():
            if key[0] in docs:
                for row, entry in self._places(key, node):
                    row.append(entry)
        for row in self.rows.values():
            row.sort()

    def _places(self, key: tuple[str, int, int], node: str):
        if node not in self.terms:
            group, name = node.split("|", 1)
            words = set(name.split()) | self.kinds.get(node, set())
            self.terms[node] = (self.clusters.find(node), tuple((group, word) for word in words))
        root, terms = self.terms[node]
        entry = (key[1], root, key)
        rows = (self.rows.get((key[0], *term)) for term in terms)
        return [(row, entry) for row in rows if row is not None]

    def add(self, key: tuple[str, int, int], node: str) -> None:
        for row, entry in self._places(key, node):
            insort(row, entry)

    def remove(self, key: tuple[str, int, int], node: str) -> None:
        for row, entry in self._places(key, node):
            del row[bisect_left(row, entry)]

    def before(self, doc_id: str, group: str, word: str, start: int) -> str | None:
        """The root of the last named mention starting before `start`, or None."""
        found = self.before_at(doc_id, group, word, start)
        return found[1] if found else None

    def before_at(self, doc_id: str, group: str, word: str, start: int) -> tuple[int, str] | None:
        """(offset, root) of the last named mention starting before `start`, or None."""
        row = self.rows.get((doc_id, group, word), [])
        at = bisect_left(row, (start,))
        return row[at - 1][:2] if at else None

    def nearest(self, doc_id: str, group: str, word: str, start: int) -> str | None:
        """The root of the last named mention starting before `start`, else of the first starting after it."""
        before = self.before(doc_id, group, word, start)
        if before is not None:
            return before
        row = self.rows.get((doc_id, group, word), [])
        after = bisect_left(row, (start + 1,))
        return row[after][1] if after < len(row) else None


def _vote_type(mentions: list[Mention], lexicon_types: list[str]) -> str:
    if lexicon_types:
        return Counter(lexicon_types).most_common(1)[0][0]
    counts = Counter(m.type for m in mentions)
    return max(counts, key=lambda t: (counts[t] * _TYPE_RANK.get(t, 1), _TYPE_RANK.get(t, 1), t))


def _label(nodes: list[str], mentions: list[Mention], lexicon, etype: str) -> str:
    canon = lexicon.canonical()
    for node in nodes:
        name = node.split("|", 1)[1]
        if name in canon:
            return canon[name].name
    names = Counter(_clean(m.text) for m in mentions if m.source != "descriptive") or \
        Counter(_clean(m.text) for m in mentions)
    if etype in _CONCEPT_TYPES:
        # a policy goes by its plainest name: the most used, then the shortest ('rescue package', not
        # 'comprehensive rescue package'), but never by the acronym of another of its names
        spelt_out = {initials(n) for n in names if len(n.split()) >= 2}
        return max(names, key=lambda n: (n not in spelt_out, names[n], -len(n.split()), -len(n), n))
    # a person or organisation by the longest full form; ties by frequency then text
    return max(names, key=lambda n: (len(n.split()), names[n], len(n), n))


def _commenters(documents: tuple[Document, ...]) -> list[Entity]:
    seen: dict[str, tuple[str, set[str]]] = {}
    for doc in documents:
        for comment in doc.comments:
            if comment.author:
                key = iri.entity_key("Commenter", comment.author)
                seen.setdefault(key, (comment.author, set()))[1].add(doc.doc_id)
    return [Entity(key=k, label=name, type="Commenter", aliases=(name,), documents=tuple(sorted(docs)))
            for k, (name, docs) in sorted(seen.items())]


def commenter_key(comment: Comment) -> str | None:
    return iri.entity_key("Commenter", comment.author) if comment.author else None
