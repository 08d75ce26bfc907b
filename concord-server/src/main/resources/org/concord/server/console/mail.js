'use strict';
// Mail: browse a user's mailbox and archive a message to records of the systems that file e-mail.
// Used by the console's Mail page (#/mail) and by the webmail's pop-up (/archive?system=…&user=…&folder=…&uid=…).
// Loaded before app.js, whose helpers (h, api, act, toast, when) it uses once the page runs.

function size(n) {
  if (n < 1024) return n + ' B';
  if (n < 1048576) return (n / 1024).toFixed(n < 10240 ? 1 : 0) + ' KB';
  return (n / 1048576).toFixed(n < 10485760 ? 1 : 0) + ' MB';
}

/** A message's date as a reader expects it: the local date and time (how long ago in the tooltip). */
function mailDate(iso) {
  if (!iso) return h('span', { class: 'muted', text: '–' });
  const t = new Date(iso);
  const ago = when(iso).textContent;
  return h('time', { datetime: iso, title: ago, text: t.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) });
}

function query(params) {
  return new URLSearchParams(params).toString();
}

let mailOverview = null;
async function overview() {
  if (!mailOverview) mailOverview = await api('GET', '/api/mail');
  return mailOverview;
}

// ---- the mailbox view

async function mailPage(main, _, params) {
  const ov = await overview();
  const head = h('div', { class: 'page-head' }, h('h1', { text: 'Mail' }),
    h('span', { class: 'muted', text: 'Pick a message and archive it, with the attachments you choose, to records of a CRM.' }));
  if (ov.mailboxes.length === 0) {
    main.replaceChildren(head, h('div', { class: 'empty', text: 'No mail system is configured: add an imap system to the config.' }));
    return;
  }
  const system = h('select', { id: 'm-system', name: 'system' }, ov.mailboxes.map(m => h('option', { value: m, text: m })));
  system.value = ov.mailboxes.includes(params.get('system')) ? params.get('system') : ov.mailboxes[0];
  const user = h('input', { id: 'm-user', name: 'user', list: 'm-users', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'mailbox user', readonly: !ov.you.admin });
  const users = h('datalist', { id: 'm-users' }, ov.users.map(u => h('option', { value: u })));
  const ownName = () => (ov.you.mailboxUser || {})[system.value] || '';
  user.value = ov.you.admin ? (params.get('user') || '') : ownName();
  const form = h('form', { class: 'filters', id: 'mailbox-form' },
    h('div', {}, h('label', { for: 'm-system', text: 'Mail system' }), system),
    h('div', {}, h('label', { for: 'm-user', text: 'User' }), user, users),
    h('button', { type: 'submit', id: 'm-open', text: 'Open' }));
  const folderList = h('ul', { class: 'folders', id: 'folder-list', 'aria-label': 'Folders' });
  const list = h('div', { id: 'message-list' });
  const archiveButton = h('button', { type: 'button', id: 'archive-open', class: 'primary', disabled: true,
    text: 'Archive to\u2026', title: 'Archive the selected message (a or Enter)' });
  const where = h('span', { class: 'muted small', id: 'mail-where' });
  main.replaceChildren(head, form, h('div', { class: 'mail-layout' },
    h('nav', { class: 'folder-pane', 'aria-label': 'Folders' }, folderList),
    h('div', { class: 'mail-pane' },
      h('div', { class: 'mail-toolbar' }, archiveButton, where,
        h('span', { class: 'muted small hint' }, h('kbd', { text: 'j' }), ' ', h('kbd', { text: 'k' }), ' move · ',
          h('kbd', { text: 'a' }), ' archive')),
      list)));

  let folder = params.get('folder') || '';
  let messages = [];
  let selected = -1;
  const page = app.page;

  system.addEventListener('change', () => {
    if (!ov.you.admin) user.value = ownName();
    folder = '';
    open();
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); folder = ''; open(); });
  archiveButton.addEventListener('click', archiveSelected);

  async function open() {
    const name = user.value.trim();
    if (!name) {
      folderList.replaceChildren();
      list.replaceChildren(h('div', { class: 'empty', text: 'Enter the user whose mailbox to open.' }));
      user.focus();
      return;
    }
    list.replaceChildren(h('p', { class: 'muted', text: 'Loading\u2026' }));
    let folders;
    try {
      folders = await api('GET', '/api/mail/' + encodeURIComponent(system.value) + '/folders?' + query({ user: name }));
    } catch (e) {
      folderList.replaceChildren();
      list.replaceChildren(h('div', { class: 'empty', text: e.message }));
      return;
    }
    if (app.page !== page) return;
    const usable = folders.filter(f => f.holdsMessages);
    if (!usable.some(f => f.name === folder)) folder = (usable.find(f => f.name.toUpperCase() === 'INBOX') || usable[0] || {}).name || '';
    folderList.replaceChildren(...usable.map(f => h('li', {}, h('button', { type: 'button', class: 'quiet folder',
      dataset: { folder: f.name }, 'aria-current': f.name === folder ? 'true' : null, text: f.name,
      onclick: () => { folder = f.name; load(); } }))));
    await load();
  }

  async function load() {
    folderList.querySelectorAll('[data-folder]').forEach(b => {
      if (b.dataset.folder === folder) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    });
    history.replaceState(null, '', '#/mail?' + query({ system: system.value, user: user.value.trim(), folder: folder }));
    if (!folder) {
      list.replaceChildren(h('div', { class: 'empty', text: 'This mailbox has no folder with messages.' }));
      return;
    }
    const listing = await api('GET', '/api/mail/' + encodeURIComponent(system.value) + '/messages?' +
      query({ user: user.value.trim(), folder: folder, limit: 200 }));
    if (app.page !== page) return;
    messages = listing.messages;
    selected = -1;
    archiveButton.disabled = true;
    where.textContent = folder + ' · ' + (listing.total > messages.length
      ? 'newest ' + messages.length + ' of ' + listing.total : plural(listing.total, 'message'));
    if (messages.length === 0) {
      list.replaceChildren(h('div', { class: 'empty', text: 'No messages in ' + folder + '.' }));
      return;
    }
    list.replaceChildren(h('div', { class: 'table-wrap' }, h('table', { class: 'stack messages', id: 'messages' },
      h('thead', {}, h('tr', {}, ['From', 'Subject', 'Date', 'Size', 'Attachments'].map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, messages.map(messageRow)))));
  }

  function messageRow(m, i) {
    const row = h('tr', { tabindex: '0', dataset: { uid: m.uid }, 'aria-selected': 'false' },
      h('td', { 'data-label': 'From', class: 'from', text: m.from }),
      h('td', { 'data-label': 'Subject', class: 'subject', text: m.subject || '(no subject)' }),
      h('td', { 'data-label': 'Date', class: 'date' }, mailDate(m.date)),
      h('td', { 'data-label': 'Size', class: 'num', text: size(m.size) }),
      h('td', { 'data-label': 'Attachments', class: 'attachments' },
        m.attachments.map(a => h('span', { class: 'chip', text: a }))));
    row.addEventListener('click', () => select(i));
    row.addEventListener('focus', () => select(i));
    row.addEventListener('dblclick', () => { select(i); archiveSelected(); });
    return row;
  }

  function select(i) {
    if (i < 0 || i >= messages.length) return;
    selected = i;
    list.querySelectorAll('tr[data-uid]').forEach((r, n) => r.setAttribute('aria-selected', n === i ? 'true' : 'false'));
    archiveButton.disabled = false;
  }

  function archiveSelected() {
    if (selected < 0) return;
    const m = messages[selected];
    const ref = { system: system.value, user: user.value.trim(), folder: folder, uid: m.uid };
    archiveDialog(ref, () => {
      const row = list.querySelectorAll('tr[data-uid]')[selected];
      if (row) row.focus();
    });
  }

  app.page.refresh = load;
  app.page.keys = (e) => {
    if (messages.length === 0) return false;
    if (e.key === 'j' || e.key === 'ArrowDown') {
      const next = Math.min(messages.length - 1, selected + 1);
      list.querySelectorAll('tr[data-uid]')[next].focus();
      return true;
    }
    if (e.key === 'k' || e.key === 'ArrowUp') {
      const prev = Math.max(0, selected - 1);
      list.querySelectorAll('tr[data-uid]')[prev].focus();
      return true;
    }
    const onRow = e.target instanceof Element && e.target.closest('tr[data-uid]');
    if ((e.key === 'a' || (e.key === 'Enter' && onRow)) && selected >= 0) {
      archiveSelected();
      return true;
    }
    return false;
  };
  await open();
}

