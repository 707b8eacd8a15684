// The pop's database read without load, for comparison: signs in as the measured agent and GETs
// /api/desk/pop/{callId} (the page's REST read of a pop: ScreenPops.pop, the same reads the live channel
// makes) for the measured calls, one after another, after the background has stopped.
//
//   node restpops.mjs --base http://127.0.0.1:18780 --log measured.jsonl [--count 300] [--json out.json]
//
// Prints p50/p90/p99/max of the client's round trip (HTTP on loopback with keep-alive included).
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const base = args.base.replace(/\/$/, '');
const count = Number(args.count || 300);

const jar = new Map();
const keep = (r) => { for (const l of r.headers.getSetCookie()) { const [p] = l.split(';'); const i = p.indexOf('='); jar.set(p.slice(0, i), p.slice(i + 1)); } };
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
const page = await fetch(base + '/login', { redirect: 'manual' });
keep(page);
const csrf = /name="_csrf"[^>]*value="([^"]+)"/.exec(await page.text())[1];
const signed = await fetch(base + '/login', { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie() },
  body: new URLSearchParams({ tenantCode: args.tenant || '2001000', username: args.user || 'agent', password: args.password || 'agent123', _csrf: csrf }) });
keep(signed);
if (signed.status !== 302) throw new Error(`sign-in failed: ${signed.status}`);

const ids = [...new Set(readFileSync(args.log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  .filter((m) => m.type === 'CallRinging' && m.callId).map((m) => m.callId))].slice(-count);
const ms = [];
for (const [i, id] of ids.entries()) {
  const t = performance.now();
  const r = await fetch(`${base}/api/desk/pop/${encodeURIComponent(id)}`, { headers: { Cookie: cookie(), Accept: 'application/json' } });
  await r.text();
  if (r.status !== 200) throw new Error(`GET pop ${id}: ${r.status}`);
  if (i >= 20) ms.push(performance.now() - t); // the first 20 warm the connection and the code path
}
ms.sort((a, b) => a - b);
const at = (q) => ms[Math.max(0, Math.ceil((q / 100) * ms.length) - 1)];
const out = { n: ms.length, p50: at(50), p90: at(90), p99: at(99), max: ms[ms.length - 1] };
console.log(`REST GET /api/desk/pop without load (${out.n} reads, one at a time): p50 ${out.p50.toFixed(2)} ms, p90 ${out.p90.toFixed(2)} ms, `
  + `p99 ${out.p99.toFixed(2)} ms, max ${out.max.toFixed(2)} ms`);
if (args.json) writeFileSync(args.json, JSON.stringify(out, null, 2));
