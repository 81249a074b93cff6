"""orewire.cleaning: HTML to text, decoding, binary detection, page extraction, language."""
from __future__ import annotations

import pytest

from orewire.cleaning import decode_html, detect_language, extract_page, html_to_text, looks_binary

# ---------------------------------------------------------------- html_to_text


def test_html_to_text_empty():
    assert html_to_text("") == ""


def test_plain_text_is_tidied_not_parsed():
    assert html_to_text("  Cobalt   prices\t rose.  ") == "Cobalt prices rose."


def test_script_style_nav_content_removed():
    html = ("<div><nav>Home | Markets desk</nav>"
            "<script>var trackingPixel = 'beacon';</script>"
            "<style>p { color: red; }</style>"
            "<noscript>Enable scripts</noscript>"
            "<p>Nickel output rose in May.</p>"
            "<footer>Copyright notice</footer></div>")
    text = html_to_text(html)
    assert text == "Nickel output rose in May."
    for gone in ("Markets desk", "trackingPixel", "color", "Enable scripts", "Copyright"):
        assert gone not in text


def test_paragraphs_separated_by_blank_lines():
    html = ("<h2>Copper</h2><p>First paragraph with <b>bold</b> text.</p>"
            "<p>Second&nbsp;paragraph.</p><ul><li>one</li><li>two</li></ul>")
    assert html_to_text(html) == ("Copper\n\nFirst paragraph with bold text.\n\n"
                                  "Second paragraph.\n\none\n\ntwo")


def test_inline_tags_do_not_split_words():
    assert html_to_text("<p>Li<i>thium</i> and <a href='#'>cobalt</a> prices</p>") == \
        "Lithium and cobalt prices"


def test_entities_decoded():
    assert html_to_text("Gold &amp; silver &lt;up&gt; 3&#37;") == "Gold & silver <up> 3%"


def test_br_breaks_lines():
    text = html_to_text("Line one<br>Line two<br/>Line three")
    assert text.split("\n\n") == ["Line one", "Line two", "Line three"]


# ---------------------------------------------------------------- decode_html

SPANISH_PAGE = ("<html><body><h1>Cobre</h1><p>Perú y Chile producen casi el 40% del cobre "
                "mundial; la minería aporta el 10% del PIB peruano y España compra más "
                "níquel.</p></body></html>")
FRENCH_PAGE = ("<html><body><p>Les exportations de cobalt de la République démocratique du "
               "Congo ont reculé de 12 % en mai, selon le ministère des Mines. Les négociants "
               "évoquent une baisse des prix à Londres et des quotas plus stricts décidés à "
               "Kinshasa. « C’est un coup dur », a déclaré un analyste.</p></body></html>")


def test_declared_charset_used():
    text = "Добыча никеля в России выросла."
    assert decode_html(text.encode("koi8-r"), "koi8-r") == text


def test_declared_charset_and_utf8_mislabelled_as_latin1():
    body = "Ã©".encode("utf-8")
    assert decode_html(body, "utf-8") == "Ã©"
    # A server default of Latin-1 on a page whose bytes are UTF-8: the bytes decide.
    assert decode_html("Perú exporta cobre".encode("utf-8"), "iso-8859-1") == "Perú exporta cobre"
    # A real Latin-1 page declared so stays Latin-1.
    assert decode_html("Perú exporta cobre".encode("latin-1"), "iso-8859-1") == \
        "Perú exporta cobre"


def test_meta_charset_used_without_header():
    page = '<html><head><meta charset="koi8-r"></head><body>Никель</body></html>'
    assert "Никель" in decode_html(page.encode("koi8-r"))


def test_utf8_without_declared_charset():
    text = "Zürich – “quotes” – 稀土 – редкоземельные"
    assert decode_html(text.encode("utf-8")) == text


def test_wrong_declared_charset_falls_back():
    text = "<p>Le café de la mine coûte cher, déjà à Zürich.</p>"
    assert decode_html(text.encode("utf-8"), "ascii") == text


def test_unknown_declared_charset_falls_back():
    assert decode_html("café".encode("utf-8"), "no-such-charset") == "café"


def test_cp1252_page_without_declared_charset():
    assert decode_html(FRENCH_PAGE.encode("cp1252")) == FRENCH_PAGE


def test_latin1_page_without_declared_charset():
    page = FRENCH_PAGE.replace("’", "'")
    assert decode_html(page.encode("latin-1")) == page


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_spanish_latin1_page_without_declared_charset(encoding):
    assert decode_html(SPANISH_PAGE.encode(encoding)) == SPANISH_PAGE


def test_undecodable_bytes_raise_value_error():
    import random
    rng = random.Random(7)
    junk = bytes(rng.getrandbits(8) for _ in range(4000))
    with pytest.raises(ValueError):
        decode_html(junk)


# ---------------------------------------------------------------- looks_binary

def test_looks_binary():
    assert looks_binary("\x00\x01\x02PNG" * 200)
    assert looks_binary("caf\ufffd " * 50)
    assert not looks_binary("<html><body><p>Plain article text.</p></body></html>")
    assert not looks_binary("")
    assert not looks_binary("Tabs\tand\nnewlines\r\nare text")


