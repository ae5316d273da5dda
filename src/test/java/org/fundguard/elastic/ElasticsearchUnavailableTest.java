package org.fundguard.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.fundguard.errors.Messages;
import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

/** An unreachable Elasticsearch is a refusal to try again later, with the address and the way out in English. */
class ElasticsearchUnavailableTest {

	@Test
	void saysWhatFailedInChineseAndWhereAndWhatToDoInEnglish() {
		Refused refused = new ElasticsearchUnavailable("http://127.0.0.1:1",
				new IllegalStateException("wrapped", new ConnectException("Connection refused")));

		assertThat(refused.reason()).isEqualTo(Refused.Reason.UNAVAILABLE);
		assertThat(Messages.has(refused.key())).isTrue();
		assertThat(refused.getMessage()).isEqualTo("无法连接 Elasticsearch");
		assertThat(refused.english()).isEqualTo("Elasticsearch is not reachable at http://127.0.0.1:1 "
				+ "(ConnectException: Connection refused). Start it (./fundguard up) or set FUNDGUARD_ES_URL.");
	}
}
