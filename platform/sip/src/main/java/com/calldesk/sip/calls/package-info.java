/**
 * The B2BUA (F6): an inbound trunk leg and an agent leg per call, each its own dialog, with one
 * {@link com.calldesk.sip.calls.Call} object whose state is explicit. Trunks (F5) pick the tenant by
 * the called number and cap channels; calls are anchored on the media relay through {@link
 * com.calldesk.sip.calls.MediaAnchor} and every step is told on one stream, {@link
 * com.calldesk.sip.calls.CallLifecycle}, that the ACD, the records and the CTI events listen to; who takes
 * a call is the ACD's decision ({@link com.calldesk.sip.calls.CallDistribution}).
 */
package com.calldesk.sip.calls;
