// The console works without this script; it adds the live part only: new tips and questions arriving while a page is
// open show as a badge beside "Tips" or "Questions", and on the first page of the queue (or of the questions) the list
// and its counts are fetched again (as the server renders them) so the new one appears in place without a reload.
"use strict";

// Broadcasts: while one sends (the list says data-live="on"), the list is fetched again every two seconds as the
// server renders it, so its progress moves without a reload; it stops once nothing moves.
(function () {
  const list = document.getElementById("broadcasts");
  if (!list || list.dataset.live !== "on") {
    return;
  }

  const timer = window.setInterval(async function () {
    const now = document.getElementById("broadcasts");
    // Not while the officer is editing inside the list: the form would be replaced under their hands.
    if (!now || now.contains(document.activeElement)) {
      return;
    }

    try {
      const response = await fetch(window.location.pathname, { credentials: "same-origin" });
      const next = response.ok ? new DOMParser().parseFromString(await response.text(), "text/html").getElementById("broadcasts") : null;
      if (!next) {
        return;
      }

      now.replaceWith(document.importNode(next, true));
      if (next.dataset.live !== "on") {
        window.clearInterval(timer);
      }
    } catch (e) {
      // A missed round is taken again in two seconds.
    }
  }, 2000);
})();

(function () {
  const badge = document.getElementById("live-badge");
  if (!badge || !window.EventSource) {
    return;
  }

  // The queue names its newest tip and the questions page its newest question, so one that came while the page
  // loaded is not missed.
  const found = document.getElementById("found");
  const questionsFound = document.getElementById("q-found");
  const from = [];
  if (found && found.dataset.newest && found.dataset.newest !== "0") {
    from.push("after=" + encodeURIComponent(found.dataset.newest));
  }
  if (questionsFound && questionsFound.dataset.newest) {
    from.push("questions=" + encodeURIComponent(questionsFound.dataset.newest));
  }
  const source = new EventSource("/console/live" + (from.length ? "?" + from.join("&") : ""));
  let refreshing = Promise.resolve();

  function showBadge(element, count, said) {
    element.textContent = String(count);
    const label = document.createElement("span");
    label.className = "sr-only";
    label.textContent = " " + element.dataset.label;
    element.appendChild(label);
    element.hidden = false;
    if (said) {
      said.textContent = said.dataset.template.replace("{0}", String(count));
    }
  }

  // The first page of a live list fetched again as the server renders it, the new rows marked; not while the officer
  // works inside the list (focus would be lost, an answer being typed replaced), nor past the first page.
  async function refreshList(listId, parts, attribute, codes) {
    const list = document.getElementById(listId);
    if (!list || list.dataset.live !== "on" || list.contains(document.activeElement)) {
      return;
    }

    const response = await fetch(window.location.href, { credentials: "same-origin" });
    if (!response.ok) {
      return;
    }

    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const id of parts) {
      const next = page.getElementById(id);
      const now = document.getElementById(id);
      if (next && now) {
        now.replaceWith(document.importNode(next, true));
      }
    }

    for (const code of codes) {
      const row = document.querySelector("[" + attribute + '="' + CSS.escape(code) + '"]');
      if (row) {
        row.classList.add("arrived");
      }
    }
  }

  // A short, quiet chime on a new tip, only for an officer who turned it on (kept in this browser). The browser lets a
  // page play sound only after a gesture, so the audio starts with the officer's press of the button.
  const sound = document.getElementById("live-sound");
  let audio = null;
  function chime() {
    // The audio stays made once the sound is turned off again, so the button says whether to play.
    if (!audio || !sound || sound.getAttribute("aria-pressed") !== "true") {
      return;
    }

    const at = audio.currentTime;
    const gain = audio.createGain();
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.08, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.5);
    gain.connect(audio.destination);
    [880, 1318.5].forEach(function (frequency, i) {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(at + i * 0.12);
      tone.stop(at + 0.5);
    });
    sound.dataset.chimes = String(Number(sound.dataset.chimes || "0") + 1);
  }

  function setSound(on) {
    sound.setAttribute("aria-pressed", on ? "true" : "false");
    try {
      window.localStorage.setItem("antq.console.sound", on ? "on" : "off");
    } catch (e) {
      // Private browsing: the choice lasts for this page only.
    }
  }

  if (sound && (window.AudioContext || window.webkitAudioContext)) {
    sound.hidden = false;
    let stored = null;
    try {
      stored = window.localStorage.getItem("antq.console.sound");
    } catch (e) {
      stored = null;
    }

    sound.setAttribute("aria-pressed", stored === "on" ? "true" : "false");
    sound.addEventListener("click", function () {
      const on = sound.getAttribute("aria-pressed") !== "true";
      setSound(on);
      if (on) {
        audio = audio || new (window.AudioContext || window.webkitAudioContext)();
        audio.resume();
        chime();
      }
    });

    // Turned on earlier: the first press anywhere on the page lets the audio start.
    document.addEventListener("pointerdown", function () {
      if (!audio && sound.getAttribute("aria-pressed") === "true") {
        audio = new (window.AudioContext || window.webkitAudioContext)();
      }
    }, { once: true });
  }

  // Each kind keeps its own count, badge and list: a new one shows its badge (announced where the page has a status
  // line for it), chimes when the officer turned the sound on, and appears in its list when that list is open.
  function listen(kind, badgeId, saidId, listId, parts, attribute) {
    const element = document.getElementById(badgeId);
    const codes = [];
    source.addEventListener(kind, function (event) {
      codes.push(event.data);
      if (element) {
        showBadge(element, codes.length, document.getElementById(saidId));
      }
      chime();
      refreshing = refreshing.then(function () { return refreshList(listId, parts, attribute, codes.slice()); }).catch(function () { /* the badge still says it */ });
    });
  }

  listen("tip", "live-badge", "live-said", "queue", ["queue", "queue-counts"], "data-tip");
  listen("question", "live-q-badge", "live-q-said", "q-live", ["q-live", "q-found"], "data-question");

  // The session ended (officer removed, role or ward changed): the server now answers with the sign-in page.
  source.addEventListener("ended", function () {
    source.close();
    window.location.reload();
  });
})();
