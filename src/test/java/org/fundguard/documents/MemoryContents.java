package org.fundguard.documents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The content store as a map, for unit tests of what is built on it; the table itself is tested by the ITs. */
class MemoryContents implements DocumentContents {

	final Map<String, byte[]> rows = new ConcurrentSkipListMap<>();

	@Override
	public boolean putIfAbsent(String sha256, byte[] sealed) {
		return rows.putIfAbsent(sha256, sealed) == null;
	}

	@Override
	public boolean contains(String sha256) {
		return rows.containsKey(sha256);
	}

	@Override
	public Optional<byte[]> get(String sha256) {
		return Optional.ofNullable(rows.get(sha256));
	}

	@Override
	public int replace(String sha256, byte[] sealed) {
		return rows.replace(sha256, sealed) == null ? 0 : 1;
	}

	@Override
	public List<String> hashes() {
		return List.copyOf(rows.keySet());
	}
}
