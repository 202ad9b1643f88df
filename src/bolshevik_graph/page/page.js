/* The network page: a fixed map (positions computed in Python), a year slider, filters, search,
   a details panel, keyboard navigation, the view in the URL hash and PNG export.
   Data is only ever written with textContent: no string from the data becomes HTML. */
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("page-data").textContent);
  /* Edges come as columns, one list per field (a page of a million edges is a third smaller
     so); each edge becomes one object again here. */
  DATA.edges = (function rows(columns) {
    const names = Object.keys(columns);
    const count = names.length ? columns[names[0]].length : 0;
    const made = new Array(count);
    for (let i = 0; i < count; i++) {
      const edge = {};
      for (const name of names) edge[name] = columns[name][i];
      made[i] = edge;
    }
    return made;
  })(DATA.edges);
  const P = DATA.palette;
  const FATES = new Map(DATA.fates.map((f) => [f.fate, f]));
  const TYPES = new Map(DATA.types.map((t) => [t.type, t]));
  const NODES = new Map(DATA.nodes.map((n) => [n.id, n]));
  const EDGES = new Map();
  const LINKS = new Map(DATA.nodes.map((n) => [n.id, []]));
  for (const e of DATA.edges) {
    e.key = "e" + e.id;
    EDGES.set(e.key, e);
    LINKS.get(e.from).push(e);
    if (e.to !== e.from) LINKS.get(e.to).push(e);
  }
  const [FIRST, LAST] = DATA.years;
  const $ = (id) => document.getElementById(id);
  const state = {
    day: DATA.day,
    focus: null,
    edge: null,
    types: new Set(TYPES.keys()),
    confidences: new Set(DATA.confidences),
  };

  /* --- time ------------------------------------------------------------------------------- */
  function nodeState(n) {
    const day = state.day;
    if (day === null) return "all";
    if (n.since && n.since > day) return "hidden";
    if (n.until && n.until < day) return n.kind === "person" ? "dead" : "ended";
    return n.kind === "person" ? "alive" : "present";
  }
  const inForce = (n) => ["all", "alive", "present"].includes(nodeState(n));
  const nodeShown = (n) => nodeState(n) !== "hidden";
  function edgeShown(e) {
    if (!state.types.has(e.type)) return false;
    if (e.confidence && !state.confidences.has(e.confidence)) return false;
    if (state.day === null) return true;
    if (e.since && e.since > state.day) return false;
    if (e.until && e.until < state.day) return false;
    return inForce(NODES.get(e.from)) && inForce(NODES.get(e.to));
  }

  /* --- styles ----------------------------------------------------------------------------- */
  function lit() {
    if (state.edge !== null) {
      const e = EDGES.get(state.edge);
      return { nodes: new Set([e.from, e.to]), edges: new Set([e.key]) };
    }
    if (state.focus === null) return null;
    const nodes = new Set([state.focus]);
    const edges = new Set();
    for (const e of LINKS.get(state.focus)) {
      if (!edgeShown(e)) continue;
      edges.add(e.key);
      nodes.add(e.from);
      nodes.add(e.to);
    }
    return { nodes, edges };
  }

  function nodeStyle(n, on) {
    const s = nodeState(n);
    const dim = on !== null && !on.nodes.has(n.id);
    let background = P.body;
    let border = "#6b6b6b";
    let shape = "box";
    let width = 1;
    if (n.kind === "person") {
      if (s === "alive") {
        background = P.alive;
        border = P.aliveBorder;
        shape = "dot";
      } else {
        const fate = FATES.get(n.fate) || FATES.get("unknown");
        background = fate.colour;
        border = "#2b2b2b";
        shape = fate.shape;
        if (n.stalin) {
          border = P.stalin;
          width = 4;
        }
      }
    } else if (n.kind === "event") {
      background = P.event;
      shape = "diamond";
    } else if (s === "ended") {
      background = "#fafafa";
      border = "#b5b5b5";
    }
    const colour = { background, border };
    return {
      id: n.id, x: n.x, y: n.y, label: n.label, shape, size: n.size,
      borderWidth: width, borderWidthSelected: width + 2,
      color: { ...colour, highlight: { background, border: "#000" }, hover: colour },
      opacity: dim ? 0.18 : 1,
      font: { size: n.font, color: dim ? "rgba(0,0,0,0.2)" : s === "ended" ? "#8a8a8a" : "#111",
              face: "system-ui, sans-serif" },
    };
  }

  function edgeStyle(e, on) {
    const t = TYPES.get(e.type);
    const dim = on !== null && !on.edges.has(e.key);
    const width = e.confidence === "certain" || !e.confidence ? 1.8 : e.confidence === "likely" ? 1.3 : 0.8;
    return {
      id: e.key, from: e.from, to: e.to, dashes: t.dashes,
      width: on !== null && !dim ? width + 1.5 : width,
      color: { color: t.colour, highlight: t.colour, hover: t.colour, opacity: dim ? 0.1 : 0.85 },
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      smooth: { enabled: true, type: e.curve, roundness: e.roundness },
    };
  }

  /* --- the network ------------------------------------------------------------------------ */
  const nodeSet = new vis.DataSet(DATA.nodes.map((n) => nodeStyle(n, null)));
  const edgeSet = new vis.DataSet(DATA.edges.map((e) => edgeStyle(e, null)));
  const nodeView = new vis.DataView(nodeSet, { filter: (item) => nodeShown(NODES.get(item.id)) });
  const edgeView = new vis.DataView(edgeSet, { filter: (item) => edgeShown(EDGES.get(item.id)) });
  const container = $("network");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, {
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: { fixed: true, shapeProperties: { interpolation: false } },
    edges: { selectionWidth: 0, hoverWidth: 0 },
    interaction: {
      hover: true, dragNodes: false, keyboard: false, multiselect: false, tooltipDelay: 3600000,
      hideEdgesOnDrag: DATA.edges.length > 3000, hideEdgesOnZoom: DATA.edges.length > 3000,
    },
  });

  function restyle() {
    const on = lit();
    nodeSet.update(DATA.nodes.map((n) => nodeStyle(n, on)));
    edgeSet.update(DATA.edges.map((e) => edgeStyle(e, on)));
    nodeView.refresh();
    edgeView.refresh();
  }

  /** Fit every node of the page (all years), so the view holds still when the year changes. */
  function fit() {
    if (DATA.nodes.length === 0) return;
    let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const n of DATA.nodes) {
      const half = Math.max(n.size, 0.3 * n.font * n.label.length);
      left = Math.min(left, n.x - half);
      right = Math.max(right, n.x + half);
      top = Math.min(top, n.y - n.size - 4);
      bottom = Math.max(bottom, n.y + n.size + n.font + 6);
    }
    const width = container.clientWidth || 800;
    const height = container.clientHeight || 600;
    const scale = Math.min(1.6, (0.96 * width) / (right - left + 20), (0.96 * height) / (bottom - top + 20));
    network.moveTo({ position: { x: (left + right) / 2, y: (top + bottom) / 2 }, scale, animation: false });
  }

  /* --- status, counts, hash --------------------------------------------------------------- */
  function counts() {
    let nodes = 0;
    let dead = 0;
    for (const n of DATA.nodes) {
      const s = nodeState(n);
      if (s === "all" || s === "alive" || s === "present") nodes += 1;
      if (s === "dead") dead += 1;
    }
    const edges = DATA.edges.filter(edgeShown).length;
    return { nodes, dead, edges, shown: nodeView.length };
  }

  function dayText(day) {
    const [y, m, d] = day.split("-").map(Number);
    const months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
    return d + " " + months[m - 1] + " " + y;
  }

  function showStatus() {
    const c = counts();
    const text = state.day === null
      ? c.nodes + " nodes, " + c.edges + " edges, across all years."
      : "On " + dayText(state.day) + ": " + c.nodes + " nodes in force, " + c.edges +
        " edges in force; " + c.dead + " dead by then (shown, coloured by fate).";
    $("status").textContent = text;
    document.body.dataset.nodes = c.nodes;
    document.body.dataset.edges = c.edges;
    document.body.dataset.day = state.day || "all";
    document.body.dataset.focus = state.focus || "";
  }

  function writeHash() {
    const parts = [];
    if (state.focus !== null) parts.push("focus=" + encodeURIComponent(state.focus));
    if (state.day !== null) {
      parts.push(state.day.endsWith("-12-31") ? "year=" + state.day.slice(0, 4) : "day=" + state.day);
    } else if (DATA.day !== null) {
      parts.push("year=all");
    }
    const hash = parts.length ? "#" + parts.join("&") : "";
    if (location.hash === hash || (!hash && !location.hash)) return;
    try {
      history.replaceState(null, "", hash || location.pathname + location.search);
    } catch (err) {
      location.hash = hash;
    }
  }

  function readHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    const year = params.get("year");
    const day = params.get("day");
    if (year === "all") state.day = null;
    else if (year && /^\d{4}$/.test(year)) {
      state.day = Math.min(LAST, Math.max(FIRST, Number(year))) + "-12-31";
    } else if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) state.day = day;
    const focus = params.get("focus");
    state.focus = focus && NODES.has(focus) ? focus : null;
    state.edge = null;
  }

  /* --- the time controls ------------------------------------------------------------------ */
  const slider = $("year");
  slider.min = FIRST;
  slider.max = LAST;
  function showTime() {
    const all = state.day === null;
    slider.value = all ? LAST : Number(state.day.slice(0, 4));
    $("year-label").textContent = all ? "all years" : dayText(state.day);
    $("all-years").setAttribute("aria-pressed", String(all));
    $("time-note").textContent = all
      ? "Everyone is coloured by how their life ended, whenever that was. Move the slider to see a year."
      : "As of " + dayText(state.day) + ": edges and memberships in force; the living are white, " +
        "the dead coloured by their fate; not yet born or founded: hidden.";
  }
  function setDay(day) {
    state.day = day;
    if (state.focus !== null && !nodeShown(NODES.get(state.focus))) state.focus = null;
    state.edge = null;
    update();
    if (state.focus !== null) showNode(state.focus);
    else closeDetails();
  }
  slider.addEventListener("input", () => setDay(slider.value + "-12-31"));
  $("all-years").addEventListener("click", () => setDay(state.day === null ? slider.value + "-12-31" : null));
  $("fit").addEventListener("click", fit);

  function update() {
    restyle();
    showTime();
    showStatus();
    writeHash();
  }

  /* --- legend ----------------------------------------------------------------------------- */
  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  function legend() {
    const box = $("legend");
    box.append(el("h2", "Fate (colour and shape)"));
    const fates = el("ul");
    for (const f of DATA.fates) {
      const li = el("li");
      const mark = el("span", f.symbol, { class: "swatch", "aria-hidden": "true" });
      mark.style.color = f.colour;
      li.append(mark, f.label);
      fates.append(li);
    }
    const ring = el("li");
    ring.append(el("span", "", { class: "ring", "aria-hidden": "true" }), "killed on Stalin's orders");
    const alive = el("li");
    alive.append(el("span", "", { class: "alive", "aria-hidden": "true" }), "alive on the chosen day");
    fates.append(ring, alive);
    box.append(fates, el("h2", "Kind"));
    const kinds = el("ul");
    for (const [symbol, text] of [["●", "person (size: connections)"], ["▭", "body (party, committee, organ)"], ["◆", "event"]]) {
      const li = el("li");
      li.append(el("span", symbol, { class: "swatch", "aria-hidden": "true" }), text);
      kinds.append(li);
    }
    box.append(kinds, el("h2", "Relationships (click to hide or show)"));
    const totals = new Map();
    for (const e of DATA.edges) totals.set(e.type, (totals.get(e.type) || 0) + 1);
    const types = el("ul");
    for (const t of DATA.types) {
      const button = el("button", null, { type: "button", class: "toggle", "aria-pressed": "true", "data-type": t.type });
      const line = el("span", "", { class: "line" + (t.dashes ? " dashed" : ""), "aria-hidden": "true" });
      line.style.borderColor = t.colour;
      button.append(line, t.label, el("span", String(totals.get(t.type)), { class: "count" }));
      button.addEventListener("click", () => toggle(state.types, t.type, button));
      const li = el("li");
      li.append(button);
      types.append(li);
    }
    box.append(types, el("h2", "Confidence (click to hide or show)"));
    const levels = el("ul");
    for (const level of DATA.confidences) {
      const button = el("button", null, { type: "button", class: "toggle", "aria-pressed": "true", "data-confidence": level });
      button.append(level);
      button.addEventListener("click", () => toggle(state.confidences, level, button));
      const li = el("li");
      li.append(button);
      levels.append(li);
    }
    box.append(levels, el("p", "Line width: thick certain, thin possible or disputed. Memberships and parts in events carry no confidence.", { class: "note" }));
  }
  function toggle(set, value, button) {
    if (set.has(value)) set.delete(value);
    else set.add(value);
    button.setAttribute("aria-pressed", String(set.has(value)));
    update();
  }

  /* --- details panel ---------------------------------------------------------------------- */
  const details = $("details");
  function closeDetails() {
    details.hidden = true;
    details.replaceChildren();
    delete details.dataset.kind;
    network.setSize("100%", "100%");
  }
  function openDetails(kind, attrs, heading) {
    details.replaceChildren();
    for (const k of Object.keys(details.dataset)) delete details.dataset[k];
    details.dataset.kind = kind;
    for (const [k, v] of Object.entries(attrs)) details.dataset[k] = v;
    const close = el("button", "×", { type: "button", class: "close", "aria-label": "Close the details" });
    close.addEventListener("click", () => { select(null); container.focus(); });
    details.append(close, el("h2", heading));
    const wasHidden = details.hidden;
    details.hidden = false;
    if (wasHidden) network.setSize("100%", "100%");
  }
  function fields(rows) {
    const dl = el("dl");
    for (const [name, value] of rows) {
      if (value === undefined || value === null || value === "") continue;
      dl.append(el("dt", name), el("dd", value));
    }
    details.append(dl);
  }
  function sources(ids) {
    if (!ids.length) return;
    details.append(el("h3", "Sources"));
    const ul = el("ul", null, { class: "sources" });
    for (const id of ids) {
      const s = DATA.sources[id];
      const li = el("li");
      if (!s) {
        li.textContent = id;
      } else {
        const more = [s.author, s.publisher, s.year].filter(Boolean).join(", ");
        const title = s.url ? el("a", s.title, { href: s.url, target: "_blank", rel: "noopener noreferrer" }) : el("span", s.title);
        li.append(title);
        if (more) li.append(" — " + more);
      }
      ul.append(li);
    }
    details.append(ul);
  }
  const headline = (e) => [e.text, e.span, e.confidence].filter(Boolean).join(", ");

  function showNode(id) {
    const n = NODES.get(id);
    openDetails("node", { id }, n.name);
    const s = nodeState(n);
    if (n.kind === "person") {
      const fate = (FATES.get(n.fate) || {}).label;
      fields([
        ["Full name", n.full_name], ["Russian", n.name_ru], ["Also known as", n.aliases.join("; ")],
        ["Born", [n.born, n.born_place].filter(Boolean).join(", ")],
        ["Died", [n.died, n.died_place].filter(Boolean).join(", ")],
        ["Fate", s === "alive" ? "alive on " + dayText(state.day) + " (later: " + fate + ")" : fate],
        ["How", n.fate_detail],
        ["Killed on Stalin's orders", n.stalin ? (s === "alive" ? "later, yes" : "yes") : "no"],
        ["Note", n.note], ["Wikidata", n.wikidata],
      ]);
    } else {
      fields([
        ["Kind", n.body_kind || n.event_kind], ["Russian", n.name_ru],
        ["Dates", [n.start, n.end].filter(Boolean).join(" – ")], ["Place", n.place],
        ["Part of", n.parent], ["Preceded by", n.predecessor],
        ["On " + (state.day ? dayText(state.day) : ""), s === "ended" ? "dissolved by then" : ""],
        ["Note", n.note],
      ]);
    }
    const links = LINKS.get(id).slice().sort((a, b) => Number(edgeShown(b)) - Number(edgeShown(a)));
    if (links.length) {
      const shown = links.filter(edgeShown).length;
      details.append(el("h3", "Connections (" + shown + " shown of " + links.length + ")"));
      const box = el("div", null, { class: "links" });
      for (const e of links.slice(0, 300)) {
        const button = el("button", headline(e), { type: "button", "data-edge": e.key });
        if (!edgeShown(e)) button.classList.add("off");
        button.addEventListener("click", () => select({ edge: e.key }));
        box.append(button);
      }
      details.append(box);
    }
    sources(n.sources);
  }

  function showEdge(key) {
    const e = EDGES.get(key);
    openDetails("edge", { id: key, from: e.from, to: e.to, type: e.type }, headline(e));
    fields([
      ["Type", e.type], ["Role", e.role], ["Sentence", e.sentence], ["Dates", e.span],
      ["Confidence", e.confidence], ["Note", e.note],
      ["Shown", edgeShown(e) ? "" : "not in force on the chosen day, or filtered out"],
    ]);
    const box = el("div", null, { class: "links" });
    for (const end of [e.from, e.to]) {
      const button = el("button", NODES.get(end).name, { type: "button", "data-node": end });
      button.addEventListener("click", () => select({ node: end }));
      box.append(button);
    }
    details.append(el("h3", "Between"), box);
    sources(e.sources);
  }

  /** Select a node ({node}), an edge ({edge}) or nothing (null): highlight, panel and hash. */
  function select(what) {
    state.focus = what && what.node !== undefined ? what.node : null;
    state.edge = what && what.edge !== undefined ? what.edge : null;
    if (state.focus !== null) {
      network.selectNodes([state.focus], false);
      showNode(state.focus);
    } else if (state.edge !== null) {
      if (edgeView.get(state.edge)) network.selectEdges([state.edge]);
      else network.unselectAll();
      showEdge(state.edge);
    } else {
      network.unselectAll();
      closeDetails();
    }
    update();
  }

  /** The control point vis-network uses for an edge's curve (see layout.curve_middle). */
  function via(a, b, e) {
    const dx = b.x - a.x;
    const dy = a.y - b.y;
    const length = Math.hypot(dx, dy);
    const turn = 0.5 * (e.curve === "curvedCW" ? e.roundness : -e.roundness) + 0.5;
    const angle = (Math.atan2(dy, dx) + turn * Math.PI) % (2 * Math.PI);
    const reach = 0.5 * e.roundness + 0.5;
    return { x: a.x + reach * length * Math.sin(angle), y: a.y + reach * length * Math.cos(angle) };
  }
  /** The edge under the pointer. Among the lines that pass within a few pixels, the one whose
      middle is nearest wins (a line's middle is where it is surely picked; the layout keeps
      middles apart and off nodes); otherwise the nearest line, measured along its curve
      (vis-network's own getEdgeAt measures a ten-segment approximation). */
  function edgeAt(pointer) {
    const p = network.DOMtoCanvas(pointer);
    const tolerance = Math.max(3, 6 / network.getScale());
    let nearestKey;
    let nearestLine = tolerance;
    let middleKey;
    let middleDistance = tolerance;
    for (const key of edgeView.getIds()) {
      const e = EDGES.get(key);
      const a = NODES.get(e.from);
      const b = NODES.get(e.to);
      const v = via(a, b, e);
      if (p.x < Math.min(a.x, b.x, v.x) - tolerance || p.x > Math.max(a.x, b.x, v.x) + tolerance ||
          p.y < Math.min(a.y, b.y, v.y) - tolerance || p.y > Math.max(a.y, b.y, v.y) + tolerance) continue;
      const line = distanceToCurve(a, v, b, p);
      if (line >= tolerance) continue;
      const middle = Math.hypot(0.25 * a.x + 0.5 * v.x + 0.25 * b.x - p.x, 0.25 * a.y + 0.5 * v.y + 0.25 * b.y - p.y);
      if (middle < middleDistance) [middleKey, middleDistance] = [key, middle];
      if (line < nearestLine) [nearestKey, nearestLine] = [key, line];
    }
    return middleKey !== undefined ? middleKey : nearestKey;
  }
  function distanceToCurve(a, v, b, p) {
    let [low, high, steps] = [0, 1, 48];
    let nearest = Infinity;
    for (let round = 0; round < 3; round += 1) {
      let bestT = low;
      for (let i = 0; i <= steps; i += 1) {
        const t = low + ((high - low) * i) / steps;
        const s = 1 - t;
        const x = s * s * a.x + 2 * s * t * v.x + t * t * b.x;
        const y = s * s * a.y + 2 * s * t * v.y + t * t * b.y;
        const d = Math.hypot(x - p.x, y - p.y);
        if (d < nearest) [nearest, bestT] = [d, t];
      }
      const span = (high - low) / steps;
      [low, high, steps] = [Math.max(0, bestT - span), Math.min(1, bestT + span), 16];
    }
    return nearest;
  }

  network.on("click", (params) => {
    const pointer = params.pointer.DOM;
    const node = network.getNodeAt(pointer);
    if (node !== undefined) return select({ node });
    const edge = edgeAt(pointer);
    if (edge !== undefined) return select({ edge });
    select(null);
  });

  /* Hover: a one-line hint of what is under the pointer, found the same way as a click. */
  const hint = $("hint");
  container.addEventListener("mousemove", (event) => {
    const rect = container.getBoundingClientRect();
    const pointer = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    const node = network.getNodeAt(pointer);
    const edge = node === undefined ? edgeAt(pointer) : undefined;
    const text = node !== undefined ? NODES.get(node).name
      : edge !== undefined ? EDGES.get(edge).text : "";
    hint.hidden = !text;
    if (!text) return;
    hint.textContent = text + " (click for details)";
    hint.style.left = Math.min(pointer.x + 14, rect.width - 330) + "px";
    hint.style.top = pointer.y + 14 + "px";
  });
  container.addEventListener("mouseleave", () => { hint.hidden = true; });

  /* --- search ----------------------------------------------------------------------------- */
  /** Text folded as names.normalise folds names: lower case, letters in DATA.translit
      replaced (Cyrillic to Latin), accents dropped, punctuation as spaces. */
  function key(text) {
    let folded = "";
    for (const c of text.toLowerCase()) folded += c in DATA.translit ? DATA.translit[c] : c;
    const plain = folded.normalize("NFKD").replace(/\p{M}/gu, "");
    return plain.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function score(keys, q) {
    let best = 0;
    for (const k of keys) {
      if (k === q) return 4;
      const spaced = " " + k + " ";
      if (spaced.includes(" " + q + " ")) best = Math.max(best, 3);
      else if (spaced.includes(" " + q)) best = Math.max(best, 2);
      else if (k.includes(q)) best = Math.max(best, 1);
    }
    return best;
  }
  /** Nodes matching a query, best first: whole name, whole word, start of a word, anywhere. */
  function search(text) {
    const q = key(text);
    if (!q) return [];
    const found = [];
    for (const n of DATA.nodes) {
      const s = score(n.keys, q);
      if (s > 0) found.push({ id: n.id, score: s, degree: LINKS.get(n.id).length, name: n.name });
    }
    found.sort((a, b) => b.score - a.score || b.degree - a.degree || a.name.localeCompare(b.name));
    return found;
  }
  const input = $("search");
  const list = $("suggestions");
  let active = 0;
  let results = [];
  function suggest() {
    results = search(input.value).slice(0, 10);
    active = 0;
    list.replaceChildren();
    for (const [i, r] of results.entries()) {
      const n = NODES.get(r.id);
      const li = el("li", null, { role: "option", id: "opt-" + i, "data-id": r.id, "aria-selected": String(i === 0) });
      li.append(n.name, " ", el("small", n.kind === "person" ? [n.born, n.died].filter(Boolean).map((d) => d.slice(0, 4)).join("–") : n.body_kind || n.event_kind || ""));
      li.addEventListener("mousedown", (event) => { event.preventDefault(); choose(r.id); });
      list.append(li);
    }
    list.hidden = results.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
    if (results.length) input.setAttribute("aria-activedescendant", "opt-0");
    if (input.value.trim() && !results.length) $("status").textContent = "No match for “" + input.value.trim() + "”.";
  }
  function choose(id) {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    const n = NODES.get(id);
    if (!nodeShown(n)) setDay(null);
    select({ node: id });
    const scale = Math.max(network.getScale(), 1.0);
    network.moveTo({ position: { x: n.x, y: n.y }, scale, animation: false });
  }
  input.addEventListener("input", suggest);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!results.length) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
      for (const [i, li] of [...list.children].entries()) li.setAttribute("aria-selected", String(i === active));
      input.setAttribute("aria-activedescendant", "opt-" + active);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!results.length) suggest();
      if (results.length) choose(results[active].id);
    } else if (event.key === "Escape") {
      list.hidden = true;
    }
  });
  input.addEventListener("blur", () => { list.hidden = true; });

  /* --- keyboard on the map ---------------------------------------------------------------- */
  function step(dx, dy) {
    const from = state.focus !== null ? NODES.get(state.focus) : null;
    const origin = from || network.getViewPosition();
    let best = null;
    let bestCost = Infinity;
    for (const n of DATA.nodes) {
      if (!nodeShown(n) || (from && n.id === from.id)) continue;
      const vx = n.x - origin.x;
      const vy = n.y - origin.y;
      const along = vx * dx + vy * dy;
      if (from && along <= 0) continue;
      const across = Math.abs(vx * dy - vy * dx);
      const cost = from ? along + 2 * across : Math.hypot(vx, vy) - LINKS.get(n.id).length;
      if (cost < bestCost) [best, bestCost] = [n, cost];
    }
    if (best === null) return;
    select({ node: best.id });
    const view = network.canvasToDOM({ x: best.x, y: best.y });
    if (view.x < 0 || view.y < 0 || view.x > container.clientWidth || view.y > container.clientHeight) {
      network.moveTo({ position: { x: best.x, y: best.y }, animation: false });
    }
  }
  const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  container.addEventListener("keydown", (event) => {
    if (ARROWS[event.key]) {
      event.preventDefault();
      step(...ARROWS[event.key]);
    } else if (event.key === "Enter" && state.focus !== null) {
      event.preventDefault();
      details.focus();
    } else if (event.key === "Escape") {
      select(null);
    } else if (event.key === "+" || event.key === "=") {
      network.moveTo({ scale: network.getScale() * 1.25, animation: false });
    } else if (event.key === "-") {
      network.moveTo({ scale: network.getScale() / 1.25, animation: false });
    } else if (event.key === "0") {
      fit();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && !["INPUT", "TEXTAREA"].includes(document.activeElement.tagName)) {
      event.preventDefault();
      input.focus();
    } else if (event.key === "Escape" && details.contains(document.activeElement)) {
      select(null);
      container.focus();
    }
  });

  /* --- export and print ------------------------------------------------------------------- */
  $("export").addEventListener("click", () => {
    const source = container.querySelector("canvas");
    const out = document.createElement("canvas");
    out.width = source.width;
    out.height = source.height + 40;
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 40);
    ctx.fillStyle = "#111";
    ctx.font = "bold 18px system-ui, sans-serif";
    ctx.fillText(DATA.title + (state.day ? " — " + dayText(state.day) : " — all years"), 12, 26);
    const link = el("a", null, { download: "bolshevik-graph" + (state.day ? "-" + state.day : "") + ".png" });
    link.href = out.toDataURL("image/png");
    document.body.append(link);
    link.click();
    link.remove();
  });
  window.addEventListener("beforeprint", () => { network.setSize("100%", "100%"); network.redraw(); fit(); });
  window.addEventListener("afterprint", () => { network.setSize("100%", "100%"); network.redraw(); fit(); });
  window.addEventListener("hashchange", () => {
    readHash();
    if (state.focus !== null) select({ node: state.focus });
    else update();
  });

  /* --- start ------------------------------------------------------------------------------ */
  legend();
  readHash();
  if (state.focus !== null) {
    network.selectNodes([state.focus], false);
    showNode(state.focus);
  }
  update();
  network.once("afterDrawing", () => {
    fit();
    network.once("afterDrawing", () => { document.body.dataset.settled = "yes"; });
    network.redraw();
  });
  window.graphPage = { network, nodes: nodeSet, edges: edgeSet, nodeView, edgeView, data: DATA,
    state, counts, search, select, setDay, nodeState: (id) => nodeState(NODES.get(id)), fit, edgeAt };
})();
