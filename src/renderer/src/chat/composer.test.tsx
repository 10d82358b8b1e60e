// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeClient } from '../test-support/fake-client'
import { renderWithApp } from '../test-support/render-with-app'
import { Composer } from './composer'

afterEach(cleanup)

function composer(noVision: string[]) {
  return (
    <Composer
      choices={[]}
      busy={false}
      disabledReason={null}
      noVision={noVision}
      onSend={() => Promise.resolve(true)}
      onStop={() => {}}
    />
  )
}

const png = () =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'dot.png', { type: 'image/png' })

describe('Composer: attaching images', () => {
  it('turns Attach image off while a chosen model takes no images, naming it, and on again after', () => {
    const view = renderWithApp(composer(['o3-mini']), createFakeClient())
    const attach = screen.getByTestId('attach-image')
    expect(attach.getAttribute('aria-disabled')).toBe('true')
    // Still focusable, with the reason as its description (what hover and screen readers get).
    expect(attach.hasAttribute('disabled')).toBe(false)
    const reasonId = attach.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(reasonId)?.textContent).toContain('o3-mini takes no images')

    view.rerender(composer([]))
    const enabled = screen.getByTestId('attach-image')
    expect(enabled.hasAttribute('aria-disabled')).toBe(false)
    expect(enabled.hasAttribute('aria-describedby')).toBe(false)
    expect(screen.queryByTestId('attach-image-reason')).toBeNull()
  })

  it('shows the reason when the turned-off button is pressed', () => {
    renderWithApp(composer(['o3-mini']), createFakeClient())
    fireEvent.click(screen.getByTestId('attach-image'))
    expect(screen.getByTestId('image-error').textContent).toContain('o3-mini takes no images')
  })

  it('drops a refusal once the models change, and attaches then', async () => {
    const view = renderWithApp(composer(['o3-mini']), createFakeClient())
    fireEvent.change(screen.getByTestId('image-file'), { target: { files: [png()] } })
    await waitFor(() =>
      expect(screen.getByTestId('image-error').textContent).toContain('o3-mini takes no images'),
    )
    expect(screen.queryAllByTestId('composer-image')).toHaveLength(0)

    view.rerender(composer([]))
    expect(screen.queryByTestId('image-error')).toBeNull()
    fireEvent.change(screen.getByTestId('image-file'), { target: { files: [png()] } })
    await waitFor(() => expect(screen.getAllByTestId('composer-image')).toHaveLength(1))
    expect(screen.queryByTestId('image-error')).toBeNull()
  })
})
