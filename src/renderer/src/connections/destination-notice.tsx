import {
  destinationWarnings,
  type DestinationWarningCode,
} from '../../../shared/destination-warnings'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'

const WARNING_TEXT: Record<DestinationWarningCode, MessageKey> = {
  plain_http: 'connections.dest.plainHttp',
  metadata_address: 'connections.dest.metadataAddress',
}

interface DestinationNoticeProps {
  /** The address as typed (base URL or endpoint). */
  address: string
  acknowledged: boolean
  onAcknowledgedChange(acknowledged: boolean): void
}

/**
 * What is risky about the typed address, shown before saving; a metadata address needs an
 * explicit "I understand" (sent as `acknowledge`), which the host otherwise refuses.
 */
export function DestinationNotice({
  address,
  acknowledged,
  onAcknowledgedChange,
}: DestinationNoticeProps) {
  const { t } = useI18n()
  const warnings = destinationWarnings(address)
  if (warnings.length === 0) return null
  return (
    <div className="cx-destination" data-testid="destination-warnings" role="status">
      {warnings.map((warning) => (
        <p key={warning.code} className="cx-field-warning" data-code={warning.code}>
          {t(WARNING_TEXT[warning.code])}
        </p>
      ))}
      {warnings.some((warning) => warning.code === 'metadata_address') && (
        <label className="cx-remove">
          <input
            type="checkbox"
            checked={acknowledged}
            onChange={(event) => onAcknowledgedChange(event.target.checked)}
          />
          {t('connections.dest.acknowledge')}
        </label>
      )}
    </div>
  )
}

/** True when the address needs the "I understand" box and it is ticked. */
export function metadataAcknowledged(address: string, acknowledged: boolean): boolean {
  return (
    acknowledged &&
    destinationWarnings(address).some((warning) => warning.code === 'metadata_address')
  )
}
