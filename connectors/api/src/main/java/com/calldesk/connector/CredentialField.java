package com.calldesk.connector;

/**
 * One thing a tenant administrator enters, labelled in both languages. A {@code secret} is stored
 * encrypted and never shown again; an optional field is needed only for event callbacks.
 */
public record CredentialField(String name, String labelZh, String labelEn, boolean secret, boolean required) {
}
