"""Supply events: what a sentence naming a mineral says happened to it.

Ten types (DESIGN.md "Supply events"): export_restriction, import_measure, discovery,
production, disruption, project_milestone, deal, investment, price, policy. A type fires
for a sentence when each group of its trigger stems in ``seeds/events.yaml`` matches in
the sentence and none of its exclusions does. A trigger belongs to the clause that
states it (clauses part at semicolons, dashes, contrasting conjunctions and ", and"):
a mineral whose clause states an event takes its clause's events, a mineral whose
clause states none (a list's tail, an elided repeat) shares the sentence's
(``mention_events``). The direction is the type's cue nearest to the mention within its
clause ("copper output rose while zinc fell") and, where the clause's cues disagree, within
its part between "and"s ("lithium output rose and copper output fell"), a negated cue
counting for none; a level set against an earlier one with no word of change ("38,000
tonnes, compared with 42,000") takes the direction of its numbers (``compared``); export
and import measures are tightening unless an easing cue is stated. A price found only by
a market verb's subject ("Aluminium firmed") is the subject's minerals' alone. The
event's country (the acting government or the place) is joined in LinkMentions, where
the entities are: the country nearest to the trigger in the sentence.

    >>> [e.type for e in sentence_events("China banned exports of gallium.")]
    ['export_restriction']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from orewire.seeds import SEEDS_DIR, load_yaml

EVENTS_FILE = SEEDS_DIR / "events.yaml"
TYPES = ("export_restriction", "import_measure", "discovery", "production", "disruption",
         "project_milestone", "deal", "investment", "price", "policy")
DEFAULT_DIRECTION = {"export_restriction": "tightening", "import_measure": "tightening"}


@dataclass(frozen=True)
class Trigger:
    type: str
    start: int          # where the type's head (first) group matched, in the sentence
    cues: tuple         # ((direction, start), ...) of the type's direction cues
    joints: tuple = ()  # where "and" joins two parts of the sentence (JOINT)
    subject: tuple | None = None   # ((start, end), ...) of the market verbs' subjects,
                                   # when the type was found by ``subject_heads`` only


def _stems(words, by_letter: bool = False) -> re.Pattern | None:
    """One pattern of ``words`` (stems, each matched at the start of a word). With
    ``by_letter`` the stems that open with a plain letter are grouped under it ("ban",
    "banned", "bans" become "b(?:an|anned|ans)"), so the engine tries at each word only the
    stems of its first letter: a pattern that is only searched (a type's groups, its
    exclusions) finds the same places, several times faster on the long lists. Direction
    cues, whose matches' ends count for the next match, keep the plain alternation."""
    words = sorted((str(w) for w in words or [] if str(w).strip()), key=len, reverse=True)
    if not words:
        return None
    if not by_letter:
        return re.compile(r"(?<!\w)(?:" + "|".join(words) + ")", re.I | re.U)
    letters: dict[str, list[str]] = {}
    rest = []
    for w in (e for word in words for e in _letter_first(word)):
        if w[0].isalnum() and w[1:2] not in ("?", "*", "+", "{") and not _top_level_or(w):
            letters.setdefault(w[0].lower(), []).append(w[1:])
        else:
            rest.append(w)
    alternatives = [re.escape(c) + "(?:" + "|".join(tails) + ")" for c, tails in letters.items()]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives + rest) + ")", re.I | re.U)


_LOOKBEHIND = re.compile(r"\(\?<!([^()\\\[\]|?*+{}]*)\)")


