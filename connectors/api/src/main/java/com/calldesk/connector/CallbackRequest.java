package com.calldesk.connector;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP push exactly as it arrived: header names lower-cased (Feishu's dispatcher finds nothing
 * otherwise), the body as raw bytes (a re-serialised body breaks every signature).
 */
public record CallbackRequest(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
		byte[] body) {

	public CallbackRequest {
		query = Map.copyOf(query);
		headers = headers.entrySet().stream()
			.collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue()),
					(a, b) -> a));
		body = body == null ? new byte[0] : body.clone();
	}

	public String header(String name) {
		List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	@Override
	public byte[] body() {
		return body.clone();
	}
}
