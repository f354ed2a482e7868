// Regenerates the golden payloads in tests/Sightline.Server.Tests/Fixtures: runs segment.mjs and
// rudderstack.mjs against a throwaway recorder on loopback and saves each request's body exactly as
// sent (gunzipped when the SDK compressed it) next to a `.request.json` with its method, path and headers.
// usage: node capture.mjs
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const writeKey = 'golden-write-key-0001';
const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = fileURLToPath(new URL('../Sightline.Server.Tests/Fixtures/', import.meta.url));

const requests = [];
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const wire = Buffer.concat(chunks);
    const gzipped = req.headers['content-encoding'] === 'gzip';
    const headers = { ...req.headers };
    // Both vary from run to run and are not part of what the SDK chose to send.
    delete headers.host;
    delete headers['content-length'];
    requests.push({ method: req.method, path: req.url, headers, body: gzipped ? gunzipSync(wire) : wire });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"success":true}');
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}`;

async function run(script) {
  requests.length = 0;
  // One batch for everything the SDK lets batch together, so each fixture is one whole request.
  const child = spawn(process.execPath, [script, baseUrl, writeKey], {
    cwd: here,
    env: { ...process.env, CONFORMANCE_FLUSH_AT: '20' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) {
    throw new Error(`${script} exited with ${code}`);
  }
  return requests.splice(0);
}

async function save(name, request) {
  const { body, ...meta } = request;
  await writeFile(`${fixtures}${name}.json`, body);
  await writeFile(`${fixtures}${name}.request.json`, JSON.stringify(meta, null, 2) + '\n');
  console.log(`${name}.json: ${meta.method} ${meta.path}, ${meta.headers['content-type']}` +
    `${meta.headers['content-encoding'] ? ` (${meta.headers['content-encoding']})` : ''}, ${body.length} bytes`);
}

try {
  const segment = await run('segment.mjs');
  if (segment.length !== 1) {
    throw new Error(`segment.mjs made ${segment.length} requests; expected one batch`);
  }
  await save('segment-node-batch', segment[0]);

  // rudder-sdk-node sends its first message alone, then batches the rest.
  const rudder = await run('rudderstack.mjs');
  if (rudder.length !== 2) {
    throw new Error(`rudderstack.mjs made ${rudder.length} requests; expected the first message alone, then one batch`);
  }
  await save('rudderstack-node-first', rudder[0]);
  await save('rudderstack-node-batch', rudder[1]);
} finally {
  server.close();
}
