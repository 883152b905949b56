package io.parkops.investment.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of building progress (施工进度照片), kept in the database with the progress entry they
 * show. Only JPEG, PNG and WebP are accepted, recognised by their first bytes rather than
 * by what the browser claims, and no larger than
 * {@code parkops.investment.photo-max-bytes}. Only staff of the project's zone add them;
 * whoever may see the project (its own enterprise included) sees them.
 */
@Service
public class BuildingPhotoService {

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final AuditTrail audit;

	private final InvestmentProperties properties;

	BuildingPhotoService(JdbcClient jdbc, ProjectService projects, AuditTrail audit, InvestmentProperties properties) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.audit = audit;
		this.properties = properties;
	}

	/** What is known of a photo without its bytes. */
	public record PhotoInfo(long id, long progressId, long projectId, String building, String contentType, int size,
			String fileName, String uploadedBy, Instant uploadedAt) {

		/** The day it was uploaded, in China. */
		public java.time.LocalDate uploadedOn() {
			return this.uploadedAt.atZone(io.parkops.platform.ZoneTime.zone()).toLocalDate();
		}

	}

	/** A photo with its bytes. */
	public record Photo(PhotoInfo info, byte[] bytes) {
	}

	/**
	 * The image type of the bytes by their signature, or null when not an accepted image.
	 */
	static String imageType(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
			return "image/jpeg";
		}
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		if (bytes.length >= 8 && Arrays.equals(bytes, 0, 8, png, 0, 8)) {
			return "image/png";
		}
		if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
				&& bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
			return "image/webp";
		}
		return null;
	}

	private static final String INFO = """
			SELECT f.id, f.progress_id, f.project_id, b.building, f.content_type, f.byte_size, f.file_name,
			  f.created_by, f.created_at FROM inv_building_photo f JOIN inv_building_progress b ON b.id = f.progress_id""";

	private static PhotoInfo info(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new PhotoInfo(rs.getLong("id"), rs.getLong("progress_id"), rs.getLong("project_id"),
				rs.getString("building"), rs.getString("content_type"), rs.getInt("byte_size"),
				rs.getString("file_name"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

	/** Adds a photo to a progress entry of a project of the caller's zone. */
	@Transactional
	public PhotoInfo add(long progressId, byte[] bytes, String fileName) {
		Long projectId = this.jdbc.sql("SELECT project_id FROM inv_building_progress WHERE id = :id")
			.param("id", progressId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("error.investment.progressNotFound", progressId));
		ProjectService.Row row = this.projects.editableRow(projectId);
		if (row.stage() == Kinds.ProjectStage.CANCELLED) {
			throw new ConflictException("error.investment.projectCancelled");
		}
		if (bytes == null || bytes.length == 0) {
			throw InvalidInputException.of("file", "error.investment.photoEmpty");
		}
		if (bytes.length > this.properties.photoMaxBytes().toBytes()) {
			throw InvalidInputException.of("file", "error.investment.photoTooLarge",
					this.properties.photoMaxBytes().toMegabytes());
		}
		String type = imageType(bytes);
		if (type == null) {
			throw InvalidInputException.of("file", "error.investment.photoType");
		}
		String name = (fileName != null && !fileName.isBlank())
				? fileName.strip().substring(0, Math.min(200, fileName.strip().length())) : null;
		long id = this.jdbc.sql("""
				INSERT INTO inv_building_photo (progress_id, project_id, content_type, byte_size, file_name, bytes,
				  created_by) VALUES (:progress, :project, :type, :size, :name, :bytes, :by) RETURNING id""")
			.param("progress", progressId)
			.param("project", projectId)
			.param("type", type)
			.param("size", bytes.length)
			.param("name", name)
			.param("bytes", bytes)
			.param("by", CurrentUser.usernameOrSystem())
			.query(Long.class)
			.single();
		PhotoInfo info = this.jdbc.sql(INFO + " WHERE f.id = :id").param("id", id).query((rs, n) -> info(rs)).single();
		this.audit.recordChange("UPLOAD_PHOTO", "inv_project", Long.toString(projectId), null,
				Map.of("photo", id, "progress", progressId, "zone", row.zoneCode(), "bytes", bytes.length));
		return info;
	}

	/** A file sent with a progress update. */
	public record Upload(byte[] bytes, String fileName) {
	}

	/**
	 * A building's progress with its photos, all or nothing: a refused photo leaves no
	 * progress entry behind.
	 */
	@Transactional
	public InvestmentViews.BuildingView progressWithPhotos(long projectId, String building,
			InvestmentCommands.BuildingProgress cmd, List<Upload> uploads) {
		InvestmentViews.BuildingView saved = this.projects.buildingProgress(projectId, building, cmd);
		for (Upload u : uploads) {
			add(saved.id(), u.bytes(), u.fileName());
		}
		return saved;
	}

	/** The photos of a project the caller may see, newest first. */
	public List<PhotoInfo> ofProject(long projectId) {
		this.projects.visibleRow(projectId);
		return this.jdbc.sql(INFO + " WHERE f.project_id = :id ORDER BY f.id DESC")
			.param("id", projectId)
			.query((rs, n) -> info(rs))
			.list();
	}

	/** The photos of a project by building, newest first, at most {@code per} each. */
	public Map<String, List<PhotoInfo>> byBuilding(long projectId, int per) {
		Map<String, List<PhotoInfo>> all = new LinkedHashMap<>();
		for (PhotoInfo p : ofProject(projectId)) {
			List<PhotoInfo> list = all.computeIfAbsent(p.building(), (k) -> new java.util.ArrayList<>());
			if (list.size() < per) {
				list.add(p);
			}
		}
		return all;
	}

	/** A photo, if the caller may see its project. */
	public Photo photo(long id) {
		Photo photo = this.jdbc.sql(INFO.replace("SELECT f.id,", "SELECT f.bytes, f.id,") + " WHERE f.id = :id")
			.param("id", id)
			.query((rs, n) -> new Photo(info(rs), rs.getBytes("bytes")))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.investment.photoNotFound", id));
		this.projects.visibleRow(photo.info().projectId());
		return photo;
	}

}
