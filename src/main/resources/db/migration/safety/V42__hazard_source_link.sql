-- Where a hazard handed over by another work line came from (HazardIntake): a path of
-- this application, e.g. /monitoring/alarms/12, shown as a link on the hazard's page.
ALTER TABLE safety_hazard ADD COLUMN source_link VARCHAR(200);
