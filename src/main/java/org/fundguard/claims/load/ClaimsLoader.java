package org.fundguard.claims.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.ElasticsearchProperties;
import org.fundguard.elastic.ElasticsearchUnavailable;
import org.fundguard.calendar.Deadlines;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.transport.BulkHttpClient;
import org.fundguard.claims.InspectorExported;
import org.fundguard.claims.UnfinishedLoad;
import org.springframework.context.ApplicationEventPublisher;
import org.fundguard.institutions.ProviderAgreements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Loads one export folder into the claims indices and keeps the record of it. Good rows load, bad rows go to
 * the rejects report with file, row, column and reason; a load that cannot finish (Elasticsearch gone, the
 * process killed) says so in its record, and running it again completes it without duplicates, because
 * every document's id is its row's key.
 */
@Service
public class ClaimsLoader {

	private static final Logger log = LoggerFactory.getLogger(ClaimsLoader.class);
	private static final int WITHDRAW_BATCH = 500;
	private static final Map<String, String> BULK_PARAMETERS = Map.of("filter_path", BulkSink.FILTER_PATH);

	private final ElasticJson elastic;
	private final ElasticsearchProperties elasticsearch;
	private final ClaimIndices indices;
	private final LoadIndices loadIndices;
	private final LoadRecords records;
	private final LoaderProperties properties;
	private final ApplicationEventPublisher events;
	private final ProviderAgreements agreements;
	private final Clock clock;
	private final Path loadsFolder;
	private final LoadMarkers markers;
	private final RejectsStore rejectsStore;

	ClaimsLoader(ElasticJson elastic, ElasticsearchProperties elasticsearch,
			ClaimIndices indices, LoadIndices loadIndices, LoadRecords records, LoaderProperties properties,
			ApplicationEventPublisher events, ProviderAgreements agreements, Clock clock,
			@Value("${fundguard.data-dir}") Path dataDir, RejectsStore rejectsStore) {
		this.elastic = elastic;
		this.elasticsearch = elasticsearch;
		this.indices = indices;
		this.loadIndices = loadIndices;
		this.records = records;
		this.properties = properties;
		this.events = events;
		this.agreements = agreements;
		this.clock = clock;
		this.loadsFolder = dataDir.resolve("loads");
		this.markers = new LoadMarkers(loadsFolder);
		this.rejectsStore = rejectsStore;
	}

	/** Starts a record for a load that {@link #run} will carry out, so that callers can hand out its id at once. */
	public String register(Path folder, String requestedBy) {
		markInterrupted();
		String id = UUID.randomUUID().toString();
		String source = folder.toAbsolutePath().toString();
		LoadOwner owner = LoadOwner.current();
		records.start(id, source, requestedBy, rejectsFile(id).toString(), owner);
		OffsetDateTime started = OffsetDateTime.now(clock.withZone(Deadlines.BUREAU_ZONE)).truncatedTo(ChronoUnit.SECONDS);
		markers.running(id, source, owner, started);
		return id;
	}

	/**
	 * The earlier loads of this folder that were interrupted (killed, machine lost) since it last loaded completely,
	 * newest first: a new load of the folder completes them, and says so.
	 */
	public List<LoadRecord> interruptedLoadsOf(Path folder) {
		markInterrupted();
		return records.interruptedSinceLastComplete(folder.toAbsolutePath().toString());
	}

	/**
	 * The export folders whose last finished load was interrupted or failed after it began to index, newest first,
	 * with the period of their settlements where the load read that far.
	 */
	public List<UnfinishedLoad> unfinishedExports() {
		markInterrupted();
		return records.unfinishedExports()
			.stream()
			.map(u -> new UnfinishedLoad(u.load().id(), u.load().source(), u.load().status(), u.load().startedAt(), u.from(),
					u.to()))
			.toList();
	}

