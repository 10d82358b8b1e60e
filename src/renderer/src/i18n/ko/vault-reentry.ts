import type { vaultReentryEn } from '../en/vault-reentry'

export const vaultReentryKo: Record<keyof typeof vaultReentryEn, string> = {
  'notice.vault.keyFileReplaced':
    '저장된 키를 복호화할 수 없습니다. 키 파일(vault.key)이 바뀌었습니다. 이전 키 보관함은 삭제하지 않고 {detail} 위치에 보관했습니다. 연결에서 각 키를 다시 입력하세요.',
  'notice.vault.keyFileMissing':
    '저장된 키를 복호화할 수 없습니다. 키 파일(vault.key)이 없어 새로 만들었습니다. 이전 키 보관함은 삭제하지 않고 {detail} 위치에 보관했습니다. 연결에서 각 키를 다시 입력하세요.',
  'notice.vault.keychainChanged':
    '저장된 키를 복호화할 수 없습니다. OS 키체인이 바뀌었습니다(다른 컴퓨터나 사용자, 또는 초기화된 키체인). 이전 키 보관함은 삭제하지 않고 {detail} 위치에 보관했습니다. 연결에서 각 키를 다시 입력하세요.',

  'vaultReentry.reason.key_file_replaced':
    '저장된 키를 복호화할 수 없습니다. 키 파일이 바뀌었습니다.',
  'vaultReentry.reason.key_file_missing':
    '저장된 키를 복호화할 수 없습니다. 키 파일이 없어 새로 만들었습니다.',
  'vaultReentry.reason.keychain_changed':
    '저장된 키를 복호화할 수 없습니다. OS 키체인이 바뀌었습니다.',
  'vaultReentry.todo':
    '키를 기다리는 연결: {count}개. “키를 다시 입력해야 함”으로 표시된 연결을 각각 편집해 키를 입력하세요. 입력하면 바로 사용할 수 있습니다.',
  'vaultReentry.kept': '이전 키 보관함은 삭제하지 않고 데이터 폴더에 {file} 파일로 보관했습니다.',

  'vaultReentry.row.badge': '키를 다시 입력해야 함',
  'vaultReentry.row.field': '다시 입력해야 함',
  'vaultReentry.form.placeholder': '이 키를 다시 입력하세요(저장된 키를 복호화할 수 없음)',
  'vaultReentry.form.required': '다시 입력',

  'chat.error.reenter':
    '이 연결의 키를 다시 입력해야 합니다. 연결에서 이 연결을 열고 키를 입력하세요.',

  'notice.vault.unavailable':
    '지금 이 컴퓨터에서는 API 키를 암호화할 수 없어(사용할 수 있는 OS 키체인이 없음) 저장된 키를 사용하거나 저장할 수 없습니다. 기록은 평소처럼 사용할 수 있으며, 저장된 키는 키체인이 다시 작동할 때를 위해 그대로 보관합니다.',
  'chat.error.unavailable':
    '저장된 키를 사용할 수 없습니다. 지금 이 컴퓨터에서는 키를 암호화할 수 없습니다(사용할 수 있는 OS 키체인이 없음).',
}
