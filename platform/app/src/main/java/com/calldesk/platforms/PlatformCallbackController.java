package com.calldesk.platforms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.connector.CallbackOutcome;
import com.calldesk.connector.CallbackRequest;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformException;
import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * The platforms' event pushes, one URL per platform and tenant ({@code /callbacks/<platform>/<tenant>},
 * entered in the platform's console). The connector checks signature, encryption, owner and age;
 * a push seen before is answered as the platform expects and acted on no more.
 */
@RestController
class PlatformCallbackController {

	private static final Logger log = LoggerFactory.getLogger(PlatformCallbackController.class);

	private final TenantDirectory tenants;

	private final TenantPorts ports;

	private final Leavers leavers;


	PlatformCallbackController(TenantDirectory tenants, TenantPorts ports, Leavers leavers) {
		this.tenants = tenants;
		this.ports = ports;
		this.leavers = leavers;
	}

	@RequestMapping(path = "/callbacks/{platform}/{tenantCode}", method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<String> push(@PathVariable String platform, @PathVariable String tenantCode,
			@RequestBody(required = false) byte[] body, HttpServletRequest request) {
		Platform p = Connectors.parse(platform);
		TenantScope tenant = tenants.activeByCode(tenantCode).orElseThrow(() -> DomainException.notFound("tenant.not-found", tenantCode));
		CallbackRequest pushed = new CallbackRequest(request.getMethod(), request.getRequestURI(), query(request), headers(request), body);
		return TenantContext.call(tenant, () -> {
			CallbackOutcome outcome;
			try {
				outcome = ports.require(p).callbacks().handle(pushed);
			}
			catch (PlatformException e) {
				log.warn("Refused a {} push for tenant {}: {}", p, tenant.code(), e.getMessage());
				return ResponseEntity.status(403).contentType(MediaType.APPLICATION_JSON)
					.body("{\"code\":\"platform.callback-rejected\",\"message\":\"回调验证失败。\",\"messageEn\":\"The callback did not verify.\"}");
			}
			if (!leavers.take(p, outcome.eventId(), outcome.usersLeft())) {
				log.info("Dropped a repeated {} push {} for tenant {}", p, outcome.eventId(), tenant.code());
			}
			return ResponseEntity.status(outcome.status()).contentType(MediaType.parseMediaType(outcome.contentType())).body(outcome.body());
		});
	}

	private static Map<String, String> query(HttpServletRequest request) {
		Map<String, String> query = new LinkedHashMap<>();
		String raw = request.getQueryString();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
				String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
				if (!name.isEmpty()) {
					query.putIfAbsent(name, value);
				}
			}
		}
		return query;
	}

	private static Map<String, List<String>> headers(HttpServletRequest request) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name, Collections.list(request.getHeaders(name)));
		}
		return headers;
	}
}
