package org.fundguard.elastic;

import org.fundguard.errors.Refused;

/**
 * Elasticsearch did not answer: a refusal to try again later (503), said plainly, because the person reading it has
 * to start or reach it. The English text names the address and what to do; the Chinese says what failed.
 */
public class ElasticsearchUnavailable extends Refused {

	static final String KEY = "elastic.unreachable";

	public ElasticsearchUnavailable(String url, Throwable cause) {
		super(Reason.UNAVAILABLE, KEY, cause, url, rootMessage(cause));
	}

	private static String rootMessage(Throwable t) {
		Throwable root = t;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
	}
}
