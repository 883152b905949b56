-- A request raised on the spot during a visit (走访) names the visit; the visit lists its requests.
ALTER TABLE service_request ADD COLUMN visit_id BIGINT REFERENCES service_visit (id) ON DELETE SET NULL;
CREATE INDEX service_request_visit_ix ON service_request (visit_id) WHERE visit_id IS NOT NULL;