// ---- the archive dialog (a modal in the console, the whole page in the webmail's pop-up)

function archiveDialog(ref, onClosed) {
  const old = document.getElementById('archive-dialog');
  if (old) old.remove();
  const dialog = h('dialog', { id: 'archive-dialog', class: 'archive-dialog', 'aria-labelledby': 'archive-title' });
  document.body.append(dialog);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (onClosed) onClosed();
  });
  dialog.showModal();
  archivePanel(dialog, ref, () => dialog.close());
}

async function archivePanel(box, ref, close) {
  box.replaceChildren(h('p', { class: 'muted', text: 'Reading the message\u2026' }));
  let msg;
  let ov;
  try {
    [msg, ov] = await Promise.all([
      api('GET', '/api/mail/' + encodeURIComponent(ref.system) + '/message?' +
        query({ user: ref.user, folder: ref.folder, uid: ref.uid })),
      overview()]);
  } catch (e) {
    box.replaceChildren(h('h2', { id: 'archive-title', text: 'Archive to\u2026' }),
      h('p', { class: 'form-error', role: 'alert', id: 'archive-error', text: 'The message cannot be read: ' + e.message }),
      close ? h('div', { class: 'actions' }, h('button', { type: 'button', text: 'Close', onclick: close })) : null);
    return;
  }
  const chosen = new Map();
  const known = new Map();
  const keyOf = (r) => r.system + '|' + r.type + '|' + r.id;

  const confirm = h('button', { type: 'button', class: 'primary', id: 'archive-confirm', disabled: true, text: 'Archive' });
  const summary = h('span', { class: 'muted small', id: 'archive-summary', text: 'Choose at least one record.' });
  function updated() {
    confirm.disabled = chosen.size === 0;
    summary.textContent = chosen.size === 0 ? 'Choose at least one record.'
      : 'Files to ' + plural(chosen.size, 'record') + ': ' + [...chosen.values()].map(r => r.label).join(', ');
  }

  function recordItem(r) {
    const key = keyOf(r);
    known.set(key, r);
    const box = h('input', { type: 'checkbox', dataset: { record: key }, checked: chosen.has(key) });
    box.addEventListener('change', () => {
      if (box.checked) chosen.set(key, r);
      else chosen.delete(key);
      document.querySelectorAll('input[data-record]').forEach(x => { if (x.dataset.record === key) x.checked = box.checked; });
      updated();
    });
    return h('li', {}, h('label', { class: 'pick' }, box,
      h('span', {}, h('strong', { text: r.label }), ' ', h('span', { class: 'badge closed', text: r.system + ' · ' + r.type }),
        r.detail ? h('span', { class: 'muted small detail', text: r.detail }) : null)));
  }

  function failures(f) {
    const names = Object.keys(f || {});
    return names.length === 0 ? null
      : h('p', { class: 'form-error small', text: names.map(n => n + ': ' + f[n]).join('; ') });
  }

  // Suggested: records whose e-mail address is the sender's or a recipient's.
  const suggested = h('ul', { class: 'records', id: 'suggested' }, h('li', { class: 'muted', text: 'Looking\u2026' }));
  const addresses = [msg.from, ...msg.to, ...msg.cc].filter(a => a);
  const searching = ov.targets.filter(t => t.search);
  (async () => {
    if (addresses.length === 0 || searching.length === 0) {
      suggested.replaceChildren(h('li', { class: 'muted', text: 'No suggestions: search below.' }));
      return;
    }
    try {
      const found = await api('GET', '/api/records/suggestions?' + query({ mailbox: ref.system, user: ref.user,
        addresses: addresses.join(',') }));
      suggested.replaceChildren(...(found.records.length
        ? found.records.map(recordItem)
        : [h('li', { class: 'muted', text: 'No record has the sender\u2019s or a recipient\u2019s address: search below.' })]));
      const bad = failures(found.failures);
      if (bad) suggested.append(h('li', {}, bad));
    } catch (e) {
      suggested.replaceChildren(h('li', { class: 'form-error', text: e.message }));
    }
  })();

  // Search any system that can.
  const target = h('select', { id: 'archive-system', 'aria-label': 'System to search' },
    h('option', { value: '', text: 'All systems' }), searching.map(t => h('option', { value: t.name, text: t.name })));
  const text = h('input', { id: 'archive-q', type: 'search', placeholder: 'Name, e-mail or company', autocomplete: 'off',
    'aria-label': 'Search records' });
  const results = h('ul', { class: 'records', id: 'search-results' });
  const searchForm = h('form', { class: 'search-row', role: 'search' }, target, text,
    h('button', { type: 'submit', text: 'Search' }));
  searchForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!text.value.trim()) return;
    results.replaceChildren(h('li', { class: 'muted', text: 'Searching\u2026' }));
    try {
      const params = { mailbox: ref.system, user: ref.user, q: text.value.trim() };
      if (target.value) params.system = target.value;
      const found = await api('GET', '/api/records?' + query(params));
      results.replaceChildren(...(found.records.length ? found.records.map(recordItem)
        : [h('li', { class: 'muted', text: 'No record matches \u201c' + text.value.trim() + '\u201d.' })]));
      const bad = failures(found.failures);
      if (bad) results.append(h('li', {}, bad));
    } catch (err) {
      results.replaceChildren(h('li', { class: 'form-error', text: err.message }));
    }
  });

  // A record by id, for a system that cannot search.
  const bySystem = h('select', { id: 'byid-system', 'aria-label': 'System' }, ov.targets.map(t => h('option', { value: t.name, text: t.name })));
  const byType = h('input', { id: 'byid-type', placeholder: 'type, e.g. contact', 'aria-label': 'Record type', value: 'contact' });
  const byId = h('input', { id: 'byid-id', placeholder: 'record id', 'aria-label': 'Record id' });
  const manual = h('ul', { class: 'records', id: 'manual' });
  const add = h('button', { type: 'button', text: 'Add' });
  add.addEventListener('click', () => {
    if (!byType.value.trim() || !byId.value.trim()) return;
    const r = { system: bySystem.value, type: byType.value.trim(), id: byId.value.trim(), label: byType.value.trim() + ' ' + byId.value.trim(), detail: '' };
    chosen.set(keyOf(r), r);
    manual.append(recordItem(r));
    updated();
    byId.value = '';
  });

  // Attachments: all ticked at first.
  const attachmentBoxes = msg.attachments.map(a => h('input', { type: 'checkbox', checked: true, value: a.name,
    dataset: { attachment: a.name } }));
  const attachments = msg.attachments.length === 0
    ? h('p', { class: 'muted', text: 'The message has no attachments.' })
    : h('ul', { class: 'records', id: 'attachments' }, msg.attachments.map((a, i) => h('li', {},
      h('label', { class: 'pick' }, attachmentBoxes[i], h('span', {}, h('span', { text: a.name }), ' ',
        h('span', { class: 'muted small', text: a.mediaType + ' · ' + size(a.size) }))))));

  const form = h('div', { class: 'archive-form', id: 'archive-form' },
    h('h2', { id: 'archive-title', text: 'Archive to\u2026' }),
    h('dl', { class: 'conflict-meta message-meta' },
      h('dt', { text: 'Subject' }), h('dd', { id: 'archive-subject', text: msg.subject || '(no subject)' }),
      h('dt', { text: 'From' }), h('dd', { text: msg.fromDisplay || msg.from || '–' }),
      h('dt', { text: 'To' }), h('dd', { text: [...msg.to, ...msg.cc].join(', ') || '–' }),
      h('dt', { text: 'Date' }), h('dd', {}, mailDate(msg.date)),
      h('dt', { text: 'Size' }), h('dd', { text: size(msg.size) + ' · ' + ref.folder + ' · ' + ref.user + ' in ' + ref.system })),
    msg.warnings.length ? h('ul', { class: 'warnings', id: 'read-warnings' }, msg.warnings.map(w => h('li', { text: w }))) : null,
    h('section', {}, h('h3', { text: 'Suggested records' }), suggested),
    h('section', {}, h('h3', { text: 'Search' }), searchForm, results),
    h('details', {}, h('summary', { text: 'Add a record by its id' }),
      h('div', { class: 'search-row' }, bySystem, byType, byId, add), manual),
    h('section', {}, h('h3', { text: 'Attachments to keep' }), attachments),
    h('div', { class: 'resolve-bar' }, confirm,
      close ? h('button', { type: 'button', class: 'quiet', text: 'Cancel', onclick: close }) : null, summary));
  confirm.addEventListener('click', async () => {
    if (chosen.size === 0) return;
    const body = {
      system: ref.system, user: ref.user, folder: ref.folder, uid: Number(ref.uid),
      attachments: attachmentBoxes.filter(b => b.checked).map(b => b.value),
      records: [...chosen.values()].map(r => ({ system: r.system, type: r.type, id: r.id })),
    };
    confirm.textContent = 'Archiving\u2026';
    const result = await act(confirm, () => api('POST', '/api/archive', body));
    confirm.textContent = 'Archive';
    if (result) showResult(box, result, known, ref, close);
  });
  box.replaceChildren(form);
  text.focus();
}

