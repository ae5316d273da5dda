package org.fundguard.documents;

import java.util.List;
import java.util.Optional;

/**
 * Where the sealed content of documents is kept, by SHA-256, for every node alike. One interface so that the store,
 * the sealing and the import of an older node's folder do not care whether it is a table or an object store.
 */
interface DocumentContents {

	/** Keeps the sealed content under its hash unless content is kept there already; true when this call kept it. */
	boolean putIfAbsent(String sha256, byte[] sealed);

	boolean contains(String sha256);

	Optional<byte[]> get(String sha256);

	/** Replaces the sealed bytes of a content already kept (a key rotation's re-wrap); 0 when it is gone. */
	int replace(String sha256, byte[] sealed);

	/** Every hash kept, for the rotation to walk; the content is read one at a time. */
	List<String> hashes();
}
