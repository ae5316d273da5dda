package org.fundguard.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The claims-loader benchmark of issue 3, run by {@code ./fundguard bench load}. On one Elasticsearch node it
 * measures (a) {@code fundguard load} on a generated export and (b) a raw {@code _bulk} of the very same
 * documents from pre-built NDJSON into indices made from the same templates with the same settings, and
 * prints both rates, their ratio and the loader's peak heap (from its GC log, with -Xmx512m). After an untimed
 * warm-up load, three pairs, (a) first in odd pairs and (b) first in even ones, each side on empty indices alone on
 * the node, so that a slow minute of the machine shows in one ratio, not in a side; the ratio's min, median and max
 * close the report ({@code -Dfundguard.bench.pairs=N} for another count).
 * <p>
 * What each side's clock covers, so that both pay for the same work and neither for setup. Neither clock holds the
 * JVM's and Spring's start (the loader's time is the "took" of its own record, from its registration to its end), nor
 * the creation of the indices: both sides get theirs made from the same templates before their clock starts, as a
 * bureau's indices exist after its first load (the loader still checks each template and mapping, timed, as every
 * load does; an index split by year, {@code FUNDGUARD_ES_YEARLY}, is left for the loader to make, as it makes one
 * per settlement year during a load). Both clocks hold the refresh pause, every document, and the refresh that makes
 * them searchable at the end: a load has not finished before its documents can be found, and with refreshes paused
 * that last refresh writes what is still buffered, work the raw side once left off its clock. The loader's own
 * fixed costs (its key store, its record, the check of every byte before the load) stay on its clock.
 * <p>
 * Given a cluster (the URL a comma-separated list, as {@code FUNDGUARD_ES_URL} takes it), the loader spreads its
 * requests over the nodes and so does the raw side, request by request; both sides' indices get the shards and
 * replicas of {@code FUNDGUARD_ES_SHARDS} and {@code FUNDGUARD_ES_REPLICAS} (1 and 0 when unset), as the loader's do.
 * {@code ./fundguard bench cluster} runs it on one node and then on three.
 */
public final class LoadBenchmark {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final List<String> INDICES = List.of("claims", "settlements", "persons", "providers", "items", "fund-ledger");
	/**
	 * Both sides send requests of one size: the loader's fundguard.loader.bulk-size (2MB in application.yml), or
	 * what FUNDGUARD_LOADER_BULKSIZE sets for the loader run, which inherits this process's environment.
	 */
	private static final long CHUNK_BYTES = org.springframework.util.unit.DataSize
		.parse(System.getenv().getOrDefault("FUNDGUARD_LOADER_BULKSIZE", "2MB")).toBytes();
	private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
	private static final Pattern TOOK = Pattern.compile("took ([0-9.]+) s");

	private static final int SHARDS = Integer.parseInt(System.getenv().getOrDefault("FUNDGUARD_ES_SHARDS", "1"));
	private static final int REPLICAS = Integer.parseInt(System.getenv().getOrDefault("FUNDGUARD_ES_REPLICAS", "0"));

	/** As given to the loader: one URL or several, comma-separated. */
	private final String es;
	private final List<String> nodes;
	private final Path work;

	private LoadBenchmark(String es, Path work) {
		this.es = es;
		this.nodes = java.util.Arrays.stream(es.split(",")).map(String::strip).filter(u -> !u.isEmpty())
			.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
		this.work = work;
	}

	/** args: elasticsearch-url work-folder export-folder */
	public static void main(String[] args) throws Exception {
		new LoadBenchmark(args[0], Path.of(args[1])).run(Path.of(args[2]));
	}

