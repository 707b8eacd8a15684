package com.calldesk.users;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The sign-in form's tenant code, carried beside username and password. */
class TenantLoginDetails extends WebAuthenticationDetails {

	private final String tenantCode;

	TenantLoginDetails(HttpServletRequest request) {
		super(request);
		String code = request.getParameter("tenantCode");
		this.tenantCode = code == null ? "" : code.strip();
	}

	String tenantCode() {
		return tenantCode;
	}
}
