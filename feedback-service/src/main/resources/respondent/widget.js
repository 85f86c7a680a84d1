/* Waymark survey widget: <script src=".../public/widget.js" data-survey="TOKEN" async></script>
   Optional attributes: data-label (button text), data-segment, data-channel. */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[data-survey]');
  if (!script) { return; }
  var token = script.getAttribute('data-survey') || '';
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) { return; }
  var origin = new URL(script.src, window.location.href).origin;
  var label = script.getAttribute('data-label') || 'Feedback';
  var query = new URLSearchParams();
  if (navigator.language) { query.set('lang', navigator.language); }
  ['segment', 'channel'].forEach(function (name) {
    var value = script.getAttribute('data-' + name);
    if (value) { query.set(name, value); }
  });
  var src = origin + '/public/s/' + encodeURIComponent(token) + '?' + query.toString();

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-haspopup', 'dialog');
  button.style.cssText = 'position:fixed;right:1rem;bottom:1rem;z-index:2147483646;padding:.75rem 1.25rem;'
    + 'font:600 1rem/1.2 system-ui,sans-serif;color:#fff;background:#1d4ed8;border:0;border-radius:999px;'
    + 'box-shadow:0 2px 8px rgba(0,0,0,.25);cursor:pointer;min-height:44px';

  // the workspace's branding (public survey definition); the defaults above stay if it cannot be read
  if (window.fetch) {
    fetch(origin + '/public/api/surveys/' + encodeURIComponent(token), { credentials: 'omit' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (survey) {
        var branding = survey && survey.branding;
        var colour = /^#[0-9a-f]{6}$/;
        if (branding && colour.test(branding.primaryColor || '')) {
          button.style.background = branding.primaryColor;
          button.style.color = onColour(branding.primaryColor);
        }
        if (branding && colour.test(branding.accentColor || '')) {
          button.style.outlineColor = branding.accentColor;
        }
        if (branding && branding.senderName && !script.getAttribute('data-label')) {
          button.setAttribute('aria-label', label + ' \u2013 ' + branding.senderName);
        }
      })
      .catch(function () { /* keep the default look */ });
  }

  // white on dark colours, near-black on light ones (WCAG relative luminance)
  function onColour(hex) {
    var l = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2] < 0.18 ? '#fff' : '#1a1a1a';
  }

  var overlay = null;

  function close() {
    if (!overlay) { return; }
    document.removeEventListener('keydown', onKey);
    overlay.parentNode.removeChild(overlay);
    overlay = null;
    button.focus();
  }

  function onKey(event) {
    if (event.key === 'Escape') { close(); }
  }

  function open() {
    if (overlay) { return; }
    overlay = document.createElement('div');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', label);
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.5);display:flex;'
      + 'align-items:center;justify-content:center;padding:1rem';
    var panel = document.createElement('div');
    panel.style.cssText = 'position:relative;width:100%;max-width:40rem;height:min(90vh,46rem);background:#fff;'
      + 'border-radius:.75rem;overflow:hidden';
    var closer = document.createElement('button');
    closer.type = 'button';
    closer.setAttribute('aria-label', 'Close');
    closer.textContent = '\u00d7';
    closer.style.cssText = 'position:absolute;top:.25rem;right:.25rem;width:44px;height:44px;font:700 1.5rem/1 '
      + 'system-ui,sans-serif;background:#fff;color:#1a1a1a;border:0;border-radius:50%;cursor:pointer';
    closer.addEventListener('click', close);
    var frame = document.createElement('iframe');
    frame.title = label;
    frame.src = src;
    frame.style.cssText = 'width:100%;height:100%;border:0';
    panel.appendChild(frame);
    panel.appendChild(closer);
    overlay.appendChild(panel);
    overlay.addEventListener('click', function (event) { if (event.target === overlay) { close(); } });
    document.addEventListener('keydown', onKey);
    document.body.appendChild(overlay);
    closer.focus();
  }

  // the survey page asks to close (Escape pressed inside the frame)
  window.addEventListener('message', function (event) {
    if (event.origin === origin && event.data && event.data.waymark === 'close') { close(); }
  });
  button.addEventListener('click', open);
  function mount() { document.body.appendChild(button); }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
