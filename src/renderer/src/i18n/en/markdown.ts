/** Texts of rendered model answers: code blocks, links, images, task lists. */
export const markdownEn = {
  'markdown.code.plainText': 'Text',
  'markdown.code.copyLabel': 'Copy code',
  'markdown.link.dialogTitle': 'Open this link?',
  'markdown.link.dialogBody': 'It opens in your web browser. Check the address first:',
  'markdown.link.open': 'Open',
  'markdown.link.cancel': 'Cancel',
  'markdown.image.load': 'Load image from {host}',
  'markdown.image.text': 'Image “{alt}”: {url}',
  'markdown.image.textNoAlt': 'Image: {url}',
  'markdown.task.label': 'Task',
} as const
