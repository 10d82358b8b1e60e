import { rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import pkg from './package.json' with { type: 'json' }

const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies),
  ...Object.keys(pkg.devDependencies),
]

// out/ is shared with electron-vite's output, so only this build's own folders are emptied.
for (const dir of ['server', 'llm', 'fakes', 'bench', 'chunks']) {
  rmSync(resolve('out', dir), { recursive: true, force: true })
}

/**
 * Builds for Node 24: the web host / CLI, the standalone provider library (`out/llm/index.js`,
 * exported as `parallax/llm`; its .d.ts come from tsconfig.llm.json) and the fake provider
 * servers' CLI (`npm run fakes`).
 */
export default defineConfig({
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
        'llm/index': resolve('src/llm/index.ts'),
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