	private void run(Path export) throws Exception {
		long feeLines = lines(export.resolve("fee_items.csv")) - 1;
		String stamp = Long.toString(System.currentTimeMillis(), 36);
		System.out.printf("export: %s, %,d fee lines; an untimed warm-up load, then %d pairs, loader first in odd pairs, "
				+ "raw first in even ones%n", export, feeLines, PAIRS);
		System.out.printf("Elasticsearch: %d node(s) %s; %d shard(s) (claims %s), %d replica(s)%n", nodes.size(), nodes, SHARDS,
				shards("claims"), REPLICAS);
		List<Chunk> chunks = warmUp(export, PREFIX + "-warmup-" + stamp);
		List<Pair> pairs = new ArrayList<>();
		for (int n = 1; n <= PAIRS; n++) {
			String loaderPrefix = PREFIX + "-loader-" + stamp + "-" + n;
			String rawPrefix = PREFIX + "-raw-" + stamp + "-" + n;
			try {
				double[] raw = null;
				if (n % 2 == 0) {
					raw = raw(chunks, rawPrefix);
				}
				Path gcLog = work.resolve("loader-gc-" + n + ".log");
				for (String index : INDICES) {
					if (!YEARLY.contains(index)) {
						create(loaderPrefix, index); // as the raw side's are, before its clock starts
					}
				}
				long esCpuBefore = esCpuMillis();
				long start = System.nanoTime();
				String output = runLoader(export, loaderPrefix, gcLog, work.resolve("data-" + n));
				double loaderWall = (System.nanoTime() - start) / 1e9;
				double loaderEsCpu = (esCpuMillis() - esCpuBefore) / 1e3;
				Matcher took = TOOK.matcher(output);
				double loaderSeconds = took.find() ? Double.parseDouble(took.group(1)) : loaderWall;
				long documents = 0;
				for (String index : INDICES) {
					documents += count(loaderPrefix + "-" + index);
				}
				drop(loaderPrefix); // each side runs alone on the node
				if (raw == null) {
					raw = raw(chunks, rawPrefix);
				}
				Pair pair = new Pair(documents, loaderSeconds, loaderWall - loaderSeconds, (long) raw[1], raw[0], raw[2], heap(gcLog),
						new double[] { lastLoaderCpu, loaderEsCpu, raw[3], raw[4],
								loaderCpuAtLoadStart == 0 ? Double.NaN : lastLoaderCpu - loaderCpuAtLoadStart });
				pairs.add(pair);
				System.out.printf("pair %d (%s first): loader %.1f s (%,.0f docs/s), raw %.1f s (%,.0f docs/s), ratio %.2f, heap peak %d MB%n",
						n, n % 2 == 0 ? "raw" : "loader", loaderSeconds, pair.loaderRate(), raw[0], pair.rawRate(), pair.ratio(),
						pair.heap()[0]);
			}
			finally {
				drop(loaderPrefix);
				drop(rawPrefix);
			}
		}
		report(feeLines, pairs, nodes.size());
	}

	/**
	 * One load before anything is timed: the node's JIT warms up on it (on a cold node the first run of either side
	 * was the slowest by 15-30 %, which made the side that ran first look slow), and the raw side's documents are
	 * taken from it, so that both sides send exactly the same documents.
	 */
	private List<Chunk> warmUp(Path export, String prefix) throws Exception {
		try {
			long start = System.nanoTime();
			runLoader(export, prefix, work.resolve("loader-gc-warmup.log"), work.resolve("data-warmup"));
			System.out.printf("warm-up: load %.1f s (not counted)%n", (System.nanoTime() - start) / 1e9);
			return exportNdjson(prefix);
		}
		finally {
			drop(prefix);
		}
	}

	/**
	 * The raw side: {seconds, documents, seconds of the final refresh, this JVM's CPU seconds, the nodes' CPU seconds},
	 * into indices made like the loader's.
	 */
	private double[] raw(List<Chunk> chunks, String rawPrefix) throws Exception {
		for (String index : INDICES) {
			create(rawPrefix, index);
		}
		String all = String.join(",", INDICES.stream().map(index -> rawPrefix + "-" + index).toList());
		long esCpuBefore = esCpuMillis();
		long clientCpuBefore = ownCpuNanos();
		long rawStart = System.nanoTime();
		send("PUT", "/" + all + "/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}");
		bulk(chunks, rawPrefix);
		long refreshStart = System.nanoTime();
		send("PUT", "/" + all + "/_settings", "{\"index\":{\"refresh_interval\":null}}");
		send("POST", "/" + all + "/_refresh", null);
		long rawEnd = System.nanoTime();
		double clientCpu = (ownCpuNanos() - clientCpuBefore) / 1e9;
		double esCpu = (esCpuMillis() - esCpuBefore) / 1e3;
		double rawSeconds = (rawEnd - rawStart) / 1e9;
		long rawDocuments = 0;
		for (String index : INDICES) {
			rawDocuments += count(rawPrefix + "-" + index);
		}
		drop(rawPrefix); // each side runs alone on the node
		return new double[] { rawSeconds, rawDocuments, (rawEnd - refreshStart) / 1e9, clientCpu, esCpu };
	}

