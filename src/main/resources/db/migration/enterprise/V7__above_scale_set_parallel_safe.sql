-- The 规上 set function only reads tables: declared parallel safe, so that a statement calling it (the economy
-- summary computes the set and its sums in one statement) may still run its joins, sorts and sums in parallel
-- workers. Undeclared, a function counts as parallel unsafe and keeps the whole calling statement in one process.
ALTER FUNCTION enterprise_above_scale_set(VARCHAR, DATE) PARALLEL SAFE;
