package org.fundguard.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.elastic.ElasticJson;
import org.springframework.stereotype.Service;

/**
 * The designated-institution directory (定点医药机构名录) as the portal offers it: search by name or code, and
 * look one up by code so that a report names the institution as the directory does, not as the browser sent it.
 */
@Service
public class ProviderDirectory {

	static final int LIMIT = 10;

	private final ElasticJson elastic;
	private final ClaimIndices indices;
	private final ObjectMapper json = new ObjectMapper();

	ProviderDirectory(ElasticJson elastic, ClaimIndices indices) {
		this.elastic = elastic;
		this.indices = indices;
	}

	/** Up to ten institutions whose name contains the words, or whose code starts with the text. */
	public List<Provider> search(String text) {
		String q = text == null ? "" : text.strip();
		if (q.isEmpty() || q.length() > 50) {
			return List.of();
		}
		ObjectNode body = json.createObjectNode().put("size", LIMIT);
		body.putArray("_source").add("provider_code").add("provider_name").add("provider_type").add("region");
		var should = body.putObject("query").putObject("bool").put("minimum_should_match", 1).putArray("should");
		should.addObject().putObject("match_phrase").putObject("provider_name.text").put("query", q).put("boost", 3);
		should.addObject().putObject("match").putObject("provider_name.text").put("query", q).put("operator", "and");
		should.addObject().putObject("prefix").putObject("provider_code").put("value", q);
		return hits(body);
	}

	Optional<Provider> find(String code) {
		if (code == null || code.isBlank() || code.length() > 50) {
			return Optional.empty();
		}
		ObjectNode body = json.createObjectNode().put("size", 1);
		body.putObject("query").putObject("term").put("provider_code", code.strip());
		return hits(body).stream().findFirst();
	}

	private List<Provider> hits(ObjectNode body) {
		JsonNode response = elastic.send("POST", "/" + indices.providers() + "/_search", body.toString());
		List<Provider> providers = new ArrayList<>();
		if (response == null) {
			return providers; // no directory loaded yet
		}
		for (JsonNode hit : response.path("hits").path("hits")) {
			JsonNode s = hit.path("_source");
			providers.add(new Provider(s.path("provider_code").asText(), s.path("provider_name").asText(),
					s.path("provider_type").asText(), s.path("region").asText()));
		}
		return providers;
	}

	public record Provider(String code, String name, String type, String region) {
	}
}
