package io.parkops.safety.internal;

import java.util.List;

import io.parkops.platform.AuditTrail;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.safety.internal.SafetyViews.HazardView;
import io.parkops.safety.internal.SafetyViews.Photo;
import io.parkops.safety.internal.SafetyViews.PhotoInfo;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of hazards (as found, as rectified) and of inspections, kept in the database.
 * Only JPEG, PNG and WebP are accepted, recognised by their first bytes rather than by
 * what the browser claims, and no larger than {@code parkops.safety.photo-max-bytes}.
 */
@Service
public class PhotoService {

	/** Whose photo it is. */
	public enum Owner {

		HAZARD, INSPECTION

	}

	private final PhotoStore photoStore;

	private final HazardService hazards;

	private final AuditTrail audit;

	private final SafetyProperties properties;

	PhotoService(PhotoStore photoStore, HazardService hazards, AuditTrail audit, SafetyProperties properties) {
		this.photoStore = photoStore;
		this.hazards = hazards;
		this.audit = audit;
		this.properties = properties;
	}

	/**
	 * The image type of the bytes by their signature, or null when not an accepted image.
	 */
	public static String imageType(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
			return "image/jpeg";
		}
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		if (bytes.length >= 8 && java.util.Arrays.equals(bytes, 0, 8, png, 0, 8)) {
			return "image/png";
		}
		if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
				&& bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
			return "image/webp";
		}
		return null;
	}

	@Transactional
	public PhotoInfo add(Owner owner, long ownerId, String stage, byte[] bytes, String fileName) {
		String ownerZone;
		if (owner == Owner.HAZARD) {
			HazardView hazard = this.hazards.hazard(ownerId);
			if (CurrentUser.get().isEnterpriseUser() && !"RECTIFICATION".equals(stage)) {
				throw new io.parkops.platform.ForbiddenException("error.forbidden");
			}
			ownerZone = hazard.zoneCode();
		}
		else {
			Inputs.requireStaff();
			ownerZone = this.hazards.inspection(ownerId).zoneCode();
		}
		if (!List.of("FOUND", "RECTIFICATION", "ACCEPTANCE").contains(stage)) {
			throw InvalidInputException.of("stage", "error.safety.unknownValue", stage);
		}
		if (bytes == null || bytes.length == 0) {
			throw InvalidInputException.of("file", "error.safety.photo.empty");
		}
		if (bytes.length > this.properties.photoMaxBytes().toBytes()) {
			throw InvalidInputException.of("file", "error.safety.photo.tooLarge",
					this.properties.photoMaxBytes().toMegabytes());
		}
		String type = imageType(bytes);
		if (type == null) {
			throw InvalidInputException.of("file", "error.safety.photo.type");
		}
		String name = (fileName != null && fileName.length() > 200) ? fileName.substring(0, 200) : fileName;
		long id = this.photoStore.insertPhoto(owner.name(), ownerId, stage, type, bytes, name,
				CurrentUser.usernameOrSystem());
		PhotoInfo info = this.photoStore.photo(id).orElseThrow().info();
		this.audit.recordChange("UPLOAD_PHOTO", "safety_" + owner.name().toLowerCase(java.util.Locale.ROOT),
				Long.toString(ownerId), null, java.util.Map.of("photo", id, "zone", ownerZone, "bytes", bytes.length));
		return info;
	}

	public List<PhotoInfo> of(Owner owner, long ownerId) {
		return this.photoStore.photos(owner.name(), ownerId);
	}

	/** A photo, if the current user may see what it belongs to. */
	public Photo photo(long id) {
		Photo photo = this.photoStore.photo(id)
			.orElseThrow(() -> new NotFoundException("error.safety.photoNotFound", id));
		if (Owner.HAZARD.name().equals(photo.info().ownerType())) {
			this.hazards.hazard(photo.info().ownerId());
		}
		else {
			Inputs.requireStaff();
			this.hazards.inspection(photo.info().ownerId());
		}
		return photo;
	}

}
