package org.fundguard.claims.load;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the claims loader talks to Elasticsearch and how much memory it may use.
 *
 * @param idHashKey the key of the HMAC that replaces identity numbers (never in the repository)
 * @param bulkOperations documents per bulk request
 * @param bulkSize bytes per bulk request
 * @param concurrentRequests bulk requests in flight at once
 * @param keyStoreCache cache of the disk-backed key store that remembers persons and settlements
 * @param maxRowLength longest record of an export file, in characters (a unit of 1 KB = 1,024 characters); a longer
 *        one is rejected without being read whole
 * @param maxCellLength longest cell, in characters; a row with a longer one is rejected
 * @param rejectsMaxSize a load's rejects report lists rows up to about this size (it is kept in the shared database);
 *        its last row counts the rejected rows not listed
 */
@ConfigurationProperties("fundguard.loader")
public record LoaderProperties(String idHashKey, @DefaultValue("5000") int bulkOperations,
		@DefaultValue("2MB") DataSize bulkSize, @DefaultValue("2") int concurrentRequests,
		@DefaultValue("32MB") DataSize keyStoreCache, @DefaultValue("64KB") DataSize maxRowLength,
		@DefaultValue("16KB") DataSize maxCellLength, @DefaultValue("64MB") DataSize rejectsMaxSize) {
}
