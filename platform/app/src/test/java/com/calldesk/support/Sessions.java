package com.calldesk.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Signs in through the real login forms and hands back the session, as a browser would keep it. */
public final class Sessions {

	private Sessions() {
	}

	public static MockHttpSession staff(MockMvc mvc, String username, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/admin/login").session(session).with(csrf()).param("username", username).param("password", password))
			.andExpect(redirectedUrl("/admin"));
		return session;
	}

	public static MockHttpSession tenantUser(MockMvc mvc, String tenantCode, String username, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).with(csrf()).param("tenantCode", tenantCode).param("username", username)
			.param("password", password)).andExpect(redirectedUrl("/"));
		return session;
	}
}
