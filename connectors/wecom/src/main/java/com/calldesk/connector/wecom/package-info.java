/**
 * The WeCom port (企微端): one tenant's self-built app (自建应用) on WeCom, through WxJava
 * ({@code com.github.binarywang:weixin-java-cp} 4.6.0, Apache HttpClient transport).
 *
 * <ul>
 * <li>Per tenant, one {@code WxCpServiceImpl} ({@link com.calldesk.connector.wecom.WeComService}) over a
 * {@code WxCpDefaultConfigImpl} whose access token lives in the application's
 * {@link com.calldesk.connector.TokenCache} ({@link com.calldesk.connector.wecom.TokenCacheConfig}, key
 * {@code wecom:access_token:{corpId}:{agentId}}, 5 minutes shorter than WeCom's 7200 s), so a cluster
 * fetches one token per app. On 40001/40014/42001 the token is evicted, fetched anew and the call retried
 * once. {@code check()} always fetches a fresh token: a cached one may predate the secret.</li>
 * <li>Sign-in: in the client, WeCom's OAuth2 redirect with snsapi_base; from a browser, WeCom's web login
 * page. Codes of both go to {@code /cgi-bin/auth/getuserinfo}, called raw because WxJava 4.6.0's
 * {@code getAuthUserInfo} reads {@code UserId} where WeCom answers {@code userid} (both casings are read);
 * a person with only an openid / external_userid belongs to no department of this corp. Names come from
 * {@code user/get}, a mobile only from a {@code user_ticket}, when there is one.</li>
 * <li>Directory: {@code department/list} without id (the app's whole visible tree), then {@code user/list}
 * per department without children, deduplicated statelessly by each member's own department list.</li>
 * <li>Messages: textcard whose link is wrapped in the OAuth2 redirect, so the agent arrives signed in;
 * {@code invaliduser} / {@code unlicenseduser} under errcode 0 are failures too.</li>
 * <li>Callbacks: the signature, AES decryption and receiveid check are done here
 * ({@link com.calldesk.connector.wecom.CallbackCipher}) since WxJava skips the receiveid; the unverified
 * outer XML is read by a hardened JDK parser, and only the decrypted message goes to XStream.</li>
 * </ul>
 *
 * Pitfalls handled: WxJava logs request URLs with {@code access_token=} at WARN/DEBUG (the call step is
 * overridden without logging); its config's {@code toString} prints the secret; it retries errcode -1
 * for about 31 s (here once, after 100 ms); all tenants share its one HTTP pool (tuned once: 5 s
 * timeouts, 5 s to lease a connection instead of for ever, 50 per host); exception messages never carry
 * a URL, since every WeCom URL carries the token or the secret. The SDK's shared builder also sets a
 * trust-all TLSv1 socket factory on its client builder, but that one is unused: the pooled connection
 * manager it also sets brings HttpClient's default, verifying factory.
 */
package com.calldesk.connector.wecom;
