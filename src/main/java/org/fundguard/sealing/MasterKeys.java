package org.fundguard.sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The master keyset (AES-256-GCM keys in a Tink keyset): the primary key wraps new data keys, the others still unwrap
 * the data keys they wrapped. The file is read again whenever it changes, so that a rotation made by the command is
 * taken up by a running application without a restart.
 */
@Component
class MasterKeys {

	private final SealingProperties properties;
	private final Path file;
	private volatile Loaded loaded;

	private record Loaded(KeysetHandle handle, Aead aead, FileTime modified) {
	}

	MasterKeys(SealingProperties properties, @Value("${fundguard.data-dir}") Path dataDir) {
		this.properties = properties;
		this.file = properties.keyFile() != null ? properties.keyFile() : dataDir.resolve("keys").resolve("master-keyset.json");
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Tink's AEAD cannot be registered", e);
		}
	}

	/** The AEAD of the current keyset: encrypts with the primary key, decrypts with any key of the set. */
	Aead aead() {
		return current().aead();
	}

	int primaryKeyId() {
		return current().handle().getPrimary().getId();
	}

	KeysetHandle handle() {
		return current().handle();
	}

	private Loaded current() {
		Loaded now = loaded;
		if (properties.keyset() != null && !properties.keyset().isBlank()) {
			if (now == null) {
				loaded = now = load(properties.keyset(), null);
			}
			return now;
		}
		try {
			if (!Files.exists(file)) {
				create();
			}
			FileTime modified = Files.getLastModifiedTime(file);
			if (now == null || !now.modified().equals(modified)) {
				synchronized (this) {
					loaded = now = load(Files.readString(file), modified);
				}
			}
			return now;
		}
		catch (IOException e) {
			throw new UncheckedIOException("the master keyset " + file + " cannot be read", e);
		}
	}

	/** Adds a new primary key; the old ones stay to unwrap what they wrapped until {@link #retire}. */
	synchronized int rotate() {
		KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle());
		builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary());
		return write(build(builder)).getPrimary().getId();
	}

	/** Removes every key but the primary: call only when nothing is wrapped by them any more. */
	synchronized int retire() {
		KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle());
		int removed = 0;
		for (int i = builder.size() - 1; i >= 0; i--) {
			if (!builder.getAt(i).isPrimary()) {
				builder.deleteAt(i);
				removed++;
			}
		}
		write(build(builder));
		return removed;
	}

	Set<Integer> keyIds() {
		KeysetHandle h = handle();
		java.util.Set<Integer> ids = new java.util.TreeSet<>();
		for (int i = 0; i < h.size(); i++) {
			if (h.getAt(i).getStatus() == KeyStatus.ENABLED) {
				ids.add(h.getAt(i).getId());
			}
		}
		return ids;
	}

	/**
	 * The first keyset, unless another node made one meanwhile: nodes that share the file and start together would
	 * otherwise each make their own, the last one replacing the others', and what the others sealed in the meantime
	 * would never open again. A hard link publishes the file only where none exists, atomically.
	 */
	private void create() throws IOException {
		KeysetHandle handle;
		try {
			handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("a master key cannot be generated", e);
		}
		Path tmp = temporary(handle);
		try {
			Files.createLink(file, tmp);
		}
		catch (java.nio.file.FileAlreadyExistsException another) {
			// another node made it first: theirs it is
		}
		catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
			// a file system without hard links (SMB, many FUSE mounts) refuses the link with an error of its own; there
			// the copy (owner-only, as the temporary file) is made only where no file exists, so the first node's stays;
			// a node reading it while it is being copied could fail, so on such a mount start one node first
			try {
				Files.copy(tmp, file, StandardCopyOption.COPY_ATTRIBUTES);
			}
			catch (java.nio.file.FileAlreadyExistsException another) {
				// another node made it first: theirs it is
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
		loaded = null;
	}

	private KeysetHandle write(KeysetHandle handle) {
		if (properties.keyset() != null && !properties.keyset().isBlank()) {
			throw new IllegalStateException("the master keyset comes from FUNDGUARD_SEALING_KEYSET: rotate it where it is kept");
		}
		try {
			Files.move(temporary(handle), file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			loaded = null;
			return handle;
		}
		catch (IOException e) {
			throw new UncheckedIOException("the master keyset " + file + " cannot be written", e);
		}
	}

	/** The keyset in a new file beside the master keyset's, readable by the owner only. */
	private Path temporary(KeysetHandle handle) throws IOException {
		Files.createDirectories(file.getParent());
		Path tmp = Files.createTempFile(file.getParent(), "master-keyset", ".tmp");
		try {
			Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// a file system without POSIX permissions keeps its own access rules
		}
		try {
			Files.writeString(tmp, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
		}
		catch (GeneralSecurityException e) {
			Files.deleteIfExists(tmp);
			throw new IllegalStateException("the master keyset cannot be serialised", e);
		}
		return tmp;
	}

	private static KeysetHandle build(KeysetHandle.Builder builder) {
		try {
			return builder.build();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the master keyset cannot be changed", e);
		}
	}

	private static Loaded load(String json, FileTime modified) {
		try {
			KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
			return new Loaded(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class), modified);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the master keyset is not a valid Tink AEAD keyset", e);
		}
	}
}
