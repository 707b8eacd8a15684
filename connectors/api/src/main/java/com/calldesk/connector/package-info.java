/**
 * One interface for the four ports (独立端, 钉钉端, 企微端, 飞书端): how a user signs in, who is in the
 * tenant's organisation (to bind seats), how a notice (screen pop, missed call, voicemail, callback
 * task) reaches a person, and how the platform's pushes (someone left) are verified. A
 * {@link com.calldesk.connector.PlatformConnector} is one per platform; a
 * {@link com.calldesk.connector.TenantPort} is that platform bound to one tenant's credentials.
 * Implementations live one module per platform; nothing here names a platform SDK.
 */
package com.calldesk.connector;
