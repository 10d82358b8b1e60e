import type { LanguageFn } from 'highlight.js'

/**
 * The grammars Parallax highlights, each its own lazily loaded chunk. The import paths must stay
 * literal so the bundler can split them.
 */
const GRAMMAR_LOADERS = {
  javascript: () => import('highlight.js/lib/languages/javascript'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  python: () => import('highlight.js/lib/languages/python'),
  bash: () => import('highlight.js/lib/languages/bash'),
  json: () => import('highlight.js/lib/languages/json'),
  xml: () => import('highlight.js/lib/languages/xml'),
  css: () => import('highlight.js/lib/languages/css'),
  go: () => import('highlight.js/lib/languages/go'),
  rust: () => import('highlight.js/lib/languages/rust'),
  java: () => import('highlight.js/lib/languages/java'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  sql: () => import('highlight.js/lib/languages/sql'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  diff: () => import('highlight.js/lib/languages/diff'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  swift: () => import('highlight.js/lib/languages/swift'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  php: () => import('highlight.js/lib/languages/php'),
} satisfies Record<string, () => Promise<{ default: LanguageFn }>>

export type GrammarName = keyof typeof GRAMMAR_LOADERS

export interface CodeLanguage {
  grammar: GrammarName
  label: string
}

const language = (grammar: GrammarName, label: string): CodeLanguage => ({ grammar, label })

/** Info-string names (lower case) models write after ``` mapped to a grammar and a display name. */
const LANGUAGES: Record<string, CodeLanguage> = {
  js: language('javascript', 'JavaScript'),
  javascript: language('javascript', 'JavaScript'),
  mjs: language('javascript', 'JavaScript'),
  cjs: language('javascript', 'JavaScript'),
  jsx: language('javascript', 'JSX'),
  ts: language('typescript', 'TypeScript'),
  typescript: language('typescript', 'TypeScript'),
  mts: language('typescript', 'TypeScript'),
  tsx: language('typescript', 'TSX'),
  py: language('python', 'Python'),
  python: language('python', 'Python'),
  python3: language('python', 'Python'),
  sh: language('bash', 'Shell'),
  shell: language('bash', 'Shell'),
  bash: language('bash', 'Bash'),
  zsh: language('bash', 'Zsh'),
  json: language('json', 'JSON'),
  jsonc: language('json', 'JSON'),
  html: language('xml', 'HTML'),
  xhtml: language('xml', 'HTML'),
  xml: language('xml', 'XML'),
  svg: language('xml', 'SVG'),
  css: language('css', 'CSS'),
  go: language('go', 'Go'),
  golang: language('go', 'Go'),
  rust: language('rust', 'Rust'),
  rs: language('rust', 'Rust'),
  java: language('java', 'Java'),
  c: language('c', 'C'),
  h: language('c', 'C'),
  cpp: language('cpp', 'C++'),
  'c++': language('cpp', 'C++'),
  cc: language('cpp', 'C++'),
  cxx: language('cpp', 'C++'),
  hpp: language('cpp', 'C++'),
  csharp: language('csharp', 'C#'),
  cs: language('csharp', 'C#'),
  'c#': language('csharp', 'C#'),
  sql: language('sql', 'SQL'),
  yaml: language('yaml', 'YAML'),
  yml: language('yaml', 'YAML'),
  markdown: language('markdown', 'Markdown'),
  md: language('markdown', 'Markdown'),
  diff: language('diff', 'Diff'),
  patch: language('diff', 'Diff'),
  kotlin: language('kotlin', 'Kotlin'),
  kt: language('kotlin', 'Kotlin'),
  kts: language('kotlin', 'Kotlin'),
  swift: language('swift', 'Swift'),
  ruby: language('ruby', 'Ruby'),
  rb: language('ruby', 'Ruby'),
  php: language('php', 'PHP'),
}

export function findCodeLanguage(name: string): CodeLanguage | undefined {
  const key = name.toLowerCase()
  return Object.hasOwn(LANGUAGES, key) ? LANGUAGES[key] : undefined
}

export async function importGrammar(name: GrammarName): Promise<LanguageFn> {
  return (await GRAMMAR_LOADERS[name]()).default
}
