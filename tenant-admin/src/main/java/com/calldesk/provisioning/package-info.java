/**
 * Provisioning (tenant-admin): provisioning staff open the call center for a tenant and sell it
 * trunk numbers, seats, display numbers, callback, rates, top-ups, gateways and devices (F1–F3).
 * Everything here lives in the shared platform schema; every allocation leaves an order line.
 */
package com.calldesk.provisioning;
