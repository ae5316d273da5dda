package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Analysts load through the REST API, from a server folder or an uploaded zip, and fetch the rejects. */
@IntegrationTest
class LoadsApiIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@Test
	void anAnalystLoadsAServerFolderAndDownloadsItsRejects() throws Exception {
		String p = "A" + UUID.randomUUID().toString().substring(0, 6) + "-";
		Path folder = new TinyExport(p).set("fee_items.csv", 0, "amount", "999.00").writeTo(temp.resolve("export"));

		HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/loads"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("folder", folder.toString())))));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);

		JsonNode load = awaitFinished(JSON.readTree(started.body()).get("id").asText());
		assertThat(load.get("status").asText()).isEqualTo("COMPLETED_WITH_REJECTS");
		HttpResponse<String> rejects = send(HttpRequest.newBuilder(uri("/api/loads/" + load.get("id").asText() + "/rejects")).GET());
		assertThat(rejects.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(rejects.body()).contains("fee_items.csv,2,2,amount", "999.00 ≠ quantity × unit_price");
	}

	@Test
	void anAnalystUploadsAZippedExport() throws Exception {
		String p = "Z" + UUID.randomUUID().toString().substring(0, 6) + "-";
		JsonNode load = upload(new TinyExport(p).writeTo(temp.resolve("export")));

		assertThat(load.get("status").asText()).as(load.toString()).isEqualTo("COMPLETED");
		assertThat(load.get("kind").asText()).isEqualTo("EXPORT");
		assertThat(load.get("files").toString()).contains("\"file\":\"fee_items.csv\",\"read\":3,\"loaded\":3");
	}

	@Test
	void aZipWithTheCatalogueAloneIsACatalogueImport() throws Exception {
		TinyExport catalogue = new TinyExport("C-");
		for (String file : List.of("providers.csv", "persons.csv", "settlements.csv", "fee_items.csv", "inspectors.csv",
				"fund_ledger.csv")) {
			catalogue.withoutFile(file);
		}
		JsonNode load = upload(catalogue.writeTo(temp.resolve("catalogue")));

		assertThat(load.get("status").asText()).as(load.toString()).isEqualTo("COMPLETED");
		assertThat(load.get("kind").asText()).isEqualTo("CATALOGUE");
		assertThat(load.get("files")).singleElement().satisfies(f -> assertThat(f.get("file").asText()).isEqualTo("items.csv"));
	}

	private JsonNode upload(Path folder) throws Exception {
		String boundary = "fundguard" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.zip\"\r\n"
				+ "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(zip(folder));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/loads"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		return awaitFinished(JSON.readTree(started.body()).get("id").asText());
	}

	@Test
	void aFolderOutsideTheImportRootsIsRefused() throws Exception {
		HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/loads"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"folder\":\"/etc\"}")));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(refused.body());
		assertThat(problem.path("key").asText()).isEqualTo("claims.load.outside-import-roots");
		assertThat(problem.path("detail").asText()).startsWith("目录必须位于导入目录之下");
		assertThat(problem.path("detailEn").asText()).contains("import root");
	}

	@Test
	void anUnknownLoadIsAProblemOfItsOwn() throws Exception {
		HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/api/loads/no-such-load")).GET());

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(missing.body()).path("key").asText()).isEqualTo("claims.load.not-found");
		assertThat(send(HttpRequest.newBuilder(uri("/api/loads/no-such-load/rejects")).GET()).statusCode()).isEqualTo(404);
	}

	private JsonNode awaitFinished(String id) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode load = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/loads/" + id)).GET()).body());
			if (!load.get("finishedAt").isNull()) {
				return load;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("load " + id + " did not finish within a minute");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HTTP.send(request.header("Authorization", "Bearer " + KeycloakTokens.accessToken("analyst1")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static byte[] zip(Path folder) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes); var files = Files.list(folder)) {
			for (Path file : files.toList()) {
				zip.putNextEntry(new ZipEntry("export-2026-03/" + file.getFileName()));
				zip.write(Files.readAllBytes(file));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}
}
