import { useId, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { PRESET_NAME_MAX, type Preset } from './presets-store'
import type { RunParameters } from './run-parameters'
import { usePresets } from './use-presets'

export interface PresetsMenuProps {
  parameters: RunParameters
  /** Saved with the preset when the panel edits a system prompt. */
  systemPrompt?: string
  onApply(preset: Preset): void
}

/** Saves the current parameters under a name, and lists saved presets to apply or delete. */
export function PresetsMenu({ parameters, systemPrompt, onApply }: PresetsMenuProps) {
  const { t } = useI18n()
  const { presets, save, remove } = usePresets()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const id = useId()

  const onSave = () => {
    const trimmed = name.trim()
    if (trimmed === '') return
    try {
      save({ name: trimmed, parameters, ...(systemPrompt === undefined ? {} : { systemPrompt }) })
      setName('')
      setMessage({ text: t('params.presets.saved', { name: trimmed }), error: false })
    } catch {
      setMessage({ text: t('params.presets.saveFailed'), error: true })
    }
  }

  return (
    <div className="presets" data-testid="presets">
      <button
        type="button"
        className="presets-toggle"
        aria-expanded={open}
        aria-controls={`${id}-body`}
        onClick={() => setOpen((was) => !was)}
      >
        {t('params.presets.title', { count: String(presets.length) })}
      </button>
      {open && (
        <div id={`${id}-body`} className="presets-body">
          <form
            className="presets-save"
            onSubmit={(event) => {
              event.preventDefault()
              onSave()
            }}
          >
            <label htmlFor={`${id}-name`}>{t('params.presets.name')}</label>
            <input
              id={`${id}-name`}
              type="text"
              value={name}
              maxLength={PRESET_NAME_MAX}
              placeholder={t('params.presets.namePlaceholder')}
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="primary" disabled={name.trim() === ''}>
              {t('params.presets.save')}
            </button>
          </form>
          {message && (
            <p role={message.error ? 'alert' : 'status'} className="presets-message">
              {message.text}
            </p>
          )}
          {presets.length === 0 ? (
            <p className="presets-empty">{t('params.presets.empty')}</p>
          ) : (
            <ul className="presets-list" aria-label={t('params.presets.list')}>
              {presets.map((preset) => (
                <li key={preset.id} data-testid="preset" data-name={preset.name}>
                  <div className="presets-item-text">
                    <span className="presets-item-name">{preset.name}</span>
                    <span className="presets-item-summary">
                      {summarize(preset, t('params.presets.withSystem'))}
                    </span>
                  </div>
                  <button
                    type="button"
                    aria-label={t('params.presets.applyNamed', { name: preset.name })}
                    onClick={() => {
                      onApply(preset)
                      setMessage({
                        text: t('params.presets.applied', { name: preset.name }),
                        error: false,
                      })
                    }}
                  >
                    {t('params.presets.apply')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={t('params.presets.deleteNamed', { name: preset.name })}
                    onClick={() => {
                      try {
                        remove(preset.id)
                      } catch {
                        setMessage({ text: t('params.presets.saveFailed'), error: true })
                      }
                    }}
                  >
                    {t('params.presets.delete')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}

/** "temperature 0.2 · max_tokens 800": the API names are the same in every language. */
function summarize(preset: Preset, systemLabel: string): string {
  const parts = Object.entries(preset.parameters).flatMap(([key, value]) => {
    if (value === undefined || value === null) return []
    const shown = Array.isArray(value) ? value.length : typeof value === 'object' ? '…' : value
    return [`${key} ${String(shown)}`]
  })
  if (preset.systemPrompt) parts.push(systemLabel)
  return parts.join(' · ')
}
