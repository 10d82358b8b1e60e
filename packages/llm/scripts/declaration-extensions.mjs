// Gives every relative import in the library's emitted .d.ts files the explicit `.js` file
// (or `/index.js`) that ESM resolution needs, so a consumer type-checks under
// `moduleResolution: nodenext` as well as `bundler`. tsc keeps specifiers as written, and the
// sources are written for a bundler (no extensions).
//
//   node scripts/declaration-extensions.mjs dist
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g

/** The specifier with the extension ESM needs, judged by the .d.ts files next to `file`. */
function withExtension(file, specifier) {
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier
  const target = resolve(dirname(file), specifier)
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier}/index.js`
  throw new Error(`${file}: cannot resolve "${specifier}" to a declaration file`)
}

function* declarationFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* declarationFiles(path)
    else if (name.endsWith('.d.ts')) yield path
  }
}

const root = process.argv[2]
if (!root) throw new Error('usage: node scripts/declaration-extensions.mjs <folder>')
let changed = 0
for (const file of declarationFiles(root)) {
  const text = readFileSync(file, 'utf8')
  const fixed = text.replace(
    SPECIFIER,
    (_, lead, quote, specifier) => `${lead}${quote}${withExtension(file, specifier)}${quote}`,
  )
  if (fixed !== text) {
    writeFileSync(file, fixed)
    changed++
  }
}
process.stdout.write(`declaration-extensions: ${changed} files in ${root}\n`)