def _letter_first(word: str) -> list[str]:
    """``word`` rewritten, where it can be, as stems that open with a plain letter, so that
    ``_stems`` can group them under it: a leading group of alternatives is spread over its
    alternatives ("(?:hole|rig)s? struck" becomes "holes? struck", "rigs? struck"; an
    optional one also gives the stem without it), and
    leading negative lookbehinds of plain text move past the first letter ("(?<!avert a
    )strike" becomes "s(?<!avert a s)trike"), which finds the same places."""
    if word.startswith("(?:"):
        end = _group_end(word, 0)
        after = word[end + 1:]
        alternatives = _split_top_level(word[3:end]) if end > 0 else []
        if after[:1] == "?" and after[1:2] not in ("?", "+"):
            # an optional group is its alternatives or nothing ("(?:ore )?reserves")
            alternatives, after = alternatives + [""], after[1:]
        elif after[:1] in ("?", "*", "+", "{"):
            alternatives = []
        if len(alternatives) > 1 or alternatives[:1] and alternatives[0][:1].isalpha():
            return [e for a in alternatives for e in _letter_first(a + after)]
        return [word]
    behind = []
    rest = word
    while (m := _LOOKBEHIND.match(rest)) is not None:
        behind.append(m[1])
        rest = rest[m.end():]
    if behind and rest[:1].isalpha() and rest[1:2] not in ("?", "*", "+", "{") and \
            not _top_level_or(rest):
        return [rest[0] + "".join(f"(?<!{b}{rest[0]})" for b in behind) + rest[1:]]
    return [word]


def _structure(pattern: str, start: int = 0):
    """(position, character, depth after it) of each group parenthesis and "|" of
    ``pattern`` from ``start``, outside escapes and character classes."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif c in "()|":
            depth += (c == "(") - (c == ")")
            yield i, c, depth
        i += 1


def _group_end(pattern: str, start: int) -> int:
    """Where the group opened at ``start`` closes (-1 when it does not)."""
    return next((i for i, c, depth in _structure(pattern, start) if c == ")" and depth == 0),
                -1)


def _split_top_level(pattern: str) -> list[str]:
    """``pattern``'s alternatives: its parts between "|"s outside groups and classes."""
    cuts = [i for i, c, depth in _structure(pattern) if c == "|" and depth == 0]
    return [pattern[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(pattern)])]


def _top_level_or(pattern: str) -> bool:
    """Whether ``pattern`` has a "|" outside its groups and character classes."""
    return len(_split_top_level(pattern)) > 1


@lru_cache(maxsize=1)
def rules() -> dict:
    types = load_yaml(EVENTS_FILE.name).get("types") or {}
    unknown = set(types) - set(TYPES)
    if unknown or not types:
        raise ValueError(f"{EVENTS_FILE}: unknown or missing event types {sorted(unknown)}")
    compiled = {}
    for name, spec in types.items():
        groups = [list(group) for group in spec.get("all") or []]
        if spec.get("moves_count") and groups:
            # the type's last group (a level or a move) also takes each direction cue
            groups[-1] += [c for cues in (spec.get("directions") or {}).values()
                           for c in cues or []]
        compiled[name] = {
            "all": [_stems(group, by_letter=True) for group in groups],
            "not": _stems(spec.get("not"), by_letter=True),
            "directions": {d: _stems(cues) for d, cues in (spec.get("directions") or {}).items()
                           if cues},
            "unless": tuple(spec.get("unless") or ()),
            "moves": bool(spec.get("moves_count")),
            "kept_by": _stems(spec.get("kept_by"), by_letter=True),
            "yields_to": {other: _stems(words, by_letter=True)
                          for other, words in (spec.get("yields_to") or {}).items()},
            "subject": _subject_heads(spec.get("subject_heads")),
        }
    return compiled


def _subject_heads(spec: dict | None) -> tuple | None:
    """(its verbs alone, subject then verb) of a type's ``subject_heads``, compiled: the
    verbs are searched first, as most sentences have none."""
    if not spec or not spec.get("verbs"):
        return None
    verbs = "(?:" + "|".join(str(v) for v in spec["verbs"]) + ")"
    return (re.compile(r"(?<!\w)" + verbs, re.I | re.U),
            re.compile(str(spec["subject"]) + verbs, re.I | re.U))


@lru_cache(maxsize=1)
def acting_government_types() -> frozenset:
    return frozenset(load_yaml(EVENTS_FILE.name).get("acting_government_types") or ())


