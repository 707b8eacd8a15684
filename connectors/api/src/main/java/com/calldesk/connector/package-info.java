/**
 * One interface for the four ports (独立端, 钉钉端, 企微端, 飞书端): how a user signs in, who is in the
 * tenant's directory (to bind seats), and how a notice (screen pop, missed call) reaches a user.
 * Implementations live one module per platform; nothing here names a platform SDK.
 */
package com.calldesk.connector;
