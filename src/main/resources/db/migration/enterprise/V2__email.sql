-- Issue 8 §2: an enterprise states how to reach it, e-mail included.
ALTER TABLE enterprise ADD COLUMN email VARCHAR(100);
