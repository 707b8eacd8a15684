/**
 * The DingTalk port (钉钉端) for a tenant's self-built app (企业内部应用).
 *
 * <p>Two SDKs, each for what only it has:
 * <ul>
 * <li>{@code com.aliyun:alibaba-dingtalk-service-sdk} (legacy topapi, oapi.dingtalk.com): the corp token
 * ({@code /gettoken}), in-client sign-in ({@code v2/user/getuserinfo} + {@code v2/user/get}), the directory
 * ({@code v2/department/listsub}, {@code v2/user/list}), 工作通知 ({@code asyncsend_v2}, action cards) and
 * unionid → userid ({@code user/getbyunionid}).</li>
 * <li>{@code com.aliyun:dingtalk} (new API, api.dingtalk.com): the OAuth2 browser login
 * ({@code oauth2/userAccessToken} + {@code contact/users/me}).</li>
 * </ul>
 * Callback crypto is in neither SDK; {@link com.calldesk.connector.dingtalk.CallbackCrypto} implements the
 * documented scheme and, unlike WxJava's helper, checks the owner key (AppKey, or corpId for legacy registrations).
 *
 * <p>Pitfalls handled here:
 * <ul>
 * <li>The legacy SDK trusts every TLS certificate and host name by default (process-wide static flags in
 * {@code WebV2Utils}); the connector's static initialiser turns both checks back on.</li>
 * <li>Its error log ({@code TaobaoLogger}, logger {@code topsdk}) prints every request parameter, the access
 * token and the app secret included; it is switched off. Its IOExceptions can carry the URL with the token,
 * so they are never attached as causes nor quoted in messages.</li>
 * <li>tea (new SDK) uses plain HTTP unless {@code Config.protocol} is set: it always is, from
 * {@link com.calldesk.connector.dingtalk.DingTalkConnector.Endpoints#apiProtocol()}.</li>
 * <li>No SDK caches the corp token: it goes to the shared {@code TokenCache} (7200 s less 5 minutes), is
 * evicted on 40014/42001/40001 and the call made once more.</li>
 * <li>Errors come as HTTP 200 {@code errcode}; 88 wraps the real cause in {@code sub_code}; the gateway's
 * per-IP throttle answers {@code {"status":1111,"wait":N}} instead. Rate limits become RATE_LIMITED.</li>
 * <li>DingTalk drops the same content to the same person within a day: each card carries the notice's
 * short id and the time.</li>
 * <li>The directory lists direct members per department: the tree is walked from the root (id 1) and a
 * person in several departments is listed once, in the first.</li>
 * </ul>
 */
package com.calldesk.connector.dingtalk;
