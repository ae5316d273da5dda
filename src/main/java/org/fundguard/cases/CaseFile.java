package org.fundguard.cases;

import java.util.List;

import org.fundguard.record.ChainVerification;
import org.fundguard.record.RecordEntry;

/** Everything the case page and the case API show about one case, assembled by {@link CaseFiles}. */
public record CaseFile(AuditCase auditCase, Findings findings, List<CaseTeam.Assignee> assignees,
		List<CaseEvidence.LinkedLead> leads, List<CaseEvidence.Item> evidence, List<CaseDocuments.CaseDocument> documents,
		List<CaseNotes.Note> notes, List<DeadlineView> deadlines, List<CaseTransfers.Transfer> transfers,
		List<TimelineEntry> timeline, ChainVerification verification, List<CaseTask> tasks) {

	/** A deadline with the working days left (null when outside the official calendar's years). */
	public record DeadlineView(CaseDeadlines.Deadline deadline, Integer workingDaysLeft) {
	}

	/** A step of the enforcement record with the actor's name. */
	public record TimelineEntry(RecordEntry entry, String actorName) {
	}
}