	/**
	 * Marks the loads whose process is gone as interrupted. Also at start-up: the loads the application itself ran
	 * before it was stopped or killed are known dead at once.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void markInterrupted() {
		records.markInterrupted().forEach(markers::interrupted);
	}

	public LoadRecord load(Path folder, String requestedBy, LoadProgress progress) {
		return run(register(folder, requestedBy), folder, progress);
	}

	public LoadRecord run(String id, Path folder, LoadProgress progress) {
		List<FileCounts> counts = new ArrayList<>();
		String status;
		String message;
		try {
			counts = loadInto(id, folder, heartbeat(id, progress));
			long rejected = counts.stream().mapToLong(FileCounts::rejected).sum();
			long loaded = counts.stream().mapToLong(FileCounts::loaded).sum();
			status = rejected == 0 ? "COMPLETED" : "COMPLETED_WITH_REJECTS";
			message = records.find(id).map(LoadRecord::catalogue).orElse(false)
					? "医保目录导入：已更新 %d 个项目，拒绝 %d 行；已加载的结算数据未改动 / catalogue import: %d items updated, %d rejected; loaded claims unchanged"
						.formatted(loaded, rejected, loaded, rejected)
					: "已加载 %d 行，拒绝 %d 行 / %d rows loaded, %d rejected".formatted(loaded, rejected, loaded, rejected);
		}
		catch (ElasticsearchUnavailable e) {
			status = "FAILED";
			// both languages, as every line of a load's record: the English names the address and what to do
			message = e.getMessage() + " / " + e.english() + " 部分数据可能已写入；恢复后重新加载同一目录即可补全、不会重复 / Some rows may already be "
					+ "indexed: load the same folder again once Elasticsearch is back; it completes without duplicates.";
		}
		catch (ExportReader.BadFile e) {
			status = "FAILED";
			message = "未加载任何数据 / nothing loaded: " + e.getMessage();
		}
		catch (IOException | RuntimeException e) {
			status = "FAILED";
			message = "加载失败 / load failed: " + e;
			log.error("load {} failed", id, e);
		}
		// read while this load still runs: afterwards, being complete, it would hide the ones it completes
		List<LoadRecord> completedNow = status.startsWith("COMPLETED")
				? records.interruptedSinceLastComplete(folder.toAbsolutePath().toString()) : List.of();
		records.finish(id, status, message, counts);
		markers.clear(id);
		completedNow.forEach(earlier -> markers.clear(earlier.id()));
		log.info("load {} of {} ended {}: {}", id, folder, status, message);
		return records.find(id).orElseThrow();
	}

	public List<LoadRecord> latest(int limit) {
		markInterrupted();
		return records.latest(limit);
	}

	public Optional<LoadRecord> find(String id) {
		return records.find(id);
	}

	/**
	 * The rejects report of a load, a CSV, from the database every node shares (as far as a running load has written
	 * it); the caller closes it. A load run before the reports moved there has its report only in the data folder
	 * of the node that ran it.
	 */
	public Optional<InputStream> rejects(String id) {
		Optional<InputStream> shared = rejectsStore.read(id);
		if (shared.isPresent()) {
			return shared;
		}
		Optional<Path> earlier = records.rejectsPath(id).map(Path::of).filter(Files::isRegularFile);
		if (earlier.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.newInputStream(earlier.get()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Writes the rejects report into this node's data folder, where the command line tells the operator to open it,
	 * and returns that file.
	 */
	/**
	 * A bulk request over the usual client (https): its error statuses as the plain connection reports them, so that
	 * the sink sends again what a lost node or full queues refused, as it does over http.
	 */
	private byte[] overTls(byte[] body, int length) {
		try {
			byte[] answer = elastic.stream("POST", "/_bulk?filter_path=" + BulkSink.FILTER_PATH,
					new String(body, 0, length, StandardCharsets.UTF_8), InputStream::readAllBytes);
			if (answer == null) {
				throw new CompletionException(new BulkHttpClient.StatusException(404, "Elasticsearch answered the bulk request with 404"));
			}
			return answer;
		}
		catch (IllegalStateException e) {
			if (e.getCause() instanceof co.elastic.clients.transport.rest5_client.low_level.ResponseException refused) {
				int status = refused.getResponse().getStatusCode();
				throw new CompletionException(new BulkHttpClient.StatusException(status, e.getMessage()));
			}
			throw e;
		}
	}

	public Optional<Path> saveRejects(String id) throws IOException {
		Path file = rejectsFile(id);
		Optional<InputStream> report = rejectsStore.read(id);
		if (report.isEmpty()) {
			return Optional.of(file).filter(Files::isRegularFile);
		}
		Files.createDirectories(file.getParent());
		// raw rows may hold names and identity numbers: readable by the owner only, as the sealed copy is to others
		Files.deleteIfExists(file);
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
					java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
		}
		try (InputStream in = report.get(); var out = Files.newOutputStream(file)) {
			in.transferTo(out);
		}
		return Optional.of(file);
	}

	private List<FileCounts> loadInto(String id, Path folder, LoadProgress progress) throws IOException, ExportReader.BadFile {
		LoadFiles files = new LoadFiles(folder, ExportReader.Limits.of(properties), progress);
		if (files.catalogueOnly()) {
			records.kind(id, LoadRecord.CATALOGUE);
		}
		records.indexingStarts(id);
		elastic.ping();
		loadIndices.ensureAll();
		loadIndices.pauseRefresh();
		Map<ExportFile, long[]> counts;
		Map<ExportFile, Long> refused = new java.util.EnumMap<>(ExportFile.class);
		List<URI> urls = elasticsearch.urls();
		try (RejectsReport rejects = new RejectsReport(rejectsStore.writer(id), properties.rejectsMaxSize().toBytes());
				KeyStore keys = new KeyStore(loadsFolder.resolve(id).resolve("keys.mv"),
						(int) properties.keyStoreCache().toMegabytes());
				// the bulk requests go to every node in turn, as the client's other requests do
				BulkHttpClient http = BulkHttpClient.canReach(urls) ? new BulkHttpClient(urls,
						elasticsearch.connectTimeout(), elasticsearch.socketTimeout(), properties.concurrentRequests())
						: null;
				// https: the usual client's connection takes them, as many at once as may be in flight
				ExecutorService overTls = http == null ? Executors.newFixedThreadPool(properties.concurrentRequests()) : null) {
			BulkSink sink = new BulkSink(http != null ? (body, length) -> http.bulk(BULK_PARAMETERS, body, length)
					: (body, length) -> CompletableFuture.supplyAsync(() -> overTls(body, length), overTls),
					rejects, elasticsearch.url(), properties.bulkOperations(), properties.bulkSize().toBytes(),
					properties.concurrentRequests());
			LoadRun run = new LoadRun(id, files, indices, loadIndices::claimsOf, sink, rejects, new Pseudonyms(properties.idHashKey()), keys,
					progress, i -> events.publishEvent(new InspectorExported(i.inspectorId(), i.name(), i.unit(), i.region(),
							i.certificateNo(), i.active(), i.conflicts())), agreementMeasures(),
					(from, to) -> records.period(id, from, to));
			try {
				counts = run.run();
			}
			finally {
				sink.close();
			}
			for (ExportFile f : ExportFile.values()) {
				refused.put(f, sink.refused(f));
			}
			if (sink.retried() > 0) {
				// a node lost or a shard moving mid-load: said, so that a test (or an operator) can see it rode through
				log.warn("load {}: {} documents sent again after a node or shard was unavailable", id, sink.retried());
			}
			withdraw(run.claimsToWithdraw());
		}
		finally {
			loadIndices.resumeRefresh();
		}
		List<FileCounts> result = new ArrayList<>();
		counts.forEach((file, c) -> {
			long rejected = c[1] + refused.get(file);
			result.add(new FileCounts(file.fileName(), c[0], c[0] - rejected, rejected));
		});
		return result;
	}

	/** Providers whose service agreement a FundGuard measure suspends or terminates today, with that status. */
	private Map<String, String> agreementMeasures() {
		LocalDate today = LocalDate.now(clock.withZone(Deadlines.BUREAU_ZONE));
		Map<String, String> statuses = new java.util.HashMap<>();
		for (String code : agreements.restrictedOn(today)) {
			statuses.put(code, agreements.statusOn(code, today));
		}
		return statuses;
	}

	/**
	 * Fee lines of settlements rejected at the end were already sent; take them out again, by index and id (the index
	 * named, since an alias over several years' indices takes no write).
	 */
	private void withdraw(List<LoadRun.Written> claims) {
		for (int i = 0; i < claims.size(); i += WITHDRAW_BATCH) {
			StringBuilder bulk = new StringBuilder();
			for (LoadRun.Written claim : claims.subList(i, Math.min(claims.size(), i + WITHDRAW_BATCH))) {
				bulk.append("{\"delete\":{\"_index\":").append(new com.fasterxml.jackson.databind.node.TextNode(claim.index()))
					.append(",\"_id\":").append(new com.fasterxml.jackson.databind.node.TextNode(claim.id())).append("}}\n");
			}
			elastic.send("POST", "/_bulk", bulk.toString());
		}
	}

	private LoadProgress heartbeat(String id, LoadProgress progress) {
		long[] last = { 0 };
		return (file, rows, bytesRead, totalBytes) -> {
			long now = System.nanoTime();
			if (now - last[0] > 2_000_000_000L) {
				last[0] = now;
				records.heartbeat(id, rows, bytesRead, totalBytes);
			}
			progress.update(file, rows, bytesRead, totalBytes);
		};
	}

	/** Where the command line saves a load's report; before the reports moved into the database, their only copy. */
	private Path rejectsFile(String id) {
		return loadsFolder.resolve(id).resolve("rejects.csv");
	}
}
