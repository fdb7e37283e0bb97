// Sending: posts with the anti-forgery token, a photo with its progress (and a cancel), and a retry for what failed.
window.AntqSend = (chat) => {
  'use strict';

  const t = chat.t;

  // Sentences for the service's refusals; null means "try again" makes sense.
  function reason(status, error) {
    return error === 'photo_not_asked' ? ['photoNotAsked', false]
      : error === 'upload_quota' ? ['photoQuota', true]
      : error === 'uploads_full' ? ['photosFull', true]
      : status === 429 ? ['tooFast', true]
      : status === 413 ? ['tooLarge', false]
      : status === 415 ? ['badPhoto', false]
      : status === 403 ? ['expired', true]
      : ['failed', true];
  }

  // The bubble keeps what was sent, says it was not, and offers to send it again (the same post id: sent once).
  function failed(bubble, key, again) {
    chat.say(key);
    if (!bubble) {
      return;
    }
    bubble.classList.remove('pending');
    bubble.classList.add('failed');
    bubble.querySelectorAll('.state').forEach((s) => s.remove());
    const state = document.createElement('div');
    state.className = 'state';
    const note = document.createElement('small');
    note.textContent = '⚠ ' + t('notSent');
    state.append(note);
    if (again) {
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'retry';
      retry.textContent = '↻ ' + t('retry');
      retry.addEventListener('click', () => {
        bubble.classList.remove('failed');
        bubble.classList.add('pending');
        state.remove();
        again();
      });
      state.append(retry);
    }
    bubble.append(state);
  }

  function sent(bubble, onSent) {
    if (bubble) {
      bubble.classList.remove('pending', 'failed');
      bubble.querySelectorAll('.state').forEach((s) => s.remove());
    }
    chat.quiet();
    if (onSent) {
      onSent();
    }
  }

  // A token that expired (the service restarted) is renewed once, then the post goes again.
  async function json(body, bubble, onSent, retried) {
    const again = () => json(body, bubble, onSent, false);
    let response;
    try {
      response = await fetch('/chat/messages', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Antq-Token': chat.token() },
        body: JSON.stringify(body)
      });
    } catch {
      failed(bubble, 'failed', again);
      return false;
    }
    if (response.ok) {
      sent(bubble, onSent);
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
        await chat.refreshSession();
        return json(body, bubble, onSent, true);
      } catch {
        failed(bubble, 'expired', again);
        return false;
      }
    }
    const [key, retry] = reason(response.status, error);
    failed(bubble, key, retry ? again : null);
    return false;
  }

  // The photo goes with XMLHttpRequest, the one browser API that reports upload progress.
  function upload(form, bubble, onSent, retried) {
    const again = () => upload(form, bubble, onSent, false);
    const progress = document.createElement('div');
    progress.className = 'state progress';
    const bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', t('uploading'));
    const percent = document.createElement('span');
    percent.className = 'percent';
    percent.textContent = '0%';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'cancel';
    cancel.textContent = '✕ ' + t('cancel');
    progress.append(bar, percent, cancel);
    bubble.querySelectorAll('.state').forEach((s) => s.remove());
    bubble.append(progress);

    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/chat/photos');
    xhr.setRequestHeader('X-Antq-Token', chat.token());
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        const p = Math.floor((event.loaded * 100) / event.total);
        bar.value = p;
        percent.textContent = p + '%';
      }
    });
    cancel.addEventListener('click', () => xhr.abort());
    xhr.addEventListener('abort', () => {
      progress.remove();
      bubble.classList.remove('pending');
      bubble.classList.add('cancelled');
      const note = document.createElement('small');
      note.className = 'state';
      note.textContent = t('cancelled');
      bubble.append(note);
    });
    xhr.addEventListener('error', () => { progress.remove(); failed(bubble, 'failed', again); });
    xhr.addEventListener('load', async () => {
      progress.remove();
      if (xhr.status >= 200 && xhr.status < 300) {
        sent(bubble, onSent);
        bubble.scrollIntoView({ block: 'end' });
        return;
      }
      let error = '';
      try {
        error = JSON.parse(xhr.responseText).error || '';
      } catch {
        // Not JSON: the status says enough.
      }
      if (xhr.status === 403 && error === 'bad_token' && !retried) {
        try {
          await chat.refreshSession();
          upload(form, bubble, onSent, true);
        } catch {
          failed(bubble, 'expired', again);
        }
        return;
      }
      const [key, retry] = reason(xhr.status, error);
      failed(bubble, key, retry ? again : null);
    });
    xhr.send(form);
  }

  function photo(file, input) {
    if (!/^image\/(jpeg|png|webp)$/.test(file.type)) {
      chat.say('badPhoto');
      return;
    }
    if (file.size > chat.maxPhotoBytes()) {
      chat.say('photoTooLarge', Math.floor(chat.maxPhotoBytes() / (1024 * 1024)));
      return;
    }
    const caption = input.value.trim();
    input.value = '';
    const label = caption ? t('myPhoto') + ' — ' + caption : t('myPhoto');
    const bubble = chat.showMine(label, URL.createObjectURL(file));
    const after = chat.lastBotId();
    const form = new FormData();
    form.append('photo', file);
    form.append('id', chat.newId());
    form.append('language', chat.language());
    if (caption) {
      form.append('caption', caption);
    }
    upload(form, bubble, () => chat.remember(label, after, Date.now()));
  }

  return { json, photo };
};
