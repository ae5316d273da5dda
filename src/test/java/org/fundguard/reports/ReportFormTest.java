package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ReportFormTest {

	@Test
	void theFormIsReadFromThePostedFieldsWithTickedBoxesAsTrue() {
		var request = new MockHttpServletRequest("POST", "/portal/report");
		request.addParameter("subjectKind", "INSTITUTION");
		request.addParameter("providerCode", "H37030200001");
		request.addParameter("category", "BED_OCCUPANCY");
		request.addParameter("description", "住院病人白天不在医院，晚上回家。");
		request.addParameter("amount", "1,200");
		request.addParameter("identityMode", "realName");
		request.addParameter("fullName", "张三");
		request.addParameter("consent", "true");
		request.addParameter("wantsReward", "on");
		request.addParameter("challenge", "c.1");
		request.addParameter("nonce", "42");

		ReportForm form = ReportForm.from(request);

		assertThat(form.subjectKind()).isEqualTo("INSTITUTION");
		assertThat(form.providerCode()).isEqualTo("H37030200001");
		assertThat(form.description()).isEqualTo("住院病人白天不在医院，晚上回家。");
		assertThat(form.amount()).isEqualTo("1,200");
		assertThat(form.realName()).isTrue();
		assertThat(form.fullName()).isEqualTo("张三");
		assertThat(form.consent()).isTrue();
		assertThat(form.wantsReward()).isTrue();
		assertThat(form.challenge()).isEqualTo("c.1");
		assertThat(form.nonce()).isEqualTo("42");
		assertThat(form.website()).isNull();
		assertThat(form.subjectName()).isNull();
	}

	@Test
	void aBoxNotTickedOrWithAnUnexpectedValueIsNotConsent() {
		assertThat(ReportForm.checked(null)).isNull();
		assertThat(ReportForm.checked("false")).isFalse();
		assertThat(ReportForm.checked("")).isFalse();
		assertThat(ReportForm.checked("maybe")).isFalse();
		assertThat(ReportForm.checked(" YES ")).isTrue();
		assertThat(ReportForm.checked("1")).isTrue();
	}
}
