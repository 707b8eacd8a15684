/** A tenant's users and the standalone sign-in (F16): roles, bcrypt passwords, lock-out. */
package com.calldesk.users;
