package org.fundguard.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.rules.LineGroups.Group;

/**
 * What the pre-settlement check needs, read once from the claims indices ({@link SettlementCheck#snapshot()}) and
 * held in memory so that a check asks Elasticsearch nothing: the knowledge base, every item's name and tags, the
 * ceiling's tolerance, the rule names, and per person the facts the timeline rules read (gender, birth, coverage,
 * death) with the person's inpatient stays. Immutable: a newer snapshot replaces it whole.
 * <p>
 * {@link #check} builds the prospective settlement's fee lines as the loader writes them into the claims index and
 * hands them to the batch rules' own judgments (LineRules, KnowledgeBaseRules, TimelineRules, EnrollmentRules,
 * VisitsDuringStays): a rule decides and words a hit in one place, whether over the indices or before billing.
 */
public final class CheckSnapshot {

	/** The prospective settlement's id inside the hits' messages (住院 本次结算（…）与 S123（…）重叠 2 晚). */
	static final String PROSPECTIVE = "本次结算";

	/** An item's catalogue facts the loader copies onto its lines. */
	record Item(String name, List<String> tags, List<String> requiresTag) {
	}

	/** One insured person's facts, with the inpatient stays sorted by start and settlement id. */
	record Person(String gender, LocalDate birth, LocalDate enroll, LocalDate end, LocalDate death, List<Stay> stays) {
	}

	private final KnowledgeBase kb;
	private final Map<String, Item> items;
	private final BigDecimal tolerance;
	private final Map<String, String> ruleNames;
	private final Map<String, Person> persons;
	private final Instant builtAt;
	private final int stays;

	CheckSnapshot(KnowledgeBase kb, Map<String, Item> items, BigDecimal tolerance, Map<String, String> ruleNames,
			Map<String, Person> persons, Instant builtAt) {
		this.kb = kb;
		this.items = items;
		this.tolerance = tolerance;
		this.ruleNames = ruleNames;
		this.persons = persons;
		this.builtAt = builtAt;
		this.stays = persons.values().stream().mapToInt(p -> p.stays().size()).sum();
	}

	public Instant builtAt() {
		return builtAt;
	}

	public int persons() {
		return persons.size();
	}

	public int stays() {
		return stays;
	}

	public int items() {
		return items.size();
	}

	/**
	 * A rough estimate of the heap the snapshot holds, from counts: per person a map entry, the record, up to four
	 * dates and the stays list (about 220 bytes); per stay the record, two dates and its strings (about 200 bytes);
	 * per item about 300 bytes. The benchmark prints it beside the measured figure.
	 */
	public long estimatedBytes() {
		return persons.size() * 220L + stays * 200L + items.size() * 300L;
	}

	/** Every hit the rules of the catalogue would raise on the settlement, in rule order. */
	public List<CheckHit> check(ProspectiveSettlement s) {
		List<CheckHit> out = new ArrayList<>();
		Person person = persons.get(s.personId());
		List<JsonNode> lines = lines(s, person);
		Map<String, List<JsonNode>> byItem = new TreeMap<>();
		lines.forEach(l -> byItem.computeIfAbsent(l.path(FeeLines.ITEM_CODE).asText(), c -> new ArrayList<>()).add(l));
		List<Group> groups = byItem.entrySet().stream().map(e -> new Group(PROSPECTIVE, e.getKey(), e.getValue())).toList();
		lineRules(s, groups, out);
		knowledgeBaseRules(groups, out);
		timelineRules(s, person, out);
		return out;
	}

