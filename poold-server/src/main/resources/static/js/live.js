// OWP Pool dashboard: live updates without reloading, and ticking relative times.
// The page works without this file: every part is server-rendered, with links and a Refresh link.
//
// The server sends a Server-Sent Event ("change") whenever the audit log moves. The page then
// fetches its own URL again and swaps each [data-live] section whose content changed, keeping
// scroll position and leaving alone a section in which the user is typing.
(function () {
  "use strict";

  var main = document.querySelector("main[data-last-event]");
  if (!main || !window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var watchTask = main.getAttribute("data-watch-task");
  var clockOffset = 0;  // server time minus browser time, in ms
  var fetching = false;
  var again = false;
  var pending = false;   // a section could not be swapped because the user is typing in it

  function readClock(root) {
    var now = Number(root.getAttribute("data-now"));
    if (now) {
      clockOffset = now - Date.now();
    }
  }

  function agoText(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    if (s < 60) return s + " s ago";
    if (s < 3600) return Math.floor(s / 60) + " min ago";
    if (s < 48 * 3600) return Math.floor(s / 3600) + " h ago";
    return Math.floor(s / 86400) + " d ago";
  }

  function tick() {
    var now = Date.now() + clockOffset;
    var times = document.querySelectorAll("time.ago[data-ts]");
    for (var i = 0; i < times.length; i++) {
      var ts = Number(times[i].getAttribute("data-ts"));
      if (ts) {
        var text = agoText(now - ts);
        if (times[i].textContent !== text) {
          times[i].textContent = text;
        }
      }
    }
  }

  // A section is left alone while the user types in it or has changed a field not yet submitted.
  function busy(section) {
    if (section.hasAttribute("data-dirty")) {
      return true;
    }
    var active = document.activeElement;
    return active && active !== document.body && section.contains(active) &&
        (active.tagName === "INPUT" || active.tagName === "SELECT" || active.tagName === "TEXTAREA");
  }

  function markDirty(event) {
    var section = event.target.closest && event.target.closest("[data-live]");
    if (section) {
      section.setAttribute("data-dirty", "");
    }
  }

  function swap(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    var freshMain = fresh.querySelector("main[data-last-event]");
    if (!freshMain) {
      return;
    }
    readClock(freshMain);
    main.setAttribute("data-now", freshMain.getAttribute("data-now"));
    main.setAttribute("data-last-event", freshMain.getAttribute("data-last-event"));
    var sections = document.querySelectorAll("[data-live][id]");
    for (var i = 0; i < sections.length; i++) {
      var section = sections[i];
      var replacement = fresh.getElementById(section.id);
      if (!replacement || replacement.innerHTML === section.innerHTML) {
        continue;
      }
      if (busy(section)) {
        pending = true;
        continue;
      }
      section.innerHTML = replacement.innerHTML;
      section.classList.remove("flash-update");
      void section.offsetWidth;  // restart the highlight animation
      section.classList.add("flash-update");
    }
    tick();
  }

  function refresh() {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    pending = false;
    fetch(window.location.href, {credentials: "same-origin", headers: {"Accept": "text/html"}})
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html) swap(html); })
        .catch(function () { /* the next change or reconnect tries again */ })
        .then(function () {
          fetching = false;
          if (again) {
            again = false;
            refresh();
          }
        });
  }

  function concernsThisPage(data) {
    if (!watchTask) return true;
    try {
      var change = JSON.parse(data);
      return !change.tasks || change.tasks.indexOf(watchTask) >= 0;
    } catch (e) {
      return true;
    }
  }

  readClock(main);
  tick();
  setInterval(tick, 1000);
  // A swap held back while the user typed happens once they leave the field.
  document.addEventListener("input", markDirty);
  document.addEventListener("change", markDirty);
  document.addEventListener("focusout", function () {
    if (pending) setTimeout(refresh, 50);
  });

  var status = document.getElementById("live-status");
  var source = new EventSource("/live?after=" + encodeURIComponent(main.getAttribute("data-last-event")));
  source.addEventListener("change", function (message) {
    if (concernsThisPage(message.data)) refresh();
  });
  source.onopen = function () {
    if (status) { status.hidden = false; status.className = "live on"; status.textContent = "live"; }
    document.documentElement.setAttribute("data-live", "on");
  };
  source.onerror = function () {
    if (status) { status.className = "live off"; status.textContent = "reconnecting"; }
    document.documentElement.setAttribute("data-live", "off");
  };
})();
