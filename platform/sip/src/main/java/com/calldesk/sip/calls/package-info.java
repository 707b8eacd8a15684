/**
 * The B2BUA (F6): an inbound trunk leg and an agent leg per call, each its own dialog, with one
 * {@link com.calldesk.sip.calls.Call} object whose state is explicit. Trunks (F5) pick the tenant by
 * the called number and cap channels; calls are anchored on the media relay through {@link
 * com.calldesk.sip.calls.MediaAnchor} and reported through {@link com.calldesk.sip.calls.CallObserver}.
 */
package com.calldesk.sip.calls;
