package org.fundguard.elastic;

/** Elasticsearch did not answer: said plainly, because the person reading it has to start or reach it. */
public class ElasticsearchUnavailable extends RuntimeException {

	public ElasticsearchUnavailable(String url, Throwable cause) {
		super("无法连接 Elasticsearch / Elasticsearch is not reachable at " + url + " (" + rootMessage(cause)
				+ "). Start it (./fundguard up) or set FUNDGUARD_ES_URL.", cause);
	}

	private static String rootMessage(Throwable t) {
		Throwable root = t;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
	}
}
