-- Enterprise registry (一企一档): the enterprise, its 规上 history, flags, status history and timeline,
-- and the GB/T 4754-2017 industry divisions it is classified by.
CREATE TABLE industry_division (
    code         VARCHAR(3)   PRIMARY KEY,
    section      CHAR(1)      NOT NULL,
    section_name VARCHAR(100) NOT NULL,
    name         VARCHAR(100) NOT NULL,
    industrial   BOOLEAN      NOT NULL
);

CREATE TABLE enterprise (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    credit_code         CHAR(18)     NOT NULL UNIQUE,
    name                VARCHAR(200) NOT NULL,
    zone_code           VARCHAR(32)  NOT NULL,
    area_code           VARCHAR(32),
    industry_code       VARCHAR(3)   REFERENCES industry_division (code),
    status              VARCHAR(16)  NOT NULL,
    above_scale         BOOLEAN      NOT NULL DEFAULT false,
    legal_representative VARCHAR(64),
    contact_name        VARCHAR(64),
    contact_phone       VARCHAR(32),
    address             VARCHAR(200),
    secretary           VARCHAR(64),
    leader              VARCHAR(64),
    tags                TEXT[]       NOT NULL DEFAULT '{}',
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX enterprise_zone_ix ON enterprise (zone_code, area_code);
CREATE INDEX enterprise_industry_ix ON enterprise (industry_code);
CREATE INDEX enterprise_list_ix ON enterprise (zone_code, above_scale DESC, name);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX enterprise_name_trgm_ix ON enterprise USING gin (name gin_trgm_ops);

CREATE TABLE enterprise_scale_change (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id BIGINT  NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
    month         DATE    NOT NULL,
    above_scale   BOOLEAN NOT NULL,
    recorded_by   VARCHAR(64),
    recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (enterprise_id, month)
);

CREATE TABLE enterprise_flag (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id BIGINT      NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
    kind          VARCHAR(32) NOT NULL,
    granted_on    DATE        NOT NULL,
    expires_on    DATE,
    reference     VARCHAR(100),
    revoked_on    DATE
);
CREATE INDEX enterprise_flag_ix ON enterprise_flag (enterprise_id, kind);

CREATE TABLE enterprise_status_change (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id BIGINT      NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
    status        VARCHAR(16) NOT NULL,
    changed_on    DATE        NOT NULL,
    note          VARCHAR(200)
);

-- Events of every module about one enterprise, shown on its file's timeline.
CREATE TABLE enterprise_event (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id BIGINT       NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    module        VARCHAR(32)  NOT NULL,
    summary       VARCHAR(500) NOT NULL,
    actor         VARCHAR(64),
    link          VARCHAR(200)
);
CREATE INDEX enterprise_event_ix ON enterprise_event (enterprise_id, occurred_at DESC);


INSERT INTO industry_division (code, section, section_name, name, industrial) VALUES
 ('A01', 'A', '农、林、牧、渔业', '农业', false),
 ('A02', 'A', '农、林、牧、渔业', '林业', false),
 ('A03', 'A', '农、林、牧、渔业', '畜牧业', false),
 ('A04', 'A', '农、林、牧、渔业', '渔业', false),
 ('A05', 'A', '农、林、牧、渔业', '农、林、牧、渔专业及辅助性活动', false),
 ('B06', 'B', '采矿业', '煤炭开采和洗选业', true),
 ('B07', 'B', '采矿业', '石油和天然气开采业', true),
 ('B08', 'B', '采矿业', '黑色金属矿采选业', true),
 ('B09', 'B', '采矿业', '有色金属矿采选业', true),
 ('B10', 'B', '采矿业', '非金属矿采选业', true),
 ('B11', 'B', '采矿业', '开采专业及辅助性活动', true),
 ('B12', 'B', '采矿业', '其他采矿业', true),
 ('C13', 'C', '制造业', '农副食品加工业', true),
 ('C14', 'C', '制造业', '食品制造业', true),
 ('C15', 'C', '制造业', '酒、饮料和精制茶制造业', true),
 ('C16', 'C', '制造业', '烟草制品业', true),
 ('C17', 'C', '制造业', '纺织业', true),
 ('C18', 'C', '制造业', '纺织服装、服饰业', true),
 ('C19', 'C', '制造业', '皮革、毛皮、羽毛及其制品和制鞋业', true),
 ('C20', 'C', '制造业', '木材加工和木、竹、藤、棕、草制品业', true),
 ('C21', 'C', '制造业', '家具制造业', true),
 ('C22', 'C', '制造业', '造纸和纸制品业', true),
 ('C23', 'C', '制造业', '印刷和记录媒介复制业', true),
 ('C24', 'C', '制造业', '文教、工美、体育和娱乐用品制造业', true),
 ('C25', 'C', '制造业', '石油、煤炭及其他燃料加工业', true),
 ('C26', 'C', '制造业', '化学原料和化学制品制造业', true),
 ('C27', 'C', '制造业', '医药制造业', true),
 ('C28', 'C', '制造业', '化学纤维制造业', true),
 ('C29', 'C', '制造业', '橡胶和塑料制品业', true),
 ('C30', 'C', '制造业', '非金属矿物制品业', true),
 ('C31', 'C', '制造业', '黑色金属冶炼和压延加工业', true),
 ('C32', 'C', '制造业', '有色金属冶炼和压延加工业', true),
 ('C33', 'C', '制造业', '金属制品业', true),
 ('C34', 'C', '制造业', '通用设备制造业', true),
 ('C35', 'C', '制造业', '专用设备制造业', true),
 ('C36', 'C', '制造业', '汽车制造业', true),
 ('C37', 'C', '制造业', '铁路、船舶、航空航天和其他运输设备制造业', true),
 ('C38', 'C', '制造业', '电气机械和器材制造业', true),
 ('C39', 'C', '制造业', '计算机、通信和其他电子设备制造业', true),
 ('C40', 'C', '制造业', '仪器仪表制造业', true),
 ('C41', 'C', '制造业', '其他制造业', true),
 ('C42', 'C', '制造业', '废弃资源综合利用业', true),
 ('C43', 'C', '制造业', '金属制品、机械和设备修理业', true),
 ('D44', 'D', '电力、热力、燃气及水生产和供应业', '电力、热力生产和供应业', true),
 ('D45', 'D', '电力、热力、燃气及水生产和供应业', '燃气生产和供应业', true),
 ('D46', 'D', '电力、热力、燃气及水生产和供应业', '水的生产和供应业', true),
 ('E47', 'E', '建筑业', '房屋建筑业', false),
 ('E48', 'E', '建筑业', '土木工程建筑业', false),
 ('E49', 'E', '建筑业', '建筑安装业', false),
 ('E50', 'E', '建筑业', '建筑装饰、装修和其他建筑业', false),
 ('F51', 'F', '批发和零售业', '批发业', false),
 ('F52', 'F', '批发和零售业', '零售业', false),
 ('G53', 'G', '交通运输、仓储和邮政业', '铁路运输业', false),
 ('G54', 'G', '交通运输、仓储和邮政业', '道路运输业', false),
 ('G55', 'G', '交通运输、仓储和邮政业', '水上运输业', false),
 ('G56', 'G', '交通运输、仓储和邮政业', '航空运输业', false),
 ('G57', 'G', '交通运输、仓储和邮政业', '管道运输业', false),
 ('G58', 'G', '交通运输、仓储和邮政业', '多式联运和运输代理业', false),
 ('G59', 'G', '交通运输、仓储和邮政业', '装卸搬运和仓储业', false),
 ('G60', 'G', '交通运输、仓储和邮政业', '邮政业', false),
 ('H61', 'H', '住宿和餐饮业', '住宿业', false),
 ('H62', 'H', '住宿和餐饮业', '餐饮业', false),
 ('I63', 'I', '信息传输、软件和信息技术服务业', '电信、广播电视和卫星传输服务', false),
 ('I64', 'I', '信息传输、软件和信息技术服务业', '互联网和相关服务', false),
 ('I65', 'I', '信息传输、软件和信息技术服务业', '软件和信息技术服务业', false),
 ('J66', 'J', '金融业', '货币金融服务', false),
 ('J67', 'J', '金融业', '资本市场服务', false),
 ('J68', 'J', '金融业', '保险业', false),
 ('J69', 'J', '金融业', '其他金融业', false),
 ('K70', 'K', '房地产业', '房地产业', false),
 ('L71', 'L', '租赁和商务服务业', '租赁业', false),
 ('L72', 'L', '租赁和商务服务业', '商务服务业', false),
 ('M73', 'M', '科学研究和技术服务业', '研究和试验发展', false),
 ('M74', 'M', '科学研究和技术服务业', '专业技术服务业', false),
 ('M75', 'M', '科学研究和技术服务业', '科技推广和应用服务业', false),
 ('N76', 'N', '水利、环境和公共设施管理业', '水利管理业', false),
 ('N77', 'N', '水利、环境和公共设施管理业', '生态保护和环境治理业', false),
 ('N78', 'N', '水利、环境和公共设施管理业', '公共设施管理业', false),
 ('N79', 'N', '水利、环境和公共设施管理业', '土地管理业', false),
 ('O80', 'O', '居民服务、修理和其他服务业', '居民服务业', false),
 ('O81', 'O', '居民服务、修理和其他服务业', '机动车、电子产品和日用产品修理业', false),
 ('O82', 'O', '居民服务、修理和其他服务业', '其他服务业', false),
 ('P83', 'P', '教育', '教育', false),
 ('Q84', 'Q', '卫生和社会工作', '卫生', false),
 ('Q85', 'Q', '卫生和社会工作', '社会工作', false),
 ('R86', 'R', '文化、体育和娱乐业', '新闻和出版业', false),
 ('R87', 'R', '文化、体育和娱乐业', '广播、电视、电影和录音制作业', false),
 ('R88', 'R', '文化、体育和娱乐业', '文化艺术业', false),
 ('R89', 'R', '文化、体育和娱乐业', '体育', false),
 ('R90', 'R', '文化、体育和娱乐业', '娱乐业', false),
 ('S91', 'S', '公共管理、社会保障和社会组织', '中国共产党机关', false),
 ('S92', 'S', '公共管理、社会保障和社会组织', '国家机构', false),
 ('S93', 'S', '公共管理、社会保障和社会组织', '人民政协、民主党派', false),
 ('S94', 'S', '公共管理、社会保障和社会组织', '社会保障', false),
 ('S95', 'S', '公共管理、社会保障和社会组织', '群众团体、社会团体和其他成员组织', false),
 ('S96', 'S', '公共管理、社会保障和社会组织', '基层群众自治组织及其他组织', false),
 ('T97', 'T', '国际组织', '国际组织', false);
