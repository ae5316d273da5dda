package org.fundguard.identity;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./fundguard otp <user> [realm file]}: the current 6-digit code of a demo user's two-factor secret, imported
 * with the demo realm, and the otpauth:// URI that puts the same secret into an authenticator app. The demo's
 * directors, legal reviewers, report handlers and administrators must give a code at sign-in (the realm's flows), and
 * nobody has their phone. It reads the realm file only: no database, no services, like {@code draw verify}.
 */
public final class DemoOtpCommand {

	/** The realm's OTP policy (otpPolicy* in the realm file): TOTP, HmacSHA1, 6 digits, 30 seconds. */
	private static final Duration PERIOD = Duration.ofSeconds(30);
	private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(PERIOD, 6, "HmacSHA1");

	private DemoOtpCommand() {
	}

	public static int run(String[] args, PrintStream out) {
		if (args.length < 1 || args.length > 2) {
			System.err.println("用法 / usage: otp <用户名 user> [realm 文件 file]");
			return 2;
		}
		String username = args[0];
		Path realmFile = Path.of(args.length > 1 ? args[1] : "keycloak/fundguard-realm.json");
		JsonNode realm;
		try {
			realm = new ObjectMapper().readTree(realmFile.toFile());
		}
		catch (IOException e) {
			System.err.println("无法读取 realm 文件 / cannot read the realm file " + realmFile + ": " + e.getMessage());
			return 2;
		}
		Optional<byte[]> secret = secret(realm, username);
		if (secret.isEmpty()) {
			System.err.println("演示用户 " + username + " 没有预置动态口令（只有负责人、法制审核员、举报受理员和系统管理员需要）"
					+ " / demo user " + username + " has no imported two-factor secret");
			return 1;
		}
		Instant now = Instant.now();
		long left = PERIOD.toSeconds() - now.getEpochSecond() % PERIOD.toSeconds();
		out.println(username + " 当前动态口令 / current code: " + code(secret.get(), now) + "  (" + left + " 秒内有效 / valid "
				+ left + "s)");
		out.println("验证器 App / authenticator app: " + keyUri(realm.path("displayName").asText("FundGuard"), username, secret.get()));
		return 0;
	}

	/**
	 * The demo user's imported secret: Keycloak keeps the secret as text (secretData's value) and uses its UTF-8 bytes
	 * as the HMAC key (OTPCredentialProvider).
	 */
	static Optional<byte[]> secret(JsonNode realm, String username) {
		for (JsonNode user : realm.path("users")) {
			if (!user.path("username").asText().equals(username)) {
				continue;
			}
			for (JsonNode credential : user.path("credentials")) {
				if (credential.path("type").asText().equals("otp")) {
					try {
						String value = new ObjectMapper().readTree(credential.path("secretData").asText()).path("value").asText();
						return Optional.of(value.getBytes(StandardCharsets.UTF_8));
					}
					catch (IOException e) {
						throw new IllegalStateException("secretData of " + username + " is not JSON", e);
					}
				}
			}
		}
		return Optional.empty();
	}

	static String code(byte[] secret, Instant at) {
		try {
			return TOTP.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), at);
		}
		catch (InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Google's key URI format, as Keycloak's own enrolment page makes it (base32 secret without padding). */
	static String keyUri(String issuer, String username, byte[] secret) {
		String base32 = new Base32().encodeAsString(secret).replace("=", "");
		String label = URLEncoder.encode(issuer + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + base32 + "&digits=6&algorithm=SHA1&period=30&issuer="
				+ URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
