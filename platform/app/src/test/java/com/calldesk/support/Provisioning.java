package com.calldesk.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Drives the provisioning API the way staff do: apply, approve, allocate. */
public final class Provisioning {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvc mvc;

	private final MockHttpSession staff;

	public Provisioning(MockMvc mvc, MockHttpSession staff) {
		this.mvc = mvc;
		this.staff = staff;
	}

	/** Applies and approves; returns tenant id, code and the first admin's password. */
	public OpenedTenant openTenant(String company) throws Exception {
		JsonNode applied = json(mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("companyName", company, "contactName", "联系人", "contactPhone", "13800138000"))))
			.andExpect(status().isCreated()));
		JsonNode opened = json(mvc.perform(post("/api/admin/applications/{id}/approve", applied.get("applicationId").asLong())
			.session(staff).with(csrf())).andExpect(status().isOk()));
		return new OpenedTenant(opened.get("tenantId").asLong(), opened.get("tenantCode").asString(),
				opened.get("adminPassword").asString());
	}

	public ResultActions postJson(String url, Object body, Object... vars) throws Exception {
		return mvc.perform(post(url, vars).session(staff).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body)));
	}

	public List<JsonNode> allocateSeats(long tenantId, int count) throws Exception {
		JsonNode seats = json(postJson("/api/admin/tenants/{id}/seats", Map.of("count", count), tenantId).andExpect(status().isCreated()));
		return List.copyOf(seats.findParents("seatId"));
	}

	public static JsonNode json(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	public static String write(Object body) throws Exception {
		return JSON.writeValueAsString(body);
	}

	public record OpenedTenant(long id, String code, String adminPassword) {
	}
}
