// Sends one call of each type through the real @segment/analytics-node to <baseUrl>/v1/batch.
// Prints a JSON summary of what it sent; exits 1 when any message was not delivered.
// usage: node segment.mjs <baseUrl> <writeKey>
import { Analytics } from '@segment/analytics-node';
import { calls, parseArgs, summarize } from './calls.mjs';

const { baseUrl, writeKey } = parseArgs('segment.mjs');
setTimeout(() => {
  console.error('segment.mjs: not delivered within 30 s');
  process.exit(2);
}, 30000).unref();
const failures = [];
const responses = [];

// The SDK's own fetch, wrapped only to report every status and the body of any refusal.
const httpClient = async (url, init) => {
  const response = await fetch(url, init);
  const entry = { status: response.status };
  if (!response.ok) {
    entry.body = await response.clone().text();
  }
  responses.push(entry);
  return response;
};

const analytics = new Analytics({
  writeKey,
  host: baseUrl,
  flushAt: Number(process.env.CONFORMANCE_FLUSH_AT ?? 3),
  flushInterval: 200,
  maxRetries: 2,
  httpRequestTimeout: 5000,
  httpClient,
});
analytics.on('error', (error) => failures.push({ via: 'error event', code: error.code, reason: String(error.reason) }));

const sent = calls('segment-node');
const delivered = sent.map(([method, params]) => new Promise((resolve) => {
  analytics[method](params, (error) => {
    if (error) {
      failures.push({ via: 'callback', messageId: params.messageId, reason: String(error) });
    }
    resolve();
  });
}));
await analytics.closeAndFlush({ timeout: 20000 });
await Promise.all(delivered);

console.log(JSON.stringify(summarize('segment', '@segment/analytics-node', sent, { responses, failures }), null, 2));
if (failures.length > 0) {
  console.error(`segment.mjs: ${failures.length} failure(s): ${JSON.stringify(failures)}; responses: ${JSON.stringify(responses)}`);
  process.exit(1);
}