function showResult(box, result, known, ref, close) {
  const label = (f) => {
    const r = known.get(f.system + '|' + f.record.type + '|' + f.record.id);
    return (r ? r.label : f.record.type + ' ' + f.record.id) + ' (' + f.system + ')';
  };
  const line = (f) => {
    switch (f.outcome) {
      case 'filed': return 'Filed to ' + label(f) + (f.attachments.length ? ' with ' + f.attachments.join(', ') : '');
      case 'already-filed': return label(f) + ' already held this message: nothing was added';
      default: return 'Not filed to ' + label(f) + ': ' + f.reason;
    }
  };
  const done = close ? h('button', { type: 'button', class: 'primary', id: 'archive-done', text: 'Done', onclick: close }) : null;
  box.replaceChildren(h('div', { class: 'archive-result', id: 'archive-result', dataset: { complete: String(result.complete) } },
    h('h2', { id: 'archive-title', text: result.complete ? 'Archived' : 'Archived with problems' }),
    h('p', { class: 'muted', text: (result.subject || '(no subject)') + ' · ' + result.messageId }),
    h('ul', { class: 'outcomes' }, result.filings.map(f => h('li', { class: 'outcome ' + f.outcome, dataset: { outcome: f.outcome } },
      h('span', { text: line(f) }), f.location ? h('span', { class: 'muted small mono', text: f.location }) : null))),
    result.warnings.length ? h('section', {}, h('h3', { text: 'Warnings' }),
      h('ul', { class: 'warnings', id: 'archive-warnings' }, result.warnings.map(w => h('li', { text: w })))) : null,
    h('div', { class: 'actions' }, done,
      h('button', { type: 'button', text: 'Archive to more records', onclick: () => archivePanel(box, ref, close) }))));
  if (done) done.focus();
}

// ---- the webmail's pop-up: /archive?system=S&user=U&folder=F&uid=N

async function archivePopup() {
  const main = document.getElementById('main');
  const p = new URLSearchParams(location.search);
  const ref = { system: p.get('system') || '', user: p.get('user') || '', folder: p.get('folder') || '', uid: p.get('uid') || '' };
  const missing = Object.keys(ref).filter(k => !ref[k]);
  if (missing.length) {
    main.replaceChildren(h('h1', { text: 'Archive to\u2026' }), h('p', { class: 'form-error', role: 'alert',
      text: 'The webmail did not say which message to archive (missing: ' + missing.join(', ') + ').' }));
    return;
  }
  await archivePanel(main, ref, () => window.close());
}
