package org.fundguard.notifications.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.calendar.Deadlines;
import org.fundguard.notifications.NoticeKind;

/**
 * Posts one outbox row as JSON with Chinese field names to the user's webhook, signed with HMAC-SHA256 over the exact
 * body bytes ({@link WebhookSignature}). Any 2xx answer counts as delivered.
 */
public class WebhookChannel {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String secret;
	private final String baseUrl;
	private final WebhookDestinations destinations;
	// redirects are not followed (the client's default): a receiver could otherwise send the post on to an inside address
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public WebhookChannel(String secret, String baseUrl, WebhookDestinations destinations) {
		this.secret = secret;
		this.baseUrl = baseUrl;
		this.destinations = destinations;
	}

	/** The body as sent, for the row. */
	public static byte[] body(Outbox.Row row, String baseUrl) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("编号", row.messageId("fundguard"));
		m.put("类别", NoticeKind.valueOf(row.kind()).label());
		m.put("接收人", row.recipient());
		m.put("标题", row.title());
		m.put("内容", row.body());
		m.put("链接", row.link() == null ? null : baseUrl + row.link());
		m.put("时间", row.createdAt().atZoneSameInstant(Deadlines.BUREAU_ZONE).toOffsetDateTime()
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		try {
			return JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	public void send(Outbox.Row row) throws IOException, InterruptedException {
		if (secret.isBlank()) {
			throw new IOException("fundguard.notifications.webhook-secret is not set: webhooks are not signed, so not sent");
		}
		URI target = URI.create(row.address());
		// checked again when sending: the name may resolve to another address than when it was saved
		if (!destinations.allowed(target)) {
			throw new IOException("webhook address " + target.getHost() + " is not a public address and not allowed");
		}
		byte[] body = body(row, baseUrl);
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json; charset=utf-8")
			.header(WebhookSignature.HEADER, WebhookSignature.sign(WebhookSignature.keyFor(secret, row.recipient()), body))
			.header("X-FundGuard-Message-Id", row.messageId("fundguard"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() / 100 != 2) {
			throw new IOException("webhook answered " + response.statusCode());
		}
	}
}
