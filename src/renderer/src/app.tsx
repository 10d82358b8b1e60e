import type { ParallaxClient } from '../../shared/client'
import { AboutPanel } from './components/about-panel'
import { NoticeBanner } from './components/notice-banner'
import { useI18n } from './i18n/i18n'

export function App({ client }: { client: ParallaxClient }) {
  const { t } = useI18n()
  return (
    <div className="app">
      <NoticeBanner client={client} />
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </header>
      <main>
        <AboutPanel client={client} />
      </main>
    </div>
  )
}
