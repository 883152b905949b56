package io.parkops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * ParkOps (园区通): the application class; every direct sub-package is a Spring Modulith
 * application module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ParkOpsApplication {

	public static void main(String[] args) {
		SpringApplication.run(ParkOpsApplication.class, args);
	}

}
