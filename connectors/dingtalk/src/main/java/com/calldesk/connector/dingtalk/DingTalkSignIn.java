package com.calldesk.connector.dingtalk;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.aliyun.dingtalkcontact_1_0.models.GetUserResponseBody;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.SignIn;
import com.dingtalk.api.request.OapiUserGetbyunionidRequest;
import com.dingtalk.api.request.OapiV2UserGetRequest;
import com.dingtalk.api.request.OapiV2UserGetuserinfoRequest;
import com.dingtalk.api.response.OapiUserGetbyunionidResponse;
import com.dingtalk.api.response.OapiV2UserGetResponse;
import com.dingtalk.api.response.OapiV2UserGetuserinfoResponse;

/**
 * Inside the client the page asks {@code dd.requestAuthCode({corpId})} for a code (no redirect), which
 * the legacy API turns into the userid. From a browser, DingTalk's OAuth2 page returns a code for a user
 * token; the organisation the user picked there must be the tenant's, and the person must be in it.
 */
final class DingTalkSignIn implements SignIn {

	static final String UNIONID = "unionid";

	private final DingTalkApp app;

	private final Oapi oapi;

	private final OpenApi openApi;

	private final String loginBase;

	DingTalkSignIn(DingTalkApp app, Oapi oapi, OpenApi openApi, String loginBase) {
		this.app = app;
		this.oapi = oapi;
		this.openApi = openApi;
		this.loginBase = loginBase;
	}

	@Override
	public Optional<URI> inClientRedirect(String redirectUri, String state) {
		return Optional.empty();
	}

	/** {@code scope=openid corpid} makes the user pick an organisation, and the token response name it. */
	@Override
	public Optional<URI> webLogin(String redirectUri, String state) {
		return Optional.of(URI.create(loginBase + "/oauth2/auth?redirect_uri=" + Urls.encode(redirectUri)
				+ "&response_type=code&client_id=" + Urls.encode(app.appKey()) + "&scope=openid%20corpid&state="
				+ Urls.encode(state) + "&prompt=consent"));
	}

	@Override
	public PlatformUser userForClientCode(String code) {
		OapiV2UserGetuserinfoRequest request = new OapiV2UserGetuserinfoRequest();
		request.setCode(code);
		OapiV2UserGetuserinfoResponse response = oapi.call(app, "/topapi/v2/user/getuserinfo", request);
		return member(response.getResult().getUserid(), null);
	}

	@Override
	public PlatformUser userForWebCode(String code, String redirectUri) {
		OpenApi.UserToken token = openApi.userToken(app, code);
		if (!app.corpId().equals(token.corpId())) {
			throw new PlatformException(Reason.FOREIGN_USER, "corpId",
					"The user signed in for another organisation than the tenant's");
		}
		GetUserResponseBody me = openApi.me(token);
		return member(useridOf(me.getUnionId()), me.getMobile());
	}

	/** unionid → userid with the corp token; 60121 (or an external contact) means not in this organisation. */
	private String useridOf(String unionid) {
		OapiUserGetbyunionidRequest request = new OapiUserGetbyunionidRequest();
		request.setUnionid(unionid);
		OapiUserGetbyunionidResponse response;
		try {
			response = oapi.call(app, "/topapi/user/getbyunionid", request);
		}
		catch (PlatformException e) {
			if (OapiError.NOT_FOUND.equals(e.platformCode())) {
				throw new PlatformException(Reason.FOREIGN_USER, e.platformCode(),
						"The user is not a member of the tenant's organisation");
			}
			throw e;
		}
		OapiUserGetbyunionidResponse.UserGetByUnionIdResponse result = response.getResult();
		if (result == null || result.getUserid() == null
				|| (result.getContactType() != null && result.getContactType() != 0L)) {
			throw new PlatformException(Reason.FOREIGN_USER, "contact_type",
					"The user is an external contact, not a member of the tenant's organisation");
		}
		return result.getUserid();
	}

	/** The member's details ({@code /topapi/v2/user/get}); mobile only with the 成员手机号 permission. */
	private PlatformUser member(String userid, String fallbackMobile) {
		OapiV2UserGetRequest request = new OapiV2UserGetRequest();
		request.setUserid(userid);
		request.setLanguage("zh_CN");
		OapiV2UserGetResponse.UserGetResponse user = oapi.call(app, "/topapi/v2/user/get", request).getResult();
		String mobile = blankToNull(user.getMobile());
		return new PlatformUser(user.getUserid() == null ? userid : user.getUserid(), user.getName(),
				mobile == null ? blankToNull(fallbackMobile) : mobile, ids(user.getDeptIdList()), altIds(user.getUnionid()));
	}

	static List<String> ids(List<Long> deptIds) {
		return deptIds == null ? List.of() : deptIds.stream().map(String::valueOf).toList();
	}

	static Map<String, String> altIds(String unionid) {
		return unionid == null || unionid.isBlank() ? Map.of() : Map.of(UNIONID, unionid);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
