-- Areas (片区) are typed per zone by administrators in Chinese; an optional English name lets English pages and
-- English API callers show them in English (issue 9 §7). Without one, the Chinese name is shown.
ALTER TABLE area ADD COLUMN name_en VARCHAR(100);
