package org.fundguard.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.fundguard.documents.StoredDocument;
import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investigation's steps as inspectors report them: desk review, on-site check with its record, findings, and
 * (after a transfer decision) the transfer record. Documents are named by the ids of documents already added to the
 * case; their hashes go into the enforcement record with the step.
 */
@Service
public class CaseInvestigation {

	private final AuditCases cases;
	private final CaseDocuments documents;
	private final CaseTeam team;
	private final CaseDeadlines deadlines;
	private final CaseDecisions decisions;
	private final CaseTransfers transfers;
	private final EnforcementRecord record;

	CaseInvestigation(AuditCases cases, CaseDocuments documents, CaseTeam team, CaseDeadlines deadlines,
			CaseDecisions decisions, CaseTransfers transfers, EnforcementRecord record) {
		this.cases = cases;
		this.documents = documents;
		this.team = team;
		this.deadlines = deadlines;
		this.decisions = decisions;
		this.transfers = transfers;
		this.record = record;
	}

	@Transactional
	public void deskReviewDone(long caseId, String summary, String documentIds, Actor by) {
		String text = required(summary, () -> Refused.because("cases.investigation.desk-summary"));
		List<StoredDocument> docs = documents.ofCase(caseId, documentIds);
		record.append(caseId, by, "DESK_REVIEW_DONE", "书面审查：" + text, CaseDocuments.hashes(docs));
	}

	/** The on-site check: at least the minimum of assigned inspectors took part, and its record (笔录) is attached. */
	@Transactional
	public void onSiteCheckDone(long caseId, List<String> participants, LocalDate on, String summary, String documentIds,
			Actor by) {
		team.checkOnSiteParticipants(caseId, participants);
		if (on == null) {
			throw Refused.because("cases.investigation.on-site-date");
		}
		String text = required(summary, () -> Refused.because("cases.investigation.on-site-summary"));
		List<StoredDocument> docs = documents.ofCase(caseId, documentIds);
		if (docs.isEmpty()) {
			throw Refused.because("cases.investigation.on-site-record");
		}
		record.append(caseId, by, "ONSITE_CHECK_RECORDED", on + " 现场检查（" + String.join("、", participants) + "）："
				+ text, CaseDocuments.hashes(docs));
	}

	@Transactional
	public Findings recordFindings(long caseId, boolean violation, BigDecimal amountToRecover, List<String> articles,
			Intent intent, String summary, String documentIds, Actor by) {
		List<StoredDocument> docs = documents.ofCase(caseId, documentIds);
		Findings f = violation
				? new Findings(caseId, true, amountToRecover, articles, intent, summary == null ? "" : summary.strip(), by.userId(), null)
				: Findings.noViolation(caseId, summary == null ? "" : summary.strip(), by.userId());
		Findings kept = cases.recordFindings(f, by, CaseDocuments.hashes(docs));
		deadlines.met(caseId, CaseDeadlines.Kind.INVESTIGATION);
		return kept;
	}

	/** The transfer the director decided (police or discipline body), with the letter. */
	@Transactional
	public void transfer(long caseId, String receivingBody, LocalDate on, String reason, String documentIds, Actor by) {
		Outcome outcome = decisions.latest(caseId, "OUTCOME")
			.flatMap(d -> Outcome.of(d.decision()))
			.filter(o -> o == Outcome.POLICE || o == Outcome.DISCIPLINE)
			.orElseThrow(() -> new IllegalStateException("no transfer decided for case " + caseId));
		transfers.record(caseId, outcome == Outcome.POLICE ? CaseTransfers.Kind.POLICE : CaseTransfers.Kind.DISCIPLINE,
				receivingBody, on, documents.ofCase(caseId, documentIds), reason, by);
	}

	private static String required(String text, Supplier<Refused> refusal) {
		if (text == null || text.isBlank()) {
			throw refusal.get();
		}
		return text.strip();
	}
}
