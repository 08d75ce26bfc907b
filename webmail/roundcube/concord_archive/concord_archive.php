<?php

/**
 * Concord archive: adds "Archive to CRM…" to the message menu. It opens Concord's archive
 * pop-up for the selected message (its folder and IMAP UID, and the logged-in user), where the
 * user picks the record(s) and the attachments to keep. Concord asks for its own login there;
 * nothing but the message's address is handed over.
 *
 * Settings (config.inc.php beside this file, or Roundcube's main config):
 *   concord_archive_url     Concord's base URL, e.g. https://concord.example.org:8750
 *   concord_archive_system  the name of the imap system in Concord's config that is this mail server
 *   concord_archive_window  the pop-up's window features (default: width=820,height=860)
 *
 * @license GNU GPLv3+ (as Roundcube's plugins)
 */
class concord_archive extends rcube_plugin
{
    public $task = 'mail';

    public function init()
    {
        $rcmail = rcmail::get_instance();
        // config.inc.php beside this file, if there is one; otherwise the keys of the main config.
        $this->load_config();

        $action = $rcmail->action;
        if ($action !== '' && $action !== 'index' && $action !== 'show' && $action !== 'preview') {
            return;
        }

        $url = trim((string) $rcmail->config->get('concord_archive_url', ''));
        $system = trim((string) $rcmail->config->get('concord_archive_system', ''));
        if ($url === '' || $system === '' || !preg_match('#^https?://[^/\s]+#i', $url)) {
            rcube::raise_error([
                'code' => 500, 'file' => __FILE__, 'line' => __LINE__,
                'message' => 'concord_archive: set concord_archive_url (http[s]://HOST:PORT of Concord) and '
                    . 'concord_archive_system (the imap system in Concord\'s config); the menu entry is left out',
            ], true, false);
            return;
        }

        $this->add_texts('localization/', ['archive_to_crm', 'archive_title', 'popup_blocked', 'select_one']);
        $rcmail->output->set_env('concord_archive_url', rtrim($url, '/') . '/archive');
        $rcmail->output->set_env('concord_archive_system', $system);
        $rcmail->output->set_env('concord_archive_user', $rcmail->get_user_name());
        $rcmail->output->set_env('concord_archive_window',
            (string) $rcmail->config->get('concord_archive_window', 'width=820,height=860'));

        $this->include_script('concord_archive.js');
        $this->include_stylesheet('concord_archive.css');
        $this->add_button([
            'type' => 'link-menuitem',
            'command' => 'plugin.concord_archive',
            'label' => 'concord_archive.archive_to_crm',
            'title' => 'concord_archive.archive_title',
            'class' => 'concord-archive disabled',
            'classact' => 'concord-archive active',
            'id' => 'concord-archive-menuitem',
        ], 'messagemenu');
    }
}
