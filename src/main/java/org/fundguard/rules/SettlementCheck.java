package org.fundguard.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.Items;
import org.fundguard.claims.ClaimsSchema.Persons;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.rules.CheckSnapshot.Item;
import org.fundguard.rules.CheckSnapshot.Person;
import org.springframework.stereotype.Service;

/**
 * The pre-settlement check's view of the rules (事前提醒): reads from the claims indices what the line, knowledge-base
 * and person-timeline rules need into a {@link CheckSnapshot}, whose {@code check} then judges a prospective settlement
 * in memory with the batch rules' own judgments. Which settlements may be checked, and by whom, is the checks module's.
 */
@Service
public class SettlementCheck {

	private final ElasticJson elastic;
	private final ClaimIndices ix;
	private final RuleCatalogue catalogue;
	private final RuleParameters parameters;
	private final Jurisdiction jurisdiction;

	SettlementCheck(ElasticJson elastic, ClaimIndices ix, RuleCatalogue catalogue, RuleParameters parameters,
			Jurisdiction jurisdiction) {
		this.elastic = elastic;
		this.ix = ix;
		this.catalogue = catalogue;
		this.parameters = parameters;
		this.jurisdiction = jurisdiction;
	}

	/**
	 * A number that changes whenever a document of the persons, settlements or items indices is written or deleted
	 * (their indexing counters): a snapshot older than a change is read again.
	 */
	public long dataVersion() {
		ix.ensureReadable();
		JsonNode stats = elastic.send("GET", "/" + String.join(",", ix.persons(), ix.settlements(), ix.items())
				+ "/_stats/indexing,docs?filter_path=_all.primaries", null).at("/_all/primaries");
		return stats.at("/indexing/index_total").asLong() + stats.at("/indexing/delete_total").asLong()
				+ stats.at("/docs/count").asLong();
	}

	/** Reads a new snapshot: the knowledge base, the items, the persons and their inpatient stays. */
	public CheckSnapshot snapshot() {
		ix.ensureReadable();
		Searches es = new Searches(elastic);
		KnowledgeBase kb = KnowledgeBase.read(es, ix.items());
		Map<String, Item> items = new HashMap<>();
		es.scan(ix.items(), "{\"match_all\":{}}", Q.ascending(Items.ITEM_CODE),
				Q.fields(Items.ITEM_CODE, Items.ITEM_NAME, Items.TAGS, Items.REQUIRES_TAG), i -> {
					String code = i.path(Items.ITEM_CODE).asText();
					items.put(code, new Item(i.path(Items.ITEM_NAME).asText(code).intern(), strings(i.path(Items.TAGS)),
							strings(i.path(Items.REQUIRES_TAG))));
				});
		Map<String, List<Stay>> stays = new HashMap<>();
		es.scan(ix.settlements(), Q.term(Settlements.MED_TYPE, Timelines.INPATIENT), Q.ascending(Settlements.SETTLEMENT_ID),
				Stay.FIELDS, s -> {
					Stay stay = Stay.of(s);
					stays.computeIfAbsent(stay.personId(), p -> new ArrayList<>()).add(stay);
				});
		Map<String, Person> persons = new HashMap<>();
		es.scan(ix.persons(), "{\"match_all\":{}}", Q.ascending(Persons.PERSON_ID),
				Q.fields(Persons.PERSON_ID, Persons.GENDER, Persons.BIRTH_DATE, Persons.ENROLL_DATE, Persons.END_DATE,
						Persons.DEATH_DATE), p -> {
					String id = p.path(Persons.PERSON_ID).asText();
					List<Stay> own = stays.getOrDefault(id, new ArrayList<>());
					// the order the batch rules read a person's stays in: start, then settlement id
					own.sort(Comparator.comparing(Stay::start).thenComparing(Stay::settlementId));
					String gender = p.path(Persons.GENDER).asText("");
					persons.put(id, new Person(gender.isEmpty() ? null : gender.intern(), date(p, Persons.BIRTH_DATE),
							date(p, Persons.ENROLL_DATE), date(p, Persons.END_DATE), date(p, Persons.DEATH_DATE), List.copyOf(own)));
				});
		return new CheckSnapshot(kb, items, tolerance(), ruleNames(), persons, Instant.now());
	}

	/** The ceiling's tolerance in force for the jurisdiction, as a run over it reads it. */
	private BigDecimal tolerance() {
		return catalogue.find("price-over-ceiling")
			.map(rule -> BigDecimal.valueOf(parameters.effective(rule, jurisdiction.regionPrefixes()).getOrDefault("tolerance", 0.0)))
			.orElse(BigDecimal.ZERO);
	}

	private Map<String, String> ruleNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (String id : CheckSnapshot.RULES) {
			catalogue.find(id).ifPresent(rule -> names.put(id, rule.nameZh()));
		}
		return names;
	}

	private static List<String> strings(JsonNode node) {
		return List.copyOf(LineGroups.texts(node));
	}

	private static LocalDate date(JsonNode doc, String field) {
		String text = doc.path(field).asText("");
		return text.isEmpty() ? null : LocalDate.parse(text);
	}
}
