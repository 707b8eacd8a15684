/**
 * The standalone port (独立端): users sign in with the web form, the directory is the tenant's own
 * user list, and notices are shown in the web page itself rather than pushed to a platform.
 */
package com.calldesk.connector.standalone;
