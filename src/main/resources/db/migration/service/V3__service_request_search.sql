-- the request list's search (title, content) from trigram indexes; the enterprise name is answered by the
-- registry's own index (pg_trgm is created by the enterprise module's migrations, which run first)
CREATE INDEX service_request_title_trgm_ix ON service_request USING gin (title gin_trgm_ops);
CREATE INDEX service_request_content_trgm_ix ON service_request USING gin (content gin_trgm_ops);
