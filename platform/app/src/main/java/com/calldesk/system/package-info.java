/**
 * Cross-cutting wiring: the tenant-scoped DataSource and MyBatis-Plus set-up, the state store
 * (in-process or Redis), tenant schema upgrades at start, locale switching and the demo tenant.
 */
package com.calldesk.system;
