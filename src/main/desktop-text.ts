/**
 * The few sentences the main process shows itself (native menus and dialogs), in English and
 * Korean. The renderer's catalog cannot be used here: it belongs to another layer and bundle.
 */
export type DesktopLanguage = 'en' | 'ko'

const en = {
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select All',
  'menu.addToDictionary': 'Add to Dictionary',
  'menu.noSuggestions': 'No Guesses Found',
  'start.title': 'Parallax cannot start',
  'start.failed': 'Parallax could not start: {reason}.',
  'start.vaultUnavailable':
    'Parallax cannot start because the operating system’s key store (Keychain or keyring) cannot encrypt your API keys right now; unlock or set it up, then start Parallax again.',
  'start.dataDirInUse':
    'Another Parallax process is using the data folder {dir}; quit it, then start Parallax again.',
  'start.dataDirFailed': 'Parallax could not open the data folder {dir}: {reason}.',
  'start.log': 'The details are in {log}.',
  'second.title': 'Parallax is already running',
  'second.message': 'Parallax is already running with another data folder.',
  'second.detail':
    'To use {requested}, quit Parallax first, then start it again with that folder. The folder in use is {current}.',
  'dialog.ok': 'OK',
  'pick.title': 'Choose the data folder',
  'pick.button': 'Use This Folder',
  'confirm.message': 'Use another data folder?',
  'confirm.detail':
    'A Parallax web page chose {dir} as the data folder.{copy} Parallax restarts to switch.',
  'confirm.copy':
    ' Your history, keys and settings will be copied there from {from} (the originals stay).',
  'confirm.use': 'Use the New Folder',
  'confirm.keep': 'Keep the Current Folder',
} as const

export type DesktopTextKey = keyof typeof en

const ko: Record<DesktopTextKey, string> = {
  'menu.cut': '잘라내기',
  'menu.copy': '복사',
  'menu.paste': '붙여넣기',
  'menu.selectAll': '모두 선택',
  'menu.addToDictionary': '사전에 추가',
  'menu.noSuggestions': '추천 단어 없음',
  'start.title': 'Parallax를 시작할 수 없음',
  'start.failed': 'Parallax를 시작할 수 없습니다. 원인: {reason}',
  'start.vaultUnavailable':
    '지금은 OS 키체인으로 API 키를 암호화할 수 없어 Parallax를 시작할 수 없습니다. OS 키체인의 잠금을 해제하거나 설정한 뒤 Parallax를 다시 시작하세요.',
  'start.dataDirInUse':
    '다른 Parallax 프로세스가 데이터 폴더({dir})를 사용하고 있습니다. 그 프로세스를 종료한 뒤 Parallax를 다시 시작하세요.',
  'start.dataDirFailed': '데이터 폴더({dir})를 열 수 없습니다. 원인: {reason}',
  'start.log': '자세한 내용은 다음 파일에 있습니다: {log}',
  'second.title': 'Parallax가 이미 실행 중',
  'second.message': 'Parallax가 이미 다른 데이터 폴더로 실행 중입니다.',
  'second.detail':
    '다음 폴더를 사용하려면 먼저 Parallax를 종료한 뒤 그 폴더로 다시 시작하세요: {requested}\n사용 중인 폴더: {current}',
  'dialog.ok': '확인',
  'pick.title': '데이터 폴더 선택',
  'pick.button': '이 폴더 사용',
  'confirm.message': '다른 데이터 폴더를 사용할까요?',
  'confirm.detail':
    'Parallax 웹 페이지에서 새 데이터 폴더를 선택했습니다: {dir}{copy}\n폴더를 바꾸려면 Parallax를 다시 시작합니다.',
  'confirm.copy': '\n기록, 키, 설정을 다음 폴더에서 복사합니다(원본은 그대로 남습니다): {from}',
  'confirm.use': '새 폴더 사용',
  'confirm.keep': '현재 폴더 유지',
}

export const DESKTOP_TEXT: Record<DesktopLanguage, Record<DesktopTextKey, string>> = { en, ko }

export type DesktopTranslate = (key: DesktopTextKey, params?: Record<string, string>) => string

export function desktopTranslate(language: DesktopLanguage): DesktopTranslate {
  const messages = DESKTOP_TEXT[language]
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => params?.[name] ?? whole)
}

/**
 * The language the person chose in Settings, or for `system` (and before the settings can be
 * read) the first of English or Korean among the OS's preferred languages — the renderer's rule.
 */
export function desktopLanguage(
  setting: string | undefined,
  systemLanguages: readonly string[],
): DesktopLanguage {
  if (setting === 'en' || setting === 'ko') return setting
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    if (base === 'ko' || base === 'en') return base
  }
  return 'en'
}
