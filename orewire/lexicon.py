"""The mineral lexicon (``seeds/minerals.yaml``) and the matcher built from it.

Aliases written in lower case match case-insensitively; aliases with an upper-case letter
(LCE, REE, NdPr, Li-ion) match exactly. An alias listed under several minerals gives each
of them ("NdPr" -> neodymium and praseodymium). A match inside one of the lexicon's
false friends ("gold medal", "iron out", "took the lead") is not a mention, nor is a
capitalised alias that is part of a company name ("Lithium Americas", "Barrick Gold").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orewire.countries import code_for
from orewire.seeds import SEEDS_DIR, load_yaml

LEXICON_FILE = SEEDS_DIR / "minerals.yaml"
SENSES_FILE = SEEDS_DIR / "senses.yaml"

@dataclass(frozen=True)
class Mineral:
    id: str
    name: str
    group: str
    usgs_critical_2025: bool
    eu_critical_2023: bool
    eu_strategic_2023: bool


@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    data = load_yaml(LEXICON_FILE.name)
    if not isinstance(data.get("minerals"), list):
        raise ValueError(f"{LEXICON_FILE}: expected a mapping with a 'minerals' list")
    return data


def minerals() -> list[Mineral]:
    return [Mineral(id=m["id"], name=m["name"], group=m.get("group") or "",
                    usgs_critical_2025=bool(m.get("usgs_critical_2025")),
                    eu_critical_2023=bool(m.get("eu_critical_2023")),
                    eu_strategic_2023=bool(m.get("eu_strategic_2023")))
            for m in load_lexicon()["minerals"]]


def catalog_rows() -> list[dict]:
    """Rows of the ``mineral_catalog`` table."""
    return [{"id": m.id, "name": m.name, "mineral_group": m.group,
             "usgs_critical_2025": m.usgs_critical_2025,
             "eu_critical_2023": m.eu_critical_2023,
             "eu_strategic_2023": m.eu_strategic_2023} for m in minerals()]


def _apostrophes(words) -> list[str]:
    """Each phrase as written and with the other apostrophe (' and ’): news copy uses both
    ("tonnes d’or", "d'or")."""
    out = []
    for w in words:
        w = str(w or "").strip()
        if w:
            out += [w] + ([w.replace("'", "’"), w.replace("’", "'")] if ("'" in w or "’" in w)
                          else [])
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _noun_determiners() -> dict[str, frozenset]:
    data = load_lexicon().get("ambiguous_alias_determiners") or {}
    return {str(a).lower(): frozenset(str(w).lower() for w in words)
            for a, words in data.items()}


@lru_cache(maxsize=8)
def alias_table(lang: str | None = "en") -> tuple[dict, dict, frozenset, frozenset]:
    """(case-insensitive alias -> ids, exact alias -> ids, false friends, ambiguous).

    English aliases apply to every text; the names of another language only to texts in
    that language (French "or" would otherwise be gold in every sentence).
    """
    lower: dict[str, set[str]] = {}
    exact: dict[str, set[str]] = {}
    false_friends: set[str] = set()
    data = load_lexicon()
    for m in data["minerals"]:
        names = list(m.get("aliases") or [])
        if lang and lang != "en":
            names.extend((m.get("i18n") or {}).get(lang) or [])
        for alias in _apostrophes(names):
            target = lower if alias == alias.lower() else exact
            target.setdefault(alias, set()).add(m["id"])
        # forms that are the mineral only as written, in lower case (Russian "германия":
        # the country is always "Германия")
        if lang and lang != "en":
            for alias in (m.get("i18n_exact_case") or {}).get(lang) or []:
                exact.setdefault(str(alias), set()).add(m["id"])
        false_friends.update(_apostrophes(m.get("false_friends") or []))
    false_friends.update(_apostrophes(data.get("false_friends") or []))
    ambiguous = frozenset(str(a).strip().lower() for a in data.get("ambiguous_aliases") or [])
    return lower, exact, frozenset(false_friends), ambiguous


@lru_cache(maxsize=1)
def _senses() -> dict:
    """seeds/senses.yaml, read once."""
    return load_yaml(SENSES_FILE.name)


def _sense_words(key: str) -> frozenset:
    """A word list of seeds/senses.yaml, lower-cased (empty when the key is absent)."""
    return frozenset(str(w).lower() for w in _senses().get(key) or [])


@lru_cache(maxsize=8)
def sense_rules(lang: str | None) -> tuple[frozenset, int, re.Pattern, re.Pattern]:
    """(award-prone ids, min award words, award-word regex, commodity-word regex) for
    ``lang`` plus English, from ``seeds/senses.yaml``."""
    data = _senses()

    def alternation(words):
        return "|".join(sorted((re.escape(str(w).lower()) for w in words),
                               key=len, reverse=True)) or "(?!)"

    def stems(key, inside=()):
        words = set((data.get(key) or {}).get("en") or [])
        words.update((data.get(key) or {}).get(lang or "en") or [])
        # the few prize words of a language that writes compounds in one word count
        # inside them ("Goldmedaille", "Europameisterschaft"); every other word only where
        # a word starts ("ringer" is in "geringer", "erz" in "Schmerz")
        return re.compile(rf"(?<!\w)(?:{alternation(words)})|(?:{alternation(inside)})", re.U)

    inside = (data.get("award_words_in_compounds") or {}).get(lang or "en") or ()
    # short commodity words that begin common words of another sense ("ton" in "tonight",
    # "erz" in "erzielte", "цен" in "центр") count as whole words only
    whole = set((data.get("commodity_whole_words") or {}).get("en") or [])
    whole.update((data.get("commodity_whole_words") or {}).get(lang or "en") or [])
    commodity = re.compile(stems("commodity_words").pattern +
                           rf"|(?<!\w)(?:{alternation(whole)})(?!\w)", re.U)
    return (frozenset(data.get("award_prone") or []), int(data.get("min_award_words", 2)),
            stems("award_words", inside), commodity)


@lru_cache(maxsize=8)
def not_commodity_masks(lang: str | None) -> re.Pattern:
    """Words that begin with a commodity word but mean something else, prizes first
    ("Preisverleihung", "Großer Preis", "Grand Prix", "am Barren", "au cours de";
    ``not_commodity`` of ``seeds/senses.yaml``), of ``lang`` and English: blanked before
    commodity words are looked for."""
    data = _senses().get("not_commodity") or {}
    words = set(data.get("en") or []) | set(data.get(lang or "en") or [])
    alternation = "|".join(sorted((re.escape(str(w).lower()) for w in words),
                                  key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternation})\w*", re.U)


@lru_cache(maxsize=8)
def method_words(lang: str | None) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(after, before): words of a laboratory method within three tokens after a mineral
    word, and those also looked for before it (``method_words`` of ``seeds/senses.yaml``),
    of ``lang`` and English, at the start of a word."""
    data = _senses().get("method_words") or {}

    def pattern(key):
        words = set((data.get(key) or {}).get("en") or [])
        words |= set((data.get(key) or {}).get(lang or "en") or [])
        if not words:
            return None
        alternation = "|".join(sorted((re.escape(str(w).lower()) for w in words),
                                      key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternation})", re.U)
    return pattern("after"), pattern("before")


@lru_cache(maxsize=8)
def colour_words(lang: str | None) -> tuple[str, ...]:
    """Colour words of ``lang`` and English (``colour_words`` of ``seeds/senses.yaml``),
    compared with the start of a word ("schwarz" covers "schwarzen")."""
    data = _senses().get("colour_words") or {}
    words = set(data.get("en") or []) | set(data.get(lang or "en") or [])
    return tuple(sorted((str(w).lower() for w in words), key=len, reverse=True))


@lru_cache(maxsize=1)
def colour_prone() -> frozenset:
    """Mineral ids whose words also name a colour or a finish (``colour_prone`` of
    ``seeds/senses.yaml``)."""
    return frozenset(_senses().get("colour_prone") or [])


@lru_cache(maxsize=1)
def colour_of_named_products() -> frozenset:
    """Colour-prone ids whose lower-case word before a capitalised name is the colour of
    a named product ("a silver Honda"; ``colour_of_named_products``)."""
    return frozenset(_senses().get("colour_of_named_products") or [])


@lru_cache(maxsize=8)
def colour_neighbours(lang: str | None) -> tuple[frozenset, frozenset]:
    """(heads after, modifiers before): words that right after a colour-prone mineral word
    make it a colour ("graphite finish", "copper-haired"), and those right before it
    ("rose gold"), of ``lang`` and English (``seeds/senses.yaml``)."""
    def words(key):
        data = _senses().get(key) or {}
        return frozenset(str(w).lower() for w in
                         set(data.get("en") or []) | set(data.get(lang or "en") or []))
    return words("colour_heads_after"), words("colour_modifiers_before")


def _stem_pattern(words) -> re.Pattern | None:
    words = {str(w).lower() for w in words if str(w).strip()}
    if not words:
        return None
    alternation = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})", re.U)


