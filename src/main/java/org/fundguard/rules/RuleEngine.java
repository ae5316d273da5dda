package org.fundguard.rules;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fundguard.claims.ClaimIndices;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.errors.Refused;
import org.fundguard.rules.Exemptions.Exemption;
import org.fundguard.rules.RunRecord.RuleResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs rules over a window and region prefixes. Each rule runs on its own: one that fails (bad parameters, an
 * Elasticsearch error) is recorded FAILED with its message and the others still run. Afterwards the window's signals
 * are grouped into leads.
 */
@Service
public class RuleEngine {

	private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

	private final RuleCatalogue catalogue;
	private final Map<String, Evaluator> evaluators;
	private final RuleParameters parameters;
	private final Exemptions exemptions;
	private final SignalExemptions voided;
	private final RuleRuns runs;
	private final LeadGrouping leads;
	private final ClaimIndices claims;
	private final SignalIndex signals;
	private final ElasticJson elastic;
	private final Jurisdiction jurisdiction;
	private final ApplicationEventPublisher events;

	RuleEngine(RuleCatalogue catalogue, List<Evaluator> evaluators, RuleParameters parameters, Exemptions exemptions,
			RuleRuns runs, LeadGrouping leads, ClaimIndices claims, SignalIndex signals, ElasticJson elastic,
			Jurisdiction jurisdiction, ApplicationEventPublisher events, SignalExemptions voided) {
		this.voided = voided;
		this.catalogue = catalogue;
		this.evaluators = evaluators.stream().collect(Collectors.toMap(Evaluator::name, Function.identity()));
		this.parameters = parameters;
		this.exemptions = exemptions;
		this.runs = runs;
		this.leads = leads;
		this.claims = claims;
		this.signals = signals;
		this.elastic = elastic;
		this.jurisdiction = jurisdiction;
		this.events = events;
	}

	public RunRecord run(RunRequest request) {
		List<RuleDefinition> rules = select(request.rules());
		List<String> regions = request.regions().isEmpty() ? jurisdiction.regionPrefixes() : request.regions();
		String id = UUID.randomUUID().toString();
		Window window = request.window();
		runs.start(id, request.requestedBy(), request.trigger(), request.rules().isEmpty() ? null : String.join(",", request.rules()),
				String.join(",", regions), window);
		long hits = 0;
		long suppressed = 0;
		long failed = 0;
		long leadCount = 0;
		String message;
		try {
			// created empty when missing, so that a run before the first load finds nothing rather than failing
			claims.ensureReadable();
			signals.ensure();
			Map<String, Exemption> active = exemptions.active();
			java.util.Set<String> voidSignals = voided.all();
			Map<String, Object> shared = Scope.newShared();
			PreviousSignals before = new PreviousSignals(signals.alias(), rules.stream().map(RuleDefinition::id).toList(), window);
			for (RuleDefinition rule : rules) {
				RuleResult result = runOne(rule, window, regions, id, active, voidSignals, shared, before);
				runs.result(id, result);
				hits += result.hits();
				suppressed += result.suppressed();
				failed += "OK".equals(result.status()) ? 0 : 1;
			}
			signals.refresh();
			leadCount = leads.group(window, id);
			message = failed == 0 ? rules.size() + " 条规则全部完成 / all rules ran"
					: failed + " 条规则失败，其余已完成 / " + failed + " rule(s) failed, the others ran";
		}
		catch (RuntimeException e) {
			log.warn("rule run {} failed", id, e);
			runs.finish(id, "FAILED", "运行失败 / run failed: " + e.getMessage(), hits, suppressed, leadCount);
			return runs.find(id).orElseThrow();
		}
		String status = failed == 0 ? "COMPLETED" : "COMPLETED_WITH_FAILURES";
		runs.finish(id, status, message, hits, suppressed, leadCount);
		events.publishEvent(new RuleRunFinished(id, status));
		return runs.find(id).orElseThrow();
	}

	private RuleResult runOne(RuleDefinition rule, Window window, List<String> regions, String runId,
			Map<String, Exemption> active, java.util.Set<String> voidSignals, Map<String, Object> shared,
			PreviousSignals before) {
		long started = System.nanoTime();
		log.debug("rule {}", rule.id());
		Searches es = new Searches(elastic);
		SignalSink sink = new SignalSink(es, signals.alias(), rule, window, regions, runId, active);
		sink.voided(voidSignals);
		String params = null;
		try {
			Map<String, Double> values = parameters.effective(rule, regions);
			Map<String, List<String>> prefixes = parameters.prefixes(rule, regions);
			for (RuleDefinition.Parameter p : rule.parameters()) {
				if (!p.isPrefixes()) {
					p.check(values.get(p.name()));
				}
			}
			params = java.util.stream.Stream.concat(
					values.entrySet().stream().map(e -> e.getKey() + "=" + Rounding.text(e.getValue())),
					prefixes.entrySet().stream().map(e -> e.getKey() + "=" + String.join(";", e.getValue())))
				.collect(Collectors.joining(","));
			Evaluator evaluator = evaluators.get(rule.evaluator());
			if (evaluator == null) {
				throw new IllegalStateException("no evaluator named " + rule.evaluator());
			}
			sink.rememberPrevious(before);
			// "export" rules judge everything loaded; the others only their jurisdiction field's regions (peer rules the
			// provider's region, the second catalogue medical_region, insured_region or the ledger's region)
			List<String> scoped = RuleDefinition.EXPORT.equals(rule.regionScope()) ? List.of() : regions;
			evaluator.evaluate(new Scope(rule, window, scoped, values, prefixes, es, shared), sink::accept);
			sink.flush();
			sink.deleteStale();
			return new RuleResult(rule.id(), rule.version(), params, "OK", sink.hits, sink.suppressed, millis(started),
					es.tookMillis(), es.waitedMillis(), es.requests(), null);
		}
		catch (RuntimeException e) {
			log.warn("rule {} failed in run {}", rule.id(), runId, e);
			return new RuleResult(rule.id(), rule.version(), params, "FAILED", sink.hits, sink.suppressed, millis(started),
					es.tookMillis(), es.waitedMillis(), es.requests(), rule.id() + ": " + e.getMessage());
		}
	}

	private List<RuleDefinition> select(List<String> ids) {
		if (ids.isEmpty()) {
			return catalogue.all();
		}
		return ids.stream()
			.map(id -> catalogue.find(id).orElseThrow(() -> Refused.because("rules.run.unknown-rule", id)))
			.toList();
	}

	private static long millis(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	/** The rules with their evaluator present: a rule file naming an unknown evaluator shows in its run record. */
	boolean hasEvaluator(RuleDefinition rule) {
		return evaluators.containsKey(rule.evaluator());
	}
}
