// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderMarkdown } from '../test-support/render-markdown'

declare global {
  interface Window {
    __xss?: unknown
  }
}

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"></svg>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '[click](javascript:window.__xss=1)',
  '[click](JaVaScRiPt:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![a](x" onerror="window.__xss=1)',
  '![a](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<details open ontoggle="window.__xss=1">',
  '[a](vbscript:msgbox(1))',
  '<style>body{display:none}</style>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<javascript:alert(1)>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '[a](file:///etc/passwd) [b](/relative) [c](#top) <mailto:a@b.c>',
  '<object data="x"></object><embed src="x">',
  '[ref]\n\n[ref]: javascript:alert(1)',
]

const FORBIDDEN = 'script, iframe, svg, math, object, embed, img, style, form, details, link, meta'

afterEach(() => {
  cleanup()
  delete window.__xss
})

describe('MarkdownView with hostile model output', () => {
  describe.each([false, true])('streaming: %s', (streaming) => {
    it.each(PAYLOADS)('renders %s inertly', (payload) => {
      // Around other Markdown too, so the payload is parsed both alone and mid-answer.
      for (const text of [payload, `Intro **text**\n\n${payload}\n\n- item ${payload}`]) {
        const { container, unmount } = renderMarkdown(text, streaming)
        expect(container.querySelector('.markdown')).not.toBeNull()
        expect(container.querySelectorAll(FORBIDDEN)).toHaveLength(0)
        for (const element of container.querySelectorAll('*')) {
          for (const attribute of element.getAttributeNames()) {
            expect(
              attribute.toLowerCase().startsWith('on'),
              `${element.tagName} ${attribute}`,
            ).toBe(false)
            expect(attribute.toLowerCase()).not.toBe('style')
          }
          const href = element.getAttribute('href')
          if (href !== null) expect(href).toMatch(/^https?:\/\//)
          expect(element.hasAttribute('src')).toBe(false)
        }
        expect(window.__xss).toBeUndefined()
        unmount()
      }
    })
  })

  it('shows raw HTML as text rather than dropping what the model wrote', () => {
    const { container } = renderMarkdown('Use <b>bold</b> and <script>x()</script> here')
    expect(container.querySelector('b')).toBeNull()
    expect(container.textContent).toContain('<b>bold</b>')
    expect(container.textContent).toContain('<script>x()</script>')
  })

  it('keeps the text of a link it will not make clickable', () => {
    const { container } = renderMarkdown('[click me](javascript:alert(1))')
    expect(container.querySelector('a')).toBeNull()
    expect(container.textContent).toBe('click me')
  })

  it('shows an image that will not load as its alt text and address', () => {
    const { container } = renderMarkdown(
      '![cat](http://example.com/cat.png) ![](javascript:alert(1))',
    )
    expect(container.querySelector('img, button')).toBeNull()
    expect(container.textContent).toContain('Image “cat”: http://example.com/cat.png')
    expect(container.textContent).toContain('Image: javascript:alert(1)')
  })
})
