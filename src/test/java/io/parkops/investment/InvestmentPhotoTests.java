package io.parkops.investment;

import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.parkops.investment.InvestmentFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Photos of building progress: staff of the zone add JPEG, PNG or WebP photos (checked by
 * their bytes, at most 5 MB) to a progress entry; whoever may see the project sees them,
 * its own enterprise included, and nobody else.
 */
@ParkOpsTest
class InvestmentPhotoTests {

	/** A 1×1 PNG. */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@Autowired
	MockMvc mvc;

	InvestmentFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new InvestmentFixture(this.mvc);
	}

	ResultActions upload(String token, long progress, String name, String type, byte[] bytes) throws Exception {
		return this.mvc.perform(TestApi.bearer(token,
				MockMvcRequestBuilders.multipart("/api/v1/projects/building-progress/" + progress + "/photos")
					.file(new MockMultipartFile("file", name, type, bytes))));
	}

	@Test
	void photosAreCheckedAndSeenOnlyWithTheProject() throws Exception {
		long p = this.f.createProject("照片项目", "SIGNED", "2024-03-01", 20000, this.f.ent1);
		long progress = id(this.f
			.post(this.f.staff, "/api/v1/projects/" + p + "/buildings/综合楼/progress",
					Map.of("on", "2024-06-01", "phase", "STRUCTURE", "floorsDone", 1, "floorsTotal", 5))
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
		MvcResult created = upload(this.f.staff, progress, "site.png", "image/png", PNG).andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("image/png"))
			.andExpect(jsonPath("$.building").value("综合楼"))
			.andExpect(jsonPath("$.size").value(PNG.length))
			.andReturn();
		long photo = id(created, "$.id");
		// the type is read from the bytes, not from the name or the claimed type
		upload(this.f.staff, progress, "site.png", "image/png", "not an image".getBytes())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		upload(this.f.staff, progress, "empty.png", "image/png", new byte[0]).andExpect(status().isBadRequest());
		byte[] large = new byte[5 * 1024 * 1024 + 1];
		System.arraycopy(PNG, 0, large, 0, PNG.length);
		upload(this.f.staff, progress, "large.png", "image/png", large).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("5 MB")));
		// only staff of the project's zone add photos
		upload(this.f.entUser1, progress, "site.png", "image/png", PNG).andExpect(status().isForbidden());
		upload(this.f.otherStaff, progress, "site.png", "image/png", PNG).andExpect(status().isForbidden());
		upload(this.f.safety, progress, "site.png", "image/png", PNG).andExpect(status().isForbidden());
		upload(this.f.staff, 987654321L, "site.png", "image/png", PNG).andExpect(status().isNotFound());
		// staff and the project's own enterprise see it; another enterprise and zone do
		// not
		this.f.get(this.f.staff, "/api/v1/projects/" + p + "/building-photos")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].progressId").value(progress));
		for (String reader : new String[] { this.f.staff, this.f.entUser1, this.f.leader }) {
			MvcResult image = this.mvc
				.perform(TestApi.bearer(reader,
						MockMvcRequestBuilders.get("/api/v1/projects/building-photos/" + photo).accept("image/*")))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "image/png"))
				.andReturn();
			assertThat(image.getResponse().getContentAsByteArray()).isEqualTo(PNG);
		}
		for (String stranger : new String[] { this.f.entUser2, this.f.otherStaff }) {
			this.mvc
				.perform(TestApi.bearer(stranger,
						MockMvcRequestBuilders.get("/api/v1/projects/building-photos/" + photo).accept("image/*")))
				.andExpect(status().isForbidden());
		}
	}

}
