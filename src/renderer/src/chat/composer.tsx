import {
  useEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
} from 'react'
import { useI18n, type Translate } from '../i18n/i18n'
import type { ModelChoice } from '../models/model-choice'
import { PromptEstimate } from '../models/prompt-estimate'
import { AttachImageButton, ComposerImages } from './composer-images'
import type { EstimateContext } from './estimate-context'
import {
  isProblem,
  liveImageNotice,
  MAX_IMAGES,
  readImageFile,
  type ImageDraft,
  type ImageNotice,
} from './image-drafts'

export interface ComposerProps {
  choices: ModelChoice[]
  /** Live runs in this conversation: Stop replaces nothing, it sits beside Send. */
  busy: boolean
  disabledReason: string | null
  /** Labels of the chosen models that take no images (attaching is refused while any is chosen). */
  noVision: string[]
  onSend(text: string, images: ImageDraft[]): Promise<boolean>
  onStop(): void
  /** Text to start from (editing an earlier prompt puts it here). */
  initialText?: string
  /** Answers the prompt asks for (chat n): the estimate bills the prompt that many times. */
  answers?: number
  /** What the send carries besides text and images, for the host's ≈ estimate of the request. */
  estimate?: EstimateContext | null
}

/** The prompt box: Enter sends, Shift+Enter is a new line; shows the ≈ token and cost estimate. */
export function Composer(props: ComposerProps) {
  const { t } = useI18n()
  const [text, setText] = useState(props.initialText ?? '')
  const [sending, setSending] = useState(false)
  const [images, setImages] = useState<ImageDraft[]>([])
  const [notice, setNotice] = useState<ImageNotice | null>(null)
  const input = useRef<HTMLTextAreaElement>(null)
  const picker = useRef<HTMLInputElement>(null)
  const { onStop } = props

  useEffect(() => {
    const focus = () => input.current?.focus()
    const stop = () => onStop()
    window.addEventListener('parallax:focus-input', focus)
    window.addEventListener('parallax:stop', stop)
    return () => {
      window.removeEventListener('parallax:focus-input', focus)
      window.removeEventListener('parallax:stop', stop)
    }
  }, [onStop])

  const refusal =
    props.noVision.length > 0
      ? t('chat.images.noVision', { models: props.noVision.join(', ') })
      : null
  const visionReason = images.length > 0 ? refusal : null
  const imageNotice = liveImageNotice(notice, props.noVision)
  const imageError = imageNotice ? wordImageNotice(imageNotice, t) : null
  const blocked = props.disabledReason ?? visionReason
  const canSend = text.trim().length > 0 && !sending && blocked === null
  const send = async () => {
    if (!canSend) return
    setSending(true)
    const sent = await props.onSend(text, images)
    setSending(false)
    if (sent) {
      setText('')
      setImages([])
      setNotice(null)
    }
    input.current?.focus()
  }

  const attach = async (files: readonly File[]) => {
    if (files.length === 0) return
    if (props.noVision.length > 0) {
      setNotice({ reason: 'noVision', models: props.noVision })
      return
    }
    const room = MAX_IMAGES - images.length
    const read = await Promise.all(files.slice(0, Math.max(0, room)).map(readImageFile))
    const added = read.filter((r): r is ImageDraft => !isProblem(r))
    const problem = read.find(isProblem)
    setImages((current) => [...current, ...added])
    if (problem) setNotice(problem)
    else if (files.length > room) setNotice({ reason: 'tooMany' })
    else setNotice(null)
  }
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files].filter((f) => f.type.startsWith('image/'))
    if (files.length === 0) return
    event.preventDefault()
    void attach(files)
  }
  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    if (event.dataTransfer.files.length === 0) return
    event.preventDefault()
    void attach([...event.dataTransfer.files])
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      void send()
    }
  }

  return (
    <form
      className="composer"
      data-testid="composer"
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDrop}
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
    >
      <label className="visually-hidden" htmlFor="composer-input">
        {t('chat.composer.label')}
      </label>
      <textarea
        id="composer-input"
        ref={input}
        data-testid="prompt-input"
        rows={3}
        value={text}
        placeholder={t('chat.composer.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      <ComposerImages
        images={images}
        onRemove={(id) => setImages((current) => current.filter((image) => image.id !== id))}
      />
      {imageError ? (
        <p className="composer-image-error" role="alert" data-testid="image-error">
          {imageError}
        </p>
      ) : null}
      <div className="composer-bar">
        <input
          ref={picker}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          multiple
          hidden
          data-testid="image-file"
          aria-label={t('chat.images.attach')}
          onChange={(event) => {
            void attach([...(event.target.files ?? [])])
            event.target.value = ''
          }}
        />
        <AttachImageButton
          refusal={refusal}
          onAttach={() => picker.current?.click()}
          onRefused={() => setNotice({ reason: 'noVision', models: props.noVision })}
        />
        <PromptEstimate
          text={text}
          images={images}
          context={props.estimate ?? null}
          choices={props.choices}
          answers={props.answers ?? 1}
        />
        {blocked ? <span className="composer-reason">{blocked}</span> : null}
        <span className="composer-spacer" />
        {props.busy ? (
          <button type="button" onClick={props.onStop} data-testid="stop-all">
            {t('chat.composer.stop')}
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={!canSend} data-testid="send">
          {t('chat.composer.send')}
        </button>
      </div>
    </form>
  )
}

function wordImageNotice(notice: ImageNotice, t: Translate): string {
  switch (notice.reason) {
    case 'noVision':
      return t('chat.images.noVision', { models: notice.models.join(', ') })
    case 'size':
      return t('chat.images.tooBig', { name: notice.name })
    case 'type':
      return t('chat.images.badType', { name: notice.name })
    case 'tooMany':
      return t('chat.images.tooMany')
  }
}
