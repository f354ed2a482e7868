// The calls every conformance script sends, one of each Segment spec type, with fixed messageIds
// so that running a script twice is a client retrying the same messages.

/** A past time, as a server-side import would send it. */
export const historicalTimestamp = '2024-05-04T03:02:01.000Z';

/**
 * Returns [method, params] pairs. `prefix` makes the messageIds of one SDK distinct from another's;
 * `historical` gives the track call a caller-set past `timestamp`, as an import of old events does.
 */
export function calls(prefix, { historical = true } = {}) {
  const id = (type) => `${prefix}-${type}-1`;
  return [
    ['identify', {
      messageId: id('identify'),
      userId: 'user-42',
      anonymousId: 'anon-42',
      traits: { email: 'ana@example.com', name: 'Ana Souza', city: 'São Paulo', plan: 'pro', logins: 3 },
    }],
    ['track', {
      messageId: id('track'),
      userId: 'user-42',
      event: 'Order Completed',
      properties: { orderId: 'o-1001', revenue: 42.5, currency: 'EUR', products: [{ sku: 'sku-1', quantity: 2 }] },
      ...(historical ? { timestamp: new Date(historicalTimestamp) } : {}),
    }],
    ['page', {
      messageId: id('page'),
      anonymousId: 'anon-42',
      category: 'Docs',
      name: 'Pricing',
      properties: { path: '/pricing', url: 'https://shop.example/pricing' },
    }],
    ['group', {
      messageId: id('group'),
      userId: 'user-42',
      groupId: 'org-7',
      traits: { name: 'Acme', employees: 120 },
    }],
    ['alias', {
      messageId: id('alias'),
      userId: 'user-42',
      previousId: 'anon-42',
    }],
    ['screen', {
      messageId: id('screen'),
      userId: 'user-42',
      name: 'Cart',
      properties: { items: 2 },
    }],
  ];
}

/** What a test needs to find each sent message in the log. */
export function summarize(sdk, library, sent, extra = {}) {
  return {
    sdk,
    library,
    ...extra,
    sent: sent.map(([type, params]) => ({
      type,
      ...params,
      ...(params.timestamp ? { timestamp: params.timestamp.toISOString() } : {}),
    })),
  };
}

/** Reads `<baseUrl> <writeKey>` or exits with usage. */
export function parseArgs(script) {
  const [baseUrl, writeKey] = process.argv.slice(2);
  if (!baseUrl || !writeKey) {
    console.error(`usage: node ${script} <baseUrl> <writeKey>`);
    process.exit(64);
  }
  return { baseUrl: baseUrl.replace(/\/+$/, ''), writeKey };
}
