package org.fundguard.claims.load;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
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

	private static final int UNSAVED_KB = 8 * 1024;
	private static final byte[] NOTHING = new byte[0];

	private final Path file;
	private final MVStore store;
	private final MVMap<String, byte[]> persons;
	private final MVMap<String, byte[]> settlements;
	private final MVMap<String, byte[]> totals;
	private final MVMap<String, byte[]> seenKeys;

	KeyStore(Path file, int cacheMegabytes) throws IOException {
		this.file = file;
		Files.deleteIfExists(file);
		// changes are written out once 8 MB of them are pending rather than H2's 1 MB: a settlement's totals and the
		// inner pages above them change again and again while a load runs, and each write serialises them anew (the
		// background writer was a tenth of the loader's CPU); 8 MB more heap is well within the loader's bound
		this.store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes)
			.autoCommitBufferSize(UNSAVED_KB)
			.open();
		this.persons = store.openMap("persons", packed());
		this.settlements = store.openMap("settlements", packed());
		this.totals = store.openMap("totals", packed());
		this.seenKeys = store.openMap("seen-keys", packed());
	}

	/**
	 * Keys as strings, values as {@link Packing}'s bytes: the default object type finds each key's and value's type
	 * anew, a visible cost per access, and a string value is written and read char by char.
	 */
	private static MVMap.Builder<String, byte[]> packed() {
		return new MVMap.Builder<String, byte[]>().keyType(StringDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE);
	}

	void addPerson(String personId, byte[] packedFacts) {
		persons.put(personId, packedFacts);
	}

	byte[] person(String personId) {
		return persons.get(personId);
	}

	void addSettlement(String settlementId, byte[] packed) {
		settlements.put(settlementId, packed);
	}

	byte[] settlement(String settlementId) {
		return settlements.get(settlementId);
	}

	Iterator<Map.Entry<String, byte[]>> settlements() {
		return settlements.entrySet().iterator();
	}

	byte[] totals(String settlementId) {
		return totals.get(settlementId);
	}

	void saveTotals(String settlementId, byte[] packed) {
		totals.put(settlementId, packed);
	}

	/**
	 * Notes a row's key, valid row or not; false when the key was seen before in the same file. A repeated
	 * key is a rejected row even when the first row with that key was itself rejected.
	 */
	boolean firstTimeSeen(ExportFile file, String key) {
		return seenKeys.putIfAbsent(file.ordinal() + "|" + key, NOTHING) == null;
	}

	@Override
	public void close() throws IOException {
		store.closeImmediately();
		Files.deleteIfExists(file);
	}
}