# A direction cue right after a negation states no change ("will not lift the ban",
# "did not grow"): it is not counted (a measure then keeps its default, tightening).
# Portuguese "no" before a name is "in the" ("A produção no Brasil dobrou"), no negation.
# A refusal negates as well ("has no plans to reverse its ban", "refused to drop its
# controls", "ruled out reversing", "rejected calls to withdraw", "refusé de lever").
NEGATED = re.compile(r"(?:(?<!\w)(?:not|never|no longer|nicht|nie|kein\w*|pas|jamais"
                     r"|no\s+plans?\s+to|(?:refus|declin|reject)\w*(?:\s+calls)?\s+to"
                     r"|rul(?:e|ed|es|ing)\s+out|refus\w*\s+d[e'’]|se\s+neg\w*\s+a"
                     r"|recus\w*\s+a|отказал\w*(?:\s+от)?"
                     r"|no(?!\s+(?-i:[A-ZÀ-Ý]))|nunca"
                     r"|não|не|нет|ни)|n[’']t)\s+(?:\w+\s+){0,1}$", re.I | re.U)


def sentence_events(sentence: str) -> list[Trigger]:
    """The event types ``sentence`` states, with their direction cues."""
    out = []
    parts = None   # the sentence's joints, found once when a type fires
    hedged = None  # the sentence's spans told as not happening (_hedged), found once
    for name, spec in rules().items():
        first = subject = None
        for group in spec["all"]:
            m = group.search(sentence)
            if first is None and m is not None:
                if hedged is None:
                    hedged = _hedged(sentence)
                if hedged:
                    m = next((m for m in group.finditer(sentence)
                              if not any(a <= m.start() < b for a, b in hedged)), None)
            if m is None and first is None and spec["subject"] is not None and \
                    spec["subject"][0].search(sentence):
                found = list(spec["subject"][1].finditer(sentence))
                subject = tuple(f.span() for f in found) or None
                m = found[0] if found else None
            if m is None:
                break
            first = m.start() if first is None else first   # the head group's match
        else:
            # a type's exclusions are looked for only once its groups have matched: most
            # sentences match no type, and this search was half of the tagger's
            if first is None or (spec["not"] is not None and spec["not"].search(sentence)):
                continue
            cues = tuple((d, m.start()) for d, pattern in spec["directions"].items()
                         for m in pattern.finditer(sentence)
                         if not NEGATED.search(sentence, 0, m.start())
                         and not _landmark(sentence, m.start()))
            if not cues and spec["moves"]:
                cues = compared(sentence)
            if parts is None:
                parts = joints(sentence)
            out.append(Trigger(name, first, _foreground(sentence, cues), parts, subject))
    found = {t.type for t in out}
    kept = [t for t in out if not set(rules()[t.type]["unless"]) & found or (
        rules()[t.type]["kept_by"] is not None and rules()[t.type]["kept_by"].search(sentence))]
    standing = {t.type for t in kept}
    kept = [t for t in kept if not _yields(t.type, standing, sentence)]
    return [_own_cues(t, kept) for t in kept]


@lru_cache(maxsize=1)
def _landmarks() -> tuple[re.Pattern, re.Pattern] | None:
    spec = load_yaml(EVENTS_FILE.name).get("landmarks") or {}
    if not spec.get("cues") or not spec.get("after"):
        return None
    return (re.compile("(?:" + "|".join(spec["cues"]) + ")", re.I | re.U),
            re.compile("(?:" + "|".join(spec["after"]) + r")\s+(?:\S+\s+){0,3}$", re.I | re.U))


def _landmark(sentence: str, start: int) -> bool:
    """Whether the direction cue at ``start`` is a landmark a move is measured from ("have
    fallen 70% from their 2022 peak", "rebounded from a four-year low", "desde su máximo"):
    the level it left, not the way it went (``landmarks`` of seeds/events.yaml)."""
    compiled = _landmarks()
    if compiled is None:
        return False
    cue, after = compiled
    return cue.match(sentence, start) is not None and \
        after.search(sentence, max(0, start - 60), start) is not None


@lru_cache(maxsize=4)
def _unhappened(key: str = "no_event_after") -> re.Pattern | None:
    patterns = load_yaml(EVENTS_FILE.name).get(key) or []
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I | re.U) if patterns \
        else None