@lru_cache(maxsize=8)
def other_senses(lang: str | None) -> tuple:
    """(prone ids, domain words, keep words) of each domain of ``other_senses`` of
    ``seeds/senses.yaml`` that has words in ``lang`` or English: stems at the start of a
    word (medicine and nutrition, graffiti)."""
    out = []
    for domain in (_senses().get("other_senses") or {}).values():
        words = domain.get("words") or {}
        pattern = _stem_pattern(set(words.get("en") or []) | set(words.get(lang or "en") or []))
        if pattern is None:
            continue
        keep = domain.get("keep") or {}
        out.append((frozenset(domain.get("prone") or []), pattern,
                    _stem_pattern(set(keep.get("en") or []) | set(keep.get(lang or "en") or []))))
    return tuple(out)


@lru_cache(maxsize=1)
def idioms_unless_commodity() -> tuple[str, ...]:
    """Phrases whose mineral word counts only with a commodity word in the sentence
    ("gold rush"; ``idioms_unless_commodity`` of ``seeds/senses.yaml``)."""
    return tuple(_apostrophes(_senses().get("idioms_unless_commodity") or []))


@lru_cache(maxsize=8)
def idiom_keep_words(lang: str | None) -> re.Pattern | None:
    """Words of the trade that keep a mention inside one of ``idioms_unless_commodity``
    (``idiom_keep_words`` of ``seeds/senses.yaml``), of ``lang`` and English."""
    data = _senses().get("idiom_keep_words") or {}
    return _stem_pattern(set(data.get("en") or []) | set(data.get(lang or "en") or []))


