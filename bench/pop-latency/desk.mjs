// Agent desktops for bench/pop-latency.sh, as the page opens them: a form sign-in over HTTP (the login
// page's _csrf field and the session cookie), then STOMP over a WebSocket on /ws carrying the cookie,
// subscribed to /user/queue/desk. One process holds every desk of the accounts file.
//
//   node desk.mjs --base http://127.0.0.1:18780 --accounts accounts.csv --ready ready.json \
//                 --log measured.jsonl --stats stats.json [--rest-pop]
//
// accounts.csv: one desk per line, "tenantCode;username;password;role;localPort" with role "measured" or
// "background" and localPort the TCP port the measured desk's socket connects from (0 = any; a fixed
// port lets the packet capture take that one connection only).
// --log        one JSON line per message heard by a measured desk: the client's receipt time (epoch ms,
//              sub-ms), type, callId, customerNumber, pop.callerNumber, whether a pop came with it.
// --rest-pop   after each CallRinging of a measured desk, GET /api/desk/pop/{callId} (the page's REST
//              read of the same pop) and log its round trip: the database pop read under the same load.
// --ready      written once every desk has its Snapshot (the server's answer to the subscription).
// --stats      written on SIGTERM/SIGINT: per role, messages by type, CallRinging with and without a pop,
//              STOMP ERROR frames, socket closes, reconnects.
import { writeFileSync, readFileSync, createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Client } from '@stomp/stompjs';
import WebSocket from 'ws';

const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (!a.startsWith('--')) continue;
  const next = process.argv[i + 1];
  if (next === undefined || next.startsWith('--')) args[a.slice(2)] = true;
  else { args[a.slice(2)] = next; i++; }
}
const base = (args.base || 'http://127.0.0.1:8080').replace(/\/$/, '');
const wsUrl = base.replace(/^http/, 'ws') + '/ws';
const now = () => performance.timeOrigin + performance.now(); // epoch ms, sub-millisecond
const log = args.log ? createWriteStream(args.log, { flags: 'w' }) : null;
const stats = { measured: newStats(), background: newStats(), signInMs: [], startedAt: new Date().toISOString() };

function newStats() {
  return { desks: 0, connected: 0, snapshots: 0, messages: {}, ringingWithPop: 0, ringingWithoutPop: 0, errors: [], closes: 0, reconnects: 0, restPops: 0, restPopFailures: 0 };
}

function cookiesOf(response, jar) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}
const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function signIn(tenantCode, username, password) {
  const jar = new Map();
  const started = now();
  const page = await fetch(base + '/login', { redirect: 'manual' });
  cookiesOf(page, jar);
  const html = await page.text();
  const csrf = /name="_csrf"[^>]*value="([^"]+)"/.exec(html) || /value="([^"]+)"[^>]*name="_csrf"/.exec(html);
  if (!csrf) throw new Error('no _csrf field on /login');
  const form = new URLSearchParams({ tenantCode, username, password, _csrf: csrf[1] });
  const done = await fetch(base + '/login', {
    method: 'POST', redirect: 'manual', body: form,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(jar) },
  });
  cookiesOf(done, jar);
  await done.arrayBuffer();
  const location = done.headers.get('location') || '';
  if (done.status !== 302 || /\/login/.test(location)) throw new Error(`sign-in of ${tenantCode}/${username} failed: ${done.status} ${location}`);
  stats.signInMs.push(now() - started);
  return cookieHeader(jar);
}

function open(account, cookie) {
  const s = stats[account.role];
  let first = true;
  return new Promise((resolve, reject) => {
    const client = new Client({
      webSocketFactory: () => new WebSocket(wsUrl, {
        headers: { Cookie: cookie },
        ...(account.localPort ? { localAddress: '127.0.0.1', localPort: account.localPort } : {}),
        perMessageDeflate: false,
      }),
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      reconnectDelay: 1000,
      debug: () => {},
      onConnect: () => {
        if (first) s.connected++; else s.reconnects++;
        first = false;
        client.subscribe('/user/queue/desk', (frame) => heard(account, cookie, frame));
      },
      onStompError: (frame) => {
        s.errors.push(`${account.username}: ${frame.headers.message} ${frame.body}`.slice(0, 300));
        reject(new Error(`STOMP ERROR for ${account.username}: ${frame.headers.message}`));
      },
      onWebSocketClose: () => { s.closes++; },
      onWebSocketError: (e) => { s.errors.push(`${account.username}: socket ${e && e.message}`.slice(0, 300)); },
    });
    account.onSnapshot = resolve;
    client.activate();
    account.client = client;
  });
}

