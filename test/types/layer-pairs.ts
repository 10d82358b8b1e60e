/**
 * Types that packages/llm/src and src/shared each define, because neither layer may import the other.
 * Each pair is checked here at compile time: `npm run typecheck` (tsconfig.tools.json) fails when
 * the copies drift, and layer-pairs.test.ts proves that every check below does fail on a drift.
 *
 * A pair that may differ on purpose names its difference and says why, instead of hiding it.
 */
import type { z } from 'zod'
import type {
  ChatRequest,
  CredentialField,
  FinishReason,
  ModelCapabilities,
  ModelPrice,
  ParameterSupport,
  ProviderId,
  ProviderInfo,
  ToolCall,
} from '../../packages/llm/src/types'
import type { LlmError } from '../../packages/llm/src/errors/llm-error'
import type { ExtraField } from '../../packages/llm/src/request-fields'
import type { CredentialFieldSchema, ProviderSummary } from '../../src/shared/connection-schemas'
import type { HintFields } from '../../src/shared/hint-schemas'
import type { ModelCapabilitiesView, ParameterSupportView } from '../../src/shared/model-schemas'
import type { RunParametersSchema } from '../../src/shared/run-input-schemas'
import type { RunDonePayload, RunToolCall } from '../../src/shared/run-schemas'

export type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
export type Extends<A, B> = [A] extends [B] ? true : false
export type Expect<T extends true> = T

// ---------------------------------------------------------------------------------------------
// Model capabilities (models.capabilities, models.list)

/** `{ [K in keyof T]: T[K] }` per member of a union, so an edited copy compares as a plain object. */
type Flat<T> = T extends unknown ? { [K in keyof T]: T[K] } : never
/**
 * Equal but for the unsupported entry's `code` and the others' `noteCode`: the view takes any text
 * on purpose, so a renderer shows the English reason or note for a code a newer library added (its
 * own wording covers the codes it knows, test/renderer/reason-codes.test.ts).
 */
type WithAnyCode<T> = Flat<
  T extends { support: 'unsupported' }
    ? Omit<T, 'code'> & { code: string }
    : T extends { noteCode?: unknown }
      ? Omit<T, 'noteCode'> & { noteCode?: string | undefined }
      : T
>
export type ParameterSupportMatches = Expect<
  Equal<WithAnyCode<ParameterSupport>, Flat<ParameterSupportView>>
>
export type ParameterSupportFitsTheView = Expect<Extends<ParameterSupport, ParameterSupportView>>
export type ModelPriceMatches = Expect<
  Equal<ModelPrice | undefined, ModelCapabilitiesView['price']>
>
/**
 * One way only: the view is looser on purpose (provider, modalities and parameter names are
 * plain strings), so a renderer built against an older library still reads a newer one's answer.
 */
export type CapabilitiesFitTheView = Expect<Extends<ModelCapabilities, ModelCapabilitiesView>>

// ---------------------------------------------------------------------------------------------
// Providers and their connection forms (providers.list)

export type CredentialFieldMatches = Expect<
  Equal<CredentialField, z.infer<typeof CredentialFieldSchema>>
>
/** The summary's id is any string, as every provider field of the contract is. */
export type ProviderInfoMatches = Expect<
  Equal<Omit<ProviderInfo, 'id'>, Omit<ProviderSummary, 'id'>>
>
export type ProviderIdFitsTheSummary = Expect<Extends<ProviderId, ProviderSummary['id']>>

// ---------------------------------------------------------------------------------------------
// Run parameters: the library's ChatRequest and the contract's RunParametersSchema

type RunParameters = z.infer<typeof RunParametersSchema>

/** What a call is about, not how: the run gives these itself. */
type RequestOwnFields = 'model' | 'messages'
/** How the library is called; stream() and complete() set them. */
type CallOwnFields = 'stream' | 'stream_options'
/**
 * The library takes them from any caller (mapped, or refused by name where a provider has no such
 * field); Parallax has no setting for them. Every Chat Completions field beyond the form's.
 */
type LibraryOnlyFields = ExtraField
/**
 * JSON the run passes through as given: the contract checks only that it is an object (or an
 * array of them), the library checks the shape and answers a run error naming the field.
 */
type PassedThroughFields = 'tools' | 'tool_choice' | 'response_format'
/**
 * In Parallax, `n` is how many answers to start, each a run of its own that is sent without n
 * (src/core/runs/runner.ts): a whole 1–8, never null as the wire allows.
 */
type AnswerCountField = 'n'

export type RunParameterNamesMatch = Expect<
  Equal<
    keyof RunParameters,
    Exclude<keyof ChatRequest, RequestOwnFields | CallOwnFields | LibraryOnlyFields>
  >
>
export type RunParametersMatch = Expect<
  Equal<
    Omit<
      ChatRequest,
      RequestOwnFields | CallOwnFields | LibraryOnlyFields | PassedThroughFields | AnswerCountField
    >,
    Omit<RunParameters, PassedThroughFields | AnswerCountField>
  >
>
/** The library's interfaces as the plain JSON objects they arrive as (no index signature). */
type AsJson<T> = T extends readonly (infer E)[]
  ? AsJson<E>[]
  : T extends object
    ? { [K in keyof T]: T[K] }
    : T
/** Anything the library accepts there, the contract lets through. */
export type PassedThroughFieldsFit = Expect<
  Extends<
    { [K in PassedThroughFields]?: AsJson<ChatRequest[K]> },
    Pick<RunParameters, PassedThroughFields>
  >
>
export type AnswerCountFits = Expect<
  Extends<RunParameters[AnswerCountField], ChatRequest[AnswerCountField]>
>

// ---------------------------------------------------------------------------------------------
// A run's end (run.done)

export type FinishReasonMatches = Expect<Equal<FinishReason | null, RunDonePayload['finishReason']>>
export type ToolCallMatches = Expect<Equal<ToolCall, RunToolCall>>

// ---------------------------------------------------------------------------------------------
// Hints (connections.test results, run.done errors)

/** What the library's error carries, as the core passes it on (fields set only when present). */
type LlmHintFields = {
  hint?: string
  hintCode?: NonNullable<LlmError['hintCode']>
  hintDetails?: AsJson<NonNullable<LlmError['hintDetails']>>
}
/**
 * One way only: the contract takes any code and any detail names on purpose, so a screen built
 * against an older library words the codes it knows and shows `hint` for a newer one.
 */
export type HintFitsTheView = Expect<Extends<LlmHintFields, HintFields>>
