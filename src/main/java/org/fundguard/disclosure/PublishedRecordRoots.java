package org.fundguard.disclosure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fundguard.penalties.PenaltyCase;
import org.fundguard.penalties.Penalties;
import org.fundguard.record.DailyRoot;
import org.fundguard.record.DailyRoots;
import org.fundguard.record.RootProof;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 执法记录每日根哈希: the daily roots over every case's enforcement record, open to anyone, and the inclusion proof of
 * a published decision's case. Proofs are given for published decisions only: a proof names a case and the length of
 * its record, and the existence of an unpublished case is not the public's to know.
 */
@Controller
class PublishedRecordRoots {

	private final DailyRoots roots;
	private final Penalties penalties;

	PublishedRecordRoots(DailyRoots roots, Penalties penalties) {
		this.roots = roots;
		this.penalties = penalties;
	}

	@GetMapping("/public/record-roots")
	String list(Model model) {
		model.addAttribute("roots", roots.roots(366));
		return "disclosure/record-roots";
	}

	/** The proof as a file to keep and check offline ({@code fundguard record verify --root proof.json}). */
	@GetMapping("/public/record-roots/{day}/proof")
	ResponseEntity<Map<String, Object>> proof(@PathVariable String day, @RequestParam long decision) {
		PenaltyCase published = penalties.publishedOne(decision)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		LocalDate on = "latest".equals(day) ? roots.roots(1).stream().findFirst().map(DailyRoot::day).orElse(null)
				: parse(day);
		RootProof proof = on == null ? null : roots.proof(on, published.caseId()).orElse(null);
		if (proof == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("caseNumber", published.caseNumber());
		body.put("decisionNumber", published.decision().number());
		body.put("day", proof.day());
		body.put("caseId", proof.caseId());
		body.put("length", proof.length());
		body.put("headHash", proof.headHash());
		body.put("leafIndex", proof.leafIndex());
		body.put("treeSize", proof.treeSize());
		body.put("path", proof.path());
		body.put("rootHash", proof.rootHash());
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"record-proof-" + proof.day() + "-" + decision + ".json\"")
			.body(body);
	}

	private static LocalDate parse(String day) {
		try {
			return LocalDate.parse(day);
		}
		catch (java.time.DateTimeException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}
}
