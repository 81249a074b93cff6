"""Clauses from a dependency parse: which mineral mentions share a figure's clause.

A sentence can hold a figure and a mineral that have nothing to do with each other:
"Minerals-based industries contributed more than $4 trillion to the economy, it said, and
samarium ... were among the commodities at risk"; "Mining accounts for 60 percent of
exports, which makes copper shipments a pillar of revenue". Word distance cannot tell
these from "The country booked $3.1 billion of cobalt exports while copper shipments
slowed", where the figure is cobalt's. The parse can: a figure belongs to a mineral of
its own clause (the verb it depends on, with its arguments, but not the clauses hanging
from it: conjoined, adverbial, relative or reported ones; a purpose clause, "to" and a
verb, is its verb's: "will invest $1.2 billion to raise silver output").

Only English is parsed (spaCy's en_core_web_sm parser, the package NER already uses),
and only the sentences that hold both a figure and a mineral; other languages keep the
word-distance rule of orewire/linking.py.
"""
from __future__ import annotations

# Dependencies that start a clause of their own below the figure's clause.
CLAUSE_DEPS = frozenset({"conj", "advcl", "relcl", "ccomp", "parataxis", "acl", "csubj"})
CLAUSE_TAGS = ("VB", "MD")   # Penn tags of verbs and modals


def clause_head(tok, within=frozenset()):
    """The token heading ``tok``'s clause: the nearest verb that is the root or starts a
    clause of its own, else the root. A purpose clause ("to" and a verb) is its verb's:
    it says what the amount is for ("will invest $1.2 billion to raise silver output",
    "raised $40 million to expand its graphite mine"). Tokens of ``within`` (a mineral's
    name) head no clause: a name is a noun phrase, though the parser may read a word of it
    as a verb ("while coking coal imports were 5.9 million tonnes", "coking" as a verb)."""
    while tok.head.i != tok.i:
        if tok.i not in within and tok.tag_.startswith(CLAUSE_TAGS) and \
                tok.dep_ in CLAUSE_DEPS and not _purpose(tok):
            return tok
        tok = tok.head
    return tok


def _purpose(tok) -> bool:
    """``tok`` heads an infinitive hanging from its verb as an adverbial clause."""
    return tok.dep_ == "advcl" and tok.tag_ == "VB" and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _token_at(doc, start: int, end: int):
    """The syntactic head of the tokens covering characters [start, end) of ``doc``."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not toks:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[0]


def clause_chain(tok, within=frozenset()) -> list[int]:
    """Indices of the clause heads from ``tok``'s clause up to the root."""
    chain = []
    head = clause_head(tok, within)
    while True:
        chain.append(head.i)
        if head.head.i == head.i:
            return chain
        head = clause_head(head.head)


TOPIC = "topic"


def same_clause(sentences, parser) -> list[list[list[int] | str | None]]:
    """For each (sentence text, [figure char spans], [(mention index, char span)]), each
    figure's list of the mentions it may belong to (None where a span has no token):
    those of its clause or of a clause it hangs from ("Domestic tungsten prices continue
    to rise, further surging to RMB95,000/t"); when there are none, the mentions before
    it in the sentence, as the sentence's topic ("produced 17.12 MT of iron ore ..., while
    its production from Karnataka stood at 7.97 MT"); never a mineral only in a clause
    after the figure that hangs from the figure's ("... $4 trillion to the economy, it
    said, and samarium ... were among": an empty list, the figure is no mineral's). TOPIC
    where the sentencizer joined two sentences and the minerals are only in the other
    one: the figure then takes the passage's topic. The sentences are parsed in one
    ``parser.pipe``."""
    out = []
    for (_text, figures, mentions), doc in zip(sentences,
                                               parser.pipe(s[0] for s in sentences)):
        heads, roots = {}, {}
        for i, (start, end) in mentions:
            tok = _token_at(doc, start, end)
            if tok is not None:
                span = doc.char_span(start, end, alignment_mode="expand")
                name = frozenset(range(span.start, span.end)) if span is not None \
                    else frozenset()
                heads[i] = clause_head(tok, name).i
                roots[i] = clause_chain(tok, name)[-1]
        starts = dict(mentions)
        per_figure = []
        for start, end in figures:
            tok = _token_at(doc, start, end)
            if tok is None:
                per_figure.append(None)
                continue
            chain = clause_chain(tok)
            allowed = [i for i, h in heads.items() if h in set(chain)]
            if not allowed:
                allowed = [i for i in heads if starts[i][1] <= start]
            if not allowed and not any(roots[i] == chain[-1] for i in heads):
                allowed = TOPIC   # the minerals are in another sentence the parse found
            per_figure.append(allowed)
        out.append(per_figure)
    return out
