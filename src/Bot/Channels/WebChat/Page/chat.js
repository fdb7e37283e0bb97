// The web chat page: the conversation, what the visitor sends, and what arrives. Words in chat-strings.js, looks in chat-view.js.
(() => {
  'use strict';

  const STRINGS = window.AntqStrings;
  const $ = (id) => document.getElementById(id);
  const log = $('log');
  const notice = $('notice');
  const composer = $('composer');
  const input = $('text');
  const photoInput = $('photo');
  const bubbles = new Map(); // bot message id -> bubble element
  const seen = new Set(); // ids of rows already applied (messages and edits)
  let language = localStorage.getItem('antq.language') === 'en' ? 'en' : 'vi';
  let token = '';
  let cursor = 0;
  let lastBotId = 0;
  let expects = null; // what the newest bot message asks for: "longtext", "datetime", "date" or null
  let maxPhotoBytes = 5 * 1024 * 1024;

  const t = (key, arg) => STRINGS[language][key].replace('{0}', String(arg ?? ''));
  const view = window.AntqView(t);

  function applyLanguage() {
    document.documentElement.lang = language;
    document.title = t('title');
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
    document.querySelectorAll('[data-title]').forEach((el) => { el.title = t(el.dataset.title); el.setAttribute('aria-label', t(el.dataset.title)); });
    setPlaceholder();
    const other = $('language');
    other.textContent = t('other');
    other.setAttribute('aria-label', t('other') + ' – ' + t('otherName')); // the visible "EN" is part of its name
    other.title = t('otherName');
  }

  function setPlaceholder() {
    input.placeholder = expects === 'longtext' ? t('longHint') : t('placeholder');
  }

  function newId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function say(key, arg) {
    notice.textContent = t(key, arg);
    notice.hidden = false;
  }

  function quiet() {
    notice.hidden = true;
    notice.textContent = '';
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  // A photo served by this chat shows in the bubble and opens full size; anything else is a link.
  function media(item) {
    const own = item.source.startsWith('/chat/media/');
    const link = document.createElement('a');
    link.href = item.source;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    if (own && item.kind === 'photo') {
      const img = document.createElement('img');
      img.src = item.source;
      img.alt = 'Ảnh / Photo';
      img.loading = 'lazy';
      img.addEventListener('load', scrollDown, { once: true });
      link.className = 'photo';
      link.append(img);
    } else if (own) {
      // A file the service made (a report) has a name that says what it is: shown, and kept when saved.
      link.textContent = '📎 ' + (item.name || 'Tệp đính kèm / Attachment');
      if (item.name) {
        link.download = item.name;
      }
    } else if (/^https:\/\//.test(item.source)) {
      link.textContent = item.source;
    } else {
      return document.createTextNode('');
    }
    return link;
  }

  // The bot's message: who speaks, an urgent mark, text, media, buttons or a date picker, and when.
  function fill(bubble, message) {
    const parts = [view.speaker(message.urgent ? 'urgentSays' : 'botSays')];
    bubble.classList.toggle('urgent', !!message.urgent);
    if (message.urgent) {
      parts.push(view.el('strong', 'badge', '⚠ ' + t('urgent')));
    }
    parts.push(view.richText(message.text));
    if (message.media) {
      parts.push(media(message.media));
    }
    bubble.dataset.keyboard = message.buttons && message.buttons.length > 0 ? '1' : '';
    if (bubble.dataset.keyboard) {
      const rows = view.el('div', 'buttons');
      const checklist = view.isChecklist(message.buttons);
      for (const row of message.buttons) {
        const line = view.el('div', 'row');
        for (const b of row) {
          const button = view.button(b.label, checklist);
          button.addEventListener('click', () => press(bubble, button, b.data));
          line.append(button);
        }
        rows.append(line);
      }
      parts.push(rows);
    }
    if (picks(message)) {
      parts.push(view.picker((text) => sendText(text), message.expects === 'date'));
    }
    if (message.at) {
      parts.push(view.time(message.at));
    }
    bubble.replaceChildren(...parts);
  }

  // A date question: the page offers a picker beside the text box.
  function picks(message) {
    return message.expects === 'datetime' || message.expects === 'date';
  }

  // Only the newest keyboard (and date picker) works: older ones are shown disabled, as used up.
  function retireOlder(newest) {
    for (const [id, bubble] of bubbles) {
      if (id < newest) {
        bubble.querySelectorAll('.buttons button, .picker input, .picker button').forEach((b) => { b.disabled = true; });
        const rows = bubble.querySelector('.buttons');
        if (rows && !rows.title) {
          rows.title = t('buttonsOld');
          rows.classList.add('old');
        }
      }
    }
  }

  function showBot(message) {
    if (seen.has(message.id)) {
      return;
    }
    seen.add(message.id);
    if (message.mine) {
      showEcho(message);
      return;
    }
    const earlier = message.replaces != null ? bubbles.get(message.replaces) : undefined;
    if (earlier) {
      fill(earlier, message);
      // The press only changed its keyboard (a toggle, the next page): no bubble of the visitor for it.
      log.querySelectorAll('.msg.me[data-on="' + message.replaces + '"]').forEach((b) => b.remove());
      retireOlder(lastBotId);
      return;
    }
    const bubble = view.el('div', 'msg bot');
    bubble.dataset.id = String(message.id);
    fill(bubble, message);
    bubbles.set(message.id, bubble);
    lastBotId = Math.max(lastBotId, message.id);
    expects = message.expects || null;
    setMode();
    log.append(bubble);
    if (bubble.dataset.keyboard || picks(message)) {
      retireOlder(message.id);
    } else {
      bubbles.forEach((b, id) => { if (id < message.id) { b.querySelectorAll('.picker input, .picker button').forEach((x) => { x.disabled = true; }); } });
    }
    scrollDown();
  }

  // A description gets a bigger box in which Enter starts a new line; otherwise Enter sends (Shift+Enter: new line).
  function setMode() {
    input.rows = expects === 'longtext' ? 4 : 1;
    input.dataset.mode = expects || '';
    setPlaceholder();
  }

  function showEcho(message) {
    const bubble = showMine(message.text, null, message.at);
    bubble.classList.remove('pending');
    bubble.dataset.on = String(message.on ?? '');
  }

  // What the visitor typed is kept in this tab only (the server keeps no copy once it is handled).
  function mine() {
    try {
      return JSON.parse(sessionStorage.getItem('antq.mine') || '[]');
    } catch {
      return [];
    }
  }

  function remember(text, after, at) {
    const kept = mine();
    kept.push({ after, text, at });
    sessionStorage.setItem('antq.mine', JSON.stringify(kept.slice(-200)));
  }

  function showMine(text, imageUrl, at) {
    const bubble = view.el('div', 'msg me pending');
    bubble.append(view.speaker('meSays'), view.el('p', 'body', text));
    if (imageUrl) {
      const img = document.createElement('img');
      img.src = imageUrl;
      img.alt = '';
      img.addEventListener('load', () => bubble.scrollIntoView({ block: 'end' }), { once: true });
      bubble.append(img);
    }
    bubble.append(view.time(at || Date.now()));
    log.append(bubble);
    scrollDown();
    return bubble;
  }

  async function refreshSession() {
    const response = await fetch('/chat/session', { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) {
      throw new Error('session ' + response.status);
    }
    const session = await response.json();
    token = session.token;
    if (session.maxPhotoBytes) {
      maxPhotoBytes = session.maxPhotoBytes;
    }
    return session;
  }

  window.AntqChat = { t, say, quiet, newId, showMine, remember, refreshSession, token: () => token, lastBotId: () => lastBotId, language: () => language, maxPhotoBytes: () => maxPhotoBytes };
  const send = window.AntqSend(window.AntqChat);

  function sendText(text, silent) {
    const bubble = silent ? null : showMine(text);
    const after = lastBotId;
    const at = Date.now();
    return send.json({ id: newId(), text, language }, bubble, () => { if (!silent) { remember(text, after, at); } });
  }

  function press(bubble, button, data) {
    if (button.getAttribute('aria-pressed') == null) {
      bubble.querySelectorAll('.buttons button').forEach((b) => b.classList.remove('chosen'));
      button.classList.add('chosen');
    }
    send.json({ id: newId(), button: data, messageId: bubble.dataset.id, language }, null);
  }

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      return;
    }
    input.value = '';
    sendText(text, false);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && (input.dataset.mode !== 'longtext' || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  // The page's language and the conversation's go together: the switch also changes the resident's language.
  $('language').addEventListener('click', () => {
    language = language === 'vi' ? 'en' : 'vi';
    localStorage.setItem('antq.language', language);
    applyLanguage();
    if (lastBotId > 0) {
      sendText('/language ' + language, true);
    }
  });

  function askAddress() {
    say('noLocation');
    input.placeholder = t('typeAddress');
    input.focus();
  }

  $('locate').addEventListener('click', () => {
    if (!navigator.geolocation) {
      askAddress();
      return;
    }
    say('locating');
    navigator.geolocation.getCurrentPosition((position) => {
      quiet();
      const bubble = showMine(t('myLocation'));
      const after = lastBotId;
      send.json({
        id: newId(),
        location: { latitude: position.coords.latitude, longitude: position.coords.longitude },
        language
      }, bubble, () => remember(t('myLocation'), after, Date.now()));
    }, askAddress, { timeout: 15000, maximumAge: 60000 });
  });

  $('attach').addEventListener('click', () => photoInput.click());
  photoInput.addEventListener('change', () => {
    const file = photoInput.files && photoInput.files[0];
    photoInput.value = '';
    if (file) {
      send.photo(file, input);
    }
  });

  // Answers as they arrive: server-sent events, or polling where they are not available.
  function listen() {
    if (!window.EventSource) {
      poll();
      return;
    }
    const source = new EventSource('/chat/events?after=' + cursor);
    source.addEventListener('message', (event) => {
      quiet();
      showBot(JSON.parse(event.data));
      if (event.lastEventId) {
        cursor = Number(event.lastEventId);
      }
    });
    source.addEventListener('open', () => { if (notice.textContent === t('offline')) { quiet(); } });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        say('offline');
        setTimeout(poll, 2000);
      }
    });
  }

  async function poll() {
    try {
      const response = await fetch('/chat/messages?after=' + cursor, { credentials: 'same-origin', cache: 'no-store' });
      if (response.ok) {
        const page = await response.json();
        page.messages.forEach(showBot);
        cursor = page.cursor;
        quiet();
      }
    } catch {
      say('offline');
    }
    setTimeout(poll, 2000);
  }

  async function start() {
    applyLanguage();
    let session;
    try {
      session = await refreshSession();
    } catch {
      say('failed');
      return;
    }
    const kept = mine().filter((m) => m.after === 0 || session.messages.some((b) => b.id === m.after));
    let k = 0;
    for (const message of session.messages) {
      while (k < kept.length && kept[k].after < message.id) {
        showMine(kept[k].text, null, kept[k++].at).classList.remove('pending');
      }
      showBot(message);
    }
    while (k < kept.length) {
      showMine(kept[k].text, null, kept[k++].at).classList.remove('pending');
    }
    cursor = session.cursor;
    listen();
    if (session.messages.length === 0 && kept.length === 0) {
      // A new visitor: start as Telegram's Start button does.
      await sendText('/start', true);
    }
    input.focus();
  }

  start();
})();
