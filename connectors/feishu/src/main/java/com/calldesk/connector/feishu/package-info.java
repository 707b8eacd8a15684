/**
 * The Feishu port (飞书端), on the official SDK {@code com.larksuite.oapi:oapi-sdk} (2.5.3, protobuf and
 * OkHttp shaded). Each tenant brings its own self-built app (App ID {@code cli_…} and App Secret), so
 * {@link com.calldesk.connector.feishu.FeishuConnector#open open} builds one {@code com.lark.oapi.Client}
 * per tenant against the configured open-platform base.
 *
 * <ul>
 * <li><b>Sign-in:</b> inside the client the page gets a code from {@code tt.requestAccess} (older clients
 * {@code tt.requestAuthCode}) with the app id; in a browser, the accounts authorize page. Both codes go
 * through the typed v1 OIDC exchange ({@code authen/v1/oidc/access_token} with the app_access_token) and
 * {@code authen/v1/user_info} with the user's token. The user is their user_id (open_id without the
 * employee-id scope); with a {@code tenantKey} configured, a user of another organisation is refused.</li>
 * <li><b>Directory:</b> {@code departments/0/children?fetch_child=true}, then
 * {@code users/find_by_department} for the root and each department; resigned and exited people left out,
 * a person in several departments listed once.</li>
 * <li><b>Notices:</b> an interactive message card from the app's bot ({@code im/v1/messages}); its button
 * opens the link in the client's side panel through applink; the notice id is the message uuid, which
 * Feishu deduplicates for an hour.</li>
 * <li><b>Callbacks:</b> the SDK's {@code EventDispatcher}, one per tenant, given the header names
 * lower-cased and the raw body.</li>
 * </ul>
 *
 * <p>Pitfalls handled here:
 * <ul>
 * <li><b>One token cache for everybody.</b> {@code Client.Builder.build()} replaces the SDK's
 * process-global token manager with one over the builder's cache. Every client is therefore given the same
 * {@link com.calldesk.connector.feishu.LarkTokenCache} (over the application's TokenCache, so a cluster
 * shares tokens); a client built with another cache, or none (the SDK's LocalCache), would silently move
 * all tenants' tokens there. Hence one FeishuConnector per process, and no other Lark client in it.</li>
 * <li><b>No eviction in the SDK.</b> On 99991663/99991664 (tenant/app token invalid, e.g. after a secret
 * rotation) the app's cached tokens are evicted and the call is made once more.</li>
 * <li><b>One transport.</b> {@code requestTimeout()} would create an OkHttpClient, with its pool and threads,
 * per tenant; all clients share one with a 5 s call timeout instead.</li>
 * <li><b>API errors do not throw</b>: codes come in the response, often with HTTP 4xx (230013 with 400,
 * rate limits with 429 and {@code x-ogw-ratelimit-reset}).</li>
 * <li><b>Callback security.</b> The dispatcher checks the signature only when an Encrypt Key is set, so
 * without one every push is refused; it never checks the timestamp, so pushes more than 5 minutes from the
 * Clock are refused; it checks the verification token only for the URL check, so events are also matched
 * against the app id, token and tenant key. Its own failures (bad signature, undecryptable) come back as
 * HTTP 500 and are refused.</li>
 * <li><b>Logging.</b> {@code logReqAtDebug} stays off (it logs {@code Authorization: Bearer}). The dispatcher
 * logs every push at INFO on {@code com.lark.oapi.event.EventDispatcher} (headers and encrypted body) and
 * the decrypted event at DEBUG: the application sets that logger to WARN.</li>
 * </ul>
 */
package com.calldesk.connector.feishu;
