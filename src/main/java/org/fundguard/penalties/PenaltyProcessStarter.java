package org.fundguard.penalties;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.fundguard.cases.PenaltyProcedureRequested;
import org.fundguard.process.ProcessKeys;
import org.fundguard.process.ProcessVariables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts penalty-decision.bpmn when an audit case hands its findings over, synchronously and in the hand-over's
 * transaction: either both the request and the procedure exist, or neither.
 */
@Component
public class PenaltyProcessStarter {

	private final PenaltyProcedure procedure;
	private final RuntimeService runtime;

	PenaltyProcessStarter(PenaltyProcedure procedure, RuntimeService runtime) {
		this.procedure = procedure;
		this.runtime = runtime;
	}

	@EventListener
	@Transactional
	public void on(PenaltyProcedureRequested request) {
		start(request);
	}

	/** Registers the procedure and starts its process; returns the penalty id. */
	@Transactional
	public long start(PenaltyProcedureRequested request) {
		long penaltyId = procedure.register(request.caseId(), request.requestedBy());
		ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessKeys.PENALTY_DECISION, request.caseNumber(),
				Map.of(ProcessVariables.CASE_ID, request.caseId(), ProcessVariables.CASE_NUMBER, request.caseNumber(),
						ProcessVariables.PENALTY_ID, penaltyId));
		procedure.attachProcess(penaltyId, instance.getId());
		return penaltyId;
	}
}
