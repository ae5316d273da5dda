package org.fundguard.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the receipt codes' HMAC key comes from: {@code fundguard.reports.receipt.key}
 * ({@code FUNDGUARD_REPORTS_RECEIPT_KEY}) when set, which every node of a cluster must share; otherwise a random
 * key made once and kept, readable by the owner only, in the data folder. Losing the key makes every receipt
 * code useless, so it belongs in the installation's backup.
 */
@Configuration
class ReceiptKey {

	@Bean
	ReceiptCodes receiptCodes(ReportsProperties properties, @Value("${fundguard.data-dir}") Path dataDir) {
		return new ReceiptCodes(key(properties.receipt().key(), dataDir.resolve("reports").resolve("receipt-hmac.key")),
				properties.receipt().length());
	}

	static byte[] key(String configured, Path keyFile) {
		if (!configured.isBlank()) {
			byte[] key = configured.getBytes(StandardCharsets.UTF_8);
			if (key.length < 32) {
				throw new IllegalStateException(
						"FUNDGUARD_REPORTS_RECEIPT_KEY needs at least 32 characters");
			}
			return key;
		}
		try {
			if (!Files.exists(keyFile)) {
				Files.createDirectories(keyFile.getParent());
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Path tmp = Files.createTempFile(keyFile.getParent(), "receipt", ".part");
				ownerOnly(tmp);
				Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
				try {
					Files.move(tmp, keyFile);
				}
				catch (FileAlreadyExistsException raced) {
					Files.delete(tmp);
				}
			}
			return Base64.getDecoder().decode(Files.readString(keyFile).strip());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the receipt key file " + keyFile, e);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the data folder's own permissions apply
		}
	}
}
