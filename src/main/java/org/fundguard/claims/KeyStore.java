package org.fundguard.claims;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * What a load must remember across files (which persons and settlements exist, what their fee lines add
 * up to) kept in a disk-backed map with a fixed cache, so that the heap stays the same whether the export
 * has a thousand settlements or ten million. One store per load, deleted when the load ends.
 */
final class KeyStore implements Closeable {

	static final char SEP = '\u001F';

	private final Path file;
	private final MVStore store;
	private final MVMap<String, String> persons;
	private final MVMap<String, String> settlements;
	private final MVMap<String, String> totals;
	private final MVMap<String, String> ledger;

	KeyStore(Path file, int cacheMegabytes) throws IOException {
		this.file = file;
		Files.deleteIfExists(file);
		this.store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).open();
		this.persons = store.openMap("persons");
		this.settlements = store.openMap("settlements");
		this.totals = store.openMap("totals");
		this.ledger = store.openMap("ledger");
	}

	/** Remembers a person; false when the key was seen before in this export. */
	boolean addPerson(String personId, String packedFacts) {
		return persons.putIfAbsent(personId, packedFacts) == null;
	}

	String person(String personId) {
		return persons.get(personId);
	}

	boolean addSettlement(String settlementId, String packed) {
		return settlements.putIfAbsent(settlementId, packed) == null;
	}

	String settlement(String settlementId) {
		return settlements.get(settlementId);
	}

	Iterator<Map.Entry<String, String>> settlements() {
		return settlements.entrySet().iterator();
	}

	String totals(String settlementId) {
		return totals.get(settlementId);
	}

	void saveTotals(String settlementId, String packed) {
		totals.put(settlementId, packed);
	}

	boolean addLedgerMonth(String key) {
		return ledger.putIfAbsent(key, "") == null;
	}

	static String pack(Object... values) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				s.append(SEP);
			}
			if (values[i] != null) {
				s.append(values[i]);
			}
		}
		return s.toString();
	}

	static String[] unpack(String packed) {
		return packed.split(String.valueOf(SEP), -1);
	}

	@Override
	public void close() throws IOException {
		store.closeImmediately();
		Files.deleteIfExists(file);
	}
}
