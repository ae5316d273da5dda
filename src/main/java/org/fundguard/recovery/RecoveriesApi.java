package org.fundguard.recovery;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The ledger for programs: the bureau's view with totals, the deductions export for the settlement system, and an
 * institution's own rows. Which role reaches which path is EndpointAccess's; which rows an institution reads is
 * decided here, from its provider code alone.
 */
@RestController
class RecoveriesApi {

	record Ledger(List<RecoveryEntry> entries, RecoveryTotals totals) {
	}

	/** An institution's view: its rows and its totals by month; no other institution appears in either. */
	record OwnLedger(String providerCode, List<RecoveryEntry> entries, RecoveryTotals.Total overall,
			List<RecoveryTotals.Total> byMonth) {
	}

	private final RecoveryLedger ledger;

	RecoveriesApi(RecoveryLedger ledger) {
		this.ledger = ledger;
	}

	@Operation(summary = "追回扣款台账及汇总 / the recovery ledger with totals by institution, month and rule")
	@GetMapping("/api/recoveries")
	Ledger list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String provider, @RequestParam(required = false) RecoverySource source,
			@RequestParam(required = false) String rule) {
		List<RecoveryEntry> entries = ledger.entries(RecoveryPeriod.checked(new RecoveryFilter(from, to, provider, source, rule)));
		return new Ledger(entries, RecoveryTotals.of(entries));
	}

	@Operation(summary = "扣款明细导出（结算系统，CSV，UTF-8，按行号去重）/ deductions for the settlement system, "
			+ "see docs/recovery-export.md")
	@GetMapping(path = "/api/recoveries/export", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> export(
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		List<RecoveryEntry> entries = ledger.entries(RecoveryPeriod.checked(new RecoveryFilter(from, to, null, null, null)));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("recoveries-" + from + "-" + to + ".csv")
				.build()
				.toString())
			.body(out -> {
				var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				RecoveryExport.write(entries, writer);
				writer.flush();
			});
	}

	@Operation(summary = "本机构的追回扣款及按月汇总 / the institution's own recoveries and its totals by month")
	@GetMapping("/api/institution/recoveries")
	OwnLedger own(Authentication authentication,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		CurrentUser user = CurrentUser.from(authentication);
		if (!user.institution()) {
			throw Refused.forbidden("recovery.institution-only");
		}
		List<RecoveryEntry> entries = ledger.entriesOf(user.providerCode(),
				RecoveryPeriod.checked(new RecoveryFilter(from, to, null, null, null)));
		RecoveryTotals totals = RecoveryTotals.of(entries);
		return new OwnLedger(user.providerCode(), entries, totals.overall(), totals.byMonth());
	}
}
