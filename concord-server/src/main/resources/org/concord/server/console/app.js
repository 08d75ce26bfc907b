'use strict';
// Concord console: one page, hash routes, the REST API only. No framework, no build step.
// Text from the server always goes into the page as text (textContent), never as markup.

const app = {
  csrf: null,
  user: null,
  status: null,
  page: null,
  events: null,
};

// ---- small helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function age(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return s + 's';
  if (s < 3600) return Math.floor(s / 60) + 'm' + (s % 60 ? ' ' + (s % 60) + 's' : '');
  if (s < 86400) return Math.floor(s / 3600) + 'h' + (Math.floor(s % 3600 / 60) ? ' ' + Math.floor(s % 3600 / 60) + 'm' : '');
  return Math.floor(s / 86400) + 'd' + (Math.floor(s % 86400 / 3600) ? ' ' + Math.floor(s % 86400 / 3600) + 'h' : '');
}

function when(iso) {
  if (!iso) return h('span', { class: 'muted', text: '–' });
  const t = new Date(iso);
  const ago = (Date.now() - t.getTime()) / 1000;
  const text = ago >= 0 ? age(ago) + ' ago' : 'in ' + age(-ago);
  return h('time', { datetime: iso, title: t.toLocaleString(), text: text });
}

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : (many || one + 's'));
}

let toastTimer = null;
function toast(message, bad) {
  const t = document.getElementById('toast');
  t.textContent = message;
  t.className = 'toast' + (bad ? ' bad' : '');
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, bad ? 7000 : 3500);
}

// ---- the API

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = app.csrf || '';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method: method,
    headers: headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    location.replace('/login');
    throw new Error('logged out');
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || ('HTTP ' + response.status));
  return data;
}