def _hedged(sentence: str) -> list[tuple[int, int]]:
    """The spans of ``sentence`` told as not happening: from a denial or a story's opening
    to the end of its clause (``no_event_after`` of seeds/events.yaml: "The company denied
    reports that its nickel mine had been blockaded", "a documentary about a collapse at a
    tin mine"), and a threat's own words (``no_event_in``: "threatened to halt", "menace de
    faire grève"). A type's head is its first trigger word outside them: one before, in
    another clause ("denied reports of a strike, but said floods halted the copper mine")
    or past a threat ("Workers who had threatened to strike blocked the road") stands."""
    spans = []
    after, within = _unhappened(), _unhappened("no_event_in")
    ends, asides = _unhappened("no_event_after_ends"), _unhappened("no_event_after_asides")
    for m in after.finditer(sentence) if after is not None else ():
        end = len(sentence)
        for cut in (CLAUSE_BREAK.search(sentence, m.end()),
                    ends.search(sentence, m.end()) if ends is not None else None):
            if cut is not None:
                end = min(end, cut.start())
        # a denial set apart by commas ("Denying reports of a sale, the group announced",
        # "Traders, who had denied that stocks were low, saw prices jump") ends at its comma
        before = sentence[sentence.rfind(",", 0, m.start()) + 1:m.start()]
        if asides is not None and asides.search(before):
            comma = sentence.find(",", m.end())
            if comma >= 0:
                end = min(end, comma)
        spans.append((m.start(), end))
    for m in within.finditer(sentence) if within is not None else ():
        spans.append(m.span())
    return spans


def _yields(name: str, found: set, sentence: str) -> bool:
    """Whether type ``name`` gives way to another type found in the sentence, none of its
    ``yields_to`` words for that type being there (a government's export halt with no
    cause of a disruption named is the measure only)."""
    for other, keep in rules()[name]["yields_to"].items():
        if other in found and (keep is None or not keep.search(sentence)):
            return True
    return False


# A number with its scale word, as a comparison states it ("1.2 million", "38,000", "1,5 Mio.").
_NUMBER = (r"(?<![\w.,])(\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
           r"\s*(million|billion|thousand|mn|bn|mio|mrd|millions?|milliards?|millones"
           r"|milhões|millionen|milliarden|млн|млрд|тыс)?\.?(?!\w)")
_SCALE = {"thousand": 1e3, "тыс": 1e3, "million": 1e6, "mn": 1e6, "mio": 1e6, "millions": 1e6,
          "millones": 1e6, "milhões": 1e6, "millionen": 1e6, "млн": 1e6, "billion": 1e9,
          "bn": 1e9, "mrd": 1e9, "milliard": 1e9, "milliards": 1e9, "milliarden": 1e9,
          "млрд": 1e9}
_PERCENT = re.compile(r"\s*(?:%|percent|per cent|pour cent|por ciento|por cento|prozent"
                      r"|процент)", re.I)


@lru_cache(maxsize=1)
def _comparison() -> re.Pattern | None:
    words = load_yaml(EVENTS_FILE.name).get("comparison_words") or []
    if not words:
        return None
    return re.compile(_NUMBER + r"[^\d;:]{0,40}?(?<!\w)(?:" + "|".join(words) + r")(?!\w)"
                      r"[^\d;:]{0,25}?" + _NUMBER, re.I | re.U)


def _value(digits: str, scale: str | None) -> float:
    """``digits`` as a number: a separator before exactly three digits groups thousands,
    any other is the decimal mark ("38,000", "1.05", "1,5", "12 500")."""
    parts = re.split(r"[.,\s]", digits)
    if len(parts) > 1 and len(parts[-1]) != 3:
        number = float("".join(parts[:-1]) + "." + parts[-1])
    else:
        number = float("".join(parts))
    return number * _SCALE.get((scale or "").lower(), 1.0)


