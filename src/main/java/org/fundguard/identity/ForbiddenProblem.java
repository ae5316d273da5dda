package org.fundguard.identity;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fundguard.errors.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A bearer-token caller whose role may not reach a path gets the same RFC 9457 problem as any refusal (Chinese detail,
 * English beside it, the message key), not Spring Security's empty 403: the access rules run before Spring MVC, so the
 * one advice that answers refusals (errors.web) never sees these.
 */
final class ForbiddenProblem implements AccessDeniedHandler {

	static final String KEY = "identity.role-may-not";
	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "urn:fundguard:problem:" + KEY);
		problem.put("title", "无权访问");
		problem.put("status", HttpStatus.FORBIDDEN.value());
		problem.put("detail", Messages.chinese(KEY));
		problem.put("instance", request.getRequestURI());
		problem.put("key", KEY);
		problem.put("detailEn", Messages.english(KEY));
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}
}
