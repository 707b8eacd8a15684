/**
 * Schema-per-tenant plumbing: which tenant a thread works for, how a pooled connection is pointed at
 * that tenant's schema, and how tenant schemas are created and migrated.
 *
 * <p>Platform tables (tenants, seats, numbers, balances) live in one shared schema and are always
 * addressed with that schema's name; tenant tables are addressed bare and resolve against the schema
 * the connection was switched to when it left the pool.
 */
package com.calldesk.tenancy;
