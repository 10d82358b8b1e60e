/**
 * Why a call to the host failed, worded from the failure's code (src/shared/error-codes.ts) by
 * host/word-failures.ts; `errors.kind.*` words a failure whose code this page does not know.
 */
export const errorsEn = {
  'errors.host_unreachable':
    'Parallax is not running or cannot be reached. Start it again, then reload this page.',
  'errors.host_not_signed_in':
    'This page is not signed in to Parallax. Open the full link that Parallax printed when it started (it holds the access token).',
  'errors.host_bad_answer':
    'Parallax sent an answer this page cannot read (HTTP {status}). Reload the page; if it happens again, restart Parallax.',

  'errors.conversation_not_found':
    'This conversation is no longer in the history. It may have been deleted.',
  'errors.message_not_found': 'This message is no longer in the history. It may have been deleted.',
  'errors.run_not_found': 'This answer is no longer in the history. It may have been deleted.',
  'errors.bad_cursor': 'The list changed while it was loading. Reload the page.',
  'errors.parent_elsewhere': 'This message belongs to another conversation.',
  'errors.run_ended': 'This answer has already ended.',
  'errors.import_not_json': 'The file is not a JSON file. Choose a Parallax history export.',
  'errors.import_invalid':
    'The file is not a Parallax history export, or it was changed after export (first problem at {field}).',
  'errors.import_newer_format':
    'The file was exported by a newer Parallax (format {version}; this one reads up to {supported}). Update Parallax, then import it.',
  'errors.import_conflict':
    'The file’s conversations clash with each other or with saved history (at {field}). Nothing was imported.',
  'errors.unknown_backup': 'That backup no longer exists. Choose one from the list.',
  'errors.usage_bad_range': 'The usage period is not valid. Choose another period.',
  'errors.vault_locked': 'The key vault is locked. Enter its passphrase to unlock it.',
  'errors.vault_consent_required':
    'Keys cannot be stored securely on this computer. Agree to the risk before saving a key.',
  'errors.vault_unavailable': 'Keys cannot be encrypted on this computer right now.',
  'errors.key_reenter': 'The saved key can no longer be read. Enter it again.',
  'errors.wrong_passphrase': 'Wrong passphrase. The key vault was not changed.',
  'errors.wrong_current_passphrase':
    'The current passphrase is wrong. The key vault was not changed.',
  'errors.passphrase_too_short': 'Choose a passphrase of at least {min} characters.',
  'errors.vault_uses_key_file':
    'This key vault is protected by a key file, not a passphrase. There is nothing to unlock or lock.',
  'errors.vault_uses_keychain':
    'This key vault is protected by the OS keychain, not a passphrase. There is nothing to unlock or lock.',
  'errors.connection_not_found':
    'This connection no longer exists. It may have been deleted in another window.',
  'errors.unknown_field': 'This provider has no field named “{field}”.',
  'errors.field_required': 'Fill in this field.',
  'errors.not_service_account':
    'This is not a service account key. Paste the whole JSON key file, with client_email and private_key.',
  'errors.not_http_address': 'Enter an address that starts with http:// or https://.',
  'errors.unknown_provider': 'This version of Parallax does not know the provider “{provider}”.',
  'errors.provider_mismatch': 'The saved connection belongs to another provider.',
  'errors.connection_or_provider': 'Choose a saved connection, or a provider and its fields.',
  'errors.no_user_message': 'There is no prompt to send.',
  'errors.target_count': 'A comparison takes {min} to {max} models; {count} were chosen.',
  'errors.target_incomplete': 'Column {index} has no model chosen.',
  'errors.prompt_or_messages': 'Send either a prompt or a conversation, not both.',
  'errors.compare_needs_prompt': 'Write a prompt to compare.',
  'errors.rerun_user_only': 'Only a prompt can be run again.',

  'errors.kind.invalid_input': 'Parallax could not do this with the values given.',
  'errors.kind.unknown_method':
    'This page is newer than the running Parallax. Restart Parallax, then reload the page.',
  'errors.kind.unauthorized':
    'This page is not signed in to Parallax. Open the full link that Parallax printed when it started (it holds the access token).',
  'errors.kind.forbidden': 'Parallax refused this request.',
  'errors.kind.not_found': 'What this asks for no longer exists. It may have been deleted.',
  'errors.kind.conflict': 'This cannot be done in the current state. Reload, then try again.',
  'errors.kind.payload_too_large': 'This is too large to send. Use a smaller file or fewer images.',
  'errors.kind.vault_locked': 'The key vault is locked. Enter its passphrase to unlock it.',
  'errors.kind.consent_required':
    'Keys cannot be stored securely on this computer. Agree to the risk before saving a key.',
  'errors.kind.internal': 'Something went wrong in Parallax.',
} as const
