package com.calldesk.connector.wecom;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.SignIn;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import me.chanjar.weixin.cp.bean.WxCpUser;

/**
 * Sign-in by WeCom OAuth2 code, from the in-client redirect and from the web login alike: both codes
 * go through the same {@code /cgi-bin/auth/getuserinfo} exchange, then {@code user/get} for the name.
 */
final class WeComSignIn implements SignIn {

	private static final Logger log = LoggerFactory.getLogger(WeComSignIn.class);

	private final WeComService service;

	private final AuthorizeLinks links;

	WeComSignIn(WeComService service, AuthorizeLinks links) {
		this.service = service;
		this.links = links;
	}

	@Override
	public Optional<URI> inClientRedirect(String redirectUri, String state) {
		return Optional.of(links.oauth2(redirectUri, state));
	}

	@Override
	public Optional<URI> webLogin(String redirectUri, String state) {
		return Optional.of(links.webLogin(redirectUri, state));
	}

	@Override
	public PlatformUser userForClientCode(String code) {
		return userFor(code);
	}

	/** The web login's code carries no user_ticket (it is not an snsapi_privateinfo code), so no mobile. */
	@Override
	public PlatformUser userForWebCode(String code, String redirectUri) {
		return userFor(code);
	}

	private PlatformUser userFor(String code) {
		if (code == null || code.isBlank()) {
			throw new PlatformException(Reason.INVALID_CODE, null, "no sign-in code");
		}
		JsonObject identity = identity(code);
		String userId = string(identity, "userid", "UserId");
		if (userId == null) {
			// openid / external_userid: someone WeCom knows, but not a member of this corp
			throw new PlatformException(Reason.FOREIGN_USER, null, "the signed-in person is not a member of this corp");
		}
		WxCpUser user = Failures.call(() -> service.getUserService().getById(AuthorizeLinks.enc(userId)));
		String ticket = string(identity, "user_ticket");
		List<String> departments = user.getDepartIds() == null ? List.of()
				: Arrays.stream(user.getDepartIds()).map(String::valueOf).toList();
		return new PlatformUser(userId, user.getName(), ticket == null ? null : mobile(ticket), departments, Map.of());
	}

	/**
	 * Called raw: WxJava 4.6.0's {@code getAuthUserInfo} reads {@code UserId}/{@code OpenId} where the
	 * documented answer says {@code userid}/{@code openid}, so it returns a null user. Live casing is
	 * reported to vary, so both are read.
	 */
	private JsonObject identity(String code) {
		String url = service.apiUrl("/cgi-bin/auth/getuserinfo?code=" + AuthorizeLinks.enc(code));
		return Failures.call(() -> JsonParser.parseString(service.get(url, null)).getAsJsonObject());
	}

	/** A best effort: the member may not have consented, or be outside the app's visible range. */
	private String mobile(String userTicket) {
		JsonObject body = new JsonObject();
		body.addProperty("user_ticket", userTicket);
		try {
			String url = service.apiUrl("/cgi-bin/auth/getuserdetail");
			JsonObject detail = Failures.call(() -> JsonParser.parseString(service.post(url, body)).getAsJsonObject());
			String mobile = string(detail, "mobile");
			return mobile == null || mobile.isBlank() ? null : mobile;
		}
		catch (PlatformException e) {
			log.debug("WeCom getuserdetail gave no mobile ({} {})", e.reason(), e.platformCode());
			return null;
		}
	}

	private static String string(JsonObject json, String... names) {
		for (String name : names) {
			JsonElement value = json.get(name);
			if (value != null && value.isJsonPrimitive() && !value.getAsString().isBlank()) {
				return value.getAsString();
			}
		}
		return null;
	}
}
