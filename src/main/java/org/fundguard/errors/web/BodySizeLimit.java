package org.fundguard.errors.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fundguard.errors.Refused;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an API request whose declared body is above {@code fundguard.api.max-body-size} before anything reads it,
 * as a 400 problem like every other refusal. Tomcat limits only form posts; without this a client could make the
 * server parse any amount of JSON. Multipart uploads (a zipped claims export) keep their own, larger limit.
 */
@Configuration
class BodySizeLimit implements WebMvcConfigurer, HandlerInterceptor {

	private final long maxBytes;

	BodySizeLimit(ApiProperties properties) {
		this.maxBytes = properties.maxBodySize().toBytes();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
		if (!multipart && request.getContentLengthLong() > maxBytes) {
			throw Refused.because("errors.request.too-large", maxBytes / 1024);
		}
		return true;
	}
}
