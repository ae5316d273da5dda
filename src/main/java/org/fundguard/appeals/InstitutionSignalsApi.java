package org.fundguard.appeals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.fundguard.appeals.SignalReviewVariables.Answer;
import org.fundguard.appeals.SignalViews.SignalView;
import org.fundguard.documents.StoredDocument;
import org.fundguard.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The issued signals of the calling institution (its user's token or its system's client-credentials token, bound to
 * a provider code): list, one by id (404 when it is another institution's), answer one or several, upload documents.
 */
@RestController
@RequestMapping("/api/institution/signals")
class InstitutionSignalsApi {

	private final InstitutionSignals signals;
	private final SignalViews views;

	InstitutionSignalsApi(InstitutionSignals signals, SignalViews views) {
		this.signals = signals;
		this.views = views;
	}

	/** Body: {"answer": "ACCEPT"|"APPEAL", "explanation": "…", "documentIds": ["…"]}. */
	record AnswerBody(Answer answer, String explanation, List<String> documentIds) {
	}

	/** Body: {"ids": ["…"], "answer": "ACCEPT"|"APPEAL", "explanation": "…"}. */
	record BulkAnswer(List<String> ids, Answer answer, String explanation) {
	}

	@Operation(summary = "本机构的下发疑点 / the institution's issued signals")
	@GetMapping
	List<SignalView> list(Authentication auth) {
		return views.of(signals.list(CurrentUser.from(auth)));
	}

	@Operation(summary = "一条下发疑点（他机构的疑点答复 404）/ one issued signal (404 for another institution's)")
	@GetMapping("/{id}")
	SignalView get(@PathVariable String id, Authentication auth) {
		return views.of(signals.get(CurrentUser.from(auth), id));
	}

	@Operation(summary = "答复一条疑点：确认或申诉 / answer one signal: accept or appeal")
	@PostMapping("/{id}/answer")
	SignalView answer(@PathVariable String id, @RequestBody AnswerBody body, Authentication auth) {
		CurrentUser user = CurrentUser.from(auth);
		signals.answer(user, id, body.answer(), body.explanation(), body.documentIds() == null ? List.of() : body.documentIds(),
				List.of());
		return views.of(signals.get(user, id));
	}

	@Operation(summary = "批量答复疑点（全部成功或全部不答复）/ answer several signals alike, all or none")
	@PostMapping("/answer")
	Map<String, Object> answerAll(@RequestBody BulkAnswer body, Authentication auth) {
		int n = signals.answerAll(CurrentUser.from(auth), body.ids() == null ? List.of() : body.ids(), body.answer(),
				body.explanation());
		return Map.of("answered", n);
	}

	@Operation(summary = "上传申诉材料，返回文件编号 / upload an appeal document; returns its id")
	@PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	List<Map<String, Object>> upload(@RequestPart("files") List<MultipartFile> files, Authentication auth) {
		CurrentUser user = CurrentUser.from(auth);
		List<Map<String, Object>> out = new ArrayList<>();
		for (InstitutionSignals.Upload u : uploads(files)) {
			StoredDocument d = signals.upload(user, u);
			out.add(Map.of("id", d.id(), "fileName", d.fileName(), "size", d.size()));
		}
		return out;
	}

	@Operation(summary = "本机构疑点的申诉材料 / a document of one of the institution's appeals")
	@GetMapping("/{id}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable String documentId, Authentication auth) {
		CurrentUser user = CurrentUser.from(auth);
		StoredDocument d = signals.document(user, id, documentId);
		return Downloads.of(d, signals.content(d));
	}

	static List<InstitutionSignals.Upload> uploads(List<MultipartFile> files) {
		List<InstitutionSignals.Upload> out = new ArrayList<>();
		if (files == null) {
			return out;
		}
		for (MultipartFile f : files) {
			if (f.isEmpty()) {
				continue;
			}
			try {
				out.add(new InstitutionSignals.Upload(f.getOriginalFilename(), f.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return out;
	}
}
