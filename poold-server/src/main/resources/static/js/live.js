// OWP Pool dashboard: live updates without reloading, and ticking relative times.
// The page works without this file: every part is server-rendered, with links and a Refresh link.
//
// The server sends a Server-Sent Event ("change") whenever the audit log moves. The page then
// fetches its own URL again and swaps each [data-live] section whose content changed, keeping
// scroll position and leaving alone a section in which the user is typing or has edits not yet
// submitted (it says so, and follows again once the edits are submitted, undone or reset).
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

  // A select is changed when another option is chosen than the page had selected: the last
  // option marked selected, or else the first one.
  function selectChanged(select) {
    var options = select.options;
    if (select.multiple) {
      for (var i = 0; i < options.length; i++) {
        if (options[i].selected !== options[i].defaultSelected) return true;
      }
      return false;
    }
    var original = 0;
    for (var j = 0; j < options.length; j++) {
      if (options[j].defaultSelected) original = j;
    }
    return options.length > 0 && select.selectedIndex !== original;
  }

  // Whether any field of the section differs from the value the server rendered.
  function edited(section) {
    var fields = section.querySelectorAll("input, select, textarea");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (field.tagName === "SELECT") {
        if (selectChanged(field)) return true;
      } else if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked !== field.defaultChecked) return true;
      } else if (field.value !== field.defaultValue) {
        return true;
      }
    }
    return false;
  }

  // While a section holds unsent edits it is not swapped, and says so; once every field is back
  // to its value (or the form is reset) the section follows the feed again.
  function showPaused(section, paused) {
    var hint = section.querySelector(".paused-hint");
    if (!paused) {
      if (hint) hint.parentNode.removeChild(hint);
      return;
    }
    if (hint) return;
    hint = document.createElement("p");
    hint.className = "paused-hint";
    hint.setAttribute("role", "status");
    hint.appendChild(document.createTextNode("Live updates paused while you edit \u2014 submit or "));
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "link";
    reset.textContent = "reset";
    reset.addEventListener("click", function () {
      var forms = section.querySelectorAll("form");
      for (var i = 0; i < forms.length; i++) forms[i].reset();
      checkDirty(section);
    });
    hint.appendChild(reset);
    var heading = section.querySelector("h1, h2");
    if (heading) {
      heading.parentNode.insertBefore(hint, heading.nextSibling);
    } else {
      section.insertBefore(hint, section.firstChild);
    }
  }

  function checkDirty(section) {
    var dirty = edited(section);
    var was = section.hasAttribute("data-dirty");
    if (dirty) {
      section.setAttribute("data-dirty", "");
    } else {
      section.removeAttribute("data-dirty");
    }
    showPaused(section, dirty);
    if (was && !dirty && pending) {
      setTimeout(refresh, 50);
    }
  }

  function fieldChanged(event) {
    var section = event.target.closest && event.target.closest("[data-live]");
    if (section) {
      // A reset event comes before the fields are reset.
      setTimeout(function () { checkDirty(section); }, 0);
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
  document.addEventListener("input", fieldChanged);
  document.addEventListener("change", fieldChanged);
  document.addEventListener("reset", fieldChanged);
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