@lru_cache(maxsize=8)
def prize_money_words(lang: str | None) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(award words that outweigh money, money words): ``award_over_money`` and
    ``money_words`` of ``seeds/senses.yaml``, of ``lang`` and English."""
    def pattern(key):
        data = _senses().get(key) or {}
        return _stem_pattern(set(data.get("en") or []) | set(data.get(lang or "en") or []))
    return pattern("award_over_money"), pattern("money_words")


@lru_cache(maxsize=1)
def count_noun_senses() -> tuple[frozenset, frozenset, frozenset]:
    """(prone ids, articles, words after): ``count_noun_senses`` of ``seeds/senses.yaml``
    ("a tin of tomatoes", "a nickel a gallon")."""
    data = _senses().get("count_noun_senses") or {}
    return (frozenset(data.get("prone") or []),
            frozenset(str(w).lower() for w in data.get("articles") or []),
            frozenset(str(w).lower() for w in data.get("next") or []))


@lru_cache(maxsize=1)
def _person_age_after() -> re.Pattern | None:
    pattern = _senses().get("person_age_after")
    return re.compile(pattern) if pattern else None


@lru_cache(maxsize=1)
def material_heads_after() -> frozenset:
    """Lower-case nouns that make a capitalised mineral word opening a sentence the
    material ("Copper theft", "Silver jewellery"; ``material_heads_after``)."""
    return _sense_words("material_heads_after")


@lru_cache(maxsize=1)
def given_names() -> frozenset:
    """Common given names (``given_names`` of ``seeds/senses.yaml``): a capitalised mineral
    word right after one is a surname ("Anna Gold", "Peter Zinn")."""
    return _sense_words("given_names")


@lru_cache(maxsize=8)
def own_name_prone(lang: str) -> frozenset:
    """``lang``'s own one-word names of the name-prone minerals ("plata", "ouro",
    "золото", "l'or" for gold and silver): like the English spellings, capitalised in the
    middle of a sentence of a language that writes materials in lower case they are names
    ("La Plata", "Ouro Branco", the film «Золото», the coffee brand "L'Or")."""
    prone_ids = {m["id"] for m in load_lexicon()["minerals"]
                 if str(m.get("name", "")).lower() in name_prone() or m["id"] in name_prone()}
    return frozenset(str(w).lower() for m in load_lexicon()["minerals"] if m["id"] in prone_ids
                     for w in (m.get("i18n") or {}).get(lang) or []
                     if " " not in str(w))


@lru_cache(maxsize=1)
def context_words() -> frozenset:
    """Commodity words that make an ambiguous or capitalised alias a mineral
    (``context_words`` of ``seeds/senses.yaml``)."""
    return _sense_words("context_words")


@lru_cache(maxsize=1)
def _context_words_before_only() -> frozenset:
    """Of context_words, those that count only before the alias
    (``context_words_before_only``: "vende cobre", not "cobre ... que venden")."""
    return _sense_words("context_words_before_only")


@lru_cache(maxsize=1)
def _quoted_move_window() -> int:
    return int(_senses().get("quoted_move_window") or 0)


@lru_cache(maxsize=1)
def _acronyms_mid_sentence() -> bool:
    return bool(_senses().get("acronyms_mid_sentence"))


@lru_cache(maxsize=1)
def _apposition_openers() -> frozenset:
    return _sense_words("apposition_openers")


@lru_cache(maxsize=1)
def _exchanges() -> re.Pattern | None:
    """Names of metal exchanges (``exchange_names`` of ``seeds/senses.yaml``)."""
    return _stem_pattern(_senses().get("exchange_names") or [])


def _names_an_exchange(sentence: str) -> bool:
    pattern = _exchanges()
    return pattern is not None and pattern.search(sentence.lower()) is not None


@lru_cache(maxsize=1)
def _commodity_measure() -> re.Pattern | None:
    patterns = _senses().get("commodity_measures") or []
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None


def _priced_by_mass(sentence: str) -> bool:
    """The sentence quotes a price per tonne, ounce or pound (``commodity_measures``)."""
    pattern = _commodity_measure()
    return pattern is not None and pattern.search(sentence) is not None


def _quoted_move(doc, end: int) -> bool:
    """A number, percentage or currency right after a mention ("Nickel rose 2.1%"), or a
    market verb (``market_verbs_after``; "Gold hit a record", "Copper slipped")."""
    window = _quoted_move_window()
    if end + 2 < len(doc) and doc[end].text == "," and (
            doc[end + 1].lower_ in _apposition_openers() or doc[end + 2].text in ("'s", "’s")):
        # an apposition names what the word is ("Gold, the 2016 film", "Lithium,
        # Nirvana's 1992 single"): its year is no quote, a percentage or a price is
        return any(t.text in ("%", "$", "€", "£", "¥") or t.is_currency
                   for t in doc[end:end + window + 2])
    if any(t.lower_ in _market_verbs() for t in doc[end:end + 2]
           if t.i == end or doc[end].pos_ == "ADV" or doc[end].lower_.endswith("ly")):
        return True
    if end < len(doc) and doc[end].text == ",":
        # an aside of up to three words with no article between commas ("Platinum, in
        # contrast, lost ground", "Gold, meanwhile, rose"): the verb after it
        close = next((i for i in range(end + 2, min(end + 5, len(doc)))
                      if doc[i].text == ","), None)
        if close is not None and close + 1 < len(doc) and \
                doc[close + 1].lower_ in _market_verbs() and \
                not any(t.lower_ in _apposition_openers() or not t.is_alpha
                        for t in doc[end + 1:close]):
            return True
        # a relative clause of up to ten words with a number or a word of the trade, then
        # the verb ("Palladium, of which Russia supplies about 40%, fell 3%")
        rel = end + 1 + (doc[end + 1].lower_ in ("of", "in", "from") if end + 1 < len(doc)
                         else 0)
        if rel < len(doc) and doc[rel].lower_ in ("which", "whose"):
            close = next((i for i in range(rel + 2, min(rel + 12, len(doc)))
                          if doc[i].text == ","), None)
            if close is not None and close + 1 < len(doc) and \
                    doc[close + 1].lower_ in _market_verbs() and \
                    any(t.text[:1].isdigit() or t.text == "%" or t.lower_ in context_words()
                        for t in doc[rel + 1:close]):
                return True   # a share or the trade in it ("whose campaign focused on
                # jobs, rose in the polls" is a person's)
    return any(t.text[:1].isdigit() or t.text in ("%", "$", "€", "£", "¥") or t.is_currency
               for t in doc[end:end + window])   # written in digits: not "has all three"


def _quoted_at(doc, start: int, end: int) -> bool:
    """A quote's level in money within the next words: "at" and a currency sign, after at
    most two words ("Lead was flat at $2,002", "Lead ended little changed at $1,990")."""
    for i in range(start, min(start + 3, end - 1)):
        if doc[i].lower_ == "at":
            return doc[i + 1].is_currency or doc[i + 1].text in ("$", "€", "£", "¥")
    return False


def _quote_before(doc, first: int, last: int) -> bool:
    """A quote's move in money in the sentence before ``last``: a market verb, then a
    currency sign within four tokens ("zinc added 0.9% to $2,581")."""
    return any((doc[i].lower_ in _market_verbs() or doc[i].lower_ == "added")
               and any(t.is_currency or t.text in ("$", "€", "£", "¥")
                       for t in doc[i + 1:min(i + 6, last)])
               for i in range(first, last))


@lru_cache(maxsize=1)
def _market_verbs() -> frozenset:
    return _sense_words("market_verbs_after")


@lru_cache(maxsize=1)
def _quote_openers() -> frozenset:
    """Words after an ambiguous alias opening a sentence that quotes a price per unit of
    mass: the alias is that price's subject (``quote_openers_after``, and the market
    verbs)."""
    return _sense_words("quote_openers_after") | _market_verbs()


@lru_cache(maxsize=1)
def name_prone() -> frozenset:
    """Mineral words that are also well-known names (``name_prone`` of
    ``seeds/senses.yaml``): only these need a commodity word when they open a sentence."""
    return _sense_words("name_prone")


@lru_cache(maxsize=1)
def name_titles() -> frozenset:
    """Words that make the capitalised mineral word after them a name (``name_titles``
    of ``seeds/senses.yaml``)."""
    return _sense_words("name_titles")


@lru_cache(maxsize=1)
def title_heads() -> tuple[str, ...]:
    """Role words that end German compound titles (``name_title_heads`` of
    ``seeds/senses.yaml``)."""
    return tuple(_sense_words("name_title_heads"))


@lru_cache(maxsize=1)
def product_heads() -> frozenset:
    """Words naming a product before its tier (``product_heads`` of ``seeds/senses.yaml``)."""
    return _sense_words("product_heads")


@lru_cache(maxsize=8)
def english_only_names(lang: str) -> frozenset:
    """The name-prone words spelled the English way only, not as ``lang`` writes the
    material ("Platinum" in German, which writes "Platin"): capitalised in the middle of
    a sentence of that language they name a product or a company."""
    own = {str(w).lower() for m in load_lexicon()["minerals"]
           for w in (m.get("i18n") or {}).get(lang) or []}
    # every one-word English name in lower case, not only the name-prone ones: German
    # news writes the metal in German, so "China Molybdenum", "Southern Copper" mid-sentence
    # are companies
    english = {str(a).lower() for m in load_lexicon()["minerals"]
               for a in m.get("aliases") or []
               if str(a) == str(a).lower() and " " not in str(a) and "-" not in str(a)}
    # nor a German plural spelled like the English word ("Bauxite" of "Bauxit")
    return frozenset(w for w in name_prone() | english
                     if w not in own and not (w.endswith("e") and w[:-1] in own))


@lru_cache(maxsize=1)
def lowercase_noun_languages() -> frozenset:
    """Languages whose mid-sentence capitalised mineral word is a name
    (``lowercase_noun_languages`` of ``seeds/senses.yaml``)."""
    return frozenset(_senses().get("lowercase_noun_languages") or ["en"])


@lru_cache(maxsize=1)
def list_joiners() -> frozenset:
    """Words that join a list's members (``list_joiners`` of ``seeds/senses.yaml``)."""
    return _sense_words("list_joiners")


