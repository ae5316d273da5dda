package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.binary.Base32;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Totp;
import org.junit.jupiter.api.Test;

/** {@code ./fundguard otp <user>}: the code a demo user's authenticator shows, from the realm file alone. */
class DemoOtpCommandTest {

	@Test
	void theCodesAreRfc6238s() {
		// RFC 6238, appendix B: the SHA-1 key, at 59 s and at 1111111109 s (8 digits there, the last 6 here)
		byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
		assertThat(DemoOtpCommand.code(key, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(DemoOtpCommand.code(key, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
	}

	@Test
	void aDirectorGetsTheCurrentCodeAndAnAuthenticatorUriOfHisImportedSecret() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = DemoOtpCommand.run(new String[] { "director1" }, new PrintStream(out, true, StandardCharsets.UTF_8));
		String printed = out.toString(StandardCharsets.UTF_8);

		assertThat(exit).isZero();
		byte[] secret = DemoUsers.otpSecret("director1").orElseThrow();
		Matcher code = Pattern.compile("current code: (\\d{6})").matcher(printed);
		assertThat(code.find()).as(printed).isTrue();
		// the code of the step it was printed in, or of the next one if the step changed meanwhile
		assertThat(code.group(1)).isIn(Totp.now(secret), DemoOtpCommand.code(secret, Instant.now().minusSeconds(30)));
		Matcher uri = Pattern.compile("otpauth://totp/[^?]+director1\\?secret=([A-Z2-7]+)&").matcher(printed);
		assertThat(uri.find()).as(printed).isTrue();
		assertThat(new Base32().decode(uri.group(1))).isEqualTo(secret);
	}

	@Test
	void anInspectorHasNoSecretAndAnUnknownRealmFileIsSaid() {
		PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		assertThat(DemoOtpCommand.run(new String[] { "inspector1" }, out)).isEqualTo(1);
		assertThat(DemoOtpCommand.run(new String[] { "director1", "no-such-realm.json" }, out)).isEqualTo(2);
		assertThat(DemoOtpCommand.run(new String[0], out)).isEqualTo(2);
	}
}
