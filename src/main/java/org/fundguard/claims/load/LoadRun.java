package org.fundguard.claims.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.fundguard.claims.load.CatalogRows.Item;
import org.fundguard.claims.load.CatalogRows.Provider;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.load.ClaimRows.FeeLine;
import org.fundguard.claims.load.ClaimRows.Settlement;
import org.fundguard.claims.load.PersonRows.Person;
import org.fundguard.claims.load.PoolRows.Inspector;
import org.fundguard.claims.load.PoolRows.LedgerMonth;
import org.fundguard.claims.load.Stored.PersonFacts;
import org.fundguard.claims.load.Stored.SettlementRecord;
import org.fundguard.claims.load.Stored.Totals;

/**
 * One load of one export folder, file by file in the order their references need: the catalogue first,
 * then persons, settlements, fee lines, and last the checks that need all of a settlement's lines.
 */
final class LoadRun {

	private static final int PROGRESS_EVERY = 5_000;

	private final String loadId;
	private final LoadFiles files;
	private final ClaimIndices indices;
	private final Function<LocalDateTime, String> claimsIndex;
	private final BulkSink sink;
	private final RejectsReport rejects;
	private final Pseudonyms pseudonyms;
	private final KeyStore keys;
	private final LoadProgress progress;
	private final Consumer<Inspector> inspectorPool;
	private final Map<String, String> agreementMeasures;
	private final BiConsumer<LocalDate, LocalDate> periodKnown;
	/** The period of the accepted settlements: earliest visit start, latest visit end or settlement day. */
	private LocalDate periodFrom;
	private LocalDate periodTo;
	private final Map<String, Provider> providers = new HashMap<>();
	/** Each catalogue item with its JSON fragments, written once and copied into every fee line of that item. */
	private final Map<String, CatalogItem> items = new HashMap<>();
	private final Map<ExportFile, long[]> counts = new EnumMap<>(ExportFile.class);
	private final List<Written> claimsToWithdraw = new ArrayList<>();
	private final long totalBytes;
	private long rowsRead;
	private long bytesOfFinishedFiles;

	/** A document written to a concrete index (a fee line to its settlement year's, when claims are split by year). */
	record Written(String index, String id) {
	}

	LoadRun(String loadId, LoadFiles files, ClaimIndices indices, Function<LocalDateTime, String> claimsIndex,
			BulkSink sink, RejectsReport rejects,
			Pseudonyms pseudonyms, KeyStore keys, LoadProgress progress, Consumer<Inspector> inspectorPool,
			Map<String, String> agreementMeasures, BiConsumer<LocalDate, LocalDate> periodKnown) throws IOException {
		this.loadId = loadId;
		this.files = files;
		this.indices = indices;
		this.claimsIndex = claimsIndex;
		this.sink = sink;
		this.rejects = rejects;
		this.pseudonyms = pseudonyms;
		this.keys = keys;
		this.progress = progress;
		this.inspectorPool = inspectorPool;
		this.agreementMeasures = agreementMeasures;
		this.periodKnown = periodKnown;
		this.totalBytes = files.totalBytes();
	}

	/** Loads everything; returns, per file, rows read and rejected (before Elasticsearch's own refusals). */
	Map<ExportFile, long[]> run() throws IOException, ExportReader.BadFile {
		if (files.catalogueOnly()) {
			// the rules read the restrictions from the items index when they run: loaded claims need no change
			items();
			return counts;
		}
		providers();
		items();
		each(ExportFile.PERSONS, row -> {
			uniqueKey(ExportFile.PERSONS, row, "person_id");
			Person p = PersonRows.person(row);
			String idHash = pseudonyms.idHash(p.idNumber());
			keys.addPerson(p.personId(), PersonFacts.of(p, idHash).pack());
			index(indices.persons(), p.personId(), ClaimDocuments.person(p, idHash, loadId), row);
		});
		each(ExportFile.SETTLEMENTS, this::settlement);
		if (periodFrom != null) {
			periodKnown.accept(periodFrom, periodTo);
		}
		feeLines();
		finishSettlements();
		if (files.has(ExportFile.INSPECTORS)) {
			each(ExportFile.INSPECTORS, this::inspector);
		}
		if (files.has(ExportFile.FUND_LEDGER)) {
			each(ExportFile.FUND_LEDGER, row -> {
				uniqueKey(ExportFile.FUND_LEDGER, row, "region", "insurance_type", "month");
				LedgerMonth m = PoolRows.ledgerMonth(row);
				index(indices.fundLedger(), ClaimDocuments.ledgerId(m), ClaimDocuments.ledgerMonth(m, loadId), row);
			});
		}
		return counts;
	}

	private void providers() throws IOException, ExportReader.BadFile {
		each(ExportFile.PROVIDERS, row -> {
			uniqueKey(ExportFile.PROVIDERS, row, "provider_code");
			// a suspension or termination decided in FundGuard outranks the export's status until it ends
			Provider read = CatalogRows.provider(row);
			Provider p = read.withAgreementStatus(agreementMeasures.get(read.code()));
			providers.put(p.code(), p);
			index(indices.providers(), p.code(), ClaimDocuments.provider(p, loadId), row);
		});
	}

