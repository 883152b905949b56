-- 志愿服务队 (service teams) that volunteer activities are held by, the participants of an
-- activity by name (members of the zone or others), and versions for editing activities.

CREATE TABLE party_service_team (
    id              bigserial PRIMARY KEY,
    zone_code       varchar(32)  NOT NULL,
    name            varchar(100) NOT NULL,
    organisation_id bigint REFERENCES party_organisation (id),
    leader          varchar(50),
    founded_on      date         NOT NULL,
    disbanded_on    date,
    created_by      varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    version         bigint       NOT NULL DEFAULT 0,
    CHECK (disbanded_on IS NULL OR disbanded_on >= founded_on)
);
CREATE INDEX party_service_team_zone ON party_service_team (zone_code);

ALTER TABLE party_activity ADD COLUMN service_team_id bigint REFERENCES party_service_team (id);
ALTER TABLE party_activity ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- who took part: a member of the zone (member_id) or someone else by name only
CREATE TABLE party_activity_participant (
    id          bigserial PRIMARY KEY,
    activity_id bigint      NOT NULL REFERENCES party_activity (id),
    member_id   bigint REFERENCES party_member (id),
    name        varchar(50) NOT NULL
);
CREATE INDEX party_activity_participant_activity ON party_activity_participant (activity_id);
CREATE INDEX party_activity_participant_member ON party_activity_participant (member_id);
