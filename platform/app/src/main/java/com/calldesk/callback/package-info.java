/**
 * Nothing missed (B2): every missed inbound call, abandoned queue call and voicemail becomes a callback
 * task for an owner (the caller's sticky agent, else the next agent in turn) with a deadline from the
 * tenant's SLA; repeat calls of the day fold into the open task; outbound calls to the caller count as
 * attempts, an answered one closes it; anyone may close it by hand with an outcome, and of two closing
 * at once one wins.
 */
package com.calldesk.callback;
