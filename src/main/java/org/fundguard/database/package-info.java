/**
 * Which database the installation runs on: H2 (the default installation, one node) or PostgreSQL (several nodes),
 * where the two differ (PostgreSQL's {@code on conflict}, which H2 refuses; H2's checkpoint). Shared kernel.
 */
@ApplicationModule(displayName = "数据库 Database")
package org.fundguard.database;

import org.springframework.modulith.ApplicationModule;
