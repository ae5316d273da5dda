package org.fundguard.focus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Focused inspections' settings (fundguard.focus): the working days each step's task is due in (Chinese working days,
 * calendar.Deadlines) and the longest the resolution measures may be given.
 */
@ConfigurationProperties("fundguard.focus")
public record FocusProperties(@DefaultValue("10") int analysisWorkingDays, @DefaultValue("5") int planWorkingDays,
		@DefaultValue("10") int assessmentWorkingDays, @DefaultValue("10") int resolutionWorkingDays,
		@DefaultValue("5") int signOffWorkingDays, @DefaultValue("250") int maxMeasuresWorkingDays) {

	public FocusProperties {
		if (analysisWorkingDays < 1 || planWorkingDays < 1 || assessmentWorkingDays < 1 || resolutionWorkingDays < 1
				|| signOffWorkingDays < 1 || maxMeasuresWorkingDays < 1) {
			throw new IllegalArgumentException("fundguard.focus: every number of working days must be 1 or more");
		}
	}

	/** The working days of a step's task: analysis, plan, assessment, resolution, signOff. */
	int workingDaysOf(String step) {
		return switch (step) {
			case "analysis" -> analysisWorkingDays;
			case "plan" -> planWorkingDays;
			case "assessment" -> assessmentWorkingDays;
			case "resolution" -> resolutionWorkingDays;
			case "signOff" -> signOffWorkingDays;
			default -> throw new IllegalArgumentException("no step " + step);
		};
	}
}
