/**
 * Short-lived cluster state shared by every node: counters that expire and keys that are blocked for
 * a while. In-process on a single node; Redis (through Redisson) when several nodes share the work.
 * Login and SIP registration throttling use it now; channel counters and locations come next.
 */
package com.calldesk.state;
