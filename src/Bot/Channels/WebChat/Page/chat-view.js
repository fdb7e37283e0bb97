// How the chat's messages look: rich text (tracking codes, phone numbers), times, check boxes, the date (and time) picker.
// Every text goes into the page with textContent, never as HTML.
window.AntqView = (t) => {
  'use strict';

  // A tracking code ("K7QM-3XPA", the service's alphabet) or a phone number: a Vietnamese one ("0205 3870 100",
  // "0912.345.678") or an emergency number (111, 113, 114, 115) standing alone.
  const CODE = '[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}';
  const PHONE = '(?:\\+84|0)\\d{2,3}(?:[ .]?\\d{3,4}){2}|11[1345]';
  const PATTERN = new RegExp('(?<![\\w-])(?:(' + CODE + ')|(' + PHONE + '))(?![\\w-])', 'g');
  const ZONE = 'Asia/Ho_Chi_Minh';

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text != null) {
      node.textContent = text;
    }
    return node;
  }

  // Copies with the Clipboard API, or by selecting the code where the page may not use it (plain http).
  async function copy(code, button) {
    try {
      await navigator.clipboard.writeText(code);
    } catch {
      const range = document.createRange();
      range.selectNodeContents(button.previousSibling);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      document.execCommand('copy');
    }
    button.textContent = t('copied') + ' ✓';
    button.dataset.copied = code;
  }

  // The message's text with its tracking codes kept on one line (with a copy button) and phone numbers to tap.
  function richText(text) {
    const p = el('p', 'body');
    let at = 0;
    for (const match of text.matchAll(PATTERN)) {
      p.append(document.createTextNode(text.slice(at, match.index)));
      if (match[1]) {
        const code = el('span', 'code', match[1]);
        const button = el('button', 'copy', t('copy'));
        button.type = 'button';
        button.setAttribute('aria-label', t('copyCode', match[1]));
        button.addEventListener('click', () => copy(match[1], button));
        const both = el('span', 'tracking');
        both.append(code, button);
        p.append(both);
      } else {
        const link = el('a', 'phone', match[2]);
        link.href = 'tel:' + match[2].replace(/[ .]/g, '');
        link.setAttribute('aria-label', t('call', match[2]));
        p.append(link);
      }
      at = match.index + match[0].length;
    }
    p.append(document.createTextNode(text.slice(at)));
    return p;
  }

  // The parts of a moment in Vietnam's time, whatever the device's zone.
  function parts(when) {
    return Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
    }).formatToParts(when).map((p) => [p.type, p.value]));
  }

  // "07:30" today, "20/12 07:30" another day, as chats show it.
  function time(at) {
    const when = new Date(at);
    const p = parts(when);
    const today = parts(new Date());
    const clock = p.hour + ':' + p.minute;
    const sameDay = p.year === today.year && p.month === today.month && p.day === today.day;
    const node = el('time', 'at', sameDay ? clock : p.day + '/' + p.month + ' ' + clock);
    node.dateTime = when.toISOString();
    return node;
  }

  // Who speaks, for screen readers (the bubbles' colour and side say it to the eye).
  function speaker(key) {
    return el('span', 'sr', t(key) + ' ');
  }

  // In a checklist (two or more "⬜ Topic" / "✅ Topic" buttons), each is a toggle: a drawn box (emoji boxes are blank
  // without an emoji font) and aria-pressed. A lone "✅ Tôi đồng ý" is an ordinary button.
  function isChecklist(rows) {
    return rows.flat().filter((b) => /^(⬜|✅)/.test(b.label)).length >= 2;
  }

  function button(label, checklist) {
    const b = el('button');
    b.type = 'button';
    const toggle = checklist ? /^(⬜|✅)\s*/.exec(label) : null;
    if (toggle) {
      b.className = 'toggle';
      b.setAttribute('aria-pressed', toggle[1] === '✅' ? 'true' : 'false');
      b.append(el('span', 'box'), document.createTextNode(label.slice(toggle[0].length)));
    } else {
      b.textContent = label;
    }
    return b;
  }

  // "2026-12-20T07:30" as the bot reads a date: "20/12/2026 07:30"; a day alone, "2026-12-20": "20/12/2026".
  function spoken(value) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
    return m ? m[3] + '/' + m[2] + '/' + m[1] + (m[4] ? ' ' + m[4] + ':' + m[5] : '') : '';
  }

  // Now in Vietnam, as a datetime-local input wants it.
  function nowLocal() {
    const p = parts(new Date());
    return p.year + '-' + p.month + '-' + p.day + 'T' + p.hour + ':' + p.minute;
  }

  // A date and time to come (an event's start), or with dayGone a day that has been (a tip's date: today at most).
  function picker(send, dayGone) {
    const form = el('form', 'picker');
    const label = el('label', null, t(dayGone ? 'pickDay' : 'pick'));
    const input = el('input');
    input.required = true;
    if (dayGone) {
      input.type = 'date';
      input.max = nowLocal().slice(0, 10);
    } else {
      input.type = 'datetime-local';
      input.min = nowLocal().slice(0, 10) + 'T00:00';
      input.value = nowLocal();
    }
    label.append(input);
    const go = el('button', 'pick-send', t(dayGone ? 'pickDaySend' : 'pickSend'));
    go.type = 'submit';
    form.append(label, go);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = spoken(input.value);
      if (text) {
        send(text);
      }
    });
    return form;
  }

  return { el, richText, time, speaker, button, isChecklist, picker, spoken };
};