	/**
	 * The catalogue. An item is indexed by its code, so that a later catalogue import replaces each item it lists
	 * and leaves the others as they were.
	 */
	private void items() throws IOException, ExportReader.BadFile {
		Set<String> itemCodesInFile = itemCodesInFile();
		each(ExportFile.ITEMS, row -> {
			uniqueKey(ExportFile.ITEMS, row, "item_code");
			Item i = CatalogRows.item(row, itemCodesInFile::contains);
			items.put(i.code(), new CatalogItem(i, ClaimDocuments.ItemParts.of(i)));
			index(indices.items(), i.code(), ClaimDocuments.item(i, loadId), row);
		});
	}

	/**
	 * The item_code of every row of items.csv, valid or not, read before the rows are checked: exclusive_with may name
	 * an item on a later row (see {@link Restrictions#read}). The catalogue is small; its codes fit in memory.
	 */
	private Set<String> itemCodesInFile() throws IOException, ExportReader.BadFile {
		Set<String> codes = new HashSet<>();
		List<ExportReader.BadRow> malformed = new ArrayList<>();
		try (ExportReader reader = files.open(ExportFile.ITEMS)) {
			Row row;
			while ((row = reader.next(malformed)) != null || !malformed.isEmpty()) {
				malformed.clear();
				String code = row == null ? null : row.text("item_code");
				if (code != null) {
					codes.add(code);
				}
			}
		}
		return codes;
	}

	/** Fee lines already indexed whose settlement turned out not to add up: they must go again. */
	List<Written> claimsToWithdraw() {
		return claimsToWithdraw;
	}

	private void settlement(Row row) throws BadValue {
		uniqueKey(ExportFile.SETTLEMENTS, row, "settlement_id");
		Settlement s = ClaimRows.settlement(row);
		if (keys.person(s.personId()) == null) {
			throw new BadValue("person_id", "person_id " + s.personId() + " is not in persons.csv (or its row was rejected)");
		}
		if (!providers.containsKey(s.providerCode())) {
			throw new BadValue("provider_code", "provider_code " + s.providerCode() + " is not in providers.csv (or its row was rejected)");
		}
		keys.addSettlement(s.settlementId(), SettlementRecord.pack(s, row.rowNumber(), row.lineNumber(), row.cells()));
		LocalDate last = s.settleTime().toLocalDate().isAfter(s.visitEnd()) ? s.settleTime().toLocalDate() : s.visitEnd();
		periodFrom = periodFrom == null || s.visitStart().isBefore(periodFrom) ? s.visitStart() : periodFrom;
		periodTo = periodTo == null || last.isAfter(periodTo) ? last : periodTo;
	}

	/**
	 * Fee lines usually come grouped by settlement, so the current settlement and its totals stay at hand; every line's
	 * document is written in the same buffer, which the sink copies from.
	 */
	private void feeLines() throws IOException, ExportReader.BadFile {
		JsonDocument claim = new JsonDocument(4096);
		var current = new Object() {
			String id;
			Settlement settlement;
			PersonFacts person;
			byte[] documentPart;
			String index;
			Totals totals;

			void save() {
				if (id != null) {
					keys.saveTotals(id, totals.pack());
				}
				id = null;
			}
		};
		each(ExportFile.FEE_ITEMS, row -> {
			FeeLine line = ClaimRows.feeLine(row);
			if (!line.settlementId().equals(current.id)) {
				current.save();
				byte[] packed = keys.settlement(line.settlementId());
				if (packed == null) {
					throw new BadValue("settlement_id", "settlement_id " + line.settlementId()
							+ " is not in settlements.csv (or its row was rejected)");
				}
				current.settlement = SettlementRecord.unpack(packed).s();
				current.person = PersonFacts.unpack(keys.person(current.settlement.personId()));
				current.totals = Totals.unpack(keys.totals(line.settlementId()));
				current.documentPart = ClaimDocuments.settlementPart(current.settlement, current.person,
						providers.get(current.settlement.providerCode()), loadId);
				current.index = claimsIndex.apply(current.settlement.settleTime());
				current.id = line.settlementId();
			}
			if (!current.totals.lineNumbers.add(line.lineNo())) {
				throw new BadValue("line_no", "duplicate key: line_no " + line.lineNo() + " repeats within settlement "
						+ line.settlementId());
			}
			CatalogItem catalogued = items.get(line.itemCode());
			if (catalogued == null) {
				throw new BadValue("item_code", "item_code " + line.itemCode() + " is not in items.csv (or its row was rejected)");
			}
			Item item = catalogued.item();
			Settlement s = current.settlement;
			var day = line.itemTime().toLocalDate();
			if (day.isBefore(s.visitStart()) || day.isAfter(s.visitEnd())) {
				throw new BadValue("item_time", line.itemTime().format(Row.DATE_TIME) + " is outside the settlement's visit "
						+ s.visitStart() + " – " + s.visitEnd());
			}
			current.totals.add(line.amount(), item.tags());
			index(current.index, ClaimDocuments.claimId(line),
					ClaimDocuments.claim(claim, line, s, current.documentPart, item, catalogued.parts()), row);
		});
		current.save();
	}

