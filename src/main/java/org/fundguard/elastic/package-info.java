/**
 * The Elasticsearch client, versioned indices behind aliases, and the health of the node. Shared kernel.
 */
@ApplicationModule(displayName = "索引基础 Elasticsearch")
package org.fundguard.elastic;

import org.springframework.modulith.ApplicationModule;
