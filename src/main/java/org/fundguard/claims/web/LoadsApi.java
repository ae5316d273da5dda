package org.fundguard.claims.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadQueue;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.errors.Refused;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import io.swagger.v3.oas.annotations.Operation;

/** Loads for analysts' programs: start one from a server folder or an uploaded zip, follow it, fetch its rejects. */
@RestController
@RequestMapping("/api/loads")
class LoadsApi {

	private final ClaimsLoader loader;
	private final LoadQueue queue;

	LoadsApi(ClaimsLoader loader, LoadQueue queue) {
		this.loader = loader;
		this.queue = queue;
	}

	record FolderRequest(@NotBlank(message = "{errors.request.required}") String folder) {
	}

	@Operation(summary = "加载导入目录中的导出 / load an export folder under an import root")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> loadFolder(@Valid @RequestBody FolderRequest request, Authentication user) {
		String id = queue.loadFolder(request.folder(), user.getName());
		return ResponseEntity.accepted().body(Map.of("id", id, "location", "/api/loads/" + id));
	}

	@Operation(summary = "加载上传的导出 zip / load an uploaded export zip")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, String>> loadZip(@RequestParam("file") MultipartFile zip, Authentication user)
			throws IOException {
		String id = queue.loadZip(zip.getInputStream(), user.getName());
		return ResponseEntity.accepted().body(Map.of("id", id, "location", "/api/loads/" + id));
	}

	@Operation(summary = "最近的加载记录 / the latest loads")
	@GetMapping
	List<LoadRecord> latest() {
		return loader.latest(100);
	}

	@Operation(summary = "一次加载的记录 / one load's record")
	@GetMapping("/{id}")
	LoadRecord one(@PathVariable String id) {
		return loader.find(id).orElseThrow(() -> Refused.notFound("claims.load.not-found", id));
	}

	@Operation(summary = "拒绝明细（CSV）/ the rejects report (CSV)")
	@GetMapping("/{id}/rejects")
	ResponseEntity<Resource> rejects(@PathVariable String id) {
		return download(loader, id);
	}

	/** The rejects report as a CSV download, for the API and the workbench alike. */
	static ResponseEntity<Resource> download(ClaimsLoader loader, String id) {
		InputStream report = loader.rejects(id).orElseThrow(() -> Refused.notFound("claims.load.no-rejects", id));
		// streamed (and closed) by the converter, one piece of the report at a time
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=rejects-" + id + ".csv")
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(new InputStreamResource(report));
	}
}
