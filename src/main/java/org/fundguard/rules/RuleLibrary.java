package org.fundguard.rules;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.errors.Refused;
import org.fundguard.identity.Jurisdiction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules analysts compose (规则库): checked definitions, dry runs that write nothing, and publishing, which records
 * every version with who, when and the definition it replaced. A published rule joins the {@link RuleCatalogue} and
 * from there the engine, the run page, leads, exemptions and parameters like a shipped one. Shipped rules are
 * read-only here: they change with a release, and their evaluators are code.
 */
@Service
class RuleLibrary {

	/** Sample hits a dry run shows. */
	static final int SAMPLES = 10;

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	/** What a dry run found, nothing written: the count and money of all hits, and the first few. */
	record DryRun(RuleDefinition rule, Window window, long hits, double money, List<Hit> samples, long millis) {
	}

	/** One version as the history shows it: the record and the line diff against the version it replaced. */
	record HistoryEntry(RuleVersions.Version version, List<String> diff) {
	}

	private final RuleCatalogue catalogue;
	private final RuleVersions versions;
	private final Map<String, Evaluator> evaluators;
	private final ClaimIndices claims;
	private final ElasticJson elastic;
	private final Jurisdiction jurisdiction;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RuleLibrary(RuleCatalogue catalogue, RuleVersions versions, List<Evaluator> evaluators, ClaimIndices claims,
			ElasticJson elastic, Jurisdiction jurisdiction, ApplicationEventPublisher events, Clock clock) {
		this.catalogue = catalogue;
		this.versions = versions;
		this.evaluators = evaluators.stream().collect(Collectors.toMap(Evaluator::name, Function.identity()));
		this.claims = claims;
		this.elastic = elastic;
		this.jurisdiction = jurisdiction;
		this.events = events;
		this.clock = clock;
	}

	/** The composed rules in force (latest versions). */
	List<RuleVersions.Version> composed() {
		return versions.latest();
	}

	/** A JSON text as a definition, or a Chinese refusal saying where it is not JSON. */
	static JsonNode parse(String text) {
		if (text == null || text.isBlank()) {
			throw Refused.because("rules.library.import.empty");
		}
		try {
			return JSON.readTree(text);
		}
		catch (JsonProcessingException e) {
			throw Refused.because("rules.library.not-json", e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
					e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
		}
	}

	/** Runs a definition over a window as the engine would, with its default parameters, keeping the hits in memory. */
	DryRun dryRun(JsonNode definition, Window window) {
		DefinitionCheck.Checked checked = check(definition);
		RuleDefinition rule = checked.rule();
		Evaluator evaluator = evaluators.get(rule.evaluator());
		Map<String, Double> values = new java.util.LinkedHashMap<>();
		Map<String, List<String>> prefixes = new java.util.LinkedHashMap<>();
		rule.parameters().forEach(p -> {
			if (p.isPrefixes()) {
				prefixes.put(p.name(), p.prefixesDefault());
			}
			else {
				values.put(p.name(), p.defaultValue());
			}
		});
		// as the engine scopes a run: only an "export" rule judges everything loaded
		List<String> regions = RuleDefinition.EXPORT.equals(rule.regionScope()) ? List.of() : jurisdiction.regionPrefixes();
		claims.ensureReadable();
		long started = System.nanoTime();
		long[] hits = { 0 };
		double[] money = { 0 };
		List<Hit> samples = new ArrayList<>();
		evaluator.evaluate(new Scope(rule, window, regions, values, prefixes, new Searches(elastic), Scope.newShared()), hit -> {
			hits[0]++;
			money[0] += hit.money();
			if (samples.size() < SAMPLES) {
				samples.add(hit);
			}
		});
		return new DryRun(rule, window, hits[0], Rounding.money(money[0]), samples, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Publishes a definition as the rule's next version (its {@code version} field is set to it: versions count per
	 * bureau, so an imported file's number is not kept) and records it with the version it replaced.
	 */
	@Transactional
	RuleVersions.Version publish(JsonNode definition, String who, String note) {
		if (!(definition instanceof ObjectNode object)) {
			throw Refused.because("rules.library.not-an-object");
		}
		String id = object.path("id").asText("");
		if (catalogue.shipped(id)) {
			throw Refused.because("rules.library.id.shipped", id);
		}
		Optional<RuleVersions.Version> current = versions.history(id).stream().findFirst();
		ObjectNode next = object.deepCopy();
		next.put("version", current.map(v -> v.version() + 1).orElse(1));
		check(next);
		RuleVersions.Version v = new RuleVersions.Version(id, next.get("version").asInt(), text(next),
				current.map(RuleVersions.Version::definitionJson).orElse(null), who, OffsetDateTime.now(clock),
				note == null || note.isBlank() ? null : note.strip());
		try {
			versions.insert(v);
		}
		catch (DuplicateKeyException e) {
			throw Refused.conflict("rules.library.conflict", id);
		}
		events.publishEvent(new RulePublished(id, v.version()));
		return v;
	}

	/** A definition checked, and refused when its id is a shipped rule's. */
	DefinitionCheck.Checked check(JsonNode definition) {
		DefinitionCheck.Checked checked = DefinitionCheck.check(definition);
		if (catalogue.shipped(checked.rule().id())) {
			throw Refused.because("rules.library.id.shipped", checked.rule().id());
		}
		return checked;
	}

	List<HistoryEntry> history(String id) {
		List<RuleVersions.Version> all = versions.history(id);
		if (all.isEmpty()) {
			throw Refused.notFound("rules.library.not-found", id);
		}
		return all.stream().map(v -> new HistoryEntry(v, diff(v))).toList();
	}

	/** The stored definition of a version (the latest without one), as the file to take to another FundGuard. */
	RuleVersions.Version version(String id, Integer version) {
		if (version == null) {
			return versions.history(id).stream().findFirst().orElseThrow(() -> Refused.notFound("rules.library.not-found", id));
		}
		return versions.find(id, version).orElseThrow(() -> Refused.notFound("rules.library.version.not-found", id, version));
	}

	static List<String> diff(RuleVersions.Version v) {
		List<String> before = v.previousJson() == null ? List.of() : Arrays.asList(v.previousJson().split("\n"));
		List<String> after = Arrays.asList(v.definitionJson().split("\n"));
		String from = v.version() == 1 ? "（无）" : "第 " + (v.version() - 1) + " 版";
		List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(from, "第 " + v.version() + " 版", before,
				DiffUtils.diff(before, after), 1);
		// the two file-name lines say nothing the page does not
		return unified.size() > 2 ? unified.subList(2, unified.size()) : unified;
	}

	static String text(JsonNode definition) {
		try {
			return JSON.writeValueAsString(definition);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
