-- Party building (党的建设): organisations with their history, the enterprises each branch covers,
-- members (no ID numbers; the phone only encrypted), the development pipeline, instructors and their
-- visits, activities and dues.

CREATE TABLE party_organisation (
    id              bigserial PRIMARY KEY,
    zone_code       varchar(32)  NOT NULL,
    name            varchar(100) NOT NULL,
    kind            varchar(20)  NOT NULL CHECK (kind IN ('WORKING_COMMITTEE', 'GENERAL_COMMITTEE', 'BRANCH')),
    branch_type     varchar(20)  CHECK (branch_type IN ('ORGAN', 'STATE_OWNED', 'OWN', 'JOINT', 'SOCIAL', 'INCUBATOR', 'REGIONAL')),
    parent_id       bigint REFERENCES party_organisation (id),
    secretary       varchar(50),
    founded_on      date         NOT NULL,
    term_years      integer      NOT NULL DEFAULT 3 CHECK (term_years BETWEEN 1 AND 10),
    term_started_on date         NOT NULL,
    ended_on        date,
    end_reason      varchar(16)  CHECK (end_reason IN ('DISSOLVED', 'MERGED')),
    merged_into_id  bigint REFERENCES party_organisation (id),
    created_by      varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    version         bigint       NOT NULL DEFAULT 0,
    CHECK ((kind = 'BRANCH') = (branch_type IS NOT NULL)),
    CHECK (ended_on IS NULL OR ended_on >= founded_on),
    CHECK ((ended_on IS NULL) = (end_reason IS NULL))
);
CREATE INDEX party_organisation_zone ON party_organisation (zone_code, kind);

-- the enterprises a branch covers, each from a date to a date (history kept)
CREATE TABLE party_organisation_enterprise (
    id              bigserial PRIMARY KEY,
    organisation_id bigint      NOT NULL REFERENCES party_organisation (id),
    credit_code     varchar(18) NOT NULL,
    covered_from    date        NOT NULL,
    covered_to      date,
    CHECK (covered_to IS NULL OR covered_to >= covered_from)
);
CREATE INDEX party_organisation_enterprise_org ON party_organisation_enterprise (organisation_id);
CREATE INDEX party_organisation_enterprise_code ON party_organisation_enterprise (credit_code);

-- members: only what the work needs; the phone number, if kept, AES-GCM encrypted (never in plain text)
CREATE TABLE party_member (
    id              bigserial PRIMARY KEY,
    organisation_id bigint      NOT NULL REFERENCES party_organisation (id),
    name            varchar(50) NOT NULL,
    gender          varchar(6)  NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
    birth_year      integer     NOT NULL,
    status          varchar(16) NOT NULL CHECK (status IN ('FULL', 'PROBATIONARY')),
    joined_on       date        NOT NULL,
    full_on         date,
    credit_code     varchar(18),
    phone_cipher    bytea,
    moved_in_on     date,
    moved_out_on    date,
    moved_out_to    varchar(100),
    created_by      varchar(64) NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX party_member_org ON party_member (organisation_id);
CREATE INDEX party_member_code ON party_member (credit_code);

-- 发展党员: 入党申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员, each stage with its date
CREATE TABLE party_development (
    id              bigserial PRIMARY KEY,
    organisation_id bigint      NOT NULL REFERENCES party_organisation (id),
    name            varchar(50) NOT NULL,
    stage           varchar(16) NOT NULL CHECK (stage IN ('APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL')),
    applied_on      date        NOT NULL,
    activist_on     date,
    candidate_on    date,
    probationary_on date,
    full_on         date,
    created_by      varchar(64) NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX party_development_org ON party_development (organisation_id);

-- 党建指导员 and the enterprises (without a branch) they are assigned to
CREATE TABLE party_instructor (
    id          bigserial PRIMARY KEY,
    zone_code   varchar(32) NOT NULL,
    name        varchar(50) NOT NULL,
    created_by  varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0
);
CREATE INDEX party_instructor_zone ON party_instructor (zone_code);

CREATE TABLE party_instructor_enterprise (
    id            bigserial PRIMARY KEY,
    instructor_id bigint      NOT NULL REFERENCES party_instructor (id),
    credit_code   varchar(18) NOT NULL,
    assigned_on   date        NOT NULL,
    released_on   date,
    CHECK (released_on IS NULL OR released_on >= assigned_on)
);
CREATE INDEX party_instructor_enterprise_code ON party_instructor_enterprise (credit_code);

CREATE TABLE party_instructor_visit (
    id            bigserial PRIMARY KEY,
    instructor_id bigint      NOT NULL REFERENCES party_instructor (id),
    credit_code   varchar(18) NOT NULL,
    visited_on    date        NOT NULL,
    notes         varchar(2000),
    created_by    varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX party_instructor_visit_instructor ON party_instructor_visit (instructor_id, credit_code, visited_on);

-- 三会一课, 主题党日, 党课, 集中学习/轮训, 志愿服务, 书记项目 with their participants
CREATE TABLE party_activity (
    id              bigserial PRIMARY KEY,
    organisation_id bigint       NOT NULL REFERENCES party_organisation (id),
    kind            varchar(24)  NOT NULL,
    held_on         date         NOT NULL,
    title           varchar(200) NOT NULL,
    participants    integer      NOT NULL CHECK (participants >= 0),
    notes           varchar(2000),
    created_by      varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX party_activity_org ON party_activity (organisation_id, held_on);

-- party dues (党费) collected and returned (元) per organisation and month
CREATE TABLE party_dues (
    id              bigserial PRIMARY KEY,
    organisation_id bigint        NOT NULL REFERENCES party_organisation (id),
    month           varchar(7)    NOT NULL,
    collected       numeric(12, 2) NOT NULL CHECK (collected >= 0),
    returned        numeric(12, 2) NOT NULL DEFAULT 0 CHECK (returned >= 0),
    version         bigint        NOT NULL DEFAULT 0,
    UNIQUE (organisation_id, month)
);
