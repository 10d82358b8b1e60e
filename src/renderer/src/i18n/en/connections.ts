/** The connections screen: saved provider accounts, their form, tests and the key vault. */
export const connectionsEn = {
  'connections.title': 'Connections',
  'connections.intro':
    'A connection is one provider account and its key. Saved keys are never shown again, only their last 4 characters.',
  'connections.add': 'Add connection',
  'connections.empty': 'No connections yet. Add one to start chatting.',
  'connections.list': 'Saved connections',

  'connections.row.edit': 'Edit',
  'connections.row.test': 'Test',
  'connections.row.delete': 'Delete',
  'connections.row.secretSet': '•••• {last4}',
  'connections.row.secretSetShort': 'saved',
  'connections.row.secretDamaged': 'damaged: the saved value cannot be read, enter it again',

  'connections.form.addTitle': 'Add a connection',
  'connections.form.editTitle': 'Edit {label}',
  'connections.form.provider': 'Provider',
  'connections.form.pickProvider': 'Choose the provider whose key you have.',
  'connections.form.label': 'Label',
  'connections.form.labelHelp':
    'Shown in the model picker; use it to tell accounts apart, e.g. “{provider} — work”.',
  'connections.form.required': 'required',
  'connections.form.show': 'Show',
  'connections.form.showField': 'Show {field}',
  'connections.form.savedSecret': 'Saved — •••• {last4} (leave empty to keep)',
  'connections.form.savedSecretShort': 'Saved (leave empty to keep)',
  'connections.form.damagedSecret': 'The saved value cannot be read — enter it again',
  'connections.form.removeSecret': 'Remove the saved {field}',
  'connections.form.save': 'Save',
  'connections.form.saving': 'Saving…',
  'connections.form.cancel': 'Cancel',
  'connections.form.failed': 'Could not save: {message}',
  // Test before save (Daily driver III)
  'connections.form.test': 'Test',
  'connections.form.testing': 'Testing…',
  'connections.form.testSecretRequired':
    'The address changed, so the saved key was not sent there: type the key to test these values.',
  'connections.form.saveAnywayTitle': 'Save anyway?',
  'connections.form.saveAnywayBody': 'The test of these values failed. {reason}',
  'connections.form.saveAnyway': 'Save anyway',
  'connections.form.vaultLocked':
    'Could not save: saved keys are locked. Unlock them with the vault passphrase above, then save again.',

  'connections.links.heading': 'Where to find these',
  'connections.links.keys': 'Keys',
  'connections.links.docs': 'Documentation',
  'connections.links.note': 'Copy an address and open it in your browser.',
  'connections.links.copyKeys': 'Copy the address of the keys page',
  'connections.links.copyDocs': 'Copy the address of the documentation',

  'connections.bedrock.heading': 'Least-privilege IAM policy',
  'connections.bedrock.help':
    'Attach this policy to the IAM user or role whose keys you enter: it allows calling and listing models and nothing else.',
  'connections.bedrock.converseNote':
    'Converse and ConverseStream, the calls Parallax makes, are authorized by bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream; IAM has no separate actions for them.',
  'connections.bedrock.policy': 'IAM policy JSON',
  'connections.bedrock.copy': 'Copy the IAM policy',

  'connections.test.busy': 'Testing the connection…',
  'connections.test.okModels': 'Connected — {count} models available ({ms} ms)',
  'connections.test.okOneModel': 'Connected — 1 model available ({ms} ms)',
  'connections.test.ok': 'Connected ({ms} ms)',
  'connections.test.auth': 'The key was rejected — check it and save again.',
  'connections.test.permission':
    'The key works but may not do this — check its permissions and which models it has access to.',
  'connections.test.rateLimit':
    'The provider is limiting requests from this key — wait a moment and test again.',
  'connections.test.quota':
    'This account is out of credit or quota — check billing with the provider.',
  'connections.test.network': 'Could not reach the endpoint — check the URL and your network.',
  'connections.test.timeout':
    'The provider did not answer in time — test again, or check the endpoint.',
  'connections.test.notFound':
    'The endpoint was not found — check the URL, region or deployment name.',
  'connections.test.invalidRequest':
    'The provider refused the request — check the fields, such as the region or API version.',
  'connections.test.server':
    'The provider had a problem on its side — try again in a little while.',
  'connections.test.unknown': 'The test failed.',
  'connections.test.vaultLocked':
    'Saved keys are locked: unlock them with the vault passphrase, then test again.',
  'connections.test.couldNotRun': 'The test could not run: {message}',

  'connections.delete.title': 'Delete “{label}”?',
  'connections.delete.body':
    'Its saved keys are erased from this machine. Conversations that used it stay in your history.',
  'connections.delete.confirm': 'Delete',
  'connections.delete.cancel': 'Cancel',
  'connections.delete.failed': 'Could not delete: {message}',

  'connections.vault.region': 'Key storage',
  'connections.vault.secure': 'Keys are encrypted on this machine.',
  'connections.vault.locked': 'The key vault is locked, so keys cannot be read or saved right now.',
  'connections.vault.consentTitle': 'Keys would only be obfuscated on this system',
  'connections.vault.consentBody':
    'No system keyring (such as GNOME Keyring or KWallet) is available, so keys would be scrambled with a fixed password instead of encrypted: anyone who can read your files could recover them. Set up a keyring for real encryption, or save anyway.',
  'connections.vault.consentButton': 'I understand, save anyway',
  'connections.vault.consentFailed': 'Could not record your choice: {message}',
  'connections.vault.insecureAccepted':
    'Keys are only obfuscated on this system, as you agreed. A system keyring would encrypt them.',
  'connections.vault.lockedPassphrase':
    'Saved keys are locked. Enter the vault passphrase to use them or save new ones.',
  'connections.vault.newPassphrase':
    'Keys here are protected by a passphrase you choose. Set it before saving a key.',
  'connections.vault.passphraseUnlocked':
    'Keys are encrypted with your passphrase and unlocked until you lock them or the app stops.',
  'connections.vault.lock': 'Lock',
  'connections.vault.lockFailed': 'Could not lock: {message}',
  'connections.vault.unlock.label': 'Vault passphrase',
  'connections.vault.unlock.newLabel': 'New passphrase',
  'connections.vault.unlock.repeatLabel': 'Repeat the passphrase',
  'connections.vault.unlock.newHint':
    'This key vault is new: the passphrase you choose now encrypts every key you save. Choose at least {min} characters. It cannot be recovered, so keep it somewhere safe.',
  'connections.vault.unlock.submit': 'Unlock',
  'connections.vault.unlock.create': 'Set passphrase',
  'connections.vault.unlock.busy': 'Unlocking…',
  'connections.vault.unlock.creating': 'Setting the passphrase…',
  'connections.vault.unlock.empty': 'Enter the passphrase.',
  'connections.vault.unlock.tooShort': 'Choose at least {min} characters.',
  'connections.vault.unlock.mismatch': 'The two passphrases are different.',
  'connections.vault.unlock.wrong': 'Wrong passphrase. Nothing was changed.',
  'connections.vault.unlock.failed': 'Could not unlock: {message}',
  // Keys bound to their address; risky destinations (Hardening I).
  'connections.bind.addressChanged':
    'The address changed, so the saved key is not sent there: enter the key again.',
  'connections.bind.secretRequired':
    'The address changed, so the saved value is not sent there: enter it again, or remove it.',
  'connections.bind.testSecretRequired':
    'The saved key was entered for another address, so it was not sent: edit the connection and enter the key again.',
  'connections.dest.plainHttp':
    'Plain http://: the key and your prompts cross the network unencrypted. Use https:// unless this server is on a network you trust.',
  'connections.dest.metadataAddress':
    'This is a link-local or cloud metadata address: requests there can reach this machine’s cloud credentials instead of a model provider.',
  'connections.dest.acknowledge': 'I understand, use this address anyway',
  'connections.dest.metadataRefused':
    'This is a cloud metadata address. Tick “I understand” below the address to use it anyway.',
  // Limit of requests in flight (queue)
  'connections.form.maxInFlight': 'Requests at once',
  'connections.form.maxInFlightHelp':
    'How many requests this connection sends at the same time (1–{max}). Further runs wait in a queue.',
  'connections.form.maxInFlightInvalid': 'Enter a whole number from 1 to 64.',
} as const
