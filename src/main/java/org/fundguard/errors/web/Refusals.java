package org.fundguard.errors.web;

import java.net.URI;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.fundguard.errors.Messages;
import org.fundguard.errors.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place a refusal becomes an answer. A program (a path under {@code /api/}, or a client that asks for JSON)
 * gets an RFC 9457 problem: the Chinese message as {@code detail}, the English beside it, and the message key for
 * code that must tell refusals apart. A person on a page gets the page {@code error/refused} with the message and a
 * way back. Refusals wrapped by the process engine or EL are unwrapped, so a task listener's words reach the user.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Refusals {

	private static final Logger log = LoggerFactory.getLogger(Refusals.class);

	static final String TYPE_PREFIX = "urn:fundguard:problem:";

	@ExceptionHandler(Refused.class)
	Object refused(Refused refused, HttpServletRequest request) {
		return answer(refused, request);
	}

	/**
	 * A request Spring could not take as it came: a body that is no JSON or not the expected shape, a wrong content
	 * type, a missing or mistyped parameter, a body or upload above its limit. The client's to correct, so a 400 with
	 * the same problem body as every refusal, never Spring's bare error page (or a 500 further down).
	 */
	@ExceptionHandler({ HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class,
			MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
			MethodArgumentTypeMismatchException.class, MaxUploadSizeExceededException.class,
			MultipartException.class, MissingRequestValueException.class })
	Object unacceptable(Exception e, HttpServletRequest request) {
		Optional<Refused> inside = Refused.in(e);
		return answer(inside.orElseGet(() -> BadRequests.refusal(e)), request);
	}

	/** Bean Validation of a request body or parameter: one problem listing every field and what is wrong with it. */
	@ExceptionHandler({ MethodArgumentNotValidException.class, HandlerMethodValidationException.class })
	Object invalid(Exception e, HttpServletRequest request) {
		List<BadRequests.FieldProblem> fields = BadRequests.fields(e);
		Refused refused = Refused.because("errors.request.fields-invalid",
				fields.stream().map(BadRequests.FieldProblem::message).collect(Collectors.joining("；")));
		Object answer = answer(refused, request);
		if (answer instanceof ResponseEntity<?> entity && entity.getBody() instanceof ProblemDetail problem) {
			problem.setProperty("detailEn", Messages.english("errors.request.fields-invalid",
					fields.stream().map(BadRequests.FieldProblem::messageEn).collect(Collectors.joining("; "))));
			problem.setProperty("fields", fields);
		}
		return answer;
	}

	/** The engine's and EL's wrappers: a refusal inside is the user's answer, anything else stays a server error. */
	@ExceptionHandler({ org.camunda.bpm.engine.ProcessEngineException.class, jakarta.el.ELException.class })
	Object wrapped(RuntimeException e, HttpServletRequest request) throws RuntimeException {
		Refused refused = Refused.in(e).orElseThrow(() -> e);
		return answer(refused, request);
	}

	private Object answer(Refused refused, HttpServletRequest request) {
		HttpStatus status = HttpStatus.valueOf(refused.reason().status());
		log.info("refused {} {}: {} ({})", request.getMethod(), request.getRequestURI(), refused.key(), refused.getMessage());
		if (wantsProblem(request)) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(refused, request));
		}
		ModelAndView page = new ModelAndView("error/refused", status);
		page.addObject("message", refused.getMessage());
		page.addObject("english", refused.english());
		page.addObject("status", status.value());
		page.addObject("back", sameSitePath(request));
		return page;
	}

	static ProblemDetail problem(Refused refused, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refused.reason().status()),
				refused.getMessage());
		problem.setType(URI.create(TYPE_PREFIX + refused.key()));
		problem.setTitle(title(refused.reason()));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("key", refused.key());
		problem.setProperty("detailEn", refused.english());
		return problem;
	}

	static String title(Refused.Reason reason) {
		return switch (reason) {
			case INVALID -> "请求未被接受";
			case NOT_FOUND -> "未找到";
			case FORBIDDEN -> "无权访问";
			case CONFLICT -> "状态已变化";
			case UNAVAILABLE -> "服务暂不可用";
		};
	}

	/** The page the user came from, when it is one of ours: a back link never leads off the site. */
	static String sameSitePath(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			URI from = URI.create(referer);
			boolean ours = request.getServerName().equalsIgnoreCase(from.getHost()) && from.getPort() == request.getServerPort()
					&& from.getRawPath() != null && from.getRawPath().startsWith("/");
			return ours ? from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()) : null;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static boolean wantsProblem(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return true;
		}
		String accept = request.getHeader("Accept");
		return accept != null && (accept.contains(MediaType.APPLICATION_JSON_VALUE) || accept.contains("application/problem+json"))
				&& !accept.contains(MediaType.TEXT_HTML_VALUE);
	}
}