# ---------------------------------------------------------------- extract_page

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Zambia doubles copper smelting capacity | Ore Wire</title>
  <link rel="canonical" href="https://orewire.example/news/zambia-copper-smelter">
  <meta property="og:url" content="OGURL">
  <meta name="author" content="Grace Mwale">
  <meta property="article:published_time" content="2025-05-14T07:30:00+00:00">
</head>
<body>
  <div class="cookie-banner" id="cookie-consent">
    <p>We use cookies to improve your experience. Accept all cookies or manage preferences.</p>
    <button>Accept</button>
  </div>
  <header><a href="/">Ore Wire</a></header>
  <nav class="main-nav">
    <ul><li><a href="/markets">Markets desk</a></li><li><a href="/pods">Podcasts lounge</a></li>
    <li><a href="/subscribe">Subscribe today</a></li></ul>
  </nav>
  <main>
    <article>
      <h1>Zambia doubles copper smelting capacity</h1>
      <p>Zambia's largest copper smelter will double its capacity by the end of next year, the mines ministry said on Wednesday, as the country tries to process more of its ore at home instead of shipping concentrate abroad.</p>
      <p>The expansion at the plant near Chingola is expected to cost about $1.2 billion and will be financed by a group of regional banks, according to officials who briefed reporters in Lusaka.</p>
      <p>Zambia produced roughly 700,000 tonnes of copper last year and aims to reach three million tonnes within a decade, a target that analysts describe as ambitious given power shortages and ageing infrastructure.</p>
      <p>Industry groups welcomed the plan but warned that frequent electricity cuts caused by drought have already forced several mines to reduce output this season.</p>
      <p>The ministry said construction would start in the third quarter and employ around four thousand workers at its peak.</p>
    </article>
  </main>
  <aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Nickel glut widens in Indonesia</a></li></ul></aside>
  <footer><p>Copyright Ore Wire Media Group. Terms of service. Privacy centre.</p></footer>
</body>
</html>
"""
CANONICAL = "https://orewire.example/news/zambia-copper-smelter"


@pytest.fixture(scope="module")
def extracted():
    return extract_page(PAGE.replace("OGURL", CANONICAL))


def test_extract_page_keeps_paragraphs(extracted):
    text = extracted["text"]
    for needle in ("will double its capacity by the end of next year",
                   "financed by a group of regional banks",
                   "roughly 700,000 tonnes of copper",
                   "frequent electricity cuts",
                   "employ around four thousand workers"):
        assert needle in text


def test_extract_page_paragraphs_separated_by_blank_lines(extracted):
    paras = [p for p in extracted["text"].split("\n\n") if p.strip()]
    assert len(paras) >= 5
    assert "\n\n\n" not in extracted["text"]


def test_extract_page_drops_boilerplate(extracted):
    text = extracted["text"]
    for gone in ("Markets desk", "Podcasts lounge", "Subscribe today", "cookies",
                 "Copyright", "Terms of service", "Related stories"):
        assert gone not in text


def test_extract_page_metadata(extracted):
    assert extracted["canonical_url"] == CANONICAL
    assert extracted["title"] == "Zambia doubles copper smelting capacity"
    assert extracted["authors"] == ["Grace Mwale"]
    assert extracted["date"] is not None
    assert extracted["date"].date().isoformat() == "2025-05-14"
    assert extracted["date"].tzinfo is not None


def test_extract_page_og_url_used_without_rel_canonical():
    page = PAGE.replace('<link rel="canonical" href="https://orewire.example/news/'
                        'zambia-copper-smelter">', "").replace("OGURL", CANONICAL)
    assert extract_page(page)["canonical_url"] == CANONICAL


def test_extract_page_no_canonical_declared():
    page = PAGE.replace('<link rel="canonical" href="https://orewire.example/news/'
                        'zambia-copper-smelter">', "").replace(
        '<meta property="og:url" content="OGURL">', "")
    assert extract_page(page)["canonical_url"] is None


def test_extract_page_rel_canonical_wins_over_og_url():
    page = PAGE.replace("OGURL", "https://orewire.example/amp/zambia?share=fb")
    assert extract_page(page)["canonical_url"] == CANONICAL


@pytest.mark.parametrize("html", ["", "<html><body></body></html>"])
def test_extract_page_empty(html):
    out = extract_page(html)
    assert out["text"] == ""
    assert out["canonical_url"] is None and out["title"] is None and out["authors"] == []


# ---------------------------------------------------------------- detect_language

@pytest.mark.parametrize("text,lang", [
    ("China dominates the refining of the rare earth elements used in magnets.", "en"),
    ("La Chine domine le raffinage des terres rares utilisées dans les aimants.", "fr"),
    ("China beherrscht die Verarbeitung der Seltenen Erden für Magnete.", "de"),
    ("China domina el refinado de las tierras raras que se usan en imanes.", "es"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_detect_language_too_short():
    assert detect_language("Cobalt prices") is None
    assert detect_language("") is None
