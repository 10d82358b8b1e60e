import { useEffect, useState } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import type { AppInfo } from '../../../shared/contract'
import type { RpcError } from '../../../shared/rpc-result'
import { useI18n } from '../i18n/i18n'

type State =
  { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'error'; error: RpcError }

/** Shows what `app.info` answered through the contract. */
export function AboutPanel({ client }: { client: ParallaxClient }) {
  const { t } = useI18n()
  const [state, setState] = useState<State>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    void client.invoke('app.info', {}).then((result) => {
      if (!current) return
      setState(
        result.ok
          ? { status: 'ready', info: result.value }
          : { status: 'error', error: result.error },
      )
    })
    return () => {
      current = false
    }
  }, [client, attempt])

  const retry = (): void => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }

  return (
    <section
      className="panel"
      aria-labelledby="about-heading"
      aria-busy={state.status === 'loading'}
    >
      <h2 id="about-heading">{t('about.heading')}</h2>
      {state.status === 'loading' && <p>{t('about.loading')}</p>}
      {state.status === 'error' && (
        <div role="alert" className="error">
          <p>
            {state.error.kind === 'unauthorized'
              ? t('error.unauthorized')
              : t('error.generic', { message: state.error.message })}
          </p>
          <button type="button" onClick={retry}>
            {t('error.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && <InfoList info={state.info} />}
    </section>
  )
}

function InfoList({ info }: { info: AppInfo }) {
  const { t } = useI18n()
  const rows: [string, string, string | undefined][] = [
    ['version', t('about.version'), info.version],
    [
      'host',
      t('about.host'),
      t(info.host === 'electron' ? 'about.host.electron' : 'about.host.web'),
    ],
    ['platform', t('about.platform'), `${info.platform} (${info.arch})`],
    ['node', t('about.node'), info.versions.node],
    ['electron', t('about.electron'), info.versions.electron],
    ['chrome', t('about.chrome'), info.versions.chrome],
    ['data-dir', t('about.dataDir'), info.dataDir],
  ]
  return (
    <dl className="info-list">
      {rows
        .filter((row): row is [string, string, string] => row[2] !== undefined)
        .map(([id, label, value]) => (
          <div key={id} className="info-row">
            <dt>{label}</dt>
            <dd data-testid={`app-info-${id}`}>{value}</dd>
          </div>
        ))}
    </dl>
  )
}
