import { useEffect, useMemo, useState } from 'react'
import type { UsageWarningPayload } from '../../../shared/usage-schemas'
import { useAppState, useAppStore } from '../app/app-context'
import { dismissUsageWarning, isUsageWarningDismissed } from '../app/dismissed-banners'
import { useI18n } from '../i18n/i18n'
import { createUsageFormat } from './usage-format'
import './usage-warning.css'

/**
 * A warning for each connection whose requests or spend in the last hour are far above its own
 * norm (a leaked key looks like this), until the person dismisses it.
 */
export function UsageWarningBanner() {
  const { t, language } = useI18n()
  const { client, navigate } = useAppStore()
  const connections = useAppState((app) => app.connections)
  const [warnings, setWarnings] = useState<UsageWarningPayload[]>([])
  const format = useMemo(() => createUsageFormat(language), [language])

  useEffect(
    () =>
      client.on('usage.warning', (warning) => {
        // One the person dismissed (also before a restart) stays hidden until use grows further.
        if (isUsageWarningDismissed(warning)) return
        // A newer warning about the same connection replaces the older one.
        setWarnings((shown) => [
          ...shown.filter((w) => w.connectionId !== warning.connectionId),
          warning,
        ])
      }),
    [client],
  )

  const dismiss = (warning: UsageWarningPayload) => {
    dismissUsageWarning(warning)
    setWarnings((shown) => shown.filter((w) => w !== warning))
  }

  return (
    <>
      {warnings.map((warning) => {
        const label =
          connections.find((c) => c.id === warning.connectionId)?.label ?? warning.connectionId
        const triggered = new Set(warning.triggeredBy)
        return (
          <div
            key={warning.connectionId}
            role="alert"
            className="usage-warning"
            data-testid="usage-warning"
          >
            <div className="usage-warning-text">
              <strong>{t('usage.warning.title', { label })}</strong>
              <ul>
                <li className={triggered.has('requests') ? 'usage-warning-hit' : undefined}>
                  {warning.kind === 'burst'
                    ? t('usage.warning.burst', {
                        observed: format.count(warning.requests.observed),
                        seconds: format.count(
                          Math.round((warning.window.to - warning.window.from) / 1000),
                        ),
                        norm: format.count(warning.requests.norm),
                      })
                    : t('usage.warning.requests', {
                        observed: format.count(warning.requests.observed),
                        norm: format.count(warning.requests.norm),
                      })}
                </li>
                {warning.kind === 'burst' ? null : (
                  <li className={triggered.has('cost') ? 'usage-warning-hit' : undefined}>
                    {t('usage.warning.cost', {
                      observed: format.usd(warning.costUsd.observed),
                      norm: format.usd(warning.costUsd.norm),
                    })}
                  </li>
                )}
              </ul>
              <p>{t('usage.warning.suggestion')}</p>
            </div>
            <div className="usage-warning-actions">
              <button
                type="button"
                className="usage-warning-primary"
                onClick={() => navigate({ name: 'connections' })}
              >
                {t('usage.warning.open')}
              </button>
              <button
                type="button"
                onClick={() => dismiss(warning)}
                aria-label={t('usage.warning.dismissLabel', { label })}
              >
                {t('usage.warning.dismiss')}
              </button>
            </div>
          </div>
        )
      })}
    </>
  )
}
