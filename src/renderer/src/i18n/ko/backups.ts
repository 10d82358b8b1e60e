import type { backupsEn } from '../en/backups'

export const backupsKo: Record<keyof typeof backupsEn, string> = {
  'settings.backups.heading': '백업',
  'settings.backups.description':
    'Parallax는 대화 기록을 하루에 한 번, 그리고 업데이트로 형식이 바뀌기 전에 백업하고, 데이터 폴더의 backups 폴더에 최근 7개를 보관합니다. 백업에는 대화만 들어 있고 API 키는 들어 있지 않습니다.',
  'settings.backups.loading': '백업 목록을 불러오는 중…',
  'settings.backups.empty':
    '아직 백업이 없습니다. 대화 기록이 있으면 다음 시작 때 첫 백업을 만듭니다.',
  'settings.backups.created': '만든 시각',
  'settings.backups.size': '크기',
  'settings.backups.sizeKb': '{value}KB',
  'settings.backups.sizeMb': '{value}MB',
  'settings.backups.sizeGb': '{value}GB',
  'settings.backups.kind': '종류',
  'settings.backups.daily': '매일',
  'settings.backups.migration': '업데이트 전',
  'settings.backups.restore': '복원',
  'settings.backups.restoreLabel': '{date} 백업 복원',
  'settings.backups.pending':
    '다음에 Parallax를 시작할 때 {date} 백업으로 대화 기록을 바꿉니다. 복원을 마치려면 Parallax를 다시 시작하세요.',
  'settings.backups.dialogTitle': '이 백업을 복원할까요?',
  'settings.backups.dialogBody':
    '다음 시작 때 대화 기록을 {date} 백업으로 바꿉니다. 그 뒤에 추가된 대화는 보이지 않지만 삭제되지는 않습니다. 현재 대화 기록 파일은 같은 폴더에 보관합니다.',
  'settings.backups.confirm': '다음 시작 때 복원',
  'settings.backups.cancel': '취소',
  'settings.backups.failed': '백업을 선택하지 못했습니다: {message}',
  'settings.backups.loadFailed': '백업 목록을 불러오지 못했습니다: {message}',
  'notice.history.restoreNewest': '최신 백업 복원',
  'notice.history.restoreChosen':
    '다음에 Parallax를 시작할 때 최신 백업을 복원합니다. 복원을 마치려면 Parallax를 다시 시작하세요.',
  'notice.history.restored':
    '백업 파일({detail})에서 대화 기록을 복원했습니다. 이전에 쓰던 대화 기록은 데이터 폴더에 그대로 보관했습니다.',
  'notice.history.restoreFailed':
    '백업 파일({detail})을 읽을 수 없어 복원하지 못했습니다. 대화 기록은 그대로 두었습니다.',
  'chat.error.diskFull':
    '디스크가 가득 차서 이 답변을 저장하지 못했습니다. 공간을 확보한 뒤 다시 실행하세요.',
  'chat.error.storage': '디스크 오류로 이 답변을 대화 기록에 저장하지 못했습니다. 다시 실행하세요.',
}