function heard(account, cookie, frame) {
  const at = now();
  const s = stats[account.role];
  let message;
  try { message = JSON.parse(frame.body); } catch { s.errors.push(`${account.username}: not JSON: ${frame.body.slice(0, 100)}`); return; }
  const type = message.type || '?';
  s.messages[type] = (s.messages[type] || 0) + 1;
  if (type === 'Snapshot') {
    s.snapshots++;
    if (account.onSnapshot) { account.onSnapshot(); account.onSnapshot = null; }
    return;
  }
  if (type === 'CallRinging') {
    if (message.pop) s.ringingWithPop++; else s.ringingWithoutPop++;
  }
  if (account.role !== 'measured' || !log) return;
  const call = message.call || {};
  log.write(JSON.stringify({
    at, type, seq: message.seq, callId: call.callId, customerNumber: call.customerNumber, seat: call.seat,
    pop: !!message.pop, popCaller: message.pop ? message.pop.callerNumber : null,
    matches: message.pop && message.pop.matches ? message.pop.matches.length : null,
    workOrders: message.pop && message.pop.openWorkOrders ? message.pop.openWorkOrders.length : null,
    bytes: Buffer.byteLength(frame.body),
  }) + '\n');
  if (type === 'CallRinging' && args['rest-pop'] && call.callId) restPop(account, cookie, call);
}

async function restPop(account, cookie, call) {
  const s = stats[account.role];
  const started = now();
  try {
    const r = await fetch(`${base}/api/desk/pop/${encodeURIComponent(call.callId)}`, { headers: { Cookie: cookie, Accept: 'application/json' } });
    const body = await r.text();
    const ms = now() - started;
    if (r.status !== 200) { s.restPopFailures++; s.errors.push(`REST pop ${call.callId}: ${r.status} ${body.slice(0, 200)}`); return; }
    s.restPops++;
    log.write(JSON.stringify({ at: started, type: 'RestPop', callId: call.callId, customerNumber: call.customerNumber, ms, bytes: body.length }) + '\n');
  } catch (e) {
    s.restPopFailures++;
    s.errors.push(`REST pop ${call.callId}: ${e.message}`.slice(0, 300));
  }
}

function writeStats() {
  if (args.stats) {
    const sorted = [...stats.signInMs].sort((a, b) => a - b);
    const out = { ...stats, signInMs: undefined, signIns: sorted.length, signInMedianMs: sorted.length ? sorted[Math.floor(sorted.length / 2)] : null, stoppedAt: new Date().toISOString() };
    for (const role of ['measured', 'background']) out[role].errors = out[role].errors.slice(0, 50);
    writeFileSync(args.stats, JSON.stringify(out, null, 2));
  }
}

async function main() {
  const accounts = readFileSync(args.accounts, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => {
    const [tenantCode, username, password, role = 'background', localPort = '0'] = l.split(';');
    return { tenantCode, username, password, role, localPort: Number(localPort) };
  });
  for (const a of accounts) stats[a.role].desks++;
  // sign in a few at a time (each is a bcrypt check on the server), then connect every desk
  const width = Number(args.parallel || 8);
  const queue = [...accounts];
  const workers = Array.from({ length: width }, async () => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      const cookie = await signIn(a.tenantCode, a.username, a.password);
      await Promise.race([open(a, cookie), new Promise((_, rej) => setTimeout(() => rej(new Error(`no Snapshot for ${a.username} in 20 s`)), 20000))]);
    }
  });
  await Promise.all(workers);
  if (args.ready) writeFileSync(args.ready, JSON.stringify({ desks: accounts.length, at: new Date().toISOString() }));
  process.stderr.write(`desks ready: ${stats.measured.snapshots} measured, ${stats.background.snapshots} background\n`);
  const stop = async () => {
    writeStats();
    if (log) log.end();
    await Promise.allSettled(accounts.map((a) => a.client && a.client.deactivate()));
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  process.stderr.write(`desk.mjs: ${e.stack || e}\n`);
  writeStats();
  process.exit(1);
});
