package org.fundguard.claims.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;

import org.fundguard.identity.PersonalData;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal data never reaches Elasticsearch in clear. The identity number becomes a keyed hash: equal
 * numbers still match (duplicate enrollment is found), but without the key nobody can test a guessed
 * number against the index. Names are masked to the family name.
 */
final class Pseudonyms {

	private final SecretKeySpec key;
	private final ThreadLocal<Mac> mac;

	Pseudonyms(String secret) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalStateException("fundguard.privacy.id-hash-key (FUNDGUARD_ID_HASH_KEY) must be set to a secret "
					+ "of at least 16 characters before claims can be loaded; ./fundguard up generates one locally");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.mac = ThreadLocal.withInitial(this::newMac);
	}

	String idHash(String idNumber) {
		return HexFormat.of().formatHex(mac.get().doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
	}

	/** 张伟 → 张*, 欧阳娜娜 → 欧***; the length shows, the given name does not. */
	static String maskName(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		return PersonalData.maskName(name);
	}

	private Mac newMac() {
		try {
			Mac m = Mac.getInstance("HmacSHA256");
			m.init(key);
			return m;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
