package org.fundguard.claims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fundguard.claims.ClaimsSchema.Persons;
import org.fundguard.claims.ClaimsSchema.Providers;
import org.fundguard.elastic.ElasticJson;
import org.springframework.stereotype.Service;

/**
 * The institutions and insured persons of the last loads, as other modules look them up: a provider by its code, by
 * words of its name for the reporting portal, all of those in a scope for a random draw; a person's masked name and
 * insured region. Before the first load there are none.
 */
@Service
public class ClaimsDirectory {

	/** Providers per request when all of a scope are read. */
	static final int PAGE = 1000;

	private static final List<String> PROVIDER_FIELDS = List.of(Providers.PROVIDER_CODE, Providers.PROVIDER_NAME,
			Providers.PROVIDER_TYPE, Providers.REGION, Providers.LEVEL, Providers.AGREEMENT_STATUS);

	private final ElasticJson elastic;
	private final ClaimIndices indices;
	private final ObjectMapper json = new ObjectMapper();

	ClaimsDirectory(ElasticJson elastic, ClaimIndices indices) {
		this.elastic = elastic;
		this.indices = indices;
	}

	/**
	 * A designated institution as the export names it.
	 *
	 * @param type hospital, clinic or pharmacy
	 * @param level hospital grade 3, 2, 1 or 0; null when the export gives none
	 * @param agreementStatus active, suspended or terminated, as of the load that wrote it (the export's status, or a
	 *     FundGuard measure in force then)
	 */
	public record Provider(String code, String name, String type, String level, String region, String agreementStatus) {
	}

	/**
	 * An insured person, as far as other modules may know one.
	 *
	 * @param maskedName the name with all but its first character masked; null when the export gave none
	 * @param insuredRegion where the person is insured; null when unknown
	 */
	public record Person(String id, String maskedName, String insuredRegion) {
	}

	public Optional<Provider> provider(String code) {
		ObjectNode body = providerSearch(1);
		body.putObject("query").putObject("term").put(Providers.PROVIDER_CODE, code);
		return providers(body).stream().findFirst();
	}

	/**
	 * Up to {@code limit} institutions whose name holds the words (the whole phrase ranked first) or whose code starts
	 * with the text.
	 */
	public List<Provider> searchProviders(String text, int limit) {
		ObjectNode body = providerSearch(limit);
		ArrayNode should = body.putObject("query").putObject("bool").put("minimum_should_match", 1).putArray("should");
		should.addObject().putObject("match_phrase").putObject(Providers.PROVIDER_NAME_TEXT).put("query", text).put("boost", 3);
		should.addObject().putObject("match").putObject(Providers.PROVIDER_NAME_TEXT).put("query", text).put("operator", "and");
		should.addObject().putObject("prefix").putObject(Providers.PROVIDER_CODE).put("value", text);
		return providers(body);
	}

	/**
	 * Every institution in a region starting with one of the prefixes, of one of the types and one of the levels (an
	 * empty list leaves that open), in code order.
	 */
	public List<Provider> providersIn(Collection<String> regionPrefixes, Collection<String> types, Collection<String> levels) {
		List<Provider> all = new ArrayList<>();
		String after = null;
		while (true) {
			ObjectNode body = providerSearch(PAGE);
			ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
			if (!regionPrefixes.isEmpty()) {
				ArrayNode should = filter.addObject().putObject("bool").put("minimum_should_match", 1).putArray("should");
				regionPrefixes.forEach(p -> should.addObject().putObject("prefix").put(Providers.REGION, p));
			}
			terms(filter, Providers.PROVIDER_TYPE, types);
			terms(filter, Providers.LEVEL, levels);
			body.putArray("sort").addObject().put(Providers.PROVIDER_CODE, "asc");
			if (after != null) {
				body.putArray("search_after").add(after);
			}
			List<Provider> page = providers(body);
			all.addAll(page);
			if (page.size() < PAGE) {
				return all;
			}
			after = page.getLast().code();
		}
	}

	public Optional<Person> person(String personId) {
		ObjectNode body = json.createObjectNode().put("size", 1);
		body.putArray("_source").add(Persons.PERSON_ID).add(Persons.NAME_MASKED).add(Persons.INSURED_REGION);
		body.putObject("query").putObject("term").put(Persons.PERSON_ID, personId);
		JsonNode hits = hits(indices.persons(), body);
		return hits.isEmpty() ? Optional.empty() : Optional.of(person(hits.get(0).path("_source")));
	}

	private ObjectNode providerSearch(int size) {
		ObjectNode body = json.createObjectNode().put("size", size);
		PROVIDER_FIELDS.forEach(body.putArray("_source")::add);
		return body;
	}

	private static void terms(ArrayNode filter, String field, Collection<String> values) {
		if (!values.isEmpty()) {
			values.forEach(filter.addObject().putObject("terms").putArray(field)::add);
		}
	}

	private List<Provider> providers(ObjectNode body) {
		List<Provider> out = new ArrayList<>();
		hits(indices.providers(), body).forEach(hit -> out.add(provider(hit.path("_source"))));
		return out;
	}

	/** The hits of a search; none while the index does not exist (no load yet). */
	private JsonNode hits(String index, ObjectNode body) {
		JsonNode response = elastic.send("POST", "/" + index + "/_search", body.toString());
		return response == null ? json.createArrayNode() : response.path("hits").path("hits");
	}

	private static Provider provider(JsonNode s) {
		return new Provider(s.path(Providers.PROVIDER_CODE).asText(), text(s, Providers.PROVIDER_NAME),
				text(s, Providers.PROVIDER_TYPE), text(s, Providers.LEVEL), text(s, Providers.REGION),
				text(s, Providers.AGREEMENT_STATUS));
	}

	private static Person person(JsonNode s) {
		return new Person(s.path(Persons.PERSON_ID).asText(), text(s, Persons.NAME_MASKED), text(s, Persons.INSURED_REGION));
	}

	private static String text(JsonNode source, String field) {
		return source.path(field).asText(null);
	}
}
