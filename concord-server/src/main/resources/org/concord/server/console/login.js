'use strict';
// The login page: posts the user and password as JSON and, once the session cookie is set, opens the console.
(function () {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  const submit = document.getElementById('login-submit');
  // Where to go after login: a page of this server only (the webmail's archive pop-up comes back to its message).
  const asked = new URLSearchParams(location.search).get('next') || '/';
  const next = /^\/(?![\/\\])[^\\\s]*$/.test(asked) ? asked : '/';

  // A session cookie is not sent when another site opens a page of ours (SameSite=Strict), but it is
  // on this request: a browser already logged in goes straight on.
  fetch('/api/session', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(r => { if (r.ok) location.replace(next); })
    .catch(() => {});

  function show(message) {
    error.textContent = message;
    error.hidden = false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const user = form.user.value.trim();
    const password = form.password.value;
    if (!user || !password) {
      show('Enter your user name and password.');
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Logging in…';
    try {
      const response = await fetch('/api/session', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ user: user, password: password })
      });
      if (response.ok) {
        location.replace(next);
        return;
      }
      const body = await response.json().catch(() => ({}));
      show(response.status === 401 ? 'Wrong user or password.' : (body.error || 'Login failed (HTTP ' + response.status + ').'));
      form.password.select();
    } catch (e) {
      show('The agent does not answer. Is it running?');
    } finally {
      submit.disabled = false;
      submit.textContent = 'Log in';
    }
  });
})();
