"""Stage: resolve mentions into entities, inside and across documents, recording every merge."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from kg import iri
from kg.lexicon import load_lexicon
from kg.mentions import SegmentMention, clean_name
from kg.model import Comment, Document, Entity, Merge, Mention

_STOP = {"of", "and", "the", "for", "&", "in", "on", "at"}
# a type that is more specific (or more trusted) wins a vote between mentions of one entity
_TYPE_RANK = {"Person": 3, "Practice": 3, "ThinkTank": 3, "Company": 3, "Publication": 3, "GovernmentBody": 3,
              "Report": 2, "Legislation": 2, "Programme": 2, "Policy": 2, "Organization": 1, "Place": 1}
_CONCEPT_TYPES = {"Policy", "Programme", "Legislation"}
_ORG_TYPES = {"Organization", "GovernmentBody", "Practice", "ThinkTank", "Company", "Publication"}


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    mention_entity: dict[tuple[str, int, int], str]  # (doc_id, start, end) -> entity key
    mentions: tuple[Mention, ...]


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", clean_name(name).replace("’", "'")).casefold()


def initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.casefold() not in _STOP and w[0].isalpha()).upper()


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
    rule_labels: dict[str, str] = {}
    surfaces: dict[tuple[str, int, int], str] = {}

    # 1. one node per (group, normalised name); lexicon names go to their canonical form
    for doc_id in sorted(mentions_by_doc):
        for sm in mentions_by_doc[doc_id]:
            m = sm.mention
            if sm.surface:
                surfaces[(m.doc_id, m.start, m.end)] = sm.surface.strip("‘’“”\"' ")
            if m.source == "descriptive":
                descriptive.append(m)
                continue
            term = lexicon.canonical().get((sm.canonical or "").casefold()) or _plural_acronym(m.text, lexicon)
            if term:
                node = f"{_group(m)}|{term.name.casefold()}"
                lexicon_type[node] = term.type
            elif sm.canonical:
                node = f"{_group(m)}|{_norm(sm.canonical)}"
                rule_labels[node] = sm.canonical
            else:
                node = f"{_group(m)}|{_norm(m.text)}"
            node_of[(m.doc_id, m.start, m.end)] = node
            surface[node].append(m)
            clusters.find(node)

    nodes = sorted(surface)
    person_nodes = [n for n in nodes if n.startswith("person|")]
    org_nodes = [n for n in nodes if n.startswith("org|")]

    # 2. people: a single name (surname or first name) joins the one full name that ends or starts with it,
    #    preferring a full name in the same document; ambiguous single names stay apart
    full = [n for n in person_nodes if len(n.split("|", 1)[1].split()) >= 2]
    for node in person_nodes:
        name = node.split("|", 1)[1]
        if len(name.split()) != 1:
            continue
        docs = {m.doc_id for m in surface[node]}
        same_doc = [f for f in full if _name_part(name, f) and docs & {m.doc_id for m in surface[f]}]
        anywhere = [f for f in full if _name_part(name, f)]
        target = same_doc if len(same_doc) == 1 else (anywhere if not same_doc and len(anywhere) == 1 else [])
        if target:
            clusters.union(target[0], node, "surname" if name == target[0].split()[-1] else "given-name")

    # 3. organisations: acronyms, and a head phrase written as its acronym
    by_name = {n.split("|", 1)[1]: n for n in org_nodes}
    for node in org_nodes:
        name = node.split("|", 1)[1]
        original = surface[node][0].text
        acronym = initials(clean_name(original))
        if len(acronym) >= 2 and acronym.casefold() in by_name and by_name[acronym.casefold()] != node:
            clusters.union(node, by_name[acronym.casefold()], "acronym")
        words = clean_name(original).split()
        for cut in range(1, len(words) - 1):
            head = " ".join(words[cut:])
            short = " ".join(words[:cut] + [initials(head)]).casefold()
            if len(head.split()) >= 2 and short in by_name and by_name[short] != node:
                clusters.union(node, by_name[short], "acronym-head")

    # 3a. 'the BMA's GP Committee' is the 'BMA GP Committee': an organisation's name after its owner's name or
    #     acronym, where the two together name another organisation of the same document
    for node in org_nodes:
        name = node.split("|", 1)[1]
        docs = {m.doc_id for m in surface[node]}
        for other in org_nodes:
            whole = other.split("|", 1)[1]
            if other == node or not whole.endswith(" " + name):
                continue
            owner = whole[:-len(name) - 1]
            owners = [n for n in org_nodes if n.split("|", 1)[1] == owner or initials(n.split("|", 1)[1]).casefold()
                      == owner or owner in {a.casefold() for a in _aliases_of(n, lexicon)}]
            if owners and docs & {m.doc_id for o in owners for m in surface[o]}:
                clusters.union(other, node, "owner-prefix")
                break

    # 3b. a one-word organisation the model found that is a given name or surname of a person named in the same
    #     document is that person ('Sajid' tagged as an organisation beside 'Sajid Javid')
    for node in org_nodes:
        name = node.split("|", 1)[1]
        if len(name.split()) != 1 or node in lexicon_type or any(m.source != "ner" for m in surface[node]):
            continue
        docs = {m.doc_id for m in surface[node]}
        people = [f for f in full if _name_part(name, f) and docs <= {m.doc_id for m in surface[f]}]
        if len(people) == 1:
            clusters.union(people[0], node, "name-part")

    # 3c. a policy phrase that ends in another policy named in the same document is that policy with an
    #     epithet ('comprehensive rescue package' and 'rescue package')
    policy_nodes = [n for n in nodes if n.split("|", 1)[0] in ("policy", "programme")]
    for node in policy_nodes:
        name = node.split("|", 1)[1]
        docs = {m.doc_id for m in surface[node]}
        for other in policy_nodes:
            short = other.split("|", 1)[1]
            if other != node and len(short.split()) >= 2 and name.endswith(" " + short) and \
                    docs & {m.doc_id for m in surface[other]}:
                clusters.union(other, node, "epithet")
                break

    # 4. a name seen both as a person and as an organisation (or policy) is one entity; keep the better-attested
    groups: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        groups[node.split("|", 1)[1]].append(node)
    for name, same in groups.items():
        if len(same) > 1:
            for other in same[1:]:
                clusters.union(same[0], other, "same-name")

    # 5. 'the report' joins the nearest named report before it in its document whose head word it shares
    #    (or, with none before, as in a headline, the first one after it); never a report of another document
    for m in descriptive:
        head = m.text.split()[-1].casefold()
        named = sorted((s, clusters.find(node)) for (d, s, e), node in node_of.items()
                       if d == m.doc_id and node.startswith(_group(m) + "|") and head in node.split("|", 1)[1].split())
        before = [root for s, root in named if s < m.start]
        after = [root for s, root in named if s > m.start]
        root = before[-1] if before else (after[0] if after else None)
        if root is not None:
            node_of[(m.doc_id, m.start, m.end)] = root
            surface[root].append(m)
            clusters.rule.setdefault(root, "descriptive")

    # 6. build entities
    texts = {d.doc_id: d.text for d in documents}
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
        if etype == "Person" and _place_not_person(ms, texts):
            etype = "Place"
        label = next((rule_labels[n] for n in group_nodes if n in rule_labels), None) or \
            _label(group_nodes, ms, lexicon, etype)
        key = iri.entity_key(etype, label)
        while key in used_keys:
            key += "-2"
        used_keys.add(key)
        key_of_root[root] = key
        aliases = tuple(sorted({clean_name(m.text) for m in ms} | {m.text.strip() for m in ms}
                               | {surfaces[k] for k in ((m.doc_id, m.start, m.end) for m in ms) if k in surfaces}))
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
    all_mentions = tuple(sorted((sm.mention for sms in mentions_by_doc.values() for sm in sms
                                 if (sm.mention.doc_id, sm.mention.start, sm.mention.end) in mention_entity),
                                key=lambda m: (m.doc_id, m.start, m.end)))
    return Resolution(tuple(sorted(entities, key=lambda e: e.key)), mention_entity, all_mentions)


_LOCATIVE = re.compile(r"(?:\bin|\bat|\bfrom|\bnear|\bacross|\baround|\bof)\s+$", re.I)


def _place_not_person(mentions: list[Mention], texts: dict[str, str]) -> bool:
    """A one-word 'person' the model found, never with a given name or title, that follows 'in'/'at'/'from'
    somewhere ('what was happening in Wolverhampton') is a place."""
    if any(m.source != "ner" or len(clean_name(m.text).split()) != 1 or clean_name(m.text) != m.text.strip()
           for m in mentions):
        return False
    return any(_LOCATIVE.search(texts.get(m.doc_id, "")[max(0, m.start - 12):m.start]) for m in mentions)


def _aliases_of(node: str, lexicon) -> tuple[str, ...]:
    term = lexicon.canonical().get(node.split("|", 1)[1])
    return (term.name, *term.aliases) if term else ()


def _plural_acronym(text: str, lexicon):
    """'NHSEs', 'CCGs': an acronym with a plural s is the lexicon's entry for the acronym, where it has one."""
    name = clean_name(text)
    if re.fullmatch(r"[A-Z]{2,}s", name):
        return lexicon.canonical().get(name[:-1].casefold())
    return None


def _name_part(single: str, full_node: str) -> bool:
    words = full_node.split("|", 1)[1].split()
    return single == words[-1] or single == words[0] or single == words[-1].split("-")[-1]


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
    names = Counter(clean_name(m.text) for m in mentions if m.source != "descriptive") or \
        Counter(clean_name(m.text) for m in mentions)
    if etype in _CONCEPT_TYPES:
        # a policy goes by its plainest name: the most used, then the shortest ('rescue package', not
        # 'comprehensive rescue package')
        return max(names, key=lambda n: (names[n], -len(n.split()), -len(n), n))
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
