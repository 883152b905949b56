-- Which product a park-backed loan (kind PARK_LOAN) is: 园区贷, 纾困园区贷, 财园信贷通, 科贷通, 助保贷 or 其他.
-- Loans recorded before carry 园区贷, the name the reports use for the park-backed loans as a whole
-- ("优化“园区贷”服务"); other kinds carry none.
ALTER TABLE service_financing ADD COLUMN product VARCHAR(24);
UPDATE service_financing SET product = 'PARK_LOAN' WHERE kind = 'PARK_LOAN';
ALTER TABLE service_financing ADD CONSTRAINT service_financing_product_ck
    CHECK ((kind = 'PARK_LOAN') = (product IS NOT NULL));
