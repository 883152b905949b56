-- Where a point is (WGS 84 degrees, both or neither) for the points map.
ALTER TABLE monitoring_point
    ADD COLUMN longitude NUMERIC(9,6) CHECK (longitude BETWEEN -180 AND 180),
    ADD COLUMN latitude  NUMERIC(8,6) CHECK (latitude BETWEEN -90 AND 90),
    ADD CONSTRAINT monitoring_point_coordinates_ck CHECK ((longitude IS NULL) = (latitude IS NULL));