def compared(sentence: str) -> tuple:
    """The direction cues of levels stated against earlier ones (``comparison_words``):
    ((direction, start of the comparison word), ...); years and percentages are not."""
    pattern = _comparison()
    if pattern is None:
        return ()
    cues = []
    for m in pattern.finditer(sentence):
        now, before = _value(m[1], m[2]), _value(m[3], m[4])
        if now == before or any(
                (not scale and re.fullmatch(r"(?:19|20)\d\d", digits)) or
                _PERCENT.match(sentence, end)
                for digits, scale, end in ((m[1], m[2], m.end(2) if m[2] else m.end(1)),
                                           (m[3], m[4], m.end()))):
            continue
        cues.append(("up" if now > before else "down", m.end(2) if m[2] else m.end(1)))
    return tuple(cues)


@lru_cache(maxsize=1)
def _dated_year() -> re.Pattern | None:
    patterns = load_yaml(EVENTS_FILE.name).get("dated_year") or []
    return re.compile("|".join(patterns), re.I | re.U) if patterns else None


def stated_year(sentence: str) -> int | None:
    """The latest year ``sentence`` dates what it says to ("in 2021", "en mai 2019"), or
    None (``dated_year`` of seeds/events.yaml)."""
    pattern = _dated_year()
    if pattern is None:
        return None
    years = [int(y) for m in pattern.finditer(sentence) for y in m.groups() if y]
    return max(years, default=None)


def settle_directions(minerals: list[dict], year: int | None, text: str) -> None:
    """Where one mineral's event states opposite directions in an article, drop the
    direction of mentions whose sentence is dated earlier than another mention stating
    the other one: "Indonesia announced a ban on bauxite exports in 2021" under
    "Indonesia looks to ease its bauxite export ban" keeps its event, not its tightening.
    A sentence with no year but told as before the news ("last year", "had risen":
    ``earlier_than_news``) comes just before the article's year; one with no year, or dated
    from the article's ``year`` on (without it, the latest year ``text`` states), is the
    news, newest of all ("will tighten exports
    further in 2026" is not background). In place, on build_row's minerals (each with
    ``sentence`` and ``events``)."""
    stated: dict[tuple, list[tuple[str, str]]] = {}
    for m in minerals:
        for e in m["events"]:
            if e["direction"]:
                stated.setdefault((m["mineral"], e["type"]), []).append(
                    (m["sentence"], e["direction"]))
    if not any(len({d for _s, d in said}) > 1 for said in stated.values()):
        return   # no event of the article goes two ways
    now = year if year is not None else stated_year(text)
    years: dict[str, float] = {}
    for said in stated.values():
        for sentence, _d in said:
            if sentence not in years:
                y = stated_year(sentence)
                if y is None and _earlier() is not None and _earlier().search(sentence):
                    # "last year", a pluperfect: before the news, though it names no year
                    years[sentence] = now - 1 if now is not None else float(10 ** 9)
                    continue
                years[sentence] = float("inf") if y is None or (
                    now is not None and y >= now) else y
    for m in minerals:
        for e in m["events"]:
            if e["direction"] and any(
                    d != e["direction"] and years[s] > years[m["sentence"]]
                    for s, d in stated[(m["mineral"], e["type"])]):
                e["direction"] = None


@lru_cache(maxsize=1)
def _earlier() -> re.Pattern | None:
    patterns = load_yaml(EVENTS_FILE.name).get("earlier_than_news") or []
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I | re.U) if patterns \
        else None


@lru_cache(maxsize=1)
def _background() -> re.Pattern | None:
    patterns = load_yaml(EVENTS_FILE.name).get("background") or []
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I | re.U) if patterns \
        else None


def _foreground(sentence: str, cues: tuple) -> tuple:
    """The cues outside the sentence's background parts (``background`` of
    seeds/events.yaml: what came before the news), or all of them when none is outside."""
    pattern = _background()
    if pattern is None or len(cues) < 2:
        return cues
    spans = [m.span() for m in pattern.finditer(sentence)]
    outside = tuple(c for c in cues if not any(a <= c[1] < b for a, b in spans))
    return outside or cues


def _reach(head: int, cue: int) -> tuple:
    """How far a type's head is from a cue: the distance, and at equal distance the
    head before the cue nearer (a move follows its subject: "prices are expected to
    rise next year as mine supply shrinks": "rise" is the price's)."""
    return abs(head - cue), head > cue


