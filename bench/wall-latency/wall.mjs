// The monitor wall's live feed under a changing floor, for bench/wall-latency.sh. As the demo tenant's
// supervisor: --walls STOMP walls (form sign-in, STOMP over /ws, SUBSCRIBE /user/queue/wall, as the page
// does) and, with --chromium, the real page /center#wall in Debian's headless Chromium (playwright-core
// drives it; it downloads no browser). Then --changes status changes, --rate per second (open loop: each
// is sent at its time whether the earlier ones came back or not), through the supervisor's switch
// (PUT /api/center/wall/{seat}/status), round robin over every seat of the wall, each seat cycling
// 忙碌 → 小休（会议） → 小休（培训） → 忙碌, so every change is a change.
//
//   node wall.mjs --base http://127.0.0.1:18880 --changes 3000 --rate 20 --walls 5 --chromium /usr/bin/chromium \
//                 --out result.json
//
// Per change, all times epoch ms from this machine's one clock (node and Chromium read the same one):
//   sent        just before the PUT;  replied  its response
//   at          the server's time in the WallSeatChanged message (when the ACD board published the change)
//   heard[w]    the message's arrival at STOMP wall w
//   dom         Chromium: the MutationObserver callback in which the seat's .w-status shows the change
//   frame       Chromium: the next animation frame after it (the change is on screen)
// Prints one JSON object with the percentiles; writes every change to --out.
import { writeFileSync } from 'node:fs';
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
const tenant = args.tenant || '2001000';
const user = args.user || 'supervisor';
const password = args.password || 'super123';
const changes = Number(args.changes || 3000);
const rate = Number(args.rate || 20);
const walls = Number(args.walls || 5);
const settleMs = Number(args.settle || 10000);
const now = () => performance.timeOrigin + performance.now();
const CYCLE = [['BUSY', null], ['REST', 'meeting'], ['REST', 'training']];
const keyOf = (status, reason) => `${status}:${reason || ''}`;

function cookiesOf(response, jar) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}
const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function signIn() {
  const jar = new Map();
  const page = await fetch(base + '/login', { redirect: 'manual' });
  cookiesOf(page, jar);
  const csrf = /name="_csrf"[^>]*value="([^"]+)"/.exec(await page.text());
  if (!csrf) throw new Error('no _csrf field on /login');
  const done = await fetch(base + '/login', {
    method: 'POST', redirect: 'manual',
    body: new URLSearchParams({ tenantCode: tenant, username: user, password, _csrf: csrf[1] }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(jar) },
  });
  cookiesOf(done, jar);
  await done.arrayBuffer();
  if (done.status !== 302 || /\/login/.test(done.headers.get('location') || '')) throw new Error(`sign-in failed: ${done.status}`);
  const cookie = cookieHeader(jar);
  const me = await (await fetch(base + '/api/desk/me', { headers: { Cookie: cookie, Accept: 'application/json' } })).json();
  return { cookie, csrf: me.csrf };
}

const sent = []; // index -> change
const pending = new Map(); // seat -> the change in flight for it (a seat's changes are --seats / --rate s apart)
const stats = { stompErrors: [], unmatched: 0, putFailures: 0 };

function openWall(w, cookie) {
  return new Promise((resolve, reject) => {
    const client = new Client({
      webSocketFactory: () => new WebSocket(base.replace(/^http/, 'ws') + '/ws', { headers: { Cookie: cookie }, perMessageDeflate: false }),
      heartbeatIncoming: 10000, heartbeatOutgoing: 10000, reconnectDelay: 0, debug: () => {},
      onConnect: () => client.subscribe('/user/queue/wall', (frame) => {
        const t = now();
        const m = JSON.parse(frame.body);
        if (m.type === 'WallWatching') { resolve(client); return; }
        if (m.type !== 'WallSeatChanged') return;
        const change = pending.get(m.agent.seat);
        if (!change || change.key !== keyOf(m.agent.status, m.agent.reason)) { stats.unmatched++; return; }
        change.heard[w] = t;
        change.at = Date.parse(m.at);
      }),
      onStompError: (frame) => { stats.stompErrors.push(frame.headers.message); reject(new Error(frame.headers.message)); },
    });
    client.activate();
  });
}

async function openPage(chromium, session) {
  const { chromium: pw } = await import('playwright-core');
  const browser = await pw.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.goto(base + '/login');
  await page.fill('#tenantCode', tenant);
  await page.fill('#username', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('#login-submit')]);
  await page.goto(base + '/center#wall');
  await page.waitForSelector('#wall[data-live="open"]', { timeout: 60000 });
  await page.waitForFunction((n) => document.querySelectorAll('#wall-seats .w-status').length >= n, session.seats, { timeout: 60000 });
  // every change of a seat's shown status, as the page's own DOM shows it, and the frame that paints it
  await page.evaluate(() => {
    const seen = new Map();
    window.__wallChanges = [];
    const scan = () => {
      const t = performance.timeOrigin + performance.now();
      for (const el of document.querySelectorAll('#wall-seats .w-status')) {
        const key = `${el.dataset.status}:${el.dataset.reason || ''}`;
        const seat = el.dataset.seat;
        if (seen.get(seat) === key) continue;
        if (seen.has(seat)) {
          const record = { seat, key, dom: t };
          window.__wallChanges.push(record);
          requestAnimationFrame(() => { record.frame = performance.timeOrigin + performance.now(); });
        }
        seen.set(seat, key);
      }
    };
    scan();
    new MutationObserver(scan).observe(document.querySelector('#wall'), { subtree: true, attributes: true, childList: true, characterData: true });
  });
  return { browser, page };
}

