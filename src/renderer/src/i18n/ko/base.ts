import type { baseEn } from '../en/base'

export const baseKo: Record<keyof typeof baseEn, string> = {
  'app.title': 'Parallax',
  'app.tagline': '내 API 키로, 주요 클라우드의 모든 모델을 나란히 비교하세요.',
  'about.heading': '설치 정보',
  'about.loading': '호스트에 묻는 중…',
  'about.version': '버전',
  'about.host': '실행 환경',
  'about.host.electron': '데스크톱 앱',
  'about.host.web': '브라우저(웹 호스트)',
  'about.platform': '플랫폼',
  'about.node': 'Node.js',
  'about.electron': 'Electron',
  'about.chrome': 'Chromium',
  'about.dataDir': '데이터 폴더',
  'error.unauthorized':
    '인증되지 않은 접속입니다. `npm run serve`가 출력한 전체 링크(액세스 토큰 포함)로 다시 여세요.',
  'error.generic': '호스트가 응답하지 않았습니다: {message}',
  'error.internal':
    'Parallax 내부에서 문제가 발생했습니다(오류 ID {incident}). 자세한 내용은 로그에 기록되어 있습니다.',
  'error.retry': '다시 시도',
  'notice.host.stopping':
    'Parallax 서버가 종료되었습니다. 서버를 다시 시작하고 이 페이지를 새로 고치세요.',
  'notice.host.unreachable':
    'Parallax 서버와의 연결이 끊어졌습니다. 서버가 실행 중인지 확인한 뒤 이 페이지를 새로 고치세요.',
  'notice.history.movedAside':
    '대화 기록 데이터베이스를 읽을 수 없어 새로 시작했습니다. 삭제된 것은 없습니다. 이전 파일 위치: {detail}',
  'notice.vault.movedAside':
    '저장된 키를 읽을 수 없어 다시 입력해야 합니다. 삭제된 것은 없습니다. 이전 파일 위치: {detail}',
  'notice.data.copied':
    '대화 기록, 키, 설정을 새 데이터 폴더로 복사했습니다. 원본은 {detail} 위치에 그대로 있습니다. 필요 없으면 삭제하세요.',
  'notice.data.copyFailed':
    '{detail} 위치의 데이터를 새 데이터 폴더로 복사하지 못해 데이터 없이 시작했습니다. 삭제된 것은 없습니다. 설정에서 그 폴더를 다시 선택하면 돌아갈 수 있습니다.',
  'notice.data.unavailable':
    '설정에서 선택한 데이터 폴더({detail})를 열 수 없어 이전에 사용하던 폴더로 시작했습니다(설정에 표시됨). 디스크 연결을 확인한 뒤 다시 시작하거나 다른 폴더를 선택하세요.',
  'notice.data.pending':
    '설정에서 선택한 새 데이터 폴더({detail})가 대기 중입니다. 아직 아무것도 옮기지 않았습니다. 바꾸려면 Parallax를 --accept-data-dir로 시작하고, 취소하려면 설정에서 취소하세요.',
  'notice.dismiss': '닫기',
  // Numbers with units, through the catalog (i18n/format-numbers.ts)
  'format.approx': '약 {value}',
  'format.seconds': '{value}초',
}
