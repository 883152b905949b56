-- Photos of building progress (施工进度照片): kept in the database like the safety photos, each
-- with the progress entry it shows; only JPEG, PNG and WebP, checked by their first bytes.
CREATE TABLE inv_building_photo (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    progress_id  BIGINT        NOT NULL REFERENCES inv_building_progress (id) ON DELETE CASCADE,
    project_id   BIGINT        NOT NULL REFERENCES inv_project (id) ON DELETE CASCADE,
    content_type VARCHAR(32)   NOT NULL,
    byte_size    INT           NOT NULL,
    file_name    VARCHAR(200),
    bytes        BYTEA         NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX inv_building_photo_project_ix ON inv_building_photo (project_id, progress_id, id);
