(function () {
"use strict";
var T0 = performance.now();
var DATA = JSON.parse(document.getElementById("kg-data").textContent);
var ES = DATA.style.entity, RS = DATA.style.relation, FB = DATA.style.fallback;
function $(id) { return document.getElementById(id); }
// Build DOM from data with text nodes only: never parse data as HTML.
function el(tag, cls) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  for (var i = 2; i < arguments.length; i++) {
    var c = arguments[i];
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
  return e;
}
function rs(t) { return RS[t] || FB; }
function es(t) { return ES[t] || ES.Organization; }
function relName(t, lang) { var z = rs(t).zh; return lang === "en" || !z ? t : z; }
function isURL(s) { return /^https?:\/\/[^\s]+$/i.test(s || ""); }

var byId = {}, nodeEdges = {};
DATA.nodes.forEach(function (n) { byId[n.id] = n; nodeEdges[n.id] = []; });
DATA.edges.forEach(function (e) { nodeEdges[e.from].push(e); nodeEdges[e.to].push(e); });
function evOf(e) { return e.lawsuit ? (byId[e.lawsuit].evidence || []) : (e.evidence || []); }
// Evidence names its article by index into DATA.articles (one copy of each title and source).
function withArticle(d) {
  var a = DATA.articles[d.a] || {};
  d.article = a.id || ""; d.title = a.title || ""; d.source = a.source || "";
}
DATA.nodes.forEach(function (n) { (n.evidence || []).forEach(withArticle); });
DATA.edges.forEach(function (e) { (e.evidence || []).forEach(withArticle); });
// How many distinct articles report a fact (a lawsuit's edges share the lawsuit's count).
function sourcesOf(e) { return (e.lawsuit ? byId[e.lawsuit].sources : e.sources) || 1; }

document.title = DATA.title;
$("title").textContent = DATA.title;
var large = DATA.large;

// ------------------------------------------------------------------ vis data
// Per-type looks live in vis groups and edge defaults in the options, so each item carries
// only what is its own (thousands of per-item option objects made the first draw slow).
function nodeItem(n) {
  return {id: n.id, label: n.kind === "lawsuit" ? "⚖ " + n.label : n.label, x: n.x, y: n.y,
          group: ES[n.type] ? n.type : "Organization", value: n.kind === "lawsuit" ? 2 : n.degree + 1};
}
var groups = {};
Object.keys(ES).forEach(function (t) {
  var c = ES[t].color;
  groups[t] = {shape: ES[t].shape, color: {background: c, border: "#343a40",
    highlight: {background: c, border: "#000"}, hover: {background: c, border: "#000"}}};
  if (t === "Lawsuit") groups[t].font = {size: 12};
});
// Edge labels crowd a dense picture: shown from the start only on small graphs, a toggle otherwise.
var EDGE_LABELS = !large && DATA.edges.length <= 25;
function edgeItem(e) {
  var item = {id: e.id, from: e.from, to: e.to, color: rs(e.type).color,
    width: 1.2 + Math.min(4, sourcesOf(e) - 1) * 1.1};
  if ((e.confidence !== null && e.confidence !== undefined && e.confidence < 0.6) || e.type === "court") item.dashes = true;
  if (!e.directed) item.arrows = {to: {enabled: false}};
  if (!large) {
    item.label = relName(e.type, e.lang) + (e.date ? " " + e.date : "");
    if (EDGE_LABELS) item.font = {size: 11};
  }
  // Parallel facts between one pair: curved apart (a dense overview draws them straight).
  if (e.rank > 0 && !large) {
    var side = (e.rank % 2 === 1) ? 1 : -1;
    if (e.flip) side = -side;
    item.smooth = {enabled: true, type: side > 0 ? "curvedCW" : "curvedCCW",
                   roundness: 0.28 * Math.ceil(e.rank / 2)};
  }
  return item;
}
var nodes = new vis.DataSet(DATA.nodes.map(nodeItem));
document.getElementById("edgelabels").checked = EDGE_LABELS;
document.getElementById("edgelabels").disabled = large;
document.getElementById("edgelabels").addEventListener("change", function () {
  EDGE_LABELS = this.checked;
  edges.update(DATA.edges.map(function (e) { return {id: e.id, font: {size: EDGE_LABELS ? 11 : 0}}; }));
});
var edges = new vis.DataSet(DATA.edges.map(edgeItem));

// ------------------------------------------------------------------ filters
var typeOn = {}, relOn = {}, typeCount = {}, relCount = {};
DATA.nodes.forEach(function (n) { typeCount[n.type] = (typeCount[n.type] || 0) + 1; });
DATA.edges.forEach(function (e) { relCount[e.type] = (relCount[e.type] || 0) + 1; });
var dates = DATA.dates, slider = $("time");
slider.max = String(Math.max(0, dates.length - 1));
slider.value = slider.max;
if (!dates.length) slider.disabled = true;
var visibleNodes = new Set(), visibleEdges = new Set();
$("isolated").checked = DATA.edges.length === 0;

function asOf() {
  if (!dates.length) return null;
  var i = parseInt(slider.value, 10);
  return i >= dates.length - 1 ? null : dates[i];
}
function compute() {
  var cut = asOf(), undated = $("undated").checked;
  visibleEdges = new Set(); visibleNodes = new Set();
  var touched = new Set();
  passing = new Set();
  DATA.edges.forEach(function (e) {
    if (relOn[e.type] === false) return;
    var a = byId[e.from], b = byId[e.to];
    if (typeOn[a.type] === false || typeOn[b.type] === false) return;
    passing.add(e.id);
    if (e.earliest) { if (cut && e.earliest > cut) return; }
    else if (!undated) return;
    visibleEdges.add(e.id); touched.add(e.from); touched.add(e.to);
  });
  DATA.nodes.forEach(function (n) {
    if (typeOn[n.type] === false) return;
    if (nodeEdges[n.id].length ? touched.has(n.id) : cut === null && $("isolated").checked) visibleNodes.add(n.id);
  });
}
// Filtering flips `hidden` on the items whose visibility changed (vis-network then leaves them
// out of drawing, physics and body.nodeIndices/edgeIndices).
var shownNode = {}, shownEdge = {};
function sync() {
  var nu = [], eu = [];
  DATA.nodes.forEach(function (n) { var v = visibleNodes.has(n.id); if (shownNode[n.id] !== v) { shownNode[n.id] = v; nu.push({id: n.id, hidden: !v}); } });
  DATA.edges.forEach(function (e) { var v = visibleEdges.has(e.id); if (shownEdge[e.id] !== v) { shownEdge[e.id] = v; eu.push({id: e.id, hidden: !v}); } });
  if (nu.length) nodes.update(nu);
  if (eu.length) edges.update(eu);
}

function status() {
  var cut = asOf();
  $("asof").textContent = dates.length ? (cut ? "as of " + cut : "all dates (" + dates[0] + " … " + dates[dates.length - 1] + ")") : "no dated facts";
  $("status").textContent = visibleNodes.size + " / " + DATA.nodes.length + " nodes · " + visibleEdges.size + " / " + DATA.edges.length + " edges";
  $("empty").style.display = visibleNodes.size ? "none" : "block";
}
function apply() {
  compute();
  sync();
  status();
  chart();
}

// ------------------------------------------------------------------ rivalry chart
// Facts per month by relation type, for the graph the filters leave (at any date: the slider
// only dims later months) or for the facts between two chosen entities.  A fact counts once, a
// lawsuit once (by its filing month); facts dated to the year only, or not at all, are left out
// (kg/viz/chart.py counts the same way for `kg timeline --plot`).
var passing = new Set(), chartPair = null, CH = {months: [], counts: {}, left: 0, total: 0, max: 0};
var CHART_PAD = 30, CHART_FOOT = 13;
var chartOrder = Object.keys(RS).filter(function (t) { return !RS[t].role; }).concat(["lawsuit"]);
function chartColor(t) { return t === "lawsuit" ? (DATA.style.lawsuit || "#d6336c") : rs(t).color; }
function monthAfter(m) {
  var y = parseInt(m.slice(0, 4), 10), k = parseInt(m.slice(5, 7), 10);
  if (k === 12) { y += 1; k = 1; } else k += 1;
  return String(y).padStart(4, "0") + "-" + String(k).padStart(2, "0");
}
function chartCounts() {
  var counts = {}, left = 0, total = 0, suits = {};
  function add(t, m) {
    if (!m) { left++; return; }
    var c = counts[m] || (counts[m] = {});
    c[t] = (c[t] || 0) + 1; total++;
    if (chartOrder.indexOf(t) < 0) chartOrder.push(t);
  }
  DATA.edges.forEach(function (e) {
    if (!passing.has(e.id)) return;
    if (e.lawsuit) {
      (suits[e.lawsuit] || (suits[e.lawsuit] = new Set())).add(e.from === e.lawsuit ? e.to : e.from);
      return;
    }
    if (chartPair && !((e.from === chartPair[0] && e.to === chartPair[1]) ||
                       (e.from === chartPair[1] && e.to === chartPair[0]))) return;
    add(e.type, e.month);
  });
  Object.keys(suits).sort().forEach(function (l) {
    if (chartPair && !(suits[l].has(chartPair[0]) && suits[l].has(chartPair[1]))) return;
    add("lawsuit", byId[l].month);
  });
  var keys = Object.keys(counts).sort(), months = [], max = 0;
  if (keys.length) for (var m = keys[0]; m <= keys[keys.length - 1]; m = monthAfter(m)) months.push(m);
  months.forEach(function (m) {
    var n = 0, c = counts[m] || {};
    Object.keys(c).forEach(function (t) { n += c[t]; });
    if (n > max) max = n;
  });
  CH = {months: months, counts: counts, left: left, total: total, max: max};
}
function chartGeom() {
  var W = $("chart").clientWidth || 600;
  return {W: W, H: 84, bw: (W - CHART_PAD) / Math.max(1, CH.months.length)};
}
function drawChart() {
  var cv = $("chart"), g = chartGeom(), r = window.devicePixelRatio || 1;
  cv.width = Math.round(g.W * r); cv.height = Math.round(g.H * r);
  var ctx = cv.getContext("2d");
  ctx.setTransform(r, 0, 0, r, 0, 0);
  ctx.clearRect(0, 0, g.W, g.H);
  ctx.font = "10px sans-serif";
  ctx.fillStyle = "#868e96";
  if (!CH.months.length) { ctx.fillText("no facts dated to the month", CHART_PAD, g.H / 2); return; }
  var cut = asOf(), cutM = cut ? cut.slice(0, 7) : null, hgt = g.H - CHART_FOOT - 4;
  var gap = g.bw > 4 ? 1 : 0;
  CH.months.forEach(function (m, i) {
    var c = CH.counts[m], y = g.H - CHART_FOOT;
    if (!c) return;
    ctx.globalAlpha = cutM && m > cutM ? 0.22 : 1;
    chartOrder.forEach(function (t) {
      if (!c[t]) return;
      var h = c[t] / CH.max * hgt;
      ctx.fillStyle = chartColor(t);
      ctx.fillRect(CHART_PAD + i * g.bw + gap, y - h, Math.max(1, g.bw - gap), h);
      y -= h;
    });
  });
  ctx.globalAlpha = 1;
  ctx.fillStyle = "#868e96";
  ctx.fillText(String(CH.max), 2, 12);
  ctx.fillText("0", 2, g.H - CHART_FOOT);
  var lastX = -1e9;
  CH.months.forEach(function (m, i) {
    var x = CHART_PAD + i * g.bw;
    if ((i === 0 || m.slice(5) === "01") && x - lastX > 36) { ctx.fillText(m.slice(0, 4), x, g.H - 2); lastX = x; }
  });
  if (cutM) {
    var k = CH.months.indexOf(cutM);
    if (k < 0) k = cutM < CH.months[0] ? -1 : CH.months.length - 1;
    var cx = CHART_PAD + (k + 1) * g.bw;
    ctx.strokeStyle = "#212529"; ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(cx, 0); ctx.lineTo(cx, g.H - CHART_FOOT); ctx.stroke();
  }
}
function chart() {
  chartCounts();
  var who = chartPair ? byId[chartPair[0]].label + " ↔ " + byId[chartPair[1]].label : "visible graph";
  $("chart-title").textContent = "Facts per month by relation type · " + who + " · " + CH.total +
    " facts" + (CH.left ? " (" + CH.left + " dated only by year or undated, not shown)" : "");
  $("chart-all").style.display = chartPair ? "inline-block" : "none";
  drawChart();
}
function monthAt(clientX) {
  var g = chartGeom(), r = $("chart").getBoundingClientRect();
  var i = Math.floor((clientX - r.left - CHART_PAD) / g.bw);
  return i >= 0 && i < CH.months.length ? CH.months[i] : null;
}
// The slider's position for a month: the last date on or before that month's end.
function moveToMonth(m) {
  var end = m + "-31", k = -1;
  for (var i = 0; i < dates.length; i++) if (dates[i] <= end) k = i;
  if (k < 0) k = 0;
  slider.value = String(k);
  apply();
}
function setPair(pair) { chartPair = pair; chart(); }
$("chart").addEventListener("click", function (ev) { var m = monthAt(ev.clientX); if (m) moveToMonth(m); });
$("chart").addEventListener("mousemove", function (ev) {
  var m = monthAt(ev.clientX), c = m && CH.counts[m];
  $("chart").title = m ? m + (c ? ": " + Object.keys(c).map(function (t) { return t + " " + c[t]; }).join(", ") : ": none") : "";
});
$("chart-all").addEventListener("click", function () { setPair(null); });
window.addEventListener("resize", drawChart);

function row(kind, key, on, count, symbol, zh) {
  var box = el("input"); box.type = "checkbox"; box.checked = on; box.id = kind + "-" + key;
  box.setAttribute("data-" + kind, key);
  var lab = el("label", "row", box, symbol, el("span", null, key + (zh ? " · " + zh : "")), el("span", "n", count));
  box.addEventListener("change", function () { (kind === "type" ? typeOn : relOn)[key] = box.checked; apply(); });
  return lab;
}
Object.keys(ES).concat(Object.keys(typeCount).filter(function (t) { return !ES[t]; })).forEach(function (t) {
  if (!typeCount[t]) return;
  typeOn[t] = true;
  var sym = el("span", "sym", es(t).symbol); sym.style.color = es(t).color;
  $("types").appendChild(row("type", t, true, typeCount[t], sym, es(t).zh));
});
Object.keys(RS).concat(Object.keys(relCount).filter(function (t) { return !RS[t]; })).forEach(function (t) {
  if (!relCount[t]) return;
  relOn[t] = true;
  var line = el("span", "line"); line.style.borderTopColor = rs(t).color;
  if (t === "court") line.style.borderTopStyle = "dashed";
  $("rels").appendChild(row("rel", t, true, relCount[t], line, rs(t).zh));
});
if (DATA.note) { $("note").textContent = DATA.note; $("note").style.display = "block"; }
var f = DATA.filters, fk = Object.keys(f);
if (fk.length) $("filters").textContent = "Built with: " + fk.map(function (k) { return k + "=" + f[k]; }).join(", ");

// ------------------------------------------------------------------ details
function evidenceBlock(ev) {
  var box = el("div");
  ev.forEach(function (d) {
    var src = el("div", "src", d.reported ? d.reported + " · " : "", d.title || d.article);
    if (d.source) {
      src.appendChild(document.createTextNode(" · "));
      if (isURL(d.source)) {
        var a = el("a", null, d.source); a.href = d.source; a.target = "_blank"; a.rel = "noopener noreferrer";
        src.appendChild(a);
      } else src.appendChild(document.createTextNode(d.source));
    }
    if (d.confidence !== null && d.confidence !== undefined) src.appendChild(document.createTextNode(" · confidence " + d.confidence));
    box.appendChild(el("div", "ev", el("q", null, d.text), src));
  });
  if (!ev.length) box.appendChild(el("div", "small", "no evidence sentence stored"));
  return box;
}
function badge(text, color) { var b = el("span", "badge", text); b.style.background = color; return b; }
function dl(pairs) {
  var d = el("dl");
  pairs.forEach(function (p) { if (p[1] === undefined || p[1] === null || p[1] === "") return; d.appendChild(el("dt", null, p[0])); d.appendChild(el("dd", null, p[1])); });
  return d;
}
function money(v, cur) { return v === undefined || v === null ? null : Number(v).toLocaleString("en-US") + " " + (cur || ""); }
function edgeTitle(e) { return byId[e.from].label + " → " + relName(e.type, e.lang) + " → " + byId[e.to].label; }
function nodeDetail(n) {
  var box = el("div");
  box.appendChild(el("h3", null, n.kind === "lawsuit" ? "⚖ " + n.label : n.label));
  box.appendChild(badge(n.type + (es(n.type).zh ? " · " + es(n.type).zh : ""), es(n.type).color));
  if (n.kind === "lawsuit") {
    box.appendChild(dl([["plaintiffs", (n.plaintiffs || []).join("、")], ["defendants", (n.defendants || []).join("、")],
      ["court", n.court], ["filed", n.date], ["ruling", n.ruling_date], ["cause", n.cause],
      ["claimed", money(n.claimed, n.currency)], ["awarded", money(n.awarded, "CNY")],
      ["outcome", n.outcome], ["case no.", n.case_number], ["confidence", n.confidence]]));
    box.appendChild(el("h2", null, "Evidence"));
    box.appendChild(evidenceBlock(n.evidence || []));
    return box;
  }
  box.appendChild(dl([["aliases", (n.aliases || []).join("、")], ["Wikidata", n.qid], ["facts", nodeEdges[n.id].length]]));
  var facts = nodeEdges[n.id].slice().sort(function (a, b) { return (a.earliest || "9999").localeCompare(b.earliest || "9999"); });
  box.appendChild(el("h2", null, "Facts (" + facts.length + ")"));
  facts.forEach(function (e) {
    var other = byId[e.from === n.id ? e.to : e.from];
    var sw = el("span", "sym", "━"); sw.style.color = rs(e.type).color;
    var line = el("div", "fact", sw, " ", e.date || "undated", " · ", relName(e.type, e.lang), e.from === n.id ? " → " : " ← ", other.label);
    line.addEventListener("click", function () { network.selectEdges([e.id]); showDetail(edgeDetail(e)); });
    box.appendChild(line);
  });
  return box;
}
function edgeDetail(e) {
  var box = el("div");
  box.appendChild(el("h3", null, edgeTitle(e)));
  box.appendChild(badge(e.type + (rs(e.type).zh ? " · " + rs(e.type).zh : ""), rs(e.type).color));
  box.appendChild(dl([["date", e.date || "undated"], ["confidence", e.confidence], ["articles", sourcesOf(e)], ["evidence sentences", evOf(e).length]]));
  if (e.lawsuit) box.appendChild(el("div", "small", "Part of lawsuit: " + byId[e.lawsuit].label));
  box.appendChild(el("h2", null, "Evidence"));
  box.appendChild(evidenceBlock(evOf(e)));
  return box;
}
function showDetail(content) { var b = $("detail-body"); b.textContent = ""; b.className = ""; b.appendChild(content); }

// hover tooltip: a DOM element, filled with text nodes
var tip = $("tip");
function tooltip(content, pointer) {
  tip.textContent = ""; tip.appendChild(content);
  tip.style.display = "block";
  var W = $("stage").clientWidth, H = $("stage").clientHeight;
  var x = Math.min(pointer.x + 14, W - tip.offsetWidth - 4), y = Math.min(pointer.y + 14, H - tip.offsetHeight - 4);
  tip.style.left = Math.max(0, x) + "px"; tip.style.top = Math.max(0, y) + "px";
}
function nodeTip(n) {
  var box = el("div", null, el("b", null, n.kind === "lawsuit" ? "⚖ " + n.label : n.label), " ", badge(n.type, es(n.type).color));
  if (n.kind === "lawsuit") {
    box.appendChild(el("div", null, [n.date, n.court, n.cause].filter(Boolean).join(" · ")));
    if ((n.evidence || []).length) box.appendChild(el("div", null, "“", n.evidence[0].text, "”"));
  } else {
    box.appendChild(el("div", "small", nodeEdges[n.id].length + " facts" + ((n.aliases || []).length ? " · aka " + n.aliases.slice(0, 4).join("、") : "")));
  }
  return box;
}
function edgeTip(e) {
  var ev = evOf(e), box = el("div", null, el("b", null, edgeTitle(e)));
  box.appendChild(el("div", "small", (e.date || "undated") + (e.confidence !== null && e.confidence !== undefined ? " · confidence " + e.confidence : "") + " · " + sourcesOf(e) + " article(s)"));
  ev.slice(0, 2).forEach(function (d) { box.appendChild(el("div", null, "“", d.text, "”")); box.appendChild(el("div", "small", d.title || d.article)); });
  return box;
}

// ------------------------------------------------------------------ network
var options = {
  autoResize: true,
  nodes: {scaling: {min: 8, max: 42, label: {enabled: true, min: 12, max: 40, drawThreshold: 6, maxVisible: 40}}, borderWidth: 1,
          font: {color: "#212529", size: 15, strokeWidth: 3, strokeColor: "#ffffff"}},
  groups: groups,
  edges: {selectionWidth: 2, hoverWidth: 1.5, smooth: false, color: {opacity: 0.85},
          arrows: {to: {enabled: true, scaleFactor: 0.55}},
          font: {size: 0, color: "#495057", strokeWidth: 3, strokeColor: "#ffffff", align: "horizontal"}},
  interaction: {multiselect: true, hover: true, tooltipDelay: 150, hideEdgesOnDrag: large, hideEdgesOnZoom: large, navigationButtons: false, keyboard: false},
  physics: large ? {enabled: false} : {enabled: true, solver: "barnesHut",
    barnesHut: {gravitationalConstant: -4000, centralGravity: 0.6, springLength: 130, springConstant: 0.04, avoidOverlap: 0.6},
    stabilization: {enabled: true, iterations: 200, fit: true}},
  layout: {improvedLayout: false, randomSeed: 7}
};
// the views hold the full graph before the network first draws
compute();
sync();
var network = new vis.Network($("net"), {nodes: nodes, edges: edges}, options);
status();
$("physics").checked = !large;
function freeze() { network.setOptions({physics: {enabled: false}}); $("physics").checked = false; network.fit({animation: false}); }
network.once("stabilizationIterationsDone", freeze);
network.once("stabilized", freeze);
$("physics").addEventListener("change", function () { network.setOptions({physics: {enabled: $("physics").checked}}); });
$("undated").addEventListener("change", apply);
$("isolated").addEventListener("change", apply);
slider.addEventListener("input", apply);
$("fit").addEventListener("click", function () { network.fit({animation: false}); });

network.on("hoverNode", function (p) { tooltip(nodeTip(byId[p.node]), p.pointer.DOM); });
network.on("hoverEdge", function (p) { var e = edgeById[p.edge]; if (e) tooltip(edgeTip(e), p.pointer.DOM); });
network.on("blurNode", function () { tip.style.display = "none"; });
network.on("blurEdge", function () { tip.style.display = "none"; });
network.on("dragStart", function () { tip.style.display = "none"; });
network.on("click", function (p) {
  if (p.nodes.length) showDetail(nodeDetail(byId[p.nodes[0]]));
  else if (p.edges.length) showDetail(edgeDetail(edgeById[p.edges[0]]));
});
var edgeById = {};
DATA.edges.forEach(function (e) { edgeById[e.id] = e; });

// search
var names = $("names"), index = [];
DATA.nodes.forEach(function (n) {
  index.push([n.label.toLowerCase(), n.id]);
  (n.aliases || []).forEach(function (a) { index.push([String(a).toLowerCase(), n.id]); });
  if (n.kind !== "lawsuit" && DATA.nodes.length <= 6000) { var o = document.createElement("option"); o.value = n.label; names.appendChild(o); }
});
function find(q) {
  q = q.trim().toLowerCase(); if (!q) return null;
  var i, exact = null, part = null;
  for (i = 0; i < index.length; i++) {
    if (index[i][0] === q) { exact = index[i][1]; break; }
    if (part === null && index[i][0].indexOf(q) >= 0) part = index[i][1];
  }
  return exact || part;
}
function focusNode(id) {
  if (!visibleNodes.has(id)) { $("status").textContent = "“" + byId[id].label + "” is hidden by the filters"; return false; }
  network.selectNodes([id]);
  network.focus(id, {scale: large ? 1.0 : 1.3, animation: {duration: 400}});
  showDetail(nodeDetail(byId[id]));
  return true;
}
function doSearch() {
  var id = find($("search").value);
  if (id === null) { $("status").textContent = "no entity matches “" + $("search").value + "”"; return; }
  focusNode(id);
}
$("go").addEventListener("click", doSearch);
$("search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") doSearch(); });

