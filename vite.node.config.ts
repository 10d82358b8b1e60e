import { rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import { libraryAlias } from './build/library-alias.ts'
import pkg from './package.json' with { type: 'json' }

// The provider library is bundled from its source, like the desktop build does; every other
// package stays an import.
const LIBRARY = '@parallax/llm'
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies),
  ...Object.keys(pkg.devDependencies).filter((name) => name !== LIBRARY),
]

// out/ is shared with electron-vite's output, so only this build's own folders are emptied.
for (const dir of ['server', 'fakes', 'bench', 'chunks']) {
  rmSync(resolve('out', dir), { recursive: true, force: true })
}

/**
 * Builds for Node 24: the web host / CLI, the fake provider servers' CLI (`npm run fakes`) and the
 * benchmarks. The provider library builds itself (packages/llm, `npm run build -w @parallax/llm`).
 */
export default defineConfig({
  resolve: { alias: [libraryAlias] },
  build: {
    ssr: true,
    target: 'node24',
    outDir: 'out',
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: {
        'server/cli': resolve('src/server/cli.ts'),
        'fakes/cli': resolve('test/fakes/cli.ts'),
        'bench/llm-stream': resolve('bench/llm-stream.ts'),
        'bench/history': resolve('bench/history.ts'),
        'bench/ui-stream': resolve('bench/ui-stream.ts'),
        'bench/host': resolve('bench/host.ts'),
      },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
})
