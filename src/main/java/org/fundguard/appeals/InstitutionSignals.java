package org.fundguard.appeals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.fundguard.appeals.SignalReviewVariables.Answer;
import org.fundguard.documents.DocumentStore;
import org.fundguard.documents.StoredDocument;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An institution's side of its issued signals, for its pages and its API: it sees and answers only its own (another
 * institution's signal is "not found", not "forbidden", so that its existence is not told). Answers complete the
 * signal's task through the {@link TaskGateway}, as the user, so the process and its listeners decide as in Tasklist.
 */
@Service
class InstitutionSignals {

	static final String ANSWER_TASK = "Task_AnswerSignal";

	/** A file uploaded with an appeal. */
	record Upload(String fileName, byte[] content) {
	}

	private final SignalReview review;
	private final TaskGateway tasks;
	private final DocumentStore documents;

	InstitutionSignals(SignalReview review, TaskGateway tasks, DocumentStore documents) {
		this.review = review;
		this.tasks = tasks;
		this.documents = documents;
	}

	List<IssuedSignal> list(CurrentUser user) {
		return user.institution() && user.providerCode() != null ? review.ofProvider(user.providerCode()) : List.of();
	}

	IssuedSignal get(CurrentUser user, String id) {
		IssuedSignal s = review.findOrNull(id);
		if (s == null || !user.actsFor(s.providerCode())) {
			throw Refused.notFound("appeals.signal.not-found", id);
		}
		return s;
	}

	/** Stores the files (checked for type and size by the documents module) and answers the signal with them. */
	@Transactional
	void answer(CurrentUser user, String id, Answer answer, String explanation, List<String> documentIds,
			List<Upload> uploads) {
		IssuedSignal s = get(user, id);
		// a document named by id must be one this user (or system) uploaded: no attaching another institution's files
		for (String doc : documentIds) {
			if (documents.find(doc).filter(d -> d.uploadedBy().equals(user.username())).isEmpty()) {
				throw Refused.because("appeals.document.unknown", doc);
			}
		}
		List<String> docs = new ArrayList<>(documentIds);
		for (Upload u : uploads) {
			docs.add(upload(user, u).id());
		}
		WorkItem task = tasks.openWhere(SignalReviewVariables.ISSUED_SIGNAL_ID, s.id(), SignalReviewVariables.KEY)
			.stream()
			.filter(t -> ANSWER_TASK.equals(t.key()))
			.findFirst()
			.orElseThrow(() -> Refused.conflict("appeals.signal.no-task"));
		Map<String, String> fields = new HashMap<>();
		fields.put(SignalReviewVariables.ANSWER, answer == null ? "" : answer.name());
		fields.put(SignalReviewVariables.EXPLANATION, explanation == null ? "" : explanation);
		fields.put(SignalReviewVariables.DOCUMENT_IDS, String.join(",", new LinkedHashSet<>(docs)));
		tasks.complete(task.id(), user, fields);
	}

	/** Answers several signals alike, all or none: one refused (another's, already answered) refuses them all. */
	@Transactional
	int answerAll(CurrentUser user, List<String> ids, Answer answer, String explanation) {
		List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
		for (String id : distinct) {
			answer(user, id, answer, explanation, List.of(), List.of());
		}
		return distinct.size();
	}

	StoredDocument upload(CurrentUser user, Upload upload) {
		if (!user.has(Role.INSTITUTION)) {
			throw Refused.forbidden("process.task.not-yours");
		}
		return documents.store(upload.fileName(), upload.content(), user.username());
	}

	/** A document of one of the institution's own signals. */
	StoredDocument document(CurrentUser user, String id, String documentId) {
		IssuedSignal s = get(user, id);
		return documentOf(s, documentId);
	}

	StoredDocument documentOf(IssuedSignal s, String documentId) {
		if (!s.documentIds().contains(documentId)) {
			throw Refused.notFound("appeals.document.unknown", documentId);
		}
		return documents.find(documentId).orElseThrow(() -> Refused.notFound("appeals.document.unknown", documentId));
	}

	byte[] content(StoredDocument doc) {
		return documents.content(doc);
	}
}
