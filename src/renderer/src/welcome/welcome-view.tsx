import { useId } from 'react'
import { useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import './welcome.css'

/** First run: what “bring your own key” means here, and the one way in. */
export function WelcomeView() {
  const { t } = useI18n()
  const { navigate } = useAppStore()
  const byokId = useId()
  const stepsId = useId()
  return (
    <div className="main-scroll">
      <div className="screen welcome" data-testid="welcome">
        <div className="welcome-hero">
          <img className="welcome-mark" src="./favicon.svg" alt="" width={44} height={44} />
          <h1>{t('welcome.title')}</h1>
          <p className="welcome-lead">{t('welcome.lead')}</p>
        </div>

        <section className="panel welcome-byok" aria-labelledby={byokId}>
          <h2 id={byokId}>
            <span
              className="welcome-byok-icon"
              aria-hidden="true"
              data-testid="welcome-byok-icon"
            />
            {t('welcome.byok.heading')}
          </h2>
          <p>
            {t('welcome.byok.stored')} {t('welcome.byok.direct')}
          </p>
        </section>

        <section className="welcome-steps" aria-labelledby={stepsId}>
          <h2 id={stepsId} className="visually-hidden">
            {t('welcome.steps')}
          </h2>
          <ol>
            <li>{t('welcome.step.connect')}</li>
            <li>{t('welcome.step.test')}</li>
            <li>{t('welcome.step.compare')}</li>
          </ol>
        </section>

        <button
          type="button"
          className="primary welcome-cta"
          onClick={() => navigate({ name: 'connections' })}
        >
          {t('welcome.add')}
        </button>
      </div>
    </div>
  )
}
