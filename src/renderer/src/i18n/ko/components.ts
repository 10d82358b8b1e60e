import type { componentsEn } from '../en/components'

export const componentsKo: Record<keyof typeof componentsEn, string> = {
  'copy.copy': '복사',
  'copy.copied': '복사됨',
  'copy.failed': '복사하지 못했습니다',
  'copy.failedHint': '텍스트를 직접 선택해 복사하세요.',
}
