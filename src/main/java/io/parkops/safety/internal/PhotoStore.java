package io.parkops.safety.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.parkops.safety.internal.SafetyViews.PhotoInfo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the photos of inspections and hazards, stored in the database.
 */
@Repository
class PhotoStore {

	private final JdbcClient jdbc;

	PhotoStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertPhoto(String ownerType, long ownerId, String stage, String contentType, byte[] bytes, String fileName,
			String by) {
		return this.jdbc.sql("""
				INSERT INTO safety_photo (owner_type, owner_id, stage, content_type, size_bytes, file_name, bytes,
				  uploaded_by) VALUES (:type, :owner, :stage, :ct, :size, :name, :bytes, :by) RETURNING id
				""")
			.param("type", ownerType)
			.param("owner", ownerId)
			.param("stage", stage)
			.param("ct", contentType)
			.param("size", bytes.length)
			.param("name", fileName)
			.param("bytes", bytes)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	private static PhotoInfo photoInfo(ResultSet rs, int n) throws SQLException {
		return new PhotoInfo(rs.getLong("id"), rs.getString("owner_type"), rs.getLong("owner_id"),
				rs.getString("stage"), rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("file_name"),
				rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
	}

	List<PhotoInfo> photos(String ownerType, long ownerId) {
		return this.jdbc.sql("""
				SELECT id, owner_type, owner_id, stage, content_type, size_bytes, file_name, uploaded_by, uploaded_at
				FROM safety_photo WHERE owner_type = :type AND owner_id = :owner ORDER BY id
				""").param("type", ownerType).param("owner", ownerId).query(PhotoStore::photoInfo).list();
	}

	Optional<SafetyViews.Photo> photo(long id) {
		return this.jdbc.sql("SELECT * FROM safety_photo WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new SafetyViews.Photo(photoInfo(rs, n), rs.getBytes("bytes")))
			.optional();
	}

}
