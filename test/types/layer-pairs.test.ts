import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Proves each check of layer-pairs.ts bites: the compiler is run on it with one real source file
// drifted in memory (a field added, a type changed, as a later edit would), and must report
// TS2344 at that pair's check. Parsed files are shared between the programs, so each costs only
// the checking of the one file.

const ROOT = resolve(import.meta.dirname, '../..')
const PAIRS_FILE = resolve(ROOT, 'test/types/layer-pairs.ts')
const LLM_TYPES = 'packages/llm/src/types.ts'
const MODEL_SCHEMAS = 'src/shared/model-schemas.ts'
const CONNECTION_SCHEMAS = 'src/shared/connection-schemas.ts'
const RUN_INPUT_SCHEMAS = 'src/shared/run-input-schemas.ts'
const HINT_SCHEMAS = 'src/shared/hint-schemas.ts'

interface Drift {
  /** The exported check in layer-pairs.ts that must fail. */
  pair: string
  file: string
  change: (source: string) => string
}

/** Replaces text that must occur exactly once, so a moved anchor fails loudly, not silently. */
const replace = (from: string, to: string) => (source: string) => {
  const count = source.split(from).length - 1
  if (count !== 1) throw new Error(`Expected one ${JSON.stringify(from)}, found ${count}.`)
  return source.replace(from, to)
}
/** Declaration merging adds a field to one of the library's interfaces. */
const append = (declaration: string) => (source: string) => `${source}\n${declaration}\n`

const DRIFTS: Drift[] = [
  {
    pair: 'ParameterSupportMatches',
    file: MODEL_SCHEMAS,
    change: replace(
      'version: z.string().optional(),',
      'version: z.string().optional(),\n      region: z.string().optional(),',
    ),
  },

  {
    pair: 'ParameterSupportFitsTheView',
    file: MODEL_SCHEMAS,
    change: replace('code: z.string().min(1),', 'code: z.literal(1),'),
  },
  {
    pair: 'ModelPriceMatches',
    file: MODEL_SCHEMAS,
    change: replace('checkedAt: z.string(),', 'checkedAt: z.string().optional(),'),
  },
  {
    pair: 'CapabilitiesFitTheView',
    file: MODEL_SCHEMAS,
    change: replace('contextWindow: z.number(),', 'contextWindow: z.string(),'),
  },
  {
    pair: 'CredentialFieldMatches',
    file: LLM_TYPES,
    change: append('export interface CredentialField { pattern?: string }'),
  },
  {
    pair: 'ProviderInfoMatches',
    file: LLM_TYPES,
    change: append('export interface ProviderInfo { iconUrl?: string }'),
  },
  {
    pair: 'ProviderIdFitsTheSummary',
    file: CONNECTION_SCHEMAS,
    change: replace(
      'ProviderSummarySchema = z.object({\n  id: z.string(),',
      "ProviderSummarySchema = z.object({\n  id: z.literal('openai'),",
    ),
  },
  {
    pair: 'RunParameterNamesMatch',
    file: LLM_TYPES,
    change: replace(
      '  extra_body?: Record<string, unknown>\n}',
      '  extra_body?: Record<string, unknown>\n  brand_new_field?: boolean\n}',
    ),
  },
  {
    pair: 'RunParametersMatch',
    file: RUN_INPUT_SCHEMAS,
    change: replace(
      'seed: z.number().int().nullable().optional(),',
      'seed: z.number().int().optional(),',
    ),
  },
  {
    pair: 'PassedThroughFieldsFit',
    file: RUN_INPUT_SCHEMAS,
    change: replace(
      'response_format: z.record(z.string(), z.unknown()).optional(),',
      "response_format: z.strictObject({ type: z.literal('json_object') }).optional(),",
    ),
  },
  {
    pair: 'AnswerCountFits',
    file: LLM_TYPES,
    change: replace('  n?: number | null\n', '  n?: 1 | null\n'),
  },
  {
    pair: 'FinishReasonMatches',
    file: LLM_TYPES,
    change: replace(
      "FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter'",
      "FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error'",
    ),
  },
  {
    pair: 'HintFitsTheView',
    file: HINT_SCHEMAS,
    change: replace(
      'hintDetails: z.record(z.string(), z.string()).optional(),',
      'hintDetails: z.record(z.string(), z.number()).optional(),',
    ),
  },
  {
    pair: 'ToolCallMatches',
    file: LLM_TYPES,
    change: append('export interface ToolCall { index?: number }'),
  },
]

function compilerOptions(): ts.CompilerOptions {
  const configFile = resolve(ROOT, 'tsconfig.tools.json')
  const { config } = ts.readConfigFile(configFile, (path) => ts.sys.readFile(path))
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configFile)
  return {
    ...options,
    noEmit: true,
    skipLibCheck: true,
    composite: false,
    incremental: false,
    declaration: false,
    emitDeclarationOnly: false,
    // The pairs need no ambient types (node, vite/client); leaving them out keeps this quick.
    types: [],
  }
}

const options = compilerOptions()
const baseHost = ts.createCompilerHost(options, true)
const parsed = new Map<string, ts.SourceFile>()

/** Checks layer-pairs.ts with `overrides` (absolute path → text) in place of those files. */
function failingPairs(overrides: ReadonlyMap<string, string> = new Map()): string[] {
  const host: ts.CompilerHost = {
    ...baseHost,
    readFile: (file) => overrides.get(resolve(file)) ?? baseHost.readFile(file),
    getSourceFile(file, languageVersion, onError) {
      const text = overrides.get(resolve(file))
      if (text !== undefined) return ts.createSourceFile(file, text, languageVersion, true)
      let source = parsed.get(file)
      if (!source) {
        source = baseHost.getSourceFile(file, languageVersion, onError)
        if (source) parsed.set(file, source)
      }
      return source
    },
  }
  const program = ts.createProgram({ rootNames: [PAIRS_FILE], options, host })
  const pairs = program.getSourceFile(PAIRS_FILE)
  if (!pairs) throw new Error(`${PAIRS_FILE} was not loaded.`)
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getSyntacticDiagnostics(pairs),
    ...program.getSemanticDiagnostics(pairs),
  ]
  return diagnostics.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n')
    if (d.code !== 2344 || d.start === undefined) return `TS${d.code}: ${text}`
    return checkAt(pairs, d.start)
  })
}

/** The name of the exported check whose declaration holds `position`. */
function checkAt(source: ts.SourceFile, position: number): string {
  const declaration = source.statements.find(
    (s) => ts.isTypeAliasDeclaration(s) && s.pos <= position && position < s.end,
  ) as ts.TypeAliasDeclaration | undefined
  return declaration?.name.text ?? `TS2344 outside a check, at ${position}`
}

describe('layer pairs (test/types/layer-pairs.ts)', () => {
  it('compile as they are', () => {
    expect(failingPairs()).toEqual([])
  })

  it.each(DRIFTS)('$pair fails when its copies drift', ({ pair, file, change }) => {
    const path = resolve(ROOT, file)
    const drifted = change(readFileSync(path, 'utf8'))
    expect(failingPairs(new Map([[path, drifted]]))).toContain(pair)
  })

  it('every check has a drift above', () => {
    const checks = [
      ...readFileSync(PAIRS_FILE, 'utf8').matchAll(/^export type (\w+) = Expect</gm),
    ].map((m) => m[1])
    expect(checks.length).toBeGreaterThan(0)
    expect(DRIFTS.map((d) => d.pair).sort()).toEqual(checks.sort())
  })
})