// replay: step the slider from the first date to the last
var timer = null;
function stop() { if (timer) { clearInterval(timer); timer = null; } $("play").textContent = "▶ replay"; }
$("play").addEventListener("click", function () {
  if (timer) { stop(); return; }
  if (!dates.length) return;
  slider.value = "0"; apply();
  $("play").textContent = "⏸ pause";
  var step = Math.max(120, Math.min(900, 18000 / dates.length));
  timer = setInterval(function () {
    var i = parseInt(slider.value, 10);
    if (i >= dates.length - 1) { stop(); return; }
    slider.value = String(i + 1); apply();
  }, step);
});

network.on("select", function (p) {
  var ents = p.nodes.filter(function (id) { return byId[id].kind !== "lawsuit"; });
  if (ents.length === 2) setPair(ents.slice().sort());
});
chart();
window.kgViz = {network: network, nodes: nodes, edges: edges, chart: function () { return CH; },
  setPair: setPair, moveToMonth: moveToMonth,
  barPoint: function (m) { var g = chartGeom(), r = $("chart").getBoundingClientRect(), i = CH.months.indexOf(m);
    return i < 0 ? null : {x: r.left + CHART_PAD + (i + 0.5) * g.bw, y: r.top + g.H - CHART_FOOT - 2}; },
  data: DATA, apply: apply, focus: focusNode, find: find, ready: false, renderMs: null,
  visibleNodeIds: function () { return network.body.nodeIndices.slice(); },
  visibleEdgeIds: function () { return network.body.edgeIndices.slice(); }};
network.once("afterDrawing", function () {
  window.kgViz.ready = true;
  window.kgViz.renderMs = performance.now();
  window.kgViz.appMs = performance.now() - T0;
});
})();
