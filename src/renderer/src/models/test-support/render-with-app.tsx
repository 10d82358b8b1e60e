import { render, type RenderResult } from '@testing-library/react'
import type { ReactNode } from 'react'
import type { ParallaxClient } from '../../../../shared/client'
import { AppProvider } from '../../app/app-context'
import { I18nProvider, type Language } from '../../i18n/i18n'

/** Renders inside the providers every screen has. */
export function renderWithApp(
  ui: ReactNode,
  client: ParallaxClient,
  language: Language = 'en',
): RenderResult {
  return render(
    <AppProvider client={client}>
      <I18nProvider language={language}>{ui}</I18nProvider>
    </AppProvider>,
  )
}
