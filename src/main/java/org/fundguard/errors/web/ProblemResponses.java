package org.fundguard.errors.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fundguard.errors.Refused;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The refusals of every operation in the OpenAPI description: 400, 403, 404 and 409 as the problem details that
 * {@link Refusals} writes, with an example each made by the same code from a real message key, so that the example
 * shows the Chinese {@code detail} and English {@code detailEn} a client will really get.
 */
@Configuration
@ConditionalOnWebApplication
class ProblemResponses {

	static final String SCHEMA = "Problem";

	/** A refusal as an API client typically meets it, at the path it asked. */
	record Sample(String summary, Refused refused, String instance) {
	}

	/** One refusal per status. */
	static final List<Sample> SAMPLES = List.of(
			new Sample("请求未被接受：缺少或不符合规则的值 / bad request: a value missing or against a rule",
					Refused.because("rules.window.reversed", "2026-10-31", "2026-10-01"), "/api/rules/runs"),
			new Sample("无权访问：角色、辖区或办案组不允许 / forbidden: not for this role, jurisdiction or team",
					Refused.forbidden("process.task.not-yours"), "/api/tasks/42/claim"),
			new Sample("未找到 / not found", Refused.notFound("process.task.not-open"), "/api/tasks/42"),
			new Sample("状态已变化：别人已先办理 / conflict: the state changed, someone got there first",
					Refused.conflict("process.task.claimed-by", "reviewer1"), "/api/tasks/42/claim"));

	@Bean
	GlobalOpenApiCustomizer refusalsAsProblems() {
		return openApi -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(SCHEMA, schema());
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
				if (operation.getResponses() == null) {
					operation.setResponses(new ApiResponses());
				}
				for (Sample sample : SAMPLES) {
					operation.getResponses()
						.putIfAbsent(Integer.toString(sample.refused().reason().status()), response(sample));
				}
			}));
		};
	}

	private static ApiResponse response(Sample sample) {
		Example example = new Example().summary(sample.summary()).value(body(sample.refused(), sample.instance()));
		var media = new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))
			.addExamples("refusal", example);
		return new ApiResponse().description(sample.summary())
			.content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE, media));
	}

	/** The body {@link Refusals#problem} writes, field for field. */
	static Map<String, Object> body(Refused refused, String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", Refusals.TYPE_PREFIX + refused.key());
		body.put("title", Refusals.title(refused.reason()));
		body.put("status", refused.reason().status());
		body.put("detail", refused.getMessage());
		body.put("instance", instance);
		body.put("key", refused.key());
		body.put("detailEn", refused.english());
		return body;
	}

	private static Schema<?> schema() {
		return new ObjectSchema().description("RFC 9457 problem details; 中文在 detail，英文在 detailEn / Chinese in detail, English in detailEn")
			.addProperty("type", new StringSchema().description("urn:fundguard:problem:<key>"))
			.addProperty("title", new StringSchema().description("状态的中文名 / the status in Chinese"))
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema().description("中文说明 / the refusal in Chinese"))
			.addProperty("instance", new StringSchema().description("请求的路径 / the path requested"))
			.addProperty("key", new StringSchema().description("消息键，供程序区分 / the message key, for programs"))
			.addProperty("detailEn", new StringSchema().description("英文说明 / the refusal in English"));
	}
}