function percentiles(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { n: 0 };
  const p = (q) => v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
  const r = (x) => Math.round(x * 10) / 10;
  return { n: v.length, p50: r(p(0.5)), p95: r(p(0.95)), p99: r(p(0.99)), max: r(v[v.length - 1]) };
}

async function main() {
  const session = await signIn();
  const wall = await (await fetch(base + '/api/center/wall', { headers: { Cookie: session.cookie, Accept: 'application/json' } })).json();
  const seats = wall.seats.map((s) => s.seat);
  session.seats = seats.length;
  const clients = await Promise.all(Array.from({ length: walls }, (_, w) => openWall(w, session.cookie)));
  const page = args.chromium ? await openPage(args.chromium, session) : null;
  // each seat's next status follows the one it shows now, so the first change of a run is a change too
  const round = new Map(wall.seats.map((s) => [s.seat, 1 + CYCLE.findIndex(([st, re]) => keyOf(st, re) === keyOf(s.status, s.reason))]));

  const started = now();
  const puts = [];
  for (let i = 0; i < changes; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const seat = seats[i % seats.length];
    const [status, reason] = CYCLE[round.get(seat) % CYCLE.length];
    round.set(seat, round.get(seat) + 1);
    const change = { i, seat, key: keyOf(status, reason), late: now() - due, sent: now(), heard: new Array(walls).fill(null) };
    sent.push(change);
    pending.set(seat, change);
    puts.push(fetch(`${base}/api/center/wall/${encodeURIComponent(seat)}/status`, {
      method: 'PUT',
      headers: { Cookie: session.cookie, 'Content-Type': 'application/json', Accept: 'application/json', [session.csrf.headerName]: session.csrf.token },
      body: JSON.stringify(reason ? { status, reason } : { status }),
    }).then(async (res) => {
      await res.arrayBuffer();
      change.replied = now();
      change.status = res.status;
      if (res.status !== 200) stats.putFailures++;
    }, () => { stats.putFailures++; }));
  }
  const sendingMs = now() - started;
  await Promise.all(puts);
  const settleBy = now() + settleMs;
  while (now() < settleBy && sent.some((c) => c.heard.some((h) => h === null))) await new Promise((r) => setTimeout(r, 100));

  let pageChanges = [];
  if (page) {
    await page.page.waitForTimeout(500); // the last animation frames
    pageChanges = await page.page.evaluate(() => window.__wallChanges);
    // the k-th change the page showed for a seat is the k-th change sent for it
    const bySeat = new Map();
    for (const c of sent) (bySeat.get(c.seat) || bySeat.set(c.seat, []).get(c.seat)).push(c);
    const shown = new Map();
    for (const p of pageChanges) {
      const k = shown.get(p.seat) || 0;
      shown.set(p.seat, k + 1);
      const c = (bySeat.get(p.seat) || [])[k];
      if (c && c.key === p.key) { c.dom = p.dom; c.frame = p.frame; } else stats.unmatched++;
    }
    await page.browser.close();
  }
  for (const c of clients) await c.deactivate();

  const all = sent.filter((c) => c.status === 200);
  const heard = all.flatMap((c) => c.heard.filter((h) => h !== null).map((h) => ({ c, h })));
  const result = {
    seats: seats.length, walls, chromium: Boolean(page), changes: sent.length, rate, sendingSeconds: Math.round(sendingMs) / 1000,
    achievedRate: Math.round((sent.length / sendingMs) * 10000) / 10,
    putFailures: stats.putFailures, stompErrors: stats.stompErrors.length, unmatched: stats.unmatched,
    missedByWalls: all.reduce((n, c) => n + c.heard.filter((h) => h === null).length, 0),
    missedByPage: page ? all.filter((c) => c.frame === undefined).length : null,
    sendLateMs: percentiles(sent.map((c) => c.late)),
    putRoundTripMs: percentiles(all.map((c) => c.replied - c.sent)),
    sentToPublishedMs: percentiles(all.map((c) => c.at - c.sent)),
    publishedToWallMs: percentiles(heard.map(({ c, h }) => h - c.at)),
    sentToWallMs: percentiles(heard.map(({ c, h }) => h - c.sent)),
    publishedToPageDomMs: page ? percentiles(all.map((c) => c.dom - c.at)) : null,
    publishedToScreenMs: page ? percentiles(all.map((c) => c.frame - c.at)) : null,
    sentToScreenMs: page ? percentiles(all.map((c) => c.frame - c.sent)) : null,
  };
  if (args.out) writeFileSync(args.out, JSON.stringify({ result, sent, pageChanges }, null, 0));
  console.log(JSON.stringify(result, null, 2));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
