/**
 * Chinese working days (weekends, public holidays, make-up working days) and the deadlines counted in them; the
 * bureau's time zone. Shared kernel.
 */
@ApplicationModule(displayName = "工作日历 Calendar")
package org.fundguard.calendar;

import org.springframework.modulith.ApplicationModule;
