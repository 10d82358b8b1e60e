/**
 * Compile-time only: the installed `openai` SDK's Chat Completions request fields are exactly the
 * library's list, and ChatRequest types every field. An SDK upgrade that adds a field fails the
 * build here until the field has a rule. (A file of its own so that the public types never import
 * the SDK, an optional peer dependency.)
 */
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions'
import type { OPENAI_REQUEST_FIELDS, RequestField } from './request-fields'
import type { ChatRequest } from './types'

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Expect<T extends true> = T

export type SdkFieldsHaveRules = Expect<
  Equal<keyof ChatCompletionCreateParamsBase, (typeof OPENAI_REQUEST_FIELDS)[number]>
>
export type ChatRequestTypesEveryField = Expect<Equal<keyof ChatRequest, RequestField>>
