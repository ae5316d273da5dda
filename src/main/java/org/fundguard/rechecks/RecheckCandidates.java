package org.fundguard.rechecks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fundguard.cases.ClosedCases;
import org.fundguard.cases.SubjectType;
import org.fundguard.inspections.DirectoryEntry;
import org.fundguard.inspections.Inspector;
import org.fundguard.inspections.InspectorPool;
import org.fundguard.inspections.PoolEntry;
import org.fundguard.inspections.RecordedInspections;
import org.springframework.stereotype.Component;

/**
 * The frozen inputs of a year's re-check draw, in the random-inspection draw's own shapes so that the same
 * algorithm, verifier page script and {@code fundguard draw verify} re-run it: each closed case and recorded
 * inspection of the year is one "directory" entry (stratum = its kind, so both kinds get their proportional share),
 * and the active inspectors are the pool, each in conflict with the items he or she handled or whose institution he
 * or she declared a conflict with. Entries carry case numbers, inspection ids and institution codes only: a person
 * who was the subject of a case is never named.
 */
@Component
class RecheckCandidates {

	static final String CASE_TYPE = "稽核案件";
	static final String INSPECTION_TYPE = "检查结果";

	/** What a draw is made from, and what each entry stands for. */
	record Frozen(List<DirectoryEntry> directory, List<PoolEntry> pool, Map<String, Candidate> byCode) {
	}

	record Candidate(String code, String kind, String caseNumber, Long inspectionId, String providerCode, String region,
			List<String> handlers) {
	}

	private final ClosedCases cases;
	private final RecordedInspections inspections;
	private final InspectorPool inspectors;

	RecheckCandidates(ClosedCases cases, RecordedInspections inspections, InspectorPool inspectors) {
		this.cases = cases;
		this.inspections = inspections;
		this.inspectors = inspectors;
	}

	Frozen freeze(int year) {
		Map<String, Candidate> byCode = new LinkedHashMap<>();
		for (ClosedCases.ClosedCase c : cases.closedOpenedIn(year)) {
			String provider = c.subjectType() == SubjectType.INSTITUTION ? c.subjectKey() : "";
			byCode.put(caseCode(c.number()),
					new Candidate(caseCode(c.number()), "CASE", c.number(), null, provider, c.subjectRegion(), c.handlers()));
		}
		for (RecordedInspections.Recorded i : inspections.recordedIn(year)) {
			byCode.put(inspectionCode(i.id()), new Candidate(inspectionCode(i.id()), "INSPECTION", null, i.id(),
					i.providerCode(), i.providerRegion(), i.team()));
		}
		List<DirectoryEntry> directory = byCode.values().stream()
			.map(c -> new DirectoryEntry(c.code(), c.providerCode(), "CASE".equals(c.kind()) ? CASE_TYPE : INSPECTION_TYPE,
					"", c.region(), 1))
			.toList();
		List<PoolEntry> pool = new ArrayList<>();
		for (Inspector inspector : inspectors.all()) {
			if (!inspector.active()) {
				continue;
			}
			Set<String> declared = new HashSet<>(inspector.conflicts());
			List<String> conflicts = byCode.values().stream()
				.filter(c -> c.handlers().contains(inspector.id()) || declared.contains(c.providerCode()))
				.map(Candidate::code)
				.toList();
			pool.add(new PoolEntry(inspector.id(), inspector.unit(), inspector.region(), conflicts));
		}
		return new Frozen(directory, pool, byCode);
	}

	static String caseCode(String caseNumber) {
		return "CASE-" + caseNumber;
	}

	static String inspectionCode(long inspectionId) {
		return "INSP-" + inspectionId;
	}
}