def _own_cues(trigger: Trigger, triggers: list[Trigger]) -> Trigger:
    """A direction word two types share belongs to the type whose head is nearer ("cobalt
    prices slumped as supply from Congo surged": slumped is the price's, surged the
    supply's). A type left with no cue of its own keeps them all."""
    own = tuple(c for c in trigger.cues if not any(
        other is not trigger and any(p == c[1] for _d, p in other.cues) and
        _reach(other.start, c[1]) < _reach(trigger.start, c[1]) for other in triggers))
    return replace(trigger, cues=own or trigger.cues)


def direction_for(trigger: Trigger, position: int,
                  clause: tuple[int, int] | None = None) -> str | None:
    """The direction cue nearest to ``position`` (a mention's start in the sentence),
    among those of the mention's ``clause`` (start, end in the sentence) when it has any
    ("copper output rose 4%, while zinc fell": zinc's is its own clause's)."""
    cues = trigger.cues
    if clause is not None:
        cues = tuple(c for c in cues if clause[0] <= c[1] < clause[1]) or cues
    if trigger.joints and len({d for d, _p in cues}) > 1:
        # of a clause's cues that disagree, those of the mention's own part between its
        # "and"s ("lithium output rose 10% and copper production fell 3%": copper's is
        # "fell", though "rose" is nearer)
        bounds = (0,) + trigger.joints + (float("inf"),)
        a, b = next((a, b) for a, b in zip(bounds, bounds[1:]) if a <= position < b)
        cues = tuple(c for c in cues if a <= c[1] < b) or cues
    if not cues:
        return DEFAULT_DIRECTION.get(trigger.type)
    return min(cues, key=lambda c: abs(c[1] - position))[0]


# Where a sentence's clauses part: a semicolon, a dash between words, a contrasting or
# concurrent conjunction ("while", "but", "whereas", "although"; after a comma in the
# other languages, where the same words also mean "during" or "more": "während", "mas"),
# or "and" or "as" after a comma (a list's ", and lead" becomes a clause stating nothing
# of its own, which shares the sentence's events).
CLAUSE_BREAK = re.compile(
    r";|\s[–—]\s|(?<!\w)(?:while|whereas|but(?! also)|although|though|meanwhile)(?!\w)"
    r"|,\s*(?:and|as|während|aber|doch|jedoch|wohingegen|und|tandis qu(?:e|’|')|alors qu(?:e|’|')|mais|et"
    r"|mientras|pero|aunque|sin embargo|y|enquanto|mas|embora|porém|e|но|а|и|тогда как"
    r"|в то время как|однако)(?!\w)", re.I | re.U)


# Where "and" joins two parts of a clause, each of which may state its own move ("lithium
# output rose and copper production fell"); a list's "and" ("copper and zinc prices rose")
# leaves a part with no cue, which then takes the clause's.
JOINT = re.compile(r"\s(?:and|und|et|y|e|и)\s", re.I | re.U)


def joints(sentence: str) -> tuple:
    """Where JOINT matches in ``sentence``: the starts of the parts after each "and"."""
    return tuple(m.end() for m in JOINT.finditer(sentence))


def clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of the sentence's clauses, split where CLAUSE_BREAK matches."""
    cuts = [m.start() for m in CLAUSE_BREAK.finditer(sentence) if m.start() > 0]
    bounds = [0] + cuts + [len(sentence)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _shifted(trigger: Trigger, offset: int) -> Trigger:
    return replace(trigger, start=trigger.start + offset,
                   cues=tuple((d, p + offset) for d, p in trigger.cues),
                   joints=tuple(p + offset for p in trigger.joints),
                   subject=None if trigger.subject is None else
                   tuple((a + offset, b + offset) for a, b in trigger.subject))


def _names(trigger: Trigger, position: int) -> bool:
    """Whether the mention at ``position`` may take ``trigger``: a price found by its
    market verb's subject only ("Aluminium firmed") is the subject's minerals', not
    those of the rest of the sentence ("Glencore slid after it cut its cobalt forecast")."""
    return trigger.subject is None or any(a <= position < b for a, b in trigger.subject)


def mention_events(sentence: str, starts: list[int]) -> list[list[tuple[Trigger, tuple]]]:
    """For each mineral mention starting at ``starts`` (offsets in ``sentence``), the
    events that are its own, each with the mention's clause (for direction_for).

    A trigger belongs to the clause that states it: a mention whose clause states an
    event of its own ("copper prices rose while zinc output fell") takes its clause's
    events, and of the sentence's other events only those no clause holding a mineral
    states (an event told around the minerals: "China announced new controls on Monday;
    they cover gallium and germanium"). A mention whose clause states none (a list's
    tail, an elided repeat: "copper output rose, while zinc fell") shares the sentence's
    events, as one sentence-level trigger does."""
    whole = sentence_events(sentence)
    spans = clauses(sentence)
    if len(spans) < 2 or not whole and not _vetoed(sentence):
        return [[(t, (0, len(sentence))) for t in whole if _names(t, pos)] for pos in starts]
    own = [[_shifted(t, a) for t in sentence_events(sentence[a:b])] for a, b in spans]

    def clause_of(pos: int) -> int:
        return next((i for i, (a, b) in enumerate(spans) if a <= pos < b), len(spans) - 1)

    anchored = {t.type for i in {clause_of(p) for p in starts} for t in own[i]}
    with_mineral = {clause_of(p) for p in starts}

    def continued(i: int) -> int:
        """The last clause that goes on about clause i's mineral: each a pronoun's, none
        naming a mineral ("prices doubled, but they eased this month")."""
        j = i
        while j + 1 < len(spans) and j + 1 not in with_mineral and \
                _CONTINUES().match(sentence, spans[j + 1][0], spans[j + 1][1]):
            j += 1
        return j

    sentence_cues = {t.type: t.cues for t in whole}
    out = []
    for pos in starts:
        i = clause_of(pos)
        if own[i]:
            mine = {t.type for t in own[i]}
            triggers = own[i] + [t for t in whole if t.type not in anchored | mine]
        elif _EXCEPTED().match(sentence, spans[i][0], spans[i][1]):
            # "China banned exports of gallium, but not germanium": the clause's mineral
            # is told as left out of the sentence's event
            triggers = []
        else:
            triggers = whole
        last = spans[continued(i)]
        paired = []
        triggers = [t for t in triggers if _names(t, pos)]
        for t in triggers:
            # the latest of the mineral's clauses that states a move gives the direction
            later = () if last == spans[i] else tuple(
                c for c in sentence_cues.get(t.type, ()) if last[0] <= c[1] < last[1])
            paired.append((replace(t, cues=later), last) if later
                          else (t, spans[i]))
        out.append(paired)
    return out


def _vetoed(sentence: str) -> bool:
    """Whether a type's exclusion (``not``) matches in ``sentence``: one clause's
    exclusion then must not silence another clause's event ("Protesters blocked the road to
    the copper mine; a strike is possible if talks fail"), so the clauses are read apart
    even when the whole sentence states none."""
    return any(spec["not"] is not None and spec["not"].search(sentence)
               for spec in rules().values()) or (
        bool(_hedged(sentence)))


@lru_cache(maxsize=1)
def _EXCEPTED() -> re.Pattern:  # noqa: N802 (a compiled constant, built on first use)
    """A clause that opens by leaving its mineral out ("but not germanium", "но не угля",
    "mais pas le cobalt"): ``excepting_clauses`` of seeds/events.yaml."""
    words = load_yaml(EVENTS_FILE.name).get("excepting_clauses") or []
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"\W*(?:" + "|".join(words) + r")(?!\w)", re.I | re.U)


