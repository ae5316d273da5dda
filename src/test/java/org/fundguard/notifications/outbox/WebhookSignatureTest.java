package org.fundguard.notifications.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

	@Test
	void matchesRfc4231TestCase2() {
		// RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
		assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void verifiesItsOwnSignatureAndNothingElse() {
		byte[] body = "{\"标题\":\"逾期督办\"}".getBytes(StandardCharsets.UTF_8);
		String header = WebhookSignature.sign("s3cret", body);

		assertThat(WebhookSignature.verify("s3cret", body, header)).isTrue();
		assertThat(WebhookSignature.verify("other", body, header)).isFalse();
		assertThat(WebhookSignature.verify("s3cret", "{\"标题\":\"截止提醒\"}".getBytes(StandardCharsets.UTF_8), header))
			.isFalse();
		assertThat(WebhookSignature.verify("s3cret", body, null)).isFalse();
	}

	@Test
	void theBodyHasChineseFieldsAndBeijingTime() throws Exception {
		Outbox.Row row = new Outbox.Row(7, Channel.WEBHOOK, "http://x", 0, 3, "inspector1", "ESCALATION", "逾期督办：调查取证",
				"任务已逾期", "/cases/1", OffsetDateTime.parse("2026-12-07T02:00:00Z"));

		JsonNode json = new ObjectMapper().readTree(WebhookChannel.body(row, "https://fg.example"));

		assertThat(json.get("类别").asText()).isEqualTo("逾期督办");
		assertThat(json.get("标题").asText()).isEqualTo("逾期督办：调查取证");
		assertThat(json.get("接收人").asText()).isEqualTo("inspector1");
		assertThat(json.get("链接").asText()).isEqualTo("https://fg.example/cases/1");
		assertThat(json.get("时间").asText()).isEqualTo("2026-12-07T10:00:00+08:00");
	}
}
