import type { shellEn } from '../en/shell'

export const shellKo: Record<keyof typeof shellEn, string> = {
  'shell.sidebar': '사이드바',
  'shell.sidebarToggle': '사이드바',
  'shell.sidebarHide': '사이드바 숨기기',
  'shell.sidebarShow': '사이드바 표시',
  'shell.history': '기록',
  'shell.nav': '메뉴',
  'shell.newChat': '새 채팅',
  'shell.newCompare': '비교',
  'shell.connections': '연결',
  'shell.usage': '사용량',
  'shell.settings': '설정',
  'shell.skipToMain': '본문으로 건너뛰기',
}
