// The dashboard's only script: no build step, served from this site (the pages' CSP allows no other). Every page
// works without it. On a page with a [data-live="SECONDS"] region it fetches the same page again every SECONDS while
// the tab is visible, and swaps in the region's new content; focus and scroll stay put. A button pauses it (WCAG 2.2.2).
const live = document.querySelector('[data-live]')
if (live) {
  const seconds = Math.max(5, Number(live.dataset.live) || 30)
  let paused = false
  const wire = () => {
    const toggle = live.querySelector('[data-live-toggle]')
    if (!toggle) return
    toggle.hidden = false
    toggle.setAttribute('aria-pressed', String(paused))
    toggle.textContent = paused ? live.dataset.resume : live.dataset.pause
    toggle.addEventListener('click', () => {
      paused = !paused
      toggle.setAttribute('aria-pressed', String(paused))
      toggle.textContent = paused ? live.dataset.resume : live.dataset.pause
    })
  }
  const refresh = async () => {
    if (paused || document.hidden) return
    // Someone on a link of the figures keeps it; the pause button is put back in focus once swapped.
    const active = document.activeElement
    const onToggle = active?.matches?.('[data-live-toggle]') ?? false
    if (live.contains(active) && !onToggle) return
    try {
      // The reason is kept with the audit trail's entry for this read.
      const response = await fetch(location.href, { headers: { 'X-Sightline-Reason': 'live refresh' }, cache: 'no-store', redirect: 'manual' })
      if (!response.ok) return
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-live]')
      if (!fresh) return
      live.replaceChildren(...fresh.childNodes)
      wire()
      if (onToggle) live.querySelector('[data-live-toggle]')?.focus()
    } catch {
      // Offline or restarting: the figures stay as they are until the next try.
    }
  }
  wire()
  setInterval(refresh, seconds * 1000)
}
