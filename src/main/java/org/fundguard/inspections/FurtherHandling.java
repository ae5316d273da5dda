package org.fundguard.inspections;

import java.math.BigDecimal;
import java.util.List;

import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.NewCase;
import org.fundguard.cases.SubjectType;
import org.fundguard.identity.Role;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A "further handling" result becomes an audit case (转案件办理): the case is opened with the inspection as its
 * source, and the on-site record, by its hash, is the first evidence in the case's enforcement record.
 */
@Service
public class FurtherHandling {

	private final Inspections inspections;
	private final AuditCases cases;
	private final EnforcementRecord record;

	FurtherHandling(Inspections inspections, AuditCases cases, EnforcementRecord record) {
		this.inspections = inspections;
		this.cases = cases;
		this.record = record;
	}

	/** Opens the case once; a second call (a retried job) returns the case number already opened. */
	@Transactional
	public String openCase(long inspectionId) {
		Inspection inspection = inspections.get(inspectionId);
		if (inspection.caseNumber() != null) {
			return inspection.caseNumber();
		}
		if (inspection.result() != InspectionResult.FURTHER_HANDLING) {
			// the model routes only FURTHER_HANDLING here: anything else is a modelling error
			throw new IllegalStateException("inspection " + inspectionId + " is " + inspection.result() + ", not FURTHER_HANDLING");
		}
		Actor inspector = new Actor(inspection.recordedBy(), Role.INSPECTOR.id());
		AuditCase opened = cases.open(new NewCase(SubjectType.INSTITUTION, inspection.providerCode(),
				inspection.providerName(), inspection.providerRegion(), CaseSource.INSPECTION, String.valueOf(inspectionId),
				BigDecimal.ZERO, "双随机现场检查发现问题需进一步处理：" + inspection.resultNote(), inspection.recordedAt(), inspector));
		record.append(opened.id(), inspector, "INSPECTION_EVIDENCE",
				"双随机检查（计划 " + inspection.planId() + "，第 " + inspection.seq() + " 号）现场检查记录作为证据：检查组 "
						+ String.join("、", inspection.team().stream().map(m -> m.inspectorId() + " " + m.maskedName()).toList())
						+ "；结果：" + inspection.result().label() + "。" + inspection.resultNote(),
				List.of(inspection.recordSha256()));
		inspections.caseOpened(inspectionId, opened.number());
		return opened.number();
	}
}
