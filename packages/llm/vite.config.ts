import { builtinModules } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import pkg from './package.json' with { type: 'json' }

const here = dirname(fileURLToPath(import.meta.url))

// Everything a user installs beside the package stays an import: Node's built-ins, zod and the
// provider SDKs (optional peers, each imported only when its provider is first used).
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies),
  ...Object.keys(pkg.peerDependencies),
]

/** Builds the package's ESM (`dist/index.js` and one chunk per lazily loaded provider). */
export default defineConfig({
  build: {
    ssr: true,
    target: 'node24',
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: { index: resolve(here, 'src/index.ts') },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
})