def _listed_with_material(doc, end: int, lowercase_starts: set) -> bool:
    """A mineral word written in lower case follows the one ending at ``end``, with
    only list joiners between them ("Platinum and palladium")."""
    i = end
    while i < len(doc) and i - end < 3 and doc[i].lower_ in list_joiners():
        i += 1
    return i > end and i in lowercase_starts


@lru_cache(maxsize=1)
def company_words() -> frozenset:
    """Words that follow a capitalised mineral word in names (``company_words`` of
    ``seeds/senses.yaml``)."""
    return _sense_words("company_words")


def compound_heads(lang: str | None, key: str = "compound_heads") -> tuple[str, ...]:
    heads = (load_lexicon().get(key) or {}).get(lang or "") or []
    return tuple(sorted({str(h).lower() for h in heads}, key=len, reverse=True))


# _after_genitive's answer when a participle phrase stands between article and name
PARTICIPLE = "participle"


@dataclass
class Mention:
    mineral: str
    surface: str
    start: int      # character offsets in the text
    end: int
    token_start: int
    token_end: int


@lru_cache(maxsize=1)
def _symbols() -> dict[str, frozenset]:
    """Each mineral id's own chemical symbols and formulas (``symbols`` of
    ``seeds/minerals.yaml``)."""
    return {m["id"]: frozenset(str(s) for s in m.get("symbols") or [])
            for m in load_lexicon()["minerals"]}


_BRACKETED = re.compile(r"[ \t\u00a0]*\(\s*([A-Z][A-Za-z0-9]{0,7})\s*\)")


def own_symbol_follows(text: str, end: int, ids) -> bool:
    """One of the mineral's own chemical symbols (or formulas) in brackets right after the
    mention ending at character ``end`` of ``text``, in any language: "Neodymium (Nd)",
    "Plata (Ag)", "Kupfer (Cu)", "Holmium (Ho) oxide" are the element; "Dan Silver (R)"
    (a party label) and "Gold (AP)" are not. ``ids``: the mention's mineral ids, whose
    symbols are ``symbols`` of ``seeds/minerals.yaml``."""
    found = _BRACKETED.match(text, end)
    if found is None:
        return False
    table = _symbols()
    return any(found.group(1) in table.get(i, ()) for i in ids)


def _opens_clause(doc, start: int) -> bool:
    """The word opens a clause after a colon, a semicolon, a bullet, a line break or a
    dateline, where English capitalises as at a sentence's start ("Base metals were mixed:
    Copper +0.4% at $9,810/t; Aluminium -0.3% at $2,595/t", "LONDON (Reuters) - Copper
    rose")."""
    k = start - 1
    while k >= 0 and doc[k].is_space:
        if "\n" in doc[k].text:
            return True
        k -= 1
    if k >= 0 and doc[k].text in ("-", "--"):
        # a dateline's hyphen ("LONDON, Oct 3 (Reuters) - Copper rose", "TORONTO -- ...")
        # after the agency's brackets or a place in capitals
        j = k - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        return j >= 0 and (doc[j].text == ")" or (doc[j].is_upper and len(doc[j].text) > 1))
    return k >= 0 and doc[k].text in (":", ";", "•", "·", "–", "—")


def _after_name_title(doc, start: int) -> bool:
    """A capitalised mineral word right after an honorific, a role title or a club's
    abbreviation is a name ("Mr Silver said", "Trainer Nickel lobte", "FC Kupfer")."""
    if start == 0 or not doc[start].text[:1].isupper() or doc[start].text.isupper():
        return False
    k = start - 1
    if doc[k].text == "." and k >= 1:
        # only an abbreviated title stands before a full stop ("Dr. Silber"); any other
        # word there ends the sentence before ("... said analyst Peter. Gold rose")
        return doc[k - 1].lower_ in name_titles()
    word = doc[k].lower_.rstrip(".")
    if _is_title(word) or word in product_heads():
        return True
    if k == start - 1 and doc[k].is_alpha and doc[k].text[:1].isupper() and \
            word in given_names():
        return True   # a surname after a given name ("Anna Gold", "Claudia Zinn")
    # a given name between them ("Vorstandschef Thomas Kupfer", "Ministerin Anna Nickel"),
    # not in a headline written in capitals ("Minister Says Copper Output Will Rise")
    given, after = doc[k], doc[start + 1] if start + 1 < len(doc) else None
    return k >= 1 and given.is_alpha and given.text[:1].isupper() and \
        not given.text.isupper() and _is_title(doc[k - 1].lower_.rstrip(".")) and \
        not (after is not None and after.is_alpha and after.text[:1].isupper())


_QUOTES = frozenset('"\'“”„‟«»‹›‘’‚')


def _quoted_title(doc, start: int, end: int) -> bool:
    """A mineral word in a short quoted name is the title of a song, a film or a book,
    or a company's name ("den Song „Lithium“", "the film 'Gold'", «Золото», «Полярный
    литий»): two words between quotation marks, the first capitalised, or up to four
    all capitalised. News
    quotes titles and (in Russian) company names, not a commodity; a quoted idiom in
    lower case ("so-called 'white gold'") is left to the false friends."""
    sent = doc[start].sent
    lo = next((i for i in range(start - 1, max(sent.start, start - 4) - 1, -1)
               if doc[i].text in _QUOTES), None)
    hi = next((i for i in range(end, min(sent.end, end + 3)) if doc[i].text in _QUOTES), None)
    if lo is None or hi is None or hi - lo - 1 > 4 or hi - lo - 1 < 1:
        return False
    first, words = doc[lo + 1], [t for t in doc[lo + 1:hi] if t.is_alpha]
    # two words at most, or every word capitalised: a short quoted sentence ("Gold is
    # back", he said) is the metal
    return first.text[:1].isupper() and not first.text.isupper() and \
        (hi - lo - 1 <= 2 or all(t.text[:1].isupper() for t in words))


@lru_cache(maxsize=1)
def given_name_minerals() -> frozenset:
    """Mineral words that are also given names (``given_name_minerals`` of
    ``seeds/senses.yaml``)."""
    return _sense_words("given_name_minerals")


@lru_cache(maxsize=1)
def apposition_names() -> frozenset:
    """Nouns that, in an apposition right after a capitalised mineral word, say it names a
    person, a work or a firm (``apposition_names`` of ``seeds/senses.yaml``)."""
    return _sense_words("apposition_names")


