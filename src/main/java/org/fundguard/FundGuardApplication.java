package org.fundguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** FundGuard 医保基金监管平台: claims monitoring, audit cases and enforcement for a healthcare security bureau. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FundGuardApplication {

	public static void main(String[] args) {
		SpringApplication.run(FundGuardApplication.class, args);
	}
}
