/**
 * One refusal ({@link org.fundguard.errors.Refused}) with a key of one message bundle, shown as a page or an RFC 9457
 * problem. Shared kernel.
 */
@ApplicationModule(displayName = "拒绝与提示 Errors")
package org.fundguard.errors;

import org.springframework.modulith.ApplicationModule;
