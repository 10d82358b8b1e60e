import type { ProviderInfo } from '@parallax/llm'
import { destinationWarnings, type DestinationWarning } from '../../shared/destination-warnings'
import { addressFieldOf } from '../../shared/trust-domain'
import { InputError } from '../errors/domain-errors'

export type Acknowledged = readonly 'metadata_address'[] | undefined

/**
 * What is risky about the address a connection will call. A metadata address is refused unless
 * the caller acknowledged it, when the call sets that address (creating, changing it, or testing
 * unsaved values); an address saved with the acknowledgement is not asked about again.
 */
export function checkDestination(
  info: ProviderInfo,
  values: Readonly<Record<string, string>>,
  acknowledged: Acknowledged,
  saved?: Readonly<Record<string, string>>,
): DestinationWarning[] {
  const field = addressFieldOf(info.id)
  const address = field === undefined ? undefined : values[field]
  if (field === undefined || address === undefined) return []
  const warnings = destinationWarnings(address)
  const metadata = warnings.find((warning) => warning.code === 'metadata_address')
  const setsAddress = saved === undefined || saved[field] !== address
  if (metadata && setsAddress && !acknowledged?.includes('metadata_address')) {
    throw new InputError(
      `${metadata.message} Nothing was saved or sent; to use this address anyway, acknowledge "metadata_address".`,
      { field: `fields.${field}`, code: 'metadata_address' },
    )
  }
  return warnings
}
