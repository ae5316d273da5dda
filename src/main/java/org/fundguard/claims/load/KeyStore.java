package org.fundguard.claims.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * What a load must remember across files (which persons and settlements exist, what their fee lines add up to),
 * kept on disk in RocksDB so that the heap stays the same whether the export has a thousand settlements or ten
 * million. One store per load, deleted when the load ends; a killed load leaves its folder behind and its rerun
 * starts a store of its own, so nothing here needs to survive a crash: the write-ahead log is off.
 * <p>
 * Its memory is native, outside the heap, and capped by {@code cacheBytes}: the block cache has that size and the
 * memtables (at most half of it) are charged to the same cache. H2's MVStore, used before, cost about a fifth of
 * the loader's CPU reading evicted pages back and serialising them in the background; RocksDB's bloom filters
 * answer most "not there" questions (a settlement's first totals, a first-seen key) without reading a block.
 */
final class KeyStore implements Closeable {

	static final char SEP = '\u001F';

	private static final byte PERSON = 'P';
	private static final byte SETTLEMENT = 'S';
	private static final byte TOTALS = 'T';
	private static final byte SEEN = 'K';
	private static final byte[] EMPTY = new byte[0];

	static {
		RocksDB.loadLibrary();
	}

	private final Path folder;
	private final LRUCache cache;
	private final WriteBufferManager writeBuffers;
	private final BloomFilter bloom;
	private final Options options;
	private final WriteOptions writes;
	private final ReadOptions reads;
	private final RocksDB db;
	/** The scan of all settlements, if one is open: it must be closed before the store is. */
	private RocksIterator scan;

	KeyStore(Path folder, long cacheBytes) throws IOException {
		this.folder = folder;
		delete(folder);
		Files.createDirectories(folder.getParent());
		long cacheSize = Math.max(8L << 20, cacheBytes);
		this.cache = new LRUCache(cacheSize);
		this.writeBuffers = new WriteBufferManager(cacheSize / 2, cache);
		this.bloom = new BloomFilter(10);
		this.options = new Options().setCreateIfMissing(true)
			.setWriteBufferManager(writeBuffers)
			.setWriteBufferSize(Math.min(16L << 20, cacheSize / 4))
			.setMaxWriteBufferNumber(2)
			.setMaxBackgroundJobs(1) // the machine's other core belongs to Elasticsearch
			.setCompressionType(CompressionType.NO_COMPRESSION) // a store of minutes: CPU is dearer than its disk
			.setMaxOpenFiles(256)
			.setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache)
				.setFilterPolicy(bloom)
				.setCacheIndexAndFilterBlocks(true)
				.setPinL0FilterAndIndexBlocksInCache(true));
		this.writes = new WriteOptions().setDisableWAL(true);
		this.reads = new ReadOptions().setVerifyChecksums(false);
		try {
			this.db = RocksDB.open(options, folder.toString());
		}
		catch (RocksDBException e) {
			closeOptions();
			throw new IOException("cannot open the load's key store in " + folder + ": " + e.getMessage(), e);
		}
	}

	void addPerson(String personId, String packedFacts) {
		put(PERSON, personId, packedFacts);
	}

	String person(String personId) {
		return get(PERSON, personId);
	}

	void addSettlement(String settlementId, String packed) {
		put(SETTLEMENT, settlementId, packed);
	}

	String settlement(String settlementId) {
		return get(SETTLEMENT, settlementId);
	}

	/** All settlements, in the order of their ids. */
	Iterator<Map.Entry<String, String>> settlements() {
		RocksIterator cursor = db.newIterator(reads);
		scan = cursor;
		cursor.seek(new byte[] { SETTLEMENT });
		return new Iterator<>() {

			private boolean open = true;

			@Override
			public boolean hasNext() {
				if (!open) {
					return false;
				}
				if (cursor.isValid() && cursor.key()[0] == SETTLEMENT) {
					return true;
				}
				open = false;
				cursor.close();
				scan = null;
				return false;
			}

			@Override
			public Map.Entry<String, String> next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				byte[] key = cursor.key();
				var entry = Map.entry(new String(key, 1, key.length - 1, StandardCharsets.UTF_8),
						new String(cursor.value(), StandardCharsets.UTF_8));
				cursor.next();
				return entry;
			}
		};
	}

	String totals(String settlementId) {
		return get(TOTALS, settlementId);
	}

	void saveTotals(String settlementId, String packed) {
		put(TOTALS, settlementId, packed);
	}

	/**
	 * Notes a row's key, valid row or not; false when the key was seen before in the same file. A repeated
	 * key is a rejected row even when the first row with that key was itself rejected. One load writes its store
	 * from one thread, so the read and the write need no lock between them.
	 */
	boolean firstTimeSeen(ExportFile file, String key) {
		byte[] k = key(SEEN, file.ordinal() + "|" + key);
		try {
			if (db.keyMayExist(k, null) && db.get(reads, k) != null) {
				return false;
			}
			db.put(writes, k, EMPTY);
			return true;
		}
		catch (RocksDBException e) {
			throw failed(e);
		}
	}

	private void put(byte kind, String key, String value) {
		try {
			db.put(writes, key(kind, key), value.getBytes(StandardCharsets.UTF_8));
		}
		catch (RocksDBException e) {
			throw failed(e);
		}
	}

	private String get(byte kind, String key) {
		try {
			byte[] value = db.get(reads, key(kind, key));
			return value == null ? null : new String(value, StandardCharsets.UTF_8);
		}
		catch (RocksDBException e) {
			throw failed(e);
		}
	}

	private static byte[] key(byte kind, String key) {
		byte[] text = key.getBytes(StandardCharsets.UTF_8);
		byte[] k = new byte[text.length + 1];
		k[0] = kind;
		System.arraycopy(text, 0, k, 1, text.length);
		return k;
	}

	/** The disk is full or the store's folder went away: the load cannot go on, and says why. */
	private UncheckedIOException failed(RocksDBException e) {
		return new UncheckedIOException(new IOException("the load's key store in " + folder + " failed: " + e.getMessage(), e));
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

	private void closeOptions() {
		reads.close();
		writes.close();
		options.close();
		bloom.close();
		writeBuffers.close();
		cache.close();
	}

	@Override
	public void close() throws IOException {
		if (scan != null) {
			scan.close();
		}
		try {
			db.closeE();
		}
		catch (RocksDBException e) {
			// the store is thrown away next, so a failure to close it cleanly loses nothing
		}
		finally {
			closeOptions();
		}
		delete(folder);
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> all = Files.walk(folder)) {
			for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