@lru_cache(maxsize=1)
def attribution_verbs() -> frozenset:
    """Verbs of saying that make a comma's words an attribution ("Copper, the minister
    said, ..."; ``attribution_verbs`` of ``seeds/senses.yaml``)."""
    return _sense_words("attribution_verbs")


def _named_by_apposition(doc, start: int, end: int) -> bool:
    """A capitalised mineral word followed by an apposition that calls it a person, a
    work or a firm: ", der Stürmer des VfL", ", la película de Netflix", ", a robotics
    startup" (within four words after the comma, before the next punctuation)."""
    if not doc[start].text[:1].isupper() or doc[start].text.isupper() or \
            end + 1 >= len(doc) or doc[end].text != ",":
        return False
    window = doc[end + 1:min(end + 5, doc[start].sent.end)]
    # "Copper, the minister said, is the future": an attribution, not an apposition
    if any(t.lower_ in attribution_verbs() for t in window):
        return False
    for t in window:
        if t.is_punct:
            return False
        word = t.lower_.rstrip(".")
        if word in apposition_names() or _is_title(word):
            return True
    return False


def _given_name_first(doc, start: int, end: int) -> bool:
    """A mineral word that is also a given name, followed by a capitalised word that is
    not one of a list, is a person ("Wolfram Brandt sagte"): a material is followed by
    a verb, a preposition or punctuation."""
    if end - start != 1 or doc[start].lower_ not in given_name_minerals() or end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.is_alpha and nxt.text[:1].isupper() and not nxt.text.isupper() and \
        nxt.lower_ not in list_joiners() and nxt.sent.start == doc[start].sent.start


def _is_title(word: str) -> bool:
    """A title, or a German compound ending in a role ("Vorstandschef", "Konzernsprecherin")."""
    return word in name_titles() or (len(word) > 6 and word.endswith(title_heads()))


