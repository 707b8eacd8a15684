/** Sign-in pieces shared by the staff console and the tenant web: lock-out after repeated failures. */
package com.calldesk.signin;
