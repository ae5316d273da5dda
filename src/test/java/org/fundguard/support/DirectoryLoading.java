package org.fundguard.support;

import java.nio.file.Path;

import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.elastic.ElasticJson;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The integration tests that load a directory and an inspector pool of their own ({@link DirectoryExport}) before
 * they draw (inspection plans, campaigns): what that load takes, and the application's port.
 */
public abstract class DirectoryLoading {

	@LocalServerPort
	protected int port;

	@Autowired
	protected ClaimsLoader loader;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected ElasticJson elastic;

	@Autowired
	protected ClaimIndices indices;

	@TempDir
	protected Path temp;
}
