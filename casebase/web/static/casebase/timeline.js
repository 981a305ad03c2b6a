/* casebase timeline: zoom and pan the visual timeline, filter without reloading, open an event
   in a side panel, keyboard shortcuts. Our own code; the page works without it. */
(function () {
  "use strict";
  var DAY = 86400000;
  var MIN_SPAN = 3 * DAY;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var view = null; // {min, max, start, end} in ms (UTC)

  function parseDay(text) {
    var p = text.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]);
  }

  function visual() { return document.querySelector(".tl-visual"); }

  function tickStep(span) {
    var days = span / DAY;
    if (days > 365 * 8) return { unit: "year", every: Math.ceil(days / 365 / 10) };
    if (days > 365 * 2) return { unit: "year", every: 1 };
    if (days > 240) return { unit: "month", every: 3 };
    if (days > 75) return { unit: "month", every: 1 };
    if (days > 20) return { unit: "day", every: 7 };
    return { unit: "day", every: days > 8 ? 2 : 1 };
  }

  function ticks(start, end) {
    var step = tickStep(end - start), out = [], d = new Date(start), t;
    if (step.unit === "year") {
      t = Date.UTC(d.getUTCFullYear(), 0, 1);
      while (t <= end) {
        var y = new Date(t).getUTCFullYear();
        if (t >= start && y % step.every === 0) out.push([t, String(y)]);
        t = Date.UTC(y + 1, 0, 1);
      }
    } else if (step.unit === "month") {
      var y2 = d.getUTCFullYear(), m = d.getUTCMonth();
      t = Date.UTC(y2, m, 1);
      while (t <= end) {
        var dm = new Date(t);
        if (t >= start && dm.getUTCMonth() % step.every === 0) {
          out.push([t, MONTHS[dm.getUTCMonth()] + " " + dm.getUTCFullYear()]);
        }
        m += 1; t = Date.UTC(y2, m, 1);
      }
    } else {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      var i = 0;
      while (t <= end) {
        if (t >= start && i % step.every === 0) {
          var dd = new Date(t);
          out.push([t, dd.getUTCDate() + " " + MONTHS[dd.getUTCMonth()] + " " + dd.getUTCFullYear()]);
        }
        i += 1; t += DAY;
      }
    }
    return out;
  }

  function label(start, end) {
    var a = new Date(start), b = new Date(end);
    function fmt(x) { return x.getUTCDate() + " " + MONTHS[x.getUTCMonth()] + " " + x.getUTCFullYear(); }
    return "Showing " + fmt(a) + " – " + fmt(b);
  }

  /* --- drawing: marks packed into rows per lane, labels that never overlap ---------------- */
  var ROW = 28;          // px per row: a 24 px mark and a gap
  var MARK = 24;         // the smallest mark, the minimum target size
  var LABEL_MAX = 240;   // px: longer titles are cut with an ellipsis (the full title on hover/focus)
  var LABEL_MIN = 96;    // px: the shortest a label is cut to (a dozen characters) before a lane takes a row more
  var GAP = 8;           // px between two items of one row
  var SOFT_ROWS = 8;     // rows a lane takes before labels are cut shorter to fit; beyond, the lane grows
  var measure = null;
  var lanesData = [];    // [{el, track, marks: [{el, label, s, e, point, labelWidth}]}]
  var markOrder = [];    // every mark, by date: the keyboard's order

  function textWidth(text) {
    if (!measure) {
      measure = document.createElement("canvas").getContext("2d");
      var probe = document.querySelector(".tl-mark-label") || document.body;
      var cs = getComputedStyle(probe);
      measure.font = cs.fontWeight + " " + cs.fontSize + " " + cs.fontFamily;
    }
    return Math.ceil(measure.measureText(text).width) + 8;
  }

  /* Where a mark's label goes: right of the mark (inside a span), or left of it when the right
     has no room for it in the track; ``cap`` is the label's width (its full width up to
     LABEL_MAX when it fits). The item's extent (x0..x1) covers the mark and its label. */
  function placeLabel(it, width) {
    var full = Math.min(it.m.labelWidth, LABEL_MAX);
    var right = Math.max(it.box0 + (it.m.point ? MARK + 2 : 6), 2);
    var roomRight = width - right, roomLeft = it.box0 - 2;
    it.full = full;
    if (roomRight >= Math.min(full, LABEL_MIN) || roomRight >= roomLeft) {
      it.left = false; it.labelX = right; it.cap = Math.max(Math.min(full, roomRight), 0);
    } else {
      it.left = true; it.cap = Math.max(Math.min(full, roomLeft), 0); it.labelX = it.box0 - 2 - it.cap;
    }
    it.x0 = Math.min(it.box0, it.labelX);
    it.x1 = Math.max(it.box1, it.labelX + it.cap);
  }

  /* Interval packing, every label kept: each item (sorted by where it starts) goes into the
     first row where it fits whole; failing that into a new row while the lane has fewer than
     SOFT_ROWS; failing that into the row where cutting a label (the row's last item's, on its
     right, or this item's own, on its left; never below LABEL_MIN) leaves the cut label
     longest; failing that into a new row (the lane grows). No two items of a row ever overlap.
     Returns the row count. */
  function pack(items) {
    var rows = [];  // [{last, end}]
    items.sort(function (a, b) { return a.x0 - b.x0 || a.box0 - b.box0; });
    items.forEach(function (it) {
      var row = rows.findIndex(function (r) { return r.end + GAP <= it.x0; });
      if (row < 0 && rows.length >= SOFT_ROWS) {
        // cut a label: the row's last one (on its right) or this one (on its left)
        var best = -1, bestCap = 0, own = false;
        rows.forEach(function (r, i) {
          var last = r.last, cap;
          if (it.left) {
            cap = it.box0 - 2 - (r.end + GAP);
            if (cap >= Math.min(it.full, LABEL_MIN) && cap > bestCap) { best = i; bestCap = cap; own = true; }
          } else if (!last.left && last.box1 + GAP <= it.x0) {
            cap = it.x0 - GAP - last.labelX;
            if (cap >= Math.min(last.full, LABEL_MIN) && cap > bestCap) { best = i; bestCap = cap; own = false; }
          }
        });
        if (best >= 0) {
          var cut = own ? it : rows[best].last;
          cut.cap = Math.min(cut.cap, bestCap);
          if (own) { cut.labelX = cut.box0 - 2 - cut.cap; cut.x0 = Math.min(cut.box0, cut.labelX); }
          cut.x1 = Math.max(cut.box1, cut.labelX + cut.cap);
          row = best;
        }
      }
      if (row < 0) { row = rows.length; rows.push({}); }
      rows[row].last = it; rows[row].end = it.x1;
      it.row = row;
    });
    return rows.length;
  }

  function render() {
    var fig = visual();
    if (!fig || !view) return;
    var span = view.end - view.start, shown = 0;
    var width = 0;
    lanesData.forEach(function (lane) {
      width = width || lane.track.clientWidth;
      var items = [];
      lane.marks.forEach(function (m) {
        var x1 = (m.s - view.start) / span * width, x2 = (m.e - view.start) / span * width;
        var box0, box1;
        if (m.point) { var c = (x1 + x2) / 2; box0 = c - MARK / 2; box1 = c + MARK / 2; }
        else { box0 = x1; box1 = Math.max(x2, x1 + MARK); }
        var outside = box1 < 0 || box0 > width;
        m.el.hidden = outside;
        if (outside) return;
        shown += 1;
        var it = { m: m, box0: box0, box1: box1 };
        placeLabel(it, width);
        items.push(it);
      });
      var rows = pack(items);
      items.forEach(function (it) {
        var el = it.m.el, text = it.m.label, w = it.box1 - it.box0;
        el.style.left = it.box0 + "px";
        el.style.width = w + "px";
        el.style.top = (it.row * ROW + 2) + "px";
        text.style.maxWidth = it.cap + "px";
        if (it.left) { text.style.left = "auto"; text.style.right = (w + 2) + "px"; }
        else { text.style.right = "auto"; text.style.left = (it.labelX - it.box0) + "px"; }
      });
      lane.track.style.height = Math.max(rows, 1) * ROW + 4 + "px";
    });
    var axis = fig.querySelector(".tl-axis");
    axis.textContent = "";
    var ticksShown = ticks(view.start, view.end);
    ticksShown.forEach(function (tk, i) {
      var el = document.createElement("span");
      el.className = "tl-tick";
      var x = (tk[0] - view.start) / span * width;
      el.style.left = x + "px";
      el.textContent = tk[1];
      axis.appendChild(el);
      // the last label must stay inside the box: shift it left when it would be cut
      var w = el.getBoundingClientRect().width;
      if (x + w > width) el.classList.add("tl-tick-end");
      if (i === 0 && x < 0) el.hidden = true;
    });
    var range = fig.querySelector(".tl-range");
    if (range) range.textContent = label(view.start, view.end - DAY);
    drawLinks();
  }

  /* The moment zooming keeps in place: the focused mark's, else the selected event's when it
     is in view (so the keys never zoom the selection out of sight), else the middle. */
  function anchor() {
    var active = document.activeElement, id = null;
    if (active && active.classList && active.classList.contains("tl-mark")) id = active.dataset.eventLink;
    else if (selectedId) id = selectedId;
    var m = id && markOrder.find(function (x) { return String(x.id) === String(id); });
    if (m && m.e > view.start && m.s < view.end) return Math.min(Math.max((m.s + m.e) / 2, view.start), view.end);
    return view.start + (view.end - view.start) / 2;
  }

  function zoom(factor, centre) {
    if (!view) return;
    var span = view.end - view.start;
    var c = centre === undefined ? anchor() : centre;
    var next = Math.min(Math.max(span * factor, MIN_SPAN), view.max - view.min);
    var ratio = (c - view.start) / span;
    var start = c - next * ratio;
    setView(start, start + next);
  }

  function pan(fraction) {
    if (!view) return;
    var shift = (view.end - view.start) * fraction;
    setView(view.start + shift, view.end + shift);
  }

  function setView(start, end) {
    var span = end - start;
    if (start < view.min) { start = view.min; end = start + span; }
    if (end > view.max) { end = view.max; start = Math.max(view.min, end - span); }
    view.start = start; view.end = end;
    render();
  }

  /* Pan (never zoom) so that the mark of event ``id`` is in view, then scroll the chart's box
     (sideways on a phone, down in a tall chart) to show it. */
  function follow(id) {
    if (!view) return;
    var m = markOrder.find(function (x) { return String(x.id) === String(id); });
    if (!m) return;
    var span = view.end - view.start;
    if (m.s >= view.start && m.e <= view.end) render();
    else setView((m.s + m.e) / 2 - span / 2, (m.s + m.e) / 2 + span / 2);
    reveal(m.el);
  }

  /* Scroll the chart's box (not the page) so that ``el`` is inside it, clear of the axis. */
  function reveal(el) {
    var vp = el.closest(".tl-viewport");
    if (!vp || el.hidden) return;
    var r = el.getBoundingClientRect(), b = vp.getBoundingClientRect(), pad = 8;
    var axis = vp.querySelector(".tl-axis"), top = b.top + (axis ? axis.offsetHeight : 0);
    var right = b.left + vp.clientWidth, bottom = b.top + vp.clientHeight;
    if (r.left < b.left) vp.scrollLeft -= b.left - r.left + pad;
    else if (r.right > right) vp.scrollLeft += r.right - right + pad;
    if (r.top < top) vp.scrollTop -= top - r.top + pad;
    else if (r.bottom > bottom) vp.scrollTop += r.bottom - bottom + pad;
  }

  /* A date at its known precision: "2015", "Feb 2018", "30 Apr 2026" (as PartialDate.display). */
  function showDate(iso, precision) {
    var y = iso.slice(0, 4), m = MONTHS[+iso.slice(5, 7) - 1];
    if (precision === "year") return y;
    if (precision === "month") return m + " " + y;
    return (+iso.slice(8, 10)) + " " + m + " " + y;
  }

  /* Draw lanes and marks from the JSON the page embeds (json_script "timeline-data"). */
  function build(fig, data) {
    var lanes = fig.querySelector(".tl-lanes"), urlPattern = fig.dataset.eventUrl;
    var byLane = {}, min = Infinity, max = -Infinity;
    lanes.textContent = "";
    lanesData = []; markOrder = [];
    data.lanes.forEach(function (lane) {
      var row = document.createElement("div");
      row.className = "tl-lane";
      row.setAttribute("role", "group");
      row.setAttribute("aria-label", lane[1]);
      row.style.setProperty("--lane", lane[2]);
      var name = document.createElement("div");
      name.className = "tl-lane-name";
      name.textContent = lane[1];
      name.title = lane[1];
      var track = document.createElement("div");
      track.className = "tl-track";
      row.appendChild(name); row.appendChild(track); lanes.appendChild(row);
      byLane[lane[0]] = { el: row, track: track, marks: [] };
      lanesData.push(byLane[lane[0]]);
    });
    data.points.forEach(function (p) {
      // [id, first day, last day, precision, title, lane, unverified, end date, end precision, medium]
      var lane = byLane[p[5]];
      if (!lane) return;
      var s = parseDay(p[1]), e = parseDay(p[2]) + DAY;
      var point = p[3] === "day" && !p[7];
      var a = document.createElement("a");
      a.className = "tl-mark prec-" + p[3] + (point ? " is-point" : " is-span") + (p[6] ? " unverified" : "") + (p[9] ? " medium" : "");
      a.href = urlPattern.replace("/0/", "/" + p[0] + "/");
      a.dataset.eventLink = p[0];
      a.tabIndex = -1;
      var shown = showDate(p[1], p[3]) + (p[7] ? " – " + showDate(p[7], p[8]) : "");
      var state = p[6] ? ", unverified" : (p[9] ? ", medium confidence" : "");
      a.title = shown + ": " + p[4] + (p[6] ? " (unverified)" : (p[9] ? " (medium confidence)" : ""));
      a.setAttribute("aria-label", shown + ": " + p[4] + state + " (" + lane.el.getAttribute("aria-label") + ")");
      var text = document.createElement("span");
      text.className = "tl-mark-label";
      text.textContent = p[4];
      text.setAttribute("aria-hidden", "true");
      a.appendChild(text);
      lane.track.appendChild(a);
      var m = { id: p[0], el: a, label: text, s: s, e: e, point: point, labelWidth: 0, title: p[4] };
      lane.marks.push(m);
      markOrder.push(m);
      min = Math.min(min, s);
      max = Math.max(max, e);
    });
    measure = null;
    markOrder.forEach(function (m) { m.labelWidth = textWidth(m.title); });
    markOrder.sort(function (a, b) { return a.s - b.s || a.e - b.e || a.id - b.id; });
    if (markOrder.length) markOrder[0].el.tabIndex = 0;  // roving tabindex: one mark in the tab order
    // a little room on both sides, at least a day: a filtered range fills the width
    var pad = Math.max((max - min) * 0.03, DAY);
    return { min: min - pad, max: max + pad };
  }

  function rove(id) {
    markOrder.forEach(function (m) { m.el.tabIndex = String(m.id) === String(id) ? 0 : -1; });
  }

  function initVisual() {
    var fig = visual();
    view = null;
    var source = document.getElementById("timeline-data");
    if (!fig || !source) return;
    fig.hidden = false;
    var bounds = build(fig, JSON.parse(source.textContent));
    if (!isFinite(bounds.min)) { fig.hidden = true; return; }
    view = { min: bounds.min, max: bounds.max, start: bounds.min, end: bounds.max };
    if (fig.dataset.from || fig.dataset.to) {  // a date filter: open on that range
      var from = fig.dataset.from ? parseDay(fig.dataset.from) : bounds.min;
      var to = fig.dataset.to ? parseDay(fig.dataset.to) + DAY : bounds.max;
      view.min = Math.min(view.min, from); view.max = Math.max(view.max, to);
      view.start = from; view.end = Math.max(to, from + MIN_SPAN);
    }
    var controls = fig.querySelector(".tl-controls");
    controls.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-zoom]");
      if (!b) return;
      if (b.dataset.zoom === "in") zoom(0.5);
      else if (b.dataset.zoom === "out") zoom(2);
      else setView(view.min, view.max);
    });
    var vp = fig.querySelector(".tl-viewport");
    vp.addEventListener("wheel", function (ev) {
      if (!(ev.ctrlKey || ev.metaKey || ev.altKey)) return;
      ev.preventDefault();
      zoom(ev.deltaY < 0 ? 0.7 : 1.4, pointerTime(ev, vp));
    }, { passive: false });
    vp.addEventListener("dblclick", function (ev) {
      if (ev.target.closest(".tl-mark")) return;
      zoom(0.5, pointerTime(ev, vp));
    });
    var drag = null;
    vp.addEventListener("pointerdown", function (ev) {
      if (ev.target.closest(".tl-mark") || ev.pointerType === "touch") return;  // touch scrolls the box
      drag = { x: ev.clientX, start: view.start, end: view.end, width: trackWidth(vp) };
    });
    window.addEventListener("pointerup", function () { drag = null; });
    vp.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var shift = (drag.x - ev.clientX) / drag.width * (drag.end - drag.start);
      setView(drag.start + shift, drag.end + shift);
    });
    vp.addEventListener("mouseover", function (ev) {
      var mark = ev.target.closest(".tl-mark");
      if (mark) showLinks(mark.dataset.eventLink, true);
    });
    vp.addEventListener("mouseout", function (ev) {
      var mark = ev.target.closest(".tl-mark");
      if (mark && !mark.contains(ev.relatedTarget)) showLinks(selectedId, false);
    });
    vp.addEventListener("focusin", function (ev) {
      var mark = ev.target.closest(".tl-mark");
      if (mark) { rove(mark.dataset.eventLink); showLinks(mark.dataset.eventLink, true); }
    });
    render();
    // a chart wider than its box (phones) opens on its latest events
    if (vp.scrollWidth > vp.clientWidth && !fig.dataset.from) vp.scrollLeft = vp.scrollWidth;
  }

  function trackWidth(vp) {
    var track = vp.querySelector(".tl-track");
    return track ? track.getBoundingClientRect().width : vp.getBoundingClientRect().width;
  }

  function pointerTime(ev, vp) {
    var track = vp.querySelector(".tl-track").getBoundingClientRect();
    var f = Math.min(Math.max((ev.clientX - track.left) / track.width, 0), 1);
    return view.start + f * (view.end - view.start);
  }

  /* --- links: drawn across lanes for the selected or hovered event ------------------------ */
  var linkCache = {}, selectedId = null, linksShown = null;

  function fetchLinks(id) {
    if (linkCache[id]) return Promise.resolve(linkCache[id]);
    var fig = visual();
    var url = fig.dataset.linksUrl.replace("/0/", "/" + encodeURIComponent(id) + "/");
    return fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) { linkCache[id] = data.links; return data.links; });
  }

  function showLinks(id, transient) {
    if (!visual()) return;
    linksShown = id ? { id: String(id), links: null } : null;
    if (!id) { drawLinks(); return; }
    fetchLinks(id).then(function (links) {
      if (linksShown && linksShown.id === String(id)) { linksShown.links = links; drawLinks(); }
    }, function () { /* no links drawn: the panel still lists them */ });
  }

  function centreOf(el, origin) {
    var r = el.getBoundingClientRect();
    return { x: r.left - origin.left + Math.min(r.width, MARK) / 2, y: r.top - origin.top + r.height / 2 };
  }

  /* Where link labels may go: a grid of CELL px cells over the chart's tracks, the cells under
     a mark, a mark's label or a lane name (when it is a line of its own) taken. */
  var CELL = 4, LINK_SEARCH = 480;  // px: how far from its curve a link label is looked for

  function occupancy(fig, origin) {
    var cols = Math.ceil(origin.width / CELL) + 1, rows = Math.ceil(origin.height / CELL) + 1;
    var grid = new Uint8Array(cols * rows);
    var tracks = fig.querySelectorAll(".tl-track"), lanes = fig.querySelectorAll(".tl-lane");
    var first = tracks[0].getBoundingClientRect(), top = lanes[0].getBoundingClientRect();
    var bounds = { x0: first.left - origin.left, x1: first.right - origin.left, y0: top.top - origin.top, y1: origin.height };
    function cells(x0, y0, x1, y1, set) {
      var c0 = Math.max(Math.floor(x0 / CELL), 0), c1 = Math.min(Math.ceil(x1 / CELL), cols);
      var r0 = Math.max(Math.floor(y0 / CELL), 0), r1 = Math.min(Math.ceil(y1 / CELL), rows);
      for (var r = r0; r < r1; r++) {
        for (var c = c0; c < c1; c++) {
          if (set) grid[r * cols + c] = 1;
          else if (grid[r * cols + c]) return false;
        }
      }
      return true;
    }
    function take(rect, pad) {
      if (rect.width > 0 && rect.height > 0) {
        cells(rect.left - origin.left - pad, rect.top - origin.top - pad, rect.right - origin.left + pad, rect.bottom - origin.top + pad, true);
      }
    }
    fig.querySelectorAll(".tl-mark:not([hidden])").forEach(function (el) {
      take(el.getBoundingClientRect(), 3);
      take(el.querySelector(".tl-mark-label").getBoundingClientRect(), 1);
    });
    fig.querySelectorAll(".tl-lane-name").forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.right > first.left) cells(0, r.top - origin.top - 1, origin.width, r.bottom - origin.top + 1, true);
    });
    return {
      free: function (x, y, w, h) {
        return x >= bounds.x0 && x + w <= bounds.x1 && y >= bounds.y0 && y + h <= bounds.y1 && cells(x, y, x + w, y + h, false);
      },
      take: function (x, y, w, h) { cells(x, y, x + w, y + h, true); }
    };
  }

  function bezier(a, b, bend, t) {
    var u = 1 - t, c1 = { x: a.x, y: a.y - bend }, c2 = { x: b.x, y: b.y - bend };
    return {
      x: u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x,
      y: u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y
    };
  }

  /* The top-left corner of a free w x h box for a link label: centred on the curve if there is
     room (its middle first), else the nearest free place within LINK_SEARCH px of its middle;
     null when there is none. */
  function freeSpot(occ, a, b, bend, w, h) {
    var ts = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8], i, k;
    for (i = 0; i < ts.length; i++) {
      var p = bezier(a, b, bend, ts[i]);
      for (k = 0; k < 5; k++) {
        var dy = (k % 2 ? -1 : 1) * Math.ceil(k / 2) * h;
        if (occ.free(p.x - w / 2, p.y - h / 2 + dy, w, h)) return { x: p.x - w / 2, y: p.y - h / 2 + dy };
      }
    }
    var mid = bezier(a, b, bend, 0.5), x0 = mid.x - w / 2, y0 = mid.y - h / 2;
    for (var r = CELL; r <= LINK_SEARCH; r += CELL) {  // square rings around the middle, nearest first
      for (var d = -r; d <= r; d += CELL) {
        var ring = [[d, -r], [d, r], [-r, d], [r, d]];
        for (k = 0; k < 4; k++) {
          if (occ.free(x0 + ring[k][0], y0 + ring[k][1], w, h)) return { x: x0 + ring[k][0], y: y0 + ring[k][1] };
        }
      }
    }
    return null;
  }

  /* Each link of the shown event: a curve between the two marks, across lanes, and its label
     (the kind of link) where it covers no mark, no mark's label and no other link label, with a
     leader line to its curve when it had to move away from it. Links whose other end is not
     drawn, or whose label finds no room, are listed under the chart. */
  function drawLinks() {
    var fig = visual();
    if (!fig) return;
    var svg = fig.querySelector(".tl-links"), inner = fig.querySelector(".tl-inner");
    var offview = fig.querySelector(".tl-offview");
    svg.textContent = "";
    offview.textContent = ""; offview.hidden = true;
    fig.querySelectorAll(".tl-mark.is-linked").forEach(function (el) { el.classList.remove("is-linked"); });
    if (!linksShown || !linksShown.links || !linksShown.links.length) return;
    svg.setAttribute("width", inner.offsetWidth); svg.setAttribute("height", inner.offsetHeight);
    // measured once every change above is laid out (a shorter chart may have scrolled the page)
    var origin = inner.getBoundingClientRect();
    var froms = fig.querySelectorAll('.tl-mark[data-event-link="' + linksShown.id + '"]:not([hidden])');
    var from = froms[0];
    var NS = "http://www.w3.org/2000/svg", listed = [], occ = null, unlabelled = 0;
    linksShown.links.forEach(function (link) {
      var to = fig.querySelector('.tl-mark[data-event-link="' + link.id + '"]:not([hidden])');
      if (!from || !to) { listed.push(link); return; }
      to.classList.add("is-linked");
      var a = centreOf(from, origin), b = centreOf(to, origin);
      var bend = Math.min(60, Math.abs(b.x - a.x) / 3 + 20);
      var path = document.createElementNS(NS, "path");
      path.setAttribute("d", "M" + a.x + "," + a.y + " C" + a.x + "," + (a.y - bend) + " " + b.x + "," + (b.y - bend) + " " + b.x + "," + b.y);
      path.setAttribute("class", "tl-link kind-" + link.kind);
      svg.appendChild(path);
      var text = document.createElementNS(NS, "text");
      text.setAttribute("class", "tl-link-label");
      text.textContent = link.label;
      svg.appendChild(text);
      var box = text.getBBox(), w = Math.ceil(box.width) + 6, h = Math.ceil(box.height) + 4;
      occ = occ || occupancy(fig, origin);
      var spot = freeSpot(occ, a, b, bend, w, h);
      if (!spot) { svg.removeChild(text); listed.push(link); unlabelled += 1; return; }
      occ.take(spot.x, spot.y, w, h);
      text.setAttribute("x", spot.x + 3 - box.x);
      text.setAttribute("y", spot.y + 2 - box.y);
      var mid = bezier(a, b, bend, 0.5), cx = spot.x + w / 2, cy = spot.y + h / 2;
      if (Math.abs(cx - mid.x) > w / 2 + 4 || Math.abs(cy - mid.y) > h / 2 + 4) {  // away from its curve
        var leader = document.createElementNS(NS, "line");
        leader.setAttribute("class", "tl-link-leader");
        leader.setAttribute("x1", mid.x); leader.setAttribute("y1", mid.y);
        leader.setAttribute("x2", Math.min(Math.max(mid.x, spot.x), spot.x + w));
        leader.setAttribute("y2", Math.min(Math.max(mid.y, spot.y), spot.y + h));
        svg.insertBefore(leader, text);
      }
    });
    if (listed.length) {
      var head = document.createElement("p");
      head.className = "tl-offview-h";
      head.textContent = !from ? "Links of the selected event:" : (unlabelled ? "Linked events:" : "Linked, outside the view:");
      var list = document.createElement("ul");
      listed.forEach(function (link) {
        var li = document.createElement("li"), a = document.createElement("a");
        var side = view && parseDay(link.start) < view.start ? "← " : (view && parseDay(link.start) >= view.end ? "→ " : "");
        a.href = link.url;
        a.dataset.eventLink = link.id;
        a.dataset.follow = "1";
        a.textContent = side + link.date + " · ";
        var title = document.createElement("bdi");
        title.textContent = link.title;
        a.appendChild(title);
        li.appendChild(document.createTextNode(link.label + " "));
        li.appendChild(a);
        list.appendChild(li);
      });
      offview.appendChild(head); offview.appendChild(list);
      offview.hidden = false;
    }
  }

  /* --- the event panel ------------------------------------------------------------------ */
  function panel() { return document.getElementById("event-panel"); }
  var narrow = window.matchMedia("(max-width: 900px)");

  /* At phone and tablet widths the panel opens where the reader is: under the chart for a
     mark, under the list item for a list link; beside the list on wide screens. */
  function placePanel(p, origin) {
    var split = document.querySelector(".tl-split");
    if (!narrow.matches || !origin) {
      if (split && p.parentElement !== split) split.appendChild(p);
      return;
    }
    var item = origin.closest(".tl-item"), fig = origin.closest(".tl-visual");
    if (item) item.appendChild(p);
    else if (fig) fig.parentElement.insertBefore(p, fig.nextSibling);
  }

  /* Open event ``id`` in the panel; ``origin`` is the mark or link it was chosen from. Chosen
     with the keys in the chart (``fromKeys``), the page stays on the chart; chosen by a click or
     a tap (or from the address at narrow widths), the page scrolls to show the panel. */
  function selectEvent(id, focusPanel, origin, fromKeys) {
    var p = panel();
    selectedId = String(id);
    showLinks(id, false);
    follow(id);
    rove(id);
    if (!p) return Promise.resolve();
    return fetch("/events/" + encodeURIComponent(id) + "/?fragment=1", { headers: { Accept: "text/html" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.text(); })
      .then(function (html) {
        if (String(id) !== selectedId) return;  // a later selection won the race
        p.innerHTML = '<button type="button" class="panel-close" aria-label="Close the event panel">Close</button>' + html;
        placePanel(p, origin);
        p.hidden = false;
        var split = document.querySelector(".tl-split");
        if (split) split.classList.add("has-panel");
        document.querySelectorAll(".is-selected").forEach(function (el) { el.classList.remove("is-selected"); });
        document.querySelectorAll('.tl-mark[data-event-link="' + id + '"], .tl-list [data-event-link="' + id + '"]').forEach(function (el) { el.classList.add("is-selected"); });
        var item = document.getElementById("event-" + id);
        if (item) item.classList.add("is-selected");
        history.replaceState(history.state, "", location.pathname + location.search + "#event-" + id);
        if (!fromKeys && (narrow.matches || origin)) p.scrollIntoView({ block: "nearest" });
        if (focusPanel) {
          var h = p.querySelector("h2 a");
          if (h) h.focus({ preventScroll: !narrow.matches });
        }
      })
      .catch(function () { location.href = "/events/" + id + "/"; });
  }

  function closePanel() {
    var p = panel();
    if (!p || p.hidden) return;
    p.hidden = true;
    var split = document.querySelector(".tl-split");
    if (split) split.classList.remove("has-panel");
    document.querySelectorAll(".is-selected").forEach(function (el) { el.classList.remove("is-selected"); });
    selectedId = null;
    showLinks(null, false);
    history.replaceState(history.state, "", location.pathname + location.search);
  }

  /* j/k (and ← → on a mark): the next or previous event; the chart pans to it and its mark
     takes the focus when the focus was in the chart. */
  function step(delta) {
    if (markOrder.length) {
      var focused = document.activeElement && document.activeElement.classList && document.activeElement.classList.contains("tl-mark") ? document.activeElement.dataset.eventLink : null;
      var from = focused || selectedId;
      var current = markOrder.findIndex(function (m) { return String(m.id) === String(from); });
      var next = current < 0 ? markOrder[0] : markOrder[Math.min(Math.max(current + delta, 0), markOrder.length - 1)];
      var inChart = document.activeElement && document.activeElement.closest && document.activeElement.closest(".tl-visual");
      selectEvent(next.id, false, next.el, Boolean(inChart));
      if (inChart) {
        next.el.focus({ preventScroll: true });
        next.el.scrollIntoView({ block: "nearest", inline: "nearest" });
      }
      var item = document.getElementById("event-" + next.id);
      if (item && !inChart) item.scrollIntoView({ block: "nearest" });
      return;
    }
    var items = Array.prototype.slice.call(document.querySelectorAll(".tl-item"));
    if (!items.length) return;
    var at = items.findIndex(function (el) { return el.classList.contains("is-selected"); });
    var target = at < 0 ? items[0] : items[Math.min(Math.max(at + delta, 0), items.length - 1)];
    target.scrollIntoView({ block: "nearest" });
    selectEvent(target.dataset.event, false, target);
  }

  /* The short summary read to screen readers after the results change ("42 events, 2019–2026"). */
  function announce() {
    var live = document.getElementById("tl-summary"), source = document.getElementById("tl-summary-source");
    if (live && source) live.textContent = source.textContent;
  }

  /* --- filtering without reload --------------------------------------------------------- */
  function loadResults(url, push) {
    var page = document.querySelector(".tl-page");
    if (!page) { location.href = url; return Promise.resolve(); }
    page.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { Accept: "text/html" } })
      .then(function (r) { return r.text().then(function (t) { return [r.status, t]; }); })
      .then(function (res) {
        var doc = new DOMParser().parseFromString(res[1], "text/html");
        var fresh = doc.querySelector(".tl-page");
        if (!fresh) { location.href = url; return; }
        var focused = document.activeElement && document.activeElement.id;
        page.innerHTML = fresh.innerHTML;
        page.removeAttribute("aria-busy");
        if (push) history.pushState({ timeline: true }, "", url);
        loaded = location.pathname + location.search;
        document.title = doc.title;
        initVisual();
        announce();
        if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
      })
      .catch(function () { location.href = url; });
  }

  function formUrl(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (typeof value === "string" && value.trim() !== "") params.append(key, value.trim());
    });
    var q = params.toString();
    return form.getAttribute("action") + (q ? "?" + q : "");
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (form.id !== "timeline-filters") return;
    ev.preventDefault();
    loadResults(formUrl(form), true);
  });

  document.addEventListener("change", function (ev) {
    var form = ev.target.form;
    if (!form || form.id !== "timeline-filters") return;
    if (ev.target.type === "checkbox" || ev.target.tagName === "SELECT") loadResults(formUrl(form), true);
  });

  document.addEventListener("click", function (ev) {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    var close = ev.target.closest(".panel-close");
    if (close) { closePanel(); return; }
    var chip = ev.target.closest("a.chip-filter, .pager a, .tl-page .actions a");
    if (chip && document.querySelector(".tl-page")) {
      ev.preventDefault();
      loadResults(chip.getAttribute("href"), true);
      return;
    }
    var link = ev.target.closest("[data-event-link]");
    if (link && panel()) {
      ev.preventDefault();
      selectEvent(link.dataset.eventLink, !link.classList.contains("tl-mark"), link);
    }
  });

  /* --- the entity field: suggestions over every entity, from the server, as one types --- */
  var suggestTimer = null, suggestSeq = 0;

  function suggestionList() { return document.getElementById("entity-suggestions"); }

  function closeSuggestions() {
    var list = suggestionList(), input = document.getElementById("f-entity");
    if (list) { list.hidden = true; list.textContent = ""; }
    if (input) { input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); }
  }

  function showSuggestions(input, results) {
    var list = suggestionList();
    if (!list) return;
    list.textContent = "";
    results.forEach(function (r, i) {
      var li = document.createElement("li");
      li.id = "entity-option-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.slug = r.slug;
      var name = document.createElement("bdi");
      name.textContent = r.name;
      li.appendChild(name);
      var detail = document.createElement("span");
      detail.className = "muted small";
      detail.textContent = " " + r.kind + (r.matched ? " · also called " : "");
      if (r.matched) { var alias = document.createElement("bdi"); alias.textContent = r.matched; detail.appendChild(alias); }
      li.appendChild(detail);
      list.appendChild(li);
    });
    if (!results.length) {
      var none = document.createElement("li");
      none.className = "muted";
      none.setAttribute("role", "option");
      none.setAttribute("aria-disabled", "true");
      none.textContent = "No entity has that name.";
      list.appendChild(none);
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function suggest(input) {
    var text = input.value.trim(), seq = ++suggestSeq;
    if (text.length < 2) { closeSuggestions(); return; }
    fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) { if (seq === suggestSeq && document.activeElement === input) showSuggestions(input, data.results); })
      .catch(function () { closeSuggestions(); });
  }

  function chooseSuggestion(option) {
    var input = document.getElementById("f-entity");
    if (!option || !option.dataset.slug || !input) return;
    input.value = option.dataset.slug;
    closeSuggestions();
    loadResults(formUrl(input.form), true);
  }

  function moveActive(input, delta) {
    var options = Array.prototype.slice.call(document.querySelectorAll("#entity-suggestions [data-slug]"));
    if (!options.length) return;
    var current = options.findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
    var next = current < 0 ? (delta > 0 ? 0 : options.length - 1) : (current + delta + options.length) % options.length;
    options.forEach(function (o, i) { o.setAttribute("aria-selected", i === next ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", options[next].id);
    options[next].scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("input", function (ev) {
    if (ev.target.id !== "f-entity") return;
    clearTimeout(suggestTimer);
    var input = ev.target;
    suggestTimer = setTimeout(function () { suggest(input); }, 200);
  });

  document.addEventListener("keydown", function (ev) {
    var input = ev.target;
    if (input.id !== "f-entity") return;
    var open = input.getAttribute("aria-expanded") === "true";
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!open) { suggest(input); return; }
      ev.preventDefault();
      moveActive(input, ev.key === "ArrowDown" ? 1 : -1);
    } else if (ev.key === "Enter" && open && input.getAttribute("aria-activedescendant")) {
      ev.preventDefault();
      chooseSuggestion(document.getElementById(input.getAttribute("aria-activedescendant")));
    } else if (ev.key === "Escape" && open) {
      ev.stopPropagation();
      closeSuggestions();
    }
  }, true);

  document.addEventListener("mousedown", function (ev) {
    var option = ev.target.closest && ev.target.closest("#entity-suggestions [data-slug]");
    if (option) { ev.preventDefault(); chooseSuggestion(option); }
  });

  document.addEventListener("focusout", function (ev) {
    if (ev.target.id === "f-entity") setTimeout(closeSuggestions, 150);
  });

  var loaded = location.pathname + location.search;
  window.addEventListener("popstate", function () {
    var here = location.pathname + location.search;
    if (!document.querySelector(".tl-page") || here === loaded) return;
    loaded = here;
    loadResults(location.href, false);
  });

  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable)) {
      if (ev.key === "Escape") t.blur();
      return;
    }
    switch (ev.key) {
      case "+": case "=": zoom(0.5); break;
      case "-": case "_": zoom(2); break;
      case "0": if (view) setView(view.min, view.max); break;
      case "ArrowLeft": case "ArrowRight":
        if (!visual()) return;
        if (t && t.classList && t.classList.contains("tl-mark") && panel()) step(ev.key === "ArrowLeft" ? -1 : 1);
        else pan(ev.key === "ArrowLeft" ? -0.25 : 0.25);
        break;
      case "j": step(1); break;
      case "k": step(-1); break;
      case "/": var q = document.getElementById("f-q"); if (q) q.focus(); break;
      case "Escape": closePanel(); break;
      default: return;
    }
    ev.preventDefault();
  });

  window.addEventListener("hashchange", function () {
    var m = /^#event-(\d+)$/.exec(location.hash);
    if (m && String(m[1]) !== String(selectedId)) selectEvent(m[1], false);
  });

  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(render, 100);
  });

  function start() {
    initVisual();
    var m = /^#event-(\d+)$/.exec(location.hash);
    if (m) selectEvent(m[1], false);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
