// Sends one call of each type through the real @rudderstack/rudder-sdk-node to <baseUrl>/v1/batch,
// gzip-compressed as the SDK does by default. Prints a JSON summary of what it sent; exits 1 when
// any message was not delivered.
// usage: node rudderstack.mjs <baseUrl> <writeKey>
import Analytics from '@rudderstack/rudder-sdk-node';
import { calls, parseArgs, summarize } from './calls.mjs';

const { baseUrl, writeKey } = parseArgs('rudderstack.mjs');
setTimeout(() => {
  console.error('rudderstack.mjs: not delivered within 30 s');
  process.exit(2);
}, 30000).unref();

const failures = [];
const client = new Analytics(writeKey, {
  dataPlaneUrl: baseUrl,
  flushAt: Number(process.env.CONFORMANCE_FLUSH_AT ?? 3),
  flushInterval: 200,
  retryCount: 2,
  timeout: 5000,
  logLevel: 'error',
  errorHandler: (error) => failures.push({
    status: error.response?.status,
    body: error.response?.data,
    reason: String(error.message ?? error),
  }),
});

// The SDK reports a message delivered (or not) through its callback, after its batch's request ended.
// The track call carries a caller-given past `timestamp`; the SDK sends it next to an originalTimestamp
// of the call time, and Sightline must keep the caller's time as when the event happened.
const sent = calls('rudder-node');
const delivered = sent.map(([method, params]) => new Promise((resolve) => {
  client[method](params, (error) => {
    if (error) {
      failures.push({ messageId: params.messageId, reason: String(error.message ?? error) });
    }
    resolve();
  });
}));
while (client.queue.length > 0) {
  await client.flush();
}
await Promise.all(delivered);

console.log(JSON.stringify(summarize('rudderstack', 'analytics-node', sent, { gzip: client.gzip, failures }), null, 2));
if (failures.length > 0) {
  console.error(`rudderstack.mjs: ${failures.length} failure(s): ${JSON.stringify(failures)}`);
  process.exit(1);
}
