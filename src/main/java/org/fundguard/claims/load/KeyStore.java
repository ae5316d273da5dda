package org.fundguard.claims.load;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;

/**
 * What a load must remember across files (which persons and settlements exist, what their fee lines add
 * up to) kept in a disk-backed map with a fixed cache, so that the heap stays the same whether the export
 * has a thousand settlements or ten million. One store per load, deleted when the load ends.
 * <p>
 * RocksDB was tried in its place (issue 16) and cost more: for the 563,000 settlements of the 2-million-line
 * benchmark, the key store's work alone took 18.8 CPU-s against H2's 10.6 (JNI and a block read per lookup of a
 * settlement, where MVStore finds most pages in its own cache), so H2 stays.
 */
final class KeyStore implements Closeable {

	static final char SEP = '\u001F';
	private static final int UNSAVED_KB = 8 * 1024;

	private final Path file;
	private final MVStore store;
	private final MVMap<String, String> persons;
	private final MVMap<String, String> settlements;
	private final MVMap<String, String> totals;
	private final MVMap<String, String> seenKeys;

	KeyStore(Path file, int cacheMegabytes) throws IOException {
		this.file = file;
		Files.deleteIfExists(file);
		// changes are written out once 8 MB of them are pending rather than H2's 1 MB: a settlement's totals and the
		// inner pages above them change again and again while a load runs, and each write serialises them anew (the
		// background writer was a tenth of the loader's CPU); 8 MB more heap is well within the loader's bound
		this.store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes)
			.autoCommitBufferSize(UNSAVED_KB)
			.open();
		this.persons = store.openMap("persons", strings());
		this.settlements = store.openMap("settlements", strings());
		this.totals = store.openMap("totals", strings());
		this.seenKeys = store.openMap("seen-keys", strings());
	}

	/** Strings only: the default object type finds each key's and value's type anew, a visible cost per access. */
	private static MVMap.Builder<String, String> strings() {
		return new MVMap.Builder<String, String>().keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE);
	}

	void addPerson(String personId, String packedFacts) {
		persons.put(personId, packedFacts);
	}

	String person(String personId) {
		return persons.get(personId);
	}

	void addSettlement(String settlementId, String packed) {
		settlements.put(settlementId, packed);
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

	/**
	 * Notes a row's key, valid row or not; false when the key was seen before in the same file. A repeated
	 * key is a rejected row even when the first row with that key was itself rejected.
	 */
	boolean firstTimeSeen(ExportFile file, String key) {
		return seenKeys.putIfAbsent(file.ordinal() + "|" + key, "") == null;
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

	/** The fields of {@link #pack}, empty ones included; by hand, as String.split's list and copy showed in profiles. */
	static String[] unpack(String packed) {
		int count = 1;
		for (int i = packed.indexOf(SEP); i >= 0; i = packed.indexOf(SEP, i + 1)) {
			count++;
		}
		String[] fields = new String[count];
		int start = 0;
		for (int f = 0; f < count - 1; f++) {
			int end = packed.indexOf(SEP, start);
			fields[f] = packed.substring(start, end);
			start = end + 1;
		}
		fields[count - 1] = packed.substring(start);
		return fields;
	}

	@Override
	public void close() throws IOException {
		store.closeImmediately();
		Files.deleteIfExists(file);
	}
}
