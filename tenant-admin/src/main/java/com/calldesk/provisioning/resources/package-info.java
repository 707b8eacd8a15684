/**
 * What a tenant bought (F2, F3): trunk numbers, seats with their SIP accounts, display numbers,
 * gateways, rates and balance, device orders. A number belongs to one tenant at a time (unique
 * index, 409 otherwise); every change is an order line written in the same transaction.
 */
package com.calldesk.provisioning.resources;
