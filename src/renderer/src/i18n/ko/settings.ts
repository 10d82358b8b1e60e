import type { settingsEn } from '../en/settings'

export const settingsKo: Record<keyof typeof settingsEn, string> = {
  'settings.title': '설정',
  'settings.loading': '설정을 불러오는 중…',
  'settings.appearance': '화면',
  'settings.language': '언어',
  'settings.language.system': '시스템',
  'settings.language.en': 'English',
  'settings.language.ko': '한국어',
  'settings.theme': '테마',
  'settings.theme.system': '시스템',
  'settings.theme.light': '밝게',
  'settings.theme.dark': '어둡게',
  'settings.requests': '요청',
  'settings.requests.hint': '새 요청부터 이 값이 적용됩니다. 이미 받고 있는 답변은 그대로입니다.',
  'settings.requestTimeout': '요청 제한 시간',
  'settings.requestTimeout.help':
    '답변 하나가 끝날 때까지 기다리는 최대 시간입니다(초, {min}~{max}).',
  'settings.idleTimeout': '무응답 제한 시간',
  'settings.idleTimeout.help':
    '답변이 이 시간 동안 아무것도 보내지 않으면 시간 초과로 중지됩니다(초, {min}~{max}).',
  'settings.maxRetries': '재시도 횟수',
  'settings.maxRetries.help':
    '응답을 받기 전에 요청 한도 초과, 과부하, 네트워크 오류가 발생하면 다시 시도합니다({min}~{max}회).',
  'settings.unit.seconds': '초',
  'settings.invalidNumber': '{field} 값은 {min}~{max} 사이의 정수여야 합니다.',
  'settings.save': '저장',
  'settings.saving': '저장 중…',
  'settings.saved': '저장했습니다.',
  'settings.saveFailed': '저장하지 못했습니다: {message}',
  'settings.dataDir': '데이터 폴더',
  'settings.dataDir.copy': '복사',
  'settings.dataDir.copied': '클립보드에 복사했습니다.',
  'settings.dataDir.copyFailed': '복사하지 못했습니다. 경로를 선택해 직접 복사하세요.',
  'settings.dataDir.note': '대화 기록, 저장된 키, 설정이 이 폴더에 있습니다.',
  'settings.dataDir.source.flag':
    'Parallax를 시작할 때 --data-dir로 정했습니다. 여기서 선택한 폴더보다 우선합니다.',
  'settings.dataDir.source.env':
    'Parallax를 시작할 때 PARALLAX_DATA_DIR로 정했습니다. 여기서 선택한 폴더보다 우선합니다.',
  'settings.dataDir.source.chosen': '설정에서 선택한 폴더입니다.',
  'settings.dataDir.source.default': '시스템의 앱 데이터 폴더(기본값)입니다.',
  'settings.dataDir.change': '변경…',
  'settings.dataDir.newPath': '새 데이터 폴더',
  'settings.dataDir.newPath.help':
    '폴더의 전체 경로입니다. 없으면 Parallax가 만듭니다. 지금은 아무것도 옮기지 않습니다. 변경은 Parallax를 다음에 --accept-data-dir로 시작할 때 적용됩니다.',
  'settings.dataDir.copyData': '대화 기록, 키, 설정을 그곳으로 복사(원본은 그대로 둡니다)',
  'settings.dataDir.apply': '다음 시작용으로 저장',
  'settings.dataDir.pick': '폴더 선택…',
  'settings.dataDir.pick.help':
    '열리는 창에서 폴더를 선택하세요. Parallax를 다음에 시작할 때 그 폴더로 바뀝니다.',
  'settings.dataDir.cancel': '취소',
  'settings.dataDir.useDefault': '기본 폴더로 되돌리기',
  'settings.dataDir.next':
    '다음 시작부터 Parallax는 {path} 폴더를 사용합니다. 바꾸려면 Parallax를 다시 시작하세요.',
  'settings.dataDir.nextWithoutFlag':
    '--data-dir 없이 시작하면 Parallax는 {path} 폴더를 사용합니다.',
  'settings.dataDir.nextWithoutEnv':
    'PARALLAX_DATA_DIR 없이 시작하면 Parallax는 {path} 폴더를 사용합니다.',
  'settings.dataDir.nextAcceptFlag':
    '대기 중: Parallax를 다음에 --accept-data-dir로 시작하면(npm run serve -- --accept-data-dir) {path} 폴더로 옮깁니다. 이 옵션 없이 시작하면 현재 폴더를 계속 씁니다.',
  'settings.dataDir.nextConfirm':
    '대기 중: 웹 페이지에서 {path} 폴더를 선택했습니다. Parallax를 다음에 시작할 때 사용할지 먼저 묻습니다.',
  'settings.dataDir.nextCopies': '현재 데이터를 먼저 그곳으로 복사합니다.',
  'settings.dataDir.undoNext': '현재 폴더 계속 사용',
  'settings.dataDir.required': '폴더의 전체 경로를 입력하세요.',
  'settings.dataDir.problem.not_absolute':
    '디스크의 루트부터 시작하는 폴더의 전체 경로를 입력하세요.',
  'settings.dataDir.problem.same_folder': 'Parallax가 이미 이 폴더를 쓰고 있습니다.',
  'settings.dataDir.problem.inside_current': '새 폴더는 현재 데이터 폴더 안에 있을 수 없습니다.',
  'settings.dataDir.problem.not_a_folder': '그 경로는 폴더가 아니라 파일입니다.',
  'settings.dataDir.problem.not_writable': 'Parallax가 그 폴더를 만들거나 쓸 수 없습니다.',
  'settings.dataDir.problem.holds_data':
    '그 폴더에 이미 Parallax 데이터가 있어 복사하면 덮어쓰게 됩니다. 빈 폴더를 선택하거나, 복사를 해제해 그곳의 데이터를 사용하세요.',
  'settings.dataDir.problem.not_choosable':
    '이 Parallax는 시작할 때 데이터 폴더가 정해져 있어 여기서 바꿀 수 없습니다.',
  'settings.dataDir.problem.use_dialog': '폴더 선택… 버튼으로 폴더를 선택하세요.',
  'settings.dataDir.problem.no_dialog':
    '이 Parallax에는 폴더 선택 창이 없습니다. 폴더의 전체 경로를 입력하세요.',
  'settings.dataDir.failed': '데이터 폴더를 바꾸지 못했습니다: {message}',
  'settings.vault': '저장된 키',
  'settings.vault.loading': '키 저장 방식을 확인하는 중…',
  'settings.vault.error': '키 저장 방식을 읽지 못했습니다: {message}',
  'settings.vault.secure': '암호화됨',
  'settings.vault.insecure': '보호되지 않음',
  'settings.vault.safeStorage': '키는 OS 키체인(safeStorage)으로 암호화됩니다',
  'settings.vault.safeStorageWeak': '이 컴퓨터에서는 OS 키체인이 키를 제대로 보호하지 못합니다',
  'settings.vault.aesGcm': '키는 키 파일이나 암호 문구를 바탕으로 AES-256-GCM으로 암호화됩니다',
  'settings.vault.other': '키는 암호화되어 있습니다({kind})',
  'settings.vault.passphrase':
    'API 키는 암호 문구에서 파생한 암호화 키로 AES-256-GCM 암호화됩니다.',
  'settings.vault.keyFile': '키는 이 컴퓨터의 키 파일로 AES-256-GCM으로 암호화됩니다',
  'settings.vault.unlocked':
    '잠금 해제됨: 키 보관함을 잠그거나 앱이 종료될 때까지 저장된 키를 사용할 수 있습니다.',
  'settings.vault.change': '암호 문구 변경…',
  'settings.vault.change.title': '암호 문구 변경',
  'settings.vault.change.current': '현재 암호 문구',
  'settings.vault.change.next': '새 암호 문구',
  'settings.vault.change.repeat': '새 암호 문구 다시 입력',
  'settings.vault.change.help': '저장된 모든 키가 새 암호 문구로 다시 암호화됩니다({min}자 이상).',
  'settings.vault.change.submit': '암호 문구 변경',
  'settings.vault.change.busy': '변경 중…',
  'settings.vault.change.cancel': '취소',
  'settings.vault.change.wrongCurrent': '현재 암호 문구가 틀렸습니다. 아무것도 바뀌지 않았습니다.',
  'settings.vault.change.done': '암호 문구를 변경했습니다.',
  'settings.vault.change.failed': '암호 문구를 변경하지 못했습니다: {message}',
  'settings.vault.count': '{count}개 저장됨',
  'settings.vault.locked':
    '키 보관함이 잠겨 있어 잠금을 풀기 전에는 저장된 키를 사용할 수 없습니다.',
  'settings.vault.consentRequired':
    '여기에 키를 저장하기 전에, 키가 난독화만 된다는 데 동의할지 묻습니다.',
  'settings.clear.heading': '기록 삭제',
  'settings.clear.description':
    '모든 대화와 그 프롬프트, 답변을 삭제합니다. 저장된 연결과 키, 사용량은 남습니다.',
  'settings.clear.button': '기록 삭제…',
  'settings.clear.done': '대화 {count}개를 삭제했습니다.',
  'settings.clear.dialogTitle': '모든 기록을 삭제할까요?',
  'settings.clear.dialogBody':
    '모든 대화가 영구히 삭제되며 되돌릴 수 없습니다. 사본이 필요하면 먼저 내보내세요.',
  'settings.clear.confirmWord': '삭제',
  'settings.clear.confirmLabel': '확인하려면 다음 단어를 입력하세요: {word}',
  'settings.clear.cancel': '취소',
  'settings.clear.confirm': '모두 삭제',
  'settings.clear.clearing': '삭제하는 중…',
  'settings.clear.failed': '기록을 삭제하지 못했습니다: {message}',
}
