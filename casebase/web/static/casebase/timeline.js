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

  function render() {
    var fig = visual();
    if (!fig || !view) return;
    var span = view.end - view.start, shown = 0;
    fig.querySelectorAll(".tl-mark").forEach(function (mark) {
      var s = parseDay(mark.dataset.start), e = parseDay(mark.dataset.end) + DAY;
      var left = (s - view.start) / span * 100, right = (e - view.start) / span * 100;
      var outside = right < 0 || left > 100;
      mark.hidden = outside;
      if (!outside) shown += 1;
      mark.style.left = left + "%";
      mark.style.width = Math.max(right - left, 0) + "%";
    });
    var axis = fig.querySelector(".tl-axis");
    axis.textContent = "";
    ticks(view.start, view.end).forEach(function (tk) {
      var el = document.createElement("span");
      el.className = "tl-tick";
      el.style.left = ((tk[0] - view.start) / span * 100) + "%";
      el.textContent = tk[1];
      axis.appendChild(el);
    });
    fig.classList.toggle("zoomed", shown <= 12);
    var range = fig.querySelector(".tl-range");
    if (range) range.textContent = label(view.start, view.end - DAY);
  }

  function zoom(factor, centre) {
    if (!view) return;
    var span = view.end - view.start;
    var c = centre === undefined ? view.start + span / 2 : centre;
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
    data.lanes.forEach(function (lane) {
      var row = document.createElement("div");
      row.className = "tl-lane";
      row.style.setProperty("--lane", lane[2]);
      var name = document.createElement("div");
      name.className = "tl-lane-name";
      name.textContent = lane[1];
      var track = document.createElement("div");
      track.className = "tl-track";
      row.appendChild(name); row.appendChild(track); lanes.appendChild(row);
      byLane[lane[0]] = track;
    });
    data.points.forEach(function (p) {
      // [id, first day, last day, precision, title, lane, unverified, end date, end precision]
      var track = byLane[p[5]];
      if (!track) return;
      var a = document.createElement("a");
      a.className = "tl-mark prec-" + p[3] + (p[6] ? " unverified" : "");
      a.href = urlPattern.replace("/0/", "/" + p[0] + "/");
      a.dataset.eventLink = p[0];
      a.dataset.start = p[1];
      a.dataset.end = p[2];
      a.tabIndex = -1;
      var shown = showDate(p[1], p[3]) + (p[7] ? " – " + showDate(p[7], p[8]) : "");
      a.title = shown + ": " + p[4] + (p[6] ? " (unverified)" : "");
      var label = document.createElement("span");
      label.className = "tl-mark-label";
      label.textContent = p[4].length > 48 ? p[4].slice(0, 47) + "…" : p[4];
      a.appendChild(label);
      track.appendChild(a);
      min = Math.min(min, parseDay(p[1]));
      max = Math.max(max, parseDay(p[2]) + DAY);
    });
    // a little room on both sides, at least a day: a filtered range fills the width
    var pad = Math.max((max - min) * 0.03, DAY);
    return { min: min - pad, max: max + pad };
  }

  function initVisual() {
    var fig = visual();
    view = null;
    var source = document.getElementById("timeline-data");
    if (!fig || !source) return;
    var bounds = build(fig, JSON.parse(source.textContent));
    if (!isFinite(bounds.min)) return;
    fig.hidden = false;
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
      if (ev.target.closest(".tl-mark")) return;
      drag = { x: ev.clientX, start: view.start, end: view.end, width: trackWidth(vp) };
    });
    window.addEventListener("pointerup", function () { drag = null; });
    vp.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var shift = (drag.x - ev.clientX) / drag.width * (drag.end - drag.start);
      setView(drag.start + shift, drag.end + shift);
    });
    render();
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

  /* --- the event panel ------------------------------------------------------------------ */
  function panel() { return document.getElementById("event-panel"); }

  function selectEvent(id, focusPanel) {
    var p = panel();
    if (!p) return Promise.resolve();
    return fetch("/events/" + encodeURIComponent(id) + "/?fragment=1", { headers: { Accept: "text/html" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.text(); })
      .then(function (html) {
        p.innerHTML = '<button type="button" class="panel-close" aria-label="Close the event panel">Close</button>' + html;
        p.hidden = false;
        p.parentElement.classList.add("has-panel");
        document.querySelectorAll(".is-selected").forEach(function (el) { el.classList.remove("is-selected"); });
        document.querySelectorAll('[data-event-link="' + id + '"]').forEach(function (el) { el.classList.add("is-selected"); });
        var item = document.getElementById("event-" + id);
        if (item) item.classList.add("is-selected");
        history.replaceState(history.state, "", location.pathname + location.search + "#event-" + id);
        if (focusPanel) {
          var h = p.querySelector("h2 a");
          if (h) h.focus();
        }
      })
      .catch(function () { location.href = "/events/" + id + "/"; });
  }

  function closePanel() {
    var p = panel();
    if (!p || p.hidden) return;
    p.hidden = true;
    p.parentElement.classList.remove("has-panel");
    document.querySelectorAll(".is-selected").forEach(function (el) { el.classList.remove("is-selected"); });
    history.replaceState(history.state, "", location.pathname + location.search);
  }

  function step(delta) {
    var items = Array.prototype.slice.call(document.querySelectorAll(".tl-item"));
    if (!items.length) return;
    var current = items.findIndex(function (el) { return el.classList.contains("is-selected"); });
    var next = items[Math.min(Math.max(current + delta, 0), items.length - 1)];
    if (current < 0) next = items[0];
    next.scrollIntoView({ block: "nearest" });
    selectEvent(next.dataset.event, false);
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
      selectEvent(link.dataset.eventLink, true);
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
      case "ArrowLeft": if (!visual()) return; pan(-0.25); break;
      case "ArrowRight": if (!visual()) return; pan(0.25); break;
      case "j": step(1); break;
      case "k": step(-1); break;
      case "/": var q = document.getElementById("f-q"); if (q) q.focus(); break;
      case "Escape": closePanel(); break;
      default: return;
    }
    ev.preventDefault();
  });

  function start() {
    initVisual();
    var m = /^#event-(\d+)$/.exec(location.hash);
    if (m) selectEvent(m[1], false);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