	private void lineRules(ProspectiveSettlement s, List<Group> groups, List<CheckHit> out) {
		Set<String> present = new HashSet<>();
		groups.forEach(g -> present.addAll(item(g.itemCode()).tags()));
		for (Group g : groups) {
			String code = g.itemCode();
			if (kb.restrictDiag().containsKey(code)) {
				add(out, "restricted-diagnosis", LineRules.restrictedDiagnosisHit(kb, g));
			}
			if (kb.ceilings().containsKey(code)) {
				List<JsonNode> over = g.lines().stream().filter(l -> LineRules.overCeiling(kb, l, tolerance)).toList();
				if (!over.isEmpty()) {
					add(out, "price-over-ceiling", LineRules.priceHit(kb, new Group(PROSPECTIVE, code, over), tolerance));
				}
			}
			Double perVisit = kb.maxPerVisit().get(code);
			double sum = g.sum(FeeLines.QUANTITY);
			if (perVisit != null && QuantitySums.exceeds(sum, perVisit)) {
				add(out, "quantity-over-limit", LineRules.quantityHit(new QuantitySums.Over(g.subjectKey(), code, sum, perVisit, g)));
			}
			add(out, "missing-procedure", LineRules.missingProcedureHit(g, present));
		}
	}

	private void knowledgeBaseRules(List<Group> groups, List<CheckHit> out) {
		List<Group> exclusive = new ArrayList<>();
		for (Group g : groups) {
			if (kb.names().containsKey(g.itemCode())) { // only restricted items are in the knowledge base
				add(out, "gender-restricted", KnowledgeBaseRules.genderHit(kb, g));
				add(out, "age-restricted", KnowledgeBaseRules.ageHit(kb, g));
				add(out, "med-type-restricted", KnowledgeBaseRules.medTypeHit(kb, g));
				daily(g, out);
				if (kb.exclusive().containsKey(g.itemCode())) {
					exclusive.add(g);
				}
			}
		}
		KnowledgeBaseRules.pairs(exclusive, kb, hit -> add(out, "exclusive-items", hit));
	}

	/** The item's lines summed per day of item_date, each day over the daily limit a hit (as the batch keys them). */
	private void daily(Group g, List<CheckHit> out) {
		Double limit = kb.maxPerDay().get(g.itemCode());
		if (limit == null) {
			return;
		}
		Map<String, List<JsonNode>> byDay = new TreeMap<>();
		g.lines().forEach(l -> byDay.computeIfAbsent(l.path(FeeLines.ITEM_DATE).asText(), d -> new ArrayList<>()).add(l));
		byDay.forEach((day, lines) -> {
			Group dayLines = new Group(PROSPECTIVE, g.itemCode(), lines);
			double sum = dayLines.sum(FeeLines.QUANTITY);
			if (QuantitySums.exceeds(sum, limit)) {
				add(out, "daily-frequency", KnowledgeBaseRules.dailyHit(
						new QuantitySums.Over(g.subjectKey() + "|" + day, g.itemCode(), sum, limit, dayLines)));
			}
		});
	}

	private void timelineRules(ProspectiveSettlement s, Person person, List<CheckHit> out) {
		String provider = s.providerCode();
		LocalDate start = s.visitStart();
		add(out, "after-death", TimelineRules.afterDeathHit(PROSPECTIVE, s.personId(), provider, start,
				person == null ? null : person.death(), 0));
		add(out, "not-enrolled", EnrollmentRules.notEnrolledHit(PROSPECTIVE, s.personId(), provider, start,
				person == null ? null : person.enroll(), person == null ? null : person.end(), 0));
		if (person == null) {
			return;
		}
		Stay self = new Stay(PROSPECTIVE, s.personId(), provider, start, LocalDate.parse(s.end()), diag3(s), 0);
		if (Timelines.INPATIENT.equals(s.medType())) {
			// the person's stays with this one among them, in the order the batch reads them (start, then id)
			List<Stay> all = new ArrayList<>(person.stays());
			int at = 0;
			while (at < all.size() && (all.get(at).start().isBefore(start)
					|| all.get(at).start().equals(start) && all.get(at).settlementId().compareTo(PROSPECTIVE) < 0)) {
				at++;
			}
			all.add(at, self);
			TimelineRules.overlaps(all, hit -> {
				if (hit.settlementIds().contains(PROSPECTIVE)) {
					add(out, "overlapping-stays", hit);
				}
			});
		}
		else {
			add(out, "outpatient-during-stay", VisitsDuringStays.duringStay(self, person.stays()));
		}
	}

