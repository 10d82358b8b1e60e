/** App-wide texts: title, about panel, host errors, notices. */
export const baseEn = {
  'app.title': 'Parallax',
  'app.tagline': 'Bring your own keys. Compare every major model side by side.',
  'about.heading': 'About this installation',
  'about.loading': 'Asking the host…',
  'about.version': 'Version',
  'about.host': 'Running in',
  'about.host.electron': 'Desktop app',
  'about.host.web': 'Browser (web host)',
  'about.platform': 'Platform',
  'about.node': 'Node.js',
  'about.electron': 'Electron',
  'about.chrome': 'Chromium',
  'about.dataDir': 'Data folder',
  'error.unauthorized':
    'This page is not signed in. Open the full link that `npm run serve` printed (it carries the access token).',
  'error.generic': 'The host did not answer: {message}',
  'error.internal':
    'Something went wrong inside Parallax (incident {incident}). The details are in the log.',
  'error.retry': 'Try again',
  'notice.host.stopping': 'The Parallax server has stopped. Start it again and reload this page.',
  'notice.host.unreachable':
    'Lost the connection to the Parallax server. Check that it is still running, then reload this page.',
  'notice.history.movedAside':
    'Your history database could not be read, so a fresh one was started. Nothing was deleted: the old file is at {detail}.',
  'notice.vault.movedAside':
    'Your saved keys could not be read, so they need to be entered again. Nothing was deleted: the old file is at {detail}.',
  'notice.data.copied':
    'Your history, keys and settings were copied into the new data folder. The originals are still in {detail}; delete them when you no longer need them.',
  'notice.data.copyFailed':
    'Your data could not be copied from {detail} into the new data folder, so Parallax started without it. Nothing was deleted: choose that folder again in Settings to go back to it.',
  'notice.data.unavailable':
    'The data folder chosen in Settings, {detail}, could not be opened (is its disk connected?), so Parallax started with the folder it used before (shown in Settings). Connect it and restart, or choose another folder in Settings.',
  'notice.data.pending':
    'A new data folder, {detail}, was chosen in Settings and is waiting. Nothing has moved: start Parallax with --accept-data-dir to switch to it, or cancel the change in Settings.',
  'notice.dismiss': 'Dismiss',
  // Numbers with units, through the catalog (i18n/format-numbers.ts)
  'format.approx': '≈ {value}',
  'format.seconds': '{value} s',
} as const
