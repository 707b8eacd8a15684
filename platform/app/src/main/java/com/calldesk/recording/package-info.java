/**
 * Call recordings as users reach them: short-lived links signed for one user, one call and one use
 * (play or download), checked against the signed-in user's tenant and role, every access audited;
 * legal holds, and deletion by the tenant's retention.
 */
package com.calldesk.recording;
