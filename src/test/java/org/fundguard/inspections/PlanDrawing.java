package org.fundguard.inspections;

import org.fundguard.process.TaskGateway;
import org.fundguard.support.DirectoryLoading;
import org.springframework.beans.factory.annotation.Autowired;

/** The inspection ITs that take a plan through its draw: the plan's process, its tasks and the module's services. */
abstract class PlanDrawing extends DirectoryLoading {

	@Autowired
	InspectionProcess process;

	@Autowired
	TaskGateway tasks;

	@Autowired
	InspectionPlans plans;

	@Autowired
	PlanDraws draws;

	@Autowired
	Inspections inspections;
}
