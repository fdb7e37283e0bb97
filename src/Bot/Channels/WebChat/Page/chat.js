// The web chat page. Every text from the bot or the visitor goes into the page with textContent, never as HTML.
(() => {
  'use strict';

  const STRINGS = {
    vi: {
      title: 'Toàn dân bảo vệ an ninh Tổ quốc',
      subtitle: 'Trò chuyện với công an phường, xã',
      send: 'Gửi',
      placeholder: 'Nhập tin nhắn…',
      attach: 'Gửi ảnh',
      locate: 'Chia sẻ vị trí',
      other: 'EN',
      otherName: 'English',
      myLocation: '📍 Vị trí của tôi',
      myPhoto: '📷 Ảnh',
      locating: 'Đang lấy vị trí của bạn…',
      noLocation: 'Không lấy được vị trí từ trình duyệt. Bạn có thể gõ địa chỉ (số nhà, đường, khối/thôn) vào ô bên dưới.',
      typeAddress: 'Gõ địa chỉ: số nhà, đường, khối/thôn…',
      tooFast: 'Bạn gửi nhanh quá. Vui lòng đợi vài giây rồi gửi lại.',
      tooLarge: 'Tin nhắn hoặc ảnh quá lớn nên chưa gửi được.',
      photoTooLarge: 'Ảnh quá lớn (tối đa {0} MB). Bạn vui lòng chọn ảnh nhỏ hơn.',
      badPhoto: 'Chỉ gửi được ảnh JPEG, PNG hoặc WebP.',
      photoNotAsked: 'Bước này chưa cần ảnh. Bạn gửi ảnh khi bot đề nghị, ví dụ khi gửi tin báo.',
      photoQuota: 'Bạn đã gửi nhiều ảnh trong một giờ qua. Vui lòng thử lại sau.',
      photosFull: 'Hiện hệ thống chưa nhận thêm ảnh được. Bạn có thể gửi tin không kèm ảnh, hoặc thử lại sau.',
      failed: 'Chưa gửi được. Bạn vui lòng kiểm tra kết nối rồi thử lại.',
      expired: 'Phiên trò chuyện đã hết hạn. Bạn vui lòng tải lại trang.',
      offline: 'Mất kết nối, đang thử kết nối lại…',
      notSent: 'chưa gửi được'
    },
    en: {
      title: 'All people protect national security',
      subtitle: 'Chat with your ward police',
      send: 'Send',
      placeholder: 'Type a message…',
      attach: 'Send a photo',
      locate: 'Share your location',
      other: 'VI',
      otherName: 'Tiếng Việt',
      myLocation: '📍 My location',
      myPhoto: '📷 Photo',
      locating: 'Getting your location…',
      noLocation: 'The browser could not give your location. You can type the address (house number, street, unit) below.',
      typeAddress: 'Type the address: house number, street, unit…',
      tooFast: 'You are sending too fast. Please wait a few seconds and send again.',
      tooLarge: 'The message or photo is too large to send.',
      photoTooLarge: 'The photo is too large (at most {0} MB). Please choose a smaller one.',
      badPhoto: 'Only JPEG, PNG or WebP photos can be sent.',
      photoNotAsked: 'No photo is needed at this step. Send one when the bot asks for it, for example with a tip.',
      photoQuota: 'You have sent many photos in the last hour. Please try again later.',
      photosFull: 'Photos cannot be taken right now. You can send your message without one, or try again later.',
      failed: 'Not sent. Please check your connection and try again.',
      expired: 'The chat session has expired. Please reload the page.',
      offline: 'Connection lost, reconnecting…',
      notSent: 'not sent'
    }
  };

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
  let maxPhotoBytes = 5 * 1024 * 1024;

  const t = (key, arg) => STRINGS[language][key].replace('{0}', String(arg ?? ''));

  function applyLanguage() {
    document.documentElement.lang = language;
    document.title = t('title');
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
    document.querySelectorAll('[data-title]').forEach((el) => { el.title = t(el.dataset.title); el.setAttribute('aria-label', t(el.dataset.title)); });
    input.placeholder = t('placeholder');
    const other = $('language');
    other.textContent = t('other');
    other.setAttribute('aria-label', t('otherName'));
    other.title = t('otherName');
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

  // A photo served by this chat (an officer's photo, a broadcast's picture) shows in the bubble and opens full size;
  // anything else is a link: a web address as it is, a file of the chat as "Tệp đính kèm".
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

  // The bot's message: text, optional media, rows of buttons. Pressing a button names the bubble it is on.
  function fill(bubble, message) {
    const parts = [];
    const text = document.createElement('p');
    text.textContent = message.text;
    parts.push(text);
    if (message.media) {
      parts.push(media(message.media));
    }
    if (message.buttons && message.buttons.length > 0) {
      const rows = document.createElement('div');
      rows.className = 'buttons';
      for (const row of message.buttons) {
        const line = document.createElement('div');
        line.className = 'row';
        for (const b of row) {
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = b.label;
          button.addEventListener('click', () => press(bubble, button, b.data));
          line.append(button);
        }
        rows.append(line);
      }
      parts.push(rows);
    }
    bubble.replaceChildren(...parts);
  }

  function showBot(message) {
    if (seen.has(message.id)) {
      return;
    }
    seen.add(message.id);
    const earlier = message.replaces != null ? bubbles.get(message.replaces) : undefined;
    if (earlier) {
      fill(earlier, message);
      return;
    }
    const bubble = document.createElement('div');
    bubble.className = 'msg bot';
    bubble.dataset.id = String(message.id);
    fill(bubble, message);
    bubbles.set(message.id, bubble);
    lastBotId = Math.max(lastBotId, message.id);
    log.append(bubble);
    scrollDown();
  }

  // What the visitor sent is kept in this tab only (the server keeps no copy once it is handled).
  function mine() {
    try {
      return JSON.parse(sessionStorage.getItem('antq.mine') || '[]');
    } catch {
      return [];
    }
  }

  function remember(text) {
    const kept = mine();
    kept.push({ after: lastBotId, text });
    sessionStorage.setItem('antq.mine', JSON.stringify(kept.slice(-200)));
  }

  function showMine(text, imageUrl) {
    const bubble = document.createElement('div');
    bubble.className = 'msg me pending';
    const p = document.createElement('p');
    p.textContent = text;
    bubble.append(p);
    if (imageUrl) {
      const img = document.createElement('img');
      img.src = imageUrl;
      img.alt = '';
      bubble.append(img);
    }
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

  // Posts to the chat; a token that expired (the service restarted) is renewed once.
  async function post(path, body, bubble, retried) {
    let response;
    try {
      const json = !(body instanceof FormData);
      response = await fetch(path, {
        method: 'POST',
        credentials: 'same-origin',
        headers: json ? { 'Content-Type': 'application/json', 'X-Antq-Token': token } : { 'X-Antq-Token': token },
        body: json ? JSON.stringify(body) : body
      });
    } catch {
      failed(bubble, 'failed');
      return false;
    }
    if (response.ok) {
      if (bubble) {
        bubble.classList.remove('pending');
      }
      quiet();
      return true;
    }
    let error = '';
    try {
      error = (await response.json()).error || '';
    } catch {
      // Not JSON: the status says enough.
    }
    if (response.status === 403 && error === 'bad_token' && !retried) {
      try {
        await refreshSession();
        return post(path, body, bubble, true);
      } catch {
        failed(bubble, 'expired');
        return false;
      }
    }
    const key = error === 'photo_not_asked' ? 'photoNotAsked'
      : error === 'upload_quota' ? 'photoQuota'
      : error === 'uploads_full' ? 'photosFull'
      : response.status === 429 ? 'tooFast'
      : response.status === 413 ? 'tooLarge'
      : response.status === 415 ? 'badPhoto'
      : response.status === 403 ? 'expired'
      : 'failed';
    failed(bubble, key);
    return false;
  }

  function failed(bubble, key) {
    if (bubble) {
      bubble.classList.remove('pending');
      const note = document.createElement('small');
      note.textContent = ' (' + t('notSent') + ')';
      bubble.firstChild.append(note);
    }
    say(key);
  }

  function sendText(text, silent) {
    const bubble = silent ? null : showMine(text);
    if (!silent) {
      remember(text);
    }
    return post('/chat/messages', { id: newId(), text, language }, bubble);
  }

  function press(bubble, button, data) {
    bubble.querySelectorAll('button').forEach((b) => b.classList.remove('chosen'));
    button.classList.add('chosen');
    post('/chat/messages', { id: newId(), button: data, messageId: bubble.dataset.id, language }, null);
  }

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      return;
    }
    input.value = '';
    input.placeholder = t('placeholder');
    sendText(text, false);
  });

  $('language').addEventListener('click', () => {
    language = language === 'vi' ? 'en' : 'vi';
    localStorage.setItem('antq.language', language);
    applyLanguage();
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
      remember(t('myLocation'));
      post('/chat/messages', {
        id: newId(),
        location: { latitude: position.coords.latitude, longitude: position.coords.longitude },
        language
      }, bubble);
    }, askAddress, { timeout: 15000, maximumAge: 60000 });
  });

  $('attach').addEventListener('click', () => photoInput.click());
  photoInput.addEventListener('change', () => {
    const file = photoInput.files && photoInput.files[0];
    photoInput.value = '';
    if (!file) {
      return;
    }
    if (!/^image\/(jpeg|png|webp)$/.test(file.type)) {
      say('badPhoto');
      return;
    }
    if (file.size > maxPhotoBytes) {
      say('photoTooLarge', Math.floor(maxPhotoBytes / (1024 * 1024)));
      return;
    }
    const caption = input.value.trim();
    input.value = '';
    const bubble = showMine(caption ? t('myPhoto') + ' — ' + caption : t('myPhoto'), URL.createObjectURL(file));
    remember(t('myPhoto'));
    const form = new FormData();
    form.append('photo', file);
    form.append('id', newId());
    form.append('language', language);
    if (caption) {
      form.append('caption', caption);
    }
    post('/chat/photos', form, bubble);
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
        showMine(kept[k++].text).classList.remove('pending');
      }
      showBot(message);
    }
    while (k < kept.length) {
      showMine(kept[k++].text).classList.remove('pending');
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
