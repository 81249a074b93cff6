/* orewire report: filters, views and CSV downloads over window.OREWIRE_DATA (data.js),
   charts by Vega-Lite (vega.js) from the specs in window.OREWIRE_SPECS. Plain ES2017, no
   network: every file this page needs sits beside it.

   Hooks for scripts and tests: <select data-filter="mineral|country|period|event">, article
   rows <tr data-article-id data-minerals>, the map inside [data-view="map"] (its attribute
   data-linked lists the shaded countries), and document.body.dataset.ready = "1" once every
   view is drawn ("0" while a filter change redraws). */
(function () {
  "use strict";
  var D = window.OREWIRE_DATA, S = window.OREWIRE_SPECS;
  var A = D.articles;
  if (!D.anchor) D.anchor = D.first = D.since || D.generated.slice(0, 10);  // no articles
  var state = {mineral: "", country: "", period: "", event: "", search: ""};
  var views = {};
  var tables = {};          // name -> {cols, rows}: what each CSV button downloads
  var articleRows = [];     // the filtered, searched articles
  var shownArticles = 100;
  var PAGE = 100;
  var DAY = 86400000;

  // ------------------------------------------------------------------ small helpers
  function $(sel) { return document.querySelector(sel); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] === null || attrs[k] === undefined) return;
        if (k === "text") e.textContent = attrs[k];
        else if (k === "className") e.className = attrs[k];
        else e.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }
  function link(url, text) {
    return url ? el("a", {href: url, target: "_blank", rel: "noopener noreferrer", text: text})
               : document.createTextNode(text);
  }
  function toMs(day) { var p = day.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  function toDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function addDays(day, n) { return toDay(toMs(day) + n * DAY); }
  function mineralName(id) { return (D.minerals[id] || {}).name || id; }
  function countryName(code) { return code ? (D.countries[code] || code) : ""; }
  function eventWord(type) { return D.eventTypes[type] || type; }
  function uniq(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }

  // ------------------------------------------------------------------ periods
  function periodRange(value) {
    if (!value) return D.since ? [D.since, D.anchor] : [D.first, D.anchor];
    if (value.indexOf("last-") === 0) {
      var n = +value.slice(5);
      return [addDays(D.anchor, 1 - n), D.anchor];
    }
    var y = +value.slice(0, 4), m = +value.slice(5, 7);
    return [toDay(Date.UTC(y, m - 1, 1)), toDay(Date.UTC(y, m, 1) - DAY)];
  }
  // The trend compares a period with the one of equal length before it; with the whole
  // report selected, the last 28 days with the 28 before.
  function trendRanges() {
    var cur = state.period ? periodRange(state.period) : [addDays(D.anchor, -27), D.anchor];
    var len = Math.round((toMs(cur[1]) - toMs(cur[0])) / DAY) + 1;
    var prev;
    if (/^\d{4}-\d{2}$/.test(state.period)) {
      var y = +state.period.slice(0, 4), m = +state.period.slice(5, 7);
      prev = [toDay(Date.UTC(y, m - 2, 1)), toDay(Date.UTC(y, m - 1, 1) - DAY)];
    } else {
      prev = [addDays(cur[0], -len), addDays(cur[0], -1)];
    }
    return {cur: cur, prev: prev};
  }
  function inRange(day, r) { return !!day && (!r[0] || day >= r[0]) && (!r[1] || day <= r[1]); }
  function bucketOf(span) { return span <= 42 ? "day" : span <= 366 ? "week" : "month"; }
  function bucketStart(day, bucket) {
    if (bucket === "month") return day.slice(0, 8) + "01";
    if (bucket === "week") {
      var ms = toMs(day), wd = (new Date(ms).getUTCDay() + 6) % 7;  // Monday = 0
      return toDay(ms - wd * DAY);
    }
    return day;
  }
  function nextBucket(day, bucket) {
    if (bucket === "month") {
      var y = +day.slice(0, 4), m = +day.slice(5, 7);
      return toDay(Date.UTC(y, m, 1));
    }
    return addDays(day, bucket === "week" ? 7 : 1);
  }
  function bucketLabel(day, bucket) {
    return bucket === "month" ? day.slice(0, 7) : bucket === "week" ? "week of " + day : day;
  }
  function buckets(range, bucket) {
    var out = [], cur = bucketStart(range[0], bucket), end = bucketStart(range[1], bucket);
    while (cur <= end && out.length < 2000) { out.push(cur); cur = nextBucket(cur, bucket); }
    return out;
  }

  // ------------------------------------------------------------------ filters
  function passesTopic(a) {
    if (state.mineral && a.m.indexOf(state.mineral) < 0) return false;
    if (state.country && a.c.indexOf(state.country) < 0 &&
        !a.l.some(function (l) { return l[1] === state.country; })) return false;
    if (state.event && !a.e.some(function (i) {
      var ev = D.events[i];
      return ev.type === state.event && (!state.mineral || ev.m === state.mineral);
    })) return false;
    return true;
  }
  function filtered() {
    var r = periodRange(state.period);
    return A.filter(function (a) { return inRange(a.d, r) && passesTopic(a); });
  }
  function isStory(a) { return !a.dup; }
  function matchesSearch(a, q) {
    if (!q) return true;
    // every word typed must begin a word of the title, source, minerals or countries
    var hay = " " + (a.t + " " + a.s + " " + a.m.map(mineralName).join(" ") + " " +
                     a.c.map(countryName).join(" ")).toLowerCase().replace(/[^\w\u00c0-\uffff]+/g, " ");
    return q.split(/\s+/).every(function (w) { return hay.indexOf(" " + w) >= 0; });
  }

  // ------------------------------------------------------------------ CSV
  function csvCell(v) {
    if (v === null || v === undefined) return "";
    if (Array.isArray(v)) v = v.join(" ");
    v = String(v);
    // a spreadsheet would run "=...", "+...", "-...", "@..." as a formula
    if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
    return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }
  function toCsv(t) {
    return [t.cols.map(csvCell).join(",")].concat(t.rows.map(function (r) {
      return r.map(csvCell).join(",");
    })).join("\r\n") + "\r\n";
  }
  function download(name) {
    var t = tables[name];
    if (!t) return;
    var blob = new Blob([toCsv(t)], {type: "text/csv;charset=utf-8"});
    var a = el("a", {href: URL.createObjectURL(blob), download: "orewire-" + name + ".csv"});
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // ------------------------------------------------------------------ the views
  function fillBody(selector, rows, limit) {
    var body = $(selector + " tbody");
    body.textContent = "";
    var frag = document.createDocumentFragment();
    rows.slice(0, limit || rows.length).forEach(function (r) { frag.appendChild(r); });
    body.appendChild(frag);
  }

  function shownNote(section, total, limit) {
    var note = document.querySelector(section + " .shown-note");
    if (!note) {
      note = el("p", {className: "meta shown-note"});
      document.querySelector(section).appendChild(note);
    }
    note.textContent = total > limit ? "The newest " + limit + " of " + total +
      " rows are shown; the CSV holds them all." : total + " rows.";
  }

  function drawCards(F) {
    var stories = F.filter(isStory);
    var minerals = {}, countries = {}, events = 0;
    stories.forEach(function (a) {
      a.m.forEach(function (m) { minerals[m] = 1; });
      a.l.forEach(function (l) { countries[l[1]] = 1; });
      events += a.e.length;
    });
    var dead = D.deadLetters.filter(function (d) { return inRange(d.d, periodRange(state.period)); })
      .reduce(function (n, d) { return n + d.failures; }, 0);
    var cards = [[F.length, "articles"], [stories.length, "stories (copies once)"],
                 [Object.keys(minerals).length, "minerals named"],
                 [Object.keys(countries).length, "countries linked to a mineral"],
                 [events, "supply events"], [dead, "dead letters"]];
    var ul = $("#cards");
    ul.textContent = "";
    cards.forEach(function (c) { ul.appendChild(el("li", null, [el("b", {text: String(c[0])}), c[1]])); });
  }

  function articleRow(a) {
    var title = el("td", null, [link(a.u, a.t || a.u || a.id)]);
    if (a.dup) {
      var orig = byId[a.dup];
      title.appendChild(el("span", {className: "copy", text: " syndicated copy of "}));
      title.appendChild(orig ? link(orig.u, orig.t || orig.id) : document.createTextNode(a.dup));
    }
    return el("tr", {"data-article-id": a.id, "data-minerals": a.m.join(" "),
                     "class": a.dup ? "copy-row" : null}, [
      el("td", {className: "num", text: (a.d || "") + (a.nd ? " *" : ""),
                title: a.nd ? "no publication date: the day it was stored" : null}),
      title, el("td", {text: a.s}),
      el("td", {text: a.m.map(mineralName).join(", ")}),
      el("td", {text: a.c.map(countryName).join(", ")})]);
  }

  function drawArticles(F) {
    var q = state.search.trim().toLowerCase();
    articleRows = F.filter(function (a) { return matchesSearch(a, q); });
    tables.articles = {
      cols: ["article_id", "date", "title", "source", "url", "minerals", "countries",
             "syndicated_copy_of"],
      rows: articleRows.map(function (a) {
        return [a.id, a.d, a.t, a.s, a.u, a.m, a.c, a.dup || ""];
      })};
    fillBody("#articles-table", articleRows.slice(0, shownArticles).map(articleRow));
    var more = $("#more-articles");
    more.hidden = articleRows.length <= shownArticles;
    more.textContent = "Show " + Math.min(PAGE * 2, articleRows.length - shownArticles) +
      " more of " + (articleRows.length - shownArticles);
    $("#article-count").textContent = articleRows.length + " of " + A.length + " articles" +
      (articleRows.length > shownArticles ? " (first " + shownArticles + " shown)" : "");
  }

  function drawTimeline(F, range) {
    var span = Math.round((toMs(range[1]) - toMs(range[0])) / DAY);
    var bucket = bucketOf(span), counts = {};
    F.filter(isStory).forEach(function (a) {
      var b = bucketStart(a.d, bucket);
      counts[b] = (counts[b] || 0) + 1;
    });
    var rows = buckets(range, bucket).map(function (b) {
      return {period: b, label: bucketLabel(b, bucket), stories: counts[b] || 0};
    });
    tables.timeline = {cols: ["period_start", "bucket", "stories"],
                       rows: rows.map(function (r) { return [r.period, bucket, r.stories]; })};
    $("#timeline").setAttribute("data-total", String(rows.reduce(function (n, r) {
      return n + r.stories; }, 0)));
    return {bucket: bucket, rows: rows};
  }

  function drawMentions(F, range, bucket) {
    var stories = F.filter(isStory), totals = {};
    stories.forEach(function (a) { a.m.forEach(function (m) { totals[m] = (totals[m] || 0) + 1; }); });
    var top = Object.keys(totals).sort(function (x, y) {
      return totals[y] - totals[x] || (x < y ? -1 : 1); }).slice(0, 8);
    if (state.mineral && top.indexOf(state.mineral) < 0 && totals[state.mineral]) top.push(state.mineral);
    var counts = {};
    stories.forEach(function (a) {
      var b = bucketStart(a.d, bucket);
      a.m.forEach(function (m) {
        if (top.indexOf(m) < 0) return;
        var k = m + "|" + b;
        counts[k] = (counts[k] || 0) + 1;
      });
    });
    var rows = [];
    buckets(range, bucket).forEach(function (b) {
      top.forEach(function (m) {
        rows.push({period: b, label: bucketLabel(b, bucket), mineral: mineralName(m),
                   id: m, stories: counts[m + "|" + b] || 0, total: totals[m]});
      });
    });
    tables.mentions = {cols: ["period_start", "mineral", "stories_naming_it"],
                       rows: rows.map(function (r) { return [r.period, r.id, r.stories]; })};
    return rows;
  }

  function drawMap(F) {
    var perCountry = {};
    F.filter(isStory).forEach(function (a) {
      a.l.forEach(function (l) {
        if (state.mineral && l[0] !== state.mineral) return;
        var p = perCountry[l[1]] || (perCountry[l[1]] = {stories: {}, minerals: {}});
        p.stories[a.id] = 1;
        p.minerals[l[0]] = 1;
      });
    });
    var rows = Object.keys(perCountry).map(function (c) {
      return {country: c, label: countryName(c),
              stories: Object.keys(perCountry[c].stories).length,
              minerals: Object.keys(perCountry[c].minerals).map(mineralName).join(", ")};
    }).sort(function (x, y) { return y.stories - x.stories || (x.country < y.country ? -1 : 1); });
    tables.map = {cols: ["country", "name", "stories", "minerals"],
                  rows: rows.map(function (r) { return [r.country, r.label.slice(3), r.stories, r.minerals]; })};
    $("#map").setAttribute("data-linked", rows.map(function (r) { return r.country; }).sort().join(" "));
    fillBody("#map-table", rows.map(function (r) {
      return el("tr", {"data-country": r.country}, [el("td", {text: r.label}),
        el("td", {className: "num", text: String(r.stories)}), el("td", {text: r.minerals})]);
    }), 40);
    return rows;
  }

  function drawTrend() {
    var t = trendRanges(), cur = {}, prev = {};
    A.forEach(function (a) {
      if (!isStory(a) || !passesTopic(a)) return;
      var bag = inRange(a.d, t.cur) ? cur : inRange(a.d, t.prev) ? prev : null;
      if (!bag) return;
      a.m.forEach(function (m) {
        if (!state.mineral || m === state.mineral) bag[m] = (bag[m] || 0) + 1;
      });
    });
    var ids = uniq(Object.keys(cur).concat(Object.keys(prev))).sort(function (x, y) {
      return (cur[y] || 0) - (cur[x] || 0) || (prev[y] || 0) - (prev[x] || 0) || (x < y ? -1 : 1);
    });
    var rows = ids.map(function (m) {
      var c = cur[m] || 0, p = prev[m] || 0;
      var change = p === 0 ? (c ? "new" : "") : (c - p >= 0 ? "+" : "") + Math.round(100 * (c - p) / p) + "%";
      return [m, c, p, change];
    });
    tables.trend = {cols: ["mineral", "stories_" + t.cur[0] + "_to_" + t.cur[1],
                           "stories_" + t.prev[0] + "_to_" + t.prev[1], "change"], rows: rows};
    $("#trend-periods").textContent = "Stories naming each mineral from " + t.cur[0] + " to " +
      t.cur[1] + " against " + t.prev[0] + " to " + t.prev[1] +
      (state.period ? "" : " (the last 28 days of the report and the 28 before)") + ".";
    fillBody("#trend-table", rows.map(function (r) {
      var up = r[3] === "new" || r[3].charAt(0) === "+";
      return el("tr", null, [el("td", {text: mineralName(r[0])}),
        el("td", {className: "num", text: String(r[1])}), el("td", {className: "num", text: String(r[2])}),
        el("td", {className: "num " + (r[1] === r[2] ? "" : up ? "up" : "down"), text: r[3]})]);
    }), 60);
  }

  function drawEvents(F) {
    var rows = [];
    F.forEach(function (a) {
      a.e.forEach(function (i) {
        var ev = D.events[i];
        if (state.mineral && ev.m !== state.mineral) return;
        if (state.event && ev.type !== state.event) return;
        rows.push({date: a.d, mineral: mineralName(ev.m), id: ev.m, type: eventWord(ev.type),
                   direction: ev.dir || "none stated", country: countryName(ev.c),
                   code: ev.c || "", sentence: ev.sentence, title: a.t, url: a.u, aid: a.id});
      });
    });
    rows.sort(function (x, y) { return x.date < y.date ? 1 : x.date > y.date ? -1 : 0; });
    tables.events = {cols: ["date", "mineral", "event_type", "direction", "country", "sentence",
                            "title", "url", "article_id"],
                     rows: rows.map(function (r) {
                       return [r.date, r.id, r.type, r.direction, r.code, r.sentence, r.title, r.url, r.aid];
                     })};
    $("#events").setAttribute("data-count", String(rows.length));
    fillBody("#events-table", rows.map(function (r) {
      return el("tr", null, [el("td", {className: "num", text: r.date}), el("td", {text: r.mineral}),
        el("td", {text: r.type}), el("td", {text: r.direction}), el("td", {text: r.country}),
        el("td", {className: "sentence", text: r.sentence}), el("td", null, [link(r.url, r.title || r.url)])]);
    }), 50);
    shownNote("#events", rows.length, 50);
    return rows;
  }

  function drawFigures() {
    var r = periodRange(state.period);
    var rows = D.figures.filter(function (f) {
      var a = A[f.a];
      if (!inRange(a.d, r) || !passesTopic(a)) return false;
      if (state.mineral && f.m !== state.mineral) return false;
      return true;
    });
    tables.figures = {cols: ["date", "mineral", "value", "unit", "kind", "year", "quote", "sentence",
                             "countries", "title", "url", "copies"],
                      rows: rows.map(function (f) {
                        var a = A[f.a];
                        return [a.d, f.m, f.value, f.unit, f.kind, f.year, f.quote, f.sentence, f.c, a.t, a.u, f.copies];
                      })};
    fillBody("#figures-table", rows.map(function (f) {
      var a = A[f.a];
      var art = el("td", null, [link(a.u, a.t || a.u), el("br"), el("small", {text: a.s +
        (f.copies > 1 ? " · also in " + (f.copies - 1) + " syndicated " + (f.copies > 2 ? "copies" : "copy") : "")})]);
      return el("tr", null, [el("td", {className: "num", text: a.d}), el("td", {text: mineralName(f.m)}),
        el("td", {className: "num", text: f.shown}), el("td", {text: f.kind + (f.year ? " (" + f.year + ")" : "")}),
        el("td", {className: "sentence", text: f.sentence || f.quote}), art]);
    }), 50);
    shownNote("#figures", rows.length, 50);
  }

  function drawSources(F) {
    var counts = {};
    F.filter(isStory).forEach(function (a) { var s = a.s || "(unknown)"; counts[s] = (counts[s] || 0) + 1; });
    var rows = Object.keys(counts).map(function (s) { return {source: s, stories: counts[s]}; })
      .sort(function (x, y) { return y.stories - x.stories || (x.source < y.source ? -1 : 1); });
    tables.sources = {cols: ["source", "stories"], rows: rows.map(function (r) { return [r.source, r.stories]; })};
    return rows.slice(0, 20);
  }

  function drawDeadLetters() {
    var r = periodRange(state.period);
    var rows = D.deadLetters.filter(function (d) { return !state.period || inRange(d.d, r); });
    tables.deadLetters = {cols: ["cause", "stage", "feed_url", "failures", "retryable", "resolved",
                                 "attempts", "last_failed_at", "example_source", "example_error",
                                 "last_error"],
                          rows: rows.map(function (d) {
                            return [d.cause, d.stage, d.feed, d.failures, d.retryable, d.resolved, d.attempts,
                                    d.last, d.example, d.error, d.lastError];
                          })};
    $("#no-dead-letters").hidden = rows.length > 0;
    $("#dead-letters-table").hidden = rows.length === 0;
    fillBody("#dead-letters-table", rows.map(function (d) {
      return el("tr", {title: d.error}, [el("td", {text: d.cause}), el("td", {text: d.stage}),
        el("td", {text: d.feed}), el("td", {className: "num", text: String(d.failures)}),
        el("td", {className: "num", text: String(d.retryable)}), el("td", {className: "num", text: String(d.resolved)}),
        el("td", {className: "num", text: String(d.attempts)}), el("td", {text: d.last}),
        el("td", {text: d.lastError.length > 120 ? d.lastError.slice(0, 119) + "…" : d.lastError})]);
    }), 100);
  }

  function drawRuns() {
    function n(v) { return v === null || v === undefined ? "" : String(v); }
    tables.runs = {cols: ["run_id", "mode", "finished_at", "entries_seen", "retried", "articles_written",
                          "duplicates_skipped", "dead_letters", "adds_up", "feeds", "feeds_failed",
                          "feed_dead_letters"],
                   rows: D.runs.map(function (r) {
                     return [r.run, r.mode, r.finished, r.seen, r.retried, r.written, r.duplicates, r.dead,
                             r.addsUp, r.feeds, r.feedsFailed, r.feedDead];
                   })};
    fillBody("#runs-table", D.runs.map(function (r) {
      return el("tr", null, [el("td", {text: r.run}), el("td", {text: n(r.mode)}), el("td", {text: n(r.finished)}),
        el("td", {className: "num", text: n(r.seen)}), el("td", {className: "num", text: n(r.retried)}),
        el("td", {className: "num", text: n(r.written)}), el("td", {className: "num", text: n(r.duplicates)}),
        el("td", {className: "num", text: n(r.dead)}),
        el("td", {className: r.addsUp ? "ok" : "bad", text: r.addsUp ? "yes" : "NO"}),
        el("td", {className: "num", text: n(r.feeds) + (r.feedsFailed ? " (" + r.feedsFailed + " failed, " +
          n(r.feedDead) + " feed dead letters)" : "")})]);
    }));
  }

  function evidence(item) {
    var day = (item.published_at || "").slice(0, 10);
    return el("div", {className: "evidence"}, [
      item.sentence ? el("q", {text: item.sentence}) : null, el("br"),
      link(item.url, item.title || item.url || ""), " · " + (item.source || "") + (day ? ", " + day : "")]);
  }
  function drawNew() {
    var g = D.digest, box = $("#new-body");
    box.textContent = "";
    if (!g) { box.appendChild(el("p", {className: "meta", text: "No articles."})); return; }
    function keep(i) {
      if (state.mineral && i.mineral !== state.mineral) return false;
      if (state.country && i.country !== state.country) return false;
      return true;
    }
    var ev = state.event;
    var links = ev ? [] : g.new_links.filter(keep);
    var controls = g.export_restrictions.filter(function (i) { return keep(i) && (!ev || ev === i.type); });
    var others = g.supply_events.filter(function (i) { return keep(i) && (!ev || ev === i.type); });
    var surges = ev || state.country ? [] : g.surges.filter(function (s) { return !state.mineral || s.mineral === state.mineral; });
    box.appendChild(el("p", {className: "meta", text: "Window " + g.window_start.slice(0, 10) + " to " +
      addDays(g.window_end.slice(0, 10), -1) + ", against " + g.baseline_start.slice(0, 10) + " onwards."}));
    var rows = [];
    var SHOWN = 4;
    function list(title, items, head) {
      if (!items.length) return;
      box.appendChild(el("h3", {text: title + " (" + items.length + ")"}));
      var ul = el("ul", {className: "news"}), more = el("ul", {className: "news"});
      items.forEach(function (i, n) {
        var li = el("li", {"data-mineral": i.mineral}, [el("b", {text: head(i)})]);
        (i.examples || [i]).forEach(function (x) { li.appendChild(evidence(x)); });
        (n < SHOWN ? ul : more).appendChild(li);
      });
      box.appendChild(ul);
      if (items.length > SHOWN) {
        box.appendChild(el("details", null, [
          el("summary", {text: (items.length - SHOWN) + " more"}), more]));
      }
    }
    // New links grouped by the sentence that states them, one item per story's sentence
    // ("Copper – CA Canada, CL Chile; Silver – MX Mexico"), not one per pair.
    var grouped = [], byEvidence = {};
    links.forEach(function (i) {
      rows.push(["new_link", i.mineral, i.country, "", "", i.stories, i.sentence, i.title, i.url]);
      var key = i.article_id + "|" + i.sentence;
      var item = byEvidence[key];
      if (!item) {
        item = byEvidence[key] = {mineral: i.mineral, pairs: [], sentence: i.sentence, title: i.title,
                                  url: i.url, source: i.source, published_at: i.published_at};
        grouped.push(item);
      }
      item.pairs.push(i);
    });
    list("New country–mineral links", grouped, function (item) {
      var per = {};
      item.pairs.forEach(function (p) {
        (per[p.mineral] = per[p.mineral] || []).push(countryName(p.country));
      });
      return Object.keys(per).map(function (m) {
        return mineralName(m) + " – " + per[m].join(", ");
      }).join("; ");
    });
    // minerals that share the sentence and the event are one item
    function groupEvents(items) {
      var out = [], seen = {};
      items.forEach(function (i) {
        rows.push([i.type, i.mineral, i.country || "", i.direction || "", "", 1, i.sentence, i.title, i.url]);
        var key = [i.article_id, i.sentence, i.type, i.direction, i.country].join("|");
        if (!seen[key]) { seen[key] = {first: i, minerals: []}; out.push(seen[key]); }
        seen[key].minerals.push(i.mineral);
      });
      return out.map(function (g) { return Object.assign({}, g.first, {minerals: g.minerals}); });
    }
    function eventHead(i) {
      return i.minerals.map(mineralName).join(", ") + ": " + eventWord(i.type) +
        (i.direction ? ", " + i.direction : "") + (i.country ? " (" + countryName(i.country) + ")" : "");
    }
    list("Export restrictions, new or lifted", groupEvents(controls), eventHead);
    list("Other supply events", groupEvents(others), eventHead);
    list("Minerals in the news more than usual", surges, function (s) {
      rows.push(["surge", s.mineral, "", "", s.mean_before, s.stories, "", "", ""]);
      return mineralName(s.mineral) + ": " + s.stories + " stories, against " + s.mean_before +
        " in a window of this length before";
    });
    if (!rows.length) box.appendChild(el("p", {text: "Nothing new in this window for these filters."}));
    tables["new"] = {cols: ["item", "mineral", "country", "direction", "mean_before", "stories", "sentence", "title", "url"],
                     rows: rows};
  }

  function summary() {
    var parts = [];
    if (state.mineral) parts.push("mineral " + mineralName(state.mineral));
    if (state.country) parts.push("country " + countryName(state.country));
    if (state.period) parts.push("period " + periodRange(state.period).join(" to "));
    if (state.event) parts.push("event " + eventWord(state.event));
    $("#filter-summary").textContent = parts.length ? "Showing: " + parts.join("; ") + "." :
      "Showing everything in the report; choose a mineral, country, period or event type to narrow every view.";
  }

  var byId = {};
  A.forEach(function (a) { byId[a.id] = a; });
  // The map's shapes: world.js's topology as a named data set of the map's spec, read
  // as TopoJSON by Vega (the specs name it "shapes"; its rows are the countries).
  (function () {
    var shapes = {name: "world", format: {type: "topojson", feature: "countries"}};
    S.map.datasets = Object.assign({}, S.map.datasets || {}, {world: window.OREWIRE_WORLD});
    S.map.layer[0].data = shapes;
    S.map.layer[1].transform.forEach(function (t) { if (t.lookup) t.from.data = shapes; });
  })();

  function update() {
    document.body.dataset.ready = "0";
    var F = filtered(), range = periodRange(state.period);
    summary();
    drawCards(F);
    drawArticles(F);
    var tl = drawTimeline(F, range);
    var data = {
      timeline: tl.rows, mentions: drawMentions(F, range, tl.bucket), map: drawMap(F),
      events: drawEvents(F), sources: drawSources(F)};
    drawTrend();
    drawFigures();
    drawDeadLetters();
    drawNew();
    return Promise.all(Object.keys(data).map(function (name) {
      // resize(): the axes' labels change with the data, and the layout must follow
      return views[name].data(name, data[name]).resize().runAsync();
    })).then(function () {
      if (!window.orewireReport.readyMs) window.orewireReport.readyMs = performance.now();
      document.body.dataset.ready = "1";
    });
  }

  function fail(err) {
    var box = el("p", {className: "notice", id: "report-error",
                       text: "The report could not draw its views: " + err});
    document.querySelector("main").prepend(box);
    console.error(err);
  }

  function init() {
    // logLevel 1 (errors): the views start empty, which Vega would warn about
    var opts = {actions: false, renderer: "svg", logLevel: 1};
    var names = ["timeline", "mentions", "events", "sources", "map"];
    document.querySelectorAll("select[data-filter]").forEach(function (s) {
      s.addEventListener("change", function () {
        state[s.getAttribute("data-filter")] = s.value;
        shownArticles = PAGE;
        update().catch(fail);
      });
    });
    var timer = null;
    $("#article-search").addEventListener("input", function (e) {
      clearTimeout(timer);
      timer = setTimeout(function () {
        state.search = e.target.value;
        shownArticles = PAGE;
        drawArticles(filtered());
      }, 120);
    });
    $("#more-articles").addEventListener("click", function () {
      shownArticles += PAGE * 2;
      drawArticles(filtered());
    });
    $("#reset-filters").addEventListener("click", function () {
      document.querySelectorAll("select[data-filter]").forEach(function (s) { s.value = ""; });
      $("#article-search").value = "";
      Object.keys(state).forEach(function (k) { state[k] = ""; });
      update().catch(fail);
    });
    document.querySelectorAll("button[data-csv]").forEach(function (b) {
      b.addEventListener("click", function () { download(b.getAttribute("data-csv")); });
    });
    drawRuns();
    Promise.all(names.map(function (n) { return vegaEmbed("#chart-" + n, S[n], opts); }))
      .then(function (results) {
        names.forEach(function (n, i) { views[n] = results[i].view; });
      })
      .then(update)
      .catch(fail);
  }

  window.orewireReport = {state: state, tables: tables, toCsv: toCsv};
  init();
})();
