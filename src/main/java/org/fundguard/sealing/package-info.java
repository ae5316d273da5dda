/**
 * Encryption at rest (加密存储): envelope encryption of what reporters and institutions give the bureau, with a data
 * key per record wrapped by a master key that can be rotated while the application runs. Shared kernel.
 */
@ApplicationModule(displayName = "加密存储 Encryption at rest")
package org.fundguard.sealing;

import org.springframework.modulith.ApplicationModule;
