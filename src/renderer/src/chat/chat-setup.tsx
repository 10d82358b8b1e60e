import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { ModelPicker } from '../models/model-picker'
import { ParametersPanel } from '../models/parameters-panel'
import { useCapabilities } from '../models/use-model-lists'
import type { ConversationSetup } from './use-conversation-setup'

/** A chat's model and its parameters (in a panel that opens on demand). */
export function ChatSetup({ setup }: { setup: ConversationSetup }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const capabilities = useCapabilities(setup.choice)
  return (
    <div className="setup setup-chat">
      <ModelPicker
        value={setup.choice}
        onChange={setup.setChoice}
        label={t('chat.setup.model')}
        testId="chat-model-picker"
      />
      <button
        type="button"
        aria-expanded={open}
        aria-controls="chat-parameters"
        onClick={() => setOpen(!open)}
        data-testid="toggle-parameters"
      >
        {t('chat.setup.parameters')}
      </button>
      {open ? (
        <div id="chat-parameters" className="setup-parameters">
          <ParametersPanel
            capabilities={capabilities}
            value={setup.parameters}
            onChange={setup.setParameters}
            systemPrompt={setup.systemPrompt}
            onSystemPromptChange={setup.setSystemPrompt}
            offerAnswers
          />
        </div>
      ) : null}
    </div>
  )
}
