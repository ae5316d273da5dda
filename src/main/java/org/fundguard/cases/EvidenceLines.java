package org.fundguard.cases;

import java.util.List;
import org.fundguard.claims.ClaimsSchema.Settlements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fundguard.errors.Refused;
import org.fundguard.rules.SignalSearch;
import org.springframework.stereotype.Service;

/**
 * Drill-down from a case's evidence into Elasticsearch: a settlement and its fee lines, only for settlements the case's
 * evidence names, with personal identifiers masked (the person number shortened, the identity hash left out).
 */
@Service
public class EvidenceLines {

	/** A settlement as evidence: its facts (masked) and its fee lines; {@code null} settlement when not loaded. */
	public record Drill(String settlementId, JsonNode settlement, List<JsonNode> lines, List<String> refs) {
	}

	private final CaseEvidence evidence;
	private final SignalSearch search;

	EvidenceLines(CaseEvidence evidence, SignalSearch search) {
		this.evidence = evidence;
		this.search = search;
	}

	public Drill of(AuditCase c, String settlementId) {
		List<String> refs = evidence.of(c.id())
			.stream()
			.filter(i -> settlementId.equals(i.settlementId()))
			.map(CaseEvidence.Item::ref)
			.toList();
		if (refs.isEmpty()) {
			throw Refused.notFound("cases.evidence.not-of-case", settlementId);
		}
		JsonNode s = search.settlement(settlementId);
		if (s instanceof ObjectNode o) {
			o = o.deepCopy();
			o.put(Settlements.PERSON_ID, mask(o.path(Settlements.PERSON_ID).asText()));
			o.remove(Settlements.ID_HASH);
			s = o;
		}
		return new Drill(settlementId, s, search.lines(settlementId), refs);
	}

	/** P000123456 → P0****56: enough to tell persons apart on the page, not to identify one. */
	static String mask(String id) {
		if (id == null || id.length() <= 4) {
			return "****";
		}
		return id.substring(0, 2) + "*".repeat(Math.max(4, id.length() - 4)) + id.substring(id.length() - 2);
	}
}
