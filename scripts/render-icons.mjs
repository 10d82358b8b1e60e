// Renders resources/icon.svg to build/icon.png (1024×1024), from which electron-builder derives
// the macOS .icns, Windows .ico and Linux icons. Run after changing the SVG:
//   node scripts/render-icons.mjs
import { chromium } from 'playwright-core'
import { readFileSync } from 'node:fs'

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const svg = readFileSync(new URL('../resources/icon.svg', import.meta.url), 'utf8')
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg}`)
await page.locator('svg').screenshot({ path: 'build/icon.png', omitBackground: true })
await browser.close()
