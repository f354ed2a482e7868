// Bundled by analytics-js.mjs into the test page: analytics.js exactly as a shop's site would load it.
import { AnalyticsBrowser } from '@segment/analytics-next'

window.runAnalytics = async (writeKey, sightline) => {
  // Only cdnURL points at Sightline: the API host comes from the settings document it serves.
  const [analytics] = await AnalyticsBrowser.load({ writeKey, cdnURL: sightline })
  await analytics.page('Home', { section: 'landing' })
  await analytics.track('Product Viewed', { sku: 'SKU-1', price: 19.9, currency: 'EUR' })
  await analytics.identify('browser-user-1', { email: 'ana@example.com', name: 'Ana Núñez' })
  await analytics.track('Order Completed', { total: 42.5 })
  return { anonymousId: analytics.user().anonymousId() }
}
