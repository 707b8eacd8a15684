package com.calldesk.connector.feishu;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.SignIn;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.authen.v1.model.CreateOidcAccessTokenReq;
import com.lark.oapi.service.authen.v1.model.CreateOidcAccessTokenReqBody;
import com.lark.oapi.service.authen.v1.model.CreateOidcAccessTokenResp;
import com.lark.oapi.service.authen.v1.model.GetUserInfoResp;
import com.lark.oapi.service.authen.v1.model.GetUserInfoRespBody;

/**
 * Both ways in end in the same exchange: the code (from {@code tt.requestAccess} inside the client, or from
 * the accounts authorize page in a browser) becomes a user_access_token, which names the user.
 */
final class FeishuSignIn implements SignIn {

	/** The user does not exist, resigned, is frozen or never registered (authen error codes). */
	private static final Set<Integer> NO_SUCH_USER = Set.of(20008, 20021, 20022, 20023);

	/** The user may not use this app (outside its availability range): neither a bad code nor a stranger. */
	private static final int NOT_PERMITTED_TO_USE_APP = 20010;

	private final FeishuApp app;

	private final String accountsBase;

	private final String tenantKey;

	FeishuSignIn(FeishuApp app, String accountsBase, String tenantKey) {
		this.app = app;
		this.accountsBase = accountsBase;
		this.tenantKey = tenantKey;
	}

	/** The page asks the client's JS API for a code ({@code tt.requestAccess({appID})}), no redirect needed. */
	@Override
	public Optional<URI> inClientRedirect(String redirectUri, String state) {
		return Optional.empty();
	}

	@Override
	public Optional<URI> webLogin(String redirectUri, String state) {
		return Optional.of(URI.create(accountsBase + "/open-apis/authen/v1/authorize?client_id=" + encode(app.appId())
				+ "&redirect_uri=" + encode(redirectUri) + "&state=" + encode(state == null ? "" : state)));
	}

	@Override
	public PlatformUser userForClientCode(String code) {
		return userFor(code);
	}

	/** The v1 OIDC exchange takes no redirect_uri: Feishu checked it against 安全设置 when it issued the code. */
	@Override
	public PlatformUser userForWebCode(String code, String redirectUri) {
		return userFor(code);
	}

	private PlatformUser userFor(String code) {
		if (code == null || code.isBlank()) {
			throw new PlatformException(Reason.INVALID_CODE, null, "no sign-in code");
		}
		GetUserInfoRespBody info = userInfo(userAccessToken(code.strip()));
		String tenantOfUser = info.getTenantKey();
		if (tenantKey != null && !tenantKey.equals(tenantOfUser)) {
			throw new PlatformException(Reason.FOREIGN_USER, null, "the user belongs to another Feishu organisation");
		}
		String id = present(info.getUserId()) ? info.getUserId() : info.getOpenId();
		if (!present(id)) {
			throw new PlatformException(Reason.USER_NOT_FOUND, null, "Feishu named no user for the code");
		}
		Map<String, String> altIds = new LinkedHashMap<>();
		putIfPresent(altIds, "open_id", info.getOpenId());
		putIfPresent(altIds, "union_id", info.getUnionId());
		putIfPresent(altIds, "tenant_key", tenantOfUser);
		return new PlatformUser(id, info.getName(), present(info.getMobile()) ? info.getMobile() : null, List.of(), altIds);
	}

	private String userAccessToken(String code) {
		CreateOidcAccessTokenReq request = CreateOidcAccessTokenReq.newBuilder()
			.createOidcAccessTokenReqBody(
					CreateOidcAccessTokenReqBody.newBuilder().grantType("authorization_code").code(code).build())
			.build();
		CreateOidcAccessTokenResp answer = app.call("oidc/access_token", c -> c.authen().oidcAccessToken().create(request));
		if (answer.success() && answer.getData() != null && present(answer.getData().getAccessToken())) {
			return answer.getData().getAccessToken();
		}
		String platformCode = Integer.toString(answer.getCode());
		if (Failures.rateLimited(answer) || Failures.status(answer) >= 500) {
			throw Failures.of("oidc/access_token", answer);
		}
		if (NO_SUCH_USER.contains(answer.getCode())) {
			throw new PlatformException(Reason.USER_NOT_FOUND, platformCode, "sign-in: " + answer.getMsg());
		}
		if (answer.getCode() == NOT_PERMITTED_TO_USE_APP) {
			throw new PlatformException(Reason.FAILED, platformCode, "sign-in: the user may not use this app (可用范围)");
		}
		// 20003 code not found, 20004 code expired, 20001 bad request, …: whatever else the exchange refuses
		throw new PlatformException(Reason.INVALID_CODE, platformCode, "sign-in code refused: " + answer.getMsg());
	}

	/** Asked with the user's own token, so Feishu answers with the user's own view of themselves. */
	private GetUserInfoRespBody userInfo(String userAccessToken) {
		RequestOptions asUser = RequestOptions.newBuilder().userAccessToken(userAccessToken).build();
		GetUserInfoResp answer = app.call("user_info", c -> c.authen().userInfo().get(asUser));
		if (!answer.success() || answer.getData() == null) {
			throw Failures.of("user_info", answer);
		}
		return answer.getData();
	}

	private static void putIfPresent(Map<String, String> ids, String name, String value) {
		if (present(value)) {
			ids.put(name, value);
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
