package org.fundguard.sealing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the master keyset comes from.
 *
 * @param keyset the master keyset itself (Tink JSON), e.g. from the environment ({@code FUNDGUARD_SEALING_KEYSET});
 *     when given, the key file is not used and rotation must be done by whoever keeps the variable
 * @param keyFile the master keyset's file; made, readable by the owner only, on first start when absent
 */
@ConfigurationProperties("fundguard.sealing")
public record SealingProperties(String keyset, Path keyFile) {
}
