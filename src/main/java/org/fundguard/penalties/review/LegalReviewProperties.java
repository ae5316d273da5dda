package org.fundguard.penalties.review;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who counts as having worked on an investigation, and may therefore not review its penalty (fundguard.legal-review).
 *
 * @param investigationActions enforcement-record actions whose actors count, whatever their role
 * @param investigatorRole any step of the case taken in this role counts
 * @param investigationTasks user tasks (of any process carrying the case id) whose assignees count
 */
@ConfigurationProperties("fundguard.legal-review")
public record LegalReviewProperties(List<String> investigationActions, String investigatorRole,
		List<String> investigationTasks) {

	public LegalReviewProperties {
		investigationActions = investigationActions == null ? List.of() : List.copyOf(investigationActions);
		investigationTasks = investigationTasks == null ? List.of() : List.copyOf(investigationTasks);
	}
}
