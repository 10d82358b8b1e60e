import { useEffect, useState } from 'react'
import type { GrammarName } from './code-languages'
import { isGrammarLoaded, loadGrammar } from './highlighter'

/** The grammar once it is loaded (starting the load on first use), else undefined. */
export function useLoadedGrammar(grammar: GrammarName | undefined): GrammarName | undefined {
  const [, setLoadCount] = useState(0)
  const ready = grammar !== undefined && isGrammarLoaded(grammar)
  useEffect(() => {
    if (grammar === undefined || ready) return
    let active = true
    loadGrammar(grammar).then(
      () => {
        if (active) setLoadCount((count) => count + 1)
      },
      // A grammar that fails to load leaves the code as plain text.
      () => undefined,
    )
    return () => {
      active = false
    }
  }, [grammar, ready])
  return ready ? grammar : undefined
}
