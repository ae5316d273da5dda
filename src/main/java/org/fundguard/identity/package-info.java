/**
 * Who is acting (Keycloak sign-in, roles, regions), what each role may reach, the bureau's jurisdiction, and how
 * personal data is masked. Shared kernel.
 */
@ApplicationModule(displayName = "身份与辖区 Identity")
package org.fundguard.identity;

import org.springframework.modulith.ApplicationModule;
