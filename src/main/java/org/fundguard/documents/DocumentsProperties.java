package org.fundguard.documents;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on uploaded documents.
 *
 * @param maxSize the largest document accepted
 * @param allowedTypes the types accepted, recognised from content
 */
@ConfigurationProperties("fundguard.documents")
public record DocumentsProperties(DataSize maxSize, List<DocumentType> allowedTypes) {

	public DocumentsProperties {
		maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
		allowedTypes = allowedTypes == null || allowedTypes.isEmpty() ? List.of(DocumentType.values())
				: List.copyOf(allowedTypes);
	}
}
