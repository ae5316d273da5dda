package org.fundguard.errors.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import org.fundguard.errors.Messages;
import org.fundguard.errors.Refused;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Spring's own rejections of a request, in the bundle's words: which field, parameter or part, and what to send
 * instead. A constraint whose message is a bundle key ({@code @NotBlank(message = "{errors.request.required}")}) is
 * told with that key and the field's name; any other constraint with the generic "field not acceptable".
 */
final class BadRequests {

	private BadRequests() {
	}

	/** One field of a request that failed validation, in both languages. */
	record FieldProblem(String field, String key, String message, String messageEn) {
	}

	static Refused refusal(Exception e) {
		return switch (e) {
			case HttpMessageNotReadableException unreadable -> unreadable(unreadable);
			case HttpMediaTypeNotSupportedException media -> Refused.because("errors.request.content-type",
					String.valueOf(media.getContentType()), media.getSupportedMediaTypes());
			case MissingServletRequestParameterException p -> Refused.because("errors.request.parameter-missing",
					p.getParameterName());
			case MissingServletRequestPartException p -> Refused.because("errors.request.parameter-missing",
					p.getRequestPartName());
			case MissingRequestValueException m -> Refused.because("errors.request.unreadable");
			case MethodArgumentTypeMismatchException m -> Refused.because("errors.request.parameter-invalid", m.getName(),
					String.valueOf(m.getValue()));
			case MaxUploadSizeExceededException m -> Refused.because("errors.request.too-large",
					m.getMaxUploadSize() < 0 ? "?" : String.valueOf(m.getMaxUploadSize() / 1024));
			default -> Refused.because("errors.request.unreadable");
		};
	}

	/** A body that is missing, no JSON, or JSON of the wrong shape: name the field when Jackson knows it. */
	private static Refused unreadable(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath().stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse("");
			return Refused.because("errors.request.field-wrong-type", field);
		}
		return Refused.because("errors.request.unreadable");
	}

	static List<FieldProblem> fields(Exception e) {
		List<FieldProblem> out = new ArrayList<>();
		if (e instanceof MethodArgumentNotValidException invalid) {
			for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
				out.add(problem(error.getField(), template(error)));
			}
			invalid.getBindingResult().getGlobalErrors()
				.forEach(error -> out.add(problem(error.getObjectName(), template(error))));
		}
		else if (e instanceof HandlerMethodValidationException invalid) {
			for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
				String name = result.getMethodParameter().getParameterName();
				for (MessageSourceResolvable error : result.getResolvableErrors()) {
					String field = error instanceof FieldError fieldError ? fieldError.getField() : name;
					out.add(problem(field, template(error)));
				}
			}
		}
		return out;
	}

	private static FieldProblem problem(String field, String template) {
		String key = template != null && template.startsWith("{") && template.endsWith("}")
				? template.substring(1, template.length() - 1) : null;
		if (key == null || !Messages.has(key)) {
			key = "errors.request.field-invalid";
		}
		return new FieldProblem(field, key, Messages.chinese(key, field), Messages.english(key, field));
	}

	/** The constraint's message as declared (a bundle key in braces), not as Hibernate Validator filled it in. */
	private static String template(MessageSourceResolvable error) {
		try {
			if (error instanceof org.springframework.validation.ObjectError objectError
					&& objectError.contains(ConstraintViolation.class)) {
				return objectError.unwrap(ConstraintViolation.class).getMessageTemplate();
			}
		}
		catch (IllegalArgumentException notAViolation) {
			// a binding error (a value that could not be converted) has no template: the generic text fits
		}
		return null;
	}
}