	private static String diag3(ProspectiveSettlement s) {
		String d = s.principalDiagnosis();
		return d == null ? "" : d.substring(0, Math.min(3, d.length()));
	}

	/** A rule's hit as the check answers it; a rule not in the catalogue (removed by the bureau) raises nothing. */
	private void add(List<CheckHit> out, String ruleId, Hit hit) {
		String name = ruleNames.get(ruleId);
		if (hit == null || name == null) {
			return;
		}
		List<Integer> lines = hit.lineRefs().stream().map(r -> Integer.parseInt(r.substring(r.lastIndexOf('#') + 1))).toList();
		out.add(new CheckHit(ruleId, name, TOLD_TO_THE_CALLER.getOrDefault(ruleId, hit.description()), lines));
	}

	/**
	 * Any institution may check any person id, so the person-timeline rules answer without the batch wording's facts
	 * about other institutions (their code, settlement id and stay dates) or the date of death: the hit, not the file.
	 */
	private static final Map<String, String> TOLD_TO_THE_CALLER = Map.of(
			"after-death", "参保人在本次就诊日期之前已登记死亡，不得以其身份结算",
			"outpatient-during-stay", "就诊当日该参保人正在其他定点医药机构住院，门诊或购药费用不得另行结算",
			"overlapping-stays", "本次住院与该参保人已结算的另一次住院时间重叠");

	private Item item(String code) {
		Item item = items.get(code);
		return item != null ? item : new Item(kb.name(code), List.of(), List.of());
	}

	/**
	 * The fee lines as the loader writes them into the claims index (the fields the rules read): the settlement's,
	 * person's and item's facts copied onto each line, line_no the line's index in the request.
	 */
	private List<JsonNode> lines(ProspectiveSettlement s, Person person) {
		List<JsonNode> out = new ArrayList<>(s.lines().size());
		JsonNodeFactory f = JsonNodeFactory.instance;
		for (int i = 0; i < s.lines().size(); i++) {
			ProspectiveSettlement.Line line = s.lines().get(i);
			Item item = item(line.itemCode());
			ObjectNode n = f.objectNode();
			n.put(FeeLines.SETTLEMENT_ID, PROSPECTIVE).put(FeeLines.LINE_NO, i).put(FeeLines.ITEM_CODE, line.itemCode())
				.put(FeeLines.ITEM_NAME, item.name()).put(FeeLines.QUANTITY, line.quantity()).put(FeeLines.UNIT_PRICE, line.unitPrice())
				.put(FeeLines.AMOUNT, line.amount()).put(FeeLines.PROVIDER_CODE, s.providerCode())
				.put(FeeLines.VISIT_START, s.visitStart().toString()).put(FeeLines.MED_TYPE, s.medType())
				.put(FeeLines.ITEM_DATE, (line.date() == null ? s.visitStart() : line.date()).toString());
			if (s.principalDiagnosis() != null) {
				n.put(FeeLines.DIAG_CODE, s.principalDiagnosis());
			}
			if (!item.requiresTag().isEmpty()) {
				item.requiresTag().forEach(n.putArray(FeeLines.REQUIRES_TAG)::add);
			}
			if (person != null && person.gender() != null) {
				n.put(FeeLines.GENDER, person.gender());
			}
			if (person != null && person.birth() != null) {
				// whole years from birth to the visit, as interchange.md defines age_at_visit (and the loader computes it)
				n.put(FeeLines.AGE_AT_VISIT, Period.between(person.birth(), s.visitStart()).getYears());
			}
			out.add(n);
		}
		return out;
	}

	/** The rule ids the check evaluates, in the order it reports them. */
	public static final List<String> RULES = List.of("restricted-diagnosis", "price-over-ceiling", "quantity-over-limit",
			"missing-procedure", "gender-restricted", "age-restricted", "med-type-restricted", "daily-frequency",
			"exclusive-items", "after-death", "not-enrolled", "overlapping-stays", "outpatient-during-stay");
}
