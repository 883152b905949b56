package io.parkops;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The one way tests start the application, so that every test class shares one cached
 * context and the administrator gets the same password whichever class starts first (the
 * account is created only on the first start of the shared database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = "parkops.admin-password=" + ParkOpsTest.ADMIN_PASSWORD)
@AutoConfigureMockMvc
public @interface ParkOpsTest {

	/** The password of the {@code admin} account in tests. */
	String ADMIN_PASSWORD = "Admin#2024pass";

}
