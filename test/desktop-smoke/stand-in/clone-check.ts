import { violate } from './rules.ts'

export interface CloneProblem {
  /** True when Electron would throw ("An object could not be cloned"). */
  fatal: boolean
  message: string
}

const TYPED_PROTOTYPES = new Set<unknown>(
  [
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
    DataView,
  ].map((type) => type.prototype),
)

/**
 * What goes wrong when `value` crosses Electron's IPC: the Structured Clone Algorithm throws on
 * functions, symbols, promises…; and "prototype chains will not be included", so a class
 * instance arrives as a plain object without its methods and an Error without its class.
 */
export function cloneProblem(value: unknown): CloneProblem | undefined {
  try {
    structuredClone(value)
  } catch (error) {
    return { fatal: true, message: `cannot be cloned (${(error as Error).message})` }
  }
  const lossy = lostPrototype(value, '$', new Set())
  return lossy === undefined ? undefined : { fatal: false, message: lossy }
}

function lostPrototype(value: unknown, path: string, seen: Set<object>): string | undefined {
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined
  seen.add(value)
  const prototype: unknown = Object.getPrototypeOf(value)
  if (value instanceof Error) {
    return `${path} is an Error (${value.name}): it arrives without its class and own fields`
  }
  if (value instanceof Map) return first([...value].flat(), `${path}<map>`, seen)
  if (value instanceof Set) return first([...value], `${path}<set>`, seen)
  if (
    TYPED_PROTOTYPES.has(prototype) ||
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof ArrayBuffer
  ) {
    return undefined
  }
  if (!isPlain(value)) {
    const name = (prototype as { constructor?: { name?: string } }).constructor?.name ?? 'object'
    return `${path} is a ${name}: it arrives as a plain object, without its prototype and methods`
  }
  for (const [key, item] of Object.entries(value)) {
    const found = lostPrototype(item, `${path}.${key}`, seen)
    if (found !== undefined) return found
  }
  return undefined
}

/** A plain object or array of any realm (the preload runs in a context of its own). */
export function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype === null) return true
  const constructor = (prototype as { constructor?: { name?: string } }).constructor
  return Object.getPrototypeOf(prototype) === null && constructor?.name === 'Object'
}

function first(items: unknown[], path: string, seen: Set<object>): string | undefined {
  for (const item of items) {
    const found = lostPrototype(item, path, seen)
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * Checks an IPC payload like Electron's serializer: records a violation for any problem, throws
 * where Electron throws, and returns the copy the other side receives.
 */
export function sendAcrossIpc(value: unknown, where: string): unknown {
  const problem = cloneProblem(value)
  if (problem) {
    violate(problem.fatal ? 'ipc-not-cloneable' : 'ipc-lossy', `${where}: ${problem.message}`)
    if (problem.fatal) throw new Error('An object could not be cloned.')
  }
  return structuredClone(value)
}
