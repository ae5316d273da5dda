package org.fundguard.errors.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;

/** The OpenAPI examples of refusals are the bodies the one advice really writes, field for field. */
class ProblemResponsesTest {

	/** As Spring MVC writes a ProblemDetail: its properties at the top level. */
	private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

	@Test
	void eachExampleIsTheBodyRefusalsWritesForTheSameRefusal() {
		assertThat(ProblemResponses.SAMPLES).extracting(s -> s.refused().reason().status()).containsExactly(400, 403, 404,
				409);
		for (ProblemResponses.Sample sample : ProblemResponses.SAMPLES) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", sample.instance());
			Map<String, Object> written = JSON.convertValue(Refusals.problem(sample.refused(), request),
					new TypeReference<Map<String, Object>>() {
					});

			assertThat(ProblemResponses.body(sample.refused(), sample.instance())).isEqualTo(written);
		}
	}

	@Test
	void everyOperationGetsTheFourRefusalsWithoutLosingItsOwnResponses() {
		Operation operation = new Operation();
		operation.setResponses(new io.swagger.v3.oas.models.responses.ApiResponses().addApiResponse("404",
				new io.swagger.v3.oas.models.responses.ApiResponse().description("own")));
		OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/x", new PathItem().get(operation)));

		new ProblemResponses().refusalsAsProblems().customise(api);

		assertThat(operation.getResponses()).containsKeys("400", "403", "404", "409");
		assertThat(operation.getResponses().get("404").getDescription()).isEqualTo("own");
		assertThat(operation.getResponses().get("409").getContent()).containsKey("application/problem+json");
		assertThat(api.getComponents().getSchemas()).containsKey(ProblemResponses.SCHEMA);
	}
}
