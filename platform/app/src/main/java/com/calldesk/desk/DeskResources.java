package com.calldesk.desk;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Caching of the desk's built files. Vite names every chunk under {@code assets/} by its content hash,
 * so they are cached for a year; the page and {@code statusbar.js} keep fixed names and are revalidated
 * on every load, so an agent who reloads after an upgrade never runs last week's code against this
 * week's server.
 */
@Configuration(proxyBeanMethods = false)
class DeskResources implements WebMvcConfigurer {

	private static final String BUILT = "classpath:/static/desk/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/desk/assets/**")
			.addResourceLocations(BUILT + "assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable());
		// a pattern without a wildcard leaves no path to look up under the location: match by extension
		registry.addResourceHandler("/desk/*.html", "/desk/*.js")
			.addResourceLocations(BUILT)
			.setCacheControl(CacheControl.noCache());
	}
}
