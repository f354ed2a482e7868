// Usage: node dashboard.mjs <sightline base url> <admin password> <screenshot dir> <search query> <expected profile id>
// Drives the dashboard in headless Chromium as a person would: signs in, searches with a typo, opens the customer,
// reads the timeline and a trait's provenance, writes a segment (its diagnostics and size shown as one types), saves
// it and opens its members and a member's segments, approves a suggested merge and unmerges it, reads the overview,
// reveals a source's write key, replays a quarantined import row with a fixed mapping, switches to Spanish, and saves a
// screenshot of every page. Prints a JSON summary; exits 1 at the first step that fails.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

const [base, password, shots, query, expectedProfile] = process.argv.slice(2)
if (!base || !password || !shots || !query || !expectedProfile) {
  console.error('usage: node dashboard.mjs <base url> <admin password> <screenshot dir> <search query> <expected profile id>')
  process.exit(2)
}
mkdirSync(shots, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
})
const summary = { steps: [], screenshots: [] }
const errors = []
// While the profiles are rebuilt after an unmerge, a profile is briefly absent (404): expected, not an error.
let rebuilding = false
let exitCode = 0
const step = (name) => summary.steps.push(name)
const shot = async (page, name) => {
  const file = path.join(shots, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  summary.screenshots.push(file)
}
const expect = (condition, message) => { if (!condition) throw new Error(message) }

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`) })
  page.on('response', (r) => { if (r.status() >= 400 && !rebuilding) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`) })
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))

  // Anything of the dashboard sends a stranger to sign in.
  await page.goto(`${base}/merges`)
  expect(new URL(page.url()).pathname === '/signin', `expected the sign-in page, got ${page.url()}`)
  await shot(page, '01-signin')
  await page.getByLabel('User name').fill('admin')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname === '/merges')
  step('signed in and returned to the page asked for')
  // The keyboard's first stop is the link that skips the navigation.
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.classList.contains('skip')), 'the first Tab does not reach the skip link')

  // Search with a typo, open the customer.
  await page.getByRole('link', { name: 'Search' }).click()
  await page.getByLabel('Name, e-mail, phone or any identifier').fill(query)
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => url.pathname === '/search')
  const result = page.locator(`table.results a[href="/profiles/${expectedProfile}"]`)
  await result.waitFor()
  summary.results = await page.locator('table.results tbody tr').count()
  await shot(page, '02-search')
  step(`searched "${query}": ${summary.results} results, the customer among them`)
  await result.click()
  await page.waitForURL((url) => url.pathname === `/profiles/${expectedProfile}`)

  // The timeline, and a trait's provenance and history.
  await page.getByRole('heading', { name: 'Timeline' }).waitFor()
  summary.timelineEvents = await page.locator('ol.timeline > li').count()
  expect(summary.timelineEvents > 0, 'the timeline is empty')
  const trait = page.locator('table.traits tr[data-trait] details').first()
  await trait.locator('summary').click()
  await trait.locator('.provenance').waitFor({ state: 'visible' })
  summary.provenance = (await trait.locator('.provenance').innerText()).trim()
  expect(/Source: .+ · Trust \d+/.test(summary.provenance), `provenance reads "${summary.provenance}"`)
  const event = page.locator('ol.timeline > li details').first()
  await event.locator('summary').click()
  await event.locator('pre').waitFor({ state: 'visible' })
  await shot(page, '03-customer')
  step(`opened the customer: ${summary.timelineEvents} events on the first page, provenance "${summary.provenance}"`)

  // The segments, with their sizes and trends; a new one written in the editor, checked as one types.
  await page.getByRole('link', { name: 'Segments', exact: true }).click()
  await page.locator('table.segments tbody tr').first().waitFor()
  summary.segments = await page.locator('table.segments tbody tr').count()
  expect(await page.locator('table.segments svg.sparkline').count() === summary.segments, 'a segment has no trend line')
  await shot(page, '04-segments')
  await page.getByRole('link', { name: 'New segment' }).click()
  await page.getByLabel('Name', { exact: true }).fill('browser buyers')
  await page.getByLabel('Expression').fill('ordres_90d >= 1')
  const diagnostic = page.locator('#feedback li.diagnostic.error')
  await diagnostic.waitFor()
  summary.diagnostic = (await diagnostic.locator('.message').innerText()).trim()
  expect(summary.diagnostic.includes('did you mean "orders_90d"'), `the diagnostic reads "${summary.diagnostic}"`)
  expect(await page.getByLabel('Expression').getAttribute('aria-invalid') === 'true', 'the text is not marked invalid')
  await shot(page, '05-segment-editor-diagnostic')
  // The suggestion, applied from the keyboard, fixes the text; the size follows.
  await diagnostic.getByRole('button', { name: 'Use "orders_90d"' }).focus()
  await page.keyboard.press('Enter')
  const size = page.locator('#feedback .preview-size')
  await size.waitFor()
  expect(await page.getByLabel('Expression').inputValue() === 'orders_90d >= 1', 'the suggestion was not applied')
  summary.previewSize = (await size.innerText()).trim()
  expect(/^\d+ of \d+ profiles match · checked in [\d.]+ ms$/.test(summary.previewSize), `the preview reads "${summary.previewSize}"`)
  await shot(page, '06-segment-editor-preview')
  step(`wrote a segment: "${summary.diagnostic}", then ${summary.previewSize}`)

  // Saved, its members listed once the pipeline has evaluated it; one of them shows it among their segments.
  await page.getByRole('button', { name: 'Save' }).click()
  await page.waitForURL((url) => url.pathname === '/segments/browser%20buyers' && url.searchParams.get('saved') === '1')
  for (let attempt = 0; await page.locator('table.members').count() === 0; attempt++) {
    expect(attempt < 40, 'the saved segment had no members within 10 s')
    await page.waitForTimeout(250)
    await page.reload()
  }
  summary.segmentMembers = await page.locator('table.members tbody tr').count()
  summary.segmentSize = (await page.locator('.segment-size').innerText()).replace(/\D/g, '')
  expect(summary.previewSize.startsWith(`${summary.segmentSize} of `), `the preview said "${summary.previewSize}", the saved segment has ${summary.segmentSize} members`)
  await shot(page, '07-segment-members')
  const member = page.locator('table.members tbody tr a').first()
  summary.segmentMember = (await member.getAttribute('href')).split('/').pop()
  await member.click()
  await page.waitForURL((url) => url.pathname === `/profiles/${summary.segmentMember}`)
  const memberships = page.locator('section[aria-labelledby="segments"] table.memberships')
  await memberships.getByRole('link', { name: 'browser buyers' }).waitFor()
  expect(await page.locator('table.computed tr[data-computed="orders_90d"]').count() === 1, 'the customer shows no computed traits')
  await page.locator('section[aria-labelledby="segments"]').scrollIntoViewIfNeeded()
  await shot(page, '08-customer-segments')
  step(`saved it: ${summary.segmentSize} members as previewed; customer ${summary.segmentMember} shows it among their segments`)

  // Approve the first suggested merge.
  await page.getByRole('link', { name: 'Merge review' }).click()
  const card = page.locator('section.suggestion').first()
  await card.waitFor()
  summary.suggestion = await card.getAttribute('data-suggestion')
  await shot(page, '09-merge-review')
  await card.getByRole('button', { name: 'Approve merge' }).click()
  await page.waitForURL((url) => url.searchParams.get('approved') === summary.suggestion)
  summary.mergedInto = new URL(page.url()).searchParams.get('profile')
  step(`approved suggestion ${summary.suggestion}`)

  // The merge shows on the customer once the pipeline has made it; then undo it.
  let unmerge
  for (let attempt = 0; ; attempt++) {
    await page.goto(`${base}/profiles/${summary.mergedInto}`)
    unmerge = page.locator('section[aria-labelledby="merges"] article', { hasText: 'match:approved' }).getByRole('button', { name: /^Unmerge/ })
    if (await unmerge.count() > 0) break
    expect(attempt < 40, 'the approved merge did not show within 10 s')
    await page.waitForTimeout(250)
  }
  summary.mergedInto = new URL(page.url()).pathname.split('/').pop()
  summary.unmerged = (await unmerge.first().innerText()).replace('Unmerge', '').trim()
  await page.locator('section[aria-labelledby="merges"]').scrollIntoViewIfNeeded()
  await shot(page, '10-merged-customer')
  await unmerge.first().click()
  await page.waitForURL((url) => url.searchParams.get('unmerged') === summary.unmerged)
  await page.getByRole('status').filter({ hasText: 'split off' }).waitFor()
  await shot(page, '11-unmerged')
  step(`unmerged profile ${summary.unmerged} from ${summary.mergedInto}`)

  // The unmerge rebuilds the profiles from the log: the customer is back once it is done.
  rebuilding = true
  for (let attempt = 0; ; attempt++) {
    await page.goto(`${base}/profiles/${summary.mergedInto}`)
    if (await page.getByRole('heading', { name: 'Timeline' }).count() > 0) break
    expect(attempt < 80, 'the profiles were not rebuilt within 20 s of the unmerge')
    await page.waitForTimeout(250)
  }
  rebuilding = false
  expect(await page.locator('section[aria-labelledby="merges"] article', { hasText: 'match:approved' }).count() === 0, 'the approved merge is still there after the unmerge')

  // The overview: figures, the chart, the tables; its script is the page's own (no error in the console).
  await page.getByRole('link', { name: 'Overview', exact: true }).click()
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor()
  summary.profiles = (await page.locator('#tile-profiles + .figure').innerText()).trim()
  summary.eventsToday = (await page.locator('#tile-events + .figure').innerText()).trim()
  expect(Number(summary.profiles.replaceAll(',', '')) > 0, `the overview counts ${summary.profiles} profiles`)
  expect(await page.locator('svg.chart rect.bar').count() === 30, 'the chart has not 30 days')
  expect(await page.locator('[data-live-toggle]').isVisible(), 'the script did not show the pause button')
  await shot(page, '20-overview')
  step(`read the overview: ${summary.profiles} profiles, ${summary.eventsToday} events today`)

  // Sources: a write key shows only when asked for.
  await page.getByRole('link', { name: 'Sources' }).click()
  expect(await page.locator('code.key-value').count() === 0, 'a write key shows before it was asked for')
  await page.getByRole('button', { name: 'Reveal the write key of web' }).click()
  summary.revealedKey = (await page.locator('#key-web').innerText()).length > 0
  expect(await page.locator('tr[data-source="web"] svg.sparkline').count() === 1, 'the web source has no sparkline')
  await shot(page, '21-sources')
  step('revealed the web source\'s write key')

  // Quarantine: the e-mail activity the preset refuses ("complained") imports with a mapping that takes any activity.
  await page.getByRole('link', { name: 'Quarantine' }).click()
  await page.getByRole('heading', { name: 'Waiting' }).waitFor()
  const complained = page.locator('li[data-entry]', { hasText: 'email-activity.csv' }).first()
  const entry = await complained.count() > 0 ? complained : page.locator('li[data-entry]', { has: page.getByRole('button', { name: /^Replay #/ }) }).first()
  summary.replayedEntry = await entry.getAttribute('data-entry')
  await entry.locator('summary').click()
  await entry.locator('pre.payload').waitFor({ state: 'visible' })
  await shot(page, '22-quarantine')
  if (await complained.count() > 0) {
    await page.getByLabel('Fixed mapping (optional): YAML or JSON, or preset:NAME').fill(
      'type: track\nrecord_id: [Email, Campaign ID, Activity, Timestamp]\nevent: { column: Activity }\ntimestamp: { column: Timestamp, type: datetime }\nidentifiers: { email: Email }\n')
  }
  await entry.getByRole('button', { name: `Replay #${summary.replayedEntry}` }).click()
  await page.waitForURL((url) => url.searchParams.get('replayed') === '1')
  summary.replayImported = new URL(page.url()).searchParams.get('imported')
  await page.getByRole('status').filter({ hasText: 'Replayed 1' }).waitFor()
  await shot(page, '23-quarantine-replayed')
  step(`replayed quarantine entry ${summary.replayedEntry}: ${summary.replayImported} imported`)

  // Spanish, remembered from page to page.
  await page.goto(`${base}/profiles/${summary.mergedInto}`)
  await page.getByRole('button', { name: 'Español' }).click()
  await page.getByRole('heading', { name: 'Cronología' }).waitFor()
  expect(await page.getAttribute('html', 'lang') === 'es', 'the page is not marked as Spanish')
  await page.getByRole('link', { name: 'Buscar' }).click()
  // The unmerge rebuilt the search index too: on a busy machine it may still be filling.
  for (let attempt = 0; ; attempt++) {
    await page.getByLabel('Nombre, correo, teléfono o cualquier identificador').fill(query)
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.searchParams.get('q') === query)
    if (await page.locator('table.results').count() > 0) break
    expect(attempt < 80, 'the search index was not rebuilt within 20 s of the unmerge')
    await page.waitForTimeout(250)
  }
  await shot(page, '12-search-spanish')
  // A tablet held upright: nothing wider than the screen.
  await page.setViewportSize({ width: 768, height: 1024 })
  await page.goto(`${base}/profiles/${expectedProfile}`)
  summary.tabletOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(summary.tabletOverflow <= 0, `the customer page is ${summary.tabletOverflow}px wider than a tablet`)
  await shot(page, '13-customer-tablet-spanish')
  for (const [path, name] of [['/segments', '14-segments-tablet-spanish'], ['/segments/new', '15-segment-editor-tablet-spanish']]) {
    await page.goto(`${base}${path}`)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow <= 0, `${path} is ${overflow}px wider than a tablet`)
    await shot(page, name)
  }
  await page.getByLabel('Expresión').fill('orders_90d >= 1')
  await page.locator('#feedback .preview-size').waitFor()
  expect((await page.locator('#feedback .preview-size').innerText()).includes('perfiles coinciden'), 'the preview is not in Spanish')
  for (const wide of ['/', '/sources', '/quarantine']) {
    await page.goto(`${base}${wide}`)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow <= 0, `${wide} is ${overflow}px wider than a tablet`)
  }
  await page.goto(`${base}/`)
  await page.getByRole('heading', { name: 'Resumen', level: 1 }).waitFor()
  await shot(page, '24-overview-tablet-spanish')
  step('switched to Spanish; the customer, segments, editor, overview, sources and quarantine pages fit a tablet')
} catch (e) {
  summary.error = String(e?.stack ?? e)
  exitCode = 1
} finally {
  await browser.close()
}
summary.errors = errors
if (errors.length > 0) exitCode = 1
console.log(JSON.stringify(summary))
process.exit(exitCode)
