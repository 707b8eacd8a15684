package com.calldesk.support;

import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A desktop's live channel as the page opens it, for tests of the server side: a real sign-in over HTTP
 * (the login form with its CSRF token), then STOMP over a WebSocket carrying the session cookie. Every
 * message heard is kept as JSON; ERROR frames and closed links are kept too.
 */
public final class DeskSockets {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DeskSockets() {
	}

	/** Signs in as a tenant user and returns the session cookie ({@code JSESSIONID=…}). */
	public static String signIn(int port, String tenantCode, String username, String password) throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "tenantCode=" + tenantCode + "&username=" + username + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8)
				+ "&_csrf=" + csrf.group(1);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (signedIn.statusCode() != 302 || !signedIn.headers().firstValue("Location").orElse("").endsWith("/")) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + signedIn.statusCode() + " " + signedIn.headers().map());
		}
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow()
			.toString();
	}

	/** Connects with the session cookie and subscribes to {@code destination} (the page's is {@code /user/queue/desk}). */
	public static Desk connect(int port, String cookie, String destination) throws Exception {
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
		client.setMessageConverter(new ByteArrayMessageConverter() {
			@Override
			protected boolean supportsMimeType(MessageHeaders headers) {
				return true;
			}
		});
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add("Cookie", cookie);
		Desk desk = new Desk();
		StompSession session = client.connectAsync("ws://127.0.0.1:" + port + "/ws", headers, new StompHeaders(), desk.handler)
			.get(10, TimeUnit.SECONDS);
		desk.session = session;
		session.subscribe(destination, desk.handler);
		return desk;
	}

	/** One socket: what it heard, in order. */
	public static final class Desk implements AutoCloseable {

		public final List<JsonNode> messages = new CopyOnWriteArrayList<>();

		public final List<String> errors = new CopyOnWriteArrayList<>();

		volatile boolean closed;

		StompSession session;

		final StompSessionHandlerAdapter handler = new StompSessionHandlerAdapter() {

			@Override
			public Type getPayloadType(StompHeaders headers) {
				return byte[].class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				String body = new String((byte[]) payload, StandardCharsets.UTF_8);
				if (headers.containsKey("message") && !headers.containsKey("subscription")) {
					errors.add(headers.getFirst("message") + " " + body);
					return;
				}
				messages.add(JSON.readTree(body));
			}

			@Override
			public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload, Throwable ex) {
				errors.add(String.valueOf(ex));
			}

			@Override
			public void handleTransportError(StompSession s, Throwable ex) {
				closed = true;
				errors.add(String.valueOf(ex));
			}
		};

		/** The first message that matches, waiting up to {@code within} for it. */
		public JsonNode await(Duration within, String what, Predicate<JsonNode> wanted) throws InterruptedException {
			Peers.await(within, what, () -> messages.stream().anyMatch(wanted));
			return messages.stream().filter(wanted).findFirst().orElseThrow();
		}

		public boolean isConnected() {
			return session != null && session.isConnected() && !closed;
		}

		@Override
		public void close() {
			if (session != null && session.isConnected()) {
				try {
					session.disconnect();
				}
				catch (org.springframework.messaging.MessageDeliveryException closedMeanwhile) {
					// the server closed the socket between the check and the DISCONNECT (a refused subscription): nothing left to close
				}
			}
		}
	}

	/** A message of {@code type} about call {@code callId}. */
	public static Predicate<JsonNode> call(String type, String callId) {
		return m -> type.equals(m.path("type").asString()) && callId.equals(m.path("call").path("callId").asString());
	}
}
