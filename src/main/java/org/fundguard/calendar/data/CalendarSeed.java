package org.fundguard.calendar.data;

import java.io.InputStream;

import org.fundguard.calendar.CalendarFile;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.calendar.YearStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * A fresh installation's calendar is the shipped seed: copied into the database on first start, before anything
 * counts a deadline (the working calendar waits for this bean). Later starts leave the administrators' data alone.
 */
@Component
class CalendarSeed implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(CalendarSeed.class);

	private final CalendarEditor editor;
	private final CalendarStore store;

	CalendarSeed(CalendarEditor editor, CalendarStore store) {
		this.editor = editor;
		this.store = store;
	}

	@Override
	public void afterPropertiesSet() throws Exception {
		try (InputStream seed = WorkingCalendar.class.getClassLoader().getResourceAsStream(CalendarFile.SEED)) {
			if (seed == null) {
				throw new IllegalStateException("missing working calendar seed " + CalendarFile.SEED);
			}
			editor.seedIfEmpty(CalendarFile.readSeed(seed));
		}
		store.current().years().forEach((year, y) -> {
			if (y.status() == YearStatus.PROVISIONAL) {
				log.warn("工作日历 {} 年为暂定数据（仅法定假日，无调休），待国务院办公厅通知后由管理员导入 / calendar year {} is provisional",
						year, year);
			}
		});
	}
}
