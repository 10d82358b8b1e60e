/**
 * Every `code` a failed call can carry, so that a screen words it in the person's language. The
 * English `message` beside it says the same for logs and for a screen that knows no wording.
 * Details (`RpcError.details`) are names and numbers only, never a sentence.
 */

/** Refusals a host's core throws (`DomainErrorDetail.code` is one of these). */
export const HOST_ERROR_CODES = [
  // history
  /** Details: none. */
  'conversation_not_found',
  'message_not_found',
  'run_not_found',
  /** A list or search was asked to continue from a cursor it never gave. */
  'bad_cursor',
  /** A new message names a parent in another conversation. */
  'parent_elsewhere',
  /** The run already ended, so it cannot be changed as running. Details: status. */
  'run_ended',
  /** The import file is not JSON. */
  'import_not_json',
  /** The import file is JSON but not a Parallax history export. Details: field. */
  'import_invalid',
  /** The file was written by a newer Parallax. Details: version, supported. */
  'import_newer_format',
  /** The file's ids clash with each other or with saved history. Details: field. */
  'import_conflict',
  /** Details: none. */
  'unknown_backup',
  // usage
  /** A usage report was asked for an empty or endless time range. */
  'usage_bad_range',
  // key vault
  /** The vault is locked: enter the passphrase first. */
  'vault_locked',
  /** Keys would be stored only obfuscated: the person must agree first. */
  'vault_consent_required',
  'vault_unavailable',
  'key_reenter',
  'wrong_passphrase',
  'wrong_current_passphrase',
  /** Details: min. */
  'passphrase_too_short',
  /** Unlock or lock asked of a vault protected by a key file or the OS keychain. */
  'vault_uses_key_file',
  'vault_uses_keychain',
  // connections
  'connection_not_found',
  /** Details: field. */
  'unknown_field',
  /** Details: field. */
  'field_required',
  'not_service_account',
  /** Details: field. */
  'not_http_address',
  /** Details: provider. */
  'unknown_provider',
  /** The saved connection is of another provider. */
  'provider_mismatch',
  /** Neither a saved connection nor a provider with its fields was given. */
  'connection_or_provider',
  'secret_required',
  'metadata_address',
  // runs
  'no_user_message',
  /** Details: min, max, count. */
  'target_count',
  /** Details: index. */
  'target_incomplete',
  'prompt_or_messages',
  'compare_needs_prompt',
  'rerun_user_only',
  // data folder
  'not_absolute',
  'same_folder',
  'inside_current',
  'not_a_folder',
  'not_writable',
  'holds_data',
  'not_choosable',
  'use_dialog',
  'no_dialog',
] as const
export type HostErrorCode = (typeof HOST_ERROR_CODES)[number]

/**
 * Failures of the call itself, which no host can report because its answer never arrived
 * readable: set by the renderer's clients (src/renderer/src/host/web-client.ts, ipc-client.ts).
 */
export const TRANSPORT_ERROR_CODES = [
  /** No answer: the host is stopped, restarting or unreachable ("Failed to fetch"). */
  'host_unreachable',
  /** The host answered 401: this page's access token is not (or no longer) valid. */
  'host_not_signed_in',
  /** The host answered something that is not one of its answers (a proxy page, a 5xx). Details: status. */
  'host_bad_answer',
] as const
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number]