	/**
	 * CPU seconds, printed beside the rates: on this machine the client and every node share the same 2 cores, so what
	 * the loader's JVM spends (reading, checking and writing the documents) is taken from Elasticsearch, while the raw
	 * side's client only reads files. The nodes' figure is the sum of their processes' CPU (_nodes/stats/process).
	 */
	private long esCpuMillis() {
		JsonNode stats = send("GET", "/_nodes/stats/process", null);
		long total = 0;
		for (JsonNode node : stats.path("nodes")) {
			total += node.at("/process/cpu/total_in_millis").asLong();
		}
		return total;
	}

	private static long ownCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
	}

	/** The loader's CPU seconds as last seen while it ran (JVM and Spring start included): polled, as an ended process has none. */
	private volatile double lastLoaderCpu;
	/** The same when the load began (its first progress line): what it spent on its JVM's and Spring's start. */
	private volatile double loaderCpuAtLoadStart;

	/** The indices' prefix: on a node shared with others, FUNDGUARD_BENCH_PREFIX keeps them apart. */
	private static final String PREFIX = System.getenv().getOrDefault("FUNDGUARD_BENCH_PREFIX", "bench");
	private static final int PAIRS = Integer.getInteger("fundguard.bench.pairs", 3);
	/** The indices split by settlement year (as the loader reads FUNDGUARD_ES_YEARLY): the loader makes those itself. */
	private static final java.util.Set<String> YEARLY = java.util.Arrays
		.stream(System.getenv().getOrDefault("FUNDGUARD_ES_YEARLY", "").split(","))
		.map(String::strip)
		.filter(s -> !s.isEmpty())
		.collect(java.util.stream.Collectors.toSet());

	/** One loader run and the raw run after it. */
	/** cpu: the loader's JVM, the nodes during the loader's run, the raw client, the nodes during the raw run (seconds). */
	private record Pair(long documents, double loaderSeconds, double startSeconds, long rawDocuments, double rawSeconds,
			double rawRefreshSeconds, long[] heap, double[] cpu) {

		double loaderRate() {
			return documents / loaderSeconds;
		}

		double rawRate() {
			return rawDocuments / rawSeconds;
		}

		double ratio() {
			return loaderRate() / rawRate();
		}
	}

	private static void report(long feeLines, List<Pair> pairs, int nodeCount) {
		System.out.println();
		System.out.printf("=== claims loader benchmark (2 cores), %d Elasticsearch node(s), %d shard(s) (claims %d), %d replica(s) ===%n",
				nodeCount, SHARDS, shards("claims"), REPLICAS);
		System.out.printf("fee lines                        %,d%n", feeLines);
		for (int i = 0; i < pairs.size(); i++) {
			Pair p = pairs.get(i);
			System.out.printf("pair %d  documents loader %,d raw %,d | (a) fundguard load %.1f s, %,.0f docs/s (+ %.1f s JVM and Spring start)"
					+ " | (b) raw _bulk %.1f s (final refresh %.1f s), %,.0f docs/s | ratio %.2f | heap peak %d MB, largest live set %d MB%n",
					i + 1, p.documents(), p.rawDocuments(), p.loaderSeconds(), p.loaderRate(), p.startSeconds(), p.rawSeconds(),
					p.rawRefreshSeconds(), p.rawRate(), p.ratio(), p.heap()[0], p.heap()[1]);
			System.out.printf("pair %d  CPU seconds (2 cores shared by client and nodes): loader JVM %.0f (%s of them after its start)"
					+ " + Elasticsearch %.0f | raw client %.0f + Elasticsearch %.0f%n", i + 1, p.cpu()[0],
					Double.isNaN(p.cpu()[4]) ? "n/a" : "%.1f".formatted(p.cpu()[4]), p.cpu()[1], p.cpu()[2], p.cpu()[3]);
		}
		double[] ratios = pairs.stream().mapToDouble(Pair::ratio).sorted().toArray();
		double median = ratios.length % 2 == 1 ? ratios[ratios.length / 2]
				: (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
		System.out.printf("requests of %d MB on both sides, 2 in flight; both clocks from the refresh pause to the final refresh,"
				+ " indices made before either starts%n", CHUNK_BYTES >> 20);
		System.out.printf("ratio loader / raw over %d pairs  min %.2f   median %.2f   max %.2f   (target >= 0.90)%n", ratios.length,
				ratios[0], median, ratios[ratios.length - 1]);
		long peak = pairs.stream().mapToLong(p -> p.heap()[0]).max().orElse(0);
		long live = pairs.stream().mapToLong(p -> p.heap()[1]).max().orElse(0);
		System.out.printf("loader heap, -Xmx512m            peak %d MB before GC, largest live set %d MB after GC   (target <= 512 MB)%n",
				peak, live);
		double best = pairs.stream().mapToDouble(Pair::loaderSeconds).min().orElse(1);
		System.out.printf("fee lines per minute (best run)  %,.0f   (target: 2,000,000 in < 180 s)%n", feeLines / best * 60);
	}

	private String runLoader(Path export, String prefix, Path gcLog, Path data) throws IOException, InterruptedException {
		// the JVM options of the shipped command (fundguard's run_command), so that the figures are those of ./fundguard load
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:+UseParallelGC", "-XX:NewRatio=1", "-Xlog:gc:file=" + gcLog, "-jar", "target/fundguard.jar", "load",
				export.toString())
			.redirectErrorStream(true);
		builder.environment().put("FUNDGUARD_ES_URL", es);
		builder.environment().put("FUNDGUARD_ES_INDEX_PREFIX", prefix);
		builder.environment().put("FUNDGUARD_DATA", data.toString());
		builder.environment().putIfAbsent("FUNDGUARD_ID_HASH_KEY", "benchmark-key-not-a-secret");
		Process load = builder.start();
		lastLoaderCpu = 0;
		loaderCpuAtLoadStart = 0;
		Thread cpuWatch = Thread.ofPlatform().daemon().start(() -> {
			while (load.isAlive()) {
				load.toHandle().info().totalCpuDuration().ifPresent(cpu -> lastLoaderCpu = cpu.toNanos() / 1e9);
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		StringBuilder output = new StringBuilder();
		try (var reader = load.inputReader(StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (loaderCpuAtLoadStart == 0 && line.contains("checking")) {
					loaderCpuAtLoadStart = load.toHandle().info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e9).orElse(0.0);
				}
				System.out.println("  | " + line);
				output.append(line).append('\n');
			}
		}
		int exit = load.waitFor();
		cpuWatch.interrupt();
		if (exit != 0 && exit != 3) {
			throw new IllegalStateException("fundguard load failed with exit code " + exit);
		}
		return output.toString();
	}

	/** The loader's documents, as bulk NDJSON files for the raw indices, of about the loader's own request size. */
	private List<Chunk> exportNdjson(String prefix) throws IOException {
		List<Chunk> chunks = new ArrayList<>();
		Path folder = Files.createDirectories(work.resolve("ndjson"));
		try (Stream<Path> old = Files.list(folder)) {
			for (Path p : old.toList()) {
				Files.delete(p);
			}
		}
		BufferedWriter out = null;
		long written = CHUNK_BYTES;
		for (String index : INDICES) {
			written = CHUNK_BYTES; // a chunk holds one index's documents, so that each run can name its own in the path
			JsonNode page = send("POST", "/" + prefix + "-" + index + "/_search?scroll=2m", "{\"size\":5000,\"sort\":[\"_doc\"]}");
			while (page.at("/hits/hits").size() > 0) {
				for (JsonNode hit : page.at("/hits/hits")) {
					if (written >= CHUNK_BYTES) {
						if (out != null) {
							out.close();
						}
						Path chunk = folder.resolve("chunk-%05d.ndjson".formatted(chunks.size()));
						chunks.add(new Chunk(chunk, index));
						out = Files.newBufferedWriter(chunk, StandardCharsets.UTF_8);
						written = 0;
					}
					String action = "{\"index\":{\"_id\":" + hit.get("_id") + "}}\n";
					String source = hit.get("_source").toString() + "\n";
					out.write(action);
					out.write(source);
					written += action.length() + source.getBytes(StandardCharsets.UTF_8).length;
				}
				page = send("POST", "/_search/scroll", "{\"scroll\":\"2m\",\"scroll_id\":\"" + page.get("_scroll_id").asText() + "\"}");
			}
		}
		if (out != null) {
			out.close();
		}
		return chunks;
	}

	/**
	 * Two requests in flight, as the loader has; into the indices of {@code rawPrefix}; on a cluster to each node in
	 * turn, as the loader sends them.
	 */
	private void bulk(List<Chunk> chunks, String rawPrefix) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<?>> done = new ArrayList<>();
		for (int i = 0; i < chunks.size(); i++) {
			Chunk chunk = chunks.get(i);
			String node = nodes.get(i % nodes.size());
			done.add(pool.submit(() -> {
				JsonNode result = send(node, "POST", "/" + rawPrefix + "-" + chunk.index() + "/_bulk", Files.readString(chunk.file()));
				if (result.get("errors").asBoolean()) {
					throw new IllegalStateException("raw bulk had errors");
				}
				return null;
			}));
		}
		for (Future<?> f : done) {
			f.get();
		}
		pool.shutdown();
	}

	/** An NDJSON file of bulk index operations, all into one index. */
	private record Chunk(Path file, String index) {
	}

	/** An index as the loader makes it: its template (the same file, shards and replicas) and its first version. */
	private void create(String prefix, String index) throws IOException {
		ObjectNode template = (ObjectNode) JSON.readTree(
				Files.readString(Path.of("elastic/templates", index + ".json")).replace("{{prefix}}", prefix));
		template.remove("_comment");
		// the shards and replicas the loader's templates get from the same environment (VersionedIndices)
		ObjectNode settings = template.withObject("/template").withObject("/settings");
		settings.put("number_of_shards", shards(index));
		settings.put("number_of_replicas", REPLICAS);
		send("PUT", "/_index_template/" + prefix + "-" + index, template.toString());
		send("PUT", "/" + prefix + "-" + index + "-000001", "{\"aliases\":{\"" + prefix + "-" + index + "\":{\"is_write_index\":true}}}");
	}

	private long count(String alias) {
		send("POST", "/" + alias + "/_refresh", null);
		JsonNode count = send("GET", "/" + alias + "/_count", null);
		return count == null ? 0 : count.get("count").asLong();
	}

	private void drop(String prefix) {
		JsonNode indices = send("GET", "/_cat/indices/" + prefix + "-*?format=json&h=index", null);
		for (JsonNode index : indices == null ? JSON.createArrayNode() : indices) {
			send("DELETE", "/" + index.get("index").asText(), null);
		}
		for (String index : INDICES) {
			send("DELETE", "/_index_template/" + prefix + "-" + index, null);
		}
	}

	/** The heap in use before a collection at its highest, and what survived a collection at its highest. */
	private static long[] heap(Path gcLog) throws IOException {
		long peak = 0;
		long live = 0;
		for (String line : Files.readAllLines(gcLog)) {
			Matcher m = GC_HEAP.matcher(line);
			if (m.find()) {
				peak = Math.max(peak, Long.parseLong(m.group(1)));
				// only a completed collection shows the live set: not a remark or clean-up pause, nor a failed evacuation
				boolean collected = (line.contains("Pause Young") || line.contains("Pause Full"))
						&& !line.contains("Evacuation Failure");
				if (collected) {
					live = Math.max(live, Long.parseLong(m.group(2)));
				}
			}
		}
		return new long[] { peak, live };
	}

	private static long lines(Path file) throws IOException {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
	}

	/** The shards of an index as the application configures them (application.yml's index-shards defaults). */
	private static int shards(String index) {
		String own = switch (index) {
			case "claims" -> System.getenv("FUNDGUARD_ES_CLAIMS_SHARDS");
			case "settlements" -> System.getenv("FUNDGUARD_ES_SETTLEMENTS_SHARDS");
			default -> null;
		};
		return own == null || own.isBlank() ? SHARDS : Integer.parseInt(own);
	}

	private JsonNode send(String method, String path, String body) {
		return send(nodes.get(0), method, path, body);
	}

	private JsonNode send(String node, String method, String path, String body) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(node + path))
				.header("Content-Type", path.endsWith("_bulk") ? "application/x-ndjson" : "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
				.build();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404) {
				return null;
			}
			if (response.statusCode() >= 400) {
				throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
			}
			return JSON.readTree(response.body());
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
