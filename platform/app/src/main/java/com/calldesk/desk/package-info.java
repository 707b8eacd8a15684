/**
 * The agent desktop's data (F18–F20): the screen pop ({@link com.calldesk.desk.ScreenPops}), the
 * agent's calls of the day with their service notes, calls linked to events and work orders, a new
 * caller saved in one click, a customer's service history, colleagues for a transfer and the display
 * number a click-to-call would show. It reads calls (telephony), contacts and service records (crm),
 * seats and agents (seats, acd) and owns two tenant tables, {@code call_note} and {@code call_link};
 * see docs/agent-desktop-data.md.
 */
package com.calldesk.desk;