async function act(button, work, done) {
  button.disabled = true;
  try {
    const result = await work();
    if (done) toast(typeof done === 'function' ? done(result) : done);
    return result;
  } catch (e) {
    toast(e.message, true);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

// ---- routing

const routes = [
  { re: /^$/, nav: 'dashboard', view: dashboard },
  { re: /^errors$/, nav: 'errors', view: errorsPage },
  { re: /^conflicts$/, nav: 'conflicts', view: conflictsPage },
  { re: /^conflicts\/(\d+)$/, nav: 'conflicts', view: conflictPage },
  { re: /^items(?:\/(.+))?$/, nav: 'items', view: itemsPage },
  { re: /^users$/, nav: 'users', view: usersPage },
  { re: /^mail$/, nav: 'mail', view: mailPage },
];

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  return { path: path || '', params: new URLSearchParams(query || '') };
}

async function render() {
  const { path, params } = parseHash();
  const route = routes.find(r => r.re.test(path)) || routes[0];
  const match = path.match(route.re) || [];
  document.querySelectorAll('[data-nav]').forEach(a => {
    if (a.dataset.nav === route.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const main = document.getElementById('main');
  app.page = { name: route.nav, refresh: null, gen: (app.page ? app.page.gen : 0) + 1 };
  main.replaceChildren(h('p', { class: 'muted', text: 'Loading…' }));
  try {
    await route.view(main, match.slice(1), params);
  } catch (e) {
    if (e.message !== 'logged out') {
      main.replaceChildren(h('div', { class: 'empty' }, h('p', { text: 'Could not load this page: ' + e.message }),
        h('button', { type: 'button', onclick: render }, 'Try again')));
    }
  }
}

function go(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

// ---- live status (server-sent events)

function connectEvents() {
  const live = document.getElementById('live');
  const es = new EventSource('/api/events');
  app.events = es;
  es.addEventListener('open', () => { live.textContent = 'live'; live.classList.add('on'); });
  es.addEventListener('error', () => { live.textContent = 'reconnecting…'; live.classList.remove('on'); });
  es.addEventListener('status', (e) => {
    app.status = JSON.parse(e.data);
    live.textContent = 'live';
    live.classList.add('on');
    onStatus(app.status);
  });
  es.addEventListener('transition', (e) => {
    const t = JSON.parse(e.data);
    toast(t.up ? 'System ' + t.system + ' is up again.' : 'System ' + t.system + ' is down: ' + t.reason, !t.up);
  });
}

function onStatus(status) {
  const errors = document.getElementById('nav-errors');
  errors.hidden = status.errors === 0;
  errors.textContent = status.errors;
  const conflicts = document.getElementById('nav-conflicts');
  conflicts.hidden = status.openConflicts === 0;
  conflicts.textContent = status.openConflicts;
  if (app.page && app.page.name === 'dashboard' && app.page.update) app.page.update(status);
}

// ---- dashboard

async function dashboard(main) {
  const status = app.status || await api('GET', '/api/status');
  const summary = h('div', { class: 'summary', id: 'summary' });
  const cards = h('div', { class: 'cards', id: 'cards' });
  main.replaceChildren(
    h('div', { class: 'page-head' }, h('h1', { text: 'Systems' }), summary),
    cards);
  const update = (s) => {
    const down = s.systems.filter(x => x.state === 'down').length;
    const paused = s.systems.filter(x => x.state === 'paused').length;
    summary.replaceChildren(
      h('span', {}, h('strong', { text: down === 0 ? 'All systems up' : plural(down, 'system') + ' down' }),
        paused ? ' · ' + paused + ' paused' : ''),
      h('span', {}, h('strong', { text: String(s.pending) }), ' pending'),
      h('a', { href: '#/errors' }, h('strong', { text: String(s.errors) }), ' sync ' + (s.errors === 1 ? 'error' : 'errors')),
      h('a', { href: '#/conflicts' }, h('strong', { text: String(s.openConflicts) }), ' open ' + (s.openConflicts === 1 ? 'conflict' : 'conflicts')));
    for (const sys of s.systems) {
      let card = cards.querySelector('[data-system="' + CSS.escape(sys.name) + '"]');
      if (!card) {
        card = systemCard(sys.name);
        cards.append(card);
      }
      fillCard(card, sys);
    }
  };
  app.page.update = update;
  app.page.refresh = async () => update(await api('GET', '/api/status'));
  update(status);
}

function systemCard(name) {
  const card = h('article', { class: 'card', dataset: { system: name }, 'aria-label': 'System ' + name });
  const pause = h('button', { type: 'button', class: 'pause' });
  pause.addEventListener('click', () => {
    const paused = card.dataset.state === 'paused';
    act(pause, () => api('POST', '/api/systems/' + encodeURIComponent(name) + (paused ? '/resume' : '/pause')),
      paused ? name + ' resumed' : name + ' paused').then(sys => { if (sys) fillCard(card, sys); });
  });
  const resync = h('button', { type: 'button', class: 'resync', text: 'Resync',
    title: 'Read the whole system again and reconcile' });
  resync.addEventListener('click', () => act(resync,
    () => api('POST', '/api/systems/' + encodeURIComponent(name) + '/resync'), r => r.message));
  const retry = h('button', { type: 'button', class: 'retry', text: 'Retry now',
    title: 'Deliver what is waiting for a retry now' });
  retry.addEventListener('click', () => act(retry,
    () => api('POST', '/api/systems/' + encodeURIComponent(name) + '/retry'), r => r.message));
  card.append(
    h('div', { class: 'card-head' }, h('h2', { text: name }), h('span', { class: 'badge state' })),
    h('div', { class: 'muted small kind' }),
    h('div', { class: 'small since' }),
    h('dl', { class: 'figures' },
      h('div', {}, h('dt', { text: 'Lag' }), h('dd', { class: 'lag' })),
      h('div', {}, h('dt', { text: 'Pending' }), h('dd', { class: 'pending' })),
      h('div', {}, h('dt', { text: 'Errors' }), h('dd', { class: 'errors' })),
      h('div', {}, h('dt', { text: 'Items' }), h('dd', { class: 'items' }))),
    h('p', { class: 'reason', hidden: true }),
    h('div', { class: 'actions' }, pause, resync, retry));
  return card;
}

function fillCard(card, sys) {
  card.dataset.state = sys.state;
  const badge = card.querySelector('.state');
  badge.className = 'badge state ' + sys.state;
  badge.textContent = sys.state;
  card.querySelector('.kind').textContent = sys.kind + ' · ' + sys.types.join(', ');
  const since = card.querySelector('.since');
  const held = h('time', { datetime: sys.since, title: new Date(sys.since).toLocaleString(),
    text: age((Date.now() - new Date(sys.since).getTime()) / 1000) });
  since.replaceChildren(sys.state === 'down' ? 'Down for ' : sys.state === 'paused' ? 'Paused; ' + (sys.up ? 'up' : 'down') + ' for ' : 'Up for ', held);
  card.querySelector('.lag').textContent = sys.pending ? age(sys.lagSeconds) : '–';
  card.querySelector('.pending').textContent = sys.pending;
  const errors = card.querySelector('.errors');
  errors.replaceChildren(sys.errors ? h('a', { href: '#/errors?system=' + encodeURIComponent(sys.name), text: String(sys.errors) }) : '0');
  errors.classList.toggle('bad', sys.errors > 0);
  card.querySelector('.items').textContent = sys.items;
  const reason = card.querySelector('.reason');
  reason.hidden = !sys.reason || sys.state === 'up';
  reason.textContent = sys.reason || '';
  const pause = card.querySelector('.pause');
  pause.textContent = sys.paused ? 'Resume' : 'Pause';
  pause.title = sys.paused ? 'Sync this system again' : 'Stop reading from and writing to this system; what it misses waits';
}

// ---- sync errors

async function errorsPage(main, _, params) {
  const status = app.status || await api('GET', '/api/status');
  const system = h('select', { id: 'f-system', name: 'system' }, h('option', { value: '', text: 'All systems' }),
    status.systems.map(s => h('option', { value: s.name, text: s.name })));
  const phase = h('select', { id: 'f-phase', name: 'phase' }, h('option', { value: '', text: 'Read and write' }),
    h('option', { value: 'read', text: 'Read' }), h('option', { value: 'write', text: 'Write' }));
  const q = h('input', { id: 'f-q', name: 'q', type: 'search', placeholder: 'object, item or reason', 'data-search': true });
  system.value = params.get('system') || '';
  phase.value = params.get('phase') || '';
  q.value = params.get('q') || '';
  const list = h('div', { id: 'error-list' });
  const form = h('form', { class: 'filters', role: 'search' },
    h('div', {}, h('label', { for: 'f-system', text: 'System' }), system),
    h('div', {}, h('label', { for: 'f-phase', text: 'Phase' }), phase),
    h('div', {}, h('label', { for: 'f-q', text: 'Contains' }), q),
    h('button', { type: 'submit', text: 'Filter' }));
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  system.addEventListener('change', load);
  phase.addEventListener('change', load);
  main.replaceChildren(h('div', { class: 'page-head' }, h('h1', { text: 'Sync errors' }),
    h('span', { class: 'muted', text: 'Objects that could not be read, converted or written. The rest goes on.' })), form, list);

  const page = app.page;
  async function load() {
    // A reload scheduled by a retry may fire after the admin moved on: it must not pull them back.
    if (app.page !== page) return;
    const query = new URLSearchParams();
    if (system.value) query.set('system', system.value);
    if (phase.value) query.set('phase', phase.value);
    if (q.value.trim()) query.set('q', q.value.trim());
    history.replaceState(null, '', '#/errors' + (query.toString() ? '?' + query : ''));
    const errors = await api('GET', '/api/errors?' + query);
    if (errors.length === 0) {
      list.replaceChildren(h('div', { class: 'empty', text: 'No sync errors' + (query.toString() ? ' match.' : '. Everything syncs.') }));
      return;
    }
    list.replaceChildren(h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
      h('thead', {}, h('tr', {}, ['System', 'Phase', 'Object', 'Reason', 'Last', 'Count', ''].map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, errors.map(errorRow)))));
  }

  function errorRow(e) {
    const retry = h('button', { type: 'button', class: 'retry', text: 'Retry' });
    const dismiss = h('button', { type: 'button', class: 'dismiss quiet', text: 'Dismiss',
      title: 'Forget this error; it comes back if the object fails again' });
    const row = h('tr', { dataset: { errorId: e.id } },
      h('td', { 'data-label': 'System', text: e.system }),
      h('td', { 'data-label': 'Phase', text: e.phase }),
      h('td', { 'data-label': 'Object', class: 'mono' }, e.item ? h('a', { href: '#/items/' + encodeURIComponent(e.item), text: e.object }) : e.object),
      h('td', { 'data-label': 'Reason', class: 'message', text: e.message }),
      h('td', { 'data-label': 'Last' }, when(e.last)),
      h('td', { 'data-label': 'Count', class: 'num', text: String(e.count) }),
      h('td', {}, h('div', { class: 'actions' }, retry, dismiss)));
    retry.addEventListener('click', async () => {
      const ok = await act(retry, () => api('POST', '/api/errors/' + e.id + '/retry'), 'Retrying ' + e.object + '…');
      if (ok) setTimeout(load, 1500);
    });
    dismiss.addEventListener('click', async () => {
      const ok = await act(dismiss, () => api('DELETE', '/api/errors/' + e.id).then(() => true), 'Dismissed');
      if (ok) row.remove();
    });
    return row;
  }

  app.page.refresh = load;
  await load();
}

// ---- conflicts

async function conflictsPage(main, _, params) {
  const all = params.get('all') === '1';
  const conflicts = await api('GET', '/api/conflicts?open=' + !all);
  const tabs = h('div', { class: 'actions' },
    h('a', { class: 'button', href: '#/conflicts', 'aria-current': all ? null : 'page', text: 'Held for you' }),
    h('a', { class: 'button', href: '#/conflicts?all=1', 'aria-current': all ? 'page' : null, text: 'All' }));
  let body;
  if (conflicts.length === 0) {
    body = h('div', { class: 'empty', text: all ? 'No conflicts yet.' : 'No conflict is waiting for you.' });
  } else {
    body = h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
      h('thead', {}, h('tr', {}, ['When', 'Item', 'Changed in', 'Raced with', 'Policy', 'Decision', ''].map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, conflicts.map(c => h('tr', { dataset: { conflictId: c.id } },
        h('td', { 'data-label': 'When' }, when(c.at)),
        h('td', { 'data-label': 'Item', class: 'mono' }, h('a', { href: '#/items/' + encodeURIComponent(c.item), text: c.item.slice(0, 8) + '…' })),
        h('td', { 'data-label': 'Changed in', text: c.system }),
        h('td', { 'data-label': 'Raced with', text: c.otherOrigin }),
        h('td', { 'data-label': 'Policy', text: c.policy }),
        h('td', { 'data-label': 'Decision', class: 'message', text: c.decision }),
        h('td', {}, h('a', { class: 'button' + (c.open ? ' open-conflict' : ''), href: '#/conflicts/' + c.id, text: c.open ? 'Resolve' : 'View' })))))));
  }
  main.replaceChildren(h('div', { class: 'page-head' }, h('h1', { text: 'Conflicts' }), tabs), body);
  app.page.refresh = render;
}

function pretty(value) {
  if (value === null || value === undefined) return h('span', { class: 'absent', text: 'not set' });
  if (typeof value === 'string') return h('span', { text: value });
  return h('pre', { text: JSON.stringify(value, null, 2) });
}

async function conflictPage(main, [id]) {
  const d = await api('GET', '/api/conflicts/' + id);
  const c = d.conflict;
  const label = titleOf(d);
  const meta = h('dl', { class: 'conflict-meta' },
    h('dt', { text: 'Item' }), h('dd', { class: 'mono' }, h('a', { href: '#/items/' + encodeURIComponent(c.item), text: c.item })),
    h('dt', { text: 'Changed in' }), h('dd', { text: c.system }),
    h('dt', { text: 'Raced with a change from' }), h('dd', { text: c.otherOrigin }),
    h('dt', { text: 'Policy' }), h('dd', { text: c.policy }),
    h('dt', { text: 'When' }), h('dd', {}, when(c.at)),
    h('dt', { text: 'State' }), h('dd', {}, h('span', { class: 'badge ' + (c.open ? 'open' : 'closed'), text: c.open ? 'held' : 'decided' }), ' ', c.decision));
  const head = h('div', { class: 'page-head' },
    h('h1', { text: 'Conflict ' + c.id + (label ? ': ' + label : '') }),
    h('a', { href: '#/conflicts', text: 'All conflicts' }));
  if (!d.resolvable) {
    main.replaceChildren(head, meta, h('div', { class: 'empty', text: c.open
      ? 'The versions of this conflict are no longer held.'
      : 'Decided: ' + c.decision + '. Nothing left to do.' }));
    return;
  }
  const systems = d.systems;
  const onlyDiff = h('input', { type: 'checkbox', id: 'only-diff', checked: true });
  const table = h('table', { class: 'diff stack', id: 'diff' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Field' }), systems.map(s => h('th', { scope: 'col', text: 'Version from ' + s })))),
    h('tbody', {}, d.fields.map(f => h('tr', { class: f.same ? 'same' : 'differs', dataset: { field: f.name }, hidden: f.same },
      h('td', { class: 'field', text: f.name }),
      systems.map((s, i) => h('td', { 'data-label': s },
        f.same ? pretty(f.values[s]) : h('label', { class: 'choice' },
          h('input', { type: 'radio', name: 'pick-' + f.name, value: s, checked: i === 0, 'aria-label': 'Use ' + s + "'s " + f.name }),
          pretty(f.values[s]))))))));
  onlyDiff.addEventListener('change', () => {
    table.querySelectorAll('tr.same').forEach(tr => { tr.hidden = onlyDiff.checked; });
  });
  const differing = d.fields.filter(f => !f.same).length;

  const resolveWith = async (button, body, what) => {
    const result = await act(button, () => api('POST', '/api/conflicts/' + c.id + '/resolve', body), 'Conflict resolved: ' + what);
    if (result) render();
  };
  const keepButtons = systems.map(s => {
    const b = h('button', { type: 'button', class: 'keep', dataset: { keep: s }, text: 'Keep ' + s + "'s version" });
    b.addEventListener('click', () => resolveWith(b, { keep: s }, 'kept ' + s + "'s version"));
    return b;
  });
  const merged = () => {
    const out = {};
    for (const f of d.fields) {
      let from = systems[0];
      if (!f.same) {
        const picked = table.querySelector('input[name="' + CSS.escape('pick-' + f.name) + '"]:checked');
        if (picked) from = picked.value;
      }
      const v = f.values[from];
      if (v !== null && v !== undefined) out[f.name] = v;
    }
    return out;
  };
  const saveChoices = h('button', { type: 'button', class: 'primary', id: 'save-choices', text: 'Save my field choices' });
  saveChoices.addEventListener('click', () => resolveWith(saveChoices, { edited: merged() }, 'saved the chosen fields'));
  const editor = h('textarea', { id: 'edited-json', spellcheck: 'false', 'aria-label': 'Edited version as JSON' });
  const saveEdited = h('button', { type: 'button', id: 'save-edited', text: 'Save this version' });
  saveEdited.addEventListener('click', () => {
    let edited;
    try {
      edited = JSON.parse(editor.value);
    } catch (e) {
      toast('Not valid JSON: ' + e.message, true);
      return;
    }
    resolveWith(saveEdited, { edited: edited }, 'saved the edited version');
  });
  const details = h('details', {}, h('summary', { text: 'Edit the version by hand (JSON)' }),
    h('p', { class: 'muted small', text: 'Starts from your field choices above. The result replaces the item in every system.' }),
    editor, h('div', { class: 'resolve-bar' }, saveEdited));
  details.addEventListener('toggle', () => { if (details.open) editor.value = JSON.stringify(merged(), null, 2); });

  main.replaceChildren(head, meta,
    h('p', {}, differing === 0 ? 'Both versions have the same content.' :
      plural(differing, 'field differs', 'fields differ') + '. Pick a side per field and save, or keep one version as a whole.'),
    h('label', { class: 'toggle' }, onlyDiff, 'Show only the fields that differ'),
    h('div', { class: 'table-wrap' }, table),
    h('div', { class: 'resolve-bar' }, saveChoices, keepButtons),
    details);
}

function titleOf(d) {
  for (const s of d.systems) {
    const v = d.versions[s] || {};
    if (typeof v.title === 'string' && v.title) return v.title;
    if (v.name && typeof v.name.full === 'string' && v.name.full) return v.name.full;
  }
  return '';
}

// ---- items

async function itemsPage(main, [globalId], params) {
  const status = app.status || await api('GET', '/api/status');
  const idInput = h('input', { id: 'item-id', name: 'id', placeholder: 'global id', class: 'mono', 'data-search': true, size: 38 });
  const system = h('select', { id: 'item-system' }, status.systems.map(s => h('option', { value: s.name, text: s.name })));
  const nativeId = h('input', { id: 'item-native', placeholder: 'native id in that system', class: 'mono', size: 30 });
  const result = h('div', { id: 'item-result' });
  const byId = h('form', { class: 'filters', role: 'search' },
    h('div', {}, h('label', { for: 'item-id', text: 'By global id' }), idInput), h('button', { type: 'submit', text: 'Find' }));
  const byNative = h('form', { class: 'filters', role: 'search' },
    h('div', {}, h('label', { for: 'item-system', text: 'Or by system' }), system),
    h('div', {}, h('label', { for: 'item-native', text: 'and native id' }), nativeId), h('button', { type: 'submit', text: 'Find' }));
  byId.addEventListener('submit', (e) => {
    e.preventDefault();
    if (idInput.value.trim()) go('#/items/' + encodeURIComponent(idInput.value.trim()));
  });
  byNative.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!nativeId.value.trim()) return;
    const q = new URLSearchParams({ system: system.value, nativeId: nativeId.value.trim() });
    show(() => api('GET', '/api/items?' + q));
  });
  main.replaceChildren(h('div', { class: 'page-head' }, h('h1', { text: 'Items' }),
    h('span', { class: 'muted', text: 'Where an item lives in every system, what is pending for it, and what happened to it.' })),
    byId, byNative, result);

  async function show(load) {
    try {
      const item = await load();
      result.replaceChildren(itemView(item));
    } catch (e) {
      result.replaceChildren(h('div', { class: 'empty', text: e.message }));
    }
  }
  if (globalId) {
    idInput.value = decodeURIComponent(globalId);
    await show(() => api('GET', '/api/items/' + encodeURIComponent(decodeURIComponent(globalId))));
  }
}

function itemView(item) {
  return h('div', { class: 'item' },
    h('h2', {}, item.type + ' ', h('span', { class: 'mono', text: item.id })),
    h('p', { class: 'muted' }, 'User ' + item.user + (item.uid ? ' · UID ' + item.uid : '') + ' · known since ', when(item.createdAt)),
    h('section', {}, h('h3', { text: 'Where it lives' }),
      item.links.length === 0 ? h('p', { class: 'muted', text: 'In no system yet.' }) :
        h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
          h('thead', {}, h('tr', {}, ['System', 'Native id', 'Version', 'User there', 'Synced'].map(t => h('th', { scope: 'col', text: t })))),
          h('tbody', {}, item.links.map(l => h('tr', {},
            h('td', { 'data-label': 'System', text: l.system }),
            h('td', { 'data-label': 'Native id', class: 'mono', text: l.nativeId }),
            h('td', { 'data-label': 'Version', class: 'mono', text: l.version }),
            h('td', { 'data-label': 'User there', text: l.user }),
            h('td', { 'data-label': 'Synced' }, when(l.syncedAt)))))))),
    h('section', {}, h('h3', { text: 'Pending' }),
      item.pending.length === 0 ? h('p', { class: 'muted', text: 'Nothing waits: every system has the latest version.' }) :
        h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
          h('thead', {}, h('tr', {}, ['For', 'Change', 'From', 'Queued', 'Attempts', 'Last error'].map(t => h('th', { scope: 'col', text: t })))),
          h('tbody', {}, item.pending.map(p => h('tr', {},
            h('td', { 'data-label': 'For', text: p.target }),
            h('td', { 'data-label': 'Change', text: p.op }),
            h('td', { 'data-label': 'From', text: p.origin }),
            h('td', { 'data-label': 'Queued' }, when(p.enqueuedAt)),
            h('td', { 'data-label': 'Attempts', class: 'num', text: String(p.attempts) }),
            h('td', { 'data-label': 'Last error', class: 'message', text: p.lastError || '' }))))))),
    h('section', {}, h('h3', { text: 'History' }),
      item.history.length === 0 ? h('p', { class: 'muted', text: 'No history kept.' }) :
        h('ol', { class: 'timeline' }, item.history.map(e => h('li', { class: e.action },
          h('strong', { text: e.action }), ' · ' + e.system + ' · ', when(e.at), h('div', { class: 'small', text: e.detail }))))));
}

