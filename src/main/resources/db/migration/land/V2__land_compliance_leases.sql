-- 标准地: the contract's remedy when a commitment is not met, and the plot ratio and building
-- coefficient measured at acceptance (竣工验收), compared with the commitments at 达产.
ALTER TABLE land_supply ADD COLUMN remedy VARCHAR(500);
ALTER TABLE land_supply ADD COLUMN built_plot_ratio NUMERIC(6,2);
ALTER TABLE land_supply ADD COLUMN built_building_coefficient NUMERIC(6,2);
ALTER TABLE land_supply ADD COLUMN built_on DATE;

-- A lease ended before its term (退租): no bills after the day, the unit is free again.
ALTER TABLE asset_lease ADD COLUMN terminated_on DATE;
ALTER TABLE asset_lease ADD COLUMN termination_reason VARCHAR(500);
-- the term agreed when the lease was signed; to_on is the lease's effective end
ALTER TABLE asset_lease ADD COLUMN agreed_to_on DATE;
