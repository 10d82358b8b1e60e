import { useMemo } from 'react'
import { type ProviderView, useAppState } from '../app/app-context'
import { useI18n, type Translate } from '../i18n/i18n'
import { messagesEn, type MessageKey } from '../i18n/messages-en'

function known(key: string): MessageKey | null {
  return Object.hasOwn(messagesEn, key) ? (key as MessageKey) : null
}

/** The providers with their fields' labels and help in the current language (host text as fallback). */
export function localizeProviders(
  providers: readonly ProviderView[],
  t: Translate,
): ProviderView[] {
  return providers.map((provider) => ({
    ...provider,
    fields: provider.fields.map((field) => {
      const label = known(`field.${provider.id}.${field.name}.label`)
      const help = known(`field.${provider.id}.${field.name}.help`)
      return { ...field, label: label ? t(label) : field.label, help: help ? t(help) : field.help }
    }),
  }))
}

export function useLocalizedProviders(): ProviderView[] {
  const providers = useAppState((app) => app.providers)
  const { t } = useI18n()
  return useMemo(() => localizeProviders(providers, t), [providers, t])
}