	/** Now that every line is in, each settlement's lines must add up to its total within 0.01 per line. */
	private void finishSettlements() {
		long[] settlementCounts = counts.get(ExportFile.SETTLEMENTS);
		long[] lineCounts = counts.get(ExportFile.FEE_ITEMS);
		var entries = keys.settlements();
		while (entries.hasNext()) {
			SettlementRecord record = SettlementRecord.unpack(entries.next().getValue());
			Settlement s = record.s();
			Totals totals = Totals.unpack(keys.totals(s.settlementId()));
			BigDecimal tolerance = ClaimRows.CENT.multiply(BigDecimal.valueOf(totals.lines));
			if (totals.amount.subtract(s.totalAmount()).abs().compareTo(tolerance) > 0) {
				rejects.reject(ExportFile.SETTLEMENTS, record.rowNumber(), record.lineNumber(), "total_amount",
						"its " + totals.lines + " fee line(s) add up to " + totals.amount.toPlainString() + ", not total_amount "
								+ s.totalAmount().toPlainString() + "; the settlement and its fee lines are not loaded",
						record.raw());
				settlementCounts[1]++;
				lineCounts[1] += totals.lines;
				String claimsOfIt = claimsIndex.apply(s.settleTime());
				totals.lineNumbers.forEach(n -> claimsToWithdraw.add(new Written(claimsOfIt, ClaimDocuments.claimId(s.settlementId(), n))));
				continue;
			}
			PersonFacts person = PersonFacts.unpack(keys.person(s.personId()));
			sink.index(indices.settlements(), s.settlementId(),
					ClaimDocuments.settlement(s, person, providers.get(s.providerCode()), totals, loadId),
					new BulkSink.Source(ExportFile.SETTLEMENTS, record.rowNumber(), record.lineNumber()));
		}
	}

	private void inspector(Row row) throws BadValue {
		uniqueKey(ExportFile.INSPECTORS, row, "inspector_id");
		Inspector inspector = PoolRows.inspector(row);
		for (String code : inspector.conflicts()) {
			if (!providers.containsKey(code)) {
				throw new BadValue("conflicts", "provider " + code + " is not in providers.csv (or its row was rejected)");
			}
		}
		inspectorPool.accept(inspector);
	}

	/** A repeated key rejects the row, whether or not the row that first had the key was valid. */
	private void uniqueKey(ExportFile file, Row row, String... keyColumns) throws BadValue {
		StringBuilder key = new StringBuilder();
		for (String column : keyColumns) {
			key.append(row.required(column)).append('|');
		}
		if (!keys.firstTimeSeen(file, key.toString())) {
			throw new BadValue(keyColumns[keyColumns.length - 1],
					"duplicate key " + key.substring(0, key.length() - 1) + ": the key was already used in this file");
		}
	}

	private void index(String alias, String id, byte[] document, Row row) {
		sink.index(alias, id, document, new BulkSink.Source(currentFile, row.rowNumber(), row.lineNumber()));
	}

	private void index(String alias, String id, JsonDocument document, Row row) {
		sink.index(alias, id, document, new BulkSink.Source(currentFile, row.rowNumber(), row.lineNumber()));
	}

	private ExportFile currentFile;

	@FunctionalInterface
	private interface RowHandler {
		void handle(Row row) throws BadValue;
	}

	private void each(ExportFile file, RowHandler handler) throws IOException, ExportReader.BadFile {
		long[] fileCounts = counts.computeIfAbsent(file, f -> new long[2]);
		currentFile = file;
		List<ExportReader.BadRow> malformed = new ArrayList<>();
		try (ExportReader reader = files.open(file)) {
			Row row;
			while ((row = reader.next(malformed)) != null || !malformed.isEmpty()) {
				for (ExportReader.BadRow bad : malformed) {
					fileCounts[0]++;
					fileCounts[1]++;
					rejects.reject(file, bad.rowNumber(), bad.line(), bad.column(), bad.reason(), bad.raw(), bad.rawLength());
				}
				malformed.clear();
				if (row == null) {
					continue;
				}
				fileCounts[0]++;
				try {
					handler.handle(row);
				}
				catch (BadValue bad) {
					fileCounts[1]++;
					rejects.reject(file, row, bad.column(), bad.getMessage());
				}
				if (++rowsRead % PROGRESS_EVERY == 0) {
					progress.update(file.fileName(), rowsRead, bytesOfFinishedFiles + reader.bytesRead(), totalBytes);
				}
			}
			bytesOfFinishedFiles += reader.bytesRead();
			progress.update(file.fileName(), rowsRead, bytesOfFinishedFiles, totalBytes);
		}
	}

	private record CatalogItem(Item item, ClaimDocuments.ItemParts parts) {
	}
}
