/**
 * After-sales objects that calls link to (F26): customers, contacts with normalized phone numbers,
 * events (事件) and work orders (工单). A host system syncs its own through the REST API; the
 * screen pop finds a contact by any of its numbers in one unique-index lookup.
 */
package com.calldesk.crm;
