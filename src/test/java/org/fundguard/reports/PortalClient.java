package org.fundguard.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fundguard.reports.portal.ProofOfWork;

/**
 * A reporter's browser reduced to HTTP: a session cookie, the form's CSRF token and proof-of-work challenge, a
 * multipart submission, and the receipt-code pages. It can leave from a chosen loopback address with a chosen
 * User-Agent, so that tests can look for exactly those in what the application kept.
 */
final class PortalClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern CHALLENGE = Pattern.compile("name=\"challenge\" id=\"challenge\" value=\"([^\"]+)\"");
	private static final Pattern BITS = Pattern.compile("data-pow-bits=\"(\\d+)\"");
	private static final Pattern CODE = Pattern.compile("id=\"receipt-code\">([0-9A-Z-]+)<");

	private final HttpClient http;
	private final String base;
	private final String userAgent;

	PortalClient(String base, String localAddress, String userAgent) {
		try {
			var builder = HttpClient.newBuilder()
				.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.followRedirects(HttpClient.Redirect.NEVER);
			if (localAddress != null) {
				builder.localAddress(InetAddress.getByName(localAddress));
			}
			this.http = builder.build();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		this.base = base;
		this.userAgent = userAgent;
	}

	HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/** The report form: its CSRF token, challenge and difficulty. */
	Form openForm() {
		String html = get("/portal/report").body();
		return new Form(find(CSRF, html), find(CHALLENGE, html), Integer.parseInt(find(BITS, html)));
	}

	/** Fills in, solves the stamp and submits; files are name → bytes. */
	HttpResponse<String> submit(Map<String, String> fields, Map<String, byte[]> files) {
		Form form = openForm();
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", form.csrf());
		all.put("challenge", form.challenge());
		all.putIfAbsent("nonce", ProofOfWork.solve(form.challenge(), form.bits()));
		String boundary = "----fundguard" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		files.forEach((name, bytes) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"" + name
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(bytes);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request("/portal/report").header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	static String receiptCode(HttpResponse<String> response) {
		return find(CODE, response.body());
	}

	/** Enters a receipt code, as the status page's form does. */
	HttpResponse<String> enterCode(String code) {
		String csrf = find(CSRF, get("/portal/status").body());
		return postForm("/portal/status", Map.of("_csrf", csrf, "code", code));
	}

	/** The reporter's answer, after a code was entered in this session. */
	HttpResponse<String> reply(String text) {
		String csrf = find(CSRF, get("/portal/status/view").body());
		return postForm("/portal/status/messages", Map.of("_csrf", csrf, "body", text));
	}

	HttpResponse<String> postForm(String path, Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
			.append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		var builder = HttpRequest.newBuilder(URI.create(base + path));
		if (userAgent != null) {
			builder.header("User-Agent", userAgent);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static String find(Pattern pattern, String html) {
		Matcher m = pattern.matcher(html);
		if (!m.find()) {
			throw new AssertionError("page has no " + pattern + ": " + html.substring(0, Math.min(html.length(), 1500)));
		}
		return m.group(1);
	}

	record Form(String csrf, String challenge, int bits) {
	}

	/** The answers of a plain anonymous report about an institution outside the directory. */
	static Map<String, String> anonymousReport(String description) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("subjectKind", "OTHER_INSTITUTION");
		f.put("subjectName", "淄博某某诊所");
		f.put("category", "FAKE_TREATMENT");
		f.put("description", description);
		f.put("happened", "2026 年 10 月");
		f.put("amount", "3000");
		f.put("identityMode", "anonymous");
		f.put("consent", "true");
		f.put("website", "");
		return f;
	}
}
