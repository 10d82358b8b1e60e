// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useAppState } from '../app/app-context'
import { ConnectionsView } from '../connections/connections-view'
import type { Language } from '../i18n/i18n'
import { welcomeEn } from '../i18n/en/welcome'
import { createConnectionsHost } from '../test-support/connections-host'
import { createFakeClient } from '../test-support/fake-client'
import { renderWithApp } from '../test-support/render-with-app'
import { WelcomeView } from './welcome-view'

afterEach(cleanup)

/** The two screens this test needs, routed the way the app shell routes them. */
function Screens() {
  const route = useAppState((app) => app.route)
  return route.name === 'connections' ? <ConnectionsView /> : <WelcomeView />
}

function renderWelcome(language: Language) {
  const fake = createFakeClient(createConnectionsHost().handlers)
  renderWithApp(<Screens />, fake, { language })
  return fake
}

describe('WelcomeView', () => {
  it('explains bring-your-own-key in two sentences', () => {
    renderWelcome('en')
    const welcome = screen.getByTestId('welcome')
    expect(welcome.textContent).toContain('Your keys stay on this machine, encrypted.')
    expect(welcome.textContent).toContain('Requests go straight from this machine to the provider')
  })

  it('“Add a connection” goes to Connections with the add form open', async () => {
    renderWelcome('en')
    fireEvent.click(screen.getByRole('button', { name: 'Add a connection' }))
    expect(window.location.hash).toBe('#/connections')
    expect(await screen.findByTestId('connections-screen')).toBeTruthy()
    expect(await screen.findByTestId('connection-form')).toBeTruthy()
    expect(screen.queryByTestId('welcome')).toBeNull()
    expect(await screen.findByRole('radio', { name: 'OpenAI' })).toBeTruthy()
  })

  it('has no English left over in Korean', () => {
    renderWelcome('ko')
    const welcome = screen.getByTestId('welcome')
    const text = welcome.textContent ?? ''
    for (const english of Object.values(welcomeEn)) expect(text).not.toContain(english)
    // Only the product name stays in Latin letters.
    expect(text.replace(/Parallax/g, '')).not.toMatch(/[A-Za-z]{2,}/)
    expect(screen.getByRole('button', { name: '연결 추가하기' })).toBeTruthy()
    for (const element of welcome.querySelectorAll('[aria-label], [title], [alt]')) {
      for (const name of ['aria-label', 'title', 'alt']) {
        expect(element.getAttribute(name) ?? '').not.toMatch(/[A-Za-z]{2,}/)
      }
    }
  })
})
