package org.fundguard.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import org.springframework.stereotype.Service;

/**
 * Envelope encryption with Google Tink's {@link KmsEnvelopeAead}: each call draws a fresh AES-256-GCM data key,
 * encrypts the content with it, and wraps the data key with the master keyset ({@link MasterKeys}); the output is
 * Tink's envelope wire format, {@code length of wrapped key (4 bytes) ‖ wrapped key ‖ ciphertext}. The context (the
 * table and row, say) is authenticated with the content, so sealed bytes moved to another row do not open. A
 * rotation re-wraps only the data keys: the contents are never decrypted for it.
 */
@Service
public class Sealer {

	private static final byte[] NO_CONTEXT = new byte[0];

	private final MasterKeys keys;

	Sealer(MasterKeys keys) {
		this.keys = keys;
	}

	/** A sealer over the keyset in that file (made when absent), outside Spring: for tools and tests. */
	public static Sealer withKeyFile(java.nio.file.Path file) {
		return new Sealer(new MasterKeys(new SealingProperties(null, file), file.getParent()));
	}

	public byte[] seal(byte[] plaintext, String context) {
		try {
			return envelope().encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot seal " + context, e);
		}
	}

	public byte[] open(byte[] sealed, String context) {
		try {
			return envelope().decrypt(sealed, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new SealBroken(context, e);
		}
	}

	public byte[] sealText(String text, String context) {
		return text == null ? null : seal(text.getBytes(StandardCharsets.UTF_8), context);
	}

	public String openText(byte[] sealed, String context) {
		return sealed == null ? null : new String(open(sealed, context), StandardCharsets.UTF_8);
	}

	/**
	 * The same envelope with its data key wrapped by the current primary master key, or null when it is already: the
	 * content's ciphertext is copied as it is.
	 */
	public byte[] rewrap(byte[] sealed) {
		ByteBuffer in = ByteBuffer.wrap(sealed);
		byte[] wrapped = wrappedKey(in);
		if (keyIdOf(wrapped) == keys.primaryKeyId()) {
			return null;
		}
		try {
			Aead master = keys.aead();
			byte[] rewrapped = master.encrypt(master.decrypt(wrapped, NO_CONTEXT), NO_CONTEXT);
			return ByteBuffer.allocate(4 + rewrapped.length + in.remaining()).putInt(rewrapped.length).put(rewrapped).put(in).array();
		}
		catch (GeneralSecurityException e) {
			throw new SealBroken("rewrap", e);
		}
	}

	/** The master key that wrapped the envelope's data key: Tink's 5-byte output prefix is version ‖ key id. */
	public static int masterKeyIdOf(byte[] sealed) {
		return keyIdOf(wrappedKey(ByteBuffer.wrap(sealed)));
	}

	/**
	 * Whether a rotation still has to re-wrap this envelope before the old keys may go: its data key is wrapped by a
	 * key of the set other than the primary. An envelope that no key of the set unwraps (a damaged file, or its key
	 * already gone) is unreadable whatever a retire does, so it does not hold the retire back for ever.
	 */
	public boolean wrappedByOtherKey(byte[] sealed) {
		try {
			return rewrap(sealed) != null;
		}
		catch (SealBroken unreadable) {
			return false;
		}
	}

	/** The wrapped data key at the start of an envelope; a damaged envelope is {@link SealBroken}, never a crash. */
	private static byte[] wrappedKey(ByteBuffer in) {
		if (in.remaining() < 4) {
			throw new SealBroken("envelope", null);
		}
		int wrappedLength = in.getInt();
		if (wrappedLength < 5 || wrappedLength > in.remaining()) {
			throw new SealBroken("envelope", null);
		}
		byte[] wrapped = new byte[wrappedLength];
		in.get(wrapped);
		return wrapped;
	}

	private static int keyIdOf(byte[] wrapped) {
		return ByteBuffer.wrap(wrapped, 1, 4).getInt();
	}

	/** Whether the envelope's data key is wrapped by the current primary master key. */
	public boolean underPrimaryKey(byte[] sealed) {
		return masterKeyIdOf(sealed) == keys.primaryKeyId();
	}

	private Aead envelope() throws GeneralSecurityException {
		return KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, keys.aead());
	}

	/** Sealed bytes that do not open: altered, moved to another row, or wrapped by a key no longer in the keyset. */
	public static class SealBroken extends RuntimeException {

		SealBroken(String context, Throwable cause) {
			super("sealed content does not open: " + context, cause);
		}
	}
}
