/**
 * Seat settings (F17, 系统设置 › 电话坐席设置): the tenant's purchased seats (platform schema) and
 * which user works on each (tenant schema). A seat binds at most one user and a user at most one seat.
 */
package com.calldesk.seats;
