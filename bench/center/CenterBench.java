import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The call center benchmark's HTTP client (bench/center.sh runs it with `java CenterBench.java`, JDK 17, no
 * dependencies). Signs in through the tenant login form like a browser (session cookie, the form's CSRF
 * token, then the API's CSRF header from GET /api/desk/me), then, by --mode:
 *
 *   list    times GET /api/center/calls in the scenarios of {@link #scenarios}, from 1 client and then from N
 *           clients at once (each client its own session and connection), one Markdown table row per run;
 *   extras  times a few requests of what else the call center page asks for, and of long ranges ending in the past;
 *   export  POST /api/center/exports, polls it every 500 ms until DONE (or DELETEs it after --budget seconds),
 *           downloads the file; prints key=value lines for the script;
 *   number  prints the seed's number of --caller (bench/center/seed-calls.sql's formula).
 *
 * A request's time runs from sending it to having read the whole body, on a kept-alive connection. Every
 * answer must be 200; pages are checked (at most `size` lines; a number filter only returns that number's calls).
 */
public class CenterBench {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	static final Pattern API_CSRF = Pattern.compile("\"headerName\":\"([^\"]+)\",\"token\":\"([^\"]+)\"");

	static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

	static final Pattern CUSTOMER_NUMBER = Pattern.compile("\"customerNumber\":\"([^\"]*)\"");

	static final String[] PREFIXES = { "133", "135", "136", "137", "138", "139", "186" };

	/** The seed's caller c → number(c), as bench/center/seed-calls.sql computes it. */
	static String number(long caller) {
		return PREFIXES[(int) (caller % 7)] + String.format("%08d", (caller * 7919 + 12345678) % 100_000_000);
	}

	static Map<String, String> args = new LinkedHashMap<>();

	static String arg(String name, String fallback) {
		return args.getOrDefault(name, fallback);
	}

	static int intArg(String name, int fallback) {
		return Integer.parseInt(arg(name, String.valueOf(fallback)));
	}

	public static void main(String[] argv) throws Exception {
		for (int i = 0; i + 1 < argv.length; i += 2) {
			args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
		}
		String mode = arg("mode", "list");
		if (mode.equals("list")) {
			list();
		}
		else if (mode.equals("export")) {
			export();
		}
		else if (mode.equals("extras")) {
			extras();
		}
		else if (mode.equals("number")) {
			System.out.println(number(Long.parseLong(arg("caller", "0"))));
		}
		else {
			throw new IllegalArgumentException("--mode list|export");
		}
	}

	// ---------------------------------------------------------------- a signed-in client

	static final class Client {

		final String base;

		final HttpClient http;

		String csrfHeader;

		String csrfToken;

		Client(String base) {
			this.base = base;
			this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
		}

		Client signIn(String tenant, String user, String password) throws Exception {
			String page = get("/login").body();
			Matcher form = FORM_CSRF.matcher(page);
			if (!form.find()) {
				throw new IllegalStateException("no _csrf field on /login");
			}
			String body = "tenantCode=" + enc(tenant) + "&username=" + enc(user) + "&password=" + enc(password) + "&_csrf="
					+ enc(form.group(1));
			HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
			String location = login.headers().firstValue("Location").orElse("");
			if (login.statusCode() != 302 || location.contains("/login")) {
				throw new IllegalStateException("sign-in as " + tenant + "/" + user + " failed: " + login.statusCode() + " " + location);
			}
			HttpResponse<String> me = get("/api/desk/me");
			Matcher csrf = API_CSRF.matcher(me.body());
			if (me.statusCode() != 200 || !csrf.find()) {
				throw new IllegalStateException("GET /api/desk/me: " + me.statusCode() + " " + me.body());
			}
			csrfHeader = csrf.group(1);
			csrfToken = csrf.group(2);
			return this;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
				.header("Content-Type", "application/json").header(csrfHeader, csrfToken)
				.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static Client signedIn() throws Exception {
		return new Client(arg("base", "http://127.0.0.1:18980")).signIn(arg("tenant", "2001000"), arg("user", "supervisor"),
				arg("password", "super123"));
	}

	// ---------------------------------------------------------------- the list

	/** One request of a scenario: the query string, and (for checking) the number it filters by, if any. */
	record Ask(String query, String number) {
	}

	/**
	 * A scenario either draws each request independently (from a Random of the client's own), or is a deep
	 * walk: one client follows next from page 1, does not time the first {@code approach} pages and times the
	 * {@code timed} after them, keeping the cursor of each; the concurrent clients then ask for those same
	 * deep pages (client k the k-th, k+N-th, … cursor), so they need no walk of their own.
	 */
	record Scenario(String name, String description, Function<Random, Ask> draw, String deepQuery, int approach, int timed) {

		boolean deep() {
			return deepQuery != null;
		}
	}

	static LocalDate today;

	static int days;

	static int seats;

	static long callers;

	static int size;

	static String range(LocalDate from, LocalDate to) {
		return "&from=" + from + "&to=" + to;
	}

	static List<Scenario> scenarios(int requests, int deepRequests, int approach) {
		List<Scenario> all = new ArrayList<>();
		String tab = "tab=IN_ANSWERED";
		String sized = "&size=" + size;
		all.add(new Scenario("first page, today", "from = to = today (the page's default)",
				random -> new Ask(tab + range(today, today) + sized, null), null, 0, requests));
		all.add(new Scenario("first page, 400 days", "from = today − " + (days - 1) + ", to = today",
				random -> new Ask(tab + range(today.minusDays(days - 1), today) + sized, null), null, 0, requests));
		all.add(new Scenario("first page, a random day", "from = to = a random day of the " + days, random -> {
			LocalDate day = today.minusDays(random.nextInt(days));
			return new Ask(tab + range(day, day) + sized, null);
		}, null, 0, requests));
		all.add(new Scenario("deep pages, 30 days", "from = today − 29, to = today; pages " + (approach + 1) + "–" + (approach + requests)
				+ " after following next from page 1", null, tab + range(today.minusDays(29), today) + sized, approach, requests));
		all.add(new Scenario("deep pages, 400 days", "from = today − " + (days - 1) + ", to = today; pages " + (approach + 1) + "–"
				+ (approach + deepRequests) + " after following next from page 1", null, tab + range(today.minusDays(days - 1), today) + sized,
				approach, deepRequests));
		all.add(new Scenario("seat filter, 30 days", "a random seat of " + seats + ", to = a random day, from = to − 29", random -> {
			LocalDate to = today.minusDays(random.nextInt(days));
			String seat = "ss2001000ss" + String.format("%04d", 1 + random.nextInt(seats));
			return new Ask(tab + range(to.minusDays(29), to) + "&seat=" + seat + sized, null);
		}, null, 0, requests));
		all.add(new Scenario("seat filter, 400 days", "a random seat of " + seats + ", from = today − " + (days - 1) + ", to = today", random -> {
			String seat = "ss2001000ss" + String.format("%04d", 1 + random.nextInt(seats));
			return new Ask(tab + range(today.minusDays(days - 1), today) + "&seat=" + seat + sized, null);
		}, null, 0, requests));
		all.add(new Scenario("number filter, 400 days",
				"a random caller of " + callers + " (national form, as stored), from = today − " + (days - 1) + ", to = today", random -> {
					String number = number(Math.floorMod(random.nextLong(), callers));
					return new Ask(tab + range(today.minusDays(days - 1), today) + "&number=" + number + sized, number);
				}, null, 0, requests));
		return all;
	}

	static final class Run {

		long[] nanos;

		int n;

		int lines;

		int fullPages;

		int requests;

		Run(int capacity) {
			nanos = new long[capacity];
		}

		void add(long t) {
			nanos[n++] = t;
		}
	}

	record Page(String next, int lines) {
	}

	static Page page(Client client, Ask ask, Run run) throws IOException, InterruptedException {
		long t0 = System.nanoTime();
		HttpResponse<String> response = client.get("/api/center/calls?" + ask.query);
		long t = System.nanoTime() - t0;
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET /api/center/calls?" + ask.query + " -> " + response.statusCode() + " " + response.body());
		}
		String body = response.body();
		Matcher numbers = CUSTOMER_NUMBER.matcher(body);
		int lines = 0;
		while (numbers.find()) {
			lines++;
			if (ask.number != null && !numbers.group(1).equals(ask.number)) {
				throw new IllegalStateException("number filter " + ask.number + " returned a call of " + numbers.group(1));
			}
		}
		if (lines > size) {
			throw new IllegalStateException(lines + " lines on a page of " + size);
		}
		Matcher next = NEXT.matcher(body);
		if (run != null) {
			run.add(t);
			run.requests++;
			run.lines += lines;
			if (lines == size) {
				run.fullPages++;
			}
		}
		return new Page(next.find() ? next.group(1) : null, lines);
	}

	/** Runs the clients' bodies at once, each on its own thread and session; returns the wall time in seconds. */
	interface Body {

		void run(int client, Client session, Run run) throws Exception;
	}

	static double together(int clients, int each, List<Run> runs, Body body) throws Exception {
		List<Client> sessions = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			sessions.add(signedIn());
		}
		CountDownLatch start = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			Run run = new Run(each);
			runs.add(run);
			Thread thread = new Thread(() -> {
				try {
					start.await();
					body.run(client, sessions.get(client), run);
				}
				catch (Throwable e) {
					failure.compareAndSet(null, e);
				}
			}, "client-" + c);
			threads.add(thread);
			thread.start();
		}
		long t0 = System.nanoTime();
		start.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("a client failed", failure.get());
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	static void list() throws Exception {
		today = LocalDate.parse(arg("today", LocalDate.now(CHINA).toString()));
		days = intArg("days", 400);
		seats = intArg("seats", 100);
		callers = Long.parseLong(arg("callers", "3000000"));
		size = intArg("size", 50);
		int requests = intArg("requests", 500);
		int deepRequests = intArg("deep-requests", 100);
		int approach = intArg("deep-from", 200);
		int clients = intArg("clients", 4);
		int perClient = intArg("per-client", 250);
		int warmup = intArg("warmup", 300);
		long seed = Long.parseLong(arg("seed", "11"));
		String only = arg("only", "");

		List<Scenario> scenarios = scenarios(requests, deepRequests, approach);
		System.out.printf(Locale.ROOT, "today (China) %s, page size %d; per scenario %d requests from 1 client, then %d clients at once "
				+ "(%d each; deep pages: the 1-client walk's pages, shared out); %d warm-up requests first (not timed)%n%n", today, size,
				requests, clients, perClient, warmup);
		for (Scenario s : scenarios) {
			System.out.println("- " + s.name + ": " + s.description);
		}
		System.out.println();

		// Warm-up: the drawn scenarios in turn (not timed), so the JIT has compiled the path.
		Client warm = signedIn();
		Random warmRandom = new Random(seed + 1_000_000);
		List<Scenario> drawn = scenarios.stream().filter(s -> !s.deep()).toList();
		for (int i = 0; i < warmup; i++) {
			page(warm, drawn.get(i % drawn.size()).draw.apply(warmRandom), null);
		}

		System.out.println("| scenario | clients | requests | p50 ms | p90 ms | p95 ms | p99 ms | max ms | mean ms | requests/s | lines/page | p99 ≤ 50 ms |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
		int index = 0;
		for (Scenario s : scenarios) {
			index++;
			int at = index;
			if (!only.isEmpty() && !s.name.startsWith(only)) {
				continue;
			}
			if (!s.deep()) {
				Random random = new Random(seed * 1000 + index);
				Client one = signedIn();
				Run run = new Run(s.timed);
				long t0 = System.nanoTime();
				for (int i = 0; i < s.timed; i++) {
					page(one, s.draw.apply(random), run);
				}
				report(s.name, 1, List.of(run), (System.nanoTime() - t0) / 1e9);
				List<Run> runs = new ArrayList<>();
				double wall = together(clients, perClient, runs, (client, session, run2) -> {
					Random own = new Random(seed * 1000 + at * 10 + client + 1);
					for (int i = 0; i < perClient; i++) {
						page(session, s.draw.apply(own), run2);
					}
				});
				report(s.name, clients, runs, wall);
			}
			else {
				Client one = signedIn();
				String next = null;
				long a0 = System.nanoTime();
				for (int i = 0; i < s.approach; i++) {
					next = page(one, new Ask(s.deepQuery + (next == null ? "" : "&cursor=" + next), null), null).next;
					if (next == null) {
						throw new IllegalStateException(s.name + ": only " + (i + 1) + " pages");
					}
				}
				double approachSeconds = (System.nanoTime() - a0) / 1e9;
				List<String> cursors = new ArrayList<>();
				Run run = new Run(s.timed);
				long t0 = System.nanoTime();
				for (int i = 0; i < s.timed; i++) {
					cursors.add(next);
					next = page(one, new Ask(s.deepQuery + "&cursor=" + next, null), run).next;
					if (next == null) {
						throw new IllegalStateException(s.name + ": only " + (s.approach + i + 1) + " pages");
					}
				}
				report(s.name, 1, List.of(run), (System.nanoTime() - t0) / 1e9);
				System.err.printf(Locale.ROOT, "%s: the %d pages before them took %.1f s (%.0f ms each on average)%n", s.name, s.approach,
						approachSeconds, approachSeconds * 1000 / s.approach);
				int each = cursors.size() / clients;
				List<Run> runs = new ArrayList<>();
				double wall = together(clients, each, runs, (client, session, run2) -> {
					for (int i = 0; i < each; i++) {
						page(session, new Ask(s.deepQuery + "&cursor=" + cursors.get(client + i * clients), null), run2);
					}
				});
				report(s.name, clients, runs, wall);
			}
		}
	}

	/** A few requests of what else the call center page asks for, and of a long range that ends in the past. */
	static void extras() throws Exception {
		today = LocalDate.parse(arg("today", LocalDate.now(CHINA).toString()));
		days = intArg("days", 400);
		size = intArg("size", 50);
		int n = intArg("requests", 10);
		int old = intArg("old-requests", 3);
		Client client = signedIn();
		System.out.println("| request | requests | p50 ms | max ms | mean ms |");
		System.out.println("|---|---:|---:|---:|---:|");
		String[][] asks = { { "GET /api/center/info (polled every 30 s by the page)", "/api/center/info", String.valueOf(n) },
				{ "GET /api/center/today (polled every 30 s by the page)", "/api/center/today", String.valueOf(n) },
				{ "first page, 400 days ending today − 7", "/api/center/calls?tab=IN_ANSWERED" + range(today.minusDays(days + 6), today.minusDays(7))
						+ "&size=" + size, String.valueOf(old) },
				{ "first page, 30 days ending today − 7", "/api/center/calls?tab=IN_ANSWERED" + range(today.minusDays(36), today.minusDays(7))
						+ "&size=" + size, String.valueOf(n) } };
		for (String[] ask : asks) {
			int count = Integer.parseInt(ask[2]);
			long[] nanos = new long[count];
			for (int i = 0; i < count; i++) {
				long t0 = System.nanoTime();
				HttpResponse<String> response = client.get(ask[1]);
				nanos[i] = System.nanoTime() - t0;
				if (response.statusCode() != 200) {
					throw new IllegalStateException(ask[1] + " -> " + response.statusCode() + " " + response.body());
				}
			}
			Arrays.sort(nanos);
			System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", ask[0], count, pct(nanos, 50), nanos[count - 1] / 1e6,
					Arrays.stream(nanos).average().orElse(0) / 1e6);
			System.out.flush();
		}
	}

	static void report(String name, int clients, List<Run> runs, double seconds) {
		long[] all = runs.stream().flatMapToLong(r -> Arrays.stream(r.nanos, 0, r.n)).sorted().toArray();
		int lines = runs.stream().mapToInt(r -> r.lines).sum();
		int requests = runs.stream().mapToInt(r -> r.requests).sum();
		double mean = Arrays.stream(all).average().orElse(0) / 1e6;
		double p99 = pct(all, 99);
		System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.1f | %s |%n", name, clients,
				all.length, pct(all, 50), pct(all, 90), pct(all, 95), p99, all[all.length - 1] / 1e6, mean, all.length / seconds,
				(double) lines / requests, p99 <= 50 ? "met" : "**missed**");
		System.out.flush();
	}

	/** Nearest-rank percentile, in ms. */
	static double pct(long[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	// ---------------------------------------------------------------- the export

	static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z]+)\"");

	static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

	static final Pattern WRITTEN = Pattern.compile("\"written\":(\\d+)");

	static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	static String group(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		return m.find() ? m.group(1) : null;
	}

	static void export() throws Exception {
		Client client = signedIn();
		String body = "{\"tab\":\"" + arg("tab", "IN_ANSWERED") + "\",\"from\":\"" + arg("from", "") + "\",\"to\":\"" + arg("to", "") + "\"}";
		Path out = Path.of(arg("out", "export.xlsx"));
		long t0 = System.nanoTime();
		HttpResponse<String> started = client.postJson("/api/center/exports", body);
		if (started.statusCode() != 202) {
			throw new IllegalStateException("POST /api/center/exports " + body + " -> " + started.statusCode() + " " + started.body());
		}
		String id = group(ID, started.body());
		System.out.println("export_id=" + id);
		System.out.println("export_request=" + body);
		System.out.flush();
		String state;
		String progress;
		long lastPrint = 0;
		long lastSample = 0;
		double budget = Double.parseDouble(arg("budget", "1800"));
		do {
			Thread.sleep(500);
			HttpResponse<String> poll = client.get("/api/center/exports/" + id);
			if (poll.statusCode() != 200) {
				throw new IllegalStateException("GET /api/center/exports/" + id + " -> " + poll.statusCode() + " " + poll.body());
			}
			progress = poll.body();
			state = group(STATE, progress);
			long now = System.nanoTime();
			if (now - lastSample >= 30_000_000_000L) {
				System.out.printf(Locale.ROOT, "progress=%.0f s: %s rows%n", (now - t0) / 1e9, group(WRITTEN, progress));
				System.out.flush();
				lastSample = now;
			}
			if (now - lastPrint > 10_000_000_000L) {
				System.err.printf(Locale.ROOT, "[export %5.1f s] %s, %s of %s rows%n", (now - t0) / 1e9, state, group(WRITTEN, progress),
						group(TOTAL, progress));
				lastPrint = now;
			}
			if ((now - t0) / 1e9 > budget && (state.equals("WAITING") || state.equals("WRITING"))) {
				HttpResponse<String> cancel = client.http.send(HttpRequest.newBuilder(URI.create(client.base + "/api/center/exports/" + id))
					.header(client.csrfHeader, client.csrfToken).DELETE().build(), HttpResponse.BodyHandlers.ofString());
				System.out.printf(Locale.ROOT, "export_state=GAVE_UP after %.0f s (DELETE -> %d)%n", (now - t0) / 1e9, cancel.statusCode());
				System.out.println("export_total=" + group(TOTAL, progress));
				System.out.println("export_written=" + group(WRITTEN, progress));
				System.out.printf(Locale.ROOT, "export_seconds=%.1f%n", (now - t0) / 1e9);
				System.out.println("export_progress=" + progress);
				System.exit(3);
			}
		}
		while (state.equals("WAITING") || state.equals("WRITING"));
		double written = (System.nanoTime() - t0) / 1e9;
		System.out.println("export_state=" + state);
		System.out.println("export_total=" + group(TOTAL, progress));
		System.out.println("export_written=" + group(WRITTEN, progress));
		System.out.printf(Locale.ROOT, "export_seconds=%.1f%n", written);
		System.out.println("export_progress=" + progress);
		if (!state.equals("DONE")) {
			System.exit(1);
		}
		long d0 = System.nanoTime();
		HttpResponse<InputStream> file = client.http.send(
				HttpRequest.newBuilder(URI.create(client.base + "/api/center/exports/" + id + "/file")).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		if (file.statusCode() != 200) {
			throw new IllegalStateException("GET /api/center/exports/" + id + "/file -> " + file.statusCode());
		}
		long bytes;
		try (InputStream in = file.body(); OutputStream os = Files.newOutputStream(out)) {
			bytes = in.transferTo(os);
		}
		System.out.printf(Locale.ROOT, "download_seconds=%.2f%n", (System.nanoTime() - d0) / 1e9);
		System.out.println("download_bytes=" + bytes);
		System.out.println("download_type=" + file.headers().firstValue("Content-Type").orElse(""));
		System.out.println("download_disposition=" + file.headers().firstValue("Content-Disposition").orElse(""));
	}
}
