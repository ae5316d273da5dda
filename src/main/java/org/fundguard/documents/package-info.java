/**
 * Stored documents (uploads, notices, decisions) by content hash, judged by their content. Shared kernel.
 */
@ApplicationModule(displayName = "文书存储 Documents")
package org.fundguard.documents;

import org.springframework.modulith.ApplicationModule;
