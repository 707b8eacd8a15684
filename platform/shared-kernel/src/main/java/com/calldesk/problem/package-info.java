/**
 * Errors as the caller sees them: every refused request gets an HTTP status, a stable code and a
 * message in Simplified Chinese and in English, from {@code messages/problems*.properties}.
 */
package com.calldesk.problem;
