(function () {
  'use strict';
  var form = document.getElementById('survey');
  if (!form) { return; }
  var errors = document.getElementById('errors');
  var status = document.getElementById('status');
  var thanks = document.getElementById('thanks');
  var button = form.querySelector('button[type="submit"]');
  // one id per page view: a retry after a network failure is recognised as the same submission
  var submissionId = newId();
  var params = new URLSearchParams(window.location.search);
  var framed = window.parent !== window;

  if (framed) {
    // inside the website widget: Escape closes the widget, wherever the focus is
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { window.parent.postMessage({ waymark: 'close' }, '*'); }
    });
  }

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') { return window.crypto.randomUUID(); }
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function valueOf(fieldset) {
    var kind = fieldset.getAttribute('data-kind');
    var checked;
    if (kind === 'nps' || kind === 'csat' || kind === 'ces') {
      checked = fieldset.querySelector('input:checked');
      return checked ? parseInt(checked.value, 10) : null;
    }
    if (kind === 'single-choice') {
      checked = fieldset.querySelector('input:checked');
      return checked ? checked.value : null;
    }
    if (kind === 'multi-choice') {
      var values = Array.prototype.map.call(fieldset.querySelectorAll('input:checked'), function (i) { return i.value; });
      return values.length ? values : null;
    }
    var text = fieldset.querySelector('textarea').value.trim();
    return text ? text : null;
  }

  function clearErrors() {
    errors.hidden = true;
    errors.textContent = '';
    Array.prototype.forEach.call(form.querySelectorAll('fieldset.invalid'), function (fieldset) {
      fieldset.classList.remove('invalid');
      var message = document.getElementById(fieldset.id + '-error');
      message.hidden = true;
      message.textContent = '';
      setDescribedBy(fieldset, false);
    });
  }

  function setDescribedBy(fieldset, withError) {
    var ids = (fieldset.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
      return id && id !== fieldset.id + '-error';
    });
    if (withError) { ids.unshift(fieldset.id + '-error'); }
    if (ids.length) { fieldset.setAttribute('aria-describedby', ids.join(' ')); } else { fieldset.removeAttribute('aria-describedby'); }
  }

  function markInvalid(fieldset, text) {
    fieldset.classList.add('invalid');
    var message = document.getElementById(fieldset.id + '-error');
    message.textContent = text;
    message.hidden = false;
    setDescribedBy(fieldset, true);
  }

  function showErrors(lines) {
    errors.textContent = '';
    var list = document.createElement('ul');
    lines.forEach(function (line) {
      var item = document.createElement('li');
      item.textContent = line;
      list.appendChild(item);
    });
    errors.appendChild(list);
    errors.hidden = false;
    errors.focus();
  }

  function busy(on) {
    button.disabled = on;
    status.textContent = on ? form.getAttribute('data-msg-sending') : '';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors();
    var answers = [];
    var missing = [];
    Array.prototype.forEach.call(form.querySelectorAll('fieldset[data-question]'), function (fieldset) {
      var value = valueOf(fieldset);
      if (value === null) {
        if (fieldset.getAttribute('data-required') === 'true') { missing.push(fieldset); }
        return;
      }
      answers.push({ questionId: fieldset.getAttribute('data-question'), value: value });
    });
    if (missing.length) {
      var required = form.getAttribute('data-msg-required');
      missing.forEach(function (fieldset) { markInvalid(fieldset, required); });
      showErrors(missing.map(function (fieldset) {
        return fieldset.querySelector('legend').textContent.replace(/\s*\*$/, '') + ': ' + required;
      }));
      return;
    }
    var body = { submissionId: submissionId, answers: answers, lang: form.getAttribute('data-lang'), context: {} };
    if (params.get('segment')) { body.context.segment = params.get('segment'); }
    if (params.get('channel')) { body.context.channel = params.get('channel'); }
    if (framed && document.referrer) { body.context.url = document.referrer; }
    busy(true);
    fetch(form.getAttribute('data-endpoint'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      credentials: 'omit',
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 202) {
        form.hidden = true;
        thanks.hidden = false;
        thanks.focus();
        return;
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        busy(false);
        var lines = (problem.errors || []).map(function (e) { return e.message; });
        showErrors(lines.length ? lines : [problem.detail || form.getAttribute('data-msg-failed')]);
      });
    }).catch(function () {
      busy(false);
      showErrors([form.getAttribute('data-msg-failed')]);
    });
  });
})();
