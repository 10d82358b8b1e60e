import type { ModelCapabilitiesView } from '../../../shared/model-schemas'

export type ModelBadge = 'vision' | 'tools' | 'reasoning'

export function modelBadges(capabilities: ModelCapabilitiesView): ModelBadge[] {
  const badges: ModelBadge[] = []
  if (capabilities.modalities.input.includes('image')) badges.push('vision')
  if (capabilities.tools) badges.push('tools')
  if (capabilities.reasoning) badges.push('reasoning')
  return badges
}