class MineralMatcher:
    """Finds mineral mentions in a spaCy Doc of text in language ``lang``."""

    def __init__(self, nlp, lang: str | None = "en"):
        from spacy.matcher import PhraseMatcher  # noqa: PLC0415 (orewire/nlp.py: lazy)
        self.vocab = nlp.vocab
        self.lang = lang or "en"
        lower, exact, false_friends, ambiguous = alias_table(self.lang)
        self.ambiguous = ambiguous
        self.exact_aliases = frozenset(exact)   # written with capitals on purpose
        self.alias_words = frozenset(lower) | frozenset(a.lower() for a in exact)
        self._ids: dict[str, frozenset] = {}
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for matcher, table in ((self.lower_matcher, lower), (self.exact_matcher, exact)):
            for alias, ids in table.items():
                key = "|".join(sorted(ids))
                self._ids[key] = frozenset(ids)
                matcher.add(key, [nlp.make_doc(alias)])
        self.ff_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.ff_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for phrase in false_friends:
            target = self.ff_lower if phrase == phrase.lower() else self.ff_exact
            target.add("FF", [nlp.make_doc(phrase)])
        # one-word names of the colour-prone minerals ("gold", "Silber", "graphite"),
        # which a list of colours holds beside the colours themselves
        self.colour_prone_words = frozenset(
            a.lower() for a, ids in list(lower.items()) + list(exact.items())
            if ids & colour_prone() and " " not in a)
        self.idioms = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in idioms_unless_commodity():
            self.idioms.add("IDIOM", [nlp.make_doc(phrase)])
        self.heads = compound_heads(self.lang)
        self.whole_heads = frozenset(compound_heads(self.lang, "compound_heads_whole"))
        self.genitive_articles = frozenset(
            str(w).lower() for w in
            (load_lexicon().get("genitive_articles") or {}).get(self.lang) or [])
        # single-word names that can start a compound ("lithium" in "Lithiumprojekten"),
        # by their first four letters (every one has four or more): a word is compared
        # with the few names it can start with, longest first, not with all of them
        self.stems_by_prefix: dict[str, list] = {}
        only = ((load_lexicon().get("compound_only_stems") or {}).get(self.lang) or {})
        stems = {**{str(a).lower(): frozenset([i]) for a, i in only.items()},
                 **{a: ids for a, ids in lower.items() if " " not in a and len(a) >= 4}}
        for stem, ids in sorted(stems.items(),
                                key=lambda x: len(x[0]), reverse=True):
            self.stems_by_prefix.setdefault(stem[:4], []).append((stem, ids))

    def find(self, doc) -> list[Mention]:
        spans = [(s, e, self.vocab.strings[mid])
                 for matcher in (self.lower_matcher, self.exact_matcher)
                 for mid, s, e in matcher(doc)]
        if self.heads:
            spans.extend(self._compounds(doc, {i for s, e, _ in spans for i in range(s, e)}))
        spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        blocked = set()
        for matcher in (self.ff_lower, self.ff_exact):
            for _mid, s, e in matcher(doc):
                if s and doc[s - 1].lower_ == "of" and doc[s].lower_ in self.ambiguous:
                    continue   # "40,000 tonnes of lead a year": the noun, not "lead a team"
                blocked.update(range(s, e))
        kept, last_end = [], -1
        spans = self._join_pairs(spans)
        for start, end, key in spans:
            if start < last_end:
                continue
            last_end = end
            if any(i in blocked for i in range(start, end)):
                continue
            if self._is_company_name(doc, start, end) or _after_name_title(doc, start) or \
                    not self._ambiguous_ok(doc, start, end) or _quoted_title(doc, start, end) \
                    or _given_name_first(doc, start, end) or \
                    _named_by_apposition(doc, start, end) or \
                    self._names_a_method(doc, start, end) or self._count_noun(doc, start, end, key):
                continue
            kept.append((start, end, key))
        if self.lang == "en":
            kept = self._drop_proper_nouns(doc, kept)
        elif self.lang in lowercase_noun_languages():
            # only the words known as names too ("Cobalt", "Platinum"): formulas and
            # abbreviations are written capitalised in these languages ("Kcl")
            kept = self._drop_proper_nouns(doc, kept,
                                           only=name_prone() | own_name_prone(self.lang))
        else:
            # German capitalises every noun, but an English spelling ("Das Modell Golf
            # Platinum") in the middle of its sentence is a name all the same
            kept = self._drop_proper_nouns(doc, kept, only=english_only_names(self.lang))
        kept = self._drop_award_senses(doc, kept)
        out = []
        for start, end, key in kept:
            span = doc[start:end]
            for mineral in sorted(self._ids[key]):
                out.append(Mention(mineral, span.text, span.start_char, span.end_char,
                                   start, end))
        return out

    def _join_pairs(self, spans: list) -> list:
        """A span that starts inside the one before it, ends after it and names all its
        minerals and more (a pair alias: "d'or et d'argent" in "exportations d'or et
        d'argent", where "exportations d'or" is gold's alias) joins it: one mention of
        each mineral of the pair, as the pair alone gives."""
        out = []
        for start, end, key in spans:
            if out and out[-1][0] < start < out[-1][1] < end:
                s0, _e0, k0 = out[-1]
                if self._ids[k0] < self._ids[key]:
                    out[-1] = (s0, end, key)
                    continue
            out.append((start, end, key))
        return out

    def _compounds(self, doc, taken: set):
        """German compounds: a mineral name followed by a known head in one word."""
        for tok in doc:
            if tok.i in taken or len(tok) < 5:
                continue
            # after a genitive article the name takes its ending ("des Kobalts", "des
            # weltweiten Kobalts": adjectives between them end in "en", an adverb may
            # stand before them: "des weltweit geförderten Graphits")
            genitive = self._after_genitive(doc, tok.i)
            # "Lithium-Projekt", "Seltene-Erden-Anlage": the hyphenated word is the
            # compound; "Simandou-Eisenerzprojekts": each hyphenated part may be it
            parts = [tok.lower_] + tok.lower_.split("-") if "-" in tok.text[:-1] else \
                [tok.lower_]
            for part in parts:
                key = self._compound_key(part, tok.text.endswith("-"), genitive) or \
                    self._country_compound(tok.text, part, parts)
                if key and tok.text.endswith("-") and not self._open_head_ok(doc, tok.i):
                    break   # "Gold- und Silberpapier", "Gold- und Bronzemedaille"
                if key:
                    yield tok.i, tok.i + 1, key
                    break

    def _country_compound(self, word: str, part: str, parts: list[str]) -> str | None:
        """The name of a mineral after a country's name and a hyphen ("Kongo-Kobalt",
        "China-Gallium", "Chile-Kupfers"): the mineral of that country, though no
        commodity head follows it. Only a country before it ("Olympia-Gold" is a medal)."""
        if len(parts) < 3 or part != parts[-1] or word.endswith("-"):
            return None
        before = word[:len(word) - len(part) - 1]
        if not all(code_for(p, self.lang) and p[:1].isupper() for p in before.split("-")):
            return None
        for stem, ids in self.stems_by_prefix.get(part[:4], ()):
            if part in (stem, stem + "s", stem + "es"):
                key = "|".join(sorted(ids))
                self._ids[key] = frozenset(ids)
                return key
        return None

    def _open_head_ok(self, doc, i: int) -> bool:
        """An open compound ("Kupfer-" in "Kupfer- und Zinkpreise") shares the head of the
        word that closes the list: it names the commodity when that word holds one of the
        compound heads ("preise", "handel" in "Gold- und Schmuckhandel"), and not when it
        holds none ("Gold- und Silberpapier"). Without a closing word it stands alone."""
        k = i + 1
        while k < len(doc) and k - i <= 3 and (doc[k].lower_ in list_joiners() or
                                               doc[k].text.endswith("-")):
            k += 1
        if k >= len(doc) or k == i + 1 or not doc[k].is_alpha:
            return True
        word = doc[k].lower_
        return any(h in word[1:] for h in self.heads)

    def _after_genitive(self, doc, i: int) -> bool | str:
        """A genitive article (or possessive) before token ``i``, with at most two
        lower-case words between: an adjective ending in "en" right before the name, an
        adverb before it ("des weltweit geförderten Graphits")."""
        for j in range(i - 1, max(-1, i - 4), -1):
            if doc[j].lower_ in self.genitive_articles:
                return True
            if not doc[j].text.islower() or (j == i - 1 and not doc[j].text.endswith("en")):
                break
        # no article before a country's adjective: the strong genitive ("der Anteil
        # russischen Aluminiums", "Exporte kongolesischen Kobalts"); read as a participle
        # phrase, so a prize-prone name is left out ("deutschen Golds" may be a medal's)
        if i and doc[i - 1].text.islower() and doc[i - 1].text.endswith("en") and \
                code_for(doc[i - 1].text, self.lang or "en"):
            return PARTICIPLE
        # a participle phrase between them ("des in der EU verbrauchten Kobalts", "des in
        # die USA eingeführten Wolframs"): a participle in "-en" right before the name,
        # the article a few words back, no punctuation between
        if i < 2 or not doc[i - 1].text.islower() or not doc[i - 1].text.endswith("en"):
            return False
        reach = int(load_lexicon().get("genitive_participle_reach") or 0)
        for j in range(i - 2, max(-1, i - 2 - reach), -1):
            if doc[j].is_punct:
                return False
            if doc[j].lower_ in self.genitive_articles:
                return PARTICIPLE
        return False

    def _compound_key(self, word: str, open_compound: bool,
                      genitive: bool = False) -> str | None:
        if not word.replace("-", "").isalpha():
            return None
        for stem, ids in self.stems_by_prefix.get(word[:4], ()):
            if word.startswith(stem):
                rest = word[len(stem):]
                if genitive is PARTICIPLE and rest in ("s", "es") and \
                        ids & sense_rules(self.lang)[0]:
                    continue   # "des in Paris gewonnenen Golds": a medal as often
                if (rest in ("", "-") and open_compound) or \
                        (rest in ("s", "es") and genitive) or rest.startswith(self.heads) or \
                        (rest[:1] in ("s", "-") and rest[1:].startswith(self.heads)) or \
                        rest in self.whole_heads or \
                        (rest[:1] in ("s", "-") and rest[1:] in self.whole_heads):
                    key = "|".join(sorted(ids))
                    self._ids[key] = frozenset(ids)
                    return key
        return None

    def _drop_proper_nouns(self, doc, kept, only: frozenset | None = None):
        """English writes materials in lower case: a capitalised mineral word mid-sentence
        ("the robot Cobalt", "Cobalt Blue") is a name, and a word that is only ever
        capitalised in the article is a name unless commodity words stand next to it.
        ``only``: the words the rule applies to (the others are kept), where it is not
        English."""
        lowercase_seen = {doc[s:e].text.lower() for s, e, _ in kept
                          if not doc[s].text[:1].isupper()}
        lowercase_starts = {s for s, _e, _k in kept if not doc[s].text[:1].isupper()}
        out = []
        for start, end, key in kept:
            first = doc[start]
            text = doc[start:end].text
            if only is not None and text.lower() not in only:
                out.append((start, end, key))
                continue
            if not first.text[:1].isupper() or text in self.exact_aliases:
                out.append((start, end, key))
                continue  # lower case, or an acronym or formula of the lexicon ("NdPr")
            sent = first.sent
            words = [t for t in sent if t.is_alpha and len(t) > 3]
            title_case = words and sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words)
            sentence_initial = start == sent.start or all(
                t.is_punct or t.is_quote or t.is_space for t in doc[sent.start:start]) or \
                _opens_clause(doc, start)
            if first.text.isupper():
                if _acronyms_mid_sentence() and len(first.text) > 1 and \
                        not sentence_initial and not title_case and \
                        not self._has_context(doc, start, end, width=3) and \
                        not _quoted_move(doc, end) and not _names_an_exchange(sent.text):
                    continue  # "quote their TIN on the form": an acronym, not the metal
                out.append((start, end, key))
                continue  # a headline in capitals, a market report's label ("NICKEL:")
            if own_symbol_follows(doc.text, doc[end - 1].idx + len(doc[end - 1].text),
                                  self._ids[key]):
                out.append((start, end, key))
                continue  # "Neodymium (Nd)": an element as price tables name it
            if not sentence_initial and not title_case:
                continue  # a capitalised name mid-sentence
            if sentence_initial and text.lower() not in name_prone():
                out.append((start, end, key))
                continue  # "Monazite sands ...": English capitalises every first word
            age = _person_age_after()
            if age is not None and age.match(doc.text, first.idx + len(text)):
                continue  # "Gold, 45, has directed three films": a person and her age
            # a possessive is the word's own ending: a head of the trade after it makes
            # the material ("Copper's rally stalled as Chinese demand cooled", "Copper's
            # slump deepened"; not "Rhodium's analysts said"); a label before a colon
            # opening the sentence ("Uranium : le Niger suspend les exportations") has the
            # whole sentence as its context
            own = end + 1 if end < len(doc) and doc[end].text in ("'s", "’s") else end
            if sentence_initial and own < len(doc) and doc[own].text.islower() and \
                    doc[own].lower_ in material_heads_after():
                out.append((start, end, key))
                continue  # "Copper theft from railway lines": the material
            label = sentence_initial and own < sent.end and doc[own].text == ":"
            if end - start == 1 and text.lower() not in lowercase_seen and \
                    not self._has_context(doc, start, end, width=5) and \
                    not (label and any(t.lower_ in context_words()
                                       for t in doc[own:sent.end])) and \
                    not (sentence_initial and (_quoted_move(doc, end) or
                                               _priced_by_mass(sent.text) or
                                               _names_an_exchange(sent.text))) and \
                    not (sentence_initial and _listed_with_material(doc, end,
                                                                    lowercase_starts)) and \
                    not (sentence_initial and any(sent.start <= s < sent.end and s != start
                                                  for s in lowercase_starts)):
                continue  # one word, only ever capitalised, no commodity word around it
                # and no mineral in lower case in its sentence ("Cobalt is mostly a
                # by-product of copper mining" keeps cobalt)
            out.append((start, end, key))
        return out

    def _drop_award_senses(self, doc, kept):
        """Gold, silver, platinum as prizes ("won silver", "4 золота"), the colours of
        ``colour_prone`` minerals ("a silver Honda"), the domains of ``other_senses``
        ("lithium for bipolar disorder") and ``idioms_unless_commodity`` ("the AI gold
        rush"), each where the sentence has no commodity word: see seeds/senses.yaml."""
        prone, min_words, award, commodity = sense_rules(self.lang)
        masks = not_commodity_masks(self.lang)
        colour_ids = colour_prone()
        domains = other_senses(self.lang)
        idioms = [(s, e) for _m, s, e in self.idioms(doc)] if idioms_unless_commodity() else []
        watched = prone | colour_ids
        for domain_ids, _w, _k in domains:
            watched = watched | domain_ids
        if not idioms and not any(self._ids[key] & watched for _s, _e, key in kept):
            return kept
        award_article = None   # counted once, where a prize-prone mention needs it
        sentences: dict[int, tuple[str, bool]] = {}   # sentence start -> (text, commodity?)
        out = []
        for start, end, key in kept:
            ids = self._ids[key]
            in_idiom = any(s <= start and end <= e for s, e in idioms)
            if not ids & watched and not in_idiom:
                out.append((start, end, key))
                continue
            span = doc[start].sent
            if span.start not in sentences:
                text = span.text.lower()
                # "die Preisverleihung", "le Grand Prix": prizes, not prices
                sentences[span.start] = (text, commodity.search(masks.sub(" ", text)) is not None)
            sent, has_commodity = sentences[span.start]
            # a compound names the commodity by its own head ("Goldpreis", "Silbermine");
            # an open one has none ("eine Gold-, eine Silber- und eine Bronzemedaille")
            word = doc[start:end].text.lower().rstrip("-") in self.alias_words
            if not has_commodity and word:
                if ids & prone:
                    if award_article is None:
                        text = doc.text.lower()
                        hits = len(award.findall(text))
                        award_article = hits >= min_words and \
                            hits > len(commodity.findall(masks.sub(" ", text)))
                    if award_article or award.search(sent):
                        continue
                if ids & (prone | colour_ids) and self._beside_colour(doc, start, end, ids):
                    continue
                if any(ids & domain_ids and (words.search(sent) or
                                             self._domain_article(doc, n, commodity, masks))
                       and not (keep is not None and keep.search(sent))
                       for n, (domain_ids, words, keep) in enumerate(domains)):
                    continue
            if word and ids & prone and self._prize_money(sent, commodity, masks):
                continue
            if in_idiom and not self._idiom_kept(sent):
                continue
            out.append((start, end, key))
        return out

    def _domain_article(self, doc, n: int, commodity, masks) -> bool:
        """The article is about the ``n``-th domain of ``other_senses`` as an award article
        is about prizes: at least ``min_award_words`` of its words, more than commodity
        words ("Die Apothekerin rät zu Magnesium bei Muskelkrämpfen. Zu viel Zink könne
        aber schaden.")."""
        cache = doc.user_data.setdefault("orewire_domain_articles", {})
        if (self.lang, n) not in cache:
            _prone, words, _keep = other_senses(self.lang)[n]
            text = doc.text.lower()
            hits = len(words.findall(text))
            cache[(self.lang, n)] = hits >= sense_rules(self.lang)[1] and \
                hits > len(commodity.findall(masks.sub(" ", text)))
        return cache[(self.lang, n)]

    def _prize_money(self, sent: str, commodity, masks) -> bool:
        """A prize's money: the (lower-cased) sentence has a word of ``award_over_money``
        ("a $50,000 bonus for each gold", "medallistas de oro recibirán 50.000 dólares")
        and no commodity word but money and percentages (``money_words``)."""
        over, money = prize_money_words(self.lang)
        if over is None or money is None or over.search(sent) is None:
            return False
        return commodity.search(masks.sub(" ", money.sub(" ", sent))) is None

    def _idiom_kept(self, sent: str) -> bool:
        """Words of the metal's own trade in the (lower-cased) sentence of an idiom of
        ``idioms_unless_commodity`` ("a gold rush that drew miners")."""
        keep = idiom_keep_words(self.lang)
        return keep is not None and keep.search(sent) is not None

    def _count_noun(self, doc, start: int, end: int, key: str) -> bool:
        """English "a"/"an" right before a one-word mineral of ``count_noun_senses`` with
        no noun of its own after it: a thing counted ("a tin of tomatoes", "a nickel a
        gallon", "a gold in the 400m"), not the mass noun of the metal."""
        if self.lang != "en" or end - start != 1 or start == 0 or end >= len(doc):
            return False
        ids, articles, after = count_noun_senses()
        return bool(self._ids[key] & ids) and doc[start - 1].lower_ in articles and \
            doc[end].lower_ in after

    def _names_a_method(self, doc, start: int, end: int) -> bool:
        """The element names a laboratory method ("uranium-lead dating", "osmium isotope
        analysis", "datation uranium-plomb"; ``method_words`` of ``seeds/senses.yaml``):
        geology and archaeology, not the commodity."""
        after, before = method_words(self.lang)
        sent = doc[start].sent
        near = " ".join(t.lower_ for t in doc[end:min(end + 3, sent.end)])
        ahead = " ".join(t.lower_ for t in doc[max(start - 3, sent.start):start])
        return bool((after and after.search(near)) or (before and before.search(ahead)))

    def _beside_colour(self, doc, start: int, end: int, ids: frozenset = frozenset()) -> bool:
        """The colour, not the metal (the caller has found no commodity word in the
        sentence): listed with a colour ("in Silber, Schwarz und Blau", "navy and gold",
        "gold, silver and space grey"), a list of colour-prone words after a colour word
        ("in den Farben Gold, Silber und Graphit") or before one ("graphite and silver
        finishes"), a colour right after it ("cobalt-blue", "platinum blonde"), a
        modifier right before it ("rose gold"), or in English the colour of a named
        product ("a silver Honda Civic")."""
        colours = colour_words(self.lang)
        heads, modifiers = colour_neighbours(self.lang)
        sent = doc[start].sent

        def inside(i: int) -> bool:
            return sent.start <= i < sent.end

        def is_colour(i: int) -> bool:
            # the last part of a hyphenated colour ("Titan-Grau", "midnight-blue")
            word = doc[i].lower_.rsplit("-", 1)[-1] if inside(i) else ""
            # a stem and an inflection at most ("schwarzen", "чёрного"), not "reduced"
            return word.isalpha() and any(
                word.startswith(c) and len(word) <= len(c) + 3 for c in colours)

        def is_head(i: int) -> bool:
            return inside(i) and doc[i].lower_ in heads

        def walk(i: int, step: int) -> bool:
            """Across the list's joiners and its other colour-prone words, to the first
            other word: a colour there (an item of two words: "space grey"), or a head
            word of colours ("Farben", "finishes")."""
            joined, prone_before = False, True
            for _ in range(8):
                if not inside(i):
                    return False
                if doc[i].lower_ in list_joiners():
                    joined, i = True, i + step
                    continue
                if doc[i].lower_ in self.colour_prone_words and \
                        doc[i].text.islower() == doc[start].text.islower():
                    joined, prone_before, i = False, True, i + step
                    continue
                break
            # a colour, or an item of two words ("space grey", "серебряном цвете"); a colour
            # before another noun is that noun's ("silver and green hydrogen")
            if joined and step < 0 and is_colour(i):
                return True
            if joined and step > 0 and (is_colour(i + 1) or is_head(i + 1) or (
                    is_colour(i) and not (inside(i + 1) and doc[i + 1].is_alpha and
                                          doc[i + 1].lower_ not in list_joiners()))):
                return True
            # "in den Farben Gold, Silber" (the head before), "silver finishes" (after)
            if step > 0:   # "silver finishes"; not "Gold finishes the week higher"
                return not joined and doc[start].text.islower() and is_head(i)
            return not joined and prone_before and (is_head(i) or is_head(i - 1))
        if walk(start - 1, -1) or walk(end, 1):
            return True
        lower = doc[start].text.islower()
        nxt = end + 1 if end < sent.end - 1 and doc[end].text == "-" else end
        if inside(nxt) and (is_colour(nxt) or (lower and doc[nxt].lower_ in heads)):
            return True   # "cobalt-blue", "platinum blonde", "a graphite finish"
        if start > sent.start and doc[start - 1].lower_ in modifiers:
            return True   # "rose gold"
        # "a silver Honda Civic", "a gold Mercedes": a capitalised name after the colour
        return self.lang == "en" and lower and inside(end) and doc[end].is_alpha and \
            doc[end].text[:1].isupper() and not doc[end].text.isupper() and \
            bool(ids & colour_of_named_products())

    def _has_context(self, doc, start: int, end: int, width: int = 3) -> bool:
        lo, hi = max(0, start - width), min(len(doc), end + width)
        before_only = _context_words_before_only()
        return any(t.lower_ in context_words() for t in doc[lo:hi]
                   if not (start <= t.i < end) and
                   not (t.i >= end and t.lower_ in before_only))

    @staticmethod
    def _is_company_name(doc, start: int, end: int) -> bool:
        first = doc[start]
        if not first.text[:1].isupper() or first.text.isupper():
            return False
        nxt = doc[end] if end < len(doc) else None
        return nxt is not None and nxt.text.lower() in company_words() and \
            nxt.text[:1].isupper()

    def _ambiguous_ok(self, doc, start: int, end: int) -> bool:
        """Ambiguous words ("lead", "APT") count only near commodity words."""
        alias = doc[start:end].text.lower()
        if alias not in self.ambiguous:
            return True
        if start and doc[start - 1].lower_ in _noun_determiners().get(alias, ()):
            return True   # "el cobre": an article makes the noun, never the verb form
        if end < len(doc) and doc[end].lower_ in _market_verbs() and _quoted_move(doc, end + 1):
            return True   # "lead lost 0.4%": a quote's move, as a market report writes it
        sent = doc[start].sent
        if start == sent.start and end < sent.end and doc[end].text == ":" and \
                any(t.lower_ in context_words() for t in doc[end:sent.end]):
            return True   # a headline's label ("Cobre: Chile y Perú elevan su producción")
        if start == sent.start and end < sent.end and doc[end].lower_ in _quote_openers() \
                and (_priced_by_mass(sent.text) or _quoted_at(doc, end + 1, sent.end)):
            return True   # the subject of a sentence quoting a price per tonne or ounce
            # ("Lead was quoted at $1,990 a tonne"; not "Lead analyst Tom Baker sees ...")
        if start > sent.start and doc[start - 1].lower_ in ("and", ",") and \
                end < sent.end and doc[end].lower_ in _quote_openers() and \
                _quote_before(doc, sent.start, start - 1) and \
                any(t.is_currency or t.text in ("$", "€", "£", "¥")
                    for t in doc[end:min(end + 6, sent.end)]):
            return True   # the next quote of a market wrap's list ("zinc added 0.9% to
            # $2,581 and lead was little changed at $2,091")
        return self._has_context(doc, start, end, width=4)