@lru_cache(maxsize=1)
def _CONTINUES() -> re.Pattern:  # noqa: N802 (a compiled constant, built on first use)
    """A clause that goes on about the clause before's subject: a pronoun in its first
    words ("but they eased"), or (round 9) a market verb right after its conjunction, its
    subject elided ("Copper slipped early but recovered to close higher", "mas devolveu os
    ganhos e fechou em queda"): ``continuing_pronouns`` and ``continuing_verbs``."""
    spec = load_yaml(EVENTS_FILE.name)
    words = spec.get("continuing_pronouns") or []
    verbs = (spec.get("continuing_verbs") or {}).get("verbs") or []
    joins = (spec.get("continuing_verbs") or {}).get("after") or []
    forms = []
    if words:
        forms.append(r"(?:[^\W\d]+\s+){0,3}?(?:" + "|".join(re.escape(w) for w in words)
                     + r")(?!\w)")
    if verbs:
        forms.append(r"(?:(?:" + "|".join(joins or [r"(?!x)x"]) + r")\s+)?(?:"
                     + "|".join(verbs) + r")(?!\w)")
    if not forms:
        return re.compile(r"(?!x)x")
    return re.compile(r"\W*(?:" + "|".join(forms) + ")", re.I | re.U)


@lru_cache(maxsize=1)
def _capitals() -> tuple[re.Pattern, re.Pattern] | None:
    spec = load_yaml(EVENTS_FILE.name).get("capital_governments") or {}
    names = spec.get("names") or {}
    if not names:
        return None
    groups = "|".join(f"(?P<{code}>" + "|".join(words) + ")"
                      for code, words in names.items() if words)
    after = "|".join(spec.get("not_before") or []) or r"(?!x)x"
    capital = re.compile(r"(?<![\w-])(?:" + groups + r")(?![\w-])(?!\s+(?:" + after + r")\b)",
                         re.U)
    place = re.compile(r"(?:" + "|".join(spec.get("place_words") or [r"(?!x)x"]) + r")\s+$",
                       re.I | re.U)
    return capital, place


def capital_countries(text: str, start: int = 0, end: int | None = None) -> list[dict]:
    """The capitals named in ``text[start:end]`` (``capital_governments`` of
    seeds/events.yaml) as entity-like dicts (start, end, text, label GPE, normalized: the
    ISO2 code of their country): "Beijing tightened export controls" is China's measure,
    "Kinshasa suspended cobalt exports" Congo's. ``place`` is True for a capital told as
    a place after a preposition ("after a visit to Beijing, Indonesia's president
    announced a ban"): it is where something happens, not the government acting. For the
    event's country in linking.event_rows, beside the sentence's named countries."""
    compiled = _capitals()
    if compiled is None:
        return []
    capital, place = compiled
    end = len(text) if end is None else end
    return [{"start": m.start(), "end": m.end(), "text": m[0], "label": "GPE",
             "normalized": m.lastgroup,
             "place": place.search(text, max(start, m.start() - 20), m.start()) is not None}
            for m in capital.finditer(text, start, end)]


@lru_cache(maxsize=1)
def _owners() -> tuple[re.Pattern, re.Pattern] | None:
    spec = load_yaml(EVENTS_FILE.name).get("company_nationality") or {}
    if not spec.get("after") and not spec.get("before"):
        return None
    after = re.compile(r"(?:" + "|".join(spec.get("after") or [r"(?!x)x"]) + ")", re.I | re.U)
    before = re.compile(r"(?:" + "|".join(spec.get("before") or [r"(?!x)x"]) + r")\s+$",
                        re.I | re.U)
    return after, before


def company_nationality(text: str, start: int, end: int) -> bool:
    """Whether the country named at ``text[start:end]`` is a company's nationality, not
    the event's place ("Australian miner BHP said a strike halted copper output at its mine
    in Chile", "South Korea's POSCO started building a lithium plant in Argentina", "la
    empresa china Zijin", "Der australische Konzern Lynas"): ``company_nationality`` of
    seeds/events.yaml, the words right after it or right before it. For the event's
    country in linking.event_rows, which then prefers another country of the sentence."""
    compiled = _owners()
    if compiled is None:
        return False
    after, before = compiled
    if text[end - 2:end] in ("'s", "’s"):   # an entity may hold its possessive
        end -= 2
    return after.match(text, end, min(len(text), end + 60)) is not None or \
        before.search(text, max(0, start - 40), start) is not None
