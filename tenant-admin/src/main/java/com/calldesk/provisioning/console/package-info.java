/** The provisioning console: HTML pages for staff, the same operations as a REST API, and the public application form. */
package com.calldesk.provisioning.console;
