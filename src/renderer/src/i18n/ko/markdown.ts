import type { markdownEn } from '../en/markdown'

export const markdownKo: Record<keyof typeof markdownEn, string> = {
  'markdown.code.plainText': '텍스트',
  'markdown.code.copyLabel': '코드 복사',
  'markdown.link.dialogTitle': '이 링크를 열까요?',
  'markdown.link.dialogBody': '웹 브라우저에서 열립니다. 먼저 주소를 확인하세요:',
  'markdown.link.open': '열기',
  'markdown.link.cancel': '취소',
  'markdown.image.load': '{host}에서 이미지 불러오기',
  'markdown.image.text': '이미지 “{alt}”: {url}',
  'markdown.image.textNoAlt': '이미지: {url}',
  'markdown.task.label': '할 일',
}
