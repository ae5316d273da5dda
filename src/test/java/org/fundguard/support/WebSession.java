package org.fundguard.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A workbench session signed in through the real Keycloak's sign-in form, without a browser: pages are read as HTML
 * and forms posted with their CSRF token, redirects followed and cookies kept as a browser would.
 */
public final class WebSession {

	private final HttpClient http;
	private final String base;

	private WebSession(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder().cookieHandler(new LocalhostCookies())
			.followRedirects(HttpClient.Redirect.ALWAYS).build();
	}

	/**
	 * Cookies as a browser keeps them for http://localhost, a secure context to browsers: Keycloak's session cookies
	 * are marked Secure, which Java's cookie manager would otherwise never send over http.
	 */
	private static final class LocalhostCookies extends CookieManager {

		LocalhostCookies() {
			super(null, CookiePolicy.ACCEPT_ALL);
		}

		@Override
		public void put(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
			Map<String, java.util.List<String>> insecure = new java.util.HashMap<>();
			headers.forEach((name, values) -> insecure.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
					? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
			super.put(uri, insecure);
		}
	}

	/** Opens {@code path}, is sent to Keycloak, signs in there and comes back signed in. */
	public static WebSession signIn(String base, String username, String password) {
		WebSession s = new WebSession(base);
		HttpResponse<String> login = s.send(HttpRequest.newBuilder(URI.create(base + "/")).GET());
		Element form = Jsoup.parse(login.body(), login.uri().toString()).getElementById("kc-form-login");
		if (form == null) {
			throw new IllegalStateException("no Keycloak sign-in form at " + login.uri());
		}
		String credentials = encode(java.util.List.of(Map.entry("username", username), Map.entry("password", password),
				Map.entry("credentialId", "")));
		HttpResponse<String> back = s.send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(credentials)));
		java.util.Optional<byte[]> secret = DemoUsers.otpSecret(username);
		if (secret.isPresent()) {
			back = s.answerOneTimeCodeIfAsked(back, secret.get());
		}
		if (!back.uri().toString().startsWith(base)) {
			Element error = Jsoup.parse(back.body()).selectFirst("#input-error, .kc-feedback-text, .alert-error, .pf-m-danger");
			throw new IllegalStateException("sign-in of " + username + " ended at " + back.uri() + ": "
					+ (error == null ? back.body().substring(0, Math.min(500, back.body().length())) : error.text()));
		}
		return s;
	}

	/**
	 * Keycloak's OTP step (the realm's two-factor policy for directors, legal reviewers, report handlers and
	 * administrators), answered with a fresh code of the user's secret; when Keycloak does not ask, the page as it is.
	 * A code another test run spent a moment before is refused (Keycloak takes each once): then the next one.
	 */
	private HttpResponse<String> answerOneTimeCodeIfAsked(HttpResponse<String> page, byte[] secret) {
		for (int attempt = 1;; attempt++) {
			Element otpForm = Jsoup.parse(page.body(), page.uri().toString()).getElementById("kc-otp-login-form");
			if (otpForm == null || attempt > 3) {
				return page;
			}
			if (attempt > 1) {
				Totp.pauseAfterRefusal();
			}
			page = send(HttpRequest.newBuilder(URI.create(otpForm.absUrl("action")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(encode(java.util.List.of(Map.entry("otp", Totp.freshCode(secret)))))));
		}
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public Document page(String path) {
		HttpResponse<String> r = get(path);
		return Jsoup.parse(r.body(), r.uri().toString());
	}

	/**
	 * Posts the form's fields (its CSRF token among them) as the page filled them, with {@code values} put in the
	 * first field of each name (a repeated name, such as a table's rows, keeps its other fields).
	 */
	public HttpResponse<String> submit(Element form, Map<String, String> values) {
		java.util.List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
		java.util.Set<String> given = new java.util.HashSet<>();
		for (Element input : form.select("input[name], select[name], textarea[name]")) {
			String name = input.attr("name");
			String value = input.tagName().equals("select")
					? input.select("option[selected]").stream().findFirst()
						.or(() -> input.select("option").stream().findFirst()).map(o -> o.attr("value")).orElse("")
					: input.tagName().equals("textarea") ? input.text() : input.attr("value");
			if (values.containsKey(name) && given.add(name)) {
				value = values.get(name);
			}
			fields.add(Map.entry(name, value));
		}
		values.forEach((name, value) -> {
			if (given.add(name)) {
				fields.add(Map.entry(name, value));
			}
		});
		return send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
	}

	/** Posts a multipart form: its hidden fields (the CSRF token), {@code values}, and one file. */
	public HttpResponse<String> upload(Element form, String fileField, String fileName, byte[] content, Map<String, String> values) {
		String boundary = "----fundguard" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		form.select("input[type=hidden][name]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
		fields.putAll(values);
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** A session signed in to nobody: the public's browser, keeping its cookies (and so its CSRF token). */
	public static WebSession anonymous(String base) {
		return new WebSession(base);
	}

	/**
	 * Any method on {@code path} as this session, with a CSRF token (when one is given) and an empty form: what the
	 * role matrix asks of every endpoint. Redirects are followed, so a page that sends the user to sign in ends at
	 * Keycloak.
	 */
	public HttpResponse<String> call(String method, String path, String csrf) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (method.equals("GET")) {
			return send(request.GET());
		}
		String body = csrf == null ? "" : "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		return send(request.header("Content-Type", "application/x-www-form-urlencoded")
			.method(method, HttpRequest.BodyPublishers.ofString(body)));
	}

	private static String encode(java.util.List<Map.Entry<String, String>> fields) {
		return fields.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
