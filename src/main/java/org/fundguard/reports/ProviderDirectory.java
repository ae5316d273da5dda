package org.fundguard.reports;

import java.util.List;
import java.util.Optional;

import org.fundguard.claims.ClaimsDirectory;
import org.springframework.stereotype.Service;

/**
 * The designated-institution directory (定点医药机构名录) as the portal offers it: search by name or code, and
 * look one up by code so that a report names the institution as the directory does, not as the browser sent it.
 */
@Service
public class ProviderDirectory {

	static final int LIMIT = 10;

	private final ClaimsDirectory directory;

	ProviderDirectory(ClaimsDirectory directory) {
		this.directory = directory;
	}

	/** Up to ten institutions whose name contains the words, or whose code starts with the text. */
	public List<Provider> search(String text) {
		String q = text == null ? "" : text.strip();
		if (q.isEmpty() || q.length() > 50) {
			return List.of();
		}
		return directory.searchProviders(q, LIMIT).stream().map(ProviderDirectory::shown).toList();
	}

	Optional<Provider> find(String code) {
		if (code == null || code.isBlank() || code.length() > 50) {
			return Optional.empty();
		}
		return directory.provider(code.strip()).map(ProviderDirectory::shown);
	}

	/** What the portal shows of an institution: no agreement status, no grade. */
	private static Provider shown(ClaimsDirectory.Provider p) {
		return new Provider(p.code(), text(p.name()), text(p.type()), text(p.region()));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	public record Provider(String code, String name, String type, String region) {
	}
}
