package org.fundguard.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP against the running application, redirects not followed so that tests see them. */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private Http() {
	}

	/** POSTs a JSON body (empty for none). */
	public static HttpResponse<String> post(String url, String bearerToken, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json == null || json.isEmpty() ? "{}" : json));
		return send(request, bearerToken, url);
	}

	public static HttpResponse<String> get(String url, String bearerToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		return send(request, bearerToken, url);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String bearerToken, String url) {
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(url + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
