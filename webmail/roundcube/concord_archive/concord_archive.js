/**
 * Concord archive: the "Archive to CRM…" command. It opens Concord's archive pop-up with the
 * selected message's folder and IMAP UID and the logged-in user.
 *
 * @license GNU GPLv3+ (as Roundcube's plugins)
 */
(function () {
  'use strict';

  // Roundcube names folders in modified UTF-7 (RFC 3501, 5.1.3); Concord in Unicode.
  function fromImapUtf7(name) {
    return String(name).replace(/&([^-]*)-/g, function (all, b64) {
      if (b64 === '') return '&';
      var bin = atob(b64.replace(/,/g, '/') + '==='.slice((b64.length + 3) % 4));
      var out = '';
      for (var i = 0; i + 1 < bin.length; i += 2) {
        out += String.fromCharCode((bin.charCodeAt(i) << 8) | bin.charCodeAt(i + 1));
      }
      return out;
    });
  }

  function selectedUid() {
    var uid = rcmail.env.uid || (rcmail.message_list ? rcmail.message_list.get_single_selection() : null);
    return uid ? String(uid) : null;
  }

  function open() {
    var uid = selectedUid();
    if (!uid) {
      rcmail.display_message(rcmail.get_label('concord_archive.select_one'), 'warning');
      return;
    }
    var folder = rcmail.get_message_mailbox(uid) || rcmail.env.mailbox;
    // In a multi-folder search the list's ids are UID-FOLDER.
    var number = parseInt(uid, 10);
    var url = rcmail.env.concord_archive_url + '?' + $.param({
      system: rcmail.env.concord_archive_system,
      user: rcmail.env.concord_archive_user,
      folder: fromImapUtf7(folder),
      uid: number
    });
    var win = window.open(url, 'concord_archive', rcmail.env.concord_archive_window);
    if (!win) {
      rcmail.display_message(rcmail.get_label('concord_archive.popup_blocked'), 'warning');
      return;
    }
    // Concord's page gets no handle on the webmail.
    win.opener = null;
    win.focus();
  }

  if (window.rcmail) {
    rcmail.addEventListener('init', function () {
      rcmail.register_command('plugin.concord_archive', open, !!rcmail.env.uid);
      if (rcmail.message_list) {
        rcmail.message_list.addEventListener('select', function (list) {
          rcmail.enable_command('plugin.concord_archive', list.get_single_selection() != null);
        });
      }
    });
  }
})();
