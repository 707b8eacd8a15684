/**
 * Call charges (F15): what a call costs ({@link com.calldesk.billing.Tariff}, per started minute at
 * the tenant's rate), the debit of the tenant's balance in the transaction that closes the call's
 * record ({@link com.calldesk.billing.CallCharging}, {@link com.calldesk.billing.Ledger}), the cheap
 * check that refuses a seat's call out when the balance is exhausted
 * ({@link com.calldesk.billing.BalanceGate}), and the tenant administrator's view of balance and ledger.
 * Top-ups and rates are set by provisioning staff in tenant-admin.
 */
package com.calldesk.billing;