// ---- users

async function usersPage(main) {
  const map = await api('GET', '/api/users');
  const body = map.users.length === 0
    ? h('div', { class: 'empty', text: 'No user is mapped: every user has the same name in every system.' })
    : h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'User' }), map.systems.map(s => h('th', { scope: 'col', text: s })))),
      h('tbody', {}, map.users.map(u => h('tr', {},
        h('th', { scope: 'row', text: u.user }),
        map.systems.map(s => h('td', { 'data-label': s, class: u.names[s] === u.user ? 'muted' : '', text: u.names[s] })))))));
  main.replaceChildren(h('div', { class: 'page-head' }, h('h1', { text: 'User map' }),
    h('span', { class: 'muted', text: 'Each user\u2019s name in every system; ' + map.rule + '.' })), body);
}

// ---- keyboard

function keyboard() {
  let pendingG = false;
  let gTimer = null;
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) {
      if (e.key === 'Escape') t.blur();
      return;
    }
    // A dialog (the archive dialog, this help) keeps its keys to itself.
    if (document.querySelector('dialog[open]')) return;
    if (pendingG) {
      pendingG = false;
      clearTimeout(gTimer);
      const target = { d: '#/', e: '#/errors', c: '#/conflicts', i: '#/items', u: '#/users', m: '#/mail' }[e.key];
      if (target) {
        e.preventDefault();
        go(target);
        document.getElementById('main').focus();
      }
      return;
    }
    if (e.key === 'g') {
      pendingG = true;
      gTimer = setTimeout(() => { pendingG = false; }, 1200);
    } else if (e.key === '/') {
      const search = document.querySelector('[data-search]');
      if (search) {
        e.preventDefault();
        search.focus();
      }
    } else if (e.key === 'r') {
      if (app.page && app.page.refresh) app.page.refresh();
      else render();
    } else if (e.key === '?') {
      document.getElementById('help').showModal();
    } else if (app.page && app.page.keys && !(t instanceof HTMLButtonElement && e.key === 'Enter') && app.page.keys(e)) {
      e.preventDefault();
    }
  });
}

// ---- start

async function start() {
  let session;
  try {
    session = await api('GET', '/api/session');
  } catch (e) {
    return;
  }
  app.csrf = session.csrfToken;
  app.user = session.user;
  document.getElementById('user-name').textContent = session.user;
  if (document.body.dataset.popup === 'archive') {
    // The webmail's pop-up: the archive dialog for one message, nothing else.
    await archivePopup();
    return;
  }
  document.getElementById('logout').addEventListener('click', async () => {
    try {
      await api('DELETE', '/api/session');
    } finally {
      location.replace('/login');
    }
  });
  keyboard();
  window.addEventListener('hashchange', render);
  connectEvents();
  await render();
}

start();
