import type { Root } from 'hast'
import { createLowlight } from 'lowlight'
import { importGrammar, type GrammarName } from './code-languages'

/** The one highlighter of the app; grammars are added as code in them first appears. */
export const lowlight = createLowlight()

const loading = new Map<GrammarName, Promise<void>>()

export function isGrammarLoaded(name: GrammarName): boolean {
  return lowlight.registered(name)
}

/** Loads a grammar once; later calls share the same promise. A failed load may be retried. */
export function loadGrammar(name: GrammarName): Promise<void> {
  if (isGrammarLoaded(name)) return Promise.resolve()
  let pending = loading.get(name)
  if (!pending) {
    pending = importGrammar(name).then(
      (grammar) => lowlight.register(name, grammar),
      (error: unknown) => {
        loading.delete(name)
        throw error
      },
    )
    loading.set(name, pending)
  }
  return pending
}

/** The highlighted tree, or undefined when the grammar is missing or highlighting fails. */
export function highlightCode(name: GrammarName, code: string): Root | undefined {
  if (!isGrammarLoaded(name)) return undefined
  try {
    return lowlight.highlight(name, code)
  } catch {
    return undefined
  }
}
