package org.fundguard.rules;

import java.util.List;

/**
 * What to run: some rules (empty = the whole catalogue) over a window and region prefixes (empty = the
 * jurisdiction's), asked by someone, from the UI, the API, the command line or the schedule.
 */
public record RunRequest(List<String> rules, Window window, List<String> regions, String requestedBy, String trigger) {

	public RunRequest {
		rules = rules == null ? List.of() : List.copyOf(rules);
		regions = regions == null ? List.of() : List.copyOf(regions);
	}
}
