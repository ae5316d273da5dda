package org.fundguard.errors.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the REST API ({@code fundguard.api}).
 *
 * @param maxBodySize the largest body a JSON request may have; uploads (multipart) have Spring's multipart limits
 */
@ConfigurationProperties("fundguard.api")
record ApiProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
