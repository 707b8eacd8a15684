package com.calldesk.problem;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/** Looks a problem code up in Chinese and English at once: API clients get both, whatever their locale. */
public final class BilingualMessages {

	private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

	public BilingualMessages() {
		source.setBasenames("messages/problems");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(true);
	}

	public String zh(String code, Object... args) {
		return source.getMessage(code, args, Locale.SIMPLIFIED_CHINESE);
	}

	public String en(String code, Object... args) {
		return source.getMessage(code, args, Locale.ENGLISH);
	}

}
