package org.fundguard.claims.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadQueue;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.errors.Refused;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workbench's loads pages: the list with counts and progress, one load with its rejects. */
@Controller
class LoadsPage {

	private static final int REJECTS_SHOWN = 200;

	private final ClaimsLoader loader;
	private final LoadQueue queue;
	LoadsPage(ClaimsLoader loader, LoadQueue queue) {
		this.loader = loader;
		this.queue = queue;
	}

	@GetMapping("/loads")
	String list(Model model) {
		List<LoadRecord> loads = loader.latest(100);
		model.addAttribute("loads", loads);
		model.addAttribute("running", loads.stream().anyMatch(l -> l.finishedAt() == null));
		return "claims/loads";
	}

	@GetMapping("/loads/{id}")
	String one(@PathVariable String id, Model model) throws IOException {
		LoadRecord load = loader.find(id).orElseThrow(() -> Refused.notFound("claims.load.not-found", id));
		model.addAttribute("load", load);
		model.addAttribute("rejects", firstRejects(loader.rejects(id).orElse(null)));
		return "claims/load";
	}

	@GetMapping("/loads/{id}/rejects.csv")
	org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> rejects(@PathVariable String id) {
		return LoadsApi.download(loader, id);
	}

	@PostMapping("/loads/folder")
	String loadFolder(@RequestParam String folder, Authentication auth, RedirectAttributes redirect) {
		try {
			return "redirect:/loads/" + queue.loadFolder(folder, auth.getName());
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/loads";
		}
	}

	@PostMapping("/loads/zip")
	String loadZip(@RequestParam("file") MultipartFile zip, Authentication auth, RedirectAttributes redirect)
			throws IOException {
		try {
			return "redirect:/loads/" + queue.loadZip(zip.getInputStream(), auth.getName());
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/loads";
		}
	}

	/** The report's first rows: only the pieces that hold them are read. */
	private static List<String[]> firstRejects(InputStream report) throws IOException {
		List<String[]> rows = new ArrayList<>();
		if (report == null) {
			return rows;
		}
		try (Reader reader = new InputStreamReader(report, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(reader)) {
			csv.skip(1);
			String[] row;
			while ((row = csv.readNext()) != null && rows.size() < REJECTS_SHOWN) {
				rows.add(row);
			}
		}
		catch (CsvValidationException e) {
			throw new IOException(e);
		}
		return rows;
	}
}
