// Usage: node analytics-js.mjs <sightline base url> <write key>
// Serves a page from another origin that loads analytics.js (@segment/analytics-next) pointed at
// Sightline, opens it in headless Chromium, sends page/track/identify/track, and prints a summary.
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import http from 'node:http'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const [sightline, writeKey] = process.argv.slice(2)
if (!sightline || !writeKey) {
  console.error('usage: node analytics-js.mjs <sightline base url> <write key>')
  process.exit(2)
}
const base = sightline.replace(/\/$/, '')
const here = path.dirname(fileURLToPath(import.meta.url))

const bundle = await build({
  entryPoints: [path.join(here, 'page.js')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  logLevel: 'error',
})
const script = bundle.outputFiles[0].text

const site = http.createServer((req, res) => {
  if (req.url === '/bundle.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' })
    res.end(script)
  } else {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end('<!doctype html><html><head><title>Shop</title><script src="/bundle.js"></script></head><body>shop</body></html>')
  }
})
await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve))
const origin = `http://127.0.0.1:${site.address().port}`

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
})
const requests = []
let exitCode = 0
try {
  const page = await browser.newPage()
  page.on('request', (r) => { if (r.url().startsWith(base)) requests.push({ method: r.method(), url: r.url(), contentType: r.headers()['content-type'] ?? null }) })
  const failures = []
  page.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`))
  page.on('console', (m) => { if (m.type() === 'error') failures.push(`console: ${m.text()}`) })
  await page.goto(origin)
  const result = await page.evaluate(([key, url]) => window.runAnalytics(key, url), [writeKey, base])
  // analytics.js delivers with fetch keepalive; give in-flight posts a moment before closing.
  await page.waitForTimeout(500)
  const responses = requests.length
  console.log(JSON.stringify({ origin, anonymousId: result.anonymousId, requests, failures }))
  if (failures.length > 0 || responses === 0) exitCode = 1
} catch (e) {
  console.error(e)
  exitCode = 1
} finally {
  await browser.close()
  site.close()
}
process.exit(exitCode)
