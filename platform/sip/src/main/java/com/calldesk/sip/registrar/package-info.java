/**
 * The registrar (F4): digest authentication (MD5, qop=auth, single-use nonces that expire),
 * several contacts per seat, expiry and un-register, NAT fix-up from the real source address,
 * OPTIONS keep-alives that drop dead phones, and throttling that answers an unknown account and a
 * wrong password exactly alike.
 */
package com.calldesk.sip.registrar;
